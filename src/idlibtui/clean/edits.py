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

    __slots__ = ("_pieces", "_text", "raw", "repairs")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        # piece: [raw_start, raw_end, text or None (None: identical to raw[raw_start:raw_end])]
        self._pieces: list[list] = [[0, len(raw), None]] if raw else []
        self._text = raw
        self.repairs: list[Repair] = []

    @property
    def text(self) -> str:
        return self._text

    # -- queries -----------------------------------------------------------------------------
    def _starts(self) -> list[int]:
        starts = []
        pos = 0
        for rs, re_, txt in self._pieces:
            starts.append(pos)
            pos += (re_ - rs) if txt is None else len(txt)
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
    ) -> int:
        """Like ``pattern.sub`` on the current text, recording each change; a callable ``repl``
        may return ``None`` to leave a match alone. Returns the number of changes."""
        edits = []
        literal = None if callable(repl) or "\\" in repl else repl
        for m in pattern.finditer(self._text):
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

        changed = 0
        limit = len(pieces)  # pieces from here on were already rewritten by a later group
        for S, E, members in reversed(groups):
            parts = [text[S : members[0].start]]
            for k, e in enumerate(members):
                parts.append(e.replacement)
                nxt = members[k + 1].start if k + 1 < len(members) else E
                parts.append(text[e.end : nxt])
            new_text = "".join(parts)
            # Pieces the group touches.
            lo = max(0, piece_at(S))
            while lo > 0 and starts[lo] >= S:
                lo -= 1
            first = None
            last = None
            for idx in range(lo, limit):
                rs, re_, txt = pieces[idx]
                a = starts[idx]
                b = a + ((re_ - rs) if txt is None else len(txt))
                if a > E:
                    break
                # Zero-length pieces (earlier deletions) at either edge stay out of the edit.
                involved = ((a < E and b > S) or (a == b and S < a < E)) if S < E else (a < S < b)
                if not involved:
                    continue
                if first is None:
                    first = idx
                last = idx
            keep_before: list[list] = []
            keep_after: list[list] = []
            absorbed = False
            if first is None:
                # Pure insertion between two pieces (or into an empty text).
                insert_at = lo
                while insert_at < limit and starts[insert_at] < S:
                    insert_at += 1
                raw_at = pieces[insert_at - 1][1] if insert_at > 0 else 0
                rstart = rend = raw_at
                first, last = insert_at, insert_at - 1
            else:
                rs, re_, txt = pieces[first]
                a = starts[first]
                if txt is None:
                    rstart = rs + max(0, S - a)
                    if a < S:
                        keep_before.append([rs, rs + (S - a), None])
                else:
                    rstart = rs
                rs, re_, txt = pieces[last]
                a = starts[last]
                if txt is None:
                    b = a + (re_ - rs)
                    rend = rs + (min(E, b) - a)
                    if b > E:
                        keep_after.append([rs + (E - a), re_, None])
                else:
                    rend = re_
                absorbed = any(pieces[k][2] is not None for k in range(first, last + 1))
            raw_text = self.raw[rstart:rend]
            if new_text == raw_text and not absorbed:
                middle = [[rstart, rend, None]] if rend > rstart else []
            else:
                middle = [[rstart, rend, new_text]]
                kinds = [e.kind for e in members]
                notes = [e.note for e in members if e.note]
                self.repairs.append(
                    Repair(
                        kind=kinds[0],
                        raw_start=rstart,
                        raw_end=rend,
                        raw=raw_text,
                        replacement=new_text,
                        note="; ".join(dict.fromkeys(notes)),
                    )
                )
                changed += len(members)
            pieces[first : last + 1] = keep_before + middle + keep_after
            limit = first + len(keep_before)
            text = text[:S] + new_text + text[E:]
        self._text = text
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
