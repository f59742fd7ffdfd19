"""Armed groups have their own colour, apart from figures (and people, places, organisations),
in every built-in theme; in Textual's default themes the accent is the figure colour."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from idlibtui.tui.palette import OTHERS, group_colour
from idlibtui.tui.screens.reader import ReaderScreen
from tests.app.conftest import settle
from tests.app.reader_harness import HarnessApp, build_article, seed_settings


def _variables(theme) -> dict[str, str]:
    return {**theme.to_color_system().generate(), **theme.variables}


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
def test_group_colour_differs_from_every_other_layer(name: str) -> None:
    variables = _variables(BUILTIN_THEMES[name])
    colour = group_colour(variables)
    for other in OTHERS:
        assert Color.parse(colour) != Color.parse(variables[other]), other


def _cell_colours(view, needle: str) -> set:
    """The foreground colours of the cells showing ``needle`` in the view."""
    found = set()
    for y in range(view.size.height):
        strip = view.render_line(y)
        text = "".join(segment.text for segment in strip)
        start = text.find(needle)
        if start < 0:
            continue
        position = 0
        for segment in strip:
            end = position + len(segment.text)
            if position < start + len(needle) and end > start and segment.text.strip():
                found.add(segment.style.color)
            position = end
    return found


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_groups_and_figures_are_drawn_in_different_colours(theme: str) -> None:
    article = build_article(
        ["Fighters of Hayat Tahrir al-Sham said 35,000 people fled toward the border."],
        figures=[("35,000", "people displaced")],
        entities=[("Hayat Tahrir al-Sham", "GROUP", "Hayat Tahrir al-Sham")],
    )
    app = HarnessApp(lambda: ReaderScreen("", "", "", seed_settings(), article=article))
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await settle(pilot)
        view = app.screen.view
        group = _cell_colours(view, "Hayat Tahrir al-Sham")
        figure = _cell_colours(view, "35,000")
        assert group and figure and group.isdisjoint(figure)
