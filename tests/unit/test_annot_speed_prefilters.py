"""The annotators' shortcuts give the answers of the patterns they stand in front of.

Each cheap test (a substring check, a next-word check, a narrowed set of start positions) must
never rule out a match its pattern would find. Random strings made of the words the patterns
look for, with case variants and the characters ``re.IGNORECASE`` folds to ASCII (ſ, ı), are
checked against the plain pattern. Changing a pattern without its shortcut fails here.
"""

from __future__ import annotations

import random

import pytest

import idlibtui.annotate.date_war_age as A
import idlibtui.annotate.dates as D
import idlibtui.annotate.entities as E
import idlibtui.annotate.figure_words as W
import idlibtui.annotate.figures as F

SPACES = ["", " ", " ", "  ", "\n", "\u00a0", "-"]


def strings(fragments: list[str], count: int = 3000, longest: int = 10, seed: int = 0):
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(
            rnd.choice(fragments) + rnd.choice(SPACES) for _ in range(rnd.randint(0, longest))
        )


ENTITY_WORDS = ["said", "Said", "says", "told", "to", "asked", "added", "of", "OF", ",",
                "a", "the", "nurse", "outskirts", "Town", "town", "city", "according",
                "explained", "warned", "ſ", "ı", "area", "x"]  # fmt: skip


@pytest.mark.parametrize(
    ("shortcut", "pattern"),
    [
        (E._place_of_before, lambda s: bool(E._PLACE_OF.search(s))),
        (E._speech_before, lambda s: bool(E._SPEECH_BEFORE.search(s))),
        (E._speech_after, lambda s: bool(E._SPEECH_AFTER.match(s))),
        (E._role_after, lambda s: bool(E._ROLE_AFTER.match(s))),
    ],
)
def test_entity_context_shortcuts(shortcut, pattern) -> None:
    for s in strings(ENTITY_WORDS):
        assert shortcut(s) == pattern(s), repr(s)


FIGURE_WORDS = ["more than", "less than", "fewer than", "at least", "LEAST", "leaſt", "up to",
                "of", "almost", "about", "an estimated", "approxımately", "over", "as many as",
                "at most", "close to", "just over", "just under", "under", "upwards of",
                "in excess of", "only", "a further", "another", "the", "a", "some", "nearly",
                "roughly", "estimated", "around", "could", "WOULD", "may", "might", "will",
                "shall", "threatens to", "expected to",
                "likely to", "set to", "risking", "fears that", "warned that", "killed", "x", "5",
                ","]  # fmt: skip


def test_qualifier_projection_and_filler_shortcuts() -> None:
    for t in strings(FIGURE_WORDS, count=6000, longest=5):
        s = len(t)
        for lo in (0, s // 2):
            m = W._QUALIFIER.search(t[max(lo, s - 30) : s])
            assert W.qualifier(t, lo, s) == (" ".join(m.group("q").lower().split()) if m else "")
            assert W.projection(t, lo, s) == bool(W._PROJECTION.search(t[max(lo, s - 60) : s]))
        assert W._filler_start(t) == W._BEHIND_FILLER.search(t).start(), repr(t)


def test_event_verbs_in_one_alternation_keep_their_order() -> None:
    def in_order(fragment: str, anchored: bool, allow_shelter: bool) -> str:
        for pattern, label in W._EVENT_VERBS:
            if label == "sheltered" and not allow_shelter:
                continue
            m = pattern.match(fragment) if anchored else pattern.search(fragment)
            if m and (label != "sheltered" or W._TAKEN_OR_SOUGHT.search(m.group(0))):
                return label
        return ""

    words = ["killed", "displaced", "hosts", "taken shelter", "taken", "refuge", "houses",
             "fled", "Injured", "died", "people", "were", "trapped", "arrested", "x"]  # fmt: skip
    for t in strings(words, longest=6):
        for anchored in (True, False):
            for shelter in (True, False):
                got = W._label_at(t, anchored=anchored, allow_shelter=shelter)
                assert got == in_order(t, anchored, shelter), (t, anchored, shelter)


def test_number_pattern_at_a_needs_a_scale_word() -> None:
    for t in strings(["a", "A", "dozen", "Dozen", "hundred", "millions", "half", "x", "5"], 2000):
        for p, c in enumerate(t):
            if c in "aA" and not F._A_BEFORE_SCALE.match(t, p):
                m = F._NUMBER.match(t, p)
                assert m is None or m.end() == p, (t, p)


DATE_WORDS = ["the", "The", "end", "of", "past", "paſt", "last", "beginning", "on", "On",
              "Monday", "Monday's", "weekend", "at", "over", "during", "since", "by", "until",
              "a", "an", "two", "few", "ſeveral", "couple", "days", "week", "months", "YEARS",
              "ago", "1", "12", "31", "2019", "2019’s", "1st", "December", "Dec.", "May",
              "March", "early", "mid", "late", "this", "next", "morning", ",", ".", "’", "in",
              "yesterday", "night", "2020-01-05", "x"]  # fmt: skip


def test_date_starts_find_every_date() -> None:
    for t in strings(DATE_WORDS, longest=14):
        tokens = D.word_tokens(t)
        every = D.scan_triggers(tokens, {"date": D.DATE_TRIGGERS})["date"]
        want = [m.span() for m in D.iter_matches(D._PATTERN, t, every)]
        got = [m.span() for m in D.iter_matches(D._PATTERN, t, D.date_starts(tokens))]
        assert got == want, repr(t)


def test_war_age_starts_find_every_match() -> None:
    words = ["one", "ONE", "ſix", "fifteen", "9", "12", "7 1/2", "8.5", "l’", "l'", "_",
             "year", "years", "long", "old", "civil", "Syrian", "war", "conflict", "x"]  # fmt: skip
    for t in strings(words, longest=12):
        D.forget_shared_work()
        want = [m.span() for m in A._WAR_AGE.finditer(t)]
        assert [m.span() for m in A._war_age_matches(t)] == want, repr(t)
