"""Photo captions told by how they are written, not by a credit: a caption describes a picture.

A news paragraph reports (past tense, a source that said or told); a caption shows a scene, and
its wire form ends on the place and day the picture was taken, with no "on" before the day
("… atop a building in Baghuz, Syria, 25 March 2019."), or names the picture itself ("In this
photo released on …", "… seen in this image"). These rules find

- a whole line that is such a caption (the picture's day closing a sentence that reports
  nothing; or a line ending in the outlet's name, " - Outlet", with a picture's scene);
- such a caption glued to the head of a paragraph (the page lost the line break after it), or
  a caption and its agency glued to the next sentence ("… chemical attack. AFPAn early …"):
  only the caption goes, the paragraph stays;
- a wire picture number after a credit ("REUTERS/Jane Doe - RTS1AB2"), so the credit rules see
  the credit.

Each rule reads one line; the caller says where it sits (never the first line, the headline's
place, and never the last one).
"""

from __future__ import annotations

import functools
import re

from idlibtui.clean import outlets
from idlibtui.clean.prefilter import re_case_lower

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_FULL_DATE = rf"(?:\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d|{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "…, Syria, 25 March 2019." / "… Aleppo, Syria December 15, 2016.": the picture's day after
# its place, with no "on" (a report says "on March 15"); a weekday before it is a report's date
_PLACE_DAY_END = re.compile(rf"(?:,|(?<=[a-z]))\s+{_FULL_DATE}\s*[.]?\s*$")
_NOT_A_PLACE = re.compile(rf"(?:\b(?:on|of|in|from|since|until|by|to|and|or)|{_WEEKDAY}),?$", re.I)


def place_day_end(s: str) -> bool:
    """The sentence ends on a place and then a day with no "on", weekday or preposition
    between them."""
    if not _may_end_in_year(s):
        return False
    m = _PLACE_DAY_END.search(s)
    if m is None:
        return False
    before = s[: m.start()].rstrip()
    return bool(before) and before[-1:].isalpha() and not _NOT_A_PLACE.search(before)


def _may_end_in_year(s: str) -> bool:
    """What ``_PLACE_DAY_END`` needs at the end: a year ("1999", "2019"), then at most a full
    stop and spaces (a cheap test first: most lines end otherwise)."""
    tail = s.rstrip()
    if tail.endswith("."):
        tail = tail[:-1].rstrip()
    return tail[-4:-2] in ("19", "20") and tail[-2:].isdigit()


def _names_picture(s: str) -> bool:
    """``_PICTURE_SELF.search(s)``, tried only where its "this" is."""
    return "this" in re_case_lower(s) and _PICTURE_SELF.search(s) is not None


def _legend(s: str) -> bool:
    """``_LEGEND.search(s)``, tried only where its colon and semicolon are."""
    return ";" in s and ":" in s and _LEGEND.search(s) is not None


# "… east of Raqqa city, Syria.": a picture's place, then its country, closing the line
_PLACE_END = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:city|town|village|province|governorate|countryside))?,\s+"
    r"(?:Syria|Iraq|Turkey|Lebanon|Jordan|Israel|Iran|Russia|Yemen|Libya|Egypt)\.$"
)
# a map's key: "Dark Green: Euphrates Shield; Light Green: FSA; Black: …"
_COLOUR = (
    r"(?:(?:dark|light|pale|bright)\s+)?"
    r"(?:red|green|blue|yellow|black|white|gr[ae]y|orange|purple|pink|brown)"
)
_LEGEND = re.compile(rf"(?i:\b{_COLOUR})\s*:\s*[^;:]{{1,40}};\s*(?i:{_COLOUR})\s*:")
# "… near the city on March 26, 2016, during a military operation …": a wire caption's day, then
# what the picture shows happening
_DAY_THEN_CLAUSE = re.compile(
    rf"{_FULL_DATE},\s+(?:during|as|after|while|before|amid|following|when)\b"
)
# any past tense: a sentence of report ("Talks on March 26, 2016, ended without a deal.")
_ANY_PAST = re.compile(
    r"(?<![-\w])[a-z]{2,}ed\b|\b(?:took|fell|won|began|hit|struck|fled|left|came|went)\b"
)
# the words of a report: a source speaking, or a finite past (auxiliary or common verb)
_REPORT_VERB = re.compile(
    r"\b(?:said|says|told|tells|added|according|reported|reports|announced|claimed|stated"
    r"|confirmed|denied|warned|accused|was|were|has|have|had|will|would|could|did)\b",
    re.I,
)
# "In this photo released …", "This March 7, 2017 frame grab …", "… is seen in this image"
_PICTURE_SELF = re.compile(
    r"^(?:in\s+)?this\s+(?:\w+\s+){0,5}?(?:photo(?:graph)?|picture|image|frame\s+grab|video\s+grab"
    r"|screen\s*(?:shot|grab)|handout)\b"
    r"|\b(?:seen|pictured|shown)\s+in\s+this\s+(?:\w+\s+){0,2}(?:photo(?:graph)?|picture|image"
    r"|still|frame\s+grab|video)\b",
    re.I,
)
# a wire picture number after a credit: " - RTSMZN0", " - RTX2ABC"
_PICTURE_NUMBER = re.compile(r"\s+[-–]\s+(?=[A-Z0-9]*\d)[A-Z0-9]{5,12}$")
_PICTURE_NUMBER_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_QUOTES = re.compile(r"[\"“”«»]")
# " - Sputnik International": a picture page's credit is the outlet's name after a dash
_OUTLET_TAIL = re.compile(r"\s+[-–—|]\s+(?P<name>[A-Z][\w.'’&]*(?:\s+[A-Z][\w.'’&]*){0,3})$")
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z“\"]|\s*$)")
# an agency's name glued to the next sentence: "… attack. AFPAn early-morning strike …"
_GLUED_AGENCIES = ("AFP", "AP", "Reuters", "REUTERS", "EPA", "SANA", "AA", "DPA")
_GLUED_AGENCY = re.compile(r"(?<=[.!?])\s+(?:" + "|".join(_GLUED_AGENCIES) + r")(?=[A-Z][a-z])")


