"""What the compare screen shows, computed without Textual: the marks of each pane (passages,
edits, shared entities, discrepancies), the places to jump to, the map that keeps the two
panes level while one scrolls, the passage Enter acts on, and the status line in words.

Depends on ``compare.compare_articles``' result (aligned pairs with spans into each article's
cleaned text, figure groups with verdicts); spans are ``(start, end)`` offsets into that text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from idlibtui.model import Article
from idlibtui.words import plural

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Target:
    """A place to jump to on both sides (a discrepancy, a figure group, a passage)."""

    left: Span | None
    right: Span | None
    label: str = ""
    group: int | None = None
    pair: int | None = None


def compare(left: Article, right: Article) -> tuple[Any, str]:
    """Run the comparison engine; return ``(comparison, error)``."""
    try:
        from idlibtui.compare import compare_articles

        return compare_articles(left, right), ""
    except Exception as error:  # the screen shows both articles anyway
        return None, f"{type(error).__name__}: {error}"


def compare_marks(comparison: Any, left: Article, right: Article) -> dict[str, dict[str, list]]:
    """Mark spans for each side: shared entities, discrepant figures, one-side-only sentences."""
    out: dict[str, dict[str, list]] = {
        "left": {"shared": [], "discrepancy": [], "only": [], "edit": []},
        "right": {"shared": [], "discrepancy": [], "only": [], "edit": []},
    }
    if comparison is None:
        return out
    shared = {e.canonical for e in comparison.entities.shared}
    for side, article in (("left", left), ("right", right)):
        out[side]["shared"] = [
            (m.start, m.end) for m in article.entities if (m.canonical or m.text) in shared
        ]
    for pair in comparison.pairs:
        if pair.left_span and pair.right_span:  # every word-level edit, chosen or not
            for side in ("left", "right"):
                out[side]["edit"].extend(edit_spans(pair, side))
        if pair.relation == "left_only" and pair.left_span:
            out["left"]["only"].append(tuple(pair.left_span))
        elif pair.relation == "right_only" and pair.right_span:
            out["right"]["only"].append(tuple(pair.right_span))
        if pair.figure_discrepancy:
            for side, article, span in (
                ("left", left, pair.left_span),
                ("right", right, pair.right_span),
            ):
                if not span:
                    continue
                figures = [
                    (f.start, f.end)
                    for f in article.figures
                    if span[0] <= f.start < span[1] and f.kind != "date"
                ]
                if not figures:
                    figures = [
                        tuple(getattr(op, side))
                        for op in pair.word_diff
                        if getattr(op, side)[1] > getattr(op, side)[0]
                    ]
                out[side]["discrepancy"].extend(figures)
    for group in comparison.figures:
        if group.relation == "differ":
            out["left"]["discrepancy"].extend((f.start, f.end) for f in group.left)
            out["right"]["discrepancy"].extend((f.start, f.end) for f in group.right)
    return out


def edit_spans(pair: Any, side: str) -> list[Span]:
    """The spans of ``side``'s sentence that the word-level diff changed."""
    spans = (tuple(getattr(op, side)) for op in (pair.word_diff if pair is not None else ()))
    return [span for span in spans if span[1] > span[0]]


def edit_words(pair: Any, left: str, right: str, limit: int = 3) -> str:
    """A pair's word-level edits in words: ``235,000 → 250,000, +at least, −Monday``."""
    words: list[str] = []
    for op in pair.word_diff:
        old = " ".join(left[op.left[0] : op.left[1]].split())
        new = " ".join(right[op.right[0] : op.right[1]].split())
        if old and new:
            words.append(f"{old} → {new}")
        elif old:
            words.append(f"−{old}")
        elif new:
            words.append(f"+{new}")
    shown = [w if len(w) <= 40 else w[:39] + "…" for w in words[:limit]]
    if len(words) > limit:
        shown.append(f"{len(words) - limit} more")
    return ", ".join(shown)


def sentence_of(figure: Any) -> Span:
    if figure.sentence_end > figure.sentence_start:
        return (figure.sentence_start, figure.sentence_end)
    return (figure.start, figure.end)


def discrepancy_targets(comparison: Any) -> list[Target]:
    """Every place the two articles' figures disagree, in the left article's order."""
    if comparison is None:
        return []
    targets: list[Target] = []
    for index, pair in enumerate(comparison.pairs):
        if pair.figure_discrepancy:
            note = "; ".join(pair.notes) if pair.notes else "figures differ"
            targets.append(Target(pair.left_span, pair.right_span, note, pair=index))
    for index, group in enumerate(comparison.figures):
        if group.relation != "differ" or not group.left or not group.right:
            continue
        left = sentence_of(group.left[0])
        right = sentence_of(group.right[0])
        if any(t.left and t.left[0] <= left[0] < t.left[1] for t in targets):
            continue
        targets.append(Target(left, right, f"{group.what or 'figures'} differ", group=index))
    targets.sort(key=lambda t: t.left[0] if t.left else 1 << 60)
    return targets


