"""Where a page names its own outlet when no known masthead or footer does.

Small outlets, aggregators and wire copies name the outlet in many ways besides a masthead:
"VOICEPRESS reports citing …", "Trend reports", "Channel 4 News cannot independently verify …",
"Al Jazeera's Sinem Koseoglu, reporting from …", "Subscribe to The Week", "Click to follow The
Evening Standard", "By EUobserver", a masthead line of an outlet the package data does not list
("YEMEN Press Agency", "The Syrian Observatory For Human Rights"), or a domain ("Antiwar.com").
Each finder returns the name (canonical when the outlet is known) and the words that show it.
"""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.dateline import is_known_place

# A name as outlets write it: capitalised words (with "of", "for", "on", "the" between), an
# all-capitals word, CamelCase ("EUobserver") or a domain ("Antiwar.com").
_NAME = (
    r"(?:[A-Z][\w&.'’-]*|\d[\w]*[A-Z][\w]*)"
    r"(?:\s(?:of|for|on|the|and|&|\d+|[A-Z][\w&.'’-]*)){0,5}"
)
# (a credit, "AlMasdarNews reports: …"; prose, "X reported on Monday that …", cites another)
_REPORTS = re.compile(
    rf"^(?:the\s+)?(?P<n>{_NAME})\s+(?:reports?|reported)(?=\s*[:–—]|\s+-\s|\s+(?:citing|quoting)\b)"
)
_REPORTS_CITING = re.compile(
    rf"(?:^|,\s+)(?:the\s+)?(?P<n>{_NAME})\s+(?:reports?|reported|informs?|informed)"
    rf"\s+(?:citing|quoting)\b"
)
# "…, a civil defence group said on Tuesday, Anadolu reports.": the lead's sentence closed by
# a wire's name credits the copy to it. (An outlet's own name there is as often another site's
# credit, "…, Al-Masdar News reports." on a carrier, as the site itself: no evidence of outlet.)
_REPORTS_CLOSING = re.compile(rf",\s+(?:the\s+)?(?P<n>{_NAME})\s+reports\.(?:\s|$)")
# the last words of the two patterns below: a text without them holds no match of either, and
# they are searched alone first (the name before them is costly to try at every capital)
_CANNOT_VERIFY_WORDS = (
    r"(?:cannot|could\s+not|can\s*not|has\s+not\s+been\s+able\s+to"
    r"|was\s+(?:not\s+)?unable\s+to|is\s+unable\s+to)\s+(?:independently\s+)?(?:verify|confirm)"
)
_FROM_WORDS = r"(?:reporting|reports|reported|who\s+is|speaking)\s+from\b"
_CANNOT_VERIFY_TAIL = re.compile(_CANNOT_VERIFY_WORDS)
_FROM_TAIL = re.compile(_FROM_WORDS)
_CANNOT_VERIFY = re.compile(rf"\b(?P<n>{_NAME})\s+" + _CANNOT_VERIFY_WORDS)
_CORRESPONDENT = re.compile(
    rf"\b(?P<n>{_NAME})['’]s\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}},?\s+" + _FROM_WORDS
)
# (its first words are ``outlet_page._PROMO_OPENINGS``, looked for first: a test keeps them so)
_PROMO_NAME = re.compile(
    rf"^(?:subscribe\s+to|click\s+to\s+follow|follow|sign\s+up\s+(?:to|for)|support|like|join)\s+"
    rf"(?P<n>(?:the\s+)?{_NAME}?)(?:['’]s)?(?:\s+(?:telegram|whatsapp|youtube)\s+channel)?"
    r"(?:\s+on\s+\w+)?\s*[.!]?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"\b(?P<n>[A-Z][\w-]*\.(?:com|org|net|news|info|co\.uk|ru|tr|az|am))\b")
_OUTLET_WORDS = frozenset(
    [
        "news",
        "agency",
        "press",
        "times",
        "post",
        "daily",
        "tv",
        "radio",
        "network",
        "herald",
        "tribune",
        "gazette",
        "observer",
        "monitor",
        "journal",
        "observatory",
        "media",
        "channel",
        "today",
        "online",
        "chronicle",
        "telegraph",
        "express",
        "mail",
        "standard",
        "globe",
        "review",
        "weekly",
        "broadcasting",
        "television",
        "service",
        "bulletin",
        "courier",
        "dispatch",
        "sentinel",
        "inquirer",
        "examiner",
        "advertiser",
    ]
)
_GENERIC = frozenset(
    [
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "this",
        "that",
        "there",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "syria",
        "syrian",
        "turkey",
        "turkish",
        "russia",
        "russian",
        "government",
        "army",
        "ministry",
        "minister",
        "president",
        "observatory",
        "state",
        "officials",
        "sources",
        "activists",
        "witnesses",
        "residents",
    ]
)


#: Words of a name that is no publisher: a ministry, an army, a platform, people ("Source:
#: Syrian Ministry of Defence", "Source: Twitter", "Sources: Local Activists").
_NOT_PUBLISHER_WORDS = frozenset(
    ["ministry", "ministries", "government", "army", "forces", "military", "command", "council",
     "committee", "office", "department", "spokesman", "spokesperson", "police", "twitter",
     "facebook", "telegram", "youtube", "instagram", "whatsapp", "activists", "witnesses",
     "residents", "officials", "statement", "statements", "embassy", "presidency", "governorate",
     "municipality", "authorities", "authority", "coalition", "pentagon", "kremlin", "wikileaks",
     "sources", "source", "reports", "media", "social", "local", "unknown", "internet", "web",
     "theme", "themes", "wordpress", "powered", "designed", "developed", "hosting", "template",
     "blogger", "blogspot"]
)  # fmt: skip


def publisher_like(name: str) -> bool:
    """Whether an unlisted name can be a publisher's: not a ministry, an army, a platform or a
    crowd of people."""
    return not any(w.lower().strip(".,:;'’()") in _NOT_PUBLISHER_WORDS for w in name.split())


def _named(name: str) -> str:
    """The canonical name of a known outlet, else the name as written (tidied)."""
    name = " ".join(name.split()).strip(" .,:;'’")
    found = outlets.lookup(name)
    return found.name if found is not None else name


def plausible_name(name: str) -> bool:
    """Whether ``name`` can be an outlet's (a known one, or one shaped like an outlet's)."""
    return _plausible(name)


def _plausible(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 6 or words[0].lower() in _GENERIC:
        return False
    return outlets.lookup(name) is not None or _outlet_shaped(name)


def _outlet_shaped(name: str) -> bool:
    words = name.replace(".", " ").split()
    if any(w.lower() in _OUTLET_WORDS for w in words):
        return True
    single = len(words) == 1 and len(words[0]) >= 4
    # "VOICEPRESS", "EUobserver", "Antiwar.com": one word in capitals, CamelCase or a domain
    return single and (words[0].isupper() or any(c.isupper() for c in words[0][1:]) or "." in name)


_SECTION_WORDS = frozenset(
    [
        "world",
        "middle",
        "east",
        "top",
        "latest",
        "breaking",
        "live",
        "local",
        "international",
        "national",
        "news",
        "politics",
        "region",
        "regional",
        "home",
        "more",
        "related",
        "featured",
        "trending",
        "today",
        "opinion",
        "analysis",
        "asia",
        "europe",
        "africa",
        "americas",
        "us",
        "uk",
        "headlines",
        "daily",
        "stories",
    ]
)


def masthead_like(line: str) -> bool:
    """A short line naming an outlet the package data does not list ("YEMEN Press Agency");
    a section label ("World News", "Top News") is not one."""
    s = line.strip()
    words = s.split()
    if all(w.lower().strip(".:|") in _SECTION_WORDS for w in words):
        return False
    if not 1 <= len(words) <= 7 or s[-1:] in ".!?:;," or any(ch.isdigit() for ch in s[:1]):
        return False
    if not all(
        w[:1].isupper() or w.lower() in ("of", "for", "on", "the", "and", "&") for w in words
    ):
        return False
    last = words[-1].lower().strip(".")
    if last == "news" and len(words) > 1 and is_known_place(" ".join(words[:-1])):
        return False  # "Iraq News", "Syria News": a section of the site, not its name
    return (
        last in _OUTLET_WORDS
        or (len(words) >= 3 and words[1].lower() in _OUTLET_WORDS)
        or ("observatory" in s.lower() and "human rights" in s.lower())
    )


def promo_outlet(line: str) -> str:
    """The outlet a promo line names ("Subscribe to The Week" → "The Week"), or ""."""
    m = _PROMO_NAME.match(line.strip())
    if m is None:
        return ""
    name = re.sub(
        r"\s+on\s+(?:facebook|twitter|instagram|x|telegram|youtube|whatsapp|linkedin|tiktok)$",
        "",
        m.group("n"),
        flags=re.I,
    )
    name = re.sub(r"['’]s$", "", name)  # "Join Enab Baladi's Telegram channel"
    known = outlets.lookup(name)
    if known is not None:
        return known.name
    return _named(name) if _plausible(re.sub(r"^the\s+", "", name, flags=re.I)) else ""


def byline_outlet(who: str) -> str:
    """The outlet a byline names when it names no person ("By EUobserver", "By Reuters")."""
    who = re.sub(r"\s+(?:staff|reporters?|correspondents?|desk|team)$", "", who.strip(), flags=re.I)
    found = outlets.lookup(who)
    if found is not None:
        return found.name
    if len(who.split()) == 1 and _outlet_shaped(who):
        return who
    return ""


def self_reference(text: str) -> tuple[str, str]:
    """The outlet a text names as itself, and the words that show it (``("", "")`` if none)."""
    head = text[:1200]
    for para in head.split("\n\n")[:3]:
        m = _REPORTS_CITING.search(para.strip())
        if m and len(m.group("n").split()) <= 4 and m.group("n").split()[0].lower() not in _GENERIC:
            return _named(m.group("n")), f"names itself: {m.group(0)[:80]}"
        m = _REPORTS.match(para.strip())
        if m and _plausible(m.group("n")):
            return _named(m.group("n")), f"names itself: {m.group(0)[:80]}"
        m = _REPORTS_CLOSING.search(para.strip()[:600])
        if m and outlets.is_agency(_named(m.group("n"))):
            return _named(m.group("n")), f"credits the wire: {m.group(0).strip()[:80]}"
    for pattern, tail in ((_CANNOT_VERIFY, _CANNOT_VERIFY_TAIL), (_CORRESPONDENT, _FROM_TAIL)):
        if not tail.search(text):
            continue  # (no match without its last words)
        found = {
            _named(m.group("n")): m.group(0)
            for m in pattern.finditer(text)
            if _plausible(m.group("n"))
        }
        if len(found) == 1:
            name, words = next(iter(found.items()))
            return name, f"names itself: {words[:80]}"
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for ln in lines[:2] + lines[-3:]:
        if len(ln) <= 80:
            m = _DOMAIN.search(ln)
            if m:
                return _named(m.group("n")), f"domain: {ln}"
    return "", ""


_CREDIT_LIST = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}(?:\s*[,/]\s*[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}){1,3}$"
)


