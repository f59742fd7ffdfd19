"""Snapshots of the compare screen (a constructed pair whose soldier counts disagree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from idlibtui.config import Settings
from idlibtui.tui.screens.compare import CompareScreen
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp

DATA = Path(__file__).resolve().parents[1] / "data" / "reader"


async def _ready(pilot) -> None:
    await settle(pilot)
    await pilot.press("right_square_bracket")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_compare_snapshot(snap_compare, size) -> None:
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    app = HarnessApp(
        lambda: CompareScreen("pair_left.txt", "pair_right.txt", settings, query="soldiers")
    )
    assert snap_compare(app, terminal_size=size, run_before=_ready)
