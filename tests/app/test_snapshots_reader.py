"""Snapshots of the reader screen (seed TRT World report, query matches stepped once)."""

from __future__ import annotations

import pytest

from idlibtui.tui.screens.reader import ReaderScreen
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp, seed_settings

TRT = "002_ac17027dfa9b0009.txt"


async def _ready(pilot) -> None:
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_reader_snapshot(snap_compare, size) -> None:
    settings = seed_settings()
    app = HarnessApp(lambda: ReaderScreen("", TRT, "soldiers killed", settings))
    assert snap_compare(app, terminal_size=size, run_before=_ready)