def credit_list(line: str) -> list[str]:
    """The outlets and agencies a credit line lists ("IPA, Reuters", "AFP / DPA"), or [] when
    the line is not one (at least one part must be a known outlet or agency)."""
    s = line.strip()
    if len(s) > 80 or _CREDIT_LIST.match(s) is None:
        return []
    parts = [p.strip() for p in re.split(r"\s*[,/]\s*", s) if p.strip()]
    known = [outlets.lookup(p) for p in parts]
    if not any(k is not None for k in known):
        return []
    # an unlisted part is kept when shaped like an outlet ("IPA"), never a person ("Sami Kaya")
    return [
        k.name if k is not None else p
        for p, k in zip(parts, known, strict=True)
        if k is not None or _outlet_shaped(p) or (p.isupper() and 2 <= len(p) <= 6)
    ]


def agency_own_reporter(text: str, agency: str) -> tuple[str, str]:
    """The agency as the outlet when the text speaks of its own staff ("SANA reporter in the
    area said", "Xinhua's correspondent reported"): the agency's own site, not a carrier."""
    known = outlets.lookup(agency)
    names = {agency, *(known.aliases if known else ()), *(known.dateline_tags if known else ())}
    alts = "|".join(sorted((re.escape(n) for n in names if n), key=len, reverse=True))
    if not alts:
        return "", ""
    m = re.search(rf"\b(?:{alts})(?:['’]s)?\s+(?:reporter|correspondent)s?\b", text)
    return (agency, f"its own reporter: “{m.group(0)}”") if m else ("", "")


