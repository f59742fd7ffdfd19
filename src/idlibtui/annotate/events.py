"""A timeline of the war's dated events, and the sentences of an article that report them.

The timeline (``events.toml``, package data beside the gazetteer, extended by ``[[event]]``
tables in the user's corrections file) lists attacks, offensives, captures of towns, ceasefires,
summits and votes of 2011–2020, each with its day (or span), places, actors, key figures and a
*rule*: groups of phrases that must all occur within one sentence for the sentence to report the
event. An article that reports events can be dated by them, so rules are written to be specific
(a number, a place or a name together with an action word); a rule may also list ``exclude``
phrases that veto a sentence (the five soldiers of 10 February 2020 are not the "five soldiers
and one civilian contractor" of 3 February).

Phrases and text are compared on folded words (lower case, no diacritics or apostrophes, hyphens
as spaces, al-/el-/an- as one article, the transliteration-insensitive key of the gazetteer), so
``Saraqeb``/``Saraqib`` or ``Maaret al-Numan``/``Ma'arrat an-Nu'man`` need listing only when the
letters differ. A phrase ``@Name`` stands for every spelling the gazetteer knows for Name.
Matching tokenises the text once and looks every word up in a dictionary of phrases (a longer
phrase filed under its rarest word); each rule is tried only in the sentences that hold its
*anchor*, the group of its rarest phrases.

Use: ``match_events(text)`` against the shipped timeline, or ``match_events(text, events)``
with ``load_events(extra_toml_text)`` / ``merge_events(base_events(), events_from_dicts(tables))``
for the user's ``[[event]]`` tables; ``EventMatch.event.describe()`` is the evidence text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from idlibtui.annotate.dates import MONTH_NAMES, text_tokens, word_tokens
from idlibtui.annotate.entities import fold
from idlibtui.config import ConfigError

KINDS = frozenset(
    [
        "attack",
        "offensive",
        "capture",
        "ceasefire",
        "agreement",
        "summit",
        "chemical",
        "strike",
        "displacement",
        "siege",
        "operation",
        "vote",
        "other",
    ]
)
EARLIEST = dt.date(2011, 3, 1)
LATEST = dt.date(2020, 12, 31)
_KEYS = frozenset(
    [
        "id",
        "date",
        "end",
        "kind",
        "title",
        "summary",
        "places",
        "actors",
        "figures",
        "match",
        "match_any",
        "exclude",
    ]
)
_MONTHS = [name.title() for name in MONTH_NAMES]


class EventsError(ConfigError):
    """An event table is malformed; the message names the source and the event's id."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure of an event: ``value`` ``who`` were ``what`` (33 Turkish soldiers killed)."""

    what: str
    who: str
    value: float


Rule = tuple[tuple[str, ...], ...]  # groups of phrases; one phrase of every group must occur


@dataclass(frozen=True, slots=True, eq=False)
class Event:
    """One dated event. Compared and hashed by identity: a timeline is a tuple of these, and
    the compiled matcher of a timeline is looked up by it for every article."""

    id: str
    date: dt.date
    end: dt.date | None
    kind: str
    summary: str
    places: tuple[str, ...]
    actors: tuple[str, ...]
    figures: tuple[Figure, ...]
    rules: tuple[Rule, ...]
    title: str = ""  # a noun phrase without the date: "air strike on Turkish troops near Balyun"
    exclude: tuple[str, ...] = ()  # phrases that stop a sentence from matching any rule
    user: bool = False  # from the corrections file

    @property
    def last(self) -> dt.date:
        """The event's last day (its day when it has no span)."""
        return self.end or self.date

    def date_text(self) -> str:
        """``27 February 2020``, or a span: ``30 April–31 August 2019``."""
        d, e = self.date, self.end
        if e is None or e == d:
            return _day(d)
        if d.year == e.year:
            if d.month == e.month:
                return f"{d.day}–{e.day} {_MONTHS[d.month - 1]} {d.year}"
            return f"{d.day} {_MONTHS[d.month - 1]}–{_day(e)}"
        return f"{_day(d)}–{_day(e)}"

    def describe(self) -> str:
        """Evidence text: "the 27 February 2020 air strike on Turkish troops near Balyun"."""
        if self.title:
            return f"the {self.date_text()} {self.title}"
        return f"{self.summary.rstrip('.')} ({self.date_text()})"


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


