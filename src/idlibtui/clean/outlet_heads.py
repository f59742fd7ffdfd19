"""Where the head of a page names its site: a site's name on a line of its own under the
headline ("GlobalPost", "World Bulletin / News Desk", "Staff Writer" over "Columbia Daily
Tribune"), and the credits that open reports in the corpora's other languages ("(يمن سكاي -
متابعات)", "(Казань, 5 марта, «Татар-информ»).", "…, 16:10 — REGNUM").

:mod:`idlibtui.clean.outlet_judge` weighs these; each returns a name (canonical when the outlet
is known) and the words that show it, or ``("", "")``.
"""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.dateline import is_known_place
from idlibtui.clean.outlet_cues import (
    _NAME,
    _outlet_shaped,
    _specific,
    masthead_like,
    publisher_like,
)

# a writer's role or a byline on the line above a site's name ("Staff Writer" / "Columbia
# Daily Tribune"), and a crew after a site's name ("World Bulletin / News Desk")
_ROLE_LINE = re.compile(
    r"^(?:by\s+\S.*|(?:senior\s+|chief\s+)?(?:staff\s+)?(?:writer|reporter|correspondent|editor)s?"
    r"|staff|staff\s+and\s+agencies|news\s+desk|web\s+desk)$",
    re.IGNORECASE,
)
_HEAD_CREW = re.compile(
    r"\s*(?:[/|,–—-]\s*|\s)(?:news\s+desk|web\s+desk|newsroom|staff(?:\s+writers?)?"
    r"|editorial\s+(?:staff|team|desk)|news\s+team)$",
    re.IGNORECASE,
)


def head_outlet_line(raw: str) -> tuple[str, str]:
    """A site's name on a line of its own between the headline and the report ("GlobalPost",
    "World Bulletin / News Desk", "Staff Writer" over "Columbia Daily Tribune"): a known outlet,
    or an unlisted one shaped like an outlet's name when a byline or a crew marks it."""
    lines = [" ".join(ln.split()) for ln in raw.split("\n") if ln.strip()][:12]
    for k, line in enumerate(lines):
        if len(line.split()) >= 12 and line[-1:] in '.!?"”':
            break  # the report has begun (a standfirst without its full stop may come first)
        if k == 0 or len(line) > 60:
            continue  # (the first line is the headline)
        crew = _HEAD_CREW.search(line)
        name = line[: crew.start()].strip(" /|,–—-") if crew else line.strip(" |")
        if not name or is_known_place(name):
            continue
        known = outlets.lookup(name)
        if known is not None and len(known.name) > 3:
            return known.name, f"site name under the headline: {line}"
        marked = crew is not None or _ROLE_LINE.match(lines[k - 1]) is not None
        if (
            marked
            and masthead_like(name)
            and _specific(name)
            and len(name.split()) <= 5
            and publisher_like(name)
        ):
            return name, f"site name under the headline: {line}"
    return "", ""


# Credits at the head of a report in the corpora's other languages: "(يمن سكاي - متابعات)"
# (the outlet, then "follow-ups" or "exclusive"), "(Казань, 5 марта, «Татар-информ»)." (place,
# day, the agency in guillemets), "Анкара, 4 марта 2020, 16:10 — REGNUM …" (place, day and
# hour, then the agency)
_LEAD_CREDITS = (
    re.compile(r"\((?P<n>[^()\n]{2,40}?)\s*[-–—/]\s*(?:متابعات|خاص|وكالات)\s*\)"),
    re.compile(r"^\(?[^\n()«»]{2,40}?,\s*[^\n()«»]{2,30}?,\s*«(?P<n>[^«»\n]{2,40})»\)?"),
    re.compile(r"^[^\n]{2,50}?\d{1,2}[:.]\d\d\s*[—–-]\s*(?P<n>\S+(?:\s\S+)?)"),
)


def lead_credit_outlet(text: str, raw: str = "") -> tuple[str, str]:
    """A known outlet or agency credited at the head of a report in another language's way
    ("(يمن سكاي - متابعات)", "(Казань, 5 марта, «Татар-информ»).", "…, 16:10 — REGNUM")."""
    heads = [p.strip() for p in text.split("\n\n")[:3]]
    heads += [ln.strip() for ln in raw.split("\n") if ln.strip()][:6]
    for para in heads:
        head = para[:160]
        for shape in _LEAD_CREDITS:
            m = shape.search(head)
            if m is None:
                continue
            words = m.group("n").strip(" .,:").split()
            for n in range(len(words), 0, -1):
                known = outlets.lookup(" ".join(words[:n])) or outlets.by_dateline_tag(
                    " ".join(words[:n])
                )
                if known is not None and not is_known_place(" ".join(words[:n])):
                    return known.name, f"credit at the head of the report: {m.group(0).strip()}"
    return "", ""