#: Words a credit uses for no outlet in particular ("Source: News agencies", "Via: Wires").
_GENERIC_CREDIT = frozenset(
    ["news", "agency", "agencies", "wires", "wire", "media", "reports", "staff", "various",
     "sources", "social", "web", "desk", "online", "press", "internet", "and", "&"]
)  # fmt: skip


def specific(name: str) -> bool:
    """Whether an unlisted name names one outlet ("World Media" names none)."""
    return _specific(name)


def _specific(name: str) -> bool:
    """Whether an unlisted name names one outlet: "News Agency", "Latest News" or "Media Desk"
    name none."""
    words = [w.lower().strip(".:!|") for w in name.split()]
    return not all(w in _SECTION_WORDS or w in _GENERIC_CREDIT or w == "the" for w in words)


# (a line that is only the separator and the name, "- Sputnik International", is a masthead)
_TITLE_SUFFIX = re.compile(r"(?:^|\s+)[|ǀ–—•·«»-]\s+(?P<n>[^|ǀ–—•·«»-]{2,40}?)\s*$")


def title_suffix_outlet(first_line: str, text: str = "") -> tuple[str, str]:
    """A known outlet named after the headline, as page titles carry it ("Clashes in Idlib |
    Sputnik", "… - Tasnim News Agency"): its canonical name and the words that show it. A
    headline's attribution is none: "Strikes near a convoy - Syrian Observatory" over a lead
    that says "…, the Syrian Observatory for Human Rights said" names who said it."""
    m = _TITLE_SUFFIX.search(first_line.strip())
    if m is None:
        return "", ""
    name = m.group("n").strip()
    known = outlets.lookup(name)
    if known is not None and text and quoted_as_speaker(text, known):
        return "", ""
    if known is not None:
        return known.name, f"after the headline: {m.group(0).strip()}"
    if (
        masthead_like(name)
        and _specific(name)
        and len(name.split()) <= 5
        and len(first_line) - len(name) >= 20
    ):
        return " ".join(name.split()), f"after the headline: {m.group(0).strip()}"
    return "", ""


