"""The reader screen on the seeds, through the pipeline, on a bare harness app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Static

from idlibtui.model import IngestProblem
from idlibtui.tui.screens.reader import ReaderScreen, header_content
from idlibtui.tui.widgets.article_view import ArticleView
from idlibtui.tui.widgets.side_panel import SidePanel
from tests.app.conftest import settle
from tests.app.reader_harness import SEEDS, HarnessApp, build_article, seed_settings

TRT = "002_ac17027dfa9b0009.txt"  # TRT World, February 2020, date inferred


def reader_app(path: str = TRT, query: str = "soldiers killed", **kwargs) -> HarnessApp:
    settings = seed_settings()
    return HarnessApp(lambda: ReaderScreen("", path, query, settings, **kwargs))


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_open_step_toggle_jump_raw_resize_back() -> None:
    app = reader_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        article = screen.article
        assert article is not None and article.source == "TRT World"
        header = text_of(screen.query_one("#reader-header", Static))
        assert "TRT World" in header and "estimated" in header and "words" in header
        view = screen.view
        assert view.has_focus and view.match_count > 0
        status = screen.query_one("#reader-status", Static)

        # n/N with a counter in the status line
        await pilot.press("n")
        assert text_of(status).startswith(f"1/{view.match_count}")
        await pilot.press("n", "N", "N")
        assert view.current_match == view.match_count - 1
        assert text_of(status).startswith(f"{view.match_count}/{view.match_count}")

        # layers toggle independently
        await pilot.press("f")
        assert not view.show_figures and view.show_entities
        await pilot.press("e", "h")
        assert not view.show_entities and not view.show_hits
        await pilot.press("f", "e", "h")
        assert view.show_figures and view.show_entities and view.show_hits

        # side panel: choosing an entity jumps to its mentions, and again to the next one
        panel = screen.query_one(SidePanel)
        entry = next(e for e in panel.entries if e.kind == "entity" and len(e.spans) > 2)
        screen.jump_to(entry)
        await pilot.pause()
        assert view.marks("focus") == [entry.spans[0]]
        screen.jump_to(entry)
        await pilot.pause()
        assert view.marks("focus") == [entry.spans[1]]
        start, end = view.visible_range()
        assert start <= entry.spans[1][0] < end
        # by keyboard: Tab to the panel, Enter on the highlighted entry
        await pilot.press("tab")
        assert panel.has_focus
        await pilot.press("down")
        chosen = panel.highlighted_entry()
        assert chosen is not None and chosen != entry
        await pilot.press("enter")
        await pilot.pause()
        assert view.marks("focus") == [chosen.spans[0]]
        # n still steps matches while the panel has the focus
        await pilot.press("n")
        assert view.current_match == 0
        await pilot.press("tab")
        assert view.has_focus

        # raw/cleaned toggle
        await pilot.press("r")
        assert view.raw and "RAW" in text_of(status)
        repair = [e for e in panel.entries if e.kind == "repair"][-1]
        screen.jump_to(repair)
        await pilot.pause()
        assert view.raw and view._raw_focus == repair.spans[0]
        row = view._offset_to_row(repair.spans[0][0])
        top = round(view.scroll_offset.y)
        assert top <= row < top + view.scrollable_content_region.height
        await pilot.press("r")
        assert not view.raw

        # reading position survives 80x24 and back
        view.scroll_to_offset(article.text.index("Turkey has built"), top=True)
        await pilot.pause()
        before = view.top_offset()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        start, end = view.visible_range()
        assert start <= before < end
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert view.top_offset() == before

        # date evidence on demand: d, or a click on the header
        header = screen.query_one("#reader-header", Static)
        await pilot.press("d")
        assert article.date_evidence[:20] in text_of(header)
        await pilot.click("#reader-header")
        assert article.date_evidence[:20] not in text_of(header)

        # back
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)


async def test_panel_follows_the_width_until_the_user_chooses() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(SidePanel)
        assert panel.has_class("-hidden")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not panel.has_class("-hidden")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert panel.has_class("-hidden")
        await pilot.press("p")
        assert not panel.has_class("-hidden")
        await pilot.resize_terminal(81, 24)
        await settle(pilot)
        assert not panel.has_class("-hidden")  # the user's choice stays
        await pilot.press("p")
        assert panel.has_class("-hidden")


async def test_loading_then_problem_is_shown(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    app = reader_app(missing, "")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.problem is not None and isinstance(screen.problem, IngestProblem)
        assert "cannot open" in text_of(screen.query_one("#reader-header", Static))
        assert "cannot be read" in "\n".join(screen.view.render_line(y).text for y in range(3))


async def test_loading_placeholder_before_the_worker_answers() -> None:
    app = reader_app()
    async with app.run_test(size=(100, 24)):
        view = app.screen.query_one(ArticleView)
        if view.article is None:  # the worker has not answered yet
            assert "loading" in view.render_line(0).text


async def test_claims_key_on_figure_without_subject_notifies() -> None:
    article = build_article(["About 12 civilians died."], figures=[("12 civilians", "")])
    app = HarnessApp(lambda: ReaderScreen("", "", "", seed_settings(), article=article))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert any("no known subject" in str(n.message) for n in app._notifications)


def test_header_marks_inferred_date_and_evidence() -> None:
    article = build_article(
        ["x"], date=dt.date(2020, 2, 3), date_inferred=True, date_evidence="latest date: Feb 3"
    )
    short = header_content(article).plain
    assert "2020-02-03" in short and "estimated" in short and "Feb 3" not in short
    assert "latest date: Feb 3" in header_content(article, show_evidence=True).plain


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
async def test_every_seed_opens(name: str) -> None:
    app = reader_app(name, "Idlib")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.article is not None
        assert screen.view.match_count > 0
        assert screen.view.line_count > 10
