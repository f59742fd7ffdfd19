"""y copies what is at the cursor as a citation (outlet, date with its kind, sentence) in the
search, reader and compare screens; E exports the comparison to a Markdown file."""

from __future__ import annotations

from idlibtui.config import Settings
from idlibtui.tui.screens.compare import CompareScreen
from idlibtui.tui.screens.reader import ReaderScreen, load
from idlibtui.tui.widgets.figure_table import FigureTable
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import settle, type_query
from tests.app.reader_harness import SEEDS, HarnessApp, seed_settings
from tests.app.test_compare_passage import SENTENCE, edit_app
from tests.app.test_compare_screen import DATA

PROTEST = SEEDS / "000_221080df3991f770.txt"


async def test_search_copy_keeps_inferred(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, "TurkStream")
        results = app.screen.query_one(ResultsList)
        hit = results.current_hit
        assert hit is not None and hit.date_inferred
        await pilot.press("y")
        assert f"{hit.date.isoformat()} (inferred)" in app.clipboard


def _reader(query: str = "") -> HarnessApp:
    settings = seed_settings()
    article = load(PROTEST, settings)
    return HarnessApp(lambda: ReaderScreen("", "", query, settings, article=article))


async def test_reader_copies_the_sentence_of_the_current_match_as_a_citation() -> None:
    app = _reader("235,000")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", "y")
        copied = app.clipboard
        assert copied.startswith("“The latest violence has displaced more than 235,000 people")
        assert "” — Al Jazeera, 2019-12-28 (stated), “" in copied
        assert copied.endswith("000_221080df3991f770.txt")
        assert "\n" not in copied


async def test_reader_copies_the_first_sentence_in_view_or_the_panel_entry() -> None:
    app = _reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard.startswith("“Hundreds of protesters gathered on Saturday")
        screen = app.screen
        panel = screen.panel
        await pilot.press("tab")
        assert panel.has_focus
        figures = [i for i, e in enumerate(panel.entries) if e.kind == "figure"]
        entry = panel.entries[figures[0]]
        panel.highlighted = panel.get_option_index(
            next(k for k, v in panel._entries.items() if v is entry)
        )
        await pilot.press("y")
        start, end = entry.spans[0]
        assert screen.article.text[start:end] in app.clipboard


async def test_compare_copies_both_sides_of_the_passage_and_of_a_table_row() -> None:
    app = edit_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        left = screen.pane("left")
        left.scroll_to_offset(left.article.text.index(SENTENCE), top=True)
        await pilot.pause()
        await pilot.press("enter", "y")
        lines = app.clipboard.splitlines()
        assert len(lines) == 2
        assert "235,000" in lines[0] and "250,000" in lines[1]
        kinds = ("(stated)", "(derived)", "(estimated", "(supplied)", "undated")
        assert all(any(kind in line for kind in kinds) for line in lines)
        await pilot.press("tab", "tab")
        table = screen.query_one(FigureTable)
        assert table.has_focus
        row = next(i for i, g in enumerate(screen.comparison.figures) if g.left and g.right)
        table.move_cursor(row=row)
        await pilot.press("y")
        group = screen.comparison.figures[row]
        lines = app.clipboard.splitlines()
        assert len(lines) == 2 and group.left[0].text in lines[0]


async def test_export_writes_a_new_markdown_file_each_time(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(corpus=DATA, index=DATA / "no-index", corrections=DATA / "none.toml")
    app = HarnessApp(lambda: CompareScreen("edit_left.txt", "edit_right.txt", settings))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.press("E")
    files = sorted(tmp_path.glob("compare-*.md"))
    assert len(files) == 2
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert text.startswith("# Comparison") and "235,000" in text and "250,000" in text


async def test_export_is_offered_in_the_command_palette(make_app, tmp_path, monkeypatch) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.focus()
        await pilot.press("m", "down", "m", "c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        app.screen.query_one(Input).value = "Export comparison"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert len(list(tmp_path.glob("compare-*.md"))) == 1
