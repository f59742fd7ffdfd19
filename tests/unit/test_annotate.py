"""annotate(): the article gains figures and entities; corrections; bad input never raises."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlibtui.annotate import (
    ANNOTATOR_VERSION,
    Corrections,
    CorrectionsError,
    annotate,
    load_corrections,
)
from idlibtui.annotate.corrections import parse_corrections
from idlibtui.config import ConfigError
from idlibtui.model import Article, Block, BlockKind


def article(text: str, date: dt.date | None = None, inferred: bool = False) -> Article:
    return Article(
        id="x", path="x.txt", raw=text, text=text,
        blocks=(Block(BlockKind.PARAGRAPH, 0, len(text)),), date=date, date_inferred=inferred,
    )  # fmt: skip


TEXT = (
    "On Monday, five Turkish soldiers were killed near Saraqib, the Turkish Defence Ministry said. "
    "Erdogan blamed Assad. Khan Sheikhoun fell. Reporters saw Darkness everywhere."
)


def test_annotate_fills_figures_and_entities() -> None:
    a = annotate(article(TEXT, dt.date(2020, 2, 5)))
    assert ANNOTATOR_VERSION
    kinds = {(f.text, f.kind) for f in a.figures}
    assert ("five", "count") in kinds and ("Monday", "date") in kinds
    monday = next(f for f in a.figures if f.kind == "date")
    assert monday.date == dt.date(2020, 2, 3) and monday.inferred
    names = {(m.canonical, m.type) for m in a.entities}
    assert ("Recep Tayyip Erdogan", "PERSON") in names
    assert ("Bashar al-Assad", "PERSON") in names
    assert ("Saraqib", "PLACE") in names
    for item in (*a.figures, *a.entities):
        assert a.text[item.start : item.end] == item.text
    # a date set by the caller is kept, as supplied
    assert (a.date, a.date_kind) == (dt.date(2020, 2, 5), "supplied")
    bare = dataclasses.replace(a, figures=(), entities=(), date_kind="")
    bare = dataclasses.replace(bare, date_earliest=None, date_latest=None)
    assert bare == article(TEXT, dt.date(2020, 2, 5))


def test_inferred_article_date_is_said_in_the_evidence() -> None:
    a = annotate(article("On Monday, 5 people died.", dt.date(2020, 2, 5), inferred=True))
    monday = next(f for f in a.figures if f.kind == "date")
    assert monday.inferred and "inferred" in monday.evidence


CORRECTIONS = """
suppress = ["Darkness"]

[[entity]]
name = "Abu Hassan al-Idlibi"
type = "PERSON"
aliases = ["Reporters"]

[[entity]]
name = "Saraqib"
type = "PLACE"
aliases = ["Sraqeb"]

[merge]
"Khan Shaykhun" = "Khan Sheikhoun (town)"

[rename]
"Recep Tayyip Erdogan" = "Recep Tayyip Erdoğan"
"""


def test_corrections_add_merge_rename_suppress(tmp_path: Path) -> None:
    path = tmp_path / "entities.toml"
    path.write_text(CORRECTIONS, encoding="utf-8")
    a = annotate(article(TEXT + " Sraqeb was shelled."), corrections=path)
    names = {(m.text, m.canonical, m.type) for m in a.entities}
    assert ("Reporters", "Abu Hassan al-Idlibi", "PERSON") in names
    assert ("Sraqeb", "Saraqib", "PLACE") in names
    assert ("Khan Sheikhoun", "Khan Sheikhoun (town)", "PLACE") in names
    assert ("Erdogan", "Recep Tayyip Erdoğan", "PERSON") in names
    assert not any(m.text == "Darkness" for m in a.entities)
    # the loaded object works the same, and no corrections leaves the default
    same = annotate(article(TEXT + " Sraqeb was shelled."), corrections=load_corrections(path))
    assert same.entities == a.entities
    plain = annotate(article(TEXT))
    assert ("Erdogan", "Recep Tayyip Erdogan", "PERSON") in {
        (m.text, m.canonical, m.type) for m in plain.entities
    }


def test_missing_corrections_file_is_no_corrections(tmp_path: Path) -> None:
    c = load_corrections(tmp_path / "nope.toml")
    assert isinstance(c, Corrections) and c.empty
    assert (
        annotate(article(TEXT), corrections=tmp_path / "nope.toml").entities
        == annotate(article(TEXT)).entities
    )


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[[entity]]\nname = 'X'\ntype = 'THING'\n", "line 2"),
        ("[[entity]]\ntype = 'PERSON'\n", "line 1"),
        ("[merge]\n'A' = 3\n", "line 2"),
        ("suppress = 'x'\n[merge\n", "line 2"),
        ("[colours]\nx = 1\n", "unknown section"),
    ],
)
def test_bad_corrections_name_the_file_and_line(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError) as info:
        load_corrections(path)
    assert str(path) in str(info.value) and needle in str(info.value)
    assert isinstance(info.value, ConfigError)  # the CLI reports it as one line, exit 2


def test_parse_corrections_accepts_empty() -> None:
    assert parse_corrections("").empty


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "12 34 5,6 7.8 2019 2020-01-01 $ % " * 50, "x" * 100_000, "9" * 100_000],
    ids=["empty", "blank", "numbers", "letters", "digits"],
)
def test_bad_input_never_raises(text: str) -> None:
    a = annotate(article(text, dt.date(2020, 1, 1)))
    for item in (*a.figures, *a.entities):
        assert text[item.start : item.end] == item.text


@pytest.mark.slow
def test_one_megabyte_on_one_line() -> None:
    line = ("In Idlib, 3 million people fled on Monday; HTS and the UN said 12 died. " * 14_000)[
        :1_000_000
    ]
    a = annotate(article(line, dt.date(2020, 1, 1)))
    assert len(a.figures) > 10_000 and len(a.entities) > 10_000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_unicode_never_raises(text: str) -> None:
    a = annotate(article(text, dt.date(2020, 2, 29)))
    for item in (*a.figures, *a.entities):
        assert text[item.start : item.end] == item.text


def test_corrections_fingerprint_changes_with_the_file(tmp_path: Path) -> None:
    from idlibtui.annotate import corrections_fingerprint

    path = tmp_path / "entities.toml"
    assert corrections_fingerprint(path) == "" and corrections_fingerprint(None) == ""
    path.write_text('suppress = ["A"]\n', encoding="utf-8")
    first = corrections_fingerprint(path)
    path.write_text('suppress = ["B"]\n', encoding="utf-8")
    assert first and corrections_fingerprint(path) not in ("", first)
