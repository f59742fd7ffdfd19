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

This module reads and checks the timeline; :mod:`idlibtui.annotate.events_match` matches it
against a text (with the folded words of :mod:`idlibtui.annotate.events_words`).

Use: ``events_match.match_events(text)`` against the shipped timeline, or
``match_events(text, events)`` with ``load_events(extra_toml_text)`` /
``merge_events(base_events(), events_from_dicts(tables))`` for the user's ``[[event]]``
tables; ``EventMatch.event.describe()`` is the evidence text.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from idlibtui.annotate.date_words import MONTH_NAMES
from idlibtui.annotate.events_words import phrase_keys
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
    undated: bool = False  # held by the rule but for its groups of dates (see match_events)


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


def _figures(raw: object, fail) -> list[Figure]:
    """An event's ``figures``: a list of ``{ what, who, value }`` tables, checked."""
    if not isinstance(raw, list):
        raise fail("figures must be a list of { what, who, value } tables")
    figures = []
    for f in raw:
        value = f.get("value") if isinstance(f, Mapping) else None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise fail("every figure needs what, who and a number value")
        what, who = f.get("what", ""), f.get("who", "")
        if not (isinstance(what, str) and what and isinstance(who, str) and who):
            raise fail("every figure needs what, who and a number value")
        figures.append(Figure(what, who, value))
    return figures


def _rules(item: Mapping, fail, date: dt.date, end: dt.date | None, sets) -> list[Rule]:
    """An event's ``match`` rule and ``match_any`` rules, checked: at least one."""
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
    return rules


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
    figures = _figures(item.get("figures", []), fail)
    rules = _rules(item, fail, date, end, sets)
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


def _shipped_text(name: str = "events.toml") -> str:
    return resources.files("idlibtui.annotate").joinpath(name).read_text("utf-8")


def _shipped_names() -> list[str]:
    """The shipped timeline's files: ``events.toml`` (whose ``[phrases]`` every file shares),
    then every other ``events*.toml`` beside it (``events_war.toml``…), by name."""
    names = [
        f.name
        for f in resources.files("idlibtui.annotate").iterdir()
        if f.name.startswith("events") and f.name.endswith(".toml") and f.name != "events.toml"
    ]
    return ["events.toml", *sorted(names)]


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
    """The shipped timeline (every shipped ``events*.toml``), read and checked once per
    process; an id is used once across the files."""
    events: list[Event] = []
    for name in _shipped_names():
        events.extend(events_from_toml(_shipped_text(name), name, user=False))
    seen: set[str] = set()
    for e in events:
        if e.id in seen:
            raise EventsError(f"shipped events: event {e.id!r}: the id is used twice")
        seen.add(e.id)
    return tuple(events)


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
