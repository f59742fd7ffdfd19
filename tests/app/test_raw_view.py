"""The raw view shows the whole file: its first line (often a masthead the cleaner removed) and
its last, reached at once with g/G even while animations are on."""

from __future__ import annotations

from idlibtui.tui.screens.reader import ReaderScreen, load
from tests.app.conftest import screen_text, settle
from tests.app.reader_harness import SEEDS, HarnessApp, seed_settings

MASTHEAD = "The Washington PostDemocracy Dies in Darkness"


def _reader_app() -> HarnessApp:
    settings = seed_settings()
    article = load(SEEDS / "004_3130d0606da1117a.txt", settings)
    return HarnessApp(lambda: ReaderScreen("", "", "", settings, article=article), animations=True)


def _last_raw_line(app) -> str:
    raw = app.screen.view.article.raw
    return [line for line in raw.splitlines() if line.strip()][-1].strip()


async def test_raw_view_opens_on_the_masthead_the_cleaner_removed() -> None:
    app = _reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert MASTHEAD not in screen_text(app)  # the cleaned text has no masthead
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.view.raw
        assert MASTHEAD in screen_text(app)


async def test_raw_view_g_and_G_reach_the_first_and_last_line_at_once() -> None:
    app = _reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r", "space", "space")
        await pilot.pause()
        view = app.screen.view
        last = _last_raw_line(app)
        passed: list[float] = []  # every scroll position the view goes through
        view.watch(view, "scroll_y", lambda y: passed.append(y), init=False)
        for top, bottom in (("g", "G"), ("home", "end")):
            await pilot.press(bottom)
            await pilot.pause()
            assert passed == [view.max_scroll_y]  # one jump, not a crawl through the file
            assert last in screen_text(app)
            passed.clear()
            await pilot.press(top)
            await pilot.pause()
            assert passed == [0]
            assert MASTHEAD in screen_text(app)
            passed.clear()
