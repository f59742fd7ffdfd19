"""What the page says about itself: :class:`Info` (what the passes learn), the leading date
and "Published …" lines, bylines, date stamps, ``Source: …`` trailers, credit lines, mastheads
at the top or bottom, the dateline that opens the body, and the days named in removed captions.
Each becomes a date claim, a source with its evidence, an agency or a credit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from idlibtui.annotate.date_words import MONTHS
from idlibtui.clean import outlet_cues, outlets
from idlibtui.clean.dateline import (
    Dateline,
    is_known_place,
    match_admin_lead,
    match_dateline,
    match_dateline_line,
    match_outlet_lead,
    match_tag_lead,
    strong_dateline,
)
from idlibtui.clean.lines import _Line, _lines
from idlibtui.clean.stamps import find_full_date, parse_date, read_stamp
from idlibtui.model import BlockKind, DateClaim


@dataclass(slots=True)
class Info:
    """What the passes learn about the article."""

    title: str = ""
    source: str = ""
    source_evidence: str = ""
    agency: str = ""
    agency_evidence: str = ""  # the words that credit the agency (a tag, a trailer, a byline)
    # dates the page states about itself; the annotator's judge weighs them against the text
    date_claims: list[DateClaim] = field(default_factory=list)
    dateline: str = ""
    credits: list[str] = field(default_factory=list)
    # raw spans typed by the HTML pass: (raw_start, raw_end, BlockKind)
    typed_raw: list[tuple[int, int, BlockKind]] = field(default_factory=list)
    # raw spans of lines the structure pass typed
    line_types: list[tuple[int, int, BlockKind]] = field(default_factory=list)
    is_html: bool = False
    # kept lines that may be boilerplate, or are cut off: raw offset → why (``flag`` repairs)
    flags: dict[int, str] = field(default_factory=dict)

    def set_source(self, name: str, evidence: str) -> None:
        if not self.source and name:
            self.source = name
            self.source_evidence = evidence

    def credit_agency(self, name: str, evidence: str) -> None:
        """An agency credited with the copy ("Source: Anadolu Agency", "By AFP", "(Reuters)"):
        whose copy the page carries, not who publishes it. The outlet judge makes it the outlet
        only when the page names no publisher of its own."""
        if not self.agency and name:
            self.agency = name
            self.agency_evidence = evidence

    def claim_date(
        self,
        date: dt.date,
        source: str,
        text: str,
        *,
        precision: str = "day",
        year_known: bool = True,
    ) -> None:
        # (a caption is kept whole enough to say what it shows: the judge reads its events)
        limit = 300 if source == "caption" else 120
        claim = DateClaim(date, precision, source, " ".join(text.split())[:limit], year_known)
        if claim not in self.date_claims:
            self.date_claims.append(claim)

    @property
    def has_stated_date(self) -> bool:
        return any(c.year_known and c.precision == "day" for c in self.date_claims)

    def add_credit(self, credit: str) -> None:
        credit = credit.strip().strip("()").strip()
        if credit and credit not in self.credits:
            self.credits.append(credit)


_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


_LEADING_PUBLISHED = re.compile(
    r"\A\s*(?:(?:first\s+)?published|posted|updated)(?:\s+on)?\s*:?\s*(?P<date>"
    + _MONTH_RE
    + r"\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+"
    + _MONTH_RE.replace("?P<month>", "?:")
    + r",?\s+(?:19|20)\d\d)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*(?:\n[ \t]*)?",
    re.IGNORECASE,
)


_LEADING_DATE = re.compile(
    r"\A\s*(?:(?:date|dated|datum)\s*[:=]?\s*)?(?P<date>(?:19|20)\d\d-\d{1,2}(?:-\d{1,2})?)(?=[\sT])"
    r"(?:[T ]\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?[ \t]*(?:\n[ \t]*)?",
    re.IGNORECASE,
)


_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)-(\d{1,2})")


_PUBLISHED = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+(?:updated|modified)|date|dated|released"
    # the same words in the corpora's other languages
    r"|publi[ée]e?|mis\s+[àa]\s+jour|ver[öo]ffentlicht|aktualisiert|publicad[oa]|actualizad[oa]"
    r"|atualizad[oa]|pubblicato|aggiornato|yay[ıi]nlanma(?:\s+tarihi)?|g[üu]ncelleme|опубликовано"
    r"|giri[şs]\s+tarihi|yay[ıi]n\s+tarihi|дата\s+публикации|опубліковано|تاريخ\s+البث"
    r"|обновлено|opublikowano|zaktualizowano|diterbitkan|dipublikasikan|gepubliceerd|publicerad"
    r"|publisert|julkaistu|paskelbta|публикувано|обновено|تاريخ\s+النشر|نشر\s+في|آخر\s+تحديث"
    r"|פורסם|עודכן|发布时间|發布時間|发布日期|更新时间|입력|수정)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*(?P<rest>.{4,80})$",
    re.IGNORECASE,
)


_BYLINE = re.compile(
    r"^(?:by|written by|words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z\w][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z\w][\w.'’-]*){0,3})*"
    r"(?:\s*[|,•·–—-]\s*.{0,80})?$",
    re.IGNORECASE,
)


_TEAM_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<n>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})['’]s\s+(?:[A-Z][a-z]+\s+){0,2}"
    r"(?:team|staff|desk|newsroom|editors?|bureau|reporters?|correspondents?)$",
    re.IGNORECASE,
)


_SOURCE_LINE = re.compile(
    r"^(?:source|sources|via|from)\s*:\s*(?P<name>[^!?]{2,80}?)\.?$", re.IGNORECASE
)


_EDITOR_TAIL = re.compile(r"\s*\|\s*editors?\s*:.*$", re.IGNORECASE)
_GENERIC_SOURCE = re.compile(
    r"^(?:(?:news\s+)?agenc(?:y|ies)|wires?|staff|various|web\s*desk|desk|reuters,?\s+afp.*"
    r"|(?:read\s+)?(?:the\s+)?(?:full|original)\s+(?:article|story|report|text)|read\s+more"
    r"|(?:click|link|here|website|internet|social\s+media|media(?:\s+reports?)?|news(?:\s+reports?)?)"
    r"|.*\b(?:read|click|here|link)\b.*)$",
    re.IGNORECASE,
)


_CAPTION_DAY = re.compile(
    r"\b(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2})\b",
    re.IGNORECASE,
)


# the removals whose days are a picture's (``boilerplate`` and ``captions``)
_CAPTION_NOTES = frozenset(
    {
        "photo caption",
        "photo credit",
        "embedded tweet",  # (a tweet quoted by a report was posted before it)
        "photo caption (place and day)",
        "photo caption (names its picture)",
        "photo caption (outlet credit)",
    }
)


def _caption_dates(lines: list[_Line], info: Info) -> None:
    """Days named in removed captions: a photo is taken before the article that shows it, so
    the judge may use them as a lower bound (never as the article's day)."""
    for ln in lines:
        if ln.drop is None and ln.cut_to is not None and ln.cut_note is None:
            text = ln.text[: ln.cut_to]  # a caption glued to a paragraph's head
        elif ln.drop is not None and ln.drop[1] in _CAPTION_NOTES:
            text = ln.text
        else:
            continue
        found = find_full_date(text)
        if found is not None:
            info.claim_date(found[0], "caption", text)
            continue
        m = _CAPTION_DAY.search(text)
        if m is not None:
            try:
                day = dt.date(2000, MONTHS[m.group("m").lower()], int(m.group("d")))
            except (ValueError, KeyError):
                continue
            info.claim_date(day, "caption", text, year_known=False)


def _outlet_not_place(name: str) -> bool:
    """Whether a dateline's "place" is a known outlet's name and no known place."""
    return outlets.lookup(name) is not None and not is_known_place(name)


def _take_dateline(text: str, info: Info) -> int:
    """Record the dateline that opens ``text`` (place, day, agency) and return where the body
    begins after it (0 when there is none)."""
    dl = match_dateline(text)
    if dl is not None and not (dl.tag or dl.day) and _outlet_not_place(dl.place):
        dl = None  # "SNHR: warplanes struck …": an outlet's initials, not a place
    if dl is None:
        dl = match_tag_lead(text, outlets.lookup)  # "(Reuters) - …": a tag, no place
    if dl is None:
        lead = match_outlet_lead(text, outlets.lookup)
        if lead is None:
            return 0
        end, name = lead
        info.set_source(name, f"outlet named before the text: {text[:end].strip()}")
        after = match_dateline(text[end:])  # "AlMasdarNews reports: Latakia, Syria (5:05 A.M.) –"
        if after is not None:
            _record_dateline(after, text[end:], info)
            end += after.end
        return end
    _record_dateline(dl, text, info)
    end = dl.end
    while True:  # "BEIRUT — DAMASCUS: …" would leave a second dateline behind
        again = match_dateline(text[end:])
        if again is None:
            break
        end += again.end
    return end


def _record_dateline(dl: Dateline, text: str, info: Info) -> None:
    """Keep a dateline's place, its tag (agency or outlet) and its day."""
    info.dateline = info.dateline or dl.place  # ("" for a tag alone: "(Reuters) - …")
    if dl.tag:
        _credit_tag(dl.tag, info, f"dateline tag ({dl.tag})")
    if dl.day is not None:
        info.claim_date(dl.day, "dateline", text[: dl.end], year_known=dl.year_known)


def find_dateline(
    paragraphs: list[str], info: Info, above: list[str] | None = None
) -> tuple[int, int]:
    """Where the report's dateline is, and record it: ``(k, end)`` in paragraph ``k``; ``(-2,
    …)`` for the last of the lines ``above`` the first paragraph, ``(-3, …)`` for the one
    before; ``(-1, 0)`` when there is none. It opens the first paragraph, or stands on a line of
    its own just above the body ("WASHINGTON", "IDLIB-Anadolu Agency", "AFP, Beirut :") or as
    the first paragraph, or, unmistakable, opens one of the next paragraphs after a standfirst
    or a caption ("AMMAN — …", "MOSCOW (Sputnik) …")."""
    if not paragraphs:
        return -1, 0
    end = _take_dateline(paragraphs[0], info)
    if end:
        return 0, end
    dl = match_admin_lead(paragraphs[0], outlets.lookup)
    if dl is not None and (dl.end < len(paragraphs[0]) or len(paragraphs) > 1):
        _record_dateline(dl, paragraphs[0], info)
        return 0, dl.end
    for back, line in enumerate(reversed(above or [])):
        dl = match_dateline_line(line, outlets.lookup)
        if dl is not None:
            _record_dateline(dl, line, info)
            return -2 - back, len(line)
    if len(paragraphs) > 1:
        dl = match_dateline_line(paragraphs[0], outlets.lookup)
        if dl is not None:
            _record_dateline(dl, paragraphs[0], info)
            return 0, len(paragraphs[0])
    for k, para in enumerate(paragraphs[1:6], start=1):
        dl = strong_dateline(para)
        if dl is not None and (dl.tag or k < 4):  # an agency's tag may sit lower
            _record_dateline(dl, para, info)
            return k, dl.end
    return -1, 0


def _credit_tag(tag: str, info: Info, evidence: str) -> None:
    """A dateline's tag: an agency ("Reuters", "AP", "Xinhua"), an outlet's own tag ("ST",
    "North Press"), or both with a day ("UrduPoint News / Sputnik - 19th August, 2019")."""
    stamp = find_full_date(tag)
    if stamp is not None:
        info.claim_date(stamp[0], "dateline", tag)
        tag = (tag[: stamp[1]] + tag[stamp[2] :]).strip(" -–—,")
    names: list[str] = []
    for part in re.split(r"\s*/\s*|\s*,\s*|\s+[-–—]\s+", tag):  # "APP - UrduPoint / …"
        part = part.strip(" -–—")
        found = outlets.by_dateline_tag(part) or outlets.lookup(part) if part else None
        if found is not None:
            names.append(found.name)
        elif (
            part
            and (
                (part.isupper() and 2 <= len(part) <= 12)  # an unlisted tag in capitals
                or (1 <= len(part.split()) <= 4 and all(w[:1].isupper() for w in part.split()))
            )
        ):
            names.append(part)
    agencies = [n for n in names if outlets.is_agency(n)]
    own = [n for n in names if not outlets.is_agency(n) and not is_known_place(n)]
    if agencies:
        info.credit_agency(agencies[0], evidence)
    # an agency's tag names whose copy it is, not who carries it ("IDLIB (AA) -" on another
    # site): the outlet stays unknown unless the page names it; a place ("(SYRIA)") is neither
    for name in own:
        info.set_source(name, evidence)


def _team_byline(ln: _Line, info: Info) -> bool:
    """ "Enab Baladi's Investigations Team": a known outlet's own staff sign the report."""
    m = _TEAM_BYLINE.match(ln.text)
    named = outlet_cues.byline_outlet(m.group("n")) if m else ""
    if not named:
        return False
    ln.drop = ("metadata", "byline")
    info.set_source(named, f"byline: {ln.text}")
    return True


def _positional(ln: _Line, rank: int, kept: int, info: Info) -> bool:
    """Rules that depend on where a line sits among the lines still kept (top or bottom)."""
    top = rank < 4
    if _masthead_rule(ln, rank, kept, info) or _source_line_rule(ln, rank, kept, info):
        return True
    if not (top or rank >= kept - 2):
        return False
    return (
        _team_byline(ln, info)
        or _byline_rule(ln, info)
        or _stamp_rule(ln, info)
        or _credit_rule(ln, rank, kept, info)
    )


def _masthead_rule(ln: _Line, rank: int, kept: int, info: Info) -> bool:
    """A site's name alone at the very top or bottom: its masthead."""
    s = ln.text
    if (rank < 2 or rank >= kept - 1) and len(s) <= 60 and kept > 2:
        bare = re.sub(r"\s*[|:–—-]\s*(?:home|news|world|english)?\s*$", "", s)
        o = outlets.lookup(bare.lstrip(" |–—-•"))  # "- Sputnik International" too
        if o is not None and not (len(o.name) <= 3 and s.strip() != o.name):
            ln.drop = ("boilerplate", "masthead")
            if outlets.is_agency(o.name):  # an agency's name over a carried report
                info.credit_agency(o.name, f"masthead: {s}")
            else:
                info.set_source(o.name, f"masthead: {s}")
            return True
    if rank == 0 and kept > 3 and outlet_cues.masthead_like(s) and outlet_cues.specific(s):
        ln.drop = ("boilerplate", "masthead")
        found = outlets.lookup(s)
        info.set_source(found.name if found else " ".join(s.split()), f"masthead: {s}")
        return True
    return False


def _source_line_rule(ln: _Line, rank: int, kept: int, info: Info) -> bool:
    """A "Source: …" line at the top or near the end, with the day it may carry."""
    s = ln.text
    m = _SOURCE_LINE.match(s)
    if not (m and (rank >= kept - 6 or rank < 4)):
        return False
    # a wire mirror's header: "Source: Xinhua| 2019-08-23 16:04:26|Editor: huaxia"
    name = _EDITOR_TAIL.sub("", m.group("name")).strip()
    stamp = read_stamp(name)
    if stamp is not None:  # "Source: Indian Express March 12, 2018 10:07 UTC"
        info.claim_date(stamp.date, "source line", s)
        name = stamp.name
    found = outlets.lookup(name) if name else None
    ln.drop = ("metadata", "source trailer")
    if found is not None and outlets.is_agency(found.name):
        # "Source: Anadolu Agency" under a site's own lead-in: whose copy it is
        info.credit_agency(found.name, f"trailer: {s}")
        return True
    if name and (
        found is not None or (not _GENERIC_SOURCE.match(name) and outlet_cues.publisher_like(name))
    ):
        info.set_source(found.name if found else name, f"trailer: {s}")
    return True


# words that open "By …" prose, never a name: a day, a month, an article or a quantity
_NOT_A_NAME = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july"
    r"|august|september|october|november|december|the|a|an|this|that|then|now|late|early|mid"
    r"|noon|midday|midnight|nightfall|dawn|morning|evening|tonight|today|tomorrow|yesterday"
    r"|far|some|most|contrast|comparison|\d[\w,.]*)\b",
    re.IGNORECASE,
)


