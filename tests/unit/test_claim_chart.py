"""The claims chart's data (compare.chart) and its exported file (compare.chart_file, CLI)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from idlibtui.compare.chart import MAX_SERIES, OTHER, chart_of, day, thinned, thinned_bars
from idlibtui.compare.events import INCIDENT, PERIOD, RUNNING, Claim, When
from idlibtui.compare.quantity import quantity_of
from idlibtui.figure_table import EventRows, FigureRow, group_by_event
from idlibtui.model import Figure
from tests.unit.test_figure_table import DOCS, FakeIndex

Q = quantity_of("people displaced")
D = dt.date(2020, 2, 10)


def row(
    article: str,
    value: float,
    *,
    outlet: str = "Outlet",
    qualifier: str = "",
    vague: str = "",
    value_max: float | None = None,
    lo: dt.date = D,
    hi: dt.date = D,
    scope: str = INCIDENT,
    undated: bool = False,
    inferred: bool = False,
) -> FigureRow:
    text = vague or str(int(value))
    fig = Figure(
        0,
        len(text),
        text,
        "count",
        value,
        value_max=value_max,
        vague=bool(vague),
        magnitude=1 if vague == "dozens" else None,
        what="people displaced",
        qualifier=qualifier,
    )
    when = When(scope, lo, hi, undated=undated)
    return FigureRow(
        article,
        f"title {article}",
        outlet,
        hi,
        inferred,
        fig,
        f"sentence of {article}",
        hi,
        "",
        claim=Claim(article, fig, Q, when),
    )


def group(*rows: FigureRow, verdict: str = "") -> EventRows:
    return EventRows("people displaced", "an event", rows, verdict)


def test_points_carry_intervals_open_bars_ranges_and_estimated_dates() -> None:
    jan = dt.date(2020, 1, 1)
    chart = chart_of(
        [
            group(
                row("a", 10, vague="dozens"),
                row("b", 50, qualifier="at least"),
                row("c", 15, value_max=20, lo=jan, hi=dt.date(2020, 1, 31), scope=PERIOD),
                row("d", 30, undated=True, inferred=True, scope=RUNNING),
            )
        ]
    )
    by = {p.article_id: p for p in chart.points}
    assert (by["a"].y_lo, by["a"].y_hi, by["a"].vague) == (24.0, 99.0, True)
    assert by["b"].open_top and by["b"].y_lo == 50 and chart.y_top > 99
    assert (day(by["c"].x_lo), day(by["c"].x_hi)) == (jan, dt.date(2020, 1, 31))
    assert (by["c"].y_lo, by["c"].y_hi) == (15, 20) and by["c"].date_kind == "period"
    assert by["d"].estimated and "estimated" in by["d"].date_kind
    assert not by["a"].estimated and not by["a"].open_top
    # ordered by date: the January period first; index is the timeline's row
    assert chart.points[0].article_id == "c"
    assert [p.index for p in sorted(chart.points, key=lambda p: p.index)] == [0, 1, 2, 3]


def test_differ_marks_only_the_points_a_verdict_contradicts() -> None:
    chart = chart_of(
        [
            group(row("a", 8), row("b", 8), row("c", 5), verdict="differ: 8 vs 5"),
            group(row("d", 100), row("e", 100, qualifier="about"), verdict="consistent"),
            group(row("f", 7), row("g", 7), row("h", 30, qualifier="about"), verdict="differ: x"),
        ]
    )
    flagged = {p.article_id for p in chart.points if p.differ}
    assert flagged == {"a", "b", "c", "f", "g", "h"}
    chart = chart_of([group(row("a", 8), row("a", 5), verdict="differ: x")])
    assert not any(p.differ for p in chart.points)  # one report's own two figures


def test_log_scale_when_values_span_orders_of_magnitude() -> None:
    assert chart_of([group(row("a", 200), row("b", 350_000))]).log
    assert not chart_of([group(row("a", 5), row("b", 8))]).log


def test_series_one_per_outlet_and_the_rest_together() -> None:
    rows = [row(f"a{i}", 10 + i, outlet=f"outlet {i}") for i in range(MAX_SERIES + 3)]
    chart = chart_of([group(*rows)])
    assert len(chart.series) == MAX_SERIES and chart.series[-1] == OTHER
    assert {p.series for p in chart.points} == set(range(MAX_SERIES))
    small = chart_of([group(row("a", 1, outlet="X"), row("b", 2, outlet="Y"), row("c", 3))])
    assert set(small.series) == {"X", "Y", "Outlet"}


def test_undated_figures_are_counted_not_drawn() -> None:
    r = row("a", 10)
    no_claim = FigureRow("z", "t", "o", None, False, r.figure, "s", None, "")
    chart = chart_of([group(r), EventRows("other figures", "", (no_claim,))])
    assert len(chart.points) == 1 and chart.undated == 1


def test_thinning_keeps_one_marker_per_cell_and_every_differing_cell() -> None:
    rows = [row(f"a{i}", 1000 + i % 3) for i in range(2000)] + [row("x", 1001)]
    chart = chart_of([group(*rows), group(row("p", 10), row("q", 99_000), verdict="differ")])
    shown = thinned(chart.points, 60, 12, chart.log)
    assert len(shown) < 20
    assert {p.article_id for p in shown if p.differ} == {"p", "q"}
    assert thinned_bars(chart.points, 60, 12, chart.log) == []  # no ranges, no intervals


def test_chart_from_the_one_grouping() -> None:
    from idlibtui.figure_table import figure_rows

    rows = figure_rows(FakeIndex(DOCS), what="displaced")
    groups = group_by_event(rows)
    chart = chart_of(groups)
    assert {p.outlet for p in chart.points} == {"Al Jazeera", "SVT"}
    values = sorted(p.y for p in chart.points)
    assert values == [235_000, 700_000]
    open_ = [p for p in chart.points if p.open_top]
    assert [p.qualifier for p in open_] == ["more than"]


# -- the exported file ---------------------------------------------------------------------------


def test_write_chart_svg_has_every_point(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from idlibtui.compare.chart_file import write_chart

    chart = chart_of(
        [
            group(row("a", 8, outlet="[bold]A$x$"), row("b", 5), verdict="differ: 8 vs 5"),
            group(row("c", 20, vague="dozens"), row("d", 40, qualifier="at least")),
        ]
    )
    svg = tmp_path / "c.svg"
    assert write_chart(chart, svg, title="people displaced") == 4
    text = svg.read_text(encoding="utf-8")
    ids = sorted(int(n) for n in re.findall(r'id="point-(\d+)"', text))
    assert ids == sorted(p.index for p in chart.points)
    assert "[bold]A" in text  # the outlet's name is literal text, not math or markup
    png = tmp_path / "c.png"
    write_chart(chart, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory):
    from idlibtui.search.build import update_index

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    index_dir = tmp_path_factory.mktemp("index")
    update_index(corpus, index_dir)
    return index_dir


def test_cli_plot_writes_the_seed_chart(seed_index: Path, tmp_path: Path, capsys) -> None:
    pytest.importorskip("matplotlib")
    from idlibtui.cli.main import main
    from idlibtui.figure_table import figure_rows
    from idlibtui.search import open_index

    out = tmp_path / "displaced.svg"
    code = main(["--index", str(seed_index), "figures", "--what", "displaced people", "--plot",
                 str(out)])  # fmt: skip
    assert code == 0 and out.exists(), capsys.readouterr()
    expected = chart_of(
        group_by_event(figure_rows(open_index(seed_index), what="displaced people"))
    )
    ids = re.findall(r'id="point-(\d+)"', out.read_text(encoding="utf-8"))
    assert len(ids) == len(expected.points) >= 5
    assert f"{len(expected.points)} figures" in capsys.readouterr().out


def test_cli_plot_bad_name_and_missing_matplotlib(
    seed_index: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    from idlibtui.cli.main import main

    args = ["--index", str(seed_index), "figures", "--what", "displaced people", "--plot"]
    assert main([*args, str(tmp_path / "chart.txt")]) == 2
    assert ".svg or .png" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if the extra were not installed
    assert main([*args, str(tmp_path / "chart.svg")]) == 2
    err = capsys.readouterr().err
    assert "pip install 'idlibtui[plot]'" in err and err.count("\n") == 1
    assert not (tmp_path / "chart.svg").exists()