_SIGN_OFF = re.compile(
    r"^(?:[(\[]\s*(?P<p>[^()\[\]]{2,40}?)\s*[)\]]|[–—-]\s*(?P<d>[^–—-]{2,40}?))\.?$"
)


def sign_off_outlet(last_line: str) -> tuple[str, str]:
    """A known outlet signing the report off on its last line ("(Tasnim)", "— Middle East
    Monitor"): its canonical name and the words that show it; an agency's sign-off ("(AFP)")
    names the agency, not the outlet, and is left to the caller."""
    m = _SIGN_OFF.match(last_line.strip())
    if m is None:
        return "", ""
    known = outlets.lookup((m.group("p") or m.group("d") or "").strip())
    if known is None:
        return "", ""
    return known.name, f"sign-off: {last_line.strip()}"


_TITLE_PREFIX = re.compile(r"^(?P<n>[^|ǀ•·:–—-]{2,50}?)\s*[|ǀ•·]\s+\S")


def title_prefix_outlet(first_line: str) -> tuple[str, str]:
    """A known outlet named before the headline ("OCHA ǀ Flash Update #8 …", "Sputnik | …"):
    its canonical name and the words that show it; a section ("Syrian Army News | …") is none."""
    m = _TITLE_PREFIX.match(first_line.strip())
    if m is None:
        return "", ""
    known = outlets.lookup(m.group("n").strip())
    if known is None:
        return "", ""
    return known.name, f"before the headline: {first_line.strip()[:80]}"