def _names_a_writer(who: str) -> bool:
    """The part of a "By …" line before its first separator names a writer (or an outlet):
    capitalised words (particles such as "al", "bin", "and" aside), not a day or an article."""
    first = re.split(r"\s*[|,•·–—]\s*|\s+-\s+|\s+(?:in|for|at|from|with|of)\s+", who.strip())[0]
    words = first.split()
    if not words or _NOT_A_NAME.match(first):
        return False
    particles = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "and", "&", "le", "la"}
    return all(
        any(ch.isupper() for ch in w) or w.lower() in particles or not w[:1].isalpha()
        for w in words
    )


def _byline_rule(ln: _Line, info: Info) -> bool:
    """ "By Sami Kaya | Outlet, 12 March 2018": a byline, its outlet and its day."""
    s = ln.text
    if not (_BYLINE.match(s) and len(s.split()) <= 16 and not s.endswith(".")):
        return False
    who = re.sub(r"^(?:by|written by|words by)\s+", "", s, flags=re.IGNORECASE)
    if not _names_a_writer(who):
        return False  # "By Sunday, the largely …", "By the end of the year …": prose
    ln.drop = ("metadata", "byline")
    named = outlet_cues.byline_outlet(re.split(r"\s*[|,•·–—]\s*|\s+-\s+", who)[0])
    if named and outlets.is_agency(named):  # "By AFP": whose copy it is, whoever carries it
        info.credit_agency(named, f"byline: {s}")
    elif named:
        info.set_source(named, f"byline: {s}")
    d = parse_date(s)
    if d:
        info.claim_date(d, "byline", s)
    return True