class PassageMap:
    """Which aligned pair holds a given offset of either side."""

    def __init__(self, comparison: Any) -> None:
        self.pairs = list(comparison.pairs) if comparison is not None else []
        self._starts: dict[str, list[int]] = {}
        self._index: dict[str, list[int]] = {}
        for side in ("left", "right"):
            entries = sorted(
                (getattr(p, f"{side}_span")[0], i)
                for i, p in enumerate(self.pairs)
                if getattr(p, f"{side}_span")
            )
            self._starts[side] = [start for start, _ in entries]
            self._index[side] = [i for _, i in entries]

    def pair_at(self, side: str, offset: int) -> int | None:
        """The pair whose ``side`` sentence holds (or last starts before) ``offset``."""
        starts = self._starts[side]
        if not starts:
            return None
        position = bisect.bisect_right(starts, offset) - 1
        return self._index[side][max(0, position)]

    def pair_from(self, side: str, offset: int) -> int | None:
        """The first pair whose ``side`` sentence starts at or after ``offset``."""
        starts = self._starts[side]
        position = bisect.bisect_left(starts, offset)
        if position >= len(starts):
            return None
        return self._index[side][position]

    def next_on(self, side: str, pair_index: int, step: int = 1) -> int | None:
        """The pair after (or before) ``pair_index`` in ``side``'s reading order."""
        order = self._index[side]
        try:
            position = order.index(pair_index) + step
        except ValueError:
            return None
        return order[position] if 0 <= position < len(order) else None

    def counterpart(self, side: str, pair_index: int) -> Span | None:
        """The other side's span for a pair, or the nearest pair's that has one."""
        other = "right" if side == "left" else "left"
        for distance in range(min(len(self.pairs), 200)):
            for candidate in (pair_index + distance, pair_index - distance):
                if 0 <= candidate < len(self.pairs):
                    span = getattr(self.pairs[candidate], f"{other}_span")
                    if span:
                        return tuple(span)
        return None

    def anchors(self, side: str) -> list[tuple[int, int]]:
        """(this side's offset, other side's offset) of aligned pairs, increasing on both sides
        (a moved pair that would run backwards is left out)."""
        other = "right" if side == "left" else "left"
        points = sorted(
            point
            for p in self.pairs
            if getattr(p, f"{side}_span") and getattr(p, f"{other}_span")
            for point in zip(getattr(p, f"{side}_span"), getattr(p, f"{other}_span"), strict=True)
        )
        monotone: list[tuple[int, int]] = []
        for here, there in points:
            if not monotone or (here > monotone[-1][0] and there >= monotone[-1][1]):
                monotone.append((here, there))
        return monotone

    def map_offset(self, side: str, offset: int, length: int, other_length: int) -> int:
        """Where ``offset`` of ``side`` falls on the other side: exact inside aligned pairs,
        interpolated between them (so scrolling through unaligned text moves smoothly)."""
        points = self.anchors(side)
        if not points or points[0][0] > 0:
            points.insert(0, (0, 0))
        if points[-1][0] < length:
            points.append((length, max(other_length, points[-1][1])))
        if len(points) < 2:
            return 0
        position = bisect.bisect_right([here for here, _ in points], offset) - 1
        position = max(0, min(position, len(points) - 2))
        (a_here, a_there), (b_here, b_there) = points[position], points[position + 1]
        if b_here <= a_here:
            return a_there
        fraction = (offset - a_here) / (b_here - a_here)
        return round(a_there + fraction * max(0, b_there - a_there))


RELATIONS = {
    "same": "the same sentence",
    "similar": "the same statement in other words",
    "left_only": "only the left article says this",
    "right_only": "only the right article says this",
}
"""An aligned pair's relation in words, for the status line."""


def passage_note(passages: PassageMap, pair_index: int, texts: tuple[str, str] | None) -> str:
    """The status line for a chosen passage: its number, relation, word-level edits (given
    both cleaned texts) and the figures that differ."""
    pair = passages.pairs[pair_index]
    relation = RELATIONS.get(pair.relation, pair.relation)
    note = f"passage {pair_index + 1}/{len(passages.pairs)}: {relation}"
    if texts is not None and pair.word_diff:
        note += f" · {edit_words(pair, *texts)}"
    if pair.figure_discrepancy:
        note += " — figures differ" + (f" ({'; '.join(pair.notes)})" if pair.notes else "")
    return note


def passage_in_view(
    passages: PassageMap, side: str, top: int, bottom: int, current: int | None
) -> int | None:
    """The pair Enter acts on when ``[top, bottom)`` of ``side`` is in view: the chosen pair
    (``current``) while it is in view, else the first passage that starts in view (or the one
    running into view from above)."""
    if current is not None:
        span = getattr(passages.pairs[current], f"{side}_span")
        if span and span[0] < bottom and span[1] > top:
            return current
    pair = passages.pair_at(side, top)
    if pair is not None:
        span = getattr(passages.pairs[pair], f"{side}_span")
        if span and span[0] < top:  # starts above the view: prefer one starting in it
            following = passages.pair_from(side, top)
            if following is not None:
                start = getattr(passages.pairs[following], f"{side}_span")[0]
                if start < bottom:
                    return following
    return pair


Part = str | tuple[str, str]
"""A piece of ``Content.assemble``: plain text, or (text, style)."""


def status_parts(
    comparison: Any, discrepancies: int, sync: bool, *, narrow: bool, note: str | None = None
) -> list[Part]:
    """The compare status line (a summary of the alignment, or ``note`` when one is given,
    already made safe); ``narrow`` says the same in fewer words."""
    if note is not None:
        return [(note, "bold"), ("  ", ""), ("(sync on)" if sync else "", "$text-muted")]
    s = comparison.summary
    count = plural(discrepancies, "discrepancy", "discrepancies")
    count_style = "bold $text-error" if discrepancies else "bold"
    if narrow:  # the same, in fewer words
        return [
            (count, count_style),
            (" · sync on" if sync else "", "$text-muted"),
            f" · {s.similarity:.0%} aligned: {s.same} same, {s.similar} similar,"
            f" {s.left_only}/{s.right_only} one side only",
        ]
    return [
        (count, count_style),
        (" · sync on" if sync else " · sync off", "$text-muted"),
        " · ",
        (f"{s.similarity:.0%} aligned", "bold"),
        f" · same {s.same} · similar {s.similar} · only left {s.left_only}"
        f" · only right {s.right_only}",
    ]
