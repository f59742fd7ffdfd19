"""Compare: Enter acts on the passage at the cursor (not the next one each time), scrolls both
panes so the pair is fully in view side by side, and shows its word-level edits."""

from __future__ import annotations

import pytest

from idlibtui.config import Settings
from idlibtui.tui.screens.compare import CompareScreen
from tests.app.conftest import screen_text, settle
from tests.app.reader_harness import HarnessApp
from tests.app.test_compare_screen import DATA, spans_text, status

SENTENCE = "The United Nations said the latest violence has displaced"


def edit_app() -> HarnessApp:
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    return HarnessApp(lambda: CompareScreen("edit_left.txt", "edit_right.txt", settings))


def _rows(app, needle: str) -> list[int]:
    return [y for y, line in enumerate(screen_text(app).splitlines()) if needle in line]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_enter_acts_on_the_passage_at_the_cursor_and_shows_its_edit(size) -> None:
    app = edit_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        left, right = screen.pane("left"), screen.pane("right")
        # every word-level edit is marked before any passage is chosen
        assert "235,000" in spans_text(left.article.text, left.marks("edit"))
        assert "250,000" in spans_text(right.article.text, right.marks("edit"))

        # scroll the left pane until the edited sentence is the first passage in view
        at = left.article.text.index(SENTENCE)
        left.scroll_to_offset(at, top=True)
        await pilot.pause()
        top, bottom = left.visible_range()
        assert top <= at < bottom
        await pilot.press("enter")
        chosen = screen.passage
        pair = screen.passages.pairs[chosen]
        assert pair.left_span[0] <= at < pair.left_span[1]
        # the word-level edit is marked and said in the status line
        assert spans_text(left.article.text, left.marks("diff")) == ["235,000"]
        assert spans_text(right.article.text, right.marks("diff")) == ["250,000"]
        assert "235,000 → 250,000" in status(screen)
        # both sentences are fully on screen, level with each other
        for view, span in ((left, pair.left_span), (right, pair.right_span)):
            top, bottom = view.visible_range()
            assert top <= span[0] and span[1] <= bottom
        assert _rows(app, "235,000") == _rows(app, "250,000")

        # Enter again acts on the same passage (no cycling); } and { move the cursor
        await pilot.press("enter")
        assert screen.passage == chosen
        await pilot.press("right_curly_bracket")
        assert screen.passage == screen.passages.next_on("left", chosen)
        await pilot.press("left_curly_bracket")
        assert screen.passage == chosen


async def test_enter_on_a_passage_scrolled_out_of_view_takes_the_one_in_view() -> None:
    app = edit_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        left = screen.pane("left")
        await pilot.press("enter")
        first = screen.passage
        assert first is not None
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("enter")
        span = screen.passages.pairs[screen.passage].left_span
        top, bottom = left.visible_range()
        assert screen.passage != first and top <= span[0] < bottom