def _stamp_rule(ln: _Line, info: Info) -> bool:
    """A "Published …" line, or a line that is a date (with an outlet's name at most)."""
    s = ln.text
    m = _PUBLISHED.match(s)
    if m:
        d = parse_date(m.group("rest"))
        if d is not None:
            ln.drop = ("metadata", "publication date")
            info.claim_date(d, "published line", s)
            return True
    stamp = read_stamp(s, is_name=outlet_cues.plausible_name) if len(s) <= 160 else None
    if stamp is None:
        _headline_stamp(s, info)
        return False
    ln.drop = ("metadata", "date line")
    info.claim_date(stamp.date, "date line", s)
    if stamp.name:
        found = outlets.lookup(stamp.name)
        if found is not None:
            info.set_source(found.name, f"date line: {s}")
        elif outlet_cues.plausible_name(stamp.name):
            info.set_source(stamp.name, f"date line: {s}")
    return True


_LANGUAGE_TAGS = re.compile(r"\s*\[[A-Za-z]{2}(?:/[A-Za-z]{2})*\]\s*$")


def _headline_stamp(s: str, info: Info) -> None:
    """A headline that carries its day after a bar ("Humanitarian Update - Issue 8 | 28 January
    2020 [EN/AR]"): the day is the page's, and the line stays the headline."""
    if " | " not in s or len(s) > 200:
        return
    last = _LANGUAGE_TAGS.sub("", s.rsplit(" | ", 1)[1])
    stamp = read_stamp(last) if last else None
    if stamp is not None and not stamp.name:
        info.claim_date(stamp.date, "date line", s)


