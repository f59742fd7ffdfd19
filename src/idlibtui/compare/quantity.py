"""What a figure counts, as classes two reports can be matched on.

A figure's free-text *what* ("Turkish soldiers killed", "civilians forced to flee", "people
wounded") becomes a :class:`Quantity`: the measure kind (count, money, age, distance …), the
event (killed, wounded, displaced …), the victims (soldiers, civilians, children, people …),
the nationalities and any other words. Victims form a small hierarchy (children are civilians,
civilians and soldiers are people), so "troops wounded" and "people wounded" can meet while
"soldiers killed" and "civilians killed" never do. Counts of things (strikes, barrel bombs,
observation posts) meet only counts of the same thing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*")

# the event a figure counts; "fled" is displacement seen from the people who moved
EVENT_SYNONYMS = {
    "killed": "killed kill kills killing dead death deaths died die dies slain lives fatalities "
    "fatality toll massacred executed lost martyred martyrs perished",
    "wounded": "injured injure injuries injury wounded wounding hurt",
    "displaced": "displaced displace displacing displacement fled flee flees fleeing forced "
    "uprooted evacuated exodus",
    "detained": "detained arrested captured held abducted kidnapped",
    "neutralized": "neutralized neutralised neutralizing neutralising",
    "missing": "missing disappeared",
    "trapped": "trapped besieged stranded",
    "casualties": "casualties casualty",
    "strikes": "airstrikes airstrike strikes strike raids raid sorties sortie",
    "munitions": "bombs bomb barrel missiles missile rockets rocket shells shell mortars",
}
# who is counted; PARENT gives the hierarchy
VICTIM_SYNONYMS = {
    "soldier": "soldier soldiers troops troop servicemen serviceman personnel army conscripts "
    "officers officer security forces elements",
    "civilian": "civilians civilian residents resident inhabitants contractor contractors "
    "workers worker",
    "child": "children child kids minors boys girls youngsters infants babies baby",
    "woman": "women woman",
    "people": "people persons person individuals population men man others citizens nationals",
    "fighter": "fighters fighter militants militant rebels rebel jihadists insurgents gunmen "
    "militiamen militia",
    "refugee": "refugees refugee asylum migrants",
}
PARENT = {
    "child": "civilian",
    "woman": "civilian",
    "civilian": "people",
    "soldier": "people",
    "fighter": "people",
    "refugee": "people",
}
THING_SYNONYMS = {
    "hospital": "hospitals hospital clinics clinic facilities",
    "village": "villages village towns town hamlets",
    "vehicle": "vehicles vehicle",
    "tank": "tanks tank",
    "truck": "trucks truck",
    "convoy": "convoys convoy",
    "helicopter": "helicopters helicopter",
    "drone": "drones drone",
    "school": "schools school",
    "post": "posts post outposts",
}
NATION_SYNONYMS = {
    "turkish": "turkish turkey turks",
    "syrian": "syrian syria syrians",
    "russian": "russian russia russians",
    "iranian": "iranian iran iranians",
    "american": "american americans",
    "kurdish": "kurdish kurds",
}
# words that qualify a counted noun rather than name it
_MODIFIER_WORDS = """military government regime armed civilian local total new more further other
    also seriously lightly critically badly severely"""
_MODIFIERS = frozenset(_MODIFIER_WORDS.split())
_GOVERNMENT = re.compile(r"\b(?:government|regime|pro-government|pro-regime|loyalist|assad)\b")
_NATION_NOUNS = frozenset(["syrians", "turks", "russians", "iranians", "americans", "kurds"])
_STOP_WORDS = """
    a an the of in on at to by for and or with from as were was been have has had who which
    that this those these their its are is be being into than more least some about other
    air aerial
