"""The claims timeline: every report of one quantity grouped by event, Enter opens the report
at the figure's sentence, `e` exports the event group as Markdown and CSV evidence."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from idlibtui.tui.screens.claims import ClaimsScreen, ReaderAt
from tests.app.conftest import settle, wait_until


async def test_claims_grouped_by_event_open_at_sentence_and_export(
    make_app, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = ClaimsScreen("people fled", app.settings, export_dir=tmp_path)
        app.push_screen(screen)
        await settle(pilot)
        assert not screen.error and screen.groups
        # "fled" finds "displaced people" and "civilians fled" too, grouped by event
        whats = {c.what for c in screen.claims}
        assert len(screen.claims) >= 3 and len(screen.groups) >= 2, whats
        assert all(0 <= c.group < len(screen.groups) for c in screen.claims)
        target = next(i for i, c in enumerate(screen.claims) if c.sentence_end > 0)
        await pilot.press(*["down"] * target)
        claim = screen.claims[target]
        await pilot.press("e")
        md = next(tmp_path.glob("*.md"))
        text = md.read_text(encoding="utf-8")
        group = screen.groups[claim.group]
        assert f"figure chars {group.rows[0].figure.start}–" in text
        records = list(csv.DictReader(io.StringIO(md.with_suffix(".csv").read_text("utf-8"))))
        assert len(records) == len(group.rows)
        assert {r["outlet"] for r in records} == {r.source for r in group.rows}
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderAt) and reader.article is not None
        assert reader.view.marks("focus") == [(claim.sentence_start, claim.sentence_end)]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_chart_view_cursor_detail_and_open(make_app) -> None:
    from idlibtui.tui.widgets.claim_chart import ClaimChart
    from tests.app.conftest import screen_text

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = ClaimsScreen("displaced people", app.settings)
        app.push_screen(screen)
        await settle(pilot)
        assert "v Chart/table" in screen_text(app)
        await pilot.press("v")
        await settle(pilot)
        assert "v Chart/table" in screen_text(app).splitlines()[-1]  # the toggle, at 80 columns
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        chart = screen.query_one(ClaimChart)
        assert (
            screen.query_one("#claims-chart-view").display
            and not screen.query_one("#claims-table").display
        )
        assert app.focused is chart and screen.chart.log
        points = screen.chart.points
        dated = [c for c in screen.claims if c.date is not None]
        assert len(points) == len(dated) >= 5
        assert {p.outlet for p in points} == {c.source or "unknown outlet" for c in dated}
        # the comparison's "differ" verdicts mark points; the others are not marked
        assert any(p.differ for p in points)
        assert all(screen.groups[p.group].verdict.startswith("differ") for p in points if p.differ)
        text = screen_text(app)
        assert "◆" in text and "log scale" in text
        await pilot.press("right", "right")
        await settle(pilot)
        point = chart.point
        assert point is points[2]
        claim = screen.claims[point.index]
        detail = screen_text(app)
        assert f"3/{len(points)}" in detail and claim.sentence.split()[0] in detail
        assert (point.qualifier + " " + point.value_text).strip() in detail
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderAt) and reader.article is not None
        assert reader.view.marks("focus") == [(claim.sentence_start, claim.sentence_end)]
        start, end = reader.view.visible_range()
        assert start <= claim.sentence_start < end  # scrolled to the sentence
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and app.focused is chart
        await pilot.press("v")  # back to the table, on the same report
        await settle(pilot)
        assert not screen.query_one("#claims-chart-view").display
        assert screen.query_one("#claims-table").display and screen.current() == claim


async def test_chart_detail_shows_article_text_literally_and_asks_to_widen(make_app) -> None:
    import dataclasses

    from tests.app.conftest import screen_text

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = ClaimsScreen("displaced people", app.settings)
        app.push_screen(screen)
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        point = dataclasses.replace(
            screen.chart.points[0],
            outlet="[bold]Evil[/] [@click=app.quit]x[/]",
            sentence="a [/] b [red]c\x1b]0;t\x07",
        )
        screen._detail(point)
        await settle(pilot)
        text = screen_text(app)
        assert "[bold]Evil[/] [@click=app.quit]x[/]" in text and "a [/] b [red]c" in text
        chart = screen.query_one("#claims-chart")
        dark = chart.colours()
        before = " ".join(getattr(d, "marker_style", "") for d in chart._datasets)
        app.theme = "textual-light"
        await settle(pilot)
        light = chart.colours()
        assert light != dark and len(set(dark)) == len(dark)  # the theme's, distinct
        styles = " ".join(getattr(d, "marker_style", "") for d in chart._datasets)
        assert light[0] in styles and styles != before  # redrawn in the new theme
        await pilot.resize_terminal(56, 20)
        assert await wait_until(pilot, lambda: "The chart needs at least" in screen_text(app))
        assert screen.has_class("narrow")
        assert app.is_running


async def test_claims_say_which_figure_they_follow_and_copy_a_citation(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = ClaimsScreen("people fled", app.settings)
        app.push_screen(screen)
        await settle(pilot)
        claim = screen.current()
        assert claim is not None
        await pilot.press("y")
        assert app.clipboard.startswith("“") and claim.value in app.clipboard
        assert (claim.source or "unknown outlet") in app.clipboard
        screen.figure = type("Fig", (), {"text": "700,000"})()
        assert "following “700,000”" in screen._header("").plain
