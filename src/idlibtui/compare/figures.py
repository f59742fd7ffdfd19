"""Set two articles' figures against each other: grouped by what they count and when.

A figure's *what* is normalised to a key of classes (lemma-ish tokens with synonyms merged:
soldiers/troops, killed/dead/died, displaced/fled/forced to flee, people/civilians/residents)
plus nationality modifiers (Turkish, Syrian …). Two keys are compatible when their event, head
and nationality classes do not contradict. A figure's *period* comes from the resolved date
figures of its own sentence (the nearest one), never from weekday words; a sentence without a
date stands "as of" the article's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from idlibtui.compare.model import FigureGroup, Period
from idlibtui.model import Article, Figure


def _words(block: str) -> list[str]:
    return block.split()


_TOKEN = re.compile(r"[a-z]+")

EVENT_SYNONYMS = {
    "killed": "killed kill kills killing dead death deaths died die dies slain lives fatalities "
    "fatality toll massacred executed",
    "injured": "injured injure injuries injury wounded wounding hurt",
    "displaced": "displaced displace displacing displacement fled flee flees fleeing forced "
    "uprooted evacuated exodus",
    "detained": "detained arrested captured held",
    "missing": "missing disappeared",
    "strikes": "airstrikes airstrike strikes strike raids raid bombings bombs bomb barrel",
}
HEAD_SYNONYMS = {
    "soldier": "soldier soldiers troops troop servicemen serviceman personnel forces army "
    "conscripts",
    "people": "people persons person civilians civilian residents resident individuals "
    "inhabitants population",
    "child": "children child kids minors",
    "refugee": "refugees refugee asylum",
    "fighter": "fighters fighter militants militant rebels rebel jihadists insurgents",
    "hospital": "hospitals hospital clinics facilities",
    "village": "villages village towns town hamlets",
    "vehicle": "vehicles vehicle convoys trucks tanks",
    "post": "posts post outposts",
}
NATION_SYNONYMS = {
    "turkish": "turkish turkey turks turkey's",
    "syrian": "syrian syria syrians",
    "russian": "russian russia russians",
    "iranian": "iranian iran iranians",
    "american": "american us u.s americans",
    "kurdish": "kurdish kurds",
}
STOP = frozenset(
    _words(
        """
        a an the of in on at to by for and or with from as were was been have has had who which
        that this those these their its were are is be being into than more least some about
        other others
        """
    )
)


def _invert(table: dict[str, str]) -> dict[str, str]:
    return {word: key for key, words in table.items() for word in words.split()}


_EVENT = _invert(EVENT_SYNONYMS)
_HEAD = _invert(HEAD_SYNONYMS)
_NATION = _invert(NATION_SYNONYMS)
_NATION_NOUNS = frozenset(_invert({"noun": "syrians turks russians iranians americans kurds"}))


def _lemma(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class WhatKey:
    """What a figure counts, as classes that can be compared across articles."""

    events: frozenset[str]
    heads: frozenset[str]
    nations: frozenset[str]
    other: frozenset[str]
    nation_noun: bool = False  # "Syrians": people of a nation, with no other head word

    @property
    def subject(self) -> bool:
        """Does the key say who or what is counted (not only "homeless" or "routes")?"""
        return bool(self.events or self.heads or self.nation_noun)

    @property
    def empty(self) -> bool:
        return not (self.events or self.heads or self.nations or self.other)

    @property
    def specificity(self) -> int:
        return len(self.events) + len(self.heads) + len(self.nations)

    @property
    def label(self) -> str:
        parts = sorted(self.nations) + sorted(self.heads) + sorted(self.events)
        return " ".join(parts) or " ".join(sorted(self.other))


@functools.lru_cache(maxsize=4096)
def what_key(what: str) -> WhatKey:
    """``"Turkish soldiers killed"`` and ``"troops dead"`` share heads and events."""
    events, heads, nations, other = set(), set(), set(), set()
    nation_noun = False
    for raw in _TOKEN.findall(what.lower().replace("'s", "").replace("’s", "")):
        if raw in STOP:
            continue
        for word in (raw, _lemma(raw)):
            if word in _NATION:
                nations.add(_NATION[word])
                nation_noun = nation_noun or raw in _NATION_NOUNS
                break
            if word in _EVENT:
                events.add(_EVENT[word])
                break
            if word in _HEAD:
                heads.add(_HEAD[word])
                break
        else:
            other.add(_lemma(raw))
    return WhatKey(
        frozenset(events),
        frozenset(heads),
        frozenset(nations),
        frozenset(other),
        nation_noun and not heads,
    )


def _agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def keys_compatible(a: WhatKey, b: WhatKey) -> bool:
    """Do two figures count the same kind of thing (as far as their words say)?"""
    if a.empty or b.empty:
        return False
    if bool(a.events) != bool(b.events) and (a.events or b.events):
        # "civilians" vs "civilians killed": only when the heads say it plainly.
        return False
    if not (_agree(a.events, b.events) and _agree(a.heads, b.heads)):
        return False
    if not _agree(a.nations, b.nations):
        return False
    if not (a.subject and b.subject):
        return bool(a.other & b.other)
    return True


def key_affinity(a: WhatKey, b: WhatKey) -> int:
    """How closely two compatible keys match (higher is closer)."""
    return (
        2 * len(a.events & b.events)
        + 2 * len(a.heads & b.heads)
        + 2 * len(a.nations & b.nations)
        + len(a.other & b.other)
    )


# ---------------------------------------------------------------------------------------------
# Values


_AT_LEAST = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "exceeding",
    "over than",
    "more",
)
_AT_MOST = (
    "up to",
    "as many as",
    "at most",
    "no more than",
    "less than",
    "fewer than",
    "under",
    "below",
    "as much as",
)
_NEARLY = ("almost", "nearly", "close to", "just under", "just shy of")
_ABOUT = (
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "approx",
    "circa",
    "an",
    "~",
    "reportedly",
)


def value_interval(fig: Figure) -> tuple[float, float] | None:
    """The values a figure allows, given its qualifier, range and vagueness."""
    if fig.value is None:
        return None
    lo = float(fig.value)
    hi = float(fig.value_max) if fig.value_max is not None else lo
    if hi < lo:
        lo, hi = hi, lo
    if fig.vague:
        hi = max(hi, lo * 10)
    q = " ".join(fig.qualifier.lower().split())
    if q.startswith(_NEARLY) or q in _NEARLY:
        return lo * 0.85, hi
    if q.startswith(_AT_LEAST) or q in _AT_LEAST:
        return lo, hi * 2
    if q.startswith(_AT_MOST) or q in _AT_MOST:
        return lo * 0.5, hi
    if q.startswith(_ABOUT) or q in _ABOUT:
        return lo * 0.85, hi * 1.15
    eps = 1e-9 * max(1.0, abs(hi))
    return lo - eps, hi + eps


def values_compatible(a: Figure, b: Figure) -> bool:
    ia, ib = value_interval(a), value_interval(b)
    if ia is None or ib is None:
        return " ".join(a.text.lower().split()) == " ".join(b.text.lower().split())
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def unit_class(fig: Figure) -> str:
    return (fig.unit or "").lower().strip()


# ---------------------------------------------------------------------------------------------
# Periods

_SINCE = re.compile(r"\b(?:since|from)\s*$", re.IGNORECASE)


def date_figures_by_sentence(article: Article) -> list[Figure]:
    return sorted(
        (f for f in article.figures if f.kind == "date" and f.date is not None),
        key=lambda f: f.start,
    )


def figure_sentence(fig: Figure, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence span a figure belongs to: its own record, else our segmentation."""
    if fig.sentence_end > fig.sentence_start:
        return fig.sentence_start, fig.sentence_end
    for s, e in sentences:
        if s <= fig.start < e:
            return s, e
    return fig.start, fig.end


