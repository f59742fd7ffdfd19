"""Highlight colours that stay apart in every theme.

Figures use the theme's warning colour and people, places and organisations its success,
secondary and primary text colours. Armed groups used the accent colour, which is the warning
colour itself in Textual's default themes (``textual-dark``, ``textual-light``): a group looked
like a figure. ``group_colour`` picks, from the theme's own colours, one far from all four.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

#: Theme variables of the layers a group must not be confused with (figures, people, places,
#: organisations).
OTHERS = ("text-warning", "text-success", "text-secondary", "text-primary")
#: Where a group's colour may come from, most preferred first; rotations of the accent's hue
#: follow when none of these stands apart.
CANDIDATES = ("text-accent", "text-error")
#: Colours this far apart (Euclidean RGB, 0-441) read as different at a glance.
APART = 90.0
#: ANSI themes: the named colours to try (their RGB stands for the terminal's palette).
ANSI_CANDIDATES = ("ansi_magenta", "ansi_bright_magenta", "ansi_red", "ansi_cyan")


def _parse(value: str | None) -> Color | None:
    if not value:
        return None
    try:
        return Color.parse(value)
    except Exception:
        return None


def _distance(a: Color, b: Color) -> float:
    return sum((x - y) ** 2 for x, y in zip(a.rgb, b.rgb, strict=True)) ** 0.5


def _rotations(colour: Color) -> list[Color]:
    hsl = colour.hsl
    return [Color.from_hsl((hsl.h + turn) % 1.0, hsl.s, hsl.l) for turn in (0.5, 0.75, 0.25)]


def group_colour(variables: Mapping[str, str]) -> str:
    """A colour for armed groups, from the theme's variables, apart from the other layers."""
    others = [c for c in (_parse(variables.get(name)) for name in OTHERS) if c is not None]
    named = [variables.get(name, "") for name in CANDIDATES]
    if any(value.startswith("ansi_") for value in named):
        used = {variables.get(name, "") for name in OTHERS}
        for value in (*named, *ANSI_CANDIDATES):
            if value and value not in used:
                return value
        return named[0] or "ansi_magenta"
    candidates = [c for c in (_parse(value) for value in named) if c is not None]
    if candidates:
        candidates += _rotations(candidates[0])
    best, best_gap = None, -1.0
    for candidate in candidates:
        gap = min((_distance(candidate, other) for other in others), default=APART)
        if gap >= APART:
            return candidate.hex
        if gap > best_gap:
            best, best_gap = candidate, gap
    return best.hex if best is not None else "magenta"


#: The entity layers' colours as Content styles; a group's comes from ``group_colour``.
TYPE_STYLES = {
    "PERSON": "$text-success",
    "PLACE": "$text-secondary",
    "ORG": "$text-primary",
    "GROUP": "$text-accent",
}


def entity_styles(variables: Mapping[str, str] | None) -> dict[str, str]:
    """``TYPE_STYLES`` for the theme in use (``variables``: ``App.theme_variables``)."""
    styles = dict(TYPE_STYLES)
    if variables:
        styles["GROUP"] = group_colour(variables)
    return styles
