"""The article view's highlight layers, without Textual: which spans of the text get which style.

Every highlight is a span of the text the view shows: figures, entities by type, query hits,
compare marks and the focus in the cleaned text; repairs (removed or changed) and the focused
repair in the raw text. A layer is a sorted list of ``(start, end, style name)`` with the list of
its starts and its longest span, so the spans on one line are found by bisection. The style
names are the view's component classes without their ``article-view--`` prefix.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from idlibtui.model import Article, Repair

ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "GROUP")
MARK_KINDS = ("only", "passage", "edit", "shared", "discrepancy", "diff", "focus")
STYLE_NAMES = (
    *("title", "standfirst", "heading", "paragraph", "raw"),  # block kinds
    *("figure", "person", "place", "org", "group", "hit", "current"),  # cleaned-text layers
    *MARK_KINDS,
    *("removed", "changed"),  # raw-text layers (repairs)
    "empty",  # the placeholder
)
"""Every style a line or a span is drawn with: the view's component classes, unprefixed."""

StyledSpan = tuple[int, int, str]
Layer = tuple[list[StyledSpan], list[int], int]
"""(spans sorted by start, their starts, the length of the longest)."""


def match_counter(index: int | None, total: int) -> str:
    """``3/17`` when a match is current, ``17 matches`` before the first step, ``no matches``."""
    if total == 0:
        return "no matches"
    if index is None:
        return f"{total} match{'es' if total != 1 else ''}"
    return f"{index + 1}/{total}"


def find_matches(query: str, text: str, lang: str = "") -> list[tuple[int, int]]:
    """Offsets of the query's terms in ``text`` (a text in ``lang``, English if not said): the
    search package's highlighter, or for a query it cannot read, a plain case-insensitive match
    of the query's words."""
    from idlibtui.search.highlight import match_offsets

    try:
        return [(int(s), int(e)) for s, e in match_offsets(query, text, lang)]
    except Exception:  # a malformed query: fall back to its plain words
        pass
    words = [w for w in re.findall(r"\w+", query) if w.upper() not in {"AND", "OR", "NOT", "TO"}]
    words = [w for w in words if len(w) > 1 or w.isdigit()]
    if not words:
        return []
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")",
        re.IGNORECASE,
    )
    return [m.span() for m in pattern.finditer(text)]


def spans_in(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans overlapping ``[start, end)``."""
    return [(s, e) for s, e in spans if s < end and e > start]


def repair_spans(article: Article) -> list[tuple[int, int, int]]:
    """(raw start, raw end, repair index) of the article's repairs that lie in its raw text."""
    return sorted(
        (r.raw_start, r.raw_end, i)
        for i, r in enumerate(article.repairs)
        if 0 <= r.raw_start <= r.raw_end <= len(article.raw)
    )


def repair_at(
    article: Article, spans: list[tuple[int, int, int]], raw_offset: int
) -> Repair | None:
    """The repair whose raw span (``repair_spans``) covers ``raw_offset``, or ``None``."""
    index = bisect.bisect_right(spans, (raw_offset, 1 << 62, 0)) - 1
    while index >= 0:
        start, end, repair_index = spans[index]
        if start <= raw_offset < end:
            return article.repairs[repair_index]
        if end <= raw_offset and start < raw_offset - 4096:
            break
        index -= 1
    return None


@dataclass
class LayerState:
    """What decides the layers: the article, the mode, the toggles, and the overlays."""

    article: Article
    raw: bool
    show_entities: bool
    show_figures: bool
    show_hits: bool
    hits: list[tuple[int, int]]
    marks: dict[str, list[tuple[int, int]]]
    repairs: list[tuple[int, int, int]]
    raw_focus: tuple[int, int] | None
    cache: dict[str, Layer] = field(default_factory=dict)


def layer_spans(state: LayerState) -> list[tuple[str, list[StyledSpan], list[int], int]]:
    """The active span layers, lowest first: (name, spans, starts, longest span).

    A layer is built once and kept in ``state.cache`` under its name; whoever changes what a
    layer shows drops that name from the cache.
    """
    article = state.article
    layers: list[tuple[str, list[StyledSpan], list[int], int]] = []

    def cached(name: str, build: Callable[[], list[StyledSpan]]) -> None:
        entry = state.cache.get(name)
        if entry is None:
            spans = sorted(build())
            starts = [s for s, _e, _n in spans]
            longest = max((e - s for s, e, _n in spans), default=0)
            entry = (spans, starts, longest)
            state.cache[name] = entry
        if entry[0]:
            layers.append((name, *entry))

    if state.raw:
        cached(
            "repairs",
            lambda: [
                (s, e, "changed" if article.repairs[i].replacement else "removed")
                for s, e, i in state.repairs
                if e > s
            ],
        )
        if state.raw_focus is not None:
            focus = state.raw_focus
            cached("raw_focus", lambda: [(focus[0], max(focus[1], focus[0] + 1), "focus")])
        return layers
    if state.show_entities:
        cached(
            "entities",
            lambda: [
                (m.start, m.end, m.type.lower())
                for m in article.entities
                if m.type in ENTITY_TYPES and m.end > m.start
            ],
        )
    if state.show_figures:
        cached(
            "figures",
            lambda: [(f.start, f.end, "figure") for f in article.figures if f.end > f.start],
        )
    for kind in ("only", "passage", "edit", "shared", "discrepancy", "diff"):
        if kind in state.marks:
            cached(kind, _styled(state.marks[kind], kind))
    if state.show_hits and state.hits:
        cached("hits", lambda: [(s, e, "hit") for s, e in state.hits])
    if "focus" in state.marks:
        cached("focus", lambda: [(s, e, "focus") for s, e in state.marks["focus"]])
    return layers


def _styled(spans: list[tuple[int, int]], name: str) -> Callable[[], list[StyledSpan]]:
    return lambda: [(s, e, name) for s, e in spans]


def styles_on_line(
    layers: list[tuple[str, list[StyledSpan], list[int], int]], start: int, end: int
) -> Iterator[StyledSpan]:
    """(start, end, style name) of every layer span on the line ``[start, end)``, in the order
    they are to be applied, with offsets relative to the line's start."""
    for _name, spans, starts, longest in layers:
        index = bisect.bisect_left(starts, start - longest)
        for span_index in range(index, len(spans)):
            span_start, span_end, style_name = spans[span_index]
            if span_start >= end:
                break
            if span_end <= start:
                continue
            yield (max(span_start, start) - start, min(span_end, end) - start, style_name)
