"""Where a whole page names its outlet: its closing lines, its own promotions, its note on a
report it carries, an outlet opening the body (with or without a place), its own correspondents,
the same cues in the corpora's other languages, and names cut back to their canonical form.

:mod:`idlibtui.clean.outlet_judge` weighs these; each returns a name (canonical when the outlet
is known) and the words that show it, or ``("", "")``.
"""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.dateline import is_known_place
from idlibtui.clean.outlet_cues import (
    _GENERIC,
    _GENERIC_CREDIT,
    _NAME,
    _SECTION_WORDS,
    _SIGN_OFF,
    _named,
    _outlet_shaped,
    _plausible,
    _specific,
    masthead_like,
    promo_outlet,
    publisher_like,
)
from idlibtui.clean.outlet_heads import handle_outlet
from idlibtui.clean.prefilter import re_case_lower

# "The Moscow Times / A Russian jet …", "PanARMENIAN.Net - The head of …", "ISWNews Analysis
# Group: After …": an outlet's name opens the body as a dateline would.
_LEAD_IN = re.compile(
    r"^(?P<n>[A-Z][\w.'’&]*(?:\s[A-Z][\w.'’&]*){0,4})\s*(?:[—–/|:]|\s-|-\s)\s*(?=[A-Z\"“‘])"
)
_LEAD_CREW = re.compile(
    r"\s+(?:(?:news|editorial|analysis|media)\s+(?:group|team|desk)|newsroom|news\s+desk|staff)$",
    re.IGNORECASE,
)
_LEAD_DOMAIN = re.compile(r"^(?P<n>[A-Za-z][\w-]*\.(?:com|org|net|news|info|az|am|ru|tr))\b")


def lead_in_outlet(text: str) -> tuple[str, str]:
    """The outlet whose name opens one of the first two paragraphs, as a dateline would."""
    for para in text.split("\n\n")[:2]:
        para = para.strip()
        if len(para) < 100 or para[-1:] not in ".!?\"”'’":
            continue  # a headline ("White Helmets: Rescuing …") names its subject, not its outlet
        m = _LEAD_IN.match(para)
        if m is not None:
            known = outlets.lookup(m.group("n"))
            if known is not None and not is_known_place(m.group("n")):
                return known.name, f"outlet named before the text: {para[: m.end()].strip()}"
            # an outlet the data does not list, signing with its crew ("Levant News Desk:")
            crew = _LEAD_CREW.search(m.group("n"))
            bare = m.group("n")[: crew.start()] if crew else ""
            if bare and _outlet_shaped(bare) and _specific(bare) and not is_known_place(bare):
                return bare, f"outlet named before the text: {para[: m.end()].strip()}"
        m = _LEAD_DOMAIN.match(para)
        if m is not None:
            return _named(m.group("n")), f"outlet named before the text: {m.group(0)}"
    return "", ""


# Lines that close a report: "Source-BBC Middle East", "Source: Tasnim", "RFS – Idleb",
# "(Tasnim)", "— Middle East Monitor", or the outlet's name alone ("Syrian Press Center").
_CLOSING_SOURCE = re.compile(
    # "Source" in the corpora's languages too: Kaynak, Quelle, Fuente, Fonte, Источник, المصدر
    r"^(?:source|sources|via|kaynak|quelle|fuente|fonte|источник|المصدر)\s*(?:[-–—:]\s*|\s+)"
    r"(?P<n>.{2,60}?)\.?$",
    re.I,
)
_CLOSING_OFFICE = re.compile(
    r"^(?P<n>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s*[–—-]\s*"
    r"(?P<p>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2})$"
)


