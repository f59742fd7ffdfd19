"""Help built from live bindings, the user's keymap, the command palette, resizing."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input

from idlibtui.tui.screens.help import HelpScreen, help_sections
from idlibtui.tui.screens.search import SearchScreen
from idlibtui.tui.widgets.facets import FacetList
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import screen_text, settle, type_query


def help_rows(screen) -> dict[str, str]:
    return {what: keys for _heading, rows in help_sections(screen) for keys, what in rows}


async def test_help_lists_every_key_of_the_search_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = app.screen
        await pilot.press("f1")  # works while typing in the query box, unlike ?
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(search)
        text = app.screen.query_one("#help-text").render().plain
        for widget in (search, search.query_one(ResultsList), search.query_one(FacetList), app):
            for binding in type(widget).BINDINGS:
                assert binding.description in rows, binding
                assert binding.description in text
        assert rows["Sort"] == "s" and rows["Mark"] == "m"
        assert "Query language" in text and "entity:" in text
        await pilot.press("escape")
        assert app.screen is search
        search.query_one(ResultsList).focus()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert app.screen is search


async def test_keymap_remaps_by_binding_id_and_help_follows(make_app) -> None:
    app = make_app(keymap={"search.sort": "o"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = app.screen
        await type_query(pilot, "syria")
        await pilot.press("s")
        await settle(pilot)
        assert search.last_request.sort == "relevance"  # s no longer sorts
        await pilot.press("o")
        await settle(pilot)
        assert search.last_request.sort == "date"
        assert help_rows(search)["Sort"] == "o"


async def test_footer_shows_verbs_of_the_focused_context(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(ResultsList).focus()
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for verb in ("Open", "Mark", "Sort", "Filters", "Help", "Quit"):
            assert verb in footer
        assert "Compare" not in footer  # needs two marked results


async def test_palette_opens_an_article_by_title(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _id, title, _source, _date = app.index.all_titles()[0]
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        palette_input = app.screen.query_one(Input)
        palette_input.value = title[:25]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.article_id == _id


async def test_palette_switches_theme_and_rebuild_is_offered(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme != "nord"
        await pilot.press("ctrl+p")
        app.screen.query_one(Input).value = "Theme: nord"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "nord"
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Rebuild index" in commands


async def test_palette_offers_the_screen_toggles(make_app) -> None:
    from idlibtui.tui.commands import screen_commands

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        names = [name for name, _help, _cb in screen_commands(app.screen)]
        assert "Toggle: Sort" in names and "Toggle: Filters" in names
        before = app.screen.sort
        dict((n, cb) for n, _h, cb in screen_commands(app.screen))["Toggle: Sort"]()
        await settle(pilot)
        assert app.screen.sort != before


async def test_resize_to_80x24_and_back_keeps_everything(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "Idlib")
        total = app.screen.results.total
        for size in ((80, 24), (60, 16), (80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            text = screen_text(app)
            assert len(text.splitlines()) == size[1]
            assert isinstance(app.screen, SearchScreen)
        assert app.screen.results.total == total
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "narrow" in " ".join(app.screen.classes)
        assert "Idlib" in screen_text(app)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_q_quits_from_the_results_but_types_in_the_query_box(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert app.screen.query_one("#query", Input).value == "q"
        await pilot.press("escape")  # leave the box
        await settle(pilot)
        await pilot.press("q")
        assert app.return_code == 0


async def test_palette_layer_toggles_reach_the_reader_on_top(make_app) -> None:
    from idlibtui.tui.commands import screen_commands

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(ResultsList).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        commands = {name: cb for name, _help, cb in screen_commands(app.screen)}
        figures = [name for name in commands if name.startswith("Toggle:") and "Figures" in name]
        assert figures, list(commands)
        view = app.screen.query("ArticleView").first()
        before = view.show_figures
        commands[figures[0]]()
        await settle(pilot)
        assert view.show_figures is not before


async def test_help_on_the_reader_lists_the_reader_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(ResultsList).focus()
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert type(reader).__name__ == "ReaderScreen"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text").render().plain
        rows = help_rows(reader)
        for binding in type(reader).BINDINGS:
            if binding.description:
                assert binding.description in rows and binding.description in text
        await pilot.press("escape")
        assert app.screen is reader


def test_user_keymap_is_read_from_the_config_file(tmp_path, monkeypatch) -> None:
    from idlibtui.config import config_file
    from idlibtui.tui import user_keymap

    assert user_keymap() == {}
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('corpus = "x"\n[keymap]\n"search.sort" = "o"\n"app.help" = "f2"\n')
    assert user_keymap() == {"search.sort": "o", "app.help": "f2"}
    path.write_text("[keymap\n")  # broken file: no keymap, no crash
    assert user_keymap() == {}


async def test_a_chosen_theme_is_remembered_for_the_next_start(make_app) -> None:
    from idlibtui.config import load_state

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "gruvbox"
        await settle(pilot)
    assert load_state()["theme"] == "gruvbox"
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "gruvbox"


async def test_config_theme_applies_but_is_not_saved_as_a_choice(make_app, seed_settings) -> None:
    import dataclasses

    from idlibtui.config import load_state, state_file

    app = make_app(dataclasses.replace(seed_settings, theme="nord"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
    assert "theme" not in load_state() and not state_file().exists()
