"""Through the whole app: search → reader → n → compare with… (picker over the index) →
compare → ] → back to the reader → back to the search."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from idlibtui.tui.screens.compare import CompareScreen
from idlibtui.tui.screens.picker import PickerScreen
from idlibtui.tui.screens.reader import ReaderScreen
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import settle, type_query


async def test_search_read_pick_compare_and_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = app.screen
        await type_query(pilot, "soldiers")
        results = search.query_one(ResultsList)
        results.focus()
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article is not None
        assert reader.view.match_count > 0
        await pilot.press("n")
        assert reader.view.current_match == 0

        await pilot.press("x")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        listing = picker.query_one(OptionList)
        assert listing.option_count == len(picker.choices) == 4  # five seeds, minus this one
        picker.query_one(Input).value = "Washington"
        await pilot.pause()
        assert listing.option_count >= 1
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.comparison is not None
        assert compare.left_path == reader.path
        assert compare.right.source == "The Washington Post"
        await pilot.press("right_square_bracket", "escape")
        await settle(pilot)
        assert app.screen is reader
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is search


async def test_claims_timeline_from_a_figure(make_app) -> None:
    from textual.widgets import DataTable

    from idlibtui.tui.screens.claims import ClaimsScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "refugees")
        app.screen.query_one(ResultsList).focus()
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        entry = next(e for e in reader.panel.entries if e.kind == "figure" and e.what)
        reader.jump_to(entry)
        await pilot.press("t")
        await settle(pilot)
        claims = app.screen
        assert isinstance(claims, ClaimsScreen) and claims.what == entry.what
        assert not claims.error and claims.claims
        assert claims.query_one(DataTable).row_count == len(claims.claims)
        assert any(c.article_id == reader.article.id for c in claims.claims)
        for group in range(len(claims.groups)):  # each event's reports, oldest first
            dates = [c.date for c in claims.claims if c.date and c.group == group]
            assert dates == sorted(dates)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