def closing_outlets(raw: str, text: str) -> list[tuple[str, str]]:
    """Outlets the page's closing lines name, in page order, among the few lines that follow
    the last paragraph the cleaner kept (each a name and the words that show it)."""
    lines = _closing_lines(raw, text)
    found: list[tuple[str, str]] = []
    for line in lines:
        name = _closing_name(line)
        if name:
            found.append((name, f"closing line: {line}"))
    # a sign-off closing the last paragraph itself: "… killed in the strike. [ARN]"
    # (a closing note may follow it: "This is a developing story.")
    paras = [p for page in (text, raw[-3000:]) for p in page.strip().split("\n\n")[-3:][::-1]]
    last = [" ".join(p.split()) for p in paras if p.strip()]
    for para in last:
        m = _TRAILING_TAG.search(para[-60:]) or _TRAILING_DASH.search(para[-60:])
        if m is None:
            continue
        name = m.group("n").strip()
        known = outlets.lookup(name) or _domain_outlet(name)
        if known is not None:
            found.append((known.name, f"sign-off: {m.group(0).strip()}"))
            break
        if _SITE_DOMAIN.fullmatch(name):  # "… the strike. – Example.com": a site's own mark
            found.append((name, f"sign-off: {m.group(0).strip()}"))
            break
    return found


_TRAILING_TAG = re.compile(r"[.!?”\"]\s*[\[(](?P<n>[^\[\]()]{2,30})[\])]\.?$")
# "… said the head of the monitor. – Rappler.com", "… in the strike. — Middle East Monitor"
_TRAILING_DASH = re.compile(
    r"[.!?”\"’]\s+(?:[–—]|--?)\s*(?P<n>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\.?$"
)
_SITE_DOMAIN = re.compile(r"[A-Za-z][\w-]{2,}\.(?:com|net|org|news|info|co\.uk|com\.\w\w|ph)")


def _domain_outlet(name: str) -> outlets.Outlet | None:
    """A known outlet named by its domain, with or without its "www." or country ending."""
    return outlets.by_domain(name) if "." in name and " " not in name.strip() else None


_SPACE = re.compile(r"\s")


def _last_spaced_match_end(raw: str, probe: str, start: int) -> int:
    """Where the last of the non-overlapping copies of ``probe`` (no spaces in it) in
    ``raw[start:]`` ends, spaces allowed between its characters; -1 when there is none.

    What ``re.compile(r"\\s*".join(map(re.escape, probe))).finditer(raw, start)`` finds last,
    without compiling a pattern for every page: as no character of ``probe`` is a space, a
    copy of it is a copy in the page's characters with the spaces taken out.
    """
    tail = raw[start:]
    words = tail.split()  # (``str.split`` and ``\\s`` agree on what a space is)
    bare = "".join(words)
    at = -1
    k = bare.find(probe)
    while k >= 0:
        at = k
        k = bare.find(probe, k + len(probe))
    if at < 0:
        return -1
    # the copy ends before the last ``after`` characters that are not spaces: walk back to it
    after = len(bare) - (at + len(probe))
    pos = len(tail)
    for word in reversed(words):
        pos = tail.rfind(word, 0, pos)  # where this word starts (only spaces follow it)
        if after < len(word):
            return start + pos + len(word) - after
        after -= len(word)
    return -1  # (not reached: the copy is in ``tail``)


def _closing_lines(raw: str, text: str) -> list[str]:
    """The raw lines after the last kept paragraph (the last three raw lines when it cannot be
    found), short ones only; the rest of a line the cleaner cut is not a closing line."""
    last = text.strip().rsplit("\n\n", 1)[-1] if text and text.strip() else ""
    probe = _SPACE.sub("", last)[-40:]
    # the closing lines are near the end: look only there
    end = _last_spaced_match_end(raw, probe, max(0, len(raw) - 20000)) if probe else -1
    if end < 0:
        lines = [" ".join(ln.split()) for ln in raw[-20000:].split("\n")]
        lines = [ln for ln in lines if ln][-3:]
    else:
        lines = [" ".join(ln.split()) for ln in raw[end:].split("\n")[1:]]
        lines = [ln for ln in lines if ln][:8]
        if "\n" not in last:
            lines.insert(0, " ".join(last.split()))  # a sign-off the cleaner kept
    return [ln for ln in lines if len(ln) <= 80]


_URL_HOST = re.compile(r"https?://(?:www\.|english\.|en\.)?(?P<h>[\w.-]+\.[a-z]{2,})", re.I)


