"""An encyclopedia's infobox saved as text: a column of labels ("Belligerents", "Commanders and
leaders", "Casualties and losses") each over short lines of names, dates and tallies. None of it
is prose, and its tallies ("196 killed") would read as the report's figures; the run of short
lines around two or more such labels is one piece of page chrome."""

from __future__ import annotations

import re

_LABEL = re.compile(
    r"^(?:Belligerents|Commanders\s+and\s+leaders|Units\s+involved|Strength|Casualties\s+and\s+"
    r"losses|Territorial\s+changes|Result|Status|Location|Date|Supported\s+by:?|"
    r"Date(?=\d|[A-Z][a-z])\S.{0,60})$"
)
# the labels only an infobox has: one of these must be among the labels found
_STRONG = re.compile(r"^(?:Belligerents|Commanders\s+and\s+leaders|Casualties\s+and\s+losses)$")
_MAX_WORDS = 14
_BACK = 8  # short lines above the first label that belong to the box (its caption, its map)


_REF_MARK = re.compile(r"\[(?:\d{1,3}|[a-z])\]")


def _short(line: str) -> bool:
    """A box entry: a few words (a longer one when it carries the box's reference marks or
    is its "Part of …" line), never a sentence that ends with a full stop."""
    s = line.strip()
    if re.search(r"[a-z]{2}\.$", s):
        return False
    n = len(s.split())
    return n <= _MAX_WORDS or (
        n <= 30 and (_REF_MARK.search(s) is not None or s.startswith("Part of "))
    )


def infobox_span(lines: list[str]) -> tuple[int, int] | None:
    """The [start, end) span of the infobox in ``lines`` (line 0, the title, never in it), or
    None when there is none."""
    labels = [i for i, s in enumerate(lines) if i and _LABEL.match(s.strip())]
    strong = {lines[i].strip() for i in labels if _STRONG.match(lines[i].strip())}
    if len(labels) < 2 or not strong:
        return None
    first, last = labels[0], labels[-1]
    if any(not _short(s) for s in lines[first:last]):
        return None  # prose between the labels: not one box
    start = first
    while start > 1 and first - start < _BACK and _short(lines[start - 1]):
        start -= 1
    end = last + 1
    while end < len(lines) and _short(lines[end]):
        end += 1
    return start, end
