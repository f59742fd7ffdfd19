# ruff: noqa: E501  (fixture sentences read best whole)
"""One grouping: the comparison, the claims timeline and ``idlibtui figures`` put the same
figures together (all three go through ``idlibtui.compare.events.group_claims``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from idlibtui.annotate import annotate_text
from idlibtui.compare import compare_articles
from idlibtui.figure_table import (
    claims_for,
    figure_rows,
    figures_to_json,
    group_by_event,
    grouped,
)
from tests.unit.compare_builders import article

D = dt.date

REPORTS = [
    ("a", "TRT World", D(2020, 2, 4), (D(2020, 2, 3), D(2020, 2, 7)),
     "The Syrian regime's attack on Turkey's security forces on Monday morning killed five soldiers and one civilian contractor. "
     "In December, almost 300,000 people fled to areas closer to the Turkish border, according to the UN. "
     "Three troops were wounded in the attack on Monday."),
    ("b", "SVT", D(2020, 2, 11), (D(2020, 2, 10), D(2020, 2, 11)),
     "On Monday, five Turkish soldiers were killed in Idlib province. "
     "According to the UN, 700,000 civilians have been forced to flee since December. "
     "After eight Turkish soldiers were killed by Syrian government forces last week, Turkey's President warned Russia. "
     "Seven people were wounded in last week's attack on Turkish troops."),
    ("c", "Al Jazeera", D(2019, 12, 28), (None, None),
     "The latest violence has displaced more than 235,000 people, according to the UN. "
     "Dozens of civilians have been killed."),
    ("d", "Anadolu", D(2020, 2, 3), (None, None),
     "Eight Turkish soldiers were killed on Monday in Idlib. About 250,000 people fled in December, the UN said."),
]  # fmt: skip


def _article(id_, source, date, rng, text):
    figures, entities = annotate_text(text, date)
    a = article(text, id=id_, date=date, source=source, figures=figures, entities=entities)
    if rng[0] is not None:
        a = dataclasses.replace(
            a, date_kind="estimated", date_earliest=rng[0], date_latest=rng[1], date_inferred=True
        )
    return a


ARTICLES = {r[0]: _article(*r) for r in REPORTS}


def _doc(a) -> dict:
    return {
        "id": a.id,
        "title": f"title {a.id}",
        "source": a.source,
        "path": a.path,
        "date": a.date,
        "date_inferred": a.date_inferred,
        "date_kind": a.date_kind,
        "date_earliest": a.date_earliest,
        "date_latest": a.date_latest,
        "text": a.text,
        "figures": json.loads(figures_to_json(a.figures)),
    }


class FakeIndex:
    def __init__(self, docs: list[dict]) -> None:
        self.docs = docs

    def iter_documents(self, query: str | None = None):
        yield from self.docs


INDEX = FakeIndex([_doc(a) for a in ARTICLES.values()])


def _partition(groups) -> set[frozenset[tuple[str, int]]]:
    return {frozenset((r.article_id, r.figure.start) for r in g.rows) for g in groups}


@pytest.mark.parametrize("what", ["people fled", "soldiers killed", "displaced", "wounded"])
def test_figures_and_claims_timeline_group_alike(what: str) -> None:
    cli = grouped(figure_rows(INDEX, what=what), "event")
    timeline = claims_for(INDEX, what)
    assert cli and _partition(cli) == _partition(timeline)
    if what == "people fled":  # "fled" finds "displaced" and "forced to flee" (three words)
        assert {r.article_id for g in timeline for r in g.rows} == {"a", "b", "c", "d"}


@pytest.mark.parametrize(
    ("left", "right"), [("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("a", "d")]
)
def test_comparison_pairs_only_what_the_corpus_groups_together(left: str, right: str) -> None:
    la, ra = ARTICLES[left], ARTICLES[right]
    cmp = compare_articles(la, ra)
    two = FakeIndex([_doc(la), _doc(ra)])
    corpus = _partition(grouped(figure_rows(two), "event"))
    judged = [g for g in cmp.figures if g.relation in ("same", "consistent", "differ")]
    for g in judged:
        members = {(left, f.start) for f in g.left} | {(right, f.start) for f in g.right}
        assert any(members <= part for part in corpus), (g.what, g.relation, members)
    # and every event the corpus view gives both reports is judged in the comparison
    for part in corpus:
        if {a for a, _ in part} == {left, right}:
            assert any(
                {(left, f.start) for f in g.left} | {(right, f.start) for f in g.right} == part
                for g in judged
            ), part


def test_the_timeline_from_a_figure_meets_wider_victims_at_one_event() -> None:
    b = ARTICLES["b"]
    (wounded,) = [f for f in b.figures if f.what.endswith("wounded")]
    groups = claims_for(INDEX, figure=wounded)
    (event,) = [
        g
        for g in groups
        if any(
            r.figure is not None and r.article_id == "b" and r.figure.start == wounded.start
            for r in g.rows
        )
    ]
    # "people wounded" (b) and "troops wounded" (a) in the attack of 3 February meet
    assert {r.article_id for r in event.rows} == {"a", "b"}
    assert event.verdict == "differ: 7 vs 3"


def test_seed_figures_cli_and_timeline_agree(tmp_path_factory, capsys) -> None:
    from idlibtui.cli.main import main
    from idlibtui.search import open_index
    from idlibtui.search.build import update_index

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    index_dir = tmp_path_factory.mktemp("index")
    update_index(corpus, index_dir)
    for what in ("people fled", "soldiers killed", "refugees"):
        code = main(
            ["--index", str(index_dir), "figures", "--what", what, "--by-period", "event", "--json"]
        )
        rows = json.loads(capsys.readouterr().out)["rows"]
        assert code == 0 and rows
        cli: dict[str, set] = {}
        for r in rows:
            cli.setdefault(r["period"], set()).add((r["article_id"], r["start"]))
        timeline = claims_for(open_index(index_dir), what)
        assert {frozenset(v) for v in cli.values()} == _partition(timeline)


def test_exports_cite_every_report_and_keep_formulas_inert() -> None:
    from idlibtui.figure_table import export_csv, export_markdown

    (event,) = [g for g in claims_for(INDEX, "people fled") if len(g.rows) > 1][:1]
    md = export_markdown(event)
    for row in event.rows:
        assert f"figure chars {row.figure.start}–{row.figure.end}" in md
        assert row.source in md
    assert event.verdict and event.verdict.split(":")[0] in md
    text = "=HYPERLINK(1) Five Turkish soldiers were killed on Monday."
    doc = _doc(_article("z", "X", D(2020, 2, 4), (None, None), text))
    (event,) = group_by_event(figure_rows(FakeIndex([doc]), what="soldiers killed"))
    cells = [c for line in export_csv(event).splitlines()[1:] for c in line.split(",")]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert not any(c.startswith("=") for c in cells)


def test_the_index_date_range_is_read() -> None:
    from idlibtui.figure_table import article_date_of

    doc = {
        "date": D(2020, 2, 5),
        "date_kind": "estimated",
        "date_range": ["2020-02-03", "2020-02-07"],
    }
    art = article_date_of(doc)
    assert (art.earliest, art.latest, art.estimated) == (D(2020, 2, 3), D(2020, 2, 7), True)
    assert article_date_of({"date": None, "date_range": ["", ""]}).earliest is None
