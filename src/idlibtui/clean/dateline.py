"""Datelines: the place (and often the day and the agency) that opens a news report's body.

Wires and the sites that carry them open the first paragraph with a dateline in many forms::

    BEIRUT —                        BEIRUT, LEBANON (10:10 A.M.) –    AMMAN/ISTANBUL (Reuters) -
    DAMASCUS, Jan. 29 (Xinhua) --   MOSCOW, February 28. /TASS/.     Idlib, Feb 28 (SANA)-
    Beirut (AFP) -                  Maaret al Numan, Syria:
    STEPANAKERT, FEBRUARY 28, ARTSAKHPRESS:

``match_dateline(line)`` says whether ``line`` opens with one and what it holds; the cleaner
removes it from the body, keeps the place as the article's dateline, the day as a date claim
and the tag as the agency. A dateline never becomes a title or a figure.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from idlibtui.annotate.date_words import FOREIGN_MONTHS, MONTHS

_MONTH_NUMBERS = {name[:3]: number for name, number in MONTHS.items()}
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# capitals of the Latin alphabets of the corpora's languages ("İSTANBUL", "ŞANLIURFA", "ŁÓDŹ")
_UPPER = "A-ZÀ-ÖØ-ÞŞĞİŁŃŚŹŻĆĘĄŐŰČŠŽŘĎŤŇА-ЯЁ"
_LOWER = "a-zß-öø-ÿşğıłńśźżćęąőűčšžřďťňа-яё"
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}'’.\-]+"  # (Latin and Cyrillic: "МОСКВА, 23 янв —")
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ \-]{_CAPS_WORD}){{0,3}}"
_PARTICLE = r"(?:al|el|an|ad|as|ash|ar|at|az|de|del|la|le|of)"
_TITLE_WORD = rf"[{_UPPER}][{_LOWER}'’\-]+"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ \-](?:{_PARTICLE}[ \-])?{_TITLE_WORD}){{0,3}}"
_REGION = r"[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# another language's month, day first: "Beyrouth, 28 février 2020 (AFP) -"
_FOREIGN_MONTH = (
    "(?i:" + "|".join(sorted(map(re.escape, FOREIGN_MONTHS), key=len, reverse=True)) + r")\.?"
)
_WHEN = (
    rf"(?P<when>{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?|{_DAY}\s+{_MONTH}|{_DAY}\.?\s+{_FOREIGN_MONTH}(?!\w))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"(?:,?\s+\d{1,2}[:.]\d\d(?!\d))?"  # a clock after the day ("Анкара, 4 марта 2020, 16:10 —")
)
_TIME = r"\(\s*\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?\s*\)"
_TAG = r",?\s*\((?P<tag>[A-Za-z][\w .,&/'’-]{0,60}?)\)"
_SEP = r"\s*(?:[—–]+|--|\.?-|_|:|\||•)\s*"  # ("Beirut.- Miles de civiles …")

_PATTERN = re.compile(
    rf"""^(?P<place>(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:\s*/\s*(?:{_CAPS_PLACE}|{_TITLE_PLACE}))*)
    (?:,\s+(?P<region>{_REGION}))??
    (?:,?\s+{_WHEN})?
    (?:\s*{_TIME})?
    (?:
        \s*{_TAG}(?:\s*{_TIME})?(?:{_SEP}|\s+(?=[A-Z"“]))
      | \.?\s*/(?P<slashtag>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё-]{{1,15}})/\.?\s*
      | -(?P<dashtag>[A-Z]{{2,12}})\s*/\s*
      | ,\s+(?P<trailtag>[A-Z]{{2,20}}){_SEP}
      | ,?{_SEP}
      | (?P<dotsep>\.)\s+(?=[A-ZА-ЯЁ"“])
    )(?=\S)""",
    re.VERBOSE,
)
# "Alwaght- The Syrian army …", "VOICEPRESS reports -": an outlet's name as the dateline.
_OUTLET_LEAD = re.compile(
    r"^(?P<name>[A-Z][\w.'’&]*(?:\s[A-Z][\w.'’&]*){0,3})(?:\s+reports)?\s*(?:[—–]+|-|:|\|)\s*(?=\S)"
)

_NOT_PLACES = frozenset(
    [
        "NATO",
        "UN",
        "EU",
        "US",
        "USA",
        "UK",
        "HTS",
        "SDF",
        "YPG",
        "PKK",
        "ISIS",
        "ISIL",
        "IS",
        "WHO",
        "UNHCR",
        "UNICEF",
        "OCHA",
        "WFP",
        "IRC",
        "MSF",
        "AFP",
        "AP",
        "BBC",
        "CNN",
        "NGO",
        "NGOS",
        "FSA",
        "SNA",
        "SAA",
        "IDP",
        "IDPS",
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "WATCH",
        "VIDEO",
        "PHOTOS",
        "PHOTO",
        "LIVE",
        "EDITORIAL",
        "COMMENT",
        "INTERVIEW",
        "REPORT",
        "NOTE",
        "CORRECTION",
    ]
)
_NOT_TITLE_PLACES = frozenset(
    [
        "update",
        "updated",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "watch",
        "video",
        "photos",
        "photo",
        "live",
        "editorial",
        "comment",
        "interview",
        "report",
        "note",
        "correction",
        "source",
        "sources",
        "read",
        "related",
        "warning",
        "summary",
        "background",
        "context",
        "explainer",
        "timeline",
        "also",
        "why",
        "what",
        "how",
        "who",
        "when",
        "where",
        "here",
        "there",
        "this",
        "that",
        "the",
        "it",
        "they",
        "he",
        "she",
        "we",
        "our",
        "his",
        "her",
        "their",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "meanwhile",
        "however",
    ]
)
#: Country names that may follow a title-case place ("Maaret al Numan, Syria:").
_COUNTRIES = frozenset(
    [
        "syria",
        "lebanon",
        "turkey",
        "iraq",
        "jordan",
        "iran",
        "israel",
        "russia",
        "egypt",
        "qatar",
        "ukraine",
        "armenia",
        "azerbaijan",
        "palestine",
        "yemen",
        "libya",
    ]
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline holds; ``end`` is where the body text begins in the line."""

    end: int
    place: str
    tag: str = ""
    day: dt.date | None = None  # month and day; year_known says whether the line gave a year
    year_known: bool = False
    when_text: str = ""


def _month_day(when: str, year: str | None) -> tuple[dt.date | None, bool]:
    parts = when.replace(".", " ").replace(",", " ").split()
    month = day = None
    for part in parts:
        low = part.lower()
        digits = re.match(r"\d+", low)
        if digits:
            day = int(digits.group(0))
        elif low in FOREIGN_MONTHS:
            month = FOREIGN_MONTHS[low]
        elif low[:3] in _MONTH_NUMBERS:
            month = _MONTH_NUMBERS[low[:3]]
    if month is None or day is None:
        return None, False
    try:
        return dt.date(int(year) if year else 2000, month, day), bool(year)
    except ValueError:
        return None, False


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[tuple[str, ...]]:
    """Folded names of the gazetteer's places, for title-case datelines without a tag."""
    from idlibtui.annotate.entities import base_gazetteer

    g = base_gazetteer()
    return frozenset(
        keys
        for bucket in g.by_first.values()
        for keys, entity, _ in bucket
        if entity.type == "PLACE"
    )


def is_known_place(name: str) -> bool:
    """Whether ``name`` is a place the gazetteer knows."""
    return _is_known_place(name)


def _is_known_place(name: str) -> bool:
    from idlibtui.annotate.entities import fold_name

    return fold_name(name) in _known_places()


_AGENCY_SENTENCE = re.compile(r"(?P<t>[^\W\d][\w-]*(?:\s[^\W\d][\w-]*){0,2})\.\s+(?=\S)")


# a wire's name in Latin capitals before a body in another script ("… 16:10 — REGNUM Режим …")
_AGENCY_OTHER_SCRIPT = re.compile(r"(?P<t>[A-Z][A-Z-]{1,14})\s+(?=[А-ЯЁа-яё\u0621-\u064a])")


def _agency_after_dash(line: str, end: int) -> tuple[int, str]:
    """A known wire named after the dateline's dash, as its own sentence ("МОСКВА, 23 янв —
    РИА Новости. Правительственные …"), or a name in Latin capitals before a body in another
    script ("— REGNUM Режим …"): where the body begins, and the tag."""
    from idlibtui.clean.outlets import lookup

    m = _AGENCY_SENTENCE.match(line, end)
    if m is not None and lookup(m.group("t")) is not None:
        return m.end(), m.group("t")
    m = _AGENCY_OTHER_SCRIPT.match(line, end)
    if m is not None:
        return m.end(), m.group("t")
    return end, ""


def _region_and_tag(m: re.Match[str], tag: str) -> tuple[str, str]:
    """A trailing country is the dateline's region, no agency ("ALEPPO, SYRIA - …")."""
    region = (m.group("region") or "").strip()
    if m.group("trailtag") and m.group("trailtag").lower() in _COUNTRIES and not region:
        return m.group("trailtag"), ""
    return region, tag


def _hyphenated(line: str, end: int) -> bool:
    """Whether a bare hyphen at ``end`` joins two capitalised words ("AL-QAIDA-LINKED
    rebels"): a hyphenated word, no dateline's separator."""
    return bool(re.match(r"-[A-Z]{2,}\b", line[end - 1 : end + 12])) and line[end - 2] != " "


#: Wires as Arabic pages name them after a dateline's place ("دمشق - سانا", "إدلب – الأناضول").
_ARABIC_AGENCIES = {
    "سانا": "SANA", "الأناضول": "Anadolu", "الاناضول": "Anadolu", "رويترز": "Reuters",
    "فرانس برس": "AFP", "أ ف ب": "AFP", "ا ف ب": "AFP", "د ب أ": "dpa", "سبوتنيك": "Sputnik",
    "هاوار": "ANHA", "شينخوا": "Xinhua", "إرنا": "IRNA", "ارنا": "IRNA", "أسوشيتد برس": "AP",
    "الأسوشيتد برس": "AP", "قنا": "QNA", "واس": "SPA", "وام": "WAM",
}  # fmt: skip
_ARABIC_TAG = "|".join(sorted(map(re.escape, _ARABIC_AGENCIES), key=len, reverse=True))
_ARABIC_DATELINE = re.compile(
    r"^(?P<place>[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?)\s*"
    rf"(?:[-–—]\s*\(?(?P<tag>{_ARABIC_TAG})\)?(?![\u0621-\u064a])\s*[-–—:]?"
    rf"|\((?P<ptag>{_ARABIC_TAG})\)\s*[-–—:])\s*(?=\S)"
)
#: A regional Russian wire's dateline in parentheses: "(Казань, 5 марта, «Татар-информ»)."
_PAREN_DATELINE = re.compile(
    rf"^\((?P<place>{_TITLE_PLACE}),\s+{_WHEN},\s+«(?P<tag>[^»()]{{2,40}})»\)\.?\s*(?=\S)"
)


def _other_scripts(line: str, min_rest: int) -> Dateline | None:
    """A dateline of the forms Arabic and Russian regional pages use (see the patterns)."""
    m = _ARABIC_DATELINE.match(line) or _PAREN_DATELINE.match(line)
    if m is None or len(line) - m.end() < min_rest:
        return None
    if m.re is _ARABIC_DATELINE and not _is_known_place(m.group("place")):
        return None  # ("قال مصدر - سانا": "a source said", no place)
    found = m.group("tag") or m.groupdict().get("ptag") or ""
    tag = _ARABIC_AGENCIES.get(found, found)
    when = m.groupdict().get("when")
    day, year_known = _month_day(when, m.group("year")) if when else (None, False)
    return Dateline(end=m.end(), place=m.group("place"), tag=tag, day=day,
                    year_known=year_known, when_text=when or "")  # fmt: skip


def match_dateline(line: str, *, min_rest: int = 40) -> Dateline | None:
    """The dateline that opens ``line``, or None. At least ``min_rest`` characters of body
    must follow, so a short headline such as "BEIRUT: A CITY IN RUINS" is not one."""
    if line[:1] == "(" or "\u0621" <= line[:1] <= "\u064a":
        found = _other_scripts(line, min_rest)
        if found is not None:
            return found
    return _wire_dateline(line, min_rest)


def _wire_dateline(line: str, min_rest: int) -> Dateline | None:
    """The dateline of the wires' forms (see the module's docstring) that opens ``line``."""
    m = _PATTERN.match(line)
    # ("Place, 16 January. The army …" needs its day: "Damascus. The …" is prose)
    if (
        m is None
        or len(line) - m.end() < min_rest
        or _hyphenated(line, m.end())
        or (m.group("dotsep") and not m.group("when"))
    ):
        return None
    place = m.group("place").strip()
    tag = m.group("tag") or m.group("slashtag") or m.group("trailtag") or m.group("dashtag")
    tag = (tag or "").strip()
    caps = place.replace("/", " ").replace("-", " ").split()
    all_caps = all(w.isupper() for w in caps)
    if sum(ch.isalpha() for ch in place) < 3:
        return None
    first = place.split("/")[0].strip()
    if all_caps:
        if first.upper() in _NOT_PLACES and not tag:
            return None
        if len(caps) == 1 and len(first) <= 3 and not tag and not m.group("when"):
            return None  # "UN - …", "ISIS: …"
    else:
        if first.split()[0].lower() in _NOT_TITLE_PLACES:
            return None
        region = (m.group("region") or "").strip()
        if m.group("trailtag") and len(m.group("trailtag")) < 3 and not m.group("when"):
            return None  # "Damascus, EU: …" is prose
        if not tag and not m.group("when"):
            # a title-case place needs a known place name or a country after it
            if not (region.lower() in _COUNTRIES or _is_known_place(first)):
                return None
            if not region and first.lower() in _COUNTRIES:
                return None  # "Turkey: …" opens prose or a summary, not a dateline
            if m.group(0).rstrip()[-1:] not in ":—–-|":
                return None
    if tag and tag.lower() in ("photo", "video", "file", "updated", "update"):
        return None
    region, tag = _region_and_tag(m, tag)
    end = m.end()
    if not tag and m.group(0).rstrip()[-1:] in "—–-":
        end, tag = _agency_after_dash(line, end)  # "МОСКВА, 23 янв — РИА Новости. …"
    day, year_known = (None, False)
    if m.group("when"):
        day, year_known = _month_day(m.group("when"), m.group("year"))
    shown = place if not region else f"{place}, {region}"
    return Dateline(
        end=end,
        place=shown,
        tag=tag,
        day=day,
        year_known=year_known,
        when_text=(m.group("when") or "") + (f", {m.group('year')}" if m.group("year") else ""),
    )


def match_outlet_lead(line: str, lookup) -> tuple[int, str] | None:
    """``(end, outlet name)`` when ``line`` opens with a known outlet's name used as a dateline
    ("Alwaght- The army …"); ``lookup`` maps a name to an outlet (``outlets.lookup``)."""
    m = _OUTLET_LEAD.match(line)
    if m is None or len(line) - m.end() < 40:
        return None
    found = lookup(m.group("name"))
    if found is None:
        return None
    return m.end(), found.name


#: Known places that are regions or sections of a site, never a dateline on a line of their own.
_NOT_DATELINE_PLACES = frozenset(
    ["middle east", "europe", "asia", "africa", "americas", "world", "gulf", "levant", "north",
     "south", "east", "west", "region"]
)  # fmt: skip
_PLACE_AGENCY_LINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})\s*(?:[—–]+|-|,)\s*"
    r"(?P<tag>[A-Z][\w.&'’ -]{1,40}?)\s*:?$"
)
_PLACE_OUTLET_LINE = re.compile(
    rf"^(?P<place>{_TITLE_PLACE}|{_CAPS_PLACE}),\s+(?:the\s+)?"
    r"(?P<tag>[A-Z][\w.&'’ -]{1,60}?)\s*:$"
)
_ADMIN = re.compile(r"\s+(?:province|governorate|countryside|district|city)$", re.IGNORECASE)
_AGENCY_PLACE_LINE = re.compile(
    rf"^(?P<tag>[A-Z][\w.&'’ -]{{1,30}}?)\s*,\s*(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})\s*:?$"
)


_ADMIN_PLACE_LEAD = re.compile(
    rf"^(?P<place>{_TITLE_PLACE}\s+(?:Province|Governorate|[Cc]ountryside))"
    r"(?:,\s+(?:the\s+)?(?P<tag>[A-Z][\w.&'’ -]{1,60}?))?\s*:\s*"
)


def match_admin_lead(line: str, lookup) -> Dateline | None:
    """A province opening a monitor's report, alone or with the monitor's name ("Latakia
    Province: …", "Aleppo Province, the Syrian Observatory for Human Rights: …")."""
    m = _ADMIN_PLACE_LEAD.match(line)
    if m is None or not _is_known_place(_ADMIN.sub("", m.group("place"))):
        return None
    tag = (m.group("tag") or "").strip()
    if tag and lookup(tag) is None:
        return None
    return Dateline(end=m.end(), place=m.group("place"), tag=tag)


def match_dateline_line(line: str, lookup) -> Dateline | None:
    """A dateline standing on a line of its own above the body: a city in capitals
    ("WASHINGTON"), a place and a known agency or outlet ("IDLIB-Anadolu Agency"), or the
    agency first ("AFP, Beirut :"). ``lookup`` maps a name to an outlet (``outlets.lookup``)."""
    s = " ".join(line.split())
    if not s or len(s) > 60:
        return None
    if re.fullmatch(_CAPS_PLACE, s) and s.isupper():
        low = s.lower()
        if (
            low in _COUNTRIES
            or low in _NOT_DATELINE_PLACES
            or s in _NOT_PLACES
            or not _is_known_place(s)
        ):
            return None
        return Dateline(end=len(line), place=s)
    # ("Idlib Province, the Syrian Observatory for Human Rights:": a place, then the outlet)
    for pattern in (_PLACE_AGENCY_LINE, _AGENCY_PLACE_LINE, _PLACE_OUTLET_LINE):
        m = pattern.match(s)
        if m is None:
            continue
        place, tag = m.group("place").strip(), m.group("tag").strip()
        known = _is_known_place(place) or _is_known_place(_ADMIN.sub("", place))
        if lookup(tag) is None or not known or lookup(place) is not None:
            continue
        if place.lower() in _NOT_DATELINE_PLACES:
            continue
        return Dateline(end=len(line), place=place, tag=tag)
    return None


def strong_dateline(line: str) -> Dateline | None:
    """A dateline unmistakable even below the first paragraph (after a standfirst or a
    caption): an agency's tag ("MOSCOW (Sputnik) …") or a known place in capitals before a
    dash or bullet ("AMMAN — …", "BEIRUT • …")."""
    dl = match_dateline(line)
    if dl is None or dl.place.lower() in _NOT_DATELINE_PLACES:
        return None
    first = dl.place.split("/")[0].split(",")[0].strip()
    if dl.tag:
        return dl
    if first.isupper() and first not in _NOT_PLACES and _is_known_place(first):
        rest = line[: dl.end].rstrip()
        if rest[-1:] in "—–•" or rest.endswith(" -") or rest.endswith("--"):
            return dl
    return None


_TAG_LEAD = re.compile(
    r"^(?:\((?P<tag>[A-Za-z][\w .&/'’-]{0,40}?)\)\s*(?:[—–]+|--|-|:)"
    r"|/(?P<slashed>[A-Za-z][\w .&'’-]{0,40}?)/\.?)"  # "/TASS/. …": TASS's tag, its place cut off
    r"\s*(?=[A-Z\"“‘])"
)


def match_tag_lead(line: str, lookup) -> Dateline | None:
    """A wire's tag opening the body without a place ("(Reuters) - Syrian forces …", "(AA) –
    …"): no place, the tag only, when every part of it is a known agency or outlet."""
    m = _TAG_LEAD.match(line)
    if m is None or len(line) - m.end() < 40:
        return None
    tag = m.group("tag") or m.group("slashed")
    parts = [p.strip() for p in re.split(r"[/,]", tag) if p.strip()]
    if not parts or any(lookup(p) is None and not _tag_known(p, lookup) for p in parts):
        return None
    return Dateline(end=m.end(), place="", tag=tag.strip())


def _tag_known(part: str, lookup) -> bool:
    from idlibtui.clean.outlets import by_dateline_tag

    return by_dateline_tag(part) is not None
