"""Terms of office that date a text from both sides: a report that calls someone "Prime Minister
Davutoglu" or "UN envoy de Mistura" (not "former", not "then-") was written during that term.

Used only to settle conflicts (:mod:`idlibtui.annotate.dating`): of the events a text seems to
report, those outside every term it names are dropped when others fit ("the Su-24 was downed"
matches the Russian jet of 2015 and the Syrian jets of 2020; a text naming Prime Minister
Davutoglu is of 2014–2016), and a weekday written beside a month-day takes the year within the
terms. A term never overrules a stated date: retrospectives use titles loosely. A mention in a
sentence that names a year ("In 2013, President Obama …") is of the past and counts for nothing.
Facts in the project's own words: the office and its first and last days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idlibtui.annotate.date_events import ReportedEvent

_D = dt.date
_OPEN = _D(2030, 1, 1)  # still in office within the corpora's span

_DEF = r"(?:Defen[cs]e|Pentagon)\s+(?:Secretary|Minister|chief)"
_SEC = r"Secretary\s+of\s+State"
_ENVOY = r"envoy(?:\s+(?:for|to)\s+Syria)?,?"
_TERMS: tuple[tuple[str, dt.date, dt.date, str], ...] = (
    (r"President\s+(?:Barack\s+)?Obama", _D(2009, 1, 20), _D(2017, 1, 20), "President Obama"),
    (r"President\s+(?:Donald\s+)?Trump", _D(2017, 1, 20), _D(2021, 1, 20), "President Trump"),
    (r"Vice[- ]President\s+(?:Joe\s+)?Biden", _D(2009, 1, 20), _D(2017, 1, 20),
     "Vice-President Biden"),
    (r"Vice[- ]President\s+(?:Mike\s+)?Pence", _D(2017, 1, 20), _D(2021, 1, 20),
     "Vice-President Pence"),
    (_SEC + r"\s+(?:Hillary\s+)?(?:Rodham\s+)?Clinton", _D(2009, 1, 21), _D(2013, 2, 1),
     "Secretary of State Clinton"),
    (_SEC + r"\s+(?:John\s+)?Kerry", _D(2013, 2, 1), _D(2017, 1, 20), "Secretary of State Kerry"),
    (_SEC + r"\s+(?:Rex\s+)?Tillerson", _D(2017, 2, 1), _D(2018, 3, 31),
     "Secretary of State Tillerson"),
    (_SEC + r"\s+(?:Mike\s+|Michael\s+)?Pompeo", _D(2018, 4, 26), _D(2021, 1, 20),
     "Secretary of State Pompeo"),
    (_DEF + r"\s+(?:Leon\s+)?Panetta", _D(2011, 7, 1), _D(2013, 2, 26),
     "Defense Secretary Panetta"),
    (_DEF + r"\s+(?:Chuck\s+)?Hagel", _D(2013, 2, 27), _D(2015, 2, 17), "Defense Secretary Hagel"),
    (_DEF + r"\s+(?:Ash|Ashton)\s+Carter", _D(2015, 2, 17), _D(2017, 1, 20),
     "Defense Secretary Carter"),
    (_DEF + r"\s+(?:Jim\s+|James\s+)?Mattis", _D(2017, 1, 20), _D(2019, 1, 1),
     "Defense Secretary Mattis"),
    (_DEF + r"\s+(?:Mark\s+)?Esper", _D(2019, 7, 23), _D(2020, 11, 9), "Defense Secretary Esper"),
    (r"National\s+Security\s+Advis[eo]r\s+(?:John\s+)?Bolton", _D(2018, 4, 9), _D(2019, 9, 10),
     "National Security Adviser Bolton"),
    (r"Prime\s+Minister\s+(?:Recep\s+(?:Tayyip\s+)?)?Erdo[gğ]an", _D(2003, 3, 14),
     _D(2014, 8, 28), "Prime Minister Erdogan"),
    (r"Prime\s+Minister\s+(?:Ahmet\s+)?Davuto[gğ]lu", _D(2014, 8, 28), _D(2016, 5, 22),
     "Prime Minister Davutoglu"),
    (r"Prime\s+Minister\s+(?:Binali\s+)?Y[ıi]ld[ıi]r[ıi]m", _D(2016, 5, 24), _D(2018, 7, 9),
     "Prime Minister Yildirim"),
    (_ENVOY + r"\s+(?:Kofi\s+)?Annan", _D(2012, 2, 23), _D(2012, 8, 31), "UN envoy Annan"),
    (_ENVOY + r"\s+(?:Lakhdar\s+)?Brahimi", _D(2012, 9, 1), _D(2014, 5, 31), "UN envoy Brahimi"),
    (_ENVOY + r"\s+(?:Staffan\s+)?de\s+Mistura", _D(2014, 7, 10), _D(2018, 12, 31),
     "UN envoy de Mistura"),
    (_ENVOY + r"\s+(?:Geir\s+)?Pedersen", _D(2019, 1, 7), _OPEN, "UN envoy Pedersen"),
    (r"Secretary[- ]General\s+Ban(?:\s+Ki[- ]moon)?", _D(2007, 1, 1), _D(2016, 12, 31),
     "UN Secretary-General Ban"),
    (r"Secretary[- ]General\s+(?:Ant[oó]nio\s+)?Guterres", _D(2017, 1, 1), _OPEN,
     "UN Secretary-General Guterres"),
    (r"Defen[cs]e\s+Minister\s+(?:Moshe\s+)?Ya['’]?alon", _D(2013, 3, 18), _D(2016, 5, 20),
     "Israeli Defence Minister Yaalon"),
    (r"Defen[cs]e\s+Minister\s+(?:Avigdor\s+)?Lieberman", _D(2016, 5, 30), _D(2018, 11, 14),
     "Israeli Defence Minister Lieberman"),
    (r"Prime\s+Minister\s+(?:David\s+)?Cameron", _D(2010, 5, 11), _D(2016, 7, 13),
     "Prime Minister Cameron"),
    (r"Prime\s+Minister\s+Theresa\s+May|Prime\s+Minister\s+May\b", _D(2016, 7, 13),
     _D(2019, 7, 24), "Prime Minister May"),
    (r"Prime\s+Minister\s+(?:Boris\s+)?Johnson", _D(2019, 7, 24), _D(2022, 9, 6),
     "Prime Minister Johnson"),
    (r"President\s+(?:Fran[cç]ois\s+)?Hollande", _D(2012, 5, 15), _D(2017, 5, 14),
     "President Hollande"),
    (r"President\s+(?:Emmanuel\s+)?Macron", _D(2017, 5, 14), _OPEN, "President Macron"),
    (r"President\s+(?:Hassan\s+)?Rouhani", _D(2013, 8, 3), _D(2021, 8, 3), "President Rouhani"),
    (r"President\s+(?:Mahmoud\s+)?Ahmadinejad", _D(2005, 8, 3), _D(2013, 8, 3),
     "President Ahmadinejad"),
    (r"President\s+(?:Dmitry\s+)?Medvedev", _D(2008, 5, 7), _D(2012, 5, 7), "President Medvedev"),
    (r"Prime\s+Minister\s+(?:Dmitry\s+)?Medvedev", _D(2012, 5, 8), _D(2020, 1, 16),
     "Prime Minister Medvedev"),
    (r"Prime\s+Minister\s+(?:Wael\s+)?(?:al-)?Halq[ia]", _D(2012, 8, 9), _D(2016, 7, 3),
     "Syrian Prime Minister al-Halqi"),
    (r"Prime\s+Minister\s+(?:Imad\s+)?Khamis", _D(2016, 7, 3), _D(2020, 8, 30),
     "Syrian Prime Minister Khamis"),
)  # fmt: skip
_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p, *_ in _TERMS)
_WORDS = tuple(
    w.lower()
    for w in ("Obama", "Trump", "Biden", "Pence", "Clinton", "Kerry", "Tillerson", "Pompeo",
              "Panetta", "Hagel", "Carter", "Mattis", "Esper", "Bolton", "Erdo", "Davuto", "ld",
              "Annan", "Brahimi", "Mistura", "Pedersen", "Ban", "Guterres", "alon", "Lieberman",
              "Cameron", "May", "Johnson", "Hollande", "Macron", "Rouhani", "Ahmadinejad",
              "Medvedev", "Medvedev", "Halq", "Khamis")
)  # fmt: skip
assert len(_WORDS) == len(_TERMS)
#: Words before a title that make it a past one: "former President Obama", "then-envoy".
_PAST_TITLE = re.compile(
    r"(?:former|ex-?|then-?|late|erstwhile|previous|outgoing|incoming|future|predecessor"
    r"|under|of\s+the)\s*(?:U\.?S\.?|US|UN|U\.N\.|American|Turkish|Israeli|British|French"
    r"|Iranian|Russian|Syrian|UN\s+special)?\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A term's last day is still written for a few weeks (late reports, translations).
GRACE = dt.timedelta(days=30)


def office_terms(text: str) -> list[tuple[dt.date, dt.date, str]]:
    """``(first day, last day, name)`` of each term of office the text names as current (once
    each): not after "former" or "then-", not followed by "-elect", not in a sentence that
    names a year."""
    low = text.lower()
    out: dict[int, tuple[dt.date, dt.date, str]] = {}
    for i, word in enumerate(_WORDS):
        if word not in low or i in out:
            continue
        for m in _PATTERNS[i].finditer(text):
            if _PAST_TITLE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if text[m.end() : m.end() + 6].lower().startswith("-elect"):
                continue
            start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
            ends = [e for e in (text.find(c, m.end()) for c in ".!?\n") if e >= 0]
            if _YEAR.search(text, start, min(ends, default=len(text))):
                continue
            _, first, last, name = _TERMS[i]
            out[i] = (first, last, name)
            break
    return list(out.values())


def term_window(text: str) -> tuple[dt.date, dt.date, str] | None:
    """The days every term the text names allows (the last one with its grace), or None when
    it names none or they do not overlap (then they settle nothing)."""
    terms = office_terms(text)
    if not terms:
        return None
    lo = max(t[0] for t in terms)
    hi = min(t[1] for t in terms) + GRACE
    if lo > hi:
        return None
    return lo, hi, ", ".join(t[2] for t in terms[:3])


def within_terms(text: str, events: Sequence[ReportedEvent]) -> tuple[Sequence[ReportedEvent], str]:
    """The events without those that begin after every term of office the text names as
    current ("Prime Minister Davutoglu": 2014–2016), when some remain: the others are the
    same words' later event ("the Su-24 was downed" of 2015, not of 2020); and a note of what
    was set aside ("" when nothing was)."""
    if len(events) < 2:
        return events, ""
    window = term_window(text)
    if window is None:
        return events, ""
    kept = [e for e in events if e.date <= window[1]]
    if not kept or len(kept) == len(events):
        return events, ""
    gone = [e for e in events if e.date > window[1]]
    note = f"{gone[0].description} set aside: after the term of {window[2]} it names"
    return kept, note
