"""A key that cannot act says why: compare without two marks, a third mark, ]/[ with no
discrepancy, ctrl+g with no suggestion, n with no matches."""

from __future__ import annotations

from idlibtui.config import Settings
from idlibtui.tui.screens.compare import CompareScreen
from idlibtui.tui.screens.search import SearchScreen
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp
from tests.app.test_compare_screen import DATA, status


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_compare_without_two_marks_and_a_third_mark_say_what_happened(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        results = screen.query_one(ResultsList)
        results.focus()
        await pilot.press("c")
        assert app.screen is screen
        assert any("mark two articles with m" in n.lower() for n in notes(app))
        await pilot.press("m")
        assert any("1 of 2" in n for n in notes(app))
        await pilot.press("c")
        assert app.screen is screen
        assert any("one is marked" in n for n in notes(app))
        first = results.current_hit
        await pilot.press("down", "m", "down", "m")
        assert len(screen.marked) == 2 and first.id not in screen.marked
        assert any("unmarked" in n.lower() and "compare takes two" in n for n in notes(app))


async def test_did_you_mean_key_without_a_suggestion_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        assert any("no spelling suggestion" in n.lower() for n in notes(app))


async def test_discrepancy_keys_without_discrepancies_say_so() -> None:
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    app = HarnessApp(lambda: CompareScreen("pair_left.txt", "pair_left.txt", settings))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.comparison is not None and not screen.targets
        for key in ("right_square_bracket", "left_square_bracket"):
            before = len(notes(app))
            await pilot.press(key)
            assert len(notes(app)) == before + 1
            assert "no figure discrepancies" in notes(app)[-1].lower()
        assert "no figure discrepancies" in status(screen)


async def test_n_without_matches_says_so() -> None:
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    app = HarnessApp(lambda: CompareScreen("pair_left.txt", "pair_right.txt", settings))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert any("no query matches" in n.lower() for n in notes(app))
