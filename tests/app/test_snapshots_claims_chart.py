"""Snapshots of the claims chart (`v` in the claims timeline) on the seeds, at 120x40 and 80x24:
a log-scale claim with ranges, intervals and differing reports ("displaced people") and a
small linear one ("Turkish soldiers killed"), the cursor on the second point."""

from __future__ import annotations

import pytest

from idlibtui.tui.screens.claims import ClaimsScreen
from tests.app.conftest import settle

SIZES = [(120, 40), (80, 24)]
CLAIMS = ["displaced people", "Turkish soldiers killed"]


@pytest.mark.parametrize("what", CLAIMS)
@pytest.mark.parametrize("size", SIZES)
def test_claims_chart_snapshot(snap_compare, make_app, size, what) -> None:
    app = make_app()

    async def chart(pilot) -> None:
        await settle(pilot)
        app.push_screen(ClaimsScreen(what, app.settings))
        await settle(pilot)
        await pilot.press("v", "right")
        await pilot.pause(0.1)  # the cursor's redraw is coalesced
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=chart)
