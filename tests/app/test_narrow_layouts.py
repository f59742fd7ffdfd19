"""At 80x24 the compare screen's summary and pane headers say everything in fewer words
instead of being cut off at the edge."""

from __future__ import annotations

from tests.app.conftest import screen_text, settle
from tests.app.test_compare_screen import pair_app


async def test_compare_summary_and_headers_fit_at_80_columns() -> None:
    app = pair_app(query="soldiers")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        summary = next(line for line in lines if "discrepanc" in line)
        assert summary.rstrip().endswith("one side only")
        assert "1 discrepancy ·" in summary  # one, not "1 discrepancies"
        headers = lines[1]
        assert headers.count("2 matches") == 2
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        text = screen_text(app)
        assert "only right" in text and "words" in text.splitlines()[1]
