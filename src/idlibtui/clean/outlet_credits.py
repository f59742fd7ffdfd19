"""Credits that name whose copy a report is: a known outlet credited with the day at the head
of the report ("Xinhua, December 13, 2015"), and the one wire a report cites as its source
("according to Anadolu Agency", "an AFP correspondent"). :mod:`idlibtui.clean.outlet_judge`
weighs them: the first may name the outlet, the second only the agency.
"""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.dateline import is_known_place
from idlibtui.clean.outlet_cues import _NAME

# "Xinhua, December 13, 2015 Adjust font size:", "Tasnim | 2019-08-23 …": a known outlet's name,
# then the day, at the head of the report (with whatever page chrome followed on the line).
_DATED_CREDIT = re.compile(r"^(?P<n>[^\W\d][^,|–—:]{1,40}?)\s*(?:[,|–—:]|\s-)\s*(?=\S)")


def dated_credit_outlet(text: str, raw: str = "") -> tuple[str, str]:
    """A known outlet credited with the day on a short line of the page's first paragraphs
    ("Xinhua, December 13, 2015"): the one whose copy the page carries."""
    from idlibtui.clean.stamps import find_full_date

    # (in the text's first paragraphs, or the raw page's first lines where it was removed)
    heads = text.split("\n\n")[:8] + [ln for ln in raw.split("\n") if ln.strip()][:15]
    for para in heads:
        line = " ".join(para.split())
        if len(line) > 80:
            continue
        m = _DATED_CREDIT.match(line)
        if m is None:
            continue
        found = find_full_date(line[m.end() :])
        if found is None or found[1] > 2:
            continue  # the day must follow the name at once
        known = outlets.lookup(m.group("n").strip())
        if known is not None and not is_known_place(m.group("n").strip()):
            return known.name, f"credit with the day: {line}"
    return "", ""


# "Trend reports citing Reuters", "according to the Anadolu Agency", "the Turkish Anadolu News
# Agency reported", "Reuters reported", "an AFP correspondent": the report's copy came from a wire.
_CITED = re.compile(
    rf"\b(?:[Aa]n?\s+(?P<c>{_NAME}?)\s+(?:correspondent|reporter|photographer|witness|cameraman|journalist|tally)\b)"
    rf"|\b(?:citing|quoting|according\s+to|reports?|reported\s+by)\s+(?:the\s+)?"
    rf"(?P<a>{_NAME})"
    rf"|(?:^|[.!?;]\s+|,\s+)(?:the\s+)?(?P<b>{_NAME}?)(?:\s+news\s+agency)?\s+"
    r"(?:reported|reports|said|quoted|cited)\b",
    re.MULTILINE,
)


#: Wires whose copy other outlets carry. A state agency of a party to the war ("SANA said",
#: "according to IRNA") is quoted as a newsmaker by everyone: citing it says nothing of the copy.
_WIRES = frozenset(
    ["Reuters", "Associated Press", "Agence France-Presse", "Anadolu Agency", "Xinhua", "dpa",
     "TASS", "RIA Novosti", "Sputnik", "Interfax", "EFE", "ANSA", "Kyodo", "UPI", "Storyful",
     "Ruptly", "Ihlas News Agency", "Demiroren News Agency", "Jewish Telegraphic Agency",
     "TT News Agency", "Europa Press", "Australian Associated Press", "The Canadian Press"]
)  # fmt: skip


# The same citations in the corpora's other languages: "передает РИА Новости", "сообщает ТАСС
# со ссылкой на …", "цитиран от Франс прес", "selon l'AFP", "según EFE", "noticiado pela AFP",
# "laut dpa", "secondo l'ANSA", "według Agencji Reutera", "APA-nın xəbərinə görə",
# "Reuters'a göre": the wire's name after (or, in Turkish and Azerbaijani, before) the verb
_CITED_ELSEWHERE = re.compile(
    r"(?:передает|передаёт|сообщает|сообщило|сообщили|пишет|со\s+ссылкой\s+на|по\s+данным"
    r"|цитиран[аио]?\s+от|според|повідомляє|selon|d['’]apr[èe]s"
    r"|seg[úu]n(?:\s+la)?|segundo(?:\s+a)?|noticiad[oa]\s+pel[ao]|informou\s+a|laut"
    r"|secondo|według|podle|citing)(?:\s+l['’]|\s+)(?:агентств[оау]\s+|l['’]agence\s+"
    r"|la\s+agencia\s+|a\s+agência\s+|der\s+nachrichtenagentur\s+|agencji\s+)?"
    r"(?P<n>[^\s,.;:()«»\"]+(?:\s[^\s,.;:()«»\"]+){0,2})"
    r"|(?P<t>[^\s,.;:()«»\"]+(?:\s[^\s,.;:()«»\"]+){0,2}?)['’-]?(?:n[ıi]n|nun|nin)?\s+"
    r"(?:haberine|xəbərinə|verdiği\s+habere|açıklamasına)?\s*g[öə]r[eə]\b",
    re.IGNORECASE,
)


