"""Corpus evidence for dates: an article the text leaves undated (unknown, or only "on or after")
that reports the same news as dated articles of the corpus was written when they were.

What an article reports is the set of the timeline's events its sentences hold as news (a rule
matched with or without its date: "took Palmyra", whichever time it was taken), never those
it speaks of as the past. Two reports of the same news share one; two reports of a town taken
twice share it too, so the dated peers must agree among themselves (within a week) before
their days are lent: otherwise the article stays as the text left it. The range is the peers'
days with a few days' slack, within what the article's own text allows, and the evidence names
them. Recomputed from the whole corpus each time (:func:`corpus_dates`), so it follows the
corpus as it changes: ``clean`` does it over the files it is given, the index build as a
post-pass over the records it stores (:mod:`idlibtui.search.build.corpus_pass`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from idlibtui.annotate.dating import PRECISE_DAYS
from idlibtui.model import Article, DateKind

#: Peers further apart than this report different occurrences (or different news): none lent.
_AGREE_DAYS = 7
#: Reports of the same news appear within a few days of each other.
_SLACK = dt.timedelta(days=2)
#: Events longer than this (an offensive of months) say little about when a report was written.
_SHORT_DAYS = 7
#: A peer reports an event as its news when written within this after the event's last day.
_NEWS_DAYS = dt.timedelta(days=10)
#: An article that reports a day (or an event) this long before its peers' is of other news.
_REPORTED_GAP = dt.timedelta(days=14)
#: Kinds of articles whose day is firm enough to lend.
_FIRM = frozenset({DateKind.SUPPLIED.value, DateKind.STATED.value, DateKind.DERIVED.value})


@dataclass(frozen=True, slots=True)
class Reported:
    """What one article of the corpus reports, and its day when firm."""

    key: str  # the article's id (or any key the caller keeps)
    news: frozenset[str]  # ids of the timeline's events it reports as news
    day: dt.date | None  # its firm day (stated, derived, a narrow estimate), else None
    spans: tuple[tuple[str, dt.date, dt.date], ...] = ()  # (id, first day, last day) of news


def reported_news(text: str, timeline=None) -> frozenset[str]:
    """The ids of the timeline's events ``text`` reports as news (matched with or without the
    dates their rules ask for; those spoken of as the past, agreements and long offensives
    left out)."""
    return frozenset(i for i, _, _ in _news_spans(text, timeline))


def _news_spans(
    text: str, timeline=None, *, recent_only: bool = False
) -> set[tuple[str, dt.date, dt.date]]:
    """``(id, first day, last day)`` of the events ``text`` reports as news; ``recent_only``:
    those of its lead, or of a sentence with a word of recency ("yesterday", "on Friday")."""
    from idlibtui.annotate.date_events import (
        _CITED_KINDS,
        _FUTURE_SENTENCE,
        _lead_end,
        _phrase_after_after,
        _spoken_of_as_past,
        _year_named_as_past,
    )
    from idlibtui.annotate.date_evidence import _RECENT_WORDS
    from idlibtui.annotate.events_match import match_events

    out: set[tuple[str, dt.date, dt.date]] = set()
    lead_end = _lead_end(text, standfirst=True)
    for m in match_events(text, timeline, undated=True):
        e = m.event
        if e.kind in _CITED_KINDS or (e.last - e.date).days > _SHORT_DAYS:
            continue  # an agreement is cited for years, an offensive lasts months: no news
        sentence = text[m.sentence_start : m.sentence_end]
        if _FUTURE_SENTENCE.search(sentence):
            continue
        clause = text[m.sentence_start : m.end]
        if (
            _spoken_of_as_past(clause, m.start - m.sentence_start, e.date.year)
            or _year_named_as_past(sentence, e.date.year)
            or _phrase_after_after(text, m.sentence_start, m.phrase_spans)
        ):
            continue  # the past the news comes after, or a state since then
        if m.undated and _recurring(e, timeline):
            continue  # "took Palmyra": the timeline knows it taken more than once
        if recent_only and m.sentence_start >= lead_end and not _RECENT_WORDS.search(sentence):
            continue  # neither in its lead nor said of a recent day: maybe a state since then
        out.add((e.id, e.date, e.last))
    return out


def _recurring(event, timeline=None) -> bool:
    """Whether the timeline has another event at the event's first place (the town taken
    twice, the crossing lost and retaken): a sentence that does not date it may be either."""
    from idlibtui.annotate.events import base_events

    if not event.places:
        return True
    counts = _place_counts(base_events() if timeline is None else tuple(timeline))
    return counts.get(event.places[0].casefold(), 0) > 1


@functools.lru_cache(maxsize=4)
def _place_counts(timeline: tuple) -> dict[str, int]:
    """How many events of the timeline stand at each first place."""
    counts: dict[str, int] = {}
    for e in timeline:
        if e.places:
            key = e.places[0].casefold()
            counts[key] = counts.get(key, 0) + 1
    return counts


def firm_day(article: Article) -> dt.date | None:
    """The article's day when firm enough to lend: stated, derived, supplied, or an estimate
    narrower than a week."""
    if article.date is None:
        return None
    if article.date_kind in _FIRM:
        return article.date
    lo, hi = article.date_earliest, article.date_latest
    if article.date_kind == DateKind.ESTIMATED.value and lo and hi:
        return article.date if (hi - lo).days <= PRECISE_DAYS else None
    return None


def needs_corpus(article: Article) -> bool:
    """Whether the text leaves the article undated: unknown, or a range without an end."""
    return article.date_kind in ("", DateKind.UNKNOWN.value) or (
        article.date_kind == DateKind.ESTIMATED.value and article.date_latest is None
    )


def reported(article: Article, timeline=None) -> Reported:
    """What ``article`` reports (its news events) and its firm day."""
    day = firm_day(article)
    # (an undated article lends nothing: what it reports must be its recent news to borrow)
    recent_only = day is None
    spans = _news_spans(article.text, timeline, recent_only=recent_only) if article.text else set()
    if day is not None:  # a dated peer's news is what it reports as recent: that occurrence
        spans = {s for s in spans if s[1] - dt.timedelta(days=1) <= day <= s[2] + _NEWS_DAYS}
    return Reported(article.id, frozenset(i for i, _, _ in spans), day, tuple(sorted(spans)))


@dataclass(frozen=True, slots=True)
class Lent:
    """A date lent by the corpus: the best day, the range and the evidence."""

    date: dt.date
    earliest: dt.date
    latest: dt.date
    evidence: str


def lend(
    mine: Reported,
    corpus: Iterable[Reported],
    *,
    earliest: dt.date | None,
    evidence: str,
) -> Lent | None:
    """The range the dated peers that report ``mine``'s news give it, when they agree and the
    article's own floor (``earliest``, with its ``evidence``) allows it; None otherwise."""
    if not mine.news:
        return None
    peers = [
        (r.day, r.key, sorted(mine.news & r.news))
        for r in corpus
        if r.key != mine.key and r.day is not None and mine.news & r.news
    ]
    if not peers:
        return None
    days = sorted(d for d, _, _ in peers)
    if (days[-1] - days[0]).days > _AGREE_DAYS:
        return None  # another occurrence, or other news: the text's judgement stands
    lo, hi = days[0] - _SLACK, days[-1] + _SLACK
    if earliest is not None:
        if earliest > hi:
            return None  # it reports later news than they do
        if lo - earliest > _REPORTED_GAP and evidence.startswith("on or after"):
            return None  # it reports a day or an event weeks before theirs: its own news
        lo = max(lo, earliest)
    best = max(lo, min(hi, statistics.median_low(days)))
    names = ", ".join(sorted({k for _, k, _ in peers})[:3])
    why = (
        f"reports the same news as {len(peers)} dated article(s) of the corpus ({names}): "
        f"{', '.join(sorted({e for _, _, ev in peers for e in ev})[:2])}"
    )
    if evidence:
        why += f"; {evidence}"
    return Lent(best, lo, hi, why)


def with_lent(article: Article, lent: Lent) -> Article:
    """``article`` dated by what the corpus lends it (an estimate, inferred)."""
    return dataclasses.replace(
        article,
        date=lent.date,
        date_kind=DateKind.ESTIMATED.value,
        date_earliest=lent.earliest,
        date_latest=lent.latest,
        date_evidence=lent.evidence,
        date_inferred=True,
    )


def lend_dates(article: Article, mine: Reported, corpus: Iterable[Reported]) -> Article:
    """``article`` dated from the dated peers that report its news, when they agree and the
    article's own bounds allow it; unchanged otherwise."""
    if not needs_corpus(article):
        return article
    lent = lend(mine, corpus, earliest=article.date_earliest, evidence=article.date_evidence)
    return article if lent is None else with_lent(article, lent)


def corpus_dates(articles: Sequence[Article], timeline=None) -> list[Article]:
    """Every article of a corpus, the ones their text leaves undated dated from their dated
    peers where those agree (see the module's docstring)."""
    reports = [reported(a, timeline) for a in articles]
    dated = [r for r in reports if r.day is not None and r.news]
    return [lend_dates(a, r, dated) for a, r in zip(articles, reports, strict=True)]