@dataclass(frozen=True, slots=True)
class EventMatch:
    """A sentence of the text that reports ``event``; offsets index the text given."""

    event: Event
    start: int  # first phrase hit used
    end: int  # end of the last phrase hit used
    sentence_start: int
    sentence_end: int
    phrase_spans: tuple[tuple[int, int], ...]  # one hit per group, in group order


# --- reading and checking ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _gazetteer_spellings() -> dict[str, tuple[str, ...]]:
    """Canonical name (case-folded) → all its spellings, from the shipped gazetteer."""
    text = resources.files("idlibtui.annotate").joinpath("gazetteer.toml").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for table in tomllib.loads(text).values():
        if isinstance(table, dict):
            for canonical, aliases in table.items():
                out.setdefault(canonical.casefold(), (canonical, *aliases))
    return out


def _strings(value: object, what: str, fail) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{what} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def day_phrases(day: dt.date) -> list[str]:
    """The ways a text names a day of the year: "27 February", "Feb. 27", "February 27th"…"""
    month = _MONTHS[day.month - 1]
    nth = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    out = []
    for m in dict.fromkeys((month, month[:3], "Sept" if day.month == 9 else month)):
        out += [f"{day.day} {m}", f"{m} {day.day}", f"{day.day}{nth} {m}", f"{m} {day.day}{nth}"]
        out.append(f"{day.day}{nth} of {m}")
    return out


def _phrases(
    value: object,
    what: str,
    fail,
    date: dt.date | None = None,
    end: dt.date | None = None,
    sets: Mapping[str, object] | None = None,
) -> tuple[str, ...]:
    out: list[str] = []
    for phrase in _strings(value, what, fail):
        if phrase.startswith("$"):
            members = (sets or {}).get(phrase[1:].strip())
            if members is None:
                raise fail(f"{what}: {phrase!r} names no list in [phrases]")
            out.extend(_phrases(members, f"{what} {phrase}", fail, date, end))
        elif phrase.startswith("%"):
            spec = phrase[1:].strip()
            if spec in ("", "date", "end"):
                day = end if spec == "end" else date
                if day is None:
                    raise fail(f"{what}: {phrase!r} needs the event's date (or end)")
            else:
                day = _date(spec, f"{what} {phrase!r}", fail)
            out.extend(day_phrases(day))
        elif phrase.startswith("@"):
            spellings = _gazetteer_spellings().get(phrase[1:].strip().casefold())
            if spellings is None:
                raise fail(f"{what}: {phrase!r} names nothing in the gazetteer")
            out.extend(spellings)
        elif not phrase_keys(phrase):
            raise fail(f"{what}: {phrase!r} has no words")
        else:
            out.append(phrase)
    return tuple(dict.fromkeys(out))


def _rule(value: object, what: str, fail, date: dt.date, end: dt.date | None, sets) -> Rule:
    if not isinstance(value, list) or not value:
        raise fail(f"{what} must be a non-empty list of phrase groups")
    groups = tuple(
        _phrases(g, f"{what} group {i + 1}", fail, date, end, sets) for i, g in enumerate(value)
    )
    for i, group in enumerate(groups):
        if not group:
            raise fail(f"{what} group {i + 1} must be a non-empty list of non-empty strings")
    return groups


def _date(value: object, what: str, fail) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise fail(f"{what} {value!r} is not a date (write 2020-02-27)") from None
    if not isinstance(value, dt.date):
        raise fail(f"{what} must be a date (write 2020-02-27)")
    return value


