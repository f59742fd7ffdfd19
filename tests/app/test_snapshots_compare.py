"""Snapshots of the compare screen (hand-annotated pair whose soldier counts disagree)."""

from __future__ import annotations

import pytest

from idlibtui.tui.screens.compare import CompareScreen
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp, seed_settings
from tests.app.snapshot_articles import compare_articles_pair


async def _ready(pilot) -> None:
    await settle(pilot)
    await pilot.press("right_square_bracket")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_compare_snapshot(snap_compare, size) -> None:
    left, right = compare_articles_pair()
    app = HarnessApp(
        lambda: CompareScreen(
            "",
            "",
            seed_settings(),
            query="soldiers",
            left_article=left,
            right_article=right,
        )
    )
    assert snap_compare(app, terminal_size=size, run_before=_ready)
