"""Known outlets (package data ``outlets.json``): names, mastheads, footers and template traits."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    mastheads: tuple[str, ...] = ()
    footers: tuple[str, ...] = ()
    dateline_tags: tuple[str, ...] = ()
    related_links: bool = False
    standfirst: bool = False
    agency: bool = False  # a news agency whose copy other outlets carry
    aggregator: bool = False  # a site that collects others' reports
    # a monitor, rights group, UN body, NGO or research centre: quoted for its figures and
    # findings, not a news organisation whose reporting another report cites
    monitor: bool = False


@lru_cache(maxsize=8192)  # (the passes ask of the same lines and names again)
def norm(text: str) -> str:
    """Lower case, straight quotes, single spaces: the form outlet strings are compared in."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).lower()


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    data = json.loads(resources.files("idlibtui.clean").joinpath("outlets.json").read_text("utf-8"))
    return tuple(
        Outlet(
            name=o["name"],
            aliases=tuple(o.get("aliases", ())),
            mastheads=tuple(o.get("mastheads", ())),
            footers=tuple(o.get("footers", ())),
            dateline_tags=tuple(o.get("dateline_tags", ())),
            related_links=bool(o.get("related_links", False)),
            standfirst=bool(o.get("standfirst", False)),
            agency=bool(o.get("agency", False)),
            aggregator=bool(o.get("aggregator", False)),
            monitor=bool(o.get("monitor", False)),
        )
        for o in data["outlets"]
    )


@lru_cache(maxsize=1)
def _names() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    for o in outlets():
        for name in (o.name, *o.aliases):
            table.setdefault(norm(name), o)
    return table


#: Words a site adds after its name for a section or an edition ("BBC Middle East", "Reuters
#: World", "Sputnik International"): the name before them is the outlet's.
_EDITION = re.compile(
    r"\s+(?:middle\s+east|world(?:\s+news)?|international|english|online|arabic|turkish"
    r"|europe|africa|asia|americas|uk|us|live|news|politics)$"
)


_CREW = re.compile(
    r"(?:\s+(?:staff(?:\s+writers?)?|web\s+desk|news\s+desk|desk|newsroom|reporters?"
    r"|correspondents?|writers?|(?:news\s+|editorial\s+|analysis\s+)?(?:team|board)"
    r"|(?:news|editorial|analysis|media)\s+group"
    r"|bureau|editors?))?"
    r"(?:\s+(?:and|&|with)\s+(?:news\s+)?(?:agencies|agency|wires|staff|aa|afp|ap|reuters|dpa))?$"
)


_CORP = re.compile(
    r",?\s+(?:gmbh|inc\.?|ltd\.?|llc|limited|corporation|corp\.?|co\.|s\.a\.|ag|plc|sarl|jsc)$"
)


# a pure function of the name: the passes ask about the same few names again and again (a
# report's cited wires, its bylines, the lines its two passes read twice)
@lru_cache(maxsize=16384)
def lookup(name: str) -> Outlet | None:
    """The outlet a name or alias stands for ("Al Jazeera and news agencies" → Al Jazeera,
    "BBC Middle East" → BBC). A bare word only stands for an outlet whose name it is: "Times"
    or "National" alone are no outlet's name (the "The" is part of it)."""
    key = norm(name).strip(" .")
    if key in _names():
        return _names()[key]
    # "Daily Sabah with AA", "The New Arab Staff & Agencies", "Reuters Staff", "TRT World Desk",
    # "dpa GmbH", "Reuters Ltd."
    key = _CREW.sub("", _CORP.sub("", key))
    key = re.sub(r"^(?:the\s+)", "", key)
    found = _names().get(key) or (_names().get("the " + key) if " " in key else None)
    if found is None and " " in key:
        bare = _EDITION.sub("", key)
        if bare != key and bare:
            found = _names().get(bare) or (_names().get("the " + bare) if " " in bare else None)
    return found


@lru_cache(maxsize=1)
def _domain_stems() -> dict[str, Outlet]:
    """The first label of every known outlet's domain ("aljazeera" of "aljazeera.com")."""
    table: dict[str, Outlet] = {}
    for o in outlets():
        for name in (o.name, *o.aliases):
            host = norm(name)
            if re.fullmatch(r"[a-z0-9][\w.-]*\.[a-z]{2,}", host) and " " not in host:
                stem = _SUBDOMAIN.sub("", host).split(".")[0]
                if len(stem) >= 4:
                    table.setdefault(stem, o)
    return table


_SUBDOMAIN = re.compile(r"^(?:(?:www|english|en|ar|m|amp|mobile|news|edition)\.)+")