def event_from_dict(
    item: Mapping,
    source: str = "<events>",
    *,
    user: bool = False,
    sets: Mapping[str, object] | None = None,
) -> Event:
    """One ``[[event]]`` table, checked; raises ``EventsError`` naming the source and the id.
    ``$name`` phrases expand from ``sets`` (default: the shipped ``[phrases]`` lists)."""
    if sets is None:
        sets = shipped_phrase_sets()
    ident = item.get("id") if isinstance(item, Mapping) else None
    label = repr(ident) if isinstance(ident, str) and ident.strip() else "without an id"

    def fail(message: str) -> EventsError:
        return EventsError(f"{source}: event {label}: {message}")

    if not isinstance(item, Mapping):
        raise fail("each [[event]] must be a table")
    if not isinstance(ident, str) or not ident.strip():
        raise fail('needs an id = "..."')
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (expected {', '.join(sorted(_KEYS))})")
    if "date" not in item:
        raise fail("needs a date = 2020-02-27")
    date = _date(item["date"], "date", fail)
    end = _date(item["end"], "end", fail) if "end" in item else None
    if end is not None and end < date:
        raise fail(f"end {end} is before date {date}")
    kind = item.get("kind", "other")
    if kind not in KINDS:
        raise fail(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    summary = item.get("summary", "")
    if not isinstance(summary, str) or not summary.strip():
        raise fail('needs a summary = "..."')
    title = item.get("title", "")
    if not isinstance(title, str):
        raise fail("title must be a string")
    figures = []
    raw_figures = item.get("figures", [])
    if not isinstance(raw_figures, list):
        raise fail("figures must be a list of { what, who, value } tables")
    for f in raw_figures:
        value = f.get("value") if isinstance(f, Mapping) else None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise fail("every figure needs what, who and a number value")
        what, who = f.get("what", ""), f.get("who", "")
        if not (isinstance(what, str) and what and isinstance(who, str) and who):
            raise fail("every figure needs what, who and a number value")
        figures.append(Figure(what, who, value))
    rules: list[Rule] = []
    if "match" in item:
        rules.append(_rule(item["match"], "match", fail, date, end, sets))
    any_rules = item.get("match_any", [])
    if not isinstance(any_rules, list):
        raise fail("match_any must be a list of rules (each a list of phrase groups)")
    rules.extend(
        _rule(r, f"match_any rule {i + 1}", fail, date, end, sets) for i, r in enumerate(any_rules)
    )
    if not rules:
        raise fail("needs a match rule (match = [[...], [...]])")
    exclude = (
        _phrases(item["exclude"], "exclude", fail, date, end, sets) if "exclude" in item else ()
    )
    return Event(
        ident.strip(),
        date,
        end,
        kind,
        summary.strip(),
        _strings(item.get("places", []), "places", fail),
        _strings(item.get("actors", []), "actors", fail),
        tuple(figures),
        tuple(rules),
        title.strip(),
        exclude,
        user,
    )


def events_from_dicts(
    items: Iterable[Mapping],
    source: str = "<corrections>",
    *,
    user: bool = True,
    sets: Mapping[str, object] | None = None,
) -> tuple[Event, ...]:
    """Events from ``[[event]]`` tables already read (the corrections file's); ids unique.
    ``$name`` phrases use ``sets`` over the shipped ``[phrases]`` lists."""
    merged = {**shipped_phrase_sets(), **(sets or {})}
    events = tuple(event_from_dict(item, source, user=user, sets=merged) for item in items)
    seen: set[str] = set()
    for e in events:
        if e.id in seen:
            raise EventsError(f"{source}: event {e.id!r}: the id is used twice")
        seen.add(e.id)
    return events


def events_from_toml(text: str, source: str = "<corrections>", *, user: bool = True):
    """Events from the ``[[event]]`` tables of a TOML text (other tables are ignored)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EventsError(f"cannot read {source}: {exc}") from exc
    items = data.get("event", [])
    if not isinstance(items, list):
        raise EventsError(f"{source}: 'event' must be a list of tables: write [[event]]")
    sets = data.get("phrases", {})
    if not isinstance(sets, dict):
        raise EventsError(f"{source}: [phrases] must be a table of name = [phrases]")
    return events_from_dicts(items, source, user=user, sets=sets)


def _shipped_text() -> str:
    return resources.files("idlibtui.annotate").joinpath("events.toml").read_text("utf-8")


@functools.lru_cache(maxsize=1)
def shipped_phrase_sets() -> dict[str, object]:
    """The named phrase lists (``[phrases]``) of the shipped timeline: ``$kill``, ``$capture``…"""
    try:
        sets = tomllib.loads(_shipped_text()).get("phrases", {})
    except tomllib.TOMLDecodeError as exc:
        raise EventsError(f"cannot read events.toml: {exc}") from exc
    return dict(sets) if isinstance(sets, dict) else {}


@functools.lru_cache(maxsize=1)
def base_events() -> tuple[Event, ...]:
    """The shipped timeline, read and checked once per process."""
    return events_from_toml(_shipped_text(), "events.toml", user=False)


def merge_events(base: Sequence[Event], extra: Sequence[Event]) -> tuple[Event, ...]:
    """``base`` with ``extra`` added; an extra event with a known id replaces that event."""
    replaced = {e.id for e in extra}
    return (*(e for e in base if e.id not in replaced), *extra)


@functools.lru_cache(maxsize=8)
def load_events(extra_toml_text: str | None = None) -> tuple[Event, ...]:
    """The shipped timeline plus the ``[[event]]`` tables of ``extra_toml_text`` (user events
    replace shipped ones of the same id)."""
    if not extra_toml_text:
        return base_events()
    return merge_events(base_events(), events_from_toml(extra_toml_text))


# --- matching ----------------------------------------------------------------------------------

_ABBREVIATIONS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "No",
    "Nos",
    "St",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gen",
    "Col",
    "Lt",
    "Maj",
    "Sgt",
    "Capt",
    "Rep",
    "Sen",
    "Gov",
    "Prof",
    "Vol",
    "Fig",
]
_NOT_AFTER = "".join(f"(?<!\\b{a}\\.)" for a in _ABBREVIATIONS)
# a sentence ends at . ! ? (and closing quotes/brackets) before a space and a capital, a digit
# or an opening quote, unless the dot ends a common abbreviation ("Jan. 12", "Gen. Smith"); or
# at a line break. The abbreviations are checked only after a dot has been found (fast).
_SENTENCE_END = re.compile(
    r"[.!?]" + _NOT_AFTER + r"[.!?]*[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*"
)
_SUN_ARTICLES = frozenset(["ar", "an", "as", "ash", "ad", "at", "az", "adh", "ath", "ul", "un"])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text`` (simple: punctuation + capital, or a line
    break), without the surrounding space."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(stripped)))


# number words keep their letters: the gazetteer's fuzzy key would make "four" "for"
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "dozen",
        "dozens",
    ]
)


_LIGHT = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss"})
_DROP = str.maketrans("", "", "'’ʼʿʾ`.")
_ARTICLES = frozenset(["al", "el"])


def _word_entry(word: str) -> tuple[str, str, int, bool]:
    """``(exact, fuzzy, length, sun)`` of one word. ``=exact``: lower case without diacritics
    or apostrophes; ``~fuzzy``: the gazetteer's transliteration-insensitive key, only for a
    capitalised word (a name: so "has" never meets "Hass"); digits and number words stay exact,
    so "33" is not "3" and "four" is not "for". ``length`` drops a possessive 's; ``sun`` marks
    an-/ar-/ash-…, the article when a hyphen follows."""
    bare = word[:-2] if word[-2:] in ("'s", "’s", "'S", "’S") and len(word) > 2 else word
    t = unicodedata.normalize("NFKD", bare.translate(_LIGHT))
    light = "".join(c for c in t if not unicodedata.combining(c)).lower().translate(_DROP)
    if light in _ARTICLES:
        return "=" + light, "~al", len(bare), False
    if light in _NUMBER_WORDS or not light.isalpha():
        return "=" + light, "", len(bare), False
    fuzzy = "~" + fold(bare) if bare[:1].isupper() else ""
    return "=" + light, fuzzy, len(bare), light in _SUN_ARTICLES


_ENTRIES: dict[str, tuple[str, str, int, bool]] = {}


def _entries(text: str) -> tuple[list[tuple[int, str]], list[tuple[str, str, int, bool]]]:
    """The words of ``text`` (start, word) and their keys (see ``_word_entry``)."""
    cache = _ENTRIES
    if len(cache) > 200_000:
        cache.clear()
    if "‘" in text:
        text = text.replace("‘", "’")  # the same length: offsets hold (Ma‘arrat, Nu‘man)
        words = word_tokens(text)
    else:
        words = text_tokens(text)  # the annotators' own pass over this text, shared
    get = cache.get
    entries = [get(w) or cache.setdefault(w, _word_entry(w)) for _, w in words]
    return words, entries


def _fuzzy_at(text: str, start: int, word: str, entry: tuple[str, str, int, bool]) -> str:
    """The fuzzy key of a word in its place: an-/ar-… before a hyphen is the article."""
    if entry[3] and text[start + len(word) : start + len(word) + 1] == "-":
        return "~al"
    return entry[1]


def _word_keys(text: str, words, entries) -> list[tuple[str, ...]]:
    """The keys each word of the text can match: exact, and fuzzy for a name."""
    keys = [(e, f) if f else (e,) for e, f, _, _ in entries]
    for i, entry in enumerate(entries):
        if entry[3]:
            fuzzy = _fuzzy_at(text, words[i][0], words[i][1], entry)
            keys[i] = (entry[0], fuzzy) if fuzzy else (entry[0],)
    return keys


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The keys of a phrase's words: a capitalised word of four letters or more (a name:
    "Saraqeb", "Idlib") matches its spellings (fuzzy key), any other word matches itself
    (exact key), both without case; the article al-/el-/an-… matches any of them."""
    words, entries = _entries(phrase)
    out = []
    for (start, word), entry in zip(words, entries, strict=True):
        fuzzy = _fuzzy_at(phrase, start, word, entry)
        name = word[:1].isupper() and len(entry[0]) > 4 and fuzzy
        out.append(fuzzy if (name or fuzzy == "~al") else entry[0])
    if len(out) > 1 and out[0] == "~al":
        out.pop(0)  # "al-Quds hospital" is found as "Quds hospital", after any article
    return tuple(out)


# words in almost every report of the war: never the anchor of a rule while a rarer group is
_COMMON_NAMES = frozenset(
    [
        "syria",
        "syrian",
        "syrians",
        "russia",
        "russian",
        "russians",
        "turkey",
        "turkish",
        "turks",
        "idlib",
        "aleppo",
        "hama",
        "homs",
        "damascus",
        "moscow",
        "ankara",
        "assad",
        "putin",
        "erdogan",
        "iran",
        "iranian",
        "kurdish",
        "kurds",
        "american",
        "washington",
        "un",
    ]
)


def _common(keys: tuple[str, ...]) -> bool:
    """A phrase found in most articles: one lower-case word ("killed"), a name of the war's
    main actors and places, a year or a small number."""
    if len(keys) != 1:
        return False
    key = keys[0]
    word = key[1:]
    if key[0] == "=" and (word.isalpha() or len(word) <= 4):
        return True
    return any(word == fold(name) for name in _COMMON_NAMES) or word in _COMMON_NAMES


_WEAK = frozenset(
    [
        "=the",
        "=a",
        "=an",
        "=in",
        "=on",
        "=at",
        "=to",
        "=of",
        "=by",
        "=for",
        "=from",
        "=with",
        "=as",
        "=and",
        "=or",
        "=since",
        "=is",
        "=are",
        "=was",
        "=were",
        "=has",
        "=have",
        "=had",
        "=be",
        "=been",
        "=its",
        "=it",
        "=that",
        "=this",
        "=last",
        "=not",
        "=no",
        "=all",
        "=more",
        "=will",
        "=would",
        "=said",
        "=up",
        "=out",
        "=into",
        "=over",
        "=after",
        "=before",
        "~al",
        "=al",
        "=el",
    ]
)


def _key_weight(key: str) -> tuple[bool, bool, int]:
    """How rare a word is likely to be: a function word least, a number most (a day is
    rarer than its month), then by length."""
    return key not in _WEAK, any(c.isdigit() for c in key), len(key)


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

    def _scan(self, words, entries, keys) -> list:
        """``(start, end, phrase id)`` of every phrase occurrence, unsorted."""
        index, singles, multis = self._keys, self._singles, self._multis
        n = len(words)
        out = []
        for i in [i for i, en in enumerate(entries) if en[0] in index or en[1] in index]:
            for k in keys[i]:
                for p in singles.get(k, ()):
                    start = words[i][0]
                    out.append((start, start + entries[i][2], p))
                for pkeys, j, p in multis.get(k, ()):
                    first = i - j
                    last = first + len(pkeys) - 1
                    if (
                        first >= 0
                        and last < n
                        and all(pk in keys[first + m] for m, pk in enumerate(pkeys) if m != j)
                    ):
                        out.append((words[first][0], words[last][0] + entries[last][2], p))
        return out

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, phrase id)`` of every phrase occurrence, in text order."""
        words, entries = _entries(text)
        keys = _word_keys(text, words, entries)
        return sorted(self._scan(words, entries, keys))

    def match(self, text: str) -> list[EventMatch]:
        """Every (event, sentence) where one of the event's rules holds, in text order.

        One pass finds the phrases; only the sentences holding a rule's anchor test it."""
        hits = self.hits(text)
        if not hits:
            return []
        spans = sentence_spans(text)
        sent_starts = [s for s, _ in spans]
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
                    )
                )
        out.sort(key=lambda m: (m.start, m.event.date, m.event.id))
        return out


@functools.lru_cache(maxsize=8)
def event_matcher(events: tuple[Event, ...]) -> EventMatcher:
    """The compiled matcher of a timeline, kept for the next article."""
    return EventMatcher(events)


def match_events(text: str, events: Sequence[Event] | None = None) -> list[EventMatch]:
    """Every event that a sentence of ``text`` reports (default: the shipped timeline)."""
    timeline = base_events() if events is None else tuple(events)
    return event_matcher(timeline).match(text)