# "Press TV's website can also be accessed at …", "Download the Daily Sabah app": a closing
# line about the outlet's own pages; "Al Jazeera's Jane Doe reports from Antakya." signs a
# video report off.
_OWN_PAGES = re.compile(
    rf"^(?:download\s+|get\s+|visit\s+)?(?:the\s+)?(?P<n>{_NAME}?)(?:['’]s)?\s+(?:website|web\s+site"
    r"|site|app|apps|mobile\s+app|newsletter|youtube\s+channel|telegram\s+channel)\b",
    re.IGNORECASE,
)
_REPORTS_FROM = re.compile(
    rf"^(?P<n>{_NAME}?)['’]s\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}},?\s+"
    r"(?:reports|reported|reporting)\s+from\s+[A-Z]"
)


# "Read more on Al-Monitor", "Read the full story at Asharq Al-Awsat", "Continue reading on
# rudaw.net", "Visit kurdistan24.net for more": the outlet that holds the whole report.
_READ_ON = re.compile(
    r"^(?:read|continue\s+reading|see|watch|listen|find|view|visit|more)\b[^:]{0,40}?\s"
    r"(?:on|at|from|via|in)\s+(?:the\s+)?(?P<n>.{2,60}?)[.!]?$"
    r"|^visit\s+(?P<v>\S+\.[a-z]{2,}\S*)",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"^(?:about|courtesy(?:\s+of)?|more\s+from|more\s+stories\s+from)\s+(?P<n>.{2,50})$", re.I
)
_BARE_HOST = re.compile(
    r"(?<![@\w.])(?:www\.)?(?P<h>[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|news|info|tv|co\.uk"
    r"|com\.tr|ir|ru|sy|az|am|ph|int|eu|de|fr)\b)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@(?P<h>[\w-]+(?:\.[\w-]+)+)")


def _closing_name(line: str) -> str:
    handle = handle_outlet(line)
    if handle:  # "Follow us on Twitter @SyriaDirect"
        return handle
    m = _URL_HOST.search(line) or _EMAIL.search(line) or _BARE_HOST.search(line)
    if m is not None:  # "Read more: https://www.al-monitor.com/…", "tips@syriadirect.org"
        known = outlets.by_domain(m.group("h"))
        return known.name if known is not None else ""
    m = _ABOUT.match(line)
    if m is not None:  # "About Enab Baladi", "Courtesy of Syria Direct": a known outlet only
        known = outlets.lookup(m.group("n").strip(" .:"))
        return known.name if known is not None else ""
    m = _READ_ON.match(line)
    if m is not None:  # a known outlet only: "Read more on Syria" names a country
        name = (m.group("n") or m.group("v") or "").strip(" .:")
        known = outlets.lookup(name) or _domain_outlet(name)
        return known.name if known is not None else ""
    m = _CLOSING_SOURCE.match(line)
    if m is not None:
        name = m.group("n").strip(" .:")
        known = outlets.lookup(name)
        if known is not None:
            return known.name
        # an outlet the data does not list, when shaped like one ("Kaynak: Mepa News"); never
        # "Read Full Article", "social media" or a person
        readish = re.search(r"\b(?:read|click|here|link|article|story)\b", name, re.I)
        generic = {w.lower() for w in name.split()} <= _GENERIC_CREDIT
        capitalised = all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in name.split())
        return name if _plausible(name) and capitalised and not (readish or generic) else ""
    m = _SIGN_OFF.match(line)
    if m is not None:
        name = (m.group("p") or m.group("d") or "").strip()
        known = outlets.lookup(name) or _domain_outlet(name)
        return known.name if known is not None else ""
    # "Press TV's website can also be reached at …", "X's Jane Doe reports from …"
    m = _OWN_PAGES.match(line) or _REPORTS_FROM.match(line)
    if m is not None:
        known = outlets.lookup(re.sub(r"['’]s$", "", m.group("n")))
        return known.name if known is not None and not outlets.is_agency(known.name) else ""
    m = _CLOSING_OFFICE.match(line)
    if m is not None and is_known_place(m.group("p")) and not is_known_place(m.group("n")):
        known = outlets.lookup(m.group("n"))
        if known is not None:
            return known.name
        return m.group("n") if re.fullmatch(r"[A-Z]{2,6}", m.group("n")) else ""
    known = outlets.lookup(line.strip(" .|"))
    if known is not None and len(known.name) > 3:
        return known.name
    if masthead_like(line) and _specific(line) and len(line.split()) <= 5:
        return " ".join(line.split())
    return ""


