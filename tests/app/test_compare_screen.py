"""The compare screen: marks, discrepancy jumps, figure table, panes, swap, sync scroll."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from idlibtui.config import Settings
from idlibtui.tui.screens.compare import CompareScreen, PassageMap
from idlibtui.tui.widgets.figure_table import FigureTable
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp, seed_settings

DATA = Path(__file__).resolve().parents[1] / "data" / "reader"


def pair_app(left: str = "pair_left.txt", right: str = "pair_right.txt", query: str = ""):
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    return HarnessApp(lambda: CompareScreen(left, right, settings, query=query))


def status(screen: CompareScreen) -> str:
    return str(screen.query_one("#compare-status", Static).render())


def spans_text(text: str, spans) -> list[str]:
    return [text[s:e].lower() for s, e in spans]


async def test_marks_discrepancies_table_and_panes() -> None:
    app = pair_app(query="soldiers")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        left, right = screen.pane("left"), screen.pane("right")
        assert screen.comparison is not None
        assert left.article.text.startswith("Turkish soldiers killed")
        # discrepant figures and shared entities are marked on both sides
        assert "five" in spans_text(left.article.text, left.marks("discrepancy"))
        assert "eight" in spans_text(right.article.text, right.marks("discrepancy"))
        assert "recep tayyip erdogan" in spans_text(left.article.text, left.marks("shared"))
        assert "recep tayyip erdogan" in spans_text(right.article.text, right.marks("shared"))
        assert right.marks("only") and left.marks("only")
        # each pane is a full reader: query matches and n/N
        assert left.match_count and right.match_count
        await pilot.press("n")
        assert left.current_match == 0 and right.current_match is None

        # ] and [ jump between figure discrepancies and highlight both sentences
        await pilot.press("right_square_bracket")
        assert screen.target_index == 0
        target = screen.targets[0]
        assert left.marks("passage") == [target.left]
        assert right.marks("passage") == [target.right]
        assert "five" in left.article.text[target.left[0] : target.left[1]]
        assert "eight" in right.article.text[target.right[0] : target.right[1]]
        assert "discrepancy 1/" in status(screen)
        # the word-level edits of the pair are marked inside both sentences
        assert "five" in spans_text(left.article.text, left.marks("diff"))
        assert "eight" in spans_text(right.article.text, right.marks("diff"))
        await pilot.press("left_square_bracket")
        assert screen.target_index == len(screen.targets) - 1

        # Tab cycles left → right → table → left
        assert left.has_focus
        await pilot.press("tab")
        assert right.has_focus
        await pilot.press("tab")
        table = screen.query_one(FigureTable)
        assert table.has_focus
        assert table.row_count == len(screen.comparison.figures) > 0
        # choosing a row shows both sentences with the group's figures emphasised
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        group = screen.comparison.figures[0]
        assert left.marks("focus") == sorted((f.start, f.end) for f in group.left)
        assert right.marks("focus") == sorted((f.start, f.end) for f in group.right)
        await pilot.press("tab")
        assert left.has_focus


async def test_enter_chooses_passage_and_scrolls_other_side() -> None:
    app = pair_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        left, right = screen.pane("left"), screen.pane("right")
        await pilot.press("enter")
        first = screen.passage
        assert first is not None
        pair = screen.passages.pairs[first]
        assert left.marks("passage") == [pair.left_span]
        assert right.marks("passage") == ([pair.right_span] if pair.right_span else [])
        await pilot.press("enter")  # the passage at the cursor again, not the next one
        assert screen.passage == first
        await pilot.press("right_curly_bracket")  # } moves the cursor to the next passage
        assert screen.passage != first and screen.passage is not None
        assert "passage" in status(screen)
        # a click on a sentence of the right pane chooses its pair
        right.post_message(right.OffsetChosen(right, pair.right_span[0] if pair.right_span else 0))
        await pilot.pause()
        assert screen.passage == first


async def test_swap_keeps_both_articles_and_recompares() -> None:
    app = pair_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        left_id = screen.left.id
        await pilot.press("w")
        await settle(pilot)
        assert screen.right.id == left_id
        assert screen.left_path.endswith("pair_right.txt")
        assert screen.pane("left").article.text.startswith("Eight Turkish")
        assert screen.comparison is not None and screen.comparison.left_id == screen.left.id
        assert "eight" in spans_text(screen.left.text, screen.pane("left").marks("discrepancy"))


async def test_sync_scroll_on_the_seeds() -> None:
    settings = seed_settings()
    app = HarnessApp(
        lambda: CompareScreen("001_a27e626ff12f024e.txt", "002_ac17027dfa9b0009.txt", settings)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        left, right = screen.pane("left"), screen.pane("right")
        await pilot.press("space")
        await settle(pilot)
        assert left.scroll_offset.y > 0 and right.scroll_offset.y == 0  # sync is off
        await pilot.press("S")
        assert screen.sync and "sync on" in status(screen)
        await pilot.press("space", "space")
        await settle(pilot)
        assert right.scroll_offset.y > 0
        far = right.top_offset()
        await pilot.press("g")
        await settle(pilot)
        assert right.top_offset() < far
        # the other pane drives too
        await pilot.press("tab", "G")
        await settle(pilot)
        assert left.scroll_offset.y > 0
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_unreadable_side_is_reported(tmp_path: Path) -> None:
    settings = Settings(corpus=DATA, index=tmp_path / "i", corrections=tmp_path / "c.toml")
    app = HarnessApp(lambda: CompareScreen("pair_left.txt", str(tmp_path / "gone.txt"), settings))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.comparison is None
        assert screen.pane("left").article is not None
        assert "cannot open" in str(screen.query_one("#right-header", Static).render())


def test_passage_map_interpolates_between_aligned_pairs() -> None:
    from idlibtui.compare.model import AlignedPair

    class Fake:
        pairs = (
            AlignedPair((0, 10), (0, 10), "same"),
            AlignedPair((10, 50), None, "left_only"),
            AlignedPair((50, 60), (100, 110), "same"),
        )

    passages = PassageMap(Fake())
    assert passages.map_offset("left", 5, 100, 200) == 5
    assert passages.map_offset("left", 50, 100, 200) == 100
    middle = passages.map_offset("left", 30, 100, 200)
    assert 10 < middle < 100
    assert passages.map_offset("right", 100, 200, 100) == 50
    assert passages.pair_at("left", 55) == 2 and passages.pair_from("left", 11) == 2
