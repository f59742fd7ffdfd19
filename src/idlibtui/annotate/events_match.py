"""The events timeline matched against an article: every sentence that reports one of its events.

Matching tokenises the text once and looks every word up in a dictionary of phrases (a longer
phrase filed under its rarest word); each rule is tried only in the sentences that hold its
*anchor*, the group of its rarest phrases.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from idlibtui.annotate.date_words import MONTH_NAMES
from idlibtui.annotate.events import Event, EventMatch, base_events
from idlibtui.annotate.events_words import (
    _common,
    _entries,
    _key_weight,
    _known_words,
    _word_keys,
    phrase_keys,
)
from idlibtui.textanalysis import analysis_of


class EventMatcher:
    """The phrases of many events, compiled for one pass over an article.

    Single-word phrases sit in a dictionary by key, longer ones by their rarest word. Each
    rule is filed under the phrases of its *anchor*, the group whose phrases the fewest rules
    share (a place, a number, a name; never "killed"), so a sentence only tests the rules whose
    anchor it holds."""

    def __init__(self, events: Sequence[Event]):
        self.events = tuple(events)
        ids: dict[tuple[str, ...], int] = {}
        singles: dict[str, list[int]] = {}
        # a longer phrase is filed under its rarest word: (keys, that word's index, phrase id)
        multis: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}

        def pid(phrase: str) -> int:
            keys = phrase_keys(phrase)
            found = ids.get(keys)
            if found is None:
                found = ids[keys] = len(ids)
                if len(keys) == 1:
                    singles.setdefault(keys[0], []).append(found)
                else:
                    j = max(range(len(keys)), key=lambda i: _key_weight(keys[i]))
                    multis.setdefault(keys[j], []).append((keys, j, found))
            return found

        # rules: (event index, groups as frozensets of phrase ids); vetoes per event
        rules: list[tuple[int, tuple[frozenset[int], ...]]] = []
        self._vetoes: dict[int, frozenset[int]] = {}
        for ei, event in enumerate(self.events):
            for rule in event.rules:
                rules.append((ei, tuple(frozenset(pid(p) for p in group) for group in rule)))
            if event.exclude:
                self._vetoes[ei] = frozenset(pid(p) for p in event.exclude)
        # each rule once more without its groups of dates ("March 2016", "%"): the rules after
        # ``self._dated`` match a sentence that reports the event without dating it ("took
        # Palmyra on Sunday"), for the caller to confirm by other evidence
        self._dated = len(rules)
        for ei, event in enumerate(self.events):
            for rule in event.rules:
                undated = undated_rule(rule)
                if undated is not None:
                    rules.append((ei, tuple(frozenset(pid(p) for p in g) for g in undated)))
        shared: dict[int, int] = {}
        for _, groups in rules:
            for group in groups:
                for p in group:
                    shared[p] = shared.get(p, 0) + 1
        # a phrase of one lower-case word ("killed", "began") or a small number is common in
        # any article, whatever few rules use it
        common = {i for keys, i in ids.items() if _common(keys)}
        anchors: dict[int, list[int]] = {}
        for ri, (_, groups) in enumerate(rules):
            anchor = min(
                groups,
                key=lambda g: (max(shared[p] + 1000 * (p in common) for p in g), len(g)),
            )
            for p in anchor:
                anchors.setdefault(p, []).append(ri)
        self._rules = rules
        self._anchors = anchors
        self._singles = singles
        self._multis = multis
        self._keys = (frozenset(singles) | frozenset(multis)) - {""}

    @functools.cached_property
    def _checks(self) -> dict[str, list[tuple[int, int, tuple[tuple[int, str], ...], int]]]:
        """The longer phrases by their rarest word's key, each as ``(first, last, others,
        phrase id)``: its first and last word's offsets from that word, and the other words'
        ``(offset, key)`` rarest first (a phrase that is not there fails on its first test)."""
        out: dict[str, list[tuple[int, int, tuple[tuple[int, str], ...], int]]] = {}
        for key, phrases in self._multis.items():
            for pkeys, j, p in phrases:
                others = sorted(
                    ((m - j, pk) for m, pk in enumerate(pkeys) if m != j),
                    key=lambda other: _key_weight(other[1]),
                    reverse=True,
                )
                out.setdefault(key, []).append((-j, len(pkeys) - 1 - j, tuple(others), p))
        return out

    def _scan(self, words, entries, keys) -> list:
        """``(start, end, phrase id)`` of every phrase occurrence, unsorted."""
        index, singles, checks = self._keys, self._singles, self._checks
        n = len(words)
        out = []
        for i in _known_words(entries, index):
            for k in keys[i]:
                for p in singles.get(k, ()):
                    start = words[i][0]
                    out.append((start, start + entries[i][2], p))
                for lo, hi, others, p in checks.get(k, ()):
                    if i + lo < 0 or i + hi >= n:
                        continue
                    for off, pk in others:
                        if pk not in keys[i + off]:
                            break
                    else:
                        first, last = i + lo, i + hi
                        out.append((words[first][0], words[last][0] + entries[last][2], p))
        return out

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, phrase id)`` of every phrase occurrence, in text order."""
        words, entries = _entries(text)
        keys = _word_keys(text, words, entries)
        return sorted(self._scan(words, entries, keys))

    def match(self, text: str, *, undated: bool = False) -> list[EventMatch]:
        """Every (event, sentence) where one of the event's rules holds, in text order.

        One pass finds the phrases; only the sentences holding a rule's anchor test it. With
        ``undated``, also the sentences that hold a rule but for its groups of dates (marked
        ``undated``: they need other evidence of the day)."""
        hits = self.hits(text)
        if not hits:
            return []
        analysis = analysis_of(text)  # the sentences the annotators split the text into
        spans = analysis.sentences
        sent_starts = analysis.sentence_starts
        anchors, rules, vetoes = self._anchors, self._rules, self._vetoes
        per_sentence: dict[int, list[tuple[int, int, int]]] = {}
        anchored: set[int] = set()
        for hit in hits:
            si = bisect.bisect_right(sent_starts, hit[0]) - 1
            if si < 0 or hit[1] > spans[si][1]:
                continue  # in the space between sentences, or across a sentence end
            per_sentence.setdefault(si, []).append(hit)
            if hit[2] in anchors:
                anchored.add(si)
        out: list[EventMatch] = []
        for si in sorted(anchored):
            sent_hits = per_sentence[si]
            present = {p for _, _, p in sent_hits}
            candidates = sorted({ri for p in present for ri in anchors.get(p, ())})
            done: set[int] = set()
            for ri in candidates:
                if ri >= self._dated and not undated:
                    break
                ei, groups = rules[ri]
                if ei in done or not all(not g.isdisjoint(present) for g in groups):
                    continue
                veto = vetoes.get(ei)
                if veto is not None and not veto.isdisjoint(present):
                    continue
                done.add(ei)
                phrase_spans = tuple(
                    next((s, e) for s, e, p in sent_hits if p in g) for g in groups
                )
                out.append(
                    EventMatch(
                        self.events[ei],
                        min(s for s, _ in phrase_spans),
                        max(e for _, e in phrase_spans),
                        spans[si][0],
                        spans[si][1],
                        phrase_spans,
                        undated=ri >= self._dated,
                    )
                )
        out.sort(key=lambda m: (m.start, m.event.date, m.event.id))
        return out