_OWN_CORRESPONDENT = re.compile(
    rf"(?:^|[.!?]\s+|,\s+|according\s+to\s+(?:the\s+|an?\s+)?)(?P<n>{_NAME})(?:['’]s)?\s+"
    rf"(?:correspondents?|reporters?)\b(?:\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
    rf"(?:\s+(?:reported|reports|said|says|confirmed|stated|noted|added|learned|saw))?",
    re.MULTILINE,
)


def own_correspondent(text: str) -> tuple[str, str]:
    """The outlet whose own correspondent the text cites ("Baladi News correspondent reported",
    "according to Enab Baladi's correspondent in Idlib"): one non-agency outlet only."""
    found: dict[str, str] = {}
    if "correspondent" not in text and "reporter" not in text:
        return "", ""
    for m in _OWN_CORRESPONDENT.finditer(text):
        name = re.sub(r"['’]s$", "", m.group("n"))
        if name.split()[0].lower() in _GENERIC:
            continue
        known = outlets.lookup(name)
        if known is not None:
            if not outlets.is_agency(known.name):
                found.setdefault(known.name, m.group(0).strip())
        elif _outlet_shaped(name) and _specific(name) and not re.fullmatch(r"[A-Z]{2,5}", name):
            found.setdefault(name, m.group(0).strip())
    if len(found) != 1:
        return "", ""
    name, words = next(iter(found.items()))
    return name, f"its own correspondent: “{words[:80]}”"


# debris a name can carry from the line it came from: "Xinhua| 2019-08-23 16:04:26|Editor: x",
# "Xinhua Editor Mu Xuequan", "Sputnik 19:40 GMT"
_NAME_DEBRIS = re.compile(
    r"\s*[|•·]\s*.*$|\s+editor\b.*$|\s+(?:19|20)\d\d-\d\d-\d\d\b.*$|\s+\d{1,2}:\d\d\b.*$"
    r"|/[a-z]{1,4}$",  # "Reuters/nr": an editor's initials
    re.I,
)


def canonical_name(name: str) -> str:
    """A known outlet's canonical name for ``name`` (also when debris follows it), else
    ``name`` itself."""
    if not name:
        return name
    known = outlets.lookup(name)
    if known is not None:
        return known.name
    cut = _NAME_DEBRIS.sub("", name).strip(" .,:;-–—")
    if cut and cut != name:
        known = outlets.lookup(cut)
        return known.name if known is not None else cut
    return name


_NEWSLETTER = re.compile(
    rf"^(?:new\s+|sign\s+up\s+(?:to|for)\s+|get\s+)?(?:the\s+|our\s+)?(?P<n>{_NAME}?)['’]?s?\s+"
    r"(?:free\s+|daily\s+|weekly\s+)?newsletters?\b",
    re.IGNORECASE,
)


def chrome_outlet(raw: str) -> tuple[str, str]:
    """The outlet the page's own promotions name ("Support SouthFront", "New MEE newsletter:
    …", "Subscribe to The Week"), when they name one outlet only. A newsletter must be a known
    outlet's: "New Year newsletter" is none."""
    found: dict[str, str] = {}
    for line in raw.split("\n"):
        if not _may_promote(line):
            continue
        s = " ".join(line.split())
        if not s:
            continue
        # a promotion may close a longer widget line ("… the Middle East – subscribe to
        # Haaretz"): there, only a known outlet's name counts
        parts = [s] if len(s) <= 100 else _PROMO_PARTS.split(s)
        for part in parts:
            part = part.strip()
            if not part or len(part) > 100 or not _may_promote(part, opening=True):
                continue
            name = _promoted(part)
            if name and (len(s) <= 100 or outlets.lookup(name) is not None):
                found.setdefault(name, part)
    if len(found) != 1:
        return "", ""
    name, line = next(iter(found.items()))
    return name, f"the page promotes it: {line[:80]}"


