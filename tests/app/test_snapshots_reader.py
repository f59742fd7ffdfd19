"""Snapshots of the reader screen (a hand-annotated article, query matches stepped once)."""

from __future__ import annotations

import pytest

from idlibtui.tui.screens.reader import ReaderScreen
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp, seed_settings
from tests.app.snapshot_articles import reader_article


async def _ready(pilot) -> None:
    await settle(pilot)
    await pilot.press("n")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_reader_snapshot(snap_compare, size) -> None:
    article = reader_article()
    app = HarnessApp(
        lambda: ReaderScreen("", "", "soldiers killed", seed_settings(), article=article)
    )
    assert snap_compare(app, terminal_size=size, run_before=_ready)