def by_domain(host: str) -> Outlet | None:
    """The known outlet a host name belongs to ("www.aljazeera.net", "english.alaraby.co.uk",
    "rappler.com"), or None."""
    host = norm(host).strip(" ./")
    if "." not in host:
        return None
    found = lookup(host) or lookup(_SUBDOMAIN.sub("", host))
    if found is not None:
        return found
    stem = _SUBDOMAIN.sub("", host).split(".")[0]
    return _domain_stems().get(stem) or (lookup(stem) if len(stem) >= 4 else None)


@lru_cache(maxsize=1)
def _mastheads() -> dict[str, Outlet]:
    return {norm(m): o for o in outlets() for m in o.mastheads}


@lru_cache(maxsize=1)
def _footer_re() -> tuple[
    re.Pattern[str], dict[str, Outlet], tuple[tuple[re.Pattern[str], Outlet], ...]
]:
    """Footer prefixes as one pattern (and its table), and the footers given as expressions
    ("re:…": a signature such as Reuters' "Reporting by …; Editing by …" that is too common as a
    bare prefix to name the outlet)."""
    table = {norm(f): o for o in outlets() for f in o.footers if not f.startswith("re:")}
    keys = sorted(table, key=len, reverse=True)
    exprs = tuple(
        (re.compile(f[3:]), o) for o in outlets() for f in o.footers if f.startswith("re:")
    )
    return re.compile("^(?:" + "|".join(re.escape(k) for k in keys) + ")"), table, exprs


def masthead(line: str, *, normed: str | None = None) -> Outlet | None:
    """The outlet whose masthead ``line`` is (``normed``: ``norm(line)``, when known)."""
    return _mastheads().get(norm(line) if normed is None else normed)


def footer(line: str, *, normed: str | None = None) -> Outlet | None:
    """The outlet whose footer ``line`` begins with (``normed``: ``norm(line)``, when known)."""
    pattern, table, exprs = _footer_re()
    normed = norm(line) if normed is None else normed
    m = pattern.match(normed)
    if m:
        return table[m.group(0)]
    return next((o for expr, o in exprs if expr.match(normed)), None)


def by_dateline_tag(tag: str) -> Outlet | None:
    """The outlet whose dateline tag ``tag`` is ("AP", "AFP", "Xinhua"), case as written."""
    return _tags().get(tag)


@lru_cache(maxsize=1)
def _tags() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    for o in outlets():
        for tag in o.dateline_tags:
            table.setdefault(tag, o)
    return table


# "X told Al Jazeera", "said in an interview with The Washington Post", "speaking to CNN",
# "during a meeting with Enab Baladi", "in comments to Syria Direct".
_INTERVIEW = re.compile(
    r"\b(?P<verb>told|said\s+to|in\s+an?\s+(?:exclusive\s+)?interview\s+with"
    r"|(?:speaking|spoke|talking|talked)\s+(?:to|with)|(?:[Dd]uring|[Ii]n)\s+a\s+meeting\s+with"
    r"|[Ii]n\s+(?:comments|a\s+statement)\s+to|(?:confirmed|explained|revealed)\s+to)\s+"
    r"(?P<n>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*){0,4})"
    r"(?P<ag>\s+news\s+agency|\s+agency)?"
)
#: Words that make a longer name another publication ("Al-Ahram Weekly" is not "Al-Ahram").
_TITLE_WORDS = frozenset(
    ["weekly", "daily", "times", "post", "news", "tv", "radio", "online", "magazine", "journal",
     "review", "tribune", "herald", "gazette", "monitor", "observer", "today", "network",
     "channel", "english", "arabic", "turkish", "international", "world"]
)  # fmt: skip
#: An outlet the package data does not list is taken from an interview only when the words
#: leave no doubt it is one ("told Muraselon News"), and only after "told" or "interview with".
_UNLISTED_OUTLET = re.compile(r"(?:[A-Z][\w'’.&-]*\s+){1,3}(?:News|TV|Radio|Press|Post|Times)")
_NOT_AN_OUTLET_START = frozenset(
    [
        "syrian", "turkish", "russian", "iranian", "kurdish", "iraqi", "lebanese", "israeli",
        "american", "us", "state", "local", "arab", "western", "foreign", "german", "french",
        "british", "the", "a", "an",
    ]
)  # fmt: skip
#: Agencies are quoted by everyone ("told AFP news agency"): naming one is no evidence of outlet.
_AGENCIES = frozenset(
    {"Agence France-Presse", "Reuters", "Associated Press", "Anadolu Agency", "Xinhua", "SANA"}
)


