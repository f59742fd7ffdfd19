# ruff: noqa: E501  (fixture sentences read best whole)
"""The corpus-wide figure table: rows from the index, the what filter, sorting, periods, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from idlibtui.annotate import annotate_text
from idlibtui.figure_table import (
    figure_rows,
    figures_from_json,
    figures_to_json,
    group_by_period,
    what_matches,
)


def doc(id_: str, text: str, date: dt.date | None, source: str = "Outlet") -> dict:
    figures, _ = annotate_text(text, date)
    return {
        "id": id_,
        "title": f"title {id_}",
        "source": source,
        "date": date,
        "date_inferred": False,
        "text": text,
        "figures": json.loads(figures_to_json(figures)),
    }


class FakeIndex:
    """What figure_rows needs from SearchIndex: iter_documents(query)."""

    def __init__(self, docs: list[dict]) -> None:
        self.docs = docs
        self.queries: list[str | None] = []

    def iter_documents(self, query: str | None = None):
        self.queries.append(query)
        yield from self.docs


DOCS = [
    doc("a", "The violence has displaced more than 235,000 people, according to the UN.", dt.date(2019, 12, 28), "Al Jazeera"),
    doc("b", "According to the UN, 700,000 civilians have been displaced since December.", dt.date(2020, 2, 5), "SVT"),
    doc("c", "On Monday, five Turkish soldiers were killed. Dozens of villages fell.", dt.date(2020, 2, 5), "TRT World"),
    doc("d", "Nothing counted here.", None),
]  # fmt: skip


def test_rows_carry_outlet_date_sentence_and_attribution() -> None:
    index = FakeIndex(DOCS)
    rows = figure_rows(index, "idlib", None, "date")
    assert index.queries == ["idlib"]
    first = rows[0]
    assert (first.source, first.when, first.value, first.what) == (
        "Al Jazeera", dt.date(2019, 12, 28), 235_000, "displaced people"
    )  # fmt: skip
    assert first.figure.attribution == "UN"
    assert first.sentence.startswith("The violence has displaced")
    assert first.value_text() == "more than 235,000"
    assert first.value_text(qualifier=False) == "235,000"
    assert all(r.figure.kind != "date" for r in rows)


def test_what_filter_and_value_sort() -> None:
    rows = figure_rows(FakeIndex(DOCS), what="displaced", sort="value")
    assert [r.value for r in rows] == [700_000, 235_000]
    killed = figure_rows(FakeIndex(DOCS), what="soldiers killed")
    assert [(r.what, r.when) for r in killed] == [("Turkish soldiers killed", dt.date(2020, 2, 3))]
    assert "'Monday' in the same sentence" in killed[0].when_evidence


def test_group_by_period_is_a_timeline() -> None:
    rows = figure_rows(FakeIndex(DOCS), what="displaced")
    months = group_by_period(rows, "month")
    assert [g.label for g in months] == ["2019-12", "2020-02"]
    weeks = group_by_period(rows, "week")
    assert weeks[0].label == "2019-W52" and weeks[0].start == dt.date(2019, 12, 23)
    assert len(group_by_period(rows, "none")[0].rows) == 2


def test_what_matches() -> None:
    assert what_matches("displaced people", "displaced")
    assert what_matches("people displaced", "displacement")
    assert what_matches("civilians killed", "civilian")
    assert not what_matches("civilians killed", "displaced")


def test_json_round_trip_and_broken_input() -> None:
    figures, _ = annotate_text(
        "On Monday 5 people died; about 3.6 million fled.", dt.date(2020, 2, 5)
    )
    assert figures_from_json(figures_to_json(figures)) == list(figures)
    assert figures_from_json("not json") == []
    assert (
        figures_from_json(
            '[{"start": "x"}, 3, {"start": 0, "end": 1, "text": "5", "kind": "count"}]'
        )[0].text
        == "5"
    )


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory):
    from idlibtui.search.build import update_index

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    index_dir = tmp_path_factory.mktemp("index")
    update_index(corpus, index_dir)
    return index_dir


def _run(args: list[str], index_dir: Path, capsys) -> tuple[int, str]:
    from idlibtui.cli.main import main

    code = main(["--index", str(index_dir), "figures", *args])
    return code, capsys.readouterr().out


def test_cli_table_csv_json(seed_index: Path, capsys) -> None:
    code, out = _run(["--what", "displaced", "--by-period", "month"], seed_index, capsys)
    assert code == 0 and "== 2019-12" in out and "more than 235,000" in out
    code, out = _run(["--what", "refugees", "--csv"], seed_index, capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and all("refugees" in r["what"] for r in rows)
    code, out = _run(["Istanbul", "--json", "--sort", "value"], seed_index, capsys)
    data = json.loads(out)
    values = [r["value"] for r in data["rows"]]
    assert code == 0 and data["query"] == "Istanbul" and values == sorted(values, reverse=True)


def test_cli_bad_query_is_one_line(seed_index: Path, capsys) -> None:
    from idlibtui.cli.main import main

    code = main(["--index", str(seed_index), "figures", 'title:"unclosed'])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") <= 3
