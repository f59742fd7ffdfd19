"""Two figures of one quantity and one event: the same, consistent, or different — and why.

Exact numbers that differ always *differ*; only a qualifier ("about", "more than", "almost",
"up to"), a range or a vague word ("dozens") lets different numbers be *consistent*, and the
verdict names it. The allowances are deliberately narrow: "more than 235,000" allows up to a
quarter more, not "almost 300,000"; "about" allows a tenth either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from idlibtui.model import Figure

SAME = "same"
CONSISTENT = "consistent"
DIFFER = "differ"

# qualifier → (low factor, high factor) applied to the stated value(s)
_ALLOWANCES: tuple[tuple[tuple[str, ...], tuple[float, float]], ...] = (
    (("just over", "just above", "slightly more than"), (1.0, 1.1)),
    (
        (
            "more than",
            "over",
            "at least",
            "upwards of",
            "in excess of",
            "no fewer than",
            "no less than",
            "exceeding",
            "over than",
            "above",
            "minimum of",
        ),
        (1.0, 1.25),
    ),
    (("almost", "nearly", "close to", "just under", "just shy of", "approaching"), (0.85, 1.0)),
    (
        (
            "up to",
            "as many as",
            "at most",
            "no more than",
            "less than",
            "fewer than",
            "under",
            "below",
            "as much as",
        ),
        (0.7, 1.0),
    ),
    (
        (
            "about",
            "around",
            "approximately",
            "roughly",
            "some",
            "an estimated",
            "estimated",
            "approx",
            "circa",
            "reportedly",
            "~",
        ),
        (0.9, 1.1),
    ),
)


_LOWER_BOUNDS = frozenset(_ALLOWANCES[0][0] + _ALLOWANCES[1][0])


def _round(value: float) -> bool:
    """10, 50, 3,000,000, 3.5 million: a rounded figure ("more than 3 million" allows 3.6)."""
    if value < 10 or value != int(value):
        return False
    digits = str(int(value)).rstrip("0")
    return len(str(int(value))) > len(digits) and len(digits) <= 2


def _same_direction(a: str, b: str) -> bool:
    """Both "at least"/"more than": each side's lower bound is its own count ("at least 34"
    against "at least 33" differ; "up to 35" and "almost three dozen" may agree)."""
    return a in _LOWER_BOUNDS and b in _LOWER_BOUNDS


def _qualifier(fig: Figure) -> tuple[str, tuple[float, float]] | None:
    q = " ".join(fig.qualifier.lower().split())
    if not q:
        return None
    for words, factors in _ALLOWANCES:
        for w in words:
            if q == w or q.startswith(w + " "):
                return w, factors
    return None


def _vague_bounds(fig: Figure) -> tuple[float, float]:
    """ "dozens" → 24..99, "hundreds" → 200..999, "tens of thousands" → 20,000..99,999."""
    mag = fig.magnitude if fig.magnitude is not None else len(str(int(fig.value or 10))) - 1
    low = 24.0 if mag == 1 and "dozen" in fig.text.lower() else 2.0 * 10**mag
    return low, 10.0 ** (mag + 1) - 1


def allowed(fig: Figure) -> tuple[float, float, str] | None:
    """The values a figure allows and the word that widens them ("" for an exact number)."""
    if fig.value is None:
        return None
    lo = float(fig.value)
    hi = float(fig.value_max) if fig.value_max is not None else lo
    if hi < lo:
        lo, hi = hi, lo
    why = ""
    if fig.vague:
        lo, hi = _vague_bounds(fig)
        why = " ".join(fig.text.lower().split())
    elif fig.value_max is not None and fig.value_max != fig.value:
        why = "a range"
    q = _qualifier(fig)
    if q is not None:
        word, (f_lo, f_hi) = q
        if word in _LOWER_BOUNDS and not _round(hi):
            f_hi = 1.0  # "at least 33" is a count of 33, not room for 34
        lo, hi = lo * f_lo, hi * f_hi
        why = word
    return lo, hi, why


@dataclass(frozen=True, slots=True)
class Verdict:
    """``relation`` is same, consistent or differ; ``reason`` says why in a few words."""

    relation: str
    reason: str = ""
    gap: float = 0.0  # relative distance of the values, for choosing the closest pair


def _fmt(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def stated(fig: Figure) -> str:
    """The figure as a reader says it: "more than 235,000", "15–20", "dozens"."""
    if fig.vague or fig.value is None:
        core = " ".join(fig.text.split())
    else:
        core = _fmt(fig.value)
        if fig.value_max is not None and fig.value_max != fig.value:
            core += f"–{_fmt(fig.value_max)}"
    q = " ".join(fig.qualifier.split())
    return f"{q} {core}".strip() if q and not core.lower().startswith(q.lower()) else core


def _middle(fig: Figure) -> float:
    lo = float(fig.value or 0.0)
    hi = float(fig.value_max) if fig.value_max is not None else lo
    return (lo + hi) / 2


def gap_text(left: Figure, right: Figure) -> str:
    """ "34 vs 33" for small counts; "+28% (300,000 vs 235,000)" for large ones."""
    a, b = _middle(left), _middle(right)
    pair = f"{stated(left)} vs {stated(right)}"
    if max(a, b) < 1000 or not a or left.vague or right.vague:
        return pair
    return f"{(b - a) / a * 100:+.0f}% ({pair})"


def judge(left: Figure, right: Figure) -> Verdict:
    """The verdict on two figures already known to count the same thing at the same event."""
    la, ra = allowed(left), allowed(right)
    if la is None or ra is None:
        same = " ".join(left.text.lower().split()) == " ".join(right.text.lower().split())
        return Verdict(SAME if same else DIFFER, "" if same else gap_text(left, right), 1.0)
    a_lo, a_hi, a_why = la
    b_lo, b_hi, b_why = ra
    a, b = _middle(left), _middle(right)
    rel = abs(a - b) / max(abs(a), abs(b), 1e-9)
    exact_equal = (
        left.value == right.value
        and (left.value_max or left.value) == (right.value_max or right.value)
        and left.vague == right.vague
    )
    if exact_equal and a_why == b_why:
        return Verdict(SAME, "", 0.0)
    if not a_why and not b_why:
        return Verdict(DIFFER, gap_text(left, right), rel)
    if _same_direction(a_why, b_why) and not exact_equal:
        return Verdict(DIFFER, gap_text(left, right), rel)  # "at least 34" vs "at least 33"
    if a_lo <= b_hi and b_lo <= a_hi:
        words = [w for w in dict.fromkeys((a_why, b_why)) if w]
        reason = "within " + " and ".join(f"'{w}'" for w in words)
        return Verdict(CONSISTENT, reason, rel)
    return Verdict(DIFFER, gap_text(left, right), rel)


_RANK = {SAME: 0, CONSISTENT: 1, DIFFER: 2}


def judge_sets(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> Verdict:
    """One verdict for all figures two reports give for one quantity at one event.

    Every figure must find a same or consistent partner on the other side for the group to be
    same or consistent; otherwise it differs, and the reason quotes the closest differing pair.
    """
    if not left or not right:
        return Verdict(DIFFER, "", 1.0)
    verdicts = {(i, j): judge(a, b) for i, a in enumerate(left) for j, b in enumerate(right)}

    def best(items):
        return min(items, key=lambda v: (_RANK[v.relation], v.gap))

    per_left = [best(verdicts[i, j] for j in range(len(right))) for i in range(len(left))]
    per_right = [best(verdicts[i, j] for i in range(len(left))) for j in range(len(right))]
    chosen = per_left + per_right
    worst = max(chosen, key=lambda v: (_RANK[v.relation], -v.gap))
    if worst.relation == DIFFER:
        differing = [v for v in chosen if v.relation == DIFFER]
        return min(differing, key=lambda v: v.gap)
    if worst.relation == CONSISTENT:
        return next(v for v in chosen if v.relation == CONSISTENT)
    return worst
