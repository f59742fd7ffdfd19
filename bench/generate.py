"""Deterministic synthetic corpus: news-like reports on the war in Syria and Idlib.

``python -m bench.generate OUT_DIR --count N --seed S`` writes N articles under
``OUT_DIR/<outlet>/<year>/``: mostly ``.txt``, a small share of ``.html``. Every article draws from
its own ``random.Random`` seeded by ``(seed, index)``, so the same seed gives the same bytes and any
article can be regenerated alone. Lengths are 300–2,000 words, long-tailed; vocabulary has a long
tail of generated village and person names; outlets carry their own boilerplate; a share of
articles (``DAMAGE_SHARE``) carries the damage families of GUIDE §2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "2"
DAMAGE_SHARE = 0.15
HTML_SHARE = 0.05
MIN_WORDS = 300
MAX_WORDS = 2000

# ---------------------------------------------------------------- vocabulary

_REAL_PLACES = (
    "Idlib",
    "Aleppo",
    "Damascus",
    "Hama",
    "Homs",
    "Latakia",
    "Saraqib",
    "Maaret al-Numan",
    "Khan Sheikhoun",
    "Jisr al-Shughur",
    "Ariha",
    "Kafr Nabl",
    "Atmeh",
    "Sarmada",
    "Binnish",
    "Taftanaz",
    "Dana",
    "Harem",
    "Salqin",
    "Kafranbel",
    "Hass",
    "Maarat Misrin",
    "Afrin",
    "Azaz",
    "Jarablus",
    "al-Bab",
    "Tal Rifaat",
    "Manbij",
    "Deir ez-Zor",
    "Raqqa",
    "Qamishli",
    "Ras al-Ain",
    "Tal Abyad",
    "Kobani",
    "Eastern Ghouta",
    "Douma",
    "Daraa",
    "Bab al-Hawa",
    "Bab al-Salam",
    "Reyhanli",
    "Hatay",
    "Gaziantep",
    "Kilis",
    "Istanbul",
    "Ankara",
    "Sochi",
    "Astana",
    "Geneva",
    "Moscow",
    "Tehran",
    "Beirut",
    "Amman",
    "Hmeimim",
    "Jabal al-Zawiya",
    "al-Ghab",
    "Tell Tamer",
    "Kafr Takharim",
    "Armanaz",
    "Qah",
    "Killi",
)
_PLACE_PREFIX = (
    "Kafr",
    "Tell",
    "Ain",
    "Deir",
    "Khan",
    "Jisr",
    "Maarat",
    "Beit",
    "Tal",
    "Jabal",
    "Qasr",
    "Bir",
    "Umm",
    "Abu",
    "Mazraat",
    "Kherbet",
    "Arab",
    "Hazano",
    "Sheikh",
    "Ma'arat",
    "Kafar",
)
_PLACE_STEM = (
    "Nabuda",
    "Sijna",
    "Halab",
    "Zita",
    "Ruma",
    "Owaid",
    "Batikh",
    "Hamra",
    "Sultan",
    "Amud",
    "Takharim",
    "Lata",
    "Hout",
    "Tuma",
    "Nasr",
    "Jalla",
    "Shalakh",
    "Dibs",
    "Aruq",
    "Marand",
    "Bsaqla",
    "Sfuhun",
    "Hazarin",
    "Mughar",
    "Rafa",
    "Janudiya",
    "Bashmarun",
    "Haish",
    "Ajaz",
    "Tamanah",
    "Nayrab",
    "Qmenas",
    "Afis",
    "Salqin",
    "Jouz",
    "Basqala",
    "Mantar",
    "Kabani",
    "Zarzur",
    "Tuqad",
    "Karnaz",
    "Lahaya",
    "Rakaya",
    "Sahel",
    "Darkush",
    "Tabaliyat",
    "Barisha",
    "Qurqania",
    "Mishmishan",
    "Kansafra",
    "Rami",
    "Safuhon",
    "Mardikh",
    "Eis",
    "Tuwaim",
)
_PLACE_SUFFIX = ("", "", "", " al-Kabir", " al-Saghir", " al-Sharqi", " al-Gharbi", " al-Foqani")

_FIRST = (
    "Mohammed",
    "Ahmed",
    "Abdul Rahman",
    "Omar",
    "Khaled",
    "Mustafa",
    "Hassan",
    "Hussein",
    "Ali",
    "Yasser",
    "Mahmoud",
    "Ibrahim",
    "Youssef",
    "Abu Muhammad",
    "Abu Ahmad",
    "Fatima",
    "Amal",
    "Rania",
    "Nour",
    "Hiba",
    "Samira",
    "Layla",
    "Zeinab",
    "Bilal",
    "Tariq",
    "Walid",
    "Jamal",
    "Rami",
    "Fadi",
    "Anas",
    "Hamza",
    "Basel",
    "Majd",
    "Louay",
    "Ayham",
    "Mazen",
    "Ahmet",
    "Mehmet",
    "Mevlut",
    "Hulusi",
    "Ibrahim",
    "Sergei",
    "Vasily",
    "Dmitry",
    "Maria",
    "Geir",
    "Mark",
    "Antonio",
    "David",
    "Sarah",
    "Jan",
    "Panos",
    "Rolando",
    "Ursula",
    "Kelly",
)
_LAST = (
    "Kreimesh",
    "al-Ahmad",
    "al-Hussein",
    "Haj Kadour",
    "al-Khatib",
    "Darwish",
    "Hamoud",
    "al-Omar",
    "Sayed",
    "Halabi",
    "al-Shami",
    "Mustafa",
    "Qassem",
    "Raslan",
    "al-Saleh",
    "Abdullah",
    "Mansour",
    "Khalil",
    "Jaber",
    "Najjar",
    "Haddad",
    "Ghazal",
    "Tlass",
    "Makhlouf",
    "Zaher",
    "Idris",
    "al-Masri",
    "al-Jolani",
    "Haidar",
    "Shaaban",
    "Kaya",
    "Yilmaz",
    "Demir",
    "Celik",
    "Sahin",
    "Aydin",
    "Akar",
    "Cavusoglu",
    "Kalin",
    "Altun",
    "Lavrov",
    "Nebenzya",
    "Peskov",
    "Shoigu",
    "Zakharova",
    "Pedersen",
    "Lowcock",
    "Guterres",
    "Jeffrey",
    "Moumtzis",
    "Egeland",
    "Gomez",
    "Bachelet",
    "Craft",
    "Abdelmoula",
    "Sinirlioglu",
    "Khoshroo",
)
_ROLE = (
    "a spokesman for the White Helmets",
    "a local council official",
    "a nurse in {place}",
    "a doctor at a hospital in {place}",
    "a father of four from {place}",
    "an activist in {place}",
    "a commander with the National Liberation Front",
    "a UN spokesperson",
    "the head of the Syrian Observatory for Human Rights",
    "a resident of {place}",
    "a teacher who fled {place}",
    "a Turkish defence ministry official",
    "a Russian military spokesman",
    "an aid worker with the International Rescue Committee",
)
_OFFICIALS = (
    ("President", "Bashar al-Assad"),
    ("President", "Recep Tayyip Erdogan"),
    ("President", "Vladimir Putin"),
    ("Foreign Minister", "Sergei Lavrov"),
    ("Foreign Minister", "Mevlut Cavusoglu"),
    ("Defence Minister", "Hulusi Akar"),
    ("UN envoy", "Geir Pedersen"),
    ("UN relief chief", "Mark Lowcock"),
    ("Secretary-General", "Antonio Guterres"),
    ("Ambassador", "Vasily Nebenzya"),
    ("spokesman", "Dmitry Peskov"),
    ("envoy", "James Jeffrey"),
    ("spokesman", "Ibrahim Kalin"),
)
_ORGS = (
    "the United Nations",
    "the UN",
    "UNHCR",
    "OCHA",
    "the World Food Programme",
    "UNICEF",
    "the Syrian Observatory for Human Rights",
    "the White Helmets",
    "Syria Civil Defense",
    "Medecins Sans Frontieres",
    "the International Rescue Committee",
    "Save the Children",
    "the Union of Medical Care and Relief Organizations",
    "Human Rights Watch",
    "Amnesty International",
    "the Response Coordination Group",
    "the World Health Organization",
    "the Turkish defence ministry",
    "the Russian defence ministry",
    "SANA",
)
_GROUPS = (
    "Hayat Tahrir al-Sham",
    "HTS",
    "Hayat Tahrir al Sham",
    "the National Liberation Front",
    "the Syrian National Army",
    "the Syrian Democratic Forces",
    "Hurras al-Din",
    "the Free Syrian Army",
    "Ahrar al-Sham",
    "Jaish al-Izza",
    "the Turkistan Islamic Party",
    "Islamic State",
    "pro-government militias",
    "Iranian-backed fighters",
    "Hezbollah",
)
_COUNTED = (
    "civilians",
    "people",
    "children",
    "Turkish soldiers",
    "Syrian soldiers",
    "fighters",
    "rebels",
    "families",
    "people displaced",
    "refugees",
    "hospitals",
    "schools",
    "villages",
    "air strikes",
    "barrel bombs",
    "tents",
    "trucks of aid",
    "medical facilities",
    "women",
)
_VERB_CASUALTY = ("were killed", "were wounded", "died", "were injured", "lost their lives")
_QUALIFIER = (
    "",
    "",
    "",
    "more than ",
    "at least ",
    "up to ",
    "almost ",
    "about ",
    "an estimated ",
    "nearly ",
    "some ",
    "over ",
)
_VAGUE = (
    "dozens of",
    "hundreds of",
    "thousands of",
    "tens of thousands of",
    "hundreds of thousands of",
    "scores of",
    "a handful of",
    "two dozen",
)
_NUMWORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "fifteen",
    "twenty",
    "Three million",
    "one million",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE = (
    "last week",
    "on {weekday}",
    "since mid-{month}",
    "earlier this month",
    "late last year",
    "in recent weeks",
    "on {weekday} morning",
    "the previous day",
    "since {month} {day}",
    "over the weekend",
    "two weeks ago",
)
_TOPICS = (
    "offensive",
    "ceasefire",
    "displacement",
    "humanitarian crisis",
    "air strikes",
    "border crossing",
    "aid convoys",
    "M5 highway",
    "M4 highway",
    "observation posts",
    "camps",
    "winter",
    "hospitals",
    "refugees",
    "negotiations",
    "shelling",
    "drone strikes",
)

_SENTENCES = (
    "{Q}{n} {counted} {casualty} in {place} {rel}, according to {org}.",
    "{org_cap} said {qual}{n} {counted} had fled toward {place} {rel}.",
    "Government forces backed by Russian air power advanced on {place}, "
    "{km} kilometers ({mi} miles) from {place2}.",
    "\u201cWe have nowhere left to go,\u201d said {person}, {role}.",
    '"The situation in {place} is catastrophic," {person} told {outlet_short}.',
    "{title} {official} said on {weekday} that the {topic} would continue.",
    "{title} {official} warned that {group} must withdraw from {place} by the end of {month}.",
    "The {topic} has displaced {big} people since {month} {day}, {year}, the UN said.",
    "{vague_cap} {counted} were reported in the countryside of {place}.",
    "Aid groups said {pct}% of the camps near {place} lacked clean water.",
    "Between {lo} and {hi} {counted} {casualty} in strikes on {place} and {place2}.",
    "{group} controls much of the area around {place}, where an estimated {big} people live.",
    "Turkey, which hosts {mil} million Syrian refugees, "
    "has spent more than ${bn} billion on their care.",
    "The UN appealed for ${m} million to fund winter assistance for {place}.",
    "On {month} {day}, {year}, {Q}{n} people were killed when a market in {place} was hit.",
    "Residents of {place} said the shelling began {rel} and had not stopped since.",
    "{person}, {role}, said that {vague} families were sleeping in the open near {place}.",
    "The convoy of {n} trucks crossed at {place} on {weekday}.",
    "Russia and Turkey agreed in {place_meet} "
    "to a {n2}-kilometer buffer zone along the M4 highway.",
    "Monitors reported {n} air strikes on {place} and {place2} over {n2} days.",
    "Prices of bread in {place} rose by {pct} percent in {month}.",
    "The road between {place} and {place2} has been cut for {n2} weeks.",
    "More than {big} people now live in tents along the border with Turkey.",
    "{org_cap} estimated that {frac} of the displaced were children.",
    "A {age}-year-old boy was among the dead, {person} said.",
    "The {topic} in {place} is the worst since the war began in March 2011.",
)
_HEADINGS = (
    "Fleeing toward the border",
    "A deepening crisis",
    "Talks in {place_meet}",
    "Winter in the camps",
    "The battle for {place}",
    "Hospitals under fire",
    "What comes next",
    "Aid stalls",
    "'Breaking point'",
    "Russia's role",
    "A fragile truce",
)
_TITLES = (
    "{Q}{n} civilians killed as strikes hit {place}",
    "Thousands flee {place} as government forces advance",
    "{title} {official} calls for ceasefire in Idlib",
    "Turkey sends reinforcements to {place}",
    "UN warns of humanitarian catastrophe in northwest Syria",
    "Air strikes on {place} kill {n}, monitors say",
    "Aid convoy reaches {place} after weeks of fighting",
    "{group} fighters regroup near {place}",
    "Displaced families face winter in camps near {place}",
    "Russia and Turkey agree on {topic} in Idlib",
)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    slug: str
    short: str
    masthead: str
    dateline_style: str  # "date-line" (leading ``date YYYY-MM-DD``) or "dateline" (CITY —)
    footer: tuple[str, ...]
    caption: str
    related: str
    curly: bool


OUTLETS = (
    Outlet(
        "Al Jazeera",
        "aljazeera",
        "Al Jazeera",
        "",
        "date-line",
        ("Source: Al Jazeera and news agencies",),
        "{Caption} [{credit}/Al Jazeera]",
        "READ MORE: {headline}",
        False,
    ),
    Outlet(
        "The Washington Post",
        "washingtonpost",
        "The Post",
        "The Washington PostDemocracy Dies in Darkness",
        "dateline",
        (
            "Read more:",
            "Today's coverage from Post correspondents around the world",
            "Like Washington Post World on Facebook and stay updated on foreign news",
        ),
        "{Caption} (Video: {credit} via Storyful)",
        "{headline}",
        True,
    ),
    Outlet(
        "TRT World",
        "trtworld",
        "TRT World",
        "",
        "plain",
        ("Source: TRT World", "Follow TRT World on Twitter and Instagram"),
        "{Caption} Photo: {credit}",
        "Related: {headline}",
        True,
    ),
    Outlet(
        "AFP",
        "afp",
        "AFP",
        "",
        "date-line",
        ("© Agence France-Presse. All rights reserved.",),
        "© {credit} / AFP\n{Caption}",
        "",
        False,
    ),
    Outlet(
        "Reuters",
        "reuters",
        "Reuters",
        "",
        "dateline",
        (
            "Reporting by {person}; Editing by {person2}",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ),
        "{Caption} REUTERS/{credit}",
        "Related Coverage",
        False,
    ),
    Outlet(
        "Syria Direct",
        "syriadirect",
        "Syria Direct",
        "SYRIA DIRECT",
        "plain",
        ("Support Syria Direct: donate today", "Share this: Twitter Facebook Email"),
        "{Caption} (Syria Direct)",
        "Read also: {headline}",
        True,
    ),
    Outlet(
        "Middle East Eye",
        "middleeasteye",
        "MEE",
        "",
        "date-line",
        (
            "Middle East Eye delivers independent and unrivalled coverage.",
            "Subscribe to our newsletter",
        ),
        "{Caption} (AFP/{credit})",
        "READ MORE \u25ba {headline}",
        True,
    ),
    Outlet(
        "Anadolu Agency",
        "anadolu",
        "Anadolu Agency",
        "",
        "dateline",
        ("Anadolu Agency website contains only a portion of the news stories.",),
        "{Caption} ( {credit} - Anadolu Agency )",
        "",
        False,
    ),
)


def _build_place_pool() -> tuple[str, ...]:
    generated = [p + " " + s + x for p in _PLACE_PREFIX for s in _PLACE_STEM for x in _PLACE_SUFFIX]
    rng = random.Random(7)
    rng.shuffle(generated)
    return _REAL_PLACES + tuple(generated)


def _build_person_pool() -> tuple[str, ...]:
    names = [f + " " + la for f in _FIRST for la in _LAST]
    rng = random.Random(11)
    rng.shuffle(names)
    return tuple(names)


PLACES = _build_place_pool()  # ~9,000 names
PEOPLE = _build_person_pool()  # ~3,000 names


_SLOT_RE = re.compile(r"\{(\w+)\}")
_PARSED: dict[str, tuple[str, ...]] = {}


def _zipf_index(rng: random.Random, n: int, skew: float = 1.6) -> int:
    """An index in [0, n) skewed toward 0: a few names are frequent, most are rare."""
    return min(n - 1, int(n * rng.random() ** (skew * 2.5)))


# ---------------------------------------------------------------- one article


@dataclass(frozen=True, slots=True)
class Generated:
    index: int
    relpath: str
    outlet: str
    date: dt.date
    title: str
    text: str  # the file's content (with boilerplate and damage)
    damaged: tuple[str, ...]
    words: int  # body words before boilerplate


class _Ctx:
    """Slot values for one article; ``fill`` formats a template with fresh random choices."""

    __slots__ = ("date", "last_km", "main_place", "outlet", "rng")

    def __init__(self, rng: random.Random, outlet: Outlet, date: dt.date) -> None:
        self.rng = rng
        self.outlet = outlet
        self.date = date
        self.last_km = 10
        self.main_place = self.place()

    def place(self) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            return _REAL_PLACES[_zipf_index(rng, len(_REAL_PLACES))]
        return PLACES[_zipf_index(rng, len(PLACES), 1.0)]

    def person(self) -> str:
        return PEOPLE[_zipf_index(self.rng, len(PEOPLE), 1.0)]

    def fill(self, template: str) -> str:
        parts = _PARSED.get(template)
        if parts is None:
            parts = _PARSED[template] = tuple(_SLOT_RE.split(template))
        if len(parts) == 1:
            return template
        rng = self.rng
        r = rng.random
        slot = self._slot
        out = list(parts)
        for k in range(1, len(parts), 2):
            out[k] = slot(parts[k], rng, r)
        return "".join(out)

    def _slot(self, key: str, rng: random.Random, r) -> str:
        f = _SLOTS.get(key)
        return f(self, rng, r) if f is not None else key

    def sentence(self) -> str:
        t = self.rng.choice(_SENTENCES)
        if "{title}" in t:
            title, official = self.rng.choice(_OFFICIALS)
            t = t.replace("{title}", title).replace("{official}", official)
        s = self.fill(t)
        return s[0].upper() + s[1:] if s[0].islower() else s

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def title(self) -> str:
        t = self.rng.choice(_TITLES)
        if "{title}" in t:
            title, official = self.rng.choice(_OFFICIALS)
            t = t.replace("{title}", title).replace("{official}", official)
        s = self.fill(t)
        return s[0].upper() + s[1:]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:] if s else s


def _num(c: _Ctx, rng: random.Random, r) -> str:
    x = r()
    if x < 0.25:
        return _NUMWORDS[int(r() * 12)]
    if x < 0.8:
        return str(int(3 + 400 * r() ** 2))
    return f"{int(1000 + 60000 * r() ** 2):,}"


def _big(c: _Ctx, rng: random.Random, r) -> str:
    x = r()
    if x < 0.4:
        return f"{rng.randint(10, 950) * 1000:,}"
    if x < 0.7:
        return f"{rng.randint(11, 42) / 10:.1f} million"
    return rng.choice(("hundreds of thousands of", "nearly a million", "3 million"))


def _km(c: _Ctx, rng: random.Random, r) -> str:
    c.last_km = 2 + int(r() * 39)
    return str(c.last_km)


def _pick(seq: tuple[str, ...]):
    n = len(seq)
    return lambda c, rng, r: seq[int(r() * n)]


_SLOTS = {
    "place": lambda c, rng, r: c.main_place if r() < 0.35 else c.place(),
    "place2": lambda c, rng, r: c.place(),
    "place_meet": _pick(("Sochi", "Astana", "Geneva", "Moscow", "Ankara", "Tehran")),
    "person": lambda c, rng, r: c.person(),
    "person2": lambda c, rng, r: c.person(),
    "role": lambda c, rng, r: c.fill(_ROLE[int(r() * len(_ROLE))]),
    "org": _pick(_ORGS),
    "org_cap": lambda c, rng, r: _cap(_ORGS[int(r() * len(_ORGS))]),
    "group": _pick(_GROUPS),
    "counted": _pick(_COUNTED),
    "casualty": _pick(_VERB_CASUALTY),
    "Q": lambda c, rng, r: _cap(_QUALIFIER[int(r() * len(_QUALIFIER))]),
    "qual": _pick(_QUALIFIER),
    "n": _num,
    "n2": lambda c, rng, r: str(2 + int(r() * 29)),
    "lo": lambda c, rng, r: str(10 + int(r() * 50)),
    "hi": lambda c, rng, r: str(80 + int(r() * 120)),
    "big": _big,
    "mil": lambda c, rng, r: f"{3 + int(r() * 10) / 10:.1f}",
    "bn": lambda c, rng, r: str(20 + int(r() * 26)),
    "m": lambda c, rng, r: str(5 + int(r() * 895)),
    "pct": lambda c, rng, r: str(3 + int(r() * 93)),
    "frac": _pick(("half", "a third", "two-thirds", "a quarter", "70 percent")),
    "age": lambda c, rng, r: str(2 + int(r() * 79)),
    "km": _km,
    "mi": lambda c, rng, r: str(max(1, round(c.last_km * 0.62))),
    "vague": _pick(_VAGUE),
    "vague_cap": lambda c, rng, r: _cap(_VAGUE[int(r() * len(_VAGUE))]),
    "rel": lambda c, rng, r: c.fill(_RELATIVE[int(r() * len(_RELATIVE))]),
    "weekday": _pick(_WEEKDAYS),
    "month": _pick(_MONTHS),
    "day": lambda c, rng, r: str(1 + int(r() * 28)),
    "year": lambda c, rng, r: str(c.date.year - (1 if r() < 0.2 else 0)),
    "topic": _pick(_TOPICS),
    "outlet_short": lambda c, rng, r: c.outlet.short,
}


def _word_target(rng: random.Random) -> int:
    # log-normal, median ~620 words, clipped: most articles short, a long tail up to 2,000
    w = int(math.exp(rng.gauss(math.log(620), 0.5)))
    return max(MIN_WORDS, min(MAX_WORDS, w))


def _date(rng: random.Random) -> dt.date:
    # concentrated on the 2018–2020 Idlib offensives, with a tail back to 2012 and up to 2021
    if rng.random() < 0.75:
        start, span = dt.date(2018, 1, 1), 3 * 365
    else:
        start, span = dt.date(2012, 1, 1), 10 * 365
    return start + dt.timedelta(days=rng.randrange(span))


def body_paragraphs(
    rng: random.Random, ctx: _Ctx, words: int, hard_max: int | None = None
) -> tuple[list[str], int]:
    """Paragraphs (with the odd subheading) until ``words`` words are reached."""
    hard_max = hard_max if hard_max is not None else max(words, MAX_WORDS)
    paras: list[str] = []
    count = 0
    while count < words:
        if paras and rng.random() < 0.07:
            paras.append(ctx.fill(rng.choice(_HEADINGS)))
            continue
        p = ctx.paragraph()
        pw = p.count(" ") + 1
        if count + pw > hard_max and count >= MIN_WORDS:
            break
        paras.append(p)
        count += pw
    return paras, count


# ---------------------------------------------------------------- damage families

_DAMAGES = ("entities", "mojibake", "controls", "spaces", "html", "initials")


def _damage_entities(rng: random.Random, text: str) -> str:
    forms_apos = ("& # 39;", "&#39;", "&amp;#39;", "&#39")
    forms_quot = (",quot;", "&amp;quot;", "&quot;", "& quot;")
    out = []
    for ch in text:
        if ch == "'" and rng.random() < 0.7:
            out.append(rng.choice(forms_apos))
        elif ch == '"' and rng.random() < 0.7:
            out.append(rng.choice(forms_quot))
        else:
            out.append(ch)
    s = "".join(out)
    return s.replace(" and ", " &amp; ", 1) if rng.random() < 0.5 else s


def _mojibake(s: str) -> str:
    return s.encode("utf-8").decode("cp1252", errors="replace")


def _damage_mojibake(rng: random.Random, paras: list[str]) -> None:
    names = ("Erdoğan", "Maʿarrat al-Nuʿmān", "Çavuşoğlu", "Saraqib’s", "Médecins Sans Frontières")
    for i in range(len(paras)):
        if rng.random() < 0.5:
            p = paras[i]
            if rng.random() < 0.5:
                p = p + f" “{rng.choice(names)} — {rng.choice(names)}”."
            paras[i] = _mojibake(p)


def _damage_controls(rng: random.Random, paras: list[str]) -> None:
    junk = (
        "\x1b[31m",
        "\x1b[0m",
        "\x1b]0;pwned\x07",
        "\x07",
        "\x7f",
        "\x0b",
        "\u202e",
        "\u200b",
        "\x9b2J",
        "\x1bP+q\x1b\\",
    )
    for _ in range(rng.randint(2, 6)):
        i = rng.randrange(len(paras))
        p = paras[i]
        k = rng.randrange(len(p) + 1)
        paras[i] = p[:k] + rng.choice(junk) + p[k:]


def _damage_spaces(rng: random.Random, paras: list[str]) -> None:
    for i in range(len(paras)):
        p = paras[i]
        if rng.random() < 0.4:
            p = p.replace(" million", "\u00a0million").replace(" kilometers", "\u2009kilometers")
        if rng.random() < 0.3:
            k = p.find("tion")
            if k > 0:
                p = p[:k] + "\u00ad" + p[k:]
        paras[i] = p.replace(". ", ".\u00a0 ", 1) if rng.random() < 0.2 else p


def _damage_html(rng: random.Random, paras: list[str]) -> None:
    i = rng.randrange(len(paras))
    paras[i] = "<p>" + paras[i] + "</p><br>"
    paras.insert(rng.randrange(len(paras) + 1), "<!-- ad slot: mpu-2 -->")
    if rng.random() < 0.5:
        paras.insert(
            rng.randrange(len(paras) + 1),
            '<script type="text/javascript">window.dataLayer = window.dataLayer || [];</script>',
        )
    j = rng.randrange(len(paras))
    paras[j] = paras[j].replace(" said", " <b>said</b>", 1) + " Turnout was <40% in the camps."


def _damage_initials(rng: random.Random, paras: list[str]) -> None:
    for i in range(len(paras)):
        p = paras[i]
        if rng.random() < 0.3 and p[:1].isupper() and p[1:2].islower():
            paras[i] = p[0].lower() + p
        elif rng.random() < 0.2:
            paras[i] = p.replace(" according", " aAccording", 1)
    k = rng.randrange(len(paras))
    paras[k] = paras[k] + " he said. additional."


# ---------------------------------------------------------------- assembly


def _boilerplate_caption(rng: random.Random, ctx: _Ctx, outlet: Outlet) -> str:
    caption = ctx.fill(
        rng.choice(
            (
                "Residents of {place} flee toward the Syrian-Turkish border on {month} {day}",
                "A man walks past a destroyed building in {place}",
                "Displaced Syrians at a camp near {place}",
                "Smoke rises after an air strike on {place}",
            )
        )
    )
    credit = ctx.person()
    return outlet.caption.replace("{Caption}", caption).replace("{credit}", credit)


def generate_article(index: int, seed: int = 0, words: int | None = None) -> Generated:
    """The ``index``-th article of the corpus for ``seed``; ``words`` forces the body length."""
    rng = random.Random(f"{seed}:{index}")
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    date = _date(rng)
    ctx = _Ctx(rng, outlet, date)
    title = ctx.title()
    target = words if words is not None else _word_target(rng)
    paras, count = body_paragraphs(rng, ctx, target, None if words else MAX_WORDS)
    if outlet.curly:
        paras = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in paras]
        paras = [p.replace("'s ", "\u2019s ") for p in paras]

    paras, damaged = _damaged(rng, paras)
    lines = _page_lines(rng, ctx, outlet, title, paras)
    if outlet.dateline_style == "date-line":
        lines[0] = f" date {date.isoformat()} {lines[0]}"
    text = "\n\n".join(lines) + "\n"

    is_html = rng.random() < HTML_SHARE
    digest = hashlib.sha1(f"{seed}:{index}".encode()).hexdigest()[:12]
    ext = "html" if is_html else "txt"
    relpath = f"{outlet.slug}/{date.year}/{index:06d}_{digest}.{ext}"
    if is_html:
        text = _as_html(title, lines)
    return Generated(index, relpath, outlet.name, date, title, text, tuple(damaged), count)


def _damaged(rng: random.Random, paras: list[str]) -> tuple[list[str], list[str]]:
    """A share of the articles get one to three kinds of damage: the paragraphs after it and
    the kinds (sorted)."""
    if rng.random() >= DAMAGE_SHARE:
        return paras, []
    kinds = rng.sample(_DAMAGES, rng.randint(1, 3))
    for kind in kinds:
        if kind == "entities":
            paras = [_damage_entities(rng, p) for p in paras]
        elif kind == "mojibake":
            _damage_mojibake(rng, paras)
        elif kind == "controls":
            _damage_controls(rng, paras)
        elif kind == "spaces":
            _damage_spaces(rng, paras)
        elif kind == "html":
            _damage_html(rng, paras)
        elif kind == "initials":
            _damage_initials(rng, paras)
    return paras, sorted(kinds)


def _page_lines(
    rng: random.Random, ctx: _Ctx, outlet: Outlet, title: str, paras: list[str]
) -> list[str]:
    """The outlet's boilerplate around the body: masthead, dateline, caption, a related
    headline inside the body, footers."""
    lines: list[str] = []
    if outlet.masthead:
        lines.append(outlet.masthead)
    if outlet.dateline_style == "dateline" and paras:
        city = rng.choice(("ISTANBUL", "BEIRUT", "AMMAN", "IDLIB", "GAZIANTEP", "DAMASCUS"))
        paras[0] = f"{city} \u2014 {paras[0]}"
    lines.append(title)
    if rng.random() < 0.6:
        lines.append(_boilerplate_caption(rng, ctx, outlet))
    related_at = rng.randrange(2, max(3, len(paras))) if outlet.related and len(paras) > 3 else -1
    for k, p in enumerate(paras):
        if k == related_at:
            lines.append(outlet.related.replace("{headline}", ctx.title()))
        lines.append(p)
    for f in outlet.footer:
        lines.append(f.replace("{person}", ctx.person()).replace("{person2}", ctx.person()))
    return lines


def _html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _as_html(title: str, lines: list[str]) -> str:
    body = "\n".join(f"<p>{_html_escape(line)}</p>" for line in lines[1:])
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{_html_escape(title)}</title>\n"
        "<script>var analytics = {id: 42};</script><style>p{margin:0}</style></head>\n"
        f"<body><h1>{_html_escape(title)}</h1>\n{body}\n"
        "<footer>Share on Twitter | Facebook</footer></body></html>\n"
    )


def iter_articles(count: int, seed: int = 0, start: int = 0) -> Iterator[Generated]:
    for i in range(start, start + count):
        yield generate_article(i, seed)


def long_article_text(words: int = 5000, seed: int = 0) -> str:
    """A clean article body of about ``words`` words (title + paragraphs), for annotate/compare."""
    rng = random.Random(f"long:{seed}")
    outlet = OUTLETS[seed % len(OUTLETS)]
    ctx = _Ctx(rng, outlet, dt.date(2020, 2, 10))
    paras, _ = body_paragraphs(rng, ctx, words)
    return "\n\n".join([ctx.title(), *paras])


def _write_range(args: tuple[str, int, int, int]) -> list[Generated]:
    out, seed, start, stop = args
    made_dirs: set[str] = set()
    result = []
    for i in range(start, stop):
        g = generate_article(i, seed)
        path = os.path.join(out, g.relpath)
        parent = os.path.dirname(path)
        if parent not in made_dirs:
            os.makedirs(parent, exist_ok=True)
            made_dirs.add(parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, g.text.encode("utf-8"))
        finally:
            os.close(fd)
        result.append(g)
    return result


def write_corpus(out: Path, count: int, seed: int = 0, procs: int | None = None) -> list[Generated]:
    """Write ``count`` articles under ``out``; returns their descriptions (text included).

    Articles are independent, so large corpora are written by several processes; the bytes are
    the same whatever ``procs`` is.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if procs is None:
        procs = min(os.cpu_count() or 1, 4) if count >= 4000 else 1
    if procs <= 1:
        return _write_range((str(out), seed, 0, count))
    import multiprocessing as mp

    step = 1000
    chunks = [(str(out), seed, s, min(count, s + step)) for s in range(0, count, step)]
    with mp.get_context("spawn").Pool(procs) as pool:
        parts = pool.map(_write_range, chunks)
    return [g for part in parts for g in part]