# A promotion's words (``promo_outlet``'s first words, ``_NEWSLETTER``'s "newsletter"), lower
# case: a line or part without one names no outlet, and costs no pattern.
_PROMO_OPENINGS = ("subscribe", "click", "follow", "sign", "support", "like", "join")


def _may_promote(text: str, *, opening: bool = False) -> bool:
    """Whether ``text`` holds a promotion's words (with ``opening``: opens with the first)."""
    low = re_case_lower(text)
    if "newsletter" in low:
        return True
    return low.startswith(_PROMO_OPENINGS) if opening else any(w in low for w in _PROMO_OPENINGS)


_PROMO_PARTS = re.compile(r"\s+[■•|–—]\s+|\s+-\s+|(?<=[.!?])\s+")


def _promoted(line: str) -> str:
    """The outlet a promotion line names, or ""."""
    name = promo_outlet(line)
    if name and _promo_words(name):
        name = ""  # "Sign up for Breaking News", "Subscribe to Daily Alerts"
    if not name:
        m = _NEWSLETTER.match(line)
        known = outlets.lookup(m.group("n")) if m and m.group("n") else None
        name = known.name if known is not None else ""
    return name


_PROMO_WORDS = frozenset(
    ["newsletter", "newsletters", "alerts", "alert", "updates", "update", "email", "emails",
     "podcast", "digest", "briefing", "channel", "page", "feed", "account"]
)  # fmt: skip


def _promo_words(name: str) -> bool:
    """Whether a promoted name is a product or a section, not an outlet."""
    words = [w.lower().strip(".:!") for w in name.split()]
    if any(w in _PROMO_WORDS for w in words):
        return True
    return all(w in _SECTION_WORDS or w in _GENERIC_CREDIT for w in words)


_EDITORS_NOTE = re.compile(
    r"^(?P<n>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s+Note\s*:\s+\S", re.MULTILINE
)
_NOT_A_NOTE_OWNER = frozenset(
    ["editor", "editor's", "editors", "author's", "translator's", "important", "please", "side",
     "final", "a", "the", "our"]
)  # fmt: skip


def note_outlet(text: str) -> tuple[str, str]:
    """The outlet that introduces a report it carries with its own note ("ICC Note: The town
    of …"), in the first paragraphs."""
    head = "\n\n".join(text.split("\n\n")[:4])
    m = _EDITORS_NOTE.search(head)
    if m is None:
        return "", ""
    name = m.group("n")
    if name.split()[0].lower() in _NOT_A_NOTE_OWNER or is_known_place(name):
        return "", ""
    known = outlets.lookup(name)
    if known is None and not (re.fullmatch(r"[A-Z]{2,6}", name) or _outlet_shaped(name)):
        return "", ""
    return (known.name if known else name), f"its note on the report: {m.group(0)[:60]}"


# The same cues in the corpora's other languages: "сообщает РБК-Украина со ссылкой на …"
# (reports citing), "مراسل الجزيرة في إدلب" (Al Jazeera's correspondent in Idlib).
_CITING_ELSEWHERE = re.compile(
    r"(?:сообщает|сообщило|сообщил|передает|передаёт|пишет|повідомляє|пише)\s+"
    r"(?P<n>[^\s,.]+(?:\s[^\s,.]+){0,3}?)\s+(?:со\s+ссылкой|с\s+ссылкой|з\s+посиланням)"
)
# "Yeni Şafak’a konuşan …", "… Anadolu Ajansı'na açıklama yapan": told the outlet (Turkish
# dative, then a verb of speaking)
_TOLD_TR = re.compile(
    r"(?P<n>[A-ZÇĞİÖŞÜ][\w.]*(?:\s[A-ZÇĞİÖŞÜ][\w.]*){0,3})['’](?:a|e|ya|ye|na|ne)\s"
    r"[^.\n]{0,60}?\b(?:konuş|açıkla|anlat|değerlendir|söyle|belirt|demeç)"
)
_CORRESPONDENT_AR = re.compile(
    r"(?:مراسل|مراسلة|مراسلو|مندوب)\s+(?:قناة\s+|وكالة\s+|موقع\s+)?(?P<n>\S+(?:\s\S+){0,3})"
)


