"""The search screen's words and remembered state, without Textual.

The query language's help, the summary line above the results, what ``m`` says when it marks
or unmarks a result, how long a search took, the one line ``y`` copies for a result, and the
screen's state kept between runs (query, sort, filters, the two marks) as JSON-ready data:
written by ``saved_state``, read back by ``read_state``, which leaves out anything malformed
instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from idlibtui.textsafe import printable

QUERY_HELP = """\
[b]Query language[/b] (the same as [i]idlibtui search[/i])
  words            all of them must occur (stemmed: [i]attack[/i] finds [i]attacks[/i])
  "a phrase"       the words in this order
  =word  ="a b"    this spelling only (else Erdoğan finds Erdogan, too)
  a OR b, NOT a    alternatives, exclusion; (brackets) group
  title:word       in the title;  source:"Al Jazeera"  by outlet
  date:2019-12     a month (or a year, a day);  date:[2019-12 to 2020-02]  a range
  entity:"Recep Tayyip Erdogan"   articles naming this person, place or group
                   (any spelling: entity:HTS, entity:Erdogan; → accepts the completion)
  names            Saraqeb also finds Saraqib: the line "also:" says what was added
  lang:ar          articles in a language (ISO code: ar, tr, ru, fr…)
  empty query      every article, newest first"""


def format_elapsed(ms: float) -> str:
    """How long the engine took, in words (tests replace this to keep snapshots stable)."""
    return f"{ms:.0f} ms" if ms >= 1 else "<1 ms"


@dataclass(frozen=True, slots=True)
class SavedMark:
    """A mark remembered from an earlier run: enough to show it and to compare."""

    id: str
    path: str
    title: str = ""
    source: str = ""


def _title(hit: Any) -> str:
    title = printable(getattr(hit, "title", "") or getattr(hit, "path", "") or "article")
    return title if len(title) <= 40 else title[:39] + "…"


def mark_note(hit: Any, marked: dict[str, Any], dropped: Any = None) -> str:
    """What `m` just did, in words: a mark is never taken or dropped silently."""
    if hit.id not in marked:
        return f"Unmarked “{_title(hit)}” ({len(marked)} of 2 marked)."
    if dropped is not None:
        return (
            f"Marked “{_title(hit)}”; unmarked “{_title(dropped)}” (compare takes two). c compares."
        )
    if len(marked) == 1:
        return f"Marked “{_title(hit)}” (1 of 2): mark one more with m, then c compares."
    return f"Marked “{_title(hit)}” (2 of 2): c compares them."


def summary_parts(
    total: int, shown: int, *, everything: bool, elapsed: str | None, sort: str, marks: int
) -> list[tuple[str, str]]:
    """The summary line as (text, style) pieces: how many articles, how many shown, how long
    it took (``elapsed``, left out when ``None``), the sort, and the marks kept for compare."""
    noun = "article" if total == 1 else "articles"
    parts = [(f"{total} {noun}", "bold")]
    if everything:
        parts.append(("all articles", "$text-muted"))
    if shown < total:
        parts.append((f"showing {shown}", "$text-muted"))
    if elapsed is not None:
        parts.append((elapsed, "$text-muted"))
    parts.append((f"sorted by {sort}", "$text-muted"))
    if marks:  # marks may be off this page, or kept from the last run
        ready = "c compares" if marks == 2 else "mark one more"
        parts.append((f"{marks} marked ({ready})", "$text-accent"))
    return parts


def hit_line(hit: Any) -> str:
    """A result as one printable line: title · outlet · date · file."""
    date = hit.date.isoformat() if hit.date is not None else "no date"
    if hit.date is not None and getattr(hit, "date_inferred", False):
        date += " (inferred)"
    parts = [hit.title, hit.source or "unknown outlet", date, hit.path]
    return printable(" · ".join(p for p in parts if p))


def saved_state(
    query: object, sort: str, filter_order: list[tuple[str, str]], marked: dict[str, Any]
) -> dict[str, Any]:
    """The query, sort, filters and marks, as JSON-ready data."""
    return {
        "query": query if isinstance(query, str) else "",
        "sort": sort,
        "filters": [[key, value] for key, value in filter_order],
        "marks": [
            {
                "id": str(getattr(hit, "id", "")),
                "path": str(getattr(hit, "path", "")),
                "title": str(getattr(hit, "title", "") or ""),
                "source": str(getattr(hit, "source", "") or ""),
            }
            for hit in marked.values()
        ],
    }


@dataclass
class RestoredState:
    """What ``read_state`` could take back (``None``: keep the screen's own)."""

    query: str | None = None
    sort: str | None = None
    filters: list[tuple[str, str]] = field(default_factory=list)
    marks: dict[str, SavedMark] = field(default_factory=dict)


def read_state(state: dict[str, Any]) -> RestoredState:
    """Take back what ``saved_state`` gave; anything malformed is left out, never fatal."""
    out = RestoredState()
    query = state.get("query")
    if isinstance(query, str) and query:
        out.query = query
    if state.get("sort") in ("relevance", "date"):
        out.sort = state["sort"]
    for pair in state.get("filters") or []:
        if (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(isinstance(p, str) for p in pair)
            and tuple(pair) not in out.filters
        ):
            out.filters.append((pair[0], pair[1]))
    for mark in (state.get("marks") or [])[:2]:
        if isinstance(mark, dict) and mark.get("id") and mark.get("path"):
            out.marks[str(mark["id"])] = SavedMark(
                str(mark["id"]),
                str(mark["path"]),
                str(mark.get("title") or ""),
                str(mark.get("source") or ""),
            )
    return out
