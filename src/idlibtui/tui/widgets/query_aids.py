"""Aids around the query box: the box itself (no control sequence gets in), the "also:" line
(the other spellings a search added), the completion of ``entity:``/``source:`` values while
typing, and the message under a malformed query with a caret at the place it went wrong.

All show index data or user input (names, spellings, the query, an error): only as ``Content``
built from plain strings, never parsed as markup.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence

from textual import events
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Static

from idlibtui.textsafe import printable
from idlibtui.tui import safe

MAX_SHOWN = 12  # spellings listed on the line; the rest are counted


class QueryInput(Input):
    """The query box: pasted or typed control and escape sequences never reach the terminal."""

    def validate_value(self, value: str) -> str:
        return printable(value)

    async def _on_key(self, event: events.Key) -> None:
        """`/` means "search" everywhere: typed into an empty box it only focuses it."""
        if event.character == "/" and not self.value:
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)


def query_error_content(error: BaseException, query: str, width: int) -> Content:
    """Why a search failed: for a malformed query (a ``QueryError`` with a ``position``), the
    query with a caret under that character above the message."""
    position = getattr(error, "position", None)
    what = getattr(error, "message", None) or str(error) or type(error).__name__
    if type(error).__name__ == "QueryError":
        heading = Content.styled("Malformed query: ", "bold $text-error")
    else:
        heading = Content.styled("Search failed: ", "bold $text-error")
    where = f" (at character {position + 1})" if isinstance(position, int) else ""
    text = Content.assemble(heading, safe.line(what), (where, "$text-error"))
    if isinstance(position, int):
        text = Content.assemble(safe.caret_under(query, position, width), "\n", text)
    return text


def also_content(expansions: Sequence[tuple[str, Sequence[str]]]) -> Content | None:
    """``also: Saraqib, Sarāqib`` for one expanded word; with several, each list is followed by
    the word it was added to (``also: Saraqib (Saraqeb) · Tahrir al-Sham (HTS)``)."""
    groups = [(typed, list(added)) for typed, added in expansions if added]
    if not groups:
        return None
    parts: list[Content] = []
    shown = 0
    for typed, added in groups:
        room = max(0, MAX_SHOWN - shown)
        names = added[:room]
        shown += len(names)
        if not names:
            continue
        text = safe.line(", ".join(names))
        if len(groups) > 1:
            text = text + safe.line(f" ({typed})", "$text-muted")
        parts.append(text)
    total = sum(len(a) for _, a in groups)
    line = Content.styled("also: ", "$text-muted") + safe.join(
        parts, Content.styled(" · ", "$text-muted")
    )
    if total > shown:
        line = line + Content.styled(f" and {total - shown} more", "$text-muted")
    return line


class AlsoLine(Static):
    """What the search added to the typed words: the other spellings of the names it holds."""

    def show_expansions(self, expansions: Sequence[tuple[str, Sequence[str]]]) -> None:
        content = also_content(expansions)
        self.display = content is not None
        self.update(content if content is not None else "")


# --- completion of field values ---------------------------------------------------------------

_FIELD_AT_END = re.compile(r'(?:^|[\s(-])(entity|entities|source|outlet):("?)([^"]*)$', re.I)
_FIELD_NAMES = {"entities": "entity", "outlet": "source"}


def complete_value(value: str, names_for: Callable[[str], Sequence[str]]) -> str | None:
    """The query ``value`` with the ``entity:``/``source:`` value being typed at its end
    completed from the names the index holds (``names_for(field)``, likeliest first), or None.

    Quoted (``entity:"Recep T``), the whole name is completed and the quote closed; unquoted
    (``entity:erd``), the word being typed is completed from a word of a name (``erdogan``),
    which ``entity:`` resolves. The completion always continues what was typed, as the input
    shows only the part after it."""
    m = _FIELD_AT_END.search(value)
    if not m:
        return None
    field = _FIELD_NAMES.get(m.group(1).lower(), m.group(1).lower())
    quoted, partial = bool(m.group(2)), m.group(3)
    if not partial or (not quoted and not partial.strip()):
        return None
    low = partial.casefold()
    names = names_for(field)
    head = value[: len(value) - len(partial)]  # the completion takes the name's own case
    if quoted:
        for name in names:
            if name.casefold().startswith(low) and len(name) >= len(partial):
                return head + name + '"'
        return None
    if any(c.isspace() for c in partial):
        return None
    for name in names:
        for word in re.findall(r"[\w'’-]+", name):
            if word.casefold().startswith(low) and len(word) > len(partial):
                return head + word
    return None


class FieldSuggester(Suggester):
    """Completes ``entity:`` and ``source:`` values from the index's names (see
    ``complete_value``); the names are read in a thread, as the first read of a large index's
    names takes a moment."""

    def __init__(self, names_for: Callable[[str], Sequence[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names_for = names_for

    async def get_suggestion(self, value: str) -> str | None:
        match = _FIELD_AT_END.search(value)
        if not match:
            return None
        field = _FIELD_NAMES.get(match.group(1).lower(), match.group(1).lower())
        try:
            names = await asyncio.to_thread(self.names_for, field)
        except Exception:  # no index yet, or it cannot be read: no completion, no error
            return None
        return complete_value(value, lambda _field: names)