def elsewhere_outlet(text: str) -> tuple[str, str]:
    """A known outlet a non-English text names as its own ("сообщает X со ссылкой на",
    "مراسل X"), when it names one outlet only."""
    found: dict[str, str] = {}
    for m in _CITING_ELSEWHERE.finditer(text):
        known = outlets.lookup(m.group("n"))
        if known is not None:
            found.setdefault(known.name, m.group(0))
    for m in _TOLD_TR.finditer(text):
        known = outlets.lookup(m.group("n"))
        if known is not None and not outlets.is_agency(known.name):
            found.setdefault(known.name, m.group(0))
    for m in _CORRESPONDENT_AR.finditer(text):
        words = m.group("n").split()
        for n in range(len(words), 0, -1):
            known = outlets.lookup(" ".join(words[:n]))
            if known is not None:
                found.setdefault(known.name, m.group(0))
                break
    if len(found) != 1:
        return "", ""
    name, words = next(iter(found.items()))
    return name, f"names itself: {words[:80]}"


# "Idleb-SANA / La caméra …", "محافظة حلب – المرصد السوري لحقوق الإنسان:: …": a place, then the
# outlet, then the text.
_PLACE_OUTLET_LEAD = re.compile(
    r"^(?P<p>[^\W\d][^\n:/|–—-]{1,30}?)\s*[-–—]\s*(?P<n>[^\n:/|–—-]{2,60}?)\s*(?::+|/|[–—])\s+\S"
)


_DASH = re.compile(r"\s*[–—]\s*|\s+-\s*|-(?=\s)|(?<=[a-z])-(?=[A-Z])")
_SLASH_TAG = re.compile(r"^[^\n]{2,60}?[.,]?\s/(?P<n>[^/\n]{2,20})/\.?\s+\S")


def place_outlet_lead(text: str) -> tuple[str, str]:
    """A known outlet named with a place at the start of one of the first paragraphs:
    "Idleb-SANA / …", "Beirut - Asharq Al-Awsat" or "Enab Baladi – Idlib" on a line of its
    own, "MOSCOW, February 28. /TASS/. …"."""
    for para in text.split("\n\n")[:4]:
        line = " ".join(para.split())
        if len(line) <= 70:
            for sep in _DASH.finditer(line):
                left, right = line[: sep.start()].strip(), line[sep.end() :].strip(" :")
                for outlet_side, place_side in ((right, left), (left, right)):
                    known = outlets.lookup(outlet_side) if outlet_side and place_side else None
                    if known is not None and is_known_place(place_side):
                        return known.name, f"outlet named with the place: {line}"
        m = _SLASH_TAG.match(line)
        if m is not None:
            known = outlets.lookup(m.group("n").strip())
            if known is not None:
                return known.name, f"outlet's tag: {line[: m.end('n') + 1]}"
    for para in text.split("\n\n")[:3]:
        m = _PLACE_OUTLET_LEAD.match(para.strip())
        if m is None or len(m.group("p").split()) > 3:
            continue
        known = outlets.lookup(m.group("n"))
        if known is not None and not is_known_place(m.group("n")):
            return known.name, f"outlet named before the text: {m.group(0)[:-1].strip()}"
    return "", ""


_COPYRIGHT_LINE = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<n>[^.,|©]{2,50}?)\s*(?:[.,|]\s*|\s+)(?:all\s+rights\s+reserved)",
    re.IGNORECASE,
)
_REPUBLISHED = re.compile(
    rf"\b(?:(?:was\s+)?(?:originally|first)\s+(?:published|appeared|posted)\s+(?P<p>on|in|at|by)"
    rf"|republished\s+(?:with\s+permission\s+)?from)\s+(?:the\s+)?(?P<n>{_NAME})"
)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "this", "that", "his", "her", "its", "our"])
_NOT_A_PUBLISHER = re.compile(r"\b(?:images?|photos?|getty|shutterstock|pictures?)\b", re.I)


