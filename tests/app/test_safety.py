"""GUIDE §3: untrusted text is shown literally by every widget of the app shell and search screen.

A tiny corpus whose titles, outlets, snippets and file names hold markup and escape sequences is
indexed by the app itself (so the skipped-file list sees hostile names too); then the start view,
results, facets, chips, the malformed-query message, help and palette are driven. The app must
not crash, must not quit, must not run an injected action, and must show the text literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import Input

from idlibtui.config import Settings
from idlibtui.tui import safe
from idlibtui.tui.app import IdlibApp
from idlibtui.tui.screens.help import HelpScreen
from idlibtui.tui.screens.indexing import IndexingScreen, NoCorpusScreen
from idlibtui.tui.screens.search import SearchScreen
from idlibtui.tui.widgets.facets import Chips, FacetList
from idlibtui.tui.widgets.results import ResultsList, hit_prompt
from tests.app.conftest import screen_text, settle, type_query

NASTY = ["[/]", "[bold]", "[@click=app.quit]x[/]", "[a[0]]", "\x1b]0;x\x07"]

ARTICLES = {
    "markup.txt": (
        "Markup [bold] title close [/] here\n\n"
        "The [bold] convoy reached Idlib on Monday with [/] and [a[0]] aid.\n"
    ),
    "click.txt": (
        "Click [@click=app.quit]x[/] in Idlib\n\n"
        "Fighters entered Idlib again [@click=app.quit]x[/] said the report, "
        "with \x1b]0;x\x07 escapes.\n\nSource: [a[0]]\n"
    ),
    "escape.txt": (
        "Escape \x1b]0;x\x07 title for Idlib\n\n"
        "Shelling hit Idlib; the [/] market burned and [bold] people fled.\n\n"
        "Source: Agency [/]\n"
    ),
    "[bold]file[-].txt": "Aid reached Idlib\n\nAid arrived in Idlib province on Tuesday.\n",
}
SKIPPED = ["[@click=app.quit]x[-].txt", "\x1b]0;x\x07evil.txt", "[a[0]].txt"]


@pytest.fixture
def nasty_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    for name in SKIPPED:
        (corpus / name).write_text("", encoding="utf-8")  # empty: skipped, listed by name
    return corpus


def alive(app) -> bool:
    return app.is_running and app.return_code is None


def check_screen(app) -> str:
    text = screen_text(app)
    assert "\x1b" not in text and "\x07" not in text
    assert alive(app)
    return text


async def click_text(pilot, needle: str) -> bool:
    """Click on the first place ``needle`` shows on screen (an injected @click would fire)."""
    for y, line in enumerate(screen_text(pilot.app).splitlines()):
        x = line.find(needle)
        if x >= 0:
            await pilot.click(offset=(x + 1, y))
            await pilot.pause()
            return True
    return False


@pytest.mark.slow
async def test_hostile_text_is_shown_literally_everywhere(nasty_corpus: Path, tmp_path: Path):
    settings = Settings(nasty_corpus, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, rounds=200)
        # 1. the indexing view lists the skipped hostile file names literally
        assert isinstance(app.screen, IndexingScreen), screen_text(app)
        text = check_screen(app)
        assert "[@click=app.quit]x[-].txt" in text
        assert "[a[0]].txt" in text
        assert "evil.txt" in text
        assert await click_text(pilot, "[@click=app.quit]x[-].txt")
        assert alive(app)
        await pilot.press("enter")
        await settle(pilot)

        # 2. results: titles, outlets and snippets literally
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        text = check_screen(app)
        for literal in (
            "Markup [bold] title close [/] here",
            "Click [@click=app.quit]x[/] in Idlib",
            "[a[0]]",
            "Agency [/]",
        ):
            assert literal in text, literal
        assert await click_text(pilot, "[@click=app.quit]x[/]")  # opens that result
        await settle(pilot)
        check_screen(app)
        if app.screen is not screen:
            await pilot.press("escape")
            await settle(pilot)
        assert app.screen is screen

        # 3. snippets with highlights around hostile text
        await type_query(pilot, "fighters")
        text = check_screen(app)
        assert "[@click=app.quit]x[/] said the report" in text
        await type_query(pilot, "market")
        text = check_screen(app)
        assert "the [/] market burned and [bold]" in text, text

        # 4. facets and chips with a hostile outlet
        await type_query(pilot, "")
        facets = screen.query_one(FacetList)
        option_id = next(k for k, v in facets._entries.items() if v == ("source", "[a[0]]"))
        facets.focus()
        facets.highlighted = facets.get_option_index(option_id)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.filters == {"source": ["[a[0]]"]}
        assert "Outlet: [a[0]]" in screen.query_one(Chips).render().plain
        text = check_screen(app)
        assert "Outlet: [a[0]] ✕" in text
        assert await click_text(pilot, "Outlet: [a[0]]")  # the chip's own click removes it
        await settle(pilot)
        assert screen.filters == {} and alive(app)

        # 5. hostile query text: malformed-query message and caret, literally
        for query in ("[/]", "[@click=app.quit]x[/]", "title:[bold]", "[a[0]]", "\x1b]0;x\x07"):
            await type_query(pilot, query)
            text = check_screen(app)
            shown = safe.line(query).plain
            if screen._error is not None and shown:
                assert shown in text, query

        # 6. help and palette over hostile titles
        screen.query_one(ResultsList).focus()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        check_screen(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        app.screen.query_one(Input).value = "Click"
        await settle(pilot)
        assert "Open Click [@click=app.quit]x[/] in Idlib" in check_screen(app)
        await pilot.press("escape")
        await settle(pilot)
        assert alive(app)


async def test_no_corpus_screen_shows_a_hostile_path_literally(tmp_path: Path) -> None:
    corpus = Path("nowhere") / "[@click=app.quit]x[/]" / "[bold]"  # short: no line wrap
    app = IdlibApp(Settings(corpus, tmp_path / "index", tmp_path / "c.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoCorpusScreen)
        assert "nowhere/[@click=app.quit]x[/]/[bold]" in check_screen(app)
        assert await click_text(pilot, "[@click=app.quit]x[/]")
        assert alive(app)


@pytest.mark.parametrize("text", NASTY)
def test_safe_helpers_keep_text_literal(text: str) -> None:
    expected = text.replace("\x1b]0;x\x07", "")
    assert safe.line(text).plain == expected
    assert safe.block(text + "\n" + text).plain == expected + "\n" + expected
    assert safe.template("[b]$v[/b]", v=text).plain == expected
    marked = safe.highlighted(f"ab {text} cd", [(0, 2), (len(text) + 4, len(text) + 6)])
    assert marked.plain == f"ab {expected} cd"
    assert [marked.plain[s.start : s.end] for s in marked.spans] == ["ab", "cd"]
    caret = safe.caret_under(f"x {text}", 2)
    assert caret.plain.splitlines()[0] == f"x {expected}"


def test_hit_prompt_with_hostile_fields() -> None:
    from idlibtui.model import Hit

    for text in NASTY:
        hit = Hit(
            id="1",
            path=text,
            title=f"T {text}",
            source=f"S {text}",
            date=None,
            score=1.0,
            snippet=f"before {text} after",
            snippet_hits=((0, 6),),
        )
        prompt = hit_prompt(hit, marked=True)
        assert isinstance(prompt, Content)
        plain = prompt.plain
        clean = safe.line(text).plain
        assert f"T {clean}" in plain and f"S {clean}" in plain and f"{clean} after" in plain
        assert "\x1b" not in plain


async def test_results_and_facets_widgets_render_hostile_values(make_app) -> None:
    """The same values fed straight to the widgets (bytes facet keys too), rendered on screen."""
    from idlibtui.model import Hit

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        hits = [
            Hit(str(n), t, f"Title {t}", f"Outlet {t}", None, 1.0, f"snip {t} end", ((0, 4),))
            for n, t in enumerate(NASTY)
        ]
        screen.query_one(ResultsList).show_hits(hits, len(hits))
        facets = {"source": {f"Outlet {t}": 1 for t in NASTY}, "entity": {b"[bold]Byte": 2}}
        screen.query_one(FacetList).show_facets(facets, {})
        screen.query_one(Chips).show_filters(
            {"source": ["[/]"]}, [("source", "[/]"), ("entity", "[@click=app.quit]x[/]")]
        )
        await pilot.pause()
        text = check_screen(app)
        for t in NASTY[:4]:
            assert f"Title {t}" in text and f"Outlet {t}" in text
        assert "[bold]Byte" in text and "b'" not in text
        assert "Entity: [@click=app.quit]x[/]" in text
