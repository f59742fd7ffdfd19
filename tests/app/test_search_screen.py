"""Pilot tests of the search screen on the seed corpus (index prebuilt once per session)."""

from __future__ import annotations

import datetime as dt
import threading

from textual.widgets import Input

from idlibtui.tui.messages import SearchDone, SearchRequest
from idlibtui.tui.screens import search as search_module
from idlibtui.tui.screens.search import SearchScreen
from idlibtui.tui.widgets.facets import Chips, FacetList
from idlibtui.tui.widgets.results import MORE_ID, ResultsList
from tests.app.conftest import screen_text, settle, type_query


def results_of(app) -> ResultsList:
    return app.screen.query_one(ResultsList)


def dates_in_order(hits) -> bool:
    known = [h.date for h in hits if h.date is not None]
    unknown_after = all(h.date is None for h in hits[len(known) :])
    return known == sorted(known, reverse=True) and unknown_after


async def test_start_state_lists_every_article_newest_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        hits = results_of(app).hits
        assert len(hits) == app.index.doc_count == 5
        assert dates_in_order(hits)
        assert "5 articles" in screen_text(app)
        assert app.screen.last_request.sort == "date"
        assert app.focused is app.screen.query_one("#query")


async def test_query_shows_matching_hits_with_highlighted_words(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "consulate")
        results = results_of(app)
        assert 0 < len(results.hits) < 5
        assert app.focused is results  # Enter moves to the results
        for index, hit in enumerate(results.hits):
            assert hit.snippet_hits
            prompt = results.options[results.get_option_index(f"h{index}")].prompt
            marked = [
                prompt.plain[s.start : s.end] for s in prompt.spans if "$warning" in str(s.style)
            ]
            assert marked and all(word.lower().startswith("consulate") for word in marked)
        text = screen_text(app)
        assert f"{len(results.hits)} article" in text
        assert "sorted by relevance" in text


async def test_typing_is_debounced_and_searches_once_for_the_final_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        before = screen._generation
        await pilot.press(*"russia")
        await pilot.pause(search_module.DEBOUNCE_SECONDS + 0.1)
        await settle(pilot)
        assert screen._generation == before + 1  # six keystrokes, one search
        assert screen.last_request.query == "russia"
        assert all("russia" in (h.snippet + h.title).lower() for h in results_of(app).hits)


async def test_stale_results_are_dropped(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "consulate")
        shown = list(results_of(app).hits)
        everything = app.index.search("", sort="date")
        old = SearchRequest(generation=screen._generation - 1, query="consulate")
        screen.post_message(SearchDone(old, everything))
        other = SearchRequest(generation=screen._generation, query="something else")
        screen.post_message(SearchDone(other, everything))
        await settle(pilot)
        assert results_of(app).hits == shown