# the other shapes of a rights line, for a known outlet only: "© Kurdistan 24 2020", "All
# rights reserved to Enab Baladi 2019", "North Press Agency - All Rights Reserved"
_YEARS = r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)"
_RIGHTS_SHAPES = (
    re.compile(
        rf"^(?:copyright\s*)?(?:©|\(c\))\s*(?:{_YEARS}\s*)?(?P<n>[^©|]{{2,50}}?)\s*,?\s*{_YEARS}?\.?$",
        re.I,
    ),
    re.compile(
        rf"^all\s+rights\s+(?:are\s+)?reserved\s*(?:to|by|for|©|-|:)?\s*(?:©\s*)?(?:{_YEARS}\s*)?"
        rf"(?P<n>[^©|]{{2,50}}?)\s*,?\s*{_YEARS}?\.?$",
        re.I,
    ),
    re.compile(
        rf"^(?:©\s*)?(?:{_YEARS}\s*)?(?P<n>[^©|]{{2,50}}?)\s*(?:[-–—|,.:]\s*)?(?:{_YEARS}\s*)?"
        r"all\s+rights\s+reserved\.?$",
        re.I,
    ),
)


def _rights_of_known(line: str) -> outlets.Outlet | None:
    for shape in _RIGHTS_SHAPES:
        m = shape.match(line)
        if m is not None:
            name = m.group("n").strip(" -–—.,")
            known = outlets.lookup(name) or _domain_outlet(name)
            if known is not None:
                return known
    return None


def copyright_outlet(raw: str) -> tuple[str, str]:
    """The outlet a copyright line names ("© 2020 Syria Call News. All rights reserved."), when
    known or shaped like an outlet; a photo agency's credit is none."""
    for line in raw.split("\n"):
        s = " ".join(line.split())
        if len(s) > 120:
            continue
        m = _COPYRIGHT_LINE.match(s)
        if m is None:
            known = _rights_of_known(s) if "©" in s or "rights" in s.lower() else None
            if known is not None:
                return known.name, f"copyright: {s}"
            continue
        name = m.group("n").strip(" -–—")
        if _NOT_A_PUBLISHER.search(name):
            continue
        known = outlets.lookup(name)
        if known is not None:
            return known.name, f"copyright: {s}"
        # its rights reserved, a capitalised name with a place in it is the publisher's ("©
        # 2020 Syria Call. All rights reserved."), unless it is a place, a ministry or a crowd;
        # a person's name ("© 2020 Sami Kaya") is none
        words = name.split()
        capitalised = all(w[:1].isupper() or w in ("of", "for", "and", "&", "the") for w in words)
        placed = any(is_known_place(w) for w in words if w[:1].isupper())
        if (
            len(words) <= 5
            and (_plausible(name) or (capitalised and placed and words[0].lower() not in _PRONOUNS))
            and _specific(name)
            and publisher_like(name)
            and not is_known_place(name)
        ):
            return name, f"copyright: {s}"
    return "", ""


def republished_outlet(text: str) -> tuple[str, str]:
    """The outlet a carried report names as where it first appeared ("This article was
    originally published on Syria Direct"): the report's outlet, not the site that carries it."""
    if "published" not in text and "appeared" not in text and "posted" not in text:
        return "", ""
    for m in _REPUBLISHED.finditer(text):
        name = m.group("n").strip(" .")
        known = outlets.lookup(name)
        if known is not None:
            return known.name, f"first published there: {m.group(0)[:80]}"
        # "appeared on X", "published at X": a site, never a person (who publishes "by")
        site = m.group("p") in ("on", "at") and len(name.split()) <= 4 and not is_known_place(name)
        if (site or _plausible(name)) and _specific(name):
            return name, f"first published there: {m.group(0)[:80]}"
    return "", ""