"""
STOP = frozenset(_STOP_WORDS.split())
# events whose counts are running totals unless the sentence names one incident
PROCESS_EVENTS = frozenset({"displaced", "trapped", "sheltered", ""})
# events of one incident (an attack) unless the sentence says "since", "so far", …
INCIDENT_EVENTS = frozenset({"killed", "wounded", "detained", "missing", "casualties"})
# measure kinds that are not counts of people: only ever set against the same kind
NON_QUANTITY_KINDS = frozenset({"age", "duration", "distance", "area", "date"})


def _invert(table: dict[str, str]) -> dict[str, str]:
    return {word: key for key, words in table.items() for word in words.split()}


_EVENT = _invert(EVENT_SYNONYMS)
_VICTIM = _invert(VICTIM_SYNONYMS)
_THING = _invert(THING_SYNONYMS)
_NATION = _invert(NATION_SYNONYMS)


def _lemma(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def ancestors(victim: str) -> tuple[str, ...]:
    """``child`` → (civilian, people): the wider groups a victim class belongs to (a class of
    its own, "teachers", belongs to people)."""
    if victim and victim not in PARENT and victim not in VICTIM_SYNONYMS:
        return ("people",)
    out = []
    while victim in PARENT:
        victim = PARENT[victim]
        out.append(victim)
    return tuple(out)


def victims_meet(a: str, b: str) -> bool:
    """Can two victim classes count the same people? Equal, or one contains the other."""
    if not a or not b or a == b:
        return True
    return a in ancestors(b) or b in ancestors(a)


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a figure counts: ``kind`` (count, money …), ``event``, ``victim``, ``nations``.

    ``event`` and ``victim`` are single classes ("" when the words give none); ``things`` are
    counted objects (posts, villages); ``other`` the words left over.
    """

    kind: str
    event: str
    victim: str
    nations: frozenset[str]
    things: frozenset[str]
    other: frozenset[str]
    projection: bool = False

    @property
    def empty(self) -> bool:
        return not (self.event or self.victim or self.nations or self.things or self.other)

    @property
    def casualty(self) -> bool:
        """Killed, wounded, displaced … : a count of people an event happened to."""
        return bool(self.event) and self.event not in ("strikes", "munitions")

    @property
    def specificity(self) -> int:
        depth = len(ancestors(self.victim)) + 1 if self.victim else 0
        return 2 * bool(self.event) + depth + len(self.nations) + len(self.things)

    @property
    def label(self) -> str:
        parts = [*sorted(self.nations), self.victim, *sorted(self.things), self.event]
        return " ".join(p for p in parts if p) or " ".join(sorted(self.other))

    def with_victim(self, victim: str, nations: frozenset[str]) -> Quantity:
        return Quantity(
            self.kind,
            self.event,
            victim,
            nations or self.nations,
            self.things,
            self.other,
            self.projection,
        )


@dataclass(slots=True)
class _Words:
    """A phrase's words by class, and each word's (class, value) in the phrase's order."""

    events: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    nations: set[str] = field(default_factory=set)
    things: set[str] = field(default_factory=set)
    other: set[str] = field(default_factory=set)
    nation_noun: bool = False  # "Syrians": a nation named as people
    order: list[tuple[str, str]] = field(default_factory=list)


def _classify(low: str) -> _Words:
    """Each word of a lower-cased phrase as a nation, event, victim, thing or other word."""
    words = _Words()
    for raw in _TOKEN.findall(low):
        if raw in STOP:
            continue
        if "-" in raw and raw not in _EVENT and raw not in _VICTIM and raw not in _THING:
            if raw.split("-")[0] in _NATION or raw.startswith(("pro-", "anti-", "air-")):
                words.other.add(raw)  # "anti-tanks", "Turkish-backed", "air-defense": modifiers
                words.order.append(("other", raw))
                continue
            raw = raw.replace("-", "")
        for word in (raw, _lemma(raw)):
            if word in _NATION:
                words.nations.add(_NATION[word])
                words.nation_noun = words.nation_noun or raw in _NATION_NOUNS
                words.order.append(("nation", word))
                break
            if word in _EVENT:
                words.events.append(_EVENT[word])
                words.order.append(("event", word))
                break
            if word in _VICTIM:
                words.victims.append(_VICTIM[word])
                words.order.append(("victim", _VICTIM[word]))
                break
            if word in _THING:
                words.things.add(_THING[word])
                words.order.append(("thing", _THING[word]))
                break
        else:
            words.other.add(_lemma(raw))
            words.order.append(("other", _lemma(raw)))
    return words