#: News agencies whose copy other outlets carry: named in a dateline tag or a credit line they
#: are the article's ``agency``; the outlet is the site that carries it when the text names one.
AGENCY_NAMES = frozenset(
    {
        "Reuters", "Associated Press", "Agence France-Presse", "Anadolu Agency", "Xinhua",
        "SANA", "dpa", "ANHA", "IRNA", "TASS", "RIA Novosti", "Sputnik", "ANSA", "EFE",
        "Kyodo", "UPI", "Interfax", "Fars News Agency", "Tasnim", "Mehr News Agency",
        "Petra", "QNA", "WAM", "Ihlas News Agency", "Demiroren News Agency", "Yonhap", "ISNA",
        "KUNA", "Saudi Press Agency", "NNA", "APA", "Azertac", "Armenpress", "Ukrinform", "UNIAN",
        "Associated Press of Pakistan", "Press Trust of India", "IANS", "ANI", "Bernama", "Antara",
    }
)  # fmt: skip


def is_agency(name: str) -> bool:
    """Whether ``name`` (an outlet's canonical name) is a news agency: listed here, or marked
    ``"agency": true`` in the package data."""
    return name in AGENCY_NAMES or name in _AGENCIES or name in _data_agencies()


def is_aggregator(name: str) -> bool:
    """Whether ``name`` (a canonical name) is a site that collects others' reports, whose name
    yields to the report's own outlet when the page names one."""
    known = lookup(name)
    return known is not None and known.aggregator


@lru_cache(maxsize=1)
def _data_agencies() -> frozenset[str]:
    return frozenset(o.name for o in outlets() if o.agency)


#: A clause that puts the interview in the past ("In April, an official confirmed to the New
#: York Times", "told CNN last year"): another outlet's earlier reporting, cited, not the
#: article's own.
_EARLIER = re.compile(
    r"\b(?:(?:in|this|last|earlier\s+this|back\s+in)\s+(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december|spring|summer|autumn|fall|winter)"
    r"|(?:last|earlier\s+this)\s+(?:year|month)|a\s+(?:year|month)\s+ago|in\s+(?:19|20)\d\d|years?\s+ago"
    r"|months\s+ago|previously|in\s+(?:a|an|his|her|their)\s+(?:earlier|previous))\b",
    re.IGNORECASE,
)


def _clause_before(text: str, pos: int) -> str:
    """The words of the sentence before ``pos`` (and a little after: "told X last year")."""
    lo = max(0, pos - 200)  # (a window: a long text without full stops stays linear)
    start = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos), lo)
    end = text.find(".", pos, pos + 80)
    return text[start:pos] + " " + text[pos : (end if end >= 0 else pos + 80)]


def interview_outlet(text: str) -> tuple[str, str]:
    """The outlet an article's own interviews were given to, and the words that show it.

    Outlets write "Kreimesh told Al Jazeera" about their own reporting. Only one non-agency outlet
    may be named that way (two or more is a roundup quoting others, and no evidence).
    """
    found: dict[str, str] = {}
    for match in _INTERVIEW.finditer(text):
        if match.group("ag") or _EARLIER.search(_clause_before(text, match.start())):
            continue
        words = match.group("n").split()
        if re.fullmatch(r"[A-Z]{2,5}", words[0].rstrip(".,")):
            # "told MEE", "told FNA": another outlet cited by its initials, not the publisher
            found.setdefault(f"initials:{words[0]}", "")
            continue
        # the longest leading run of words that names a known outlet ("Al Jazeera on Monday")
        for n in range(len(words), 0, -1):
            outlet = lookup(" ".join(words[:n]))
            if outlet is not None and n < len(words) and words[n].lower() in _TITLE_WORDS:
                break  # "told Al-Ahram Weekly": another title of the house, not "Al-Ahram"
            if outlet is not None:
                if outlet.name not in _AGENCIES:
                    found.setdefault(outlet.name, match.group(0)[: match.end("n") - match.start()])
                break
        else:
            unlisted = _UNLISTED_OUTLET.match(" ".join(words))
            verb = match.group("verb")
            if (
                unlisted is not None
                and (verb == "told" or "interview" in verb)
                and words[0].lower() not in _NOT_AN_OUTLET_START
            ):
                found.setdefault(
                    unlisted.group(0), match.group(0)[: match.end("n") - match.start()]
                )
    if len(found) != 1:
        return "", ""
    name, words = next(iter(found.items()))
    if name.startswith("initials:"):
        return "", ""
    return name, f"interview given to it: “{words}”"