def _cited_elsewhere(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _CITED_ELSEWHERE.finditer(text):
        words = (m.group("n") or m.group("t") or "").split()
        for n in range(len(words), 0, -1):
            part = " ".join(words[:n]).strip("'’-")
            known = outlets.lookup(part) or outlets.by_dateline_tag(part)
            if known is not None:
                if known.name in _WIRES:
                    found.setdefault(known.name, m.group(0).strip())
                break
    return found


def cited_agency(text: str) -> tuple[str, str]:
    """The one wire a report cites as its source ("according to Anadolu Agency", "Reuters
    reported", "an AFP correspondent"), or ``("", "")`` when it cites none or several: whose
    copy the report is, never its outlet (the outlet is who carries it)."""
    found: dict[str, str] = {}
    for m in _CITED.finditer(text):
        name = (m.group("c") or m.group("a") or m.group("b") or "").strip()
        words = name.rstrip(".,;:").split()
        # the longest run that names an agency, from the first word or after an adjective
        # ("the Turkish Anadolu News Agency")
        runs = [words[i:n] for i in (0, 1) for n in range(len(words), i, -1)]
        for run in runs:
            part = " ".join(run)
            known = outlets.lookup(part) or outlets.by_dateline_tag(part)
            if known is not None:
                if known.name in _WIRES:
                    found.setdefault(known.name, m.group(0).strip())
                break
    if not found:
        found = _cited_elsewhere(text)
    if len(found) != 1:
        return "", ""
    name, words = next(iter(found.items()))
    return name, f"cites it: {words[:80]}"


def cited_outlets(text: str) -> set[str]:
    """Every known outlet or agency the text cites as a source ("according to Reuters", "the
    New York Times reported", "reports the Associated Press", "told AFP"): a page that quotes
    several news organisations is a roundup, and an interview it quotes is no evidence of
    who publishes it."""
    found: set[str] = set()
    matches: list[str] = [
        (m.group("c") or m.group("a") or m.group("b") or "") for m in _CITED.finditer(text)
    ]
    matches += [m.group("n") for m in outlets._INTERVIEW.finditer(text)]
    for name in matches:
        words = name.strip().rstrip(".,;:").split()
        runs = [words[i:n] for i in (0, 1) for n in range(len(words), i, -1)]
        for run in runs:
            part = " ".join(run)
            known = outlets.lookup(part) or outlets.by_dateline_tag(part)
            if known is not None:
                if not known.monitor:  # a monitor's figures are quoted by everyone
                    found.add(known.name)
                break
    return found


# "… continues. (Source: IANS)", "(Writing by Tom Perry; Editing by Hugh Lawson)", "Published On:
# July 27, 2019 By: Associated Press": a wire signing the copy inside a line the cleaner keeps
_SOURCE_PAREN = re.compile(r"\((?:source|sources|via)\s*:\s*(?P<n>[^()\n]{2,40}?)\s*\)", re.I)
_WIRE_SIGNATURE = re.compile(
    r"^\(?(?:additional\s+)?(?:reporting|writing)\s+by\s+[^;\n]{2,80};\s*(?:additional\s+)?"
    r"(?:writing|editing)\s+by\b",
    re.I | re.MULTILINE,
)
_BY_COLON = re.compile(r"\b[Bb]y:\s+(?:the\s+)?(?P<n>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})")


def signed_agency(text: str, raw: str = "") -> tuple[str, str]:
    """A wire that signs the copy ("(Source: IANS)", Reuters' "(Writing by …; Editing by …)",
    "By: Associated Press"): whose copy the page carries, the outlet too when the page names
    no publisher of its own."""
    page = raw or text
    for m in _SOURCE_PAREN.finditer(page):
        known = outlets.lookup(m.group("n")) or outlets.by_dateline_tag(m.group("n").strip())
        if known is not None and outlets.is_agency(known.name):
            return known.name, f"credit: {m.group(0)}"
    m = _WIRE_SIGNATURE.search(page[-4000:])
    if m is not None:
        return "Reuters", f"the wire's signature: {m.group(0)[:60]}"
    for m in _BY_COLON.finditer(page[:3000]):
        words = m.group("n").split()
        for n in range(len(words), 0, -1):
            known = outlets.lookup(" ".join(words[:n]))
            if known is not None:
                if outlets.is_agency(known.name):
                    return known.name, f"byline: {m.group(0)}"
                break
    return "", ""