def figure_period(
    fig: Figure, article: Article, dates: list[Figure], sentence: tuple[int, int]
) -> Period:
    """The period a figure refers to: the nearest resolved date of its own sentence."""
    s, e = sentence
    here = [d for d in dates if s <= d.start < e and d is not fig]
    if not here:
        return Period(article.date, None, undated=True, inferred=article.date_inferred)
    best = min(here, key=lambda d: min(abs(d.start - fig.end), abs(fig.start - d.end)))
    start = best.date
    end = best.date_end or best.date
    before = article.text[max(s, best.start - 8) : best.start]
    if _SINCE.search(before) or best.text.lower().startswith(("since", "from")):
        # "since December": from then up to the article's date (open if it has none)
        end = article.date if article.date and start and article.date >= start else dt.date.max
    return Period(start, end, undated=False, inferred=best.inferred, evidence=best.text)


def _days(a: dt.date, b: dt.date) -> int:
    return abs((a - b).days)


def _shift(d: dt.date, days: int) -> dt.date:
    """``d`` moved by ``days``, clamped to the calendar (open periods end at ``date.max``)."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def periods_compatible(p: Period, q: Period) -> bool:
    """Could two figures refer to the same event or period?"""
    if p.undated and q.undated:
        # "as of" the article dates; two articles without any date cannot be told apart
        if p.start and q.start:
            return _days(p.start, q.start) <= 14
        return p.start is None and q.start is None
    if p.undated or q.undated:
        dated, undated = (q, p) if p.undated else (p, q)
        if undated.start is None or dated.start is None:
            return False  # an article of unknown date is never paired with a dated figure
        as_of = undated.start
        end = dated.end or dated.start
        if not _shift(dated.start, -3) <= as_of <= _shift(end, 14):
            return False
        # a long period ("since December") is a tally as of its end: compare with that
        if (end - dated.start).days > 10 and end != dt.date.max:
            return _days(as_of, end) <= 14
        return True
    if p.start is None or q.start is None:
        return p.start is None and q.start is None
    p_end = p.end or p.start
    q_end = q.end or q.start
    p_len = (p_end - p.start).days
    q_len = (q_end - q.start).days
    if p_len <= 1 and q_len <= 1:
        return _days(p.start, q.start) <= 1
    if p_len <= 1 or q_len <= 1:
        point, rng = (p, q) if p_len <= 1 else (q, p)
        rng_end = rng.end or rng.start
        if (rng_end - rng.start).days > 10:
            return False
        return rng.start <= point.start <= rng_end
    if _days(p.start, q.start) <= 3 and _days(p_end, q_end) <= 3:
        return True
    overlap = (min(p_end, q_end) - max(p.start, q.start)).days
    union = (max(p_end, q_end) - min(p.start, q.start)).days
    return union > 0 and overlap / union >= 0.6


# ---------------------------------------------------------------------------------------------
# Grouping


@dataclass(slots=True)
class _Item:
    side: str  # "left" | "right"
    fig: Figure
    key: WhatKey
    period: Period


def _items(article: Article, side: str, sentences: list[tuple[int, int]]) -> list[_Item]:
    dates = date_figures_by_sentence(article)
    items = []
    for fig in article.figures:
        if fig.kind == "date":
            continue
        key = what_key(fig.what)
        if key.empty:
            continue
        sentence = figure_sentence(fig, sentences)
        items.append(_Item(side, fig, key, figure_period(fig, article, dates, sentence)))
    return items


def figure_periods(article: Article, sentences: list[tuple[int, int]]) -> dict[int, Period]:
    """The period of every non-date figure, keyed by ``id(figure)``."""
    dates = date_figures_by_sentence(article)
    return {
        id(fig): figure_period(fig, article, dates, figure_sentence(fig, sentences))
        for fig in article.figures
        if fig.kind != "date"
    }


def _signature(item: _Item) -> tuple[str, str, bool]:
    return item.fig.kind, unit_class(item.fig), item.fig.projection


def _what_clusters(items: list[_Item]) -> list[list[_Item]]:
    """Cluster figures by what they count; specific keys first, generic ones join the best."""
    clusters: list[list[_Item]] = []
    order = sorted(range(len(items)), key=lambda i: (-items[i].key.specificity, items[i].side, i))
    for i in order:
        item = items[i]
        best, best_score = None, -1
        for cluster in clusters:
            if _signature(cluster[0]) != _signature(item):
                continue
            if not all(keys_compatible(item.key, other.key) for other in cluster):
                continue
            score = sum(key_affinity(item.key, other.key) for other in cluster) / len(cluster)
            for other in cluster:
                if other.side != item.side and periods_compatible(item.period, other.period):
                    # a shared resolved date is stronger evidence than an "as of" date
                    both_dated = not (item.period.undated or other.period.undated)
                    score += 3 if both_dated else 1
            if score > best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append([item])
        else:
            best.append(item)
    return clusters


def _period_clusters(items: list[_Item]) -> list[list[_Item]]:
    clusters: list[list[_Item]] = []
    dated_first = sorted(items, key=lambda it: (it.period.undated, it.fig.start))
    for item in dated_first:
        for cluster in clusters:
            if all(periods_compatible(item.period, other.period) for other in cluster):
                cluster.append(item)
                break
        else:
            clusters.append([item])
    return clusters


def _label(items: list[_Item]) -> str:
    for side in ("left", "right"):
        for it in items:
            if it.side == side and it.fig.what:
                return it.fig.what
    return items[0].key.label


def _group_period(items: list[_Item]) -> Period | None:
    dated = [it.period for it in items if not it.period.undated]
    if dated:
        return min(dated, key=lambda p: ((p.end or p.start) - p.start).days if p.start else 0)
    return items[0].period if items else None


def _make(relation: str, items: list[_Item], period: Period | None, what: str) -> FigureGroup:
    left = [it for it in items if it.side == "left"]
    right = [it for it in items if it.side == "right"]
    left.sort(key=lambda it: it.fig.start)
    right.sort(key=lambda it: it.fig.start)
    first = items[0].fig
    return FigureGroup(
        what=what,
        period=period,
        relation=relation,
        left=tuple(it.fig for it in left),
        right=tuple(it.fig for it in right),
        projection=first.projection,
        kind=first.kind,
        left_periods=tuple(it.period for it in left),
        right_periods=tuple(it.period for it in right),
    )


def _relation_same_period(items: list[_Item]) -> str:
    left = [it.fig for it in items if it.side == "left"]
    right = [it.fig for it in items if it.side == "right"]
    ok = all(any(values_compatible(a, b) for b in right) for a in left) and all(
        any(values_compatible(a, b) for a in left) for b in right
    )
    return "agree" if ok else "differ"


def compare_figures(
    left: Article,
    right: Article,
    left_sentences: list[tuple[int, int]] | None = None,
    right_sentences: list[tuple[int, int]] | None = None,
) -> tuple[FigureGroup, ...]:
    """Group both articles' figures (dates excluded: they serve as periods) and judge each."""
    items = _items(left, "left", left_sentences or []) + _items(
        right, "right", right_sentences or []
    )
    groups: list[FigureGroup] = []
    for cluster in _what_clusters(items):
        what = _label(cluster)
        sides = {it.side for it in cluster}
        if len(sides) == 1:
            side = next(iter(sides))
            groups.append(_make(f"{side}_only", cluster, _group_period(cluster), what))
            continue
        both_sided: list[list[_Item]] = []
        one_sided: list[list[_Item]] = []
        for pc in _period_clusters(cluster):
            (both_sided if len({it.side for it in pc}) == 2 else one_sided).append(pc)
        for pc in both_sided:
            groups.append(_make(_relation_same_period(pc), pc, _group_period(pc), what))
        if one_sided:
            rest = [it for pc in one_sided for it in pc]
            rest_sides = {it.side for it in rest}
            if len(rest_sides) == 1:
                # The other side gives this only for other dates: show those as the series.
                other = [it for pc in both_sided for it in pc if it.side not in rest_sides]
                rest = rest + other
            groups.append(_make("different_dates", rest, None, what))
    order = {"differ": 0, "agree": 1, "different_dates": 2, "left_only": 3, "right_only": 4}
    groups.sort(
        key=lambda g: (
            g.projection,
            order[g.relation],
            min([f.start for f in g.left] or [10**9]),
            min([f.start for f in g.right] or [10**9]),
        )
    )
    return tuple(groups)
