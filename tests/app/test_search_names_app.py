"""The search screen's name aids: the "also:" line and completing entity:/source: values."""

from __future__ import annotations

from textual.widgets import Input

from idlibtui.tui.screens.search import SearchScreen
from idlibtui.tui.widgets.query_aids import AlsoLine, also_content, complete_value
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import screen_text, settle, type_query, wait_until


async def test_the_also_line_shows_what_the_search_added(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        also = screen.query_one(AlsoLine)
        assert not also.display  # nothing typed, nothing added
        await type_query(pilot, "HTS")
        added = dict(screen.results.expansions)["HTS"]
        assert also.display and added
        assert f"also: {', '.join(added)}" in screen_text(app)
        assert (
            len(screen.query_one(ResultsList).hits)
            == app.index.search('"Hayat Tahrir al-Sham"').total
        )
        await type_query(pilot, "consulate")
        assert not also.display and "also:" not in screen_text(app)


def test_the_also_line_is_text_never_markup() -> None:
    content = also_content([("x", ["[bold]Saraqib[/]", "[@click=app.quit]y[/]"])])
    assert content is not None
    assert content.plain == "also: [bold]Saraqib[/], [@click=app.quit]y[/]"
    several = also_content([("Saraqeb", ["Saraqib"]), ("HTS", ["Tahrir al-Sham"])])
    assert several is not None and several.plain == (
        "also: Saraqib (Saraqeb) · Tahrir al-Sham (HTS)"
    )
    assert also_content([]) is None


def test_completing_field_values() -> None:
    names = {"entity": ["Bashar al-Assad", "Recep Tayyip Erdogan"], "source": ["Al Jazeera"]}
    get = names.__getitem__
    assert complete_value("entity:erd", get) == "entity:Erdogan"
    assert complete_value('idlib entity:"Recep T', get) == 'idlib entity:"Recep Tayyip Erdogan"'
    assert complete_value("(source:jaz", get) == "(source:Jazeera"
    assert complete_value('source:"al', get) == 'source:"Al Jazeera"'
    assert complete_value("entity:assad", get) is None  # nothing longer to add
    assert complete_value("entity:", get) is None
    assert complete_value("erd", get) is None  # not after a field
    assert complete_value("entity:zz", get) is None


async def test_the_query_box_completes_entity_names(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = app.screen.query_one("#query", Input)
        box.focus()
        await pilot.press(*"entity:erd")
        assert await wait_until(pilot, lambda: box._suggestion == "entity:Erdogan")
        await pilot.press("right")  # accepts the completion
        assert box.value == "entity:Erdogan"
        await pilot.press("enter")
        await settle(pilot)
        want = app.index.search('entity:"Recep Tayyip Erdogan"').total
        assert want and app.screen.results.total == want
        # quoted: the whole name, and the quote closed
        box.focus()
        box.value = ""
        await pilot.press(*'entity:"bash')
        assert await wait_until(pilot, lambda: box._suggestion == 'entity:"Bashar al-Assad"')


async def test_two_outlets_combine_with_or_and_a_year_with_and(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        outlets = sorted(o for o in app.index.search("").facets["source"] if o)[:2]
        for outlet in outlets:
            screen.toggle_filter("source", outlet)
            await settle(pilot)
        hits = screen.query_one(ResultsList).hits
        assert {h.source for h in hits} == set(outlets)  # either outlet: OR
        year = str(hits[0].date.year)
        screen.toggle_filter("year", year)
        await settle(pilot)
        hits = screen.query_one(ResultsList).hits
        assert hits and all(h.source in outlets and h.date.year == int(year) for h in hits)
        want = app.index.search("", filters={"source": outlets, "year": [year]}).total
        assert screen.results.total == want


async def test_the_reader_marks_the_added_spellings_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await type_query(pilot, "HTS")
        results = screen.query_one(ResultsList)
        # an article that says the full name but never "HTS"
        hit = next(h for h in results.hits if "HTS" not in app.index.get(h.id)["text"])
        screen.open_hit(hit)
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        view = app.screen.query_one("#article")
        text = app.index.get(hit.id)["text"]
        marked = [text[s:e] for s, e in view._hits]
        assert marked and any("Tahrir" in m for m in marked)