_URL_LINE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<h>[a-z0-9][\w-]*(?:\.[\w-]+)+)/\S*$", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@(?P<h>[\w-]+(?:\.[\w-]+)+)\b")
_HANDLE = re.compile(
    r"^(?:follow(?:\s+us)?(?:\s+on\s+(?:twitter|x|instagram|telegram))?|twitter|x|telegram)"
    r"\s*[:-]?\s*@(?P<h>\w{4,30})\s*$",
    re.I,
)
_HANDLE_EDITION = re.compile(r"(?:_?(?:eng|en|english|ar|arabic|tr|news))$", re.I)
_CRUMB_SPLIT = re.compile(r"\s*[|›»/:–—]\s*|\s+-\s+")
_CRUMB_WORDS = frozenset(
    ["home", "news", "world", "middle east", "mena", "politics", "region", "regional", "latest",
     "international", "local", "war", "conflict", "analysis", "opinion", "features", "english",
     "arab world", "asia", "europe", "africa", "breaking news", "top stories", "world news"]
)  # fmt: skip


def handle_outlet(line: str) -> str:
    """The known outlet whose social handle a "Follow us @…" line gives ("Follow us on Twitter
    @SyriaDirect", "Telegram: @EnabBaladiENG"), matched to its domain's name; else ""."""
    m = _HANDLE.match(line.strip())
    if m is None:
        return ""
    handle = _HANDLE_EDITION.sub("", m.group("h"))
    known = outlets.by_domain(f"{handle}.com") if len(handle) >= 4 else None
    return known.name if known is not None else ""


def head_site_marks(raw: str) -> tuple[str, str]:
    """The site a page's head names by its address or a label: its URL on a line of its own
    ("https://www.enabbaladi.net/archives/…"), a writer's email at a known outlet's domain
    ("jane.doe@thenational.ae"), its handle in a "Follow us @…" line, or its name in a section
    label or breadcrumb ("Al Jazeera - Syria", "Home › Middle East › Asharq Al-Awsat")."""
    lines = [" ".join(ln.split()) for ln in raw.split("\n") if ln.strip()][:12]
    for k, line in enumerate(lines):
        if k and len(line.split()) >= 12 and line[-1:] in '.!?"”':
            break  # the report has begun
        if len(line) > 200:
            continue
        m = _URL_LINE.match(line) or _EMAIL.search(line) if len(line) <= 120 else None
        if m is not None:
            known = outlets.by_domain(m.group("h"))
            if known is not None:
                return known.name, f"the page's address: {line[:80]}"
        name = handle_outlet(line)
        if name:
            return name, f"its handle: {line}"
        parts = [p.strip() for p in _CRUMB_SPLIT.split(line) if p.strip()]
        if 2 <= len(parts) <= 5 and len(line) <= 80:
            named = [outlets.lookup(p) for p in parts]
            rest = [p for p, o in zip(parts, named, strict=True) if o is None]
            known_parts = {o.name for o in named if o is not None}
            if len(known_parts) == 1 and all(
                p.lower() in _CRUMB_WORDS or is_known_place(p) for p in rest
            ):
                return known_parts.pop(), f"section label: {line}"
    return "", ""


# "written exclusively for Enab Baladi", "Special to Arab News", "speaking exclusively to
# Kurdistan 24": a report (or its interview) made for the outlet that publishes it
_EXCLUSIVE = re.compile(
    rf"\b(?i:(?:(?:written|reported|speaking|spoke|talking)\s+)?exclusively\s+(?:for|to)\s+"
    rf"(?:the\s+)?)(?P<n>{_NAME})"
    rf"|^(?i:(?:special|exclusive)\s+(?:to|for)\s+(?:the\s+)?)(?P<s>{_NAME})\s*$",
    re.MULTILINE,
)


def exclusive_outlet(text: str, raw: str = "") -> tuple[str, str]:
    """The one outlet a report says it was made for ("exclusively for X", "Special to X"), a
    known one or one shaped like an outlet's name; an agency is none (others quote it so)."""
    found: dict[str, str] = {}
    for page in (text, raw[:3000] + "\n" + raw[-3000:]):
        for m in _EXCLUSIVE.finditer(page):
            words = (m.group("n") or m.group("s") or "").split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n]).strip(" .,;:")
                known = outlets.lookup(name)
                if known is not None and not outlets.is_agency(known.name):
                    found.setdefault(known.name, m.group(0).strip())
                    break
                shaped = _outlet_shaped(name) and _specific(name) and publisher_like(name)
                if n == len(words) and shaped and words[0][:1].isupper():
                    found.setdefault(name, m.group(0).strip())
                    break
    if len(found) != 1:
        return "", ""
    name, words = next(iter(found.items()))
    return name, f"made for it: {words[:80]}"
