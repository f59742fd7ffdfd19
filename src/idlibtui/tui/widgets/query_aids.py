"""Aids around the query box: the "also:" line (the other spellings a search added) and the
completion of ``entity:``/``source:`` values while typing.

Both show index data (names, spellings): only as ``Content`` built from plain strings, never
parsed as markup.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence

from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Static

from idlibtui.tui import safe

MAX_SHOWN = 12  # spellings listed on the line; the rest are counted


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