def mutate_corpus(root: Path, fraction: float = 0.01, seed: int = 0) -> list[Path]:
    """Change ``fraction`` of the files under ``root``: append a paragraph or change a number.

    Deterministic for a given file list and seed. Returns the changed paths.
    """
    files = sorted(p for p in Path(root).rglob("*") if p.suffix in (".txt", ".html"))
    rng = random.Random(f"mutate:{seed}")
    n = max(1, round(len(files) * fraction))
    chosen = rng.sample(files, min(n, len(files)))
    for k, path in enumerate(chosen):
        text = path.read_text(encoding="utf-8")
        if k % 2 == 0:
            ctx = _Ctx(rng, OUTLETS[0], dt.date(2020, 1, 1))
            extra = ctx.paragraph()
            if path.suffix == ".html":
                text = text.replace("</body>", f"<p>{_html_escape(extra)}</p></body>", 1)
            else:
                text = text.rstrip("\n") + "\n\n" + extra + "\n"
        else:
            digits = [i for i, c in enumerate(text) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                text = text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :]
            else:
                text += "\n\nAt least 17 people were killed.\n"
        path.write_text(text, encoding="utf-8", newline="")
        # make sure mtime moves even on coarse filesystems
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    made = write_corpus(args.out, args.count, args.seed)
    secs = time.perf_counter() - t0
    words = sum(g.words for g in made)
    sys.stderr.write(
        f"wrote {len(made)} articles ({words:,} words) to {args.out} in {secs:.2f} s "
        f"({len(made) / max(secs, 1e-9):,.0f} articles/s)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
