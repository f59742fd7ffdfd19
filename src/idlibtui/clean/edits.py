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

from idlibtui.model import Repair


@dataclass(slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    kind: str
    note: str = ""


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
        todo = sorted(
            (e for e in edits if text[e.start : e.end] != e.replacement),
            key=lambda e: (e.start, e.end),
        )
        if not todo:
            return 0
        starts = self._starts()
        pieces = self._pieces

        def piece_at(pos: int) -> int:
            return bisect_right(starts, pos) - 1

        # Grow each edit to whole replaced pieces, then group edits that now overlap.
        groups: list[list] = []  # [S, E, [edits]]
        for e in todo:
            s, end = e.start, e.end
            i = piece_at(s)
            if 0 <= i < len(pieces) and pieces[i][2] is not None and starts[i] < s:
                s = starts[i]
            j = piece_at(end)
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

        # One forward sweep over the pieces (linear, so megabyte texts stay fast).
        changed = 0
        out: list[list] = []
        text_parts: list[str] = []
        last_end = 0
        k = 0  # next old piece
        pos = 0  # old-text start of pieces[k] (or of its unconsumed remainder)
        current: list | None = pieces[0] if pieces else None

        def length(piece: list) -> int:
            return (piece[1] - piece[0]) if piece[2] is None else len(piece[2])

        for S, E, members in groups:
            parts = [text[S : members[0].start]]
            for n, e in enumerate(members):
                parts.append(e.replacement)
                nxt = members[n + 1].start if n + 1 < len(members) else E
                parts.append(text[e.end : nxt])
            new_text = "".join(parts)
            # Copy the pieces that end at or before S (zero-length ones at S stay outside).
            while current is not None and pos + length(current) <= S:
                if S == E and pos < S < pos + length(current):
                    break
                out.append(current)
                pos += length(current)
                k += 1
                current = pieces[k] if k < len(pieces) else None
            rstart = rend = out[-1][1] if out else 0
            first = True
            absorbed = False
            while current is not None:
                a, L = pos, length(current)
                b = a + L
                involved = ((a < E and b > S) or (L == 0 and S < a < E)) if S < E else a < S < b
                if not involved:
                    break
                rs, re_, txt = current
                if txt is None:
                    if first:
                        rstart = rs + max(0, S - a)
                        if a < S:
                            out.append([rs, rs + (S - a), None])
                    if b > E:
                        rend = rs + (E - a)
                        current = [rend, re_, None]  # the rest stays for what follows
                        pos = E
                        first = False
                        break
                    rend = re_
                else:
                    absorbed = True
                    if first:
                        rstart = rs
                    rend = re_
                first = False
                pos = b
                k += 1
                current = pieces[k] if k < len(pieces) else None
            if first:  # nothing involved: a pure insertion between pieces
                rstart = rend = out[-1][1] if out else 0
            raw_text = self.raw[rstart:rend]
            if new_text == raw_text and not absorbed:
                if rend > rstart:
                    out.append([rstart, rend, None])
            else:
                out.append([rstart, rend, new_text])
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
        if current is not None:
            out.append(current)
            out.extend(pieces[k + 1 :])
        text_parts.append(text[last_end:])
        self._pieces = out
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
