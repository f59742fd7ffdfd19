"""``?`` help: every key of the screen underneath, read from the live bindings (never a copy).

Sections: the screen's own bindings, then those of its widgets that define keys of their own
(results list, facets, article view…), then the keys that work everywhere. The user's keymap
(``App.set_keymap``) is applied, so a remapped key shows its new key. A screen may add trusted
notes (``HELP_NOTES``, markup) such as the query language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from idlibtui.tui import safe
from idlibtui.tui.widgets.footer import FitFooter

# Keys that Textual's own widgets bind and that a reader of this app uses.
USEFUL_BASE_ACTIONS = {
    "cursor_up",
    "cursor_down",
    "first",
    "last",
    "page_up",
    "page_down",
    "select",
    "scroll_up",
    "scroll_down",
    "scroll_home",
    "scroll_end",
}


def _declared_actions(node: DOMNode) -> set[str]:
    """Actions bound by classes of idlibtui itself (not by Textual's base classes)."""
    actions: set[str] = set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("idlibtui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                actions.add(binding.action)
            elif isinstance(binding, tuple) and len(binding) >= 2:
                actions.add(binding[1])
    return actions


def _own_bindings(node: DOMNode, *, with_base: bool) -> list[Binding]:
    """The node's live bindings (user keymap applied): ours, plus useful base ones if asked."""
    bindings = node._bindings.copy()
    keymap = getattr(node.app, "_keymap", None)
    if keymap:
        bindings.apply_keymap(keymap)
    ours = _declared_actions(node)
    mine: list[Binding] = []
    base: list[Binding] = []
    declared = {id(b) for cls in type(node).__mro__ for b in cls.__dict__.get("BINDINGS", [])}
    for _key, key_bindings in bindings.key_to_bindings.items():
        for binding in key_bindings:
            if binding.action in ours and (id(binding) in declared or binding.id):
                mine.append(binding)
            elif binding.action in ours or (with_base and binding.action in USEFUL_BASE_ACTIONS):
                base.append(binding)
    return mine + base


def _is_ours(node: DOMNode) -> bool:
    return type(node).__module__.startswith("idlibtui.")


def describe(binding: Binding) -> str:
    return binding.description or binding.action.replace("_", " ")


def binding_rows(node: DOMNode, bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, what) rows, one per action: all its keys, and the first description given."""
    app = node.app
    keys: dict[str, list[str]] = {}
    what: dict[str, str] = {}
    for binding in bindings:
        if binding.system:
            continue
        what.setdefault(binding.action, describe(binding))
        shown = app.get_key_display(binding)
        if shown not in keys.setdefault(binding.action, []):
            keys[binding.action].append(shown)
    return [(" ".join(keys[action]), what[action]) for action in keys]


def help_sections(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """The sections of help for ``screen``: (heading, [(keys, description)])."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    title = getattr(screen, "HELP_TITLE", "") or type(screen).__name__.removesuffix("Screen")
    rows = binding_rows(screen, _own_bindings(screen, with_base=False))
    if rows:
        sections.append((f"{title} screen", rows))
    seen: set[type] = set()
    for widget in screen.query("*"):
        kind = type(widget)
        if kind in seen or not _is_ours(widget) or not _declared_actions(widget):
            continue
        seen.add(kind)
        rows = binding_rows(screen, _own_bindings(widget, with_base=True))
        if rows:
            name = getattr(widget, "HELP_TITLE", "") or widget.border_title or kind.__name__
            sections.append((str(name), rows))
    app = screen.app
    everywhere = binding_rows(screen, _own_bindings(app, with_base=False))
    palette_key = app.COMMAND_PALETTE_BINDING
    if app.ENABLE_COMMAND_PALETTE and all(what != "Commands" for _k, what in everywhere):
        everywhere.append((palette_key.replace("ctrl+", "^"), "Commands (palette)"))
    everywhere.append(("tab shift+tab", "Next / previous pane"))
    sections.append(("Everywhere", everywhere))
    return sections


def render_help(screen: Screen) -> Content:
    lines: list[Content] = []
    for heading, rows in help_sections(screen):
        lines.append(Content.styled(heading, "bold $text-primary"))
        width = max((len(keys) for keys, _ in rows), default=0)
        for keys, what in rows:
            lines.append(
                Content.assemble("  ", (keys.ljust(width), "bold $accent"), "   ", safe.line(what))
            )
        lines.append(Content(""))
    notes = getattr(screen, "HELP_NOTES", "")
    if notes:
        lines.append(Content.from_markup(notes))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Keys of the screen it was opened from; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close"),
        Binding("j,down", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="help.up"),
    ]

    HELP_TITLE = "Help"

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield Static(render_help(self.target), id="help-text", markup=False)
        yield FitFooter()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_up()