@functools.lru_cache(maxsize=8)
def event_matcher(events: tuple[Event, ...]) -> EventMatcher:
    """The compiled matcher of a timeline, kept for the next article."""
    return EventMatcher(events)


def match_events(
    text: str, events: Sequence[Event] | None = None, *, undated: bool = False
) -> list[EventMatch]:
    """Every event that a sentence of ``text`` reports (default: the shipped timeline); with
    ``undated``, also the sentences that report one without the date its rule asks for."""
    timeline = base_events() if events is None else tuple(events)
    key = (id(timeline), undated)
    last = _LAST.get(key)
    if last is not None and last[1] is timeline and last[0] == text:
        return list(last[2])
    found = event_matcher(timeline).match(text, undated=undated)
    _LAST.clear()  # (one text at a time: the dating and the corpus record read the same one)
    _LAST[key] = (text, timeline, tuple(found))
    return found


#: The last text matched, per (timeline, undated): the article's date judgement and the
#: corpus record of what it reports (corpus_dates) match the same text one after the other.
_LAST: dict[tuple[int, bool], tuple[str, tuple, tuple[EventMatch, ...]]] = {}


_MONTH = "|".join(sorted({n for m in MONTH_NAMES for n in (m, m[:3], "sept")}, key=len))
_DATE_PHRASE = re.compile(
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{_MONTH})\.?"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)",
    re.IGNORECASE,
)


def _is_date_group(group: Sequence[str]) -> bool:
    """Whether every phrase of a rule's group is a date: a year, a month, a day of a month."""
    return all(_DATE_PHRASE.fullmatch(p.strip()) for p in group)


def undated_rule(rule: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...] | None:
    """The rule without its groups of dates, when it has one and keeps two other groups (a
    place and an action): None otherwise."""
    kept = tuple(tuple(g) for g in rule if not _is_date_group(g))
    if len(kept) == len(rule) or len(kept) < 2:
        return None
    return kept
