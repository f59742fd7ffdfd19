"""The lines of the repaired text: their spans (:class:`_Line`, :func:`_lines`), their shape
(headline-shaped, a short question, quoted, a related story's teaser), and the kind a raw span
was typed as (:func:`kind_at`). Every other line rule reads lines through this module."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from idlibtui.model import BlockKind

_TERMINAL = ".!?…:;,"


_CLOSERS = "\"'”’)»]"
_END_MARK = re.compile(r"\s*(?:\(\*+\)|\*+|\(\w{1,3}\))$")


# a pure function of the line, asked of the same lines by several passes (and both rounds)
@lru_cache(maxsize=8192)
def headline_shaped(line: str) -> bool:
    """A short line without a closing full stop: a title, subheading or related-link candidate."""
    s = line.strip()
    if not s or len(s) > 160:
        return False
    words = s.split()
    if len(words) > 22:
        return False
    # an end-of-article mark after the full stop ("… were killed.(*)") leaves a sentence
    core = _END_MARK.sub("", s).rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL:
        return False
    first_alpha = next((ch for ch in s if ch.isalpha()), "")
    if not first_alpha:
        return False
    return s[0].isdigit() or not first_alpha.islower()


@lru_cache(maxsize=8192)
def word_count(line: str) -> int:
    """``len(line.split())``: several passes count the words of the same lines (and both
    rounds do), so the counts of the lines seen last are kept."""
    return len(line.split())


def _short_question(line: str) -> bool:
    s = line.strip()
    return (
        s.endswith("?")
        and len(s.split()) <= 10
        and s[:1].isupper()
        and not _quoted(s)
        and not re.search(r"[.!?]\s", s)
    )


def _quoted(line: str) -> bool:
    s = line.strip()
    return len(s) > 2 and s[0] in "\"'“‘«" and s[-1] in "\"'”’»"


_SENTENCES = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z\"“‘'])")


def _teaser(line: str) -> bool:
    """A related story's headline and dek: two very short sentences, or a short question."""
    s = line.strip()
    if len(s) > 140 or re.search(r"[\"“”]", s):
        return False
    if s.endswith("?") and len(s.split()) <= 14:
        return True
    if s[-1:] not in ".!?":
        return False
    sentences = _SENTENCES.split(s)
    return 2 <= len(sentences) <= 3 and all(len(x.split()) <= 10 for x in sentences)


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    drop: tuple[str, str] | None = None  # (repair kind, note)
    cut_from: int | None = None  # a credit at the end of the line, from this offset in text
    cut_to: int | None = None  # a caption glued to the head of the line, up to this offset
    cut_note: str | None = None  # why the cut goes, when it is not a photo credit or caption
    kind: BlockKind = BlockKind.PARAGRAPH


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw_line) + 1
    return out


def kind_at(spans: list[tuple[int, int, BlockKind]], raw: int) -> BlockKind | None:
    """The kind of the sorted, disjoint raw span containing ``raw`` (binary search)."""
    k = bisect_right(spans, (raw, float("inf"))) - 1
    if k >= 0 and spans[k][0] <= raw < spans[k][1]:
        return spans[k][2]
    return None
