"""ArticleView: wrapping, layers, match stepping, position on resize, raw mode, safety."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult

from idlibtui.tui.widgets.article_view import (
    ArticleView,
    display_text,
    find_matches,
    match_counter,
    wrap_range,
)
from tests.app.reader_harness import build_article, long_article

# -- pure helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1, 5, 12, 40, 79])
def test_wrap_covers_text_within_width(width: int) -> None:
    text = (
        "Syrian forces killed 12 people in Idlib\n"
        "averyveryverylongwordthatneedsfolding and 漢字の文字 wide ones.  Double  spaces."
    )
    lines = wrap_range(text, 0, len(text), width)
    covered = "".join(text[s:e] for s, e in lines)
    assert covered == text.replace("\n", "")
    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= max(width, 2)
    # Lines are ordered and do not overlap.
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(lines))


def test_wrap_keeps_words_whole_when_they_fit() -> None:
    text = "one two three four five six"
    lines = wrap_range(text, 0, len(text), 9)
    assert [text[s:e].strip() for s, e in lines] == ["one two", "three", "four five", "six"]


def test_display_text_replaces_controls_one_for_one() -> None:
    nasty = "a\x1b]0;x\x07b\x9bc\u202ed\te\x00"
    shown = display_text(nasty)
    assert len(shown) == len(nasty)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert "\u202e" not in shown


def test_match_counter_words() -> None:
    assert match_counter(None, 0) == "no matches"
    assert match_counter(None, 1) == "1 match"
    assert match_counter(None, 17) == "17 matches"
    assert match_counter(2, 17) == "3/17"


def test_find_matches_finds_query_words() -> None:
    text = "Refugees fled. The refugee camp was full; REFUGEES again."
    found = find_matches("refugees", text)
    assert found
    assert all(text[s:e].lower().startswith("refugee") for s, e in found)


# -- the widget in a bare app ---------------------------------------------------------------------


class ViewApp(App):
    def __init__(self, article) -> None:
        super().__init__()
        self.article = article
        self.animation_level = "none"

    def compose(self) -> ComposeResult:
        yield ArticleView(self.article, id="view")


def visible_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


def style_at(view: ArticleView, offset: int):
    """The Rich style the view draws for the character at ``offset`` (must be on screen)."""
    row = view._offset_to_row(offset)
    y = row - round(view.scroll_offset.y)
    assert 0 <= y < view.scrollable_content_region.height
    line = view._lines[row]
    strip = view.render_line(y)
    column = 1 + cell_len(view._doc_text()[line.start : offset])
    position = 0
    for segment in strip:
        if position <= column < position + cell_len(segment.text):
            return segment.style
        position += cell_len(segment.text)
    raise AssertionError("offset not drawn")


async def test_step_matches_with_counter_and_scroll() -> None:
    app = ViewApp(long_article(3000))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        messages: list[str] = []
        original = view.post_message

        def spy(message):
            if isinstance(message, ArticleView.MatchChanged):
                messages.append(message.counter)
            return original(message)

        view.post_message = spy
        total = view.set_query("refugees OR fled")
        assert total == view.match_count > 20
        assert view.counter == f"{total} matches"
        await pilot.press("n")
        assert view.counter == f"1/{total}"
        await pilot.press("n", "n")
        assert view.counter == f"3/{total}"
        await pilot.press("N")
        assert view.counter == f"2/{total}"
        assert messages[-1] == f"2/{total}"
        # Jump far: the current match is scrolled into view.
        view.go_to_match(total - 5)
        await pilot.pause()
        start, end = view.visible_range()
        current = view.hits[view.current_match]
        assert start <= current[0] < end
        # Wrapping past the last match goes back to the first.
        view.go_to_match(total - 1)
        await pilot.press("n")
        assert view.counter == f"1/{total}"


async def test_no_query_steps_say_no_matches() -> None:
    app = ViewApp(build_article(["Nothing to see here."]))
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("n")
        assert view.counter == "no matches"
        assert view.current_match is None


async def test_layers_toggle_independently_and_change_drawing() -> None:
    article = build_article(
        ["In Idlib, Recep Tayyip Erdogan said 12 civilians were killed."],
        figures=[("12 civilians", "civilians killed")],
        entities=[("Idlib", "PLACE", "Idlib"), ("Recep Tayyip Erdogan", "PERSON", "Erdogan")],
    )
    app = ViewApp(article)
    async with app.run_test(size=(80, 12)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        view.set_query("killed")
        await pilot.pause()
        figure_at = article.text.index("12 civilians")
        place_at = article.text.index("Idlib")
        person_at = article.text.index("Recep")
        hit_at = article.text.index("killed")
        plain_at = article.text.index("said")
        plain = style_at(view, plain_at)
        figure_on = style_at(view, figure_at)
        assert figure_on != plain and figure_on.bold
        assert style_at(view, place_at).color != style_at(view, person_at).color
        hit_on = style_at(view, hit_at)
        assert hit_on.bgcolor != plain.bgcolor

        await pilot.press("f")
        assert not view.show_figures and view.show_entities and view.show_hits
        assert style_at(view, figure_at) == plain
        assert style_at(view, place_at) != plain
        await pilot.press("e")
        assert style_at(view, place_at) == plain
        await pilot.press("h")
        assert style_at(view, hit_at) == plain
        await pilot.press("f", "e", "h")
        assert style_at(view, figure_at) == figure_on
        assert style_at(view, hit_at) == hit_on


async def test_colours_follow_the_theme() -> None:
    article = build_article(
        ["About 12 civilians died."], figures=[("12 civilians", "civilians killed")]
    )
    app = ViewApp(article)
    async with app.run_test(size=(60, 8)) as pilot:
        view = app.query_one(ArticleView)
        at = article.text.index("12 civilians")
        app.theme = "textual-dark"
        await pilot.pause()
        dark = style_at(view, at).color
        app.theme = "textual-light"
        await pilot.pause()
        light = style_at(view, at).color
        assert dark is not None and light is not None and dark != light


async def test_scroll_to_offset_and_position_survives_resize() -> None:
    article = long_article(5000)
    app = ViewApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(ArticleView)
        target = article.text.index("(40)")
        view.scroll_to_offset(target, top=True)
        await pilot.pause()
        before = view.top_offset()
        assert before <= target < view.visible_range()[1]
        rows_wide = view.line_count
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.line_count > rows_wide  # re-wrapped narrower
        start, end = view.visible_range()
        assert start <= before < end
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert view.top_offset() == before


async def test_motion_keys() -> None:
    app = ViewApp(long_article(2000))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("j", "j")
        assert view.scroll_offset.y == 2
        await pilot.press("k")
        assert view.scroll_offset.y == 1
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_offset.y > 10
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_offset.y == 0


async def test_raw_mode_marks_repairs() -> None:
    article = build_article(["It's what they said: don't go."])
    app = ViewApp(article)
    async with app.run_test(size=(80, 12)) as pilot:
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("r")
        assert view.raw
        shown = visible_text(view)
        assert "& # 39;" in shown and "Masthead" in shown
        entity = next(r for r in article.repairs if r.kind == "entity")
        removed = next(r for r in article.repairs if not r.replacement)
        assert style_at(view, entity.raw_start).underline
        assert style_at(view, removed.raw_start).strike
        assert view.repair_at(entity.raw_start + 1) == entity
        assert view.repair_at(len(article.raw) - 1) is None
        # hovering a repair explains it
        row = view._offset_to_row(entity.raw_start)
        column = 1 + cell_len(article.raw[view._lines[row].start : entity.raw_start])
        await pilot.hover(ArticleView, offset=(column, row))
        assert view.tooltip is not None and "&#39;" in str(view.tooltip)
        await pilot.hover(ArticleView, offset=(1, 0))
        assert view.tooltip is not None and "masthead" in str(view.tooltip)
        await pilot.press("r")
        assert not view.raw and "& # 39;" not in visible_text(view)


async def test_untrusted_text_is_literal() -> None:
    nasty = "Breaking [/] news [bold]x [@click=app.quit]quit[/] and [a[0]] \x1b]0;pwned\x07 end"
    article = build_article([nasty, "Second [/bold] para."], title="[b]Title[/b] [/]")
    app = ViewApp(article)
    async with app.run_test(size=(100, 12)) as pilot:
        view = app.query_one(ArticleView)
        view.set_query("bold quit")
        await pilot.pause()
        shown = visible_text(view)
        for literal in ("[/]", "[bold]", "[@click=app.quit]quit[/]", "[a[0]]", "[b]Title[/b]"):
            assert literal in shown
        assert "\x1b" not in shown and "\x07" not in shown
        await pilot.click(ArticleView, offset=(20, 2))
        assert app.is_running
