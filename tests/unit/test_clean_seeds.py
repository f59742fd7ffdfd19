"""The five seed articles come out clean, with metadata, typed blocks and an exact repair log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idlibtui.clean import clean_document
from idlibtui.ingest import RawDocument, read_document
from idlibtui.model import Article, BlockKind

BROKEN_ENTITY = re.compile(
    r"&\s*#\s*x?[0-9a-f]+\s*;?|&\s*[a-z]{2,8}\s*;|[,&]?\b(?:quot|apos|amp|rsquo|ldquo|rdquo);",
    re.IGNORECASE,
)


def reconstruct(article: Article) -> str:
    """Apply the outermost recorded repairs to the raw text."""
    repairs = list(article.repairs)
    outer = []
    for i, r in enumerate(repairs):
        covered = any(
            q.raw_start <= r.raw_start and r.raw_end <= q.raw_end for q in repairs[i + 1 :]
        )
        if not covered:
            outer.append(r)
    outer.sort(key=lambda r: (r.raw_start, r.raw_end))
    out, pos = [], 0
    for r in outer:
        assert r.raw_start >= pos, "outermost repairs overlap"
        out.append(article.raw[pos : r.raw_start])
        out.append(r.replacement)
        pos = r.raw_end
    out.append(article.raw[pos:])
    return "".join(out)


def assert_consistent(article: Article) -> None:
    """Repairs point at the raw text exactly; blocks tile the text with one blank line."""
    for r in article.repairs:
        assert article.raw[r.raw_start : r.raw_end] == r.raw, r
        assert r.kind in {
            "entity",
            "mojibake",
            "unicode",
            "flag",
            "control",
            "space",
            "html",
            "debris",
            "boilerplate",
            "metadata",
        }
    assert reconstruct(article) == article.text
    assert "\n\n".join(article.block_text(b) for b in article.blocks) == article.text
    for b in article.blocks:
        piece = article.block_text(b)
        assert piece and piece == piece.strip() and "\n" not in piece


def _load(path: Path) -> Article:
    doc = read_document(path)
    assert isinstance(doc, RawDocument)
    return clean_document(doc.text, path=path.name, encoding=doc.encoding, is_html=doc.is_html)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    root = Path(__file__).resolve().parents[2] / "corpus"
    return {p.name[:3]: _load(p) for p in sorted(root.glob("*.txt"))}


def headings(article: Article) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]


def test_repairs_and_blocks_are_exact(seeds: dict[str, Article]) -> None:
    assert len(seeds) == 5
    for article in seeds.values():
        assert_consistent(article)
        assert article.raw  # the decoded input is kept


def test_no_damage_left(seeds: dict[str, Article]) -> None:
    for key, article in seeds.items():
        text = article.text
        assert not BROKEN_ENTITY.search(text), (key, BROKEN_ENTITY.search(text))
        for debris in [
            "date 20",
            "aAccording",
            "additional.",
            "escalation ”",
            "Democracy Dies in Darkness",
            "Washington Post",
            "(Video:",
            "Storyful",
            "© ",
            "Haj Kadour",
            "Source:",
            "Like Washington",
            "Today’s coverage",
            "7 basic questions",
            "Assad loyalists are turning",
            "U.S. and Turkey negotiate plan",
            "Allies decline request",
            "The U.S. stands in the way",
            "ISTANBUL —",
        ]:
            assert debris not in text, (key, debris)
        assert "\n\n\n" not in text and not re.search(r"[ \t]\n|\n[ \t]|  ", text)


def test_subheadings_kept(seeds: dict[str, Article]) -> None:
    assert headings(seeds["000"]) == ["'Breakpoint'"]
    assert headings(seeds["001"]) == [
        '"Humanitarian disaster"',
        '"In the gap between regime forces and jihadists"',
        "Cease fire probably not",
        "Respect for humanitarian law",
    ]
    assert headings(seeds["004"]) == []


def test_outlets(seeds: dict[str, Article]) -> None:
    assert seeds["002"].source == "TRT World"
    assert seeds["004"].source == "The Washington Post"
    # "Kreimesh told Al Jazeera" is the outlet's own interview; "told AFP news agency" is not.
    assert seeds["000"].source == "Al Jazeera"
    assert "told Al Jazeera" in seeds["000"].source_evidence
    assert seeds["001"].source == ""  # names no outlet: none is invented


def test_stated_dates(seeds: dict[str, Article]) -> None:
    import datetime as dt

    from idlibtui.annotate import date_article

    seeds = {key: date_article(article) for key, article in seeds.items()}
    assert seeds["000"].date == dt.date(2019, 12, 28)
    assert seeds["000"].date_inferred is False
    assert "2019-12-28" in seeds["000"].date_evidence
    assert seeds["003"].date == dt.date(2018, 9, 12)
    assert seeds["003"].date_inferred is False


def test_undated_seeds_are_marked_inferred(seeds: dict[str, Article]) -> None:
    from idlibtui.annotate import date_article

    for key in ("001", "002", "004"):
        article = date_article(seeds[key])
        if article.date is not None:
            assert article.date_inferred is True
            assert article.date_evidence


def test_title_dateline_credits_standfirst(seeds: dict[str, Article]) -> None:
    wapo = seeds["004"]
    assert wapo.title == (
        "Escalating Syrian and Russian airstrikes in rebel-held Idlib stoke fears of a final "
        "showdown"
    )
    assert wapo.blocks[0].kind is BlockKind.TITLE
    assert wapo.dateline == "ISTANBUL"
    assert wapo.block_text(wapo.blocks[1]).startswith("Syrian government and allied Russian")
    assert "Syria Civil Defense via Storyful" in wapo.photo_credit
    assert "Omar Haj Kadour / AFP" in seeds["003"].photo_credit
    assert seeds["003"].text.startswith("Turkey has called for international backing")
    trt = seeds["002"]
    assert trt.blocks[0].kind is BlockKind.STANDFIRST
    for key in ("000", "001", "002", "003"):
        assert all(b.kind is not BlockKind.TITLE for b in seeds[key].blocks)
        assert seeds[key].title  # derived from the first sentence
        assert len(seeds[key].title.split()) <= 13


def test_repaired_text_in_place(seeds: dict[str, Article]) -> None:
    t0 = seeds["000"].text
    assert '"show the world that Russia is complicit" in the killing' in t0
    assert "more than 235,000 people, according to the UN" in t0
    assert 'the name of humanity," he said.\n\n' in t0
    assert t0.startswith("Hundreds of protesters gathered on Saturday")
    assert "since December 1, 2019.\n\n" in seeds["001"].text
    t4 = seeds["004"].text
    assert "Civilians in regime-controlled areas have started to complain about it. . . ." in t4
    assert t4.endswith("distract everyone with this battle.”")
    assert seeds["002"].text.endswith("the United States and other NATO allies.")


def test_seed_repair_kinds(seeds: dict[str, Article]) -> None:
    kinds0 = {(r.kind, r.raw) for r in seeds["000"].repairs}
    assert ("entity", ",quot;") in kinds0
    assert ("debris", "aA") in kinds0
    assert ("metadata", "date 2019-12-28 ") in kinds0
    notes4 = {r.note for r in seeds["004"].repairs}
    assert {"masthead", "dateline", "photo caption"} <= notes4


def test_cleaning_is_idempotent_on_seeds(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        again = clean_document(article.text)
        assert again.text == article.text