def _credit_rule(ln: _Line, rank: int, kept: int, info: Info) -> bool:
    """ "IPA, Reuters" near the end: who the copy is credited to."""
    names = outlet_cues.credit_list(ln.text) if rank >= kept - 3 else []
    if not names:
        return False
    ln.drop = ("metadata", "credit line")
    for name in names:
        if outlets.is_agency(name):
            info.credit_agency(name, f"credit line: {ln.text}")
    own = [n for n in names if not outlets.is_agency(n)]
    if own:
        info.set_source(own[0], f"credit line: {ln.text}")
    return True


def _classify_positional(lines: list[_Line], info: Info) -> None:
    """Apply :func:`_positional` until nothing changes, ranking lines among those still kept,
    so that cleaning the cleaned text again finds the same top and bottom."""
    for _ in range(200):
        kept = [ln for ln in lines if ln.drop is None]
        m = len(kept)
        window = [*range(min(4, m)), *range(max(4, m - 6), m)]
        if not any(len(kept[r].text) < 500 and _positional(kept[r], r, m, info) for r in window):
            return


def positional_pending(text: str) -> bool:
    """Whether a top/bottom rule would still remove a line of ``text`` (a cheap dry run), e.g.
    after a related link at the very end was dropped and a date line became the last-but-one."""
    lines = _lines(text)
    m = len(lines)
    window = [*range(min(4, m)), *range(max(4, m - 6), m)]
    scratch = Info()
    return any(len(lines[r].text) < 500 and _positional(lines[r], r, m, scratch) for r in window)