# "… 0 By KMAN Staff on January 12, 2016 …", "By Daily Sabah Newsroom": a crew byline inside a
# run-on header line (a byline on a line of its own is read by the metadata pass).
_CREW_BYLINE = re.compile(
    rf"\b[Bb]y\s+(?:the\s+)?(?P<n>{_NAME}?)\s+(?P<crew>Staff(?:\s+Writers?|\s+Reporters?)?|Newsroom"
    r"|News\s+Desk|Web\s+Desk|Editorial\s+(?:Staff|Team|Board)|News\s+Team)\b"
)


def crew_byline_outlet(text: str, raw: str = "") -> tuple[str, str]:
    """The outlet whose staff sign the report in the page's first lines ("By KMAN Staff",
    "Posted by Kurdistan 24 Staff"; in the text or the raw page, where a byline line was
    removed): a known outlet, or one word shaped like an outlet's name (capitals, CamelCase, a
    domain)."""
    m = _CREW_BYLINE.search(text[:600]) or _CREW_BYLINE.search(raw[:1500])
    if m is None:
        return "", ""
    name = m.group("n").strip()
    if not name or name.split()[0].lower() in _GENERIC or is_known_place(name):
        return "", ""
    known = outlets.lookup(name)
    if known is not None:
        return known.name, f"byline: {m.group(0)}"
    single = len(name.split()) == 1 and len(name) >= 3
    shaped = single and (name.isupper() or any(c.isupper() for c in name[1:]) or "." in name)
    if shaped or (_outlet_shaped(name) and _specific(name)):
        return name, f"byline: {m.group(0)}"
    return "", ""


# "By Sami Kaya, Daily Sabah", "By Sami Kaya | Middle East Eye", "Sami Kaya / Daily Sabah": a
# person's byline, then the outlet they write for.
_PERSON_THEN_OUTLET = re.compile(
    r"^(?:(?:by|written\s+by|posted\s+by|words\s+by)\s+)?(?P<p>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})"
    r"\s*(?:[,|/•·–—]|\s-)\s*(?P<n>[A-Z][^,|/•·–—]{1,50}?)\s*$"
)


def byline_outlet_line(raw: str) -> tuple[str, str]:
    """The known outlet a byline line names after its writer, among the page's first lines."""
    lines = [" ".join(ln.split()) for ln in raw.split("\n") if ln.strip()][:12]
    for line in lines:
        if len(line) > 90:
            continue
        m = _PERSON_THEN_OUTLET.match(line)
        if m is None or outlets.lookup(m.group("p")) is not None:
            continue
        known = outlets.lookup(m.group("n"))
        if known is not None and not is_known_place(m.group("n")):
            return known.name, f"byline: {line}"
    return "", ""


_SPEAKS = r"(?:said|says|reported|reports|documented|stated|announced|confirmed)\b"


def quoted_as_speaker(text: str, outlet: outlets.Outlet) -> bool:
    """Whether the lead (first two paragraphs) quotes ``outlet`` as a source ("…, the Syrian
    Observatory for Human Rights said", "according to SOHR"): a third party, not the page's
    publisher, who would not cite itself so."""
    lead = " ".join(text.split("\n\n")[:3])[:1500]
    names = [n for n in (outlet.name, *outlet.aliases, *outlet.dateline_tags) if len(n) >= 3]
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    if not alts:
        return False
    pattern = (
        rf"\b(?:according\s+to|citing|quoting)\s+(?:the\s+)?(?:{alts})\b"
        rf"|\b(?:{alts})(?:,\s[^,]{{3,60}},)?\s+{_SPEAKS}"
    )
    return re.search(pattern, lead) is not None
