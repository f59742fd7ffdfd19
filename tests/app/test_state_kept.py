"""The last query, sort, filters and marks come back on the next run (XDG state directory)."""

from __future__ import annotations

import json

from idlibtui.config import load_state, state_file
from idlibtui.tui.widgets.facets import Chips
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import screen_text, settle, type_query


async def test_query_filters_sort_and_marks_come_back_next_run(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "idlib")
        screen.toggle_filter("year", "2019")
        await settle(pilot)
        results = screen.query_one(ResultsList)
        results.focus()
        await pilot.press("m", "down", "m", "s")
        await settle(pilot)
        marked = dict(screen.marked)
        assert len(marked) == 2
        sort = screen.sort
    saved = load_state()["search"]
    assert saved["query"] == "idlib" and saved["filters"] == [["year", "2019"]]
    assert saved["sort"] == sort
    assert [m["id"] for m in saved["marks"]] == list(marked)
    assert state_file().parts[-3:-1] == ("state", "idlibtui")  # $XDG_STATE_HOME/idlibtui

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = again.screen
        assert screen.query_text == "idlib"
        assert screen.sort == sort
        assert screen.filter_order == [("year", "2019")]
        assert list(screen.marked) == list(marked)
        assert "2019" in str(screen.query_one(Chips).render())
        assert screen.last_request.query == "idlib"
        assert screen.last_request.filters == (("year", ("2019",)),)
        assert screen_text(again).count("✔ marked") >= 1
        assert "2 marked (c compares)" in screen_text(again)
        screen.query_one(ResultsList).focus()
        await pilot.press("c")  # the remembered marks compare at once
        await settle(pilot)
        assert type(again.screen).__name__ == "CompareScreen"


async def test_a_damaged_state_starts_empty(make_app) -> None:
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text(
        json.dumps({"search": {"query": 5, "filters": [["year"], 3], "marks": ["x", {}]}}),
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_text == "" and not screen.filter_order and not screen.marked
        assert len(screen.query_one(ResultsList).hits) == 5
