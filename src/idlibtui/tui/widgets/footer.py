"""A footer that always fits its line: the verbs that matter most stay, the rest step aside.

Textual's ``Footer`` lays every shown binding out in a row and lets the line cut them off, so at
80 columns the reader lost ``? Help`` and the compare screen lost swap, back and help. This one
measures the row first and, while it is too wide, (1) switches to the compact style, (2) uses
short descriptions, (3) drops the least important bindings, in the order the screen gives.

A screen says what matters with ``FOOTER_PRIORITY`` (binding ids, most important first; ids not
listed come after, and Help is always first), may give ``FOOTER_SHORT`` (binding id → a short
description), and may hide a binding that has nothing to act on yet with
``footer_hides(action) -> bool`` (its key still works and says why it cannot act).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; Textual is pinned below 9

ALWAYS_FIRST = ("app.help",)
SHORT: dict[str, str] = {
    "app.help": "Help",
    "article.next_match": "Next",
    "article.toggle_raw": "Raw",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One binding as the footer would show it."""

    binding: Binding
    enabled: bool
    tooltip: str
    key_display: str

    def width(self, *, compact: bool, short: bool, shorts: Mapping[str, str]) -> int:
        description = describe(self.binding, short=short, shorts=shorts)
        key = cell_len(self.key_display)
        if not description:
            return key + (1 if compact else 2)
        if compact:  # "k desc" and a margin of one
            return key + 1 + cell_len(description) + 1
        return key + 2 + cell_len(description) + 1  # " k " and "desc "


def describe(binding: Binding, *, short: bool, shorts: Mapping[str, str]) -> str:
    if short and binding.id and binding.id in shorts:
        return shorts[binding.id]
    return binding.description


def palette_width(key_display: str, description: str, *, compact: bool) -> int:
    """The command-palette key docked on the right: its border, the key and description in
    the compact style (as Textual draws it), and a right padding outside the compact footer."""
    return 1 + cell_len(key_display) + 1 + cell_len(description) + (0 if compact else 1)


def rank(items: Sequence[Item], priority: Sequence[str]) -> list[int]:
    """Each item's importance (0 = most important): Help, then ``priority``, then the rest in
    their own order."""
    order = [*ALWAYS_FIRST, *(p for p in priority if p not in ALWAYS_FIRST)]
    ranks = []
    for position, item in enumerate(items):
        identity = item.binding.id or ""
        ranks.append(order.index(identity) if identity in order else len(order) + position)
    return ranks


def fit(
    items: Sequence[Item],
    width: int,
    *,
    priority: Sequence[str] = (),
    shorts: Mapping[str, str] | None = None,
    palette: tuple[str, str] | None = None,
) -> tuple[list[Item], bool, bool]:
    """The items to show (in their order), and whether compact and short styles are needed."""
    shorts = {**SHORT, **(shorts or {})}

    def total(chosen: Iterable[Item], compact: bool, short: bool) -> int:
        used = sum(i.width(compact=compact, short=short, shorts=shorts) for i in chosen)
        if palette is not None:
            used += palette_width(*palette, compact=compact)
        return used

    for compact, short in ((False, False), (True, False), (True, True)):
        if total(items, compact, short) <= width:
            return list(items), compact, short
    ranks = rank(items, priority)
    kept = list(range(len(items)))
    while kept and total((items[i] for i in kept), True, True) > width:
        kept.remove(max(kept, key=lambda i: ranks[i]))
    return [items[i] for i in kept], True, True


class FitFooter(Footer):
    """``Footer`` that fits the width it has (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fitted_width = 0
        self.short = False
        self.shown_ids: list[str] = []

    def _items(self) -> list[Item]:
        screen = self.screen
        hides = getattr(screen, "footer_hides", None)
        items: list[Item] = []
        seen: set[str] = set()
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            if callable(hides) and hides(binding.action):
                continue
            seen.add(binding.action)
            items.append(Item(binding, enabled, tooltip, self.app.get_key_display(binding)))
        return items

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        screen = self.screen
        width = self.size.width or self.app.size.width
        self._fitted_width = width
        palette = None
        palette_binding = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette_binding = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette_binding is not None:
                binding = palette_binding.binding
                palette = (self.app.get_key_display(binding), binding.description)
        shorts = {**SHORT, **getattr(screen, "FOOTER_SHORT", {})}
        items, compact, short = fit(
            self._items(),
            width,
            priority=getattr(screen, "FOOTER_PRIORITY", ()),
            shorts=shorts,
            palette=palette,
        )
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        self.short = short
        self.shown_ids = [item.binding.id or item.binding.action for item in items]
        for item in items:
            binding = item.binding
            yield FooterKey(
                binding.key,
                item.key_display,
                describe(binding, short=short, shorts=shorts),
                binding.action,
                disabled=not item.enabled,
                tooltip=item.tooltip or binding.description,
            ).data_bind(compact=Footer.compact)
        if palette_binding is not None:
            _node, binding, enabled, _tooltip = palette_binding
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)
