"""An edit layer: the current text plus a map back to the decoded raw text.

Every cleaning pass proposes edits in *current* coordinates; :meth:`EditText.apply` performs them
in one batch, records each as a :class:`~idlibtui.model.Repair` with *raw* offsets, and keeps the
map exact. The text is held as a list of pieces, each either an untouched stretch of raw text or a
replacement standing for a raw span. An edit that touches part of an earlier replacement grows to
cover all of it, so replacements never nest inside pieces and the newest repair covering a raw
span always says what stands there now: applying the outermost repairs to ``raw`` gives ``text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter

from idlibtui.model import Repair


@dataclass(slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    kind: str
    note: str = ""


_SPAN_ORDER = attrgetter("start", "end")  # an edit's (start, end), got in C


class EditText:
    """Text being cleaned, with every change mapped back to the raw input."""

    __slots__ = ("_chars", "_pieces", "_starts_cache", "_text", "raw", "repairs")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        # piece: [raw_start, raw_end, text or None (None: identical to raw[raw_start:raw_end])]
        self._pieces: list[list] = [[0, len(raw), None]] if raw else []
        self._text = raw
        self._starts_cache: list[int] | None = None
        self._chars: frozenset[str] | None = None
        self.repairs: list[Repair] = []

    @property
    def text(self) -> str:
        return self._text

    @property
    def chars(self) -> frozenset[str]:
        """The distinct characters of the current text. The passes test it to skip work that
        cannot apply; several see the same text, and ``set(text)`` costs as much as a scan."""
        if self._chars is None:
            self._chars = frozenset(self._text)
        return self._chars

    # -- queries -----------------------------------------------------------------------------
    def _starts(self) -> list[int]:
        if self._starts_cache is not None:
            return self._starts_cache
        starts = []
        pos = 0
        for rs, re_, txt in self._pieces:
            starts.append(pos)
            pos += (re_ - rs) if txt is None else len(txt)
        self._starts_cache = starts
        return starts

    def raw_pos(self, pos: int) -> int:
        """Raw offset of a current offset (the start of a replacement maps to its raw start)."""
        starts = self._starts()
        for i in range(max(0, bisect_right(starts, pos) - 1), len(self._pieces)):
            rs, re_, txt = self._pieces[i]
            a = starts[i]
            length = (re_ - rs) if txt is None else len(txt)
            if pos < a + length:
                return rs + (pos - a) if txt is None else rs
        return len(self.raw)

    # -- edits -------------------------------------------------------------------------------
    def sub(
        self,
        pattern: re.Pattern[str],
        repl: str | Callable[[re.Match[str]], str | None],
        kind: str,
        note: str | Callable[[re.Match[str]], str] = "",
        *,
        matches: Iterable[re.Match[str]] | None = None,
    ) -> int:
        """Like ``pattern.sub`` on the current text, recording each change; a callable ``repl``
        may return ``None`` to leave a match alone. Returns the number of changes. ``matches``
        are ``pattern.finditer(text)`` when the caller can find them faster."""
        edits = []
        literal = None if callable(repl) or "\\" in repl else repl
        for m in pattern.finditer(self._text) if matches is None else matches:
            new = literal if literal is not None else repl(m) if callable(repl) else m.expand(repl)
            if new is None or new == m.group(0):
                continue
            why = note(m) if callable(note) else note
            edits.append(Edit(m.start(), m.end(), new, kind, why))
        return self.apply(edits)

    def apply(self, edits: Iterable[Edit]) -> int:
        """Perform non-overlapping edits (current coordinates) in one batch."""
        text = self._text
        todo = sorted((e for e in edits if text[e.start : e.end] != e.replacement), key=_SPAN_ORDER)
        if not todo:
            return 0
        sweep = _Sweep(self._pieces)
        changed = 0
        text_parts: list[str] = []
        last_end = 0
        for S, E, members in _group_edits(todo, self._starts(), self._pieces):
            parts = [text[S : members[0].start]]
            for n, e in enumerate(members):
                parts.append(e.replacement)
                nxt = members[n + 1].start if n + 1 < len(members) else E
                parts.append(text[e.end : nxt])
            new_text = "".join(parts)
            sweep.copy_before(S, E)
            rstart, rend, absorbed = sweep.take(S, E)
            raw_text = self.raw[rstart:rend]
            if new_text == raw_text and not absorbed:
                if rend > rstart:
                    sweep.out.append([rstart, rend, None])
            else:
                sweep.out.append([rstart, rend, new_text])
                self.repairs.append(
                    Repair(
                        kind=members[0].kind,
                        raw_start=rstart,
                        raw_end=rend,
                        raw=raw_text,
                        replacement=new_text,
                        note="; ".join(dict.fromkeys(e.note for e in members if e.note)),
                    )
                )
                changed += len(members)
            text_parts.append(text[last_end:S])
            text_parts.append(new_text)
            last_end = E
        text_parts.append(text[last_end:])
        self._pieces = sweep.finish()
        self._text = "".join(text_parts)
        self._starts_cache = None
        self._chars = None
        self._merge_plain()
        return changed

    def _merge_plain(self) -> None:
        """Join neighbouring untouched pieces so the list stays short."""
        merged: list[list] = []
        for p in self._pieces:
            if p[2] is None and p[1] == p[0]:
                continue
            if merged and p[2] is None and merged[-1][2] is None and merged[-1][1] == p[0]:
                merged[-1][1] = p[1]
            else:
                merged.append(p)
        self._pieces = merged

    def replaced_pieces(self) -> list[tuple[int, int, str]]:
        """The net difference from raw: (raw_start, raw_end, text) for every replaced stretch."""
        return [(p[0], p[1], p[2]) for p in self._pieces if p[2] is not None]

    def check(self) -> None:
        """Assert the map is exact (used by tests)."""
        pos = 0
        out = []
        for rs, re_, txt in self._pieces:
            assert rs == pos, (rs, pos)
            pos = re_
            out.append(self.raw[rs:re_] if txt is None else txt)
        assert pos == len(self.raw), (pos, len(self.raw))
        assert "".join(out) == self._text


def _length(piece: list) -> int:
    """Length of a piece in the current text."""
    return (piece[1] - piece[0]) if piece[2] is None else len(piece[2])


def _group_edits(todo: list[Edit], starts: list[int], pieces: list[list]) -> list[list]:
    """``[S, E, edits]`` stretches of the current text: each edit grown to whole replaced
    pieces, edits that then overlap joined (an edit overlapping an earlier one of the same
    batch is dropped: the first is kept)."""
    groups: list[list] = []
    for e in todo:
        s, end = e.start, e.end
        i = bisect_right(starts, s) - 1
        if 0 <= i < len(pieces) and pieces[i][2] is not None and starts[i] < s:
            s = starts[i]
        j = bisect_right(starts, end) - 1
        if 0 <= j < len(pieces) and pieces[j][2] is not None:
            a = starts[j]
            b = a + len(pieces[j][2])
            if a < end < b:
                end = b
        if groups and s < groups[-1][1]:
            if e.start < groups[-1][2][-1].end:
                continue  # overlapping edits in one batch: keep the first
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(e)
        else:
            groups.append([s, end, [e]])
    return groups


class _Sweep:
    """One forward pass over the old pieces (linear, so megabyte texts stay fast): the pieces
    outside the edited stretches are copied to ``out``, the ones inside are consumed."""

    __slots__ = ("current", "k", "out", "pieces", "pos")

    def __init__(self, pieces: list[list]) -> None:
        self.pieces = pieces
        self.out: list[list] = []
        self.k = 0  # next old piece
        self.pos = 0  # old-text start of ``current`` (or of its unconsumed remainder)
        self.current: list | None = pieces[0] if pieces else None

    def _advance(self, pos: int) -> None:
        self.pos = pos
        self.k += 1
        self.current = self.pieces[self.k] if self.k < len(self.pieces) else None

    def copy_before(self, S: int, E: int) -> None:
        """Copy the pieces that end at or before ``S`` (zero-length ones at S stay outside)."""
        while self.current is not None and self.pos + _length(self.current) <= S:
            if S == E and self.pos < S < self.pos + _length(self.current):
                break
            self.out.append(self.current)
            self._advance(self.pos + _length(self.current))

    def take(self, S: int, E: int) -> tuple[int, int, bool]:
        """Consume the pieces the stretch ``[S, E)`` involves (an empty one: an insertion).
        Returns the raw span they stand for and whether a replacement was among them; an
        untouched piece reaching past ``S`` or ``E`` is cut, its outer parts kept."""
        out = self.out
        rstart = rend = out[-1][1] if out else 0
        first = True
        absorbed = False
        while self.current is not None:
            a, L = self.pos, _length(self.current)
            b = a + L
            involved = ((a < E and b > S) or (L == 0 and S < a < E)) if S < E else a < S < b
            if not involved:
                break
            rs, re_, txt = self.current
            if txt is None:
                if first:
                    rstart = rs + max(0, S - a)
                    if a < S:
                        out.append([rs, rs + (S - a), None])
                if b > E:
                    rend = rs + (E - a)
                    self.current = [rend, re_, None]  # the rest stays for what follows
                    self.pos = E
                    first = False
                    break
                rend = re_
            else:
                absorbed = True
                if first:
                    rstart = rs
                rend = re_
            first = False
            self._advance(b)
        if first:  # nothing involved: a pure insertion between pieces
            rstart = rend = out[-1][1] if out else 0
        return rstart, rend, absorbed

    def finish(self) -> list[list]:
        """The new piece list: what was built, then the old pieces after the last stretch."""
        if self.current is not None:
            self.out.append(self.current)
            self.out.extend(self.pieces[self.k + 1 :])
        return self.out