def strip_picture_number(line: str) -> str:
    """The line without a wire picture number ending it ("… REUTERS/Jane Doe - RTSMZN0")."""
    if "-" not in line and "–" not in line:
        return line  # (its dash is not there)
    # the number ends the line (``$``: or comes just before a final line break)
    if line[-2 if line.endswith("\n") else -1 :][:1] not in _PICTURE_NUMBER_ENDS:
        return line
    return _PICTURE_NUMBER.sub("", line)


def _first_sentence_end(s: str) -> int | None:
    m = _SENTENCE.search(s)
    return m.end() if m else None


# a past tense among a sentence's first words: its main verb ("Government forces captured …");
# a caption's verb is in the present ("… fighters walk near …")
_EARLY_PAST = re.compile(
    r"^(?:[^\s,;]+\s+){0,4}?(?<!-)(?:[a-z]{2,}ed|took|fell|won|began|hit|struck|fled|left|came"
    r"|went|shot|broke|drove|gave|made|held|lost|met|ran|rose|sent|saw|spoke|stood|stole|threw"
    r"|wrote|led|set|put|cut)\b(?!\s+by\b)"
)


def reports_something(s: str) -> bool:
    """A report's words: a source speaking, a finite past, or a quotation."""
    return _reports(s)


def _reports(s: str) -> bool:
    return (
        _REPORT_VERB.search(s) is not None
        or _QUOTES.search(s) is not None
        or _EARLY_PAST.search(s) is not None
    )


# (the cleaner's passes ask again about the lines a repair left as they were: a line's answer,
# a pure function of it, is kept for the lines seen last)
@functools.lru_cache(maxsize=4096)
def scene_caption(line: str) -> str | None:
    """The note for a whole line that is an uncredited caption, or None.

    One sentence (or two, the second naming the picture) that reports nothing and ends on the
    picture's place and day; a line that names its own picture ("In this photo …"); a line of
    a picture's scene ending in the outlet's name."""
    s = line.strip()
    words = len(s.split(None, 61))  # (counted up to 62: past 60 the count does not matter)
    if not 6 <= words <= 60:
        return None
    end = _first_sentence_end(s)
    first = s[:end] if end else s
    if _names_picture(first) and words <= 60 and not _QUOTES.search(s):
        return "photo caption (names its picture)"
    if place_day_end(s) and end in (None, len(s)) and not _reports(s):
        return "photo caption (place and day)"
    if end in (None, len(s)) and words <= 30 and _PLACE_END.search(s) and not _reports(s):
        return "photo caption (place)"
    if _legend(s):
        return "map legend"
    if (
        end in (None, len(s))
        and words <= 40
        and _DAY_THEN_CLAUSE.search(s)
        and not _reports(s)
        and not _ANY_PAST.search(s)
    ):
        return "photo caption (scene and day)"
    m = _OUTLET_TAIL.search(s)
    if (
        m
        and words >= 8
        and s[: m.start()][-1:] not in ".!?"
        and not _reports(s[: m.start()])
        and outlets.lookup(m.group("name")) is not None
    ):
        return "photo caption (outlet credit)"
    return None


# "A screengrab of footage claiming to show … on 30 September 2015 The US believes …": a caption
# that opens on its picture, glued to the paragraph without even a full stop: the picture's day
# then a capitalised word starting the report
_PICTURE_OPENING = re.compile(
    r"^(?:an?|the|this)\s+(?:\w+\s+){0,2}?(?:photo(?:graph)?|picture|image|screengrab|screen\s*grab"
    r"|screenshot|still|frame\s+grab|video\s+grab|handout)\b",
    re.I,
)
_DAY_THEN_CAPITAL = re.compile(rf"{_FULL_DATE}(?=\s+[A-Z][\w'’-]*\s+\w)")


def _glued_picture_head(s: str) -> int | None:
    """Where the report starts after a picture's caption glued without a full stop."""
    if not _PICTURE_OPENING.match(s):
        return None
    m = _DAY_THEN_CAPITAL.search(s, 0, 400)
    if m is None:
        return None
    head, rest = s[: m.end()], s[m.end() :].strip()
    if not 6 <= len(head.split()) <= 50 or len(rest.split()) < 8 or _REPORT_VERB.search(head):
        return None
    return m.end()


@functools.lru_cache(maxsize=4096)
def caption_head(line: str) -> int | None:
    """Where a paragraph's own text starts after a caption glued to its head, or None.

    The caption is the first sentence: it names its picture, or ends on the picture's place and
    day and reports nothing; or an agency's name is glued to the next sentence."""
    s = line.strip()
    g = _GLUED_AGENCY.search(s) if any(a in s for a in _GLUED_AGENCIES) else None
    if g is not None and g.start() < 300 and len(s[g.end() :].split()) >= 8:
        return g.end()
    glued = _glued_picture_head(s)
    if glued is not None:
        return glued
    end = _first_sentence_end(s)
    if end is None or end >= len(s) - 1 or end > 400:
        return None
    first, rest = s[:end], s[end:].strip()
    # (fewer than eight words: eight pieces are not found with seven cuts; so for six)
    if len(rest.split(None, 7)) < 8 or len(first.split(None, 5)) < 6:
        return None
    if _PICTURE_SELF.match(first) and not _QUOTES.search(first):
        return end
    if place_day_end(first) and not _reports(first):
        return end
    return None
