"""At 80 columns every screen's footer still shows Help, Back and its main verbs: it goes
compact, then short, then drops the least important bindings (never cut mid-word)."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from idlibtui.config import Settings
from idlibtui.tui.app import IdlibApp
from idlibtui.tui.screens.compare import CompareScreen
from idlibtui.tui.screens.reader import ReaderScreen
from idlibtui.tui.widgets.footer import Item, fit
from tests.app.conftest import screen_text, settle
from tests.app.reader_harness import HarnessApp, seed_settings
from tests.app.snapshot_articles import reader_article
from tests.app.test_compare_screen import DATA


class AppKeysHarness(HarnessApp):
    """The harness with the app's own keys (q, ?/F1 help), as the real footer shows them."""

    BINDINGS = IdlibApp.BINDINGS
    action_help = IdlibApp.action_help


def _items(*specs: tuple[str, str, str]) -> list[Item]:
    return [Item(Binding(k, k, d, id=i), True, "", k) for k, d, i in specs]


def test_fit_goes_compact_then_short_then_drops_the_least_important() -> None:
    items = _items(
        ("a", "Alpha action", "s.a"),
        ("b", "Beta action", "s.b"),
        ("?", "Help", "app.help"),
    )
    wide, compact, short = fit(items, 200)
    assert wide == items and not compact and not short
    needed = sum(i.width(compact=True, short=False, shorts={}) for i in items)
    chosen, compact, short = fit(items, needed)
    assert chosen == items and compact and not short
    chosen, compact, short = fit(items, needed, shorts={"s.a": "A", "s.b": "B"})
    assert chosen == items and compact and not short
    chosen, _, short = fit(items, needed - 10, shorts={"s.a": "A", "s.b": "B"})
    assert chosen == items and short
    chosen, _, _ = fit(items, 24, priority=("s.b",))
    assert [i.binding.id for i in chosen] == ["s.b", "app.help"]  # Help stays first of all
    chosen, _, _ = fit(items, 7)
    assert [i.binding.id for i in chosen] == ["app.help"]


def _footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("width", [80, 120])
async def test_reader_footer_keeps_help_back_and_its_verbs(width: int) -> None:
    app = AppKeysHarness(
        lambda: ReaderScreen("", "", "soldiers", seed_settings(), article=reader_article())
    )
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        line = _footer_line(app)
        for shown in ("? Help", "esc Back", "x Compare", "t Claims", "r Raw", "n Next"):
            assert shown in line, (shown, line)


@pytest.mark.parametrize("width", [80, 120])
async def test_compare_footer_keeps_swap_back_and_help(width: int) -> None:
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    app = AppKeysHarness(lambda: CompareScreen("pair_left.txt", "pair_right.txt", settings))
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        line = _footer_line(app)
        for shown in ("? Help", "esc Back", "w Swap", "] Discrepancy", "S Sync", "⏎ "):
            assert shown in line, (shown, line)


async def test_footer_refits_when_the_terminal_narrows() -> None:
    app = AppKeysHarness(
        lambda: ReaderScreen("", "", "soldiers", seed_settings(), article=reader_article())
    )
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        assert "Compare with…" in _footer_line(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        line = _footer_line(app)
        assert "? Help" in line and "Compare with…" not in line and "x Compare" in line
