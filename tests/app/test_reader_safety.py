"""Untrusted text (GUIDE §3) through every widget of the reader, compare, picker and claims
screens: no crash, no injected action, the brackets shown literally, no escape reaching out."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, OptionList, Static

from idlibtui.compare.model import FigureGroup, Period
from idlibtui.figure_table import EventRows, FigureRow
from idlibtui.model import Figure
from idlibtui.tui.screens.claims import ClaimsLoaded, ClaimsScreen
from idlibtui.tui.screens.compare import CompareScreen
from idlibtui.tui.screens.picker import Choice, PickerScreen, TitlesLoaded
from idlibtui.tui.screens.reader import ReaderScreen
from idlibtui.tui.widgets.figure_table import FigureTable
from tests.app.conftest import screen_text, settle
from tests.app.reader_harness import HarnessApp, build_article, seed_settings

NASTY = ["[/]", "[bold]", "[@click=app.quit]x[/]", "[a[0]]"]
ESC = "\x1b]0;pwned\x07"


def nasty_article(article_id: str = "nasty"):
    body = " ".join(NASTY)
    return build_article(
        [
            f"Opening {body} 12 civilians [/] killed in [b]Idlib[/b] {ESC} end.",
            f"Second {NASTY[2]} paragraph says 12 civilians again.",
        ],
        title=f"Title {body} {ESC}",
        source=f"Outlet {NASTY[1]} {NASTY[0]}",
        headings={1: f"Heading {NASTY[3]}"},
        figures=[("12 civilians", f"what {NASTY[2]}")],
        entities=[("[b]Idlib[/b]", "PLACE", f"Canon {NASTY[0]}")],
        date=dt.date(2020, 2, 3),
        date_inferred=True,
        date_evidence=f"evidence {NASTY[2]} {ESC}",
        article_id=article_id,
    )


def assert_literal(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    for literal in ("[/]", "[bold]", "[a[0]]"):
        assert literal in text


async def test_reader_shows_markup_literally() -> None:
    article = nasty_article()
    app = HarnessApp(lambda: ReaderScreen("", "", "bold", seed_settings(), article=article))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        header = str(screen.query_one("#reader-header", Static).render())
        assert "Title [/] [bold] [@click=app.quit]x[/] [a[0]]" in header
        assert "Outlet [bold] [/]" in header
        shown = screen_text(app)
        assert_literal(shown)
        assert "[@click=app.quit]x[/]" in shown
        panel_text = "\n".join(
            str(option.prompt) for option in screen.query_one(OptionList)._options
        )
        assert "Canon [/]" in panel_text and "[@click=app.quit]x[/]" in panel_text
        await pilot.press("d", "n", "r", "r", "p", "p")
        assert "[@click=app.quit]x[/]" in str(screen.query_one("#reader-header", Static).render())
        await pilot.click("#article", offset=(12, 2))
        await pilot.press("t")
        await settle(pilot)
        assert app.is_running


async def test_compare_and_figure_table_show_markup_literally() -> None:
    left, right = nasty_article("left"), nasty_article("right")
    app = HarnessApp(
        lambda: CompareScreen("", "", seed_settings(), left_article=left, right_article=right)
    )
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        figure = Figure(0, 3, f"12 {NASTY[0]}", "count", what=NASTY[2])
        group = FigureGroup(
            what=f"what {NASTY[2]}",
            period=Period(dt.date(2020, 2, 3), None),
            relation="differ",
            left=(figure,),
            right=(figure,),
        )
        table = screen.query_one(FigureTable)
        table.set_groups([group])
        await pilot.pause()
        assert table.row_count == 1
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert "what [@click=app.quit]x[/]" in cells[0]
        assert "12 [/]" in cells[3]
        shown = screen_text(app)
        assert_literal(shown)
        await pilot.press("right_square_bracket", "enter", "w")
        await settle(pilot)
        assert app.is_running


async def test_picker_and_claims_show_markup_literally() -> None:
    settings = seed_settings()
    app = HarnessApp(lambda: PickerScreen(settings))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        picker = app.screen
        picker.post_message(
            TitlesLoaded(
                [Choice("k", f"T {NASTY[2]} {NASTY[3]} {ESC}", NASTY[1], "2020-01-01", "p")],
                None,
            )
        )
        await pilot.pause()
        shown = screen_text(app)
        for literal in ("[@click=app.quit]x[/]", "[a[0]]", "[bold]"):
            assert literal in shown
        assert "\x1b" not in shown
        await pilot.press("escape")
        claims = ClaimsScreen(NASTY[2], settings)
        app.push_screen(claims)
        await settle(pilot)
        figure = Figure(0, 2, NASTY[1], "count", value=12, qualifier=NASTY[3], what=NASTY[2])
        row = FigureRow("i", NASTY[2], NASTY[0], None, False, figure, ESC + NASTY[0], None,
                        "", "p")  # fmt: skip
        claims.post_message(ClaimsLoaded([EventRows(NASTY[2], NASTY[1], (row,), NASTY[0])], ""))
        await pilot.pause()
        cells = [str(c) for c in claims.query_one(DataTable).get_row_at(0)]
        assert cells[3:7] == [NASTY[0], "12", NASTY[3], ""]
        assert NASTY[2] in cells[0] and NASTY[1] in cells[0] and NASTY[0] in cells[1]
        assert "\x1b" not in cells[7]
        assert app.is_running