async def test_facet_filters_combine_with_the_query_and_show_as_chips(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        facets = screen.query_one(FacetList)
        outlets = app.index.search("").facets["source"]
        outlet = sorted(outlets)[0]
        option_id = next(k for k, v in facets._entries.items() if v == ("source", outlet))
        facets.focus()
        facets.highlighted = facets.get_option_index(option_id)
        await pilot.press("space")
        await settle(pilot)
        assert screen.filters == {"source": [outlet]}
        assert len(results_of(app).hits) == outlets[outlet]
        assert all(h.source == outlet for h in results_of(app).hits)
        assert outlet in screen.query_one(Chips).render().plain
        # the filter combines with a query
        await type_query(pilot, "Idlib")
        assert screen.last_request.filter_dict() == {"source": [outlet]}
        assert all(h.source == outlet for h in results_of(app).hits)
        # x clears the filters
        results_of(app).focus()
        await pilot.press("x")
        await settle(pilot)
        assert screen.filters == {}
        assert len(results_of(app).hits) > outlets[outlet] or outlets[outlet] == 5


async def test_year_facet_and_removing_a_chip_with_its_action(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        years = app.index.search("").facets["year"]
        year = max(years)
        facets = screen.query_one(FacetList)
        option_id = next(k for k, v in facets._entries.items() if v == ("year", year))
        facets.focus()
        facets.highlighted = facets.get_option_index(option_id)
        await pilot.press("enter")
        await settle(pilot)
        assert {h.date.year for h in results_of(app).hits} == {int(year)}
        await screen.run_action("remove_filter(0)")
        await settle(pilot)
        assert screen.filters == {} and len(results_of(app).hits) == 5


async def test_sort_key_switches_between_relevance_and_date(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "syria")
        assert screen.last_request.sort == "relevance"
        await pilot.press("s")
        await settle(pilot)
        assert screen.last_request.sort == "date"
        assert dates_in_order(results_of(app).hits)
        assert "sorted by date" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert screen.last_request.sort == "relevance"


async def test_did_you_mean_is_shown_and_applied_with_its_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "idlb")
        assert screen.results.total == 0
        assert screen.suggestion == "idlib"
        assert "Did you mean idlib?" in screen_text(app)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.query_one("#query", Input).value == "idlib"
        assert screen.results.total == 5


async def test_malformed_query_says_what_and_where(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "idlib AND (russia")
        box = screen.query_one("#query-error")
        assert box.display
        lines = box.render().plain.splitlines()
        assert lines[0] == "idlib AND (russia"
        assert lines[1].index("^") == lines[0].index("(")
        assert "never closed" in lines[2] and "character 11" in lines[2]
        assert results_of(app).hits == []
        assert app.focused is screen.query_one("#query")  # stays in the box to fix it
        await type_query(pilot, "idlib AND russia")
        assert not box.display and screen.results.total > 0


async def test_enter_after_the_debounced_search_answered_points_at_the_error(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        box = screen.query_one("#query", Input)
        box.focus()
        await pilot.press(*'idlib "cease')
        await pilot.pause(search_module.DEBOUNCE_SECONDS + 0.1)
        await settle(pilot)
        assert screen.query_one("#query-error").display  # the debounced search failed
        assert box.cursor_position == len(box.value)
        await pilot.press("enter")
        await settle(pilot)
        assert box.cursor_position == box.value.index('"')


async def test_enter_while_the_debounced_search_runs_acts_on_its_answer(make_app) -> None:
    """Enter pressed before the debounced search for the same text answers is not lost."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        gate = threading.Event()
        real_search = screen.index.search

        def held_search(*args, **kwargs):
            gate.wait(10)
            return real_search(*args, **kwargs)

        screen.index.search = held_search
        try:
            box = screen.query_one("#query", Input)

            async def enter_while_held(text: str) -> None:
                box.focus()
                gate.clear()
                box.value = text
                await pilot.pause()
                screen._debounced()  # as if the debounce timer fired: the search is running
                running = screen._generation
                await pilot.press("enter")
                assert screen._generation == running  # Enter starts no second search
                gate.set()
                await settle(pilot)

            await enter_while_held('idlib AND "cease fire')
            assert box.cursor_position == box.value.index('"')  # moved from the end
            await enter_while_held("russia")
            assert app.focused is screen.query_one("#results")
        finally:
            gate.set()
            screen.index.search = real_search


async def test_enter_opens_reader_and_back_keeps_query_filters_and_position(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "Idlib")
        screen.toggle_filter("year", max(screen.results.facets["year"]))
        await settle(pilot)
        results = results_of(app)
        results.focus()
        await pilot.press("down", "down")
        position = results.highlighted
        hit = results.current_hit
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.article_id == hit.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#query", Input).value == "Idlib"
        assert list(screen.filters) == ["year"]
        assert results_of(app).highlighted == position
        assert app.focused is results_of(app)


async def test_mark_two_results_then_compare(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        results = results_of(app)
        results.focus()
        await pilot.press("c")  # nothing marked: compare is unavailable
        assert app.screen is screen
        await pilot.press("m", "down", "m")
        assert len(screen.marked) == 2
        assert "✔ marked" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        assert type(app.screen).__name__ == "CompareScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and len(screen.marked) == 2
        await pilot.press("m")  # unmark the highlighted one
        assert len(screen.marked) == 1


async def test_load_more_appends_the_next_page(make_app, monkeypatch) -> None:
    monkeypatch.setattr(search_module, "PAGE_SIZE", 2)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        results = results_of(app)
        assert len(results.hits) == 2 and results.options[-1].id == MORE_ID
        results.focus()
        await pilot.press("G", "enter")
        await settle(pilot)
        assert len(results.hits) == 4
        results.highlighted = len(results.options) - 1
        await pilot.press("enter")
        await settle(pilot)
        assert len(results.hits) == 5 and results.options[-1].id != MORE_ID
        assert len({h.id for h in results.hits}) == 5


async def test_inferred_dates_are_marked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hits = results_of(app).hits
        inferred = [h for h in hits if h.date_inferred]
        text = screen_text(app)
        assert inferred  # the seeds without a stated date are judged, and say so
        for hit in inferred:
            assert f"{hit.date.isoformat()} ({hit.date_kind}" in text
        for hit in hits:
            if hit.date is not None and not hit.date_inferred:
                assert f"{hit.date.isoformat()} (" not in text
        assert isinstance(hits[0].date, dt.date)


async def test_clicking_the_suggestion_applies_it(make_app) -> None:
    from tests.app.conftest import click_text

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "idlb")
        assert await click_text(pilot, "Did you mean idlib?")
        await settle(pilot)
        assert app.screen.query_one("#query", Input).value == "idlib"
        assert app.screen.results.total == 5


async def test_mouse_click_toggles_a_facet(make_app) -> None:
    from tests.app.conftest import click_text

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert await click_text(pilot, "☐ 1 TRT World")
        await settle(pilot)
        assert app.screen.filters == {"source": ["TRT World"]}


async def test_y_copies_the_highlighted_result(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        results = results_of(app)
        results.focus()
        await pilot.press("y")
        hit = results.current_hit
        assert hit.title in app.clipboard and hit.path in app.clipboard


async def test_slash_in_an_empty_query_box_is_not_typed(make_app) -> None:
    """`/` focuses the search box; in an already focused, empty box it types nothing."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#query", Input)
        box.focus()
        await pilot.press("slash", "i", "d", "l", "i", "b", "slash")
        assert box.value == "idlib/"