def _victims_by_head(words: _Words, low: str) -> list[str]:
    """The victims once the head noun (the last noun) has its say: "armored personnel
    carriers" are not people, "teachers killed" are a victim class of their own."""
    nouns = [(t, c) for t, c in words.order if t in ("victim", "thing", "other")]
    head = nouns[-1] if nouns else None
    if head is None or head[0] != "other" or head[1] in _MODIFIERS:
        return words.victims
    if words.victims and head[1] + "s" in low:  # a plural noun ("carriers"), not "live"
        words.other.add(head[1])
        return []  # "armored personnel carriers", "army positions": not people
    if not words.victims and words.events and not words.things:
        return [head[1]]  # "teachers killed": a victim class of its own
    return words.victims


@functools.lru_cache(maxsize=8192)
def quantity_of(what: str, kind: str = "count", projection: bool = False) -> Quantity:
    """``"Turkish soldiers killed"`` → event killed, victim soldier, nations {turkish}."""
    low = what.lower().replace("'s", "").replace("’s", "")
    words = _classify(low)
    victims = _victims_by_head(words, low)
    nations, events = words.nations, words.events
    if not nations and _GOVERNMENT.search(low):
        nations.add("syrian")  # "government troops", "regime forces": the Syrian army
    if "barrel" in low.split() or "munitions" in events:
        events = ["munitions"]  # "barrel bombs" are not strikes
    event = _pick_event(events)
    victim = _pick_victim(victims)
    if not victim and words.nation_noun:
        victim = "people"  # "Syrians": people of a nation
    if event in ("strikes", "munitions"):
        victim = ""  # "Russian airstrikes": the nation is the attacker's
    return Quantity(
        kind or "count",
        event,
        victim,
        frozenset(nations),
        frozenset(words.things),
        frozenset(words.other),
        projection,
    )


def _pick_event(events: list[str]) -> str:
    """The counted noun's own event word comes first ("others injured", then the verb)."""
    if not events:
        return ""
    for preferred in ("munitions", "strikes"):
        if preferred in events:
            return preferred
    return events[0]


def _pick_victim(victims: list[str]) -> str:
    """The most specific victim word ("civilian contractor" is a civilian)."""
    if not victims:
        return ""
    return max(victims, key=lambda v: (len(ancestors(v)), -victims.index(v)))


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Do two figures count the same kind of thing, as far as their words say?"""
    if a.kind != b.kind or a.projection != b.projection:
        return False
    if a.empty or b.empty:
        return False
    if a.kind in NON_QUANTITY_KINDS or a.kind in ("money", "percent"):
        # ages, distances, money: only the same thing in the same words
        return bool(a.other & b.other) or (a.label == b.label)
    if a.event != b.event:
        return False
    if not victims_meet(a.victim, b.victim):
        return False
    if not _overlap(a.nations, b.nations):
        return False
    if (a.things or b.things) and not (a.things & b.things):
        return False  # "10 schools hit" never counts people
    if a.event and (a.victim or b.victim or a.nations or b.nations):
        return True
    if a.victim and b.victim:
        return True
    # neither counts people: the same objects, or the same leftover words
    if a.things or b.things:
        return bool(a.things & b.things)
    if a.event:
        return bool(a.other & b.other) or not (a.other or b.other)
    return bool(a.other & b.other)


def affinity(a: Quantity, b: Quantity) -> int:
    """How closely two matching quantities agree (higher is closer)."""
    return (
        3 * (a.event == b.event and bool(a.event))
        + 2 * (a.victim == b.victim and bool(a.victim))
        + 2 * len(a.nations & b.nations)
        + 2 * len(a.things & b.things)
        + len(a.other & b.other)
    )


def matches_wanted(q: Quantity, wanted: str) -> bool:
    """Does a figure's quantity answer ``wanted`` ("people fled", "soldiers killed")?

    The wanted words are read as a quantity too: "fled" finds "displaced people" and
    "civilians forced to flee"; "people wounded" finds "troops wounded". Words it cannot
    classify must appear among the figure's own words.
    """
    w = quantity_of(wanted, q.kind, q.projection)
    if w.empty:
        return False
    if w.event and w.event != q.event:
        return False
    if w.victim and not (w.victim == q.victim or w.victim in ancestors(q.victim)):
        return False  # "people" finds soldiers and civilians; "refugees" only refugees
    if w.nations and not w.nations <= q.nations:
        return False
    if w.things and not w.things <= q.things:
        return False
    return w.other <= q.other
