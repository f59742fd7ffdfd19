"""Snapshots of the search and help screens on the seed corpus (no timings, no cursor blink)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.app.conftest import settle, type_query

SIZES = [(120, 40), (80, 24)]


async def _still(pilot) -> None:
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def _after(*steps):
    async def run(pilot) -> None:
        await _still(pilot)
        for step in steps:
            await step(pilot)
            await settle(pilot)
        await _still(pilot)

    return run


async def _query_russia(pilot) -> None:
    await type_query(pilot, "russia")


async def _filter_first_year(pilot) -> None:
    screen = pilot.app.screen
    screen.toggle_filter("year", max(screen.results.facets["year"]))


async def _malformed(pilot) -> None:
    await type_query(pilot, 'idlib AND "cease fire')


async def _help(pilot) -> None:
    await pilot.press("f1")


@pytest.mark.parametrize("size", SIZES)
def test_search_results_snapshot(snap_compare, make_app, size) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=_after(_query_russia))


@pytest.mark.parametrize("size", SIZES)
def test_search_start_with_filter_snapshot(snap_compare, make_app, size) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=_after(_filter_first_year))


def test_search_malformed_query_snapshot(snap_compare, make_app) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after(_malformed))


@pytest.mark.parametrize("size", SIZES)
def test_help_snapshot(snap_compare, make_app, size) -> None:
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=_after(_query_russia, _help))
