"""Lines of real text the line pass must keep: prose in another language or with non-ASCII
punctuation and no full stop (not a related link for its length), symbol lines that are not
rules, and closing quotes that may close a quotation opened elsewhere."""

from __future__ import annotations

import pytest

from idlibtui.clean import clean_document
from tests.unit.test_clean_seeds import assert_consistent

BODY = "Fighting went on through the night in the villages south of the city, residents said."
AFTER = "More trucks are expected to follow later this week, according to the aid agencies."


def paragraphs(text: str) -> list[str]:
    article = clean_document(text)
    assert_consistent(article)
    return article.text.split("\n\n")


@pytest.mark.parametrize(
    "line",
    [
        # another language, no full stop, twelve words or more
        "Les habitants de la ville ont quitté leurs maisons pendant la nuit sous les bombes",
        "Los vecinos del barrio salieron a la calle para pedir ayuda a las autoridades",
        "Die Bewohner der Stadt verließen ihre Häuser in der Nacht und flohen nach Norden",
        # non-ASCII punctuation inside: an ellipsis between two sentences, a registered sign
        "We waited for hours and nobody came to the crossing… Then the rain started again",
        "ACME® opened a new warehouse for the food parcels bound for the northern camps",
    ],
)
def test_prose_without_a_full_stop_is_not_a_related_link(line: str) -> None:
    assert paragraphs(f"{BODY}\n\n{line}\n\n{AFTER}") == [BODY, line, AFTER]


@pytest.mark.parametrize(
    "headline",
    [
        "Russia and Turkey agree to open a humanitarian corridor out of the besieged town",
        "UN envoy says talks on the Syrian constitution resume in Geneva next month after delays",
        "Le Drian: France will ask the Security Council for an urgent meeting on the offensive",
    ],
)
def test_a_long_english_headline_mid_text_is_still_a_related_link(headline: str) -> None:
    assert paragraphs(f"{BODY}\n\n{headline}\n\n{AFTER}") == [BODY, AFTER]


@pytest.mark.parametrize("line", ["(•_•)", "∆°", "≈∞", ":-)"])
def test_symbol_lines_that_are_not_rules_stay(line: str) -> None:
    assert paragraphs(f"{BODY}\n\n{line}\n\n{AFTER}") == [BODY, line, AFTER]


@pytest.mark.parametrize("rule", ["* * *", "-----", "—-", "=-=-=-=", "• • •", "___", "#"])
def test_rules_are_still_removed(rule: str) -> None:
    assert paragraphs(f"{BODY}\n\n{rule}\n\n{AFTER}") == [BODY, AFTER]


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("He trailed off and said he was not sure…”", "He trailed off and said he was not sure…”"),
        (
            "the shelling stopped,” the official added.",
            "the shelling stopped,” the official added.",
        ),
        ("The talks ended without a deal ”.", "The talks ended without a deal."),
        ("The talks ended without a deal.”", "The talks ended without a deal."),
        ("The talks ended without a deal.””", "The talks ended without a deal."),
    ],
)
def test_orphan_closing_quotes(raw: str, kept: str) -> None:
    assert paragraphs(f"{BODY}\n\n{raw}\n\n{AFTER}")[1] == kept
