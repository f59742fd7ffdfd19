"""Line-level cleaning: metadata, boilerplate, captions, related links, typed blocks.

Each non-empty line of the repaired text is a candidate block. Lines are classified in order:

1. metadata at the top (``date 2019-12-28``, bylines, "Published …" lines) and datelines;
2. boilerplate anywhere: known mastheads and footers (``outlets.json``), ``Source: …`` trailers,
   copyright lines, social and promo lines, photo/video captions and credits;
3. the title: a headline-shaped first line (short, no closing full stop) followed by body text;
4. related-article headlines versus subheadings (both are short lines with no full stop):

   - at the end of the article a run of such lines, together with "teasers" (a related story's
     headline and dek: two or three sentences of at most ten words, or a short question), is a
     block of related links: a subheading is never the last thing. One short line followed by
     one short non-question paragraph stays (a subheading and its paragraph); a lone closing
     sentence stays; nothing is removed if no body paragraph would be left;
   - after a "Read more:" / "Related Topics" line, the headline-shaped lines that follow are
     related links wherever they sit;
   - a short question ("What is at stake?") followed by body is a subheading, never dropped;
   - mid-text each candidate gets a score; related if the score reaches 2:
     +2 the outlet's template inserts related links (``related_links`` in ``outlets.json``),
     +1 eight or more words, +1 more for twelve or more (subheadings are short),
     +1 starts with a number ("7 basic questions…") or has a "Label: headline" colon,
     −3 wrapped in quotes (translated outlets quote their subheadings: "Humanitarian disaster"),
     −1 five words or fewer,
     −1 shares a content word with the paragraph that follows (a subheading announces it).

Then inline debris in the kept paragraphs is repaired (doubled initials, machine-translation
leftovers, orphan closing quotes) and the blocks are joined by exactly one blank line.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from idlibtui.annotate.dates import MONTHS
from idlibtui.clean import outlet_cues, outlets
from idlibtui.clean.chrome import (
    INTRO_LABELS,
    caption_note,
    chrome_note,
    credit_tail,
    ends_mid_sentence,
    looks_truncated,
)
from idlibtui.clean.dateline import match_dateline, match_outlet_lead
from idlibtui.clean.edits import Edit, EditText
from idlibtui.clean.lang import EN_FUNCTION_WORDS
from idlibtui.clean.stamps import find_full_date, parse_date, read_stamp
from idlibtui.model import BlockKind, DateClaim


@dataclass(slots=True)
class Info:
    """What the passes learn about the article."""

    title: str = ""
    source: str = ""
    source_evidence: str = ""
    agency: str = ""
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

    def claim_date(
        self,
        date: dt.date,
        source: str,
        text: str,
        *,
        precision: str = "day",
        year_known: bool = True,
    ) -> None:
        claim = DateClaim(date, precision, source, " ".join(text.split())[:120], year_known)
        if claim not in self.date_claims:
            self.date_claims.append(claim)

    @property
    def has_stated_date(self) -> bool:
        return any(c.year_known and c.precision == "day" for c in self.date_claims)

    def add_credit(self, credit: str) -> None:
        credit = credit.strip().strip("()").strip()
        if credit and credit not in self.credits:
            self.credits.append(credit)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


# --------------------------------------------------------------------------------------------
# Line patterns
# --------------------------------------------------------------------------------------------

_LEADING_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)-(\d{1,2})")
_PUBLISHED = re.compile(
    r"\A\s*(?:(?:first\s+)?published|posted|updated)(?:\s+on)?\s*:?\s*(?P<date>"
    + _MONTH_RE
    + r"\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+"
    + _MONTH_RE.replace("?P<month>", "?:")
    + r",?\s+(?:19|20)\d\d)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*(?:\n[ \t]*)?",
    re.IGNORECASE,
)
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
    r"^(?:(?:first\s+)?published|posted|updated|last\s+(?:updated|modified)|date|dated|released)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*(?P<rest>.{4,80})$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z\w][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z\w][\w.'’-]*){0,3})*"
    r"(?:\s*[|,•·–—-]\s*.{0,80})?$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:source|sources|via|from)\s*:\s*(?P<name>[^!?]{2,80}?)\.?$", re.IGNORECASE
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^(?:photo|photos|photograph|picture|image|video|credit|photo credit|image credit|"
    r"image source|image copyright|photo by|photograph by|pictured|getty images|footage)"
    r"\s*(?::|by\b)\s*(?P<credit>.{2,100})$",
    re.IGNORECASE,
)
_AGENCY = (
    r"(?:AFP|AP|Reuters|EPA|EPA-EFE|Getty Images|Anadolu Agency|AA|Xinhua|SANA|Storyful|DPA|Sipa"
    r"|Shutterstock)"
)
_SLASH_CREDIT = re.compile(
    r"^[A-Z][\w.'’ -]{1,50}\s*/\s*"
    + _AGENCY
    + r"(?:\s+via\s+Getty Images)?$|^"
    + _AGENCY
    + r"(?:/Getty Images| via Getty Images| Photo)?$"
)
# A caption: a line that ends with a parenthesised credit, or with "Photograph: Name/Agency".
_CAPTION_TAIL = re.compile(
    r"(?:\((?P<paren>(?:[A-Z]+\s+)?(?:Photo|Photograph|Video|Image|Picture|Credit|Photos)s?"
    r"(?:\s+by)?\s*[:/][^()]{1,100}"
    r"|[^()]{0,60}(?:/|\bvia\s)[^()]{0,40}"
    r"(?:Getty Images|AFP|AP|Reuters|EPA|Storyful)[^()]{0,20})\)"
    r"|(?P<bare>(?:Photograph|Photo|Image|Picture|Video)\s*:\s*[^.()]{2,80})"
    r"|\[(?P<bracket>(?:File|Photo|Picture|Image|Video)\b[^\[\]]{0,80}|[^\[\]]{1,60}/[^\[\]]{2,40}"
    r"|AFP|Reuters|AP|EPA|Al Jazeera|Getty Images|Anadolu Agency|SANA|Handout)\])\s*$"
)


def _caption_tail(s: str) -> re.Match[str] | None:
    """``_CAPTION_TAIL.search(s)``, tried only on a line that can hold a match: one that ends
    with ")" or "]", or names a photo, image, picture or video (the search tries its
    alternatives at every position of a paragraph that usually cannot)."""
    if s.rstrip()[-1:] not in (")", "]") and not (
        "Photo" in s or "Image" in s or "Picture" in s or "Video" in s
    ):
        return None
    return _CAPTION_TAIL.search(s)


_MEDIA_CREDIT = re.compile(
    r"^(?:image|photo|picture|media|video)\s+(?:copyright|source|credit)s?\b\s*:?\s*(?P<credit>.{2,100})$",
    re.IGNORECASE,
)
_CAPTION_LEAD = re.compile(r"^(?:image caption|media caption|caption)\b\s*:?\s*", re.IGNORECASE)
_PROMO = re.compile(
    r"""^(?:
        (?:like|follow|join)\s.{0,80}\bon\s+
          (?:facebook|twitter|instagram|x|telegram|youtube|whatsapp|linkedin|tiktok)\b
      | follow\s+us\b | (?:sign\s+up|subscribe)\b | (?:get|receive)\s.{0,40}\bnewsletter
      | (?:read|see|watch|listen)(?:\s+(?:more|also|next|the\s+full\s+(?:story|article)))?\s*:
      | (?:read|see)\s+(?:more|also)\b.{0,80}$
      | related(?:\s+(?:articles?|stories|coverage|content|topics|news|reading))?\s*:?\s*$
      | (?:related|also\s+read|more\s+on\s+this|recommended)\s*:\s*\S.{0,150}$
      | more\s+(?:from|on|stories|news)\b.{0,60}$
      | (?:most\s+(?:read|popular|viewed)|recommended(?:\s+for\s+you)?
          |you\s+may\s+also\s+like|also\s+read|trending)\b.{0,40}$
      | share\s+(?:this|on|via|the\s+story)\b | click\s+here\b | tap\s+here\b
      | download\s+(?:our|the)\s.{0,30}\bapp\b | advertisement\s*$ | ad\s*$
      | sponsored(?:\s+content)?\s*$
      | support\s+(?:our|independent|quality)\s.{0,20}journalism | donate\b
      | the\s+views\s+expressed\s+in\s+this
      | this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:updated|amended|corrected)
      | (?:additional\s+)?reporting\s+by\b.{0,160}$ | (?:writing|editing|compiled)\s+by\b.{0,120}$
      | .{0,80}\bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\.?\s*$
      | (?:translated|translation|adapted)\s+(?:by|from)\b.{0,100}$
      | \((?:translated|translation)\b.{0,100}\)\s*$
      | have\s+a\s+(?:news\s+)?tip | send\s+us\s+your | comments?\s*(?:\(\d+\))?\s*$
      | (?:today['’]s|this\s+week['’]s)\s+coverage\s+from\b
      | we\s+use\s+cookies | accept\s+(?:all\s+)?cookies
      | (?:topics|tags|filed\s+under)\s*:
      | (?:print|email|whatsapp|facebook|twitter)
        (?:\s*[|·•]\s*(?:print|email|whatsapp|facebook|twitter|linkedin|copy\s+link))+\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = ".!?…:;,"
_CLOSERS = "\"'”’)»]"
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "you",
        "not",
        "but",
        "about",
        "over",
        "after",
        "into",
        "than",
        "more",
        "most",
        "new",
        "says",
        "said",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
    ]
)


def headline_shaped(line: str) -> bool:
    """A short line without a closing full stop: a title, subheading or related-link candidate."""
    s = line.strip()
    if not s or len(s) > 160:
        return False
    words = s.split()
    if len(words) > 22:
        return False
    core = s.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL:
        return False
    first_alpha = next((ch for ch in s if ch.isalpha()), "")
    if not first_alpha:
        return False
    return s[0].isdigit() or not first_alpha.islower()


def _short_question(line: str) -> bool:
    s = line.strip()
    return (
        s.endswith("?")
        and len(s.split()) <= 10
        and s[:1].isupper()
        and not _quoted(s)
        and not re.search(r"[.!?]\s", s)
    )


def _quoted(line: str) -> bool:
    s = line.strip()
    return len(s) > 2 and s[0] in "\"'“‘«" and s[-1] in "\"'”’»"


_SOCIAL_ONLY = re.compile(
    r"^(?:(?:share|facebook|twitter|x|whatsapp|e-?mail|print|linkedin|telegram|reddit|pinterest"
    r"|messenger|copy\s+link|flipboard|comments?|save|tweet)\b[\s|·•,/:-]*){2,}$",
    re.IGNORECASE,
)
_GENERIC_SOURCE = re.compile(
    r"^(?:(?:news\s+)?agenc(?:y|ies)|wires?|staff|various|web\s*desk|desk|reuters,?\s+afp.*"
    r"|(?:read\s+)?(?:the\s+)?(?:full|original)\s+(?:article|story|report|text)|read\s+more"
    r"|(?:click|link|here|website|internet|social\s+media|media(?:\s+reports?)?|news(?:\s+reports?)?)"
    r"|.*\b(?:read|click|here|link)\b.*)$",
    re.IGNORECASE,
)
_RELATED_INTRO = re.compile(
    r"^(?:read\s+more|see\s+also|related(?:\s+\w+)?|more\s+on\s+this\s+story|also\s+read"
    r"|recommended|most\s+read|more\s+from\b.*)\s*:?\s*$",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z\"“‘'])")


def _teaser(line: str) -> bool:
    """A related story's headline and dek: two very short sentences, or a short question."""
    s = line.strip()
    if len(s) > 140 or re.search(r"[\"“”]", s):
        return False
    if s.endswith("?") and len(s.split()) <= 14:
        return True
    if s[-1:] not in ".!?":
        return False
    sentences = _SENTENCES.split(s)
    return 2 <= len(sentences) <= 3 and all(len(x.split()) <= 10 for x in sentences)


def _content_words(text: str) -> set[str]:
    return {
        w[:5]
        for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower().replace("-", " "))
        if w not in _STOP
    }


def _related_score(line: str, next_text: str, outlet: outlets.Outlet | None) -> int:
    s = line.strip()
    words = s.split()
    score = 0
    if outlet is not None and outlet.related_links:
        score += 2
    if len(words) >= 8:
        score += 1
    if len(words) >= 12:
        score += 1
    if s[:1].isdigit() or re.search(r"^[A-Z][\w ]{1,20}: \S", s):
        score += 1
    if _quoted(s):
        score -= 3
    if len(words) <= 5:
        score -= 1
    if next_text and _content_words(s) & _content_words(next_text[:300]):
        score -= 1
    return score


# --------------------------------------------------------------------------------------------
# The pass
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    drop: tuple[str, str] | None = None  # (repair kind, note)
    cut_from: int | None = None  # a credit at the end of the line, from this offset in text
    kind: BlockKind = BlockKind.PARAGRAPH


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw_line) + 1
    return out


def kind_at(spans: list[tuple[int, int, BlockKind]], raw: int) -> BlockKind | None:
    """The kind of the sorted, disjoint raw span containing ``raw`` (binary search)."""
    k = bisect_right(spans, (raw, float("inf"))) - 1  # type: ignore[arg-type]
    if k >= 0 and spans[k][0] <= raw < spans[k][1]:
        return spans[k][2]
    return None


def _typed_by_html(doc: EditText, line: _Line, info: Info) -> BlockKind | None:
    if not info.typed_raw:
        return None
    return kind_at(info.typed_raw, doc.raw_pos(line.start))


def structure(doc: EditText, info: Info) -> None:
    """Classify lines, drop boilerplate and metadata, repair inline debris, join blocks."""
    m = _LEADING_DATE.match(doc.text)
    source = "metadata line"
    if m is None:
        m, source = _LEADING_PUBLISHED.match(doc.text), "published line"
    if m:
        d = parse_date(m.group("date"))
        if d is not None:
            info.claim_date(d, source, m.group(0))
        else:
            month = _YEAR_MONTH.fullmatch(m.group("date"))
            if month and 1 <= int(month.group(2)) <= 12:
                d = dt.date(int(month.group(1)), int(month.group(2)), 1)
                info.claim_date(d, source, m.group(0), precision="month")
        doc.apply([Edit(m.start(), m.end(), "", "metadata", "leading date metadata")])

    lines = _lines(doc.text)
    info.typed_raw.sort()
    _classify_boilerplate(lines, info, doc)
    _keep_something(lines, info, doc)
    _caption_dates(lines, info)
    kept = [ln for ln in lines if ln.drop is None]
    outlet = outlets.lookup(info.source) if info.source else None
    _classify_blocks(kept, info, doc, outlet)

    edits = [Edit(ln.start, ln.end, "", ln.drop[0], ln.drop[1]) for ln in lines if ln.drop]
    edits += [
        Edit(ln.start + ln.cut_from, ln.end, "", "boilerplate", "photo credit ending a paragraph")
        for ln in lines
        if ln.drop is None and ln.cut_from is not None
    ]
    # Dateline at the head of the first body paragraph.
    body = [ln for ln in kept if ln.drop is None and ln.kind is BlockKind.PARAGRAPH]
    titled = [k for k, ln in enumerate(kept) if ln.drop is None and ln.kind is BlockKind.TITLE]
    if titled:  # a date line left above the title is not where the dateline is
        body = [ln for ln in body if kept.index(ln) > titled[0]] or body
    if body:
        end = _take_dateline(body[0].text, info)
        if end:
            edits.append(Edit(body[0].start, body[0].start + end, "", "metadata", "dateline"))
    # Remember which raw spans were typed, for the final block list.
    for ln in kept:
        if ln.drop is None and ln.kind is not BlockKind.PARAGRAPH:
            info.line_types.append((doc.raw_pos(ln.start), doc.raw_pos(ln.end - 1) + 1, ln.kind))
    doc.apply(edits)


_CAPTION_DAY = re.compile(
    r"\b(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>\d{1,2})\b",
    re.IGNORECASE,
)


def _caption_dates(lines: list[_Line], info: Info) -> None:
    """Days named in removed captions: a photo is taken before the article that shows it, so
    the judge may use them as a lower bound (never as the article's day)."""
    for ln in lines:
        if ln.drop is None or ln.drop[1] not in ("photo caption", "photo credit"):
            continue
        found = find_full_date(ln.text)
        if found is not None:
            info.claim_date(found[0], "caption", ln.text)
            continue
        m = _CAPTION_DAY.search(ln.text)
        if m is not None:
            try:
                day = dt.date(2000, MONTHS[m.group("m").lower()], int(m.group("d")))
            except (ValueError, KeyError):
                continue
            info.claim_date(day, "caption", ln.text, year_known=False)


def _take_dateline(text: str, info: Info) -> int:
    """Record the dateline that opens ``text`` (place, day, agency) and return where the body
    begins after it (0 when there is none)."""
    dl = match_dateline(text)
    if dl is None:
        lead = match_outlet_lead(text, outlets.lookup)
        if lead is None:
            return 0
        end, name = lead
        info.set_source(name, f"outlet named before the text: {text[:end].strip()}")
        return end
    info.dateline = info.dateline or dl.place
    if dl.tag:
        _credit_tag(dl.tag, info, f"dateline tag ({dl.tag})")
    if dl.day is not None:
        info.claim_date(dl.day, "dateline", text[: dl.end], year_known=dl.year_known)
    end = dl.end
    while True:  # "BEIRUT — DAMASCUS: …" would leave a second dateline behind
        again = match_dateline(text[end:])
        if again is None:
            break
        end += again.end
    return end


def _credit_tag(tag: str, info: Info, evidence: str) -> None:
    """A dateline's tag: an agency ("Reuters", "AP", "Xinhua"), an outlet's own tag ("ST",
    "North Press"), or both with a day ("UrduPoint News / Sputnik - 19th August, 2019")."""
    stamp = find_full_date(tag)
    if stamp is not None:
        info.claim_date(stamp[0], "dateline", tag)
        tag = (tag[: stamp[1]] + tag[stamp[2] :]).strip(" -–—,")
    names: list[str] = []
    for part in re.split(r"\s*/\s*|\s*,\s*", tag):
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
    own = [n for n in names if not outlets.is_agency(n)]
    if agencies:
        info.agency = info.agency or agencies[0]
    for name in own + agencies:
        info.set_source(name, evidence)


_METADATA_PREFIX = re.compile(r"^(?:date|dated|datum)\s*[:=]?\s*(?:19|20)\d\d\b", re.I)


def _classify_boilerplate(lines: list[_Line], info: Info, doc: EditText) -> None:
    n = len(lines)
    credit_idx: list[int] = []
    for i, ln in enumerate(lines):
        s = ln.text
        if len(s) >= 500:
            continue  # no boilerplate line is this long
        if not any(ch.isalnum() for ch in s):
            ln.drop = ("debris", "separator line")
            continue
        if _SOCIAL_ONLY.match(s):
            ln.drop = ("boilerplate", "share buttons")
            continue
        normed = outlets.norm(s) if len(s) <= 300 else ""  # for the masthead and footer tests
        o = outlets.masthead(s, normed=normed) if len(s) <= 200 else None
        if o is not None:
            ln.drop = ("boilerplate", "masthead")
            info.set_source(o.name, f"masthead: {s}")
            continue
        if _COPYRIGHT.match(s) and len(s) < 200:
            rest = re.sub(r"^(?:©|\(c\)|copyright|\s)+", "", s, flags=re.IGNORECASE)
            if re.search(r"\b(?:19|20)\d\d\b|rights reserved|all rights", s, re.IGNORECASE):
                ln.drop = ("boilerplate", "copyright footer")
                name = re.sub(r"^\s*(?:(?:19|20)\d\d\s*[-–]?\s*)+[.,]?\s*", "", rest)
                name = re.split(r"[.,;|]\s|\s+all rights", name, flags=re.IGNORECASE)[0]
                found = outlets.lookup(name.strip()) if name.strip() else None
                if found is not None:
                    info.set_source(found.name, f"copyright: {s}")
            else:
                ln.drop = ("boilerplate", "photo credit")
                info.add_credit(s)
                credit_idx.append(i)
            continue
        o = outlets.footer(s, normed=normed) if len(s) <= 300 else None
        if o is not None:
            ln.drop = ("boilerplate", "outlet footer")
            info.set_source(o.name, f"footer: {s}")
            continue
        m = _CREDIT_LINE.match(s)
        if (
            (m and len(s) < 140)
            or (_SLASH_CREDIT.match(s) and len(s) < 80)
            or (_MEDIA_CREDIT.match(s) and len(s) < 140)
        ):
            ln.drop = ("boilerplate", "photo credit")
            info.add_credit(s)
            credit_idx.append(i)
            continue
        if _CAPTION_LEAD.match(s) and len(s) < 400:
            ln.drop = ("boilerplate", "photo caption")
            continue
        m = _caption_tail(s)
        if m and len(s) < 500:
            ln.drop = ("boilerplate", "photo caption")
            info.add_credit(m.group("paren") or m.group("bare") or m.group("bracket") or "")
            continue
        if len(s) < 300 and _PROMO.match(s):
            ln.drop = ("boilerplate", "promo or social footer")
            named = outlet_cues.promo_outlet(s)
            if named:
                info.set_source(named, f"promo: {s}")
            if _RELATED_INTRO.match(s):
                # "Read more:" / "Related Topics" then a list of other stories' headlines.
                for k in range(i + 1, n):
                    nxt = lines[k].text
                    if not (headline_shaped(nxt) or _teaser(nxt)) or len(nxt) > 140:
                        break
                    lines[k].drop = ("boilerplate", "related-article links")
            continue
        # a line that opens with date metadata is the date rules' to split first
        note = None if _METADATA_PREFIX.match(s) else chrome_note(s) or caption_note(s)
        if note is None and len(s) > 80:
            ln.cut_from = credit_tail(s)
        if note is not None:
            ln.drop = ("boilerplate", note)
            if INTRO_LABELS.match(s):
                # "Similar News:" / "Check Also" then other stories' headlines and teasers
                for k in range(i + 1, n):
                    nxt = lines[k].text
                    cut_teaser = nxt.endswith(("…", "...")) and len(nxt) <= 300
                    if not (cut_teaser or headline_shaped(nxt) or _teaser(nxt)) or len(nxt) > 300:
                        break
                    lines[k].drop = ("boilerplate", "related-article links")
            continue
    # Captions sitting next to a credit line: the line after it, and a line before it that
    # repeats the caption's opening words (an image's short title).
    for i in credit_idx:
        after = next((k for k in range(i + 1, n) if lines[k].drop is None), None)
        before = next((k for k in range(i - 1, -1, -1) if lines[k].drop is None), None)
        after_is_caption = False
        if after is not None:
            s = lines[after].text
            has_more = any(lines[k].drop is None for k in range(after + 1, n))
            if has_more and len(s.split()) <= 40 and s.rstrip(_CLOSERS)[-1:] not in ".!?":
                lines[after].drop = ("boilerplate", "photo caption")
                after_is_caption = True
        if before is not None and after is not None:
            a = lines[before].text.lower().split()[:3]
            b = lines[after].text.lower().split()[:3]
            if len(a) >= 2 and a == b[: len(a)] and (after_is_caption or len(a) >= 3):
                lines[before].drop = ("boilerplate", "photo caption")
                if not after_is_caption and len(lines[after].text.split()) <= 40:
                    lines[after].drop = ("boilerplate", "photo caption")
    _repeated_lines(lines)
    _classify_positional(lines, info)


def _positional(ln: _Line, rank: int, kept: int, info: Info) -> bool:
    """Rules that depend on where a line sits among the lines still kept (top or bottom)."""
    s = ln.text
    top = rank < 4
    if (rank < 2 or rank >= kept - 1) and len(s) <= 60 and kept > 2:
        o = outlets.lookup(re.sub(r"\s*[|:–—-]\s*(?:home|news|world|english)?\s*$", "", s))
        if o is not None and not (len(o.name) <= 3 and s.strip() != o.name):
            ln.drop = ("boilerplate", "masthead")
            info.set_source(o.name, f"masthead: {s}")
            return True
    if rank == 0 and kept > 3 and outlet_cues.masthead_like(s):
        ln.drop = ("boilerplate", "masthead")
        found = outlets.lookup(s)
        info.set_source(found.name if found else " ".join(s.split()), f"masthead: {s}")
        return True
    m = _SOURCE_LINE.match(s)
    if m and (rank >= kept - 6 or top):
        name = m.group("name").strip()
        stamp = read_stamp(name)
        if stamp is not None:  # "Source: Indian Express March 12, 2018 10:07 UTC"
            info.claim_date(stamp.date, "source line", s)
            name = stamp.name
        found = outlets.lookup(name) if name else None
        ln.drop = ("metadata", "source trailer")
        if not name:
            return True
        if found is not None or not _GENERIC_SOURCE.match(name):
            info.set_source(found.name if found else name, f"trailer: {s}")
        return True
    if not (top or rank >= kept - 2):
        return False
    if _BYLINE.match(s) and len(s.split()) <= 16 and not s.endswith("."):
        ln.drop = ("metadata", "byline")
        who = re.sub(r"^(?:by|written by|words by)\s+", "", s, flags=re.IGNORECASE)
        named = outlet_cues.byline_outlet(re.split(r"\s*[|,•·–—]\s*|\s+-\s+", who)[0])
        if named:
            info.set_source(named, f"byline: {s}")
        d = parse_date(s)
        if d:
            info.claim_date(d, "byline", s)
        return True
    m = _PUBLISHED.match(s)
    if m:
        d = parse_date(m.group("rest"))
        if d is not None:
            ln.drop = ("metadata", "publication date")
            info.claim_date(d, "published line", s)
            return True
    stamp = read_stamp(s, is_name=outlet_cues.plausible_name) if len(s) <= 160 else None
    if stamp is not None:
        ln.drop = ("metadata", "date line")
        info.claim_date(stamp.date, "date line", s)
        if stamp.name:
            found = outlets.lookup(stamp.name)
            if found is not None:
                info.set_source(found.name, f"date line: {s}")
            elif outlet_cues.plausible_name(stamp.name):
                info.set_source(stamp.name, f"date line: {s}")
        return True
    names = outlet_cues.credit_list(s) if rank >= kept - 3 else []
    if names:  # "IPA, Reuters": who the copy is credited to
        ln.drop = ("metadata", "credit line")
        for name in names:
            if outlets.is_agency(name):
                info.agency = info.agency or name
        own = [n for n in names if not outlets.is_agency(n)]
        info.set_source((own or names)[0], f"credit line: {s}")
        return True
    return False


def _classify_positional(lines: list[_Line], info: Info) -> None:
    """Apply :func:`_positional` until nothing changes, ranking lines among those still kept,
    so that cleaning the cleaned text again finds the same top and bottom."""
    for _ in range(200):
        kept = [ln for ln in lines if ln.drop is None]
        m = len(kept)
        window = [*range(min(4, m)), *range(max(4, m - 6), m)]
        if not any(len(kept[r].text) < 500 and _positional(kept[r], r, m, info) for r in window):
            return


_NUMERIC_DATE = re.compile(r"^\d{1,4}[-./]\d{1,2}[-./]\d{2,4}\b|^\d{1,2}:\d\d\b")


def never_a_title(line: str) -> bool:
    """A date line, a caption or a piece of page chrome: headline-shaped, never the title."""
    s = line.strip()
    if parse_date(s) is not None and len(s.split()) <= 12:
        return True
    if _NUMERIC_DATE.match(s) and len(s.split()) <= 6:
        return True
    return chrome_note(s) is not None or caption_note(s) is not None


def _title_index(kept: list[_Line]) -> int | None:
    """The headline: the first line if it is headline-shaped and body follows; past one date
    line, caption or bit of chrome above it, the line after."""
    for i in (0, 1):
        if i + 1 >= len(kept):
            return None
        s = kept[i].text
        shaped = (
            headline_shaped(s)
            and not _quoted(s)
            and any(not headline_shaped(ln.text) for ln in kept[i + 1 : i + 3])
        )
        junk = never_a_title(s)
        if shaped and not junk:
            return i
        if not junk:
            return None
    return None


def _classify_blocks(
    kept: list[_Line], info: Info, doc: EditText, outlet: outlets.Outlet | None
) -> None:
    if not kept:
        return
    if not any(info.typed_raw):
        kept = _section_label(kept, info, doc)
        _other_language_lines(kept, info, doc)
        kept = [ln for ln in kept if ln.drop is None]
        if not kept:
            return
    html_typed = [_typed_by_html(doc, ln, info) for ln in kept]
    # Title.
    start = 0
    if any(t is BlockKind.TITLE for t in html_typed):
        for ln, t in zip(kept, html_typed, strict=True):
            if t is BlockKind.TITLE:
                ln.kind = BlockKind.TITLE
                if not info.title:
                    info.title = ln.text
                break
        start = next(i for i, t in enumerate(html_typed) if t is BlockKind.TITLE) + 1
    else:
        pick = _title_index(kept)
        if pick is not None:
            kept[pick].kind = BlockKind.TITLE
            info.title = info.title or kept[pick].text
            start = pick + 1
    # Standfirst.
    if start < len(kept) - 1:
        cand = kept[start]
        nxt = kept[start + 1]
        one_sentence = len(re.findall(r"[.!?](?:\s|$)", cand.text)) <= 1
        short = len(cand.text.split()) <= 45 and not headline_shaped(cand.text)
        if (
            short
            and one_sentence
            and (
                (start == 1 and match_dateline(nxt.text) is not None)
                or (outlet is not None and outlet.standfirst and start == 0)
            )
        ):
            cand.kind = BlockKind.STANDFIRST
    # Related links at the end, then subheadings versus related links mid-text.
    body = [ln for ln in kept[start:] if ln.kind is BlockKind.PARAGRAPH]
    shaped = {id(ln): headline_shaped(ln.text) for ln in body}
    tail: list[_Line] = []
    for ln in reversed(body):
        if shaped[id(ln)] or _teaser(ln.text):
            tail.append(ln)
            continue
        break
    tail.reverse()
    if len(tail) == 1 and not headline_shaped(tail[0].text):
        tail = []  # one short closing sentence is body text
    keep: set[int] = set()  # lines decided to stay: the mid-text rules leave them alone
    if tail and looks_truncated(tail[-1].text):
        # an export that stops mid-sentence: what precedes the cut is the report, not links
        info.flags[doc.raw_pos(tail[-1].start)] = "truncated text (kept)"
        keep.update(id(ln) for ln in tail)
        tail = []
    if len(tail) == 1 and len(tail[0].text.split()) > 3:
        # one headline-shaped closing line: a related link or the report's own last line;
        # keep it (precision first) and say it may be boilerplate
        info.flags[doc.raw_pos(tail[0].start)] = "possible boilerplate (related link?)"
        keep.add(id(tail[0]))
        tail = []
    if (
        len(tail) == 2
        and headline_shaped(tail[0].text)
        and not headline_shaped(tail[1].text)
        and not tail[1].text.endswith("?")
    ):
        tail = []  # a subheading with its (short) paragraph, decided below
    in_tail = {id(ln) for ln in tail}
    if not any(not shaped[id(ln)] for ln in body if id(ln) not in in_tail):
        tail = []  # never strip an article down to nothing
    for ln in tail:
        ln.drop = ("boilerplate", "related-article links")
    remaining = [ln for ln in body if ln.drop is None]
    # body_after[i]: some line after remaining[i] is body text (not headline-shaped).
    body_after = [False] * (len(remaining) + 1)
    for i in range(len(remaining) - 1, -1, -1):
        body_after[i] = body_after[i + 1] or not shaped[id(remaining[i])]
    any_body = body_after[0]
    position = {id(ln): i for i, ln in enumerate(kept)}
    for idx, ln in enumerate(remaining):
        question = _short_question(ln.text)
        if (not shaped[id(ln)] and not question) or id(ln) in keep:
            continue
        kind = html_typed[position[id(ln)]]
        if kind is BlockKind.HEADING:
            ln.kind = BlockKind.HEADING
            continue
        nxt = remaining[idx + 1].text if idx + 1 < len(remaining) else ""
        if not body_after[idx + 1]:
            nxt = ""  # only short lines follow: nothing for a subheading to announce
        if question:
            # "What is at stake?": a subheading when body follows; never dropped mid-text.
            if nxt and not headline_shaped(nxt) and _related_score(ln.text, nxt, outlet) < 2:
                ln.kind = BlockKind.HEADING
            continue
        if not nxt:
            if any_body:
                ln.drop = ("boilerplate", "related-article link")
        elif _related_score(ln.text, nxt, outlet) >= 2:
            ln.drop = ("boilerplate", "related-article link")
        else:
            ln.kind = BlockKind.HEADING


# --------------------------------------------------------------------------------------------
# Inline debris inside kept paragraphs
# --------------------------------------------------------------------------------------------

_DOUBLED_INITIAL = re.compile(r"\b([a-zA-Z])([A-Z])(?=[a-z]{2,})")
# The capital of a _DOUBLED_INITIAL match ("TThe", "hHe"): a pattern that begins with it is
# searched for capitals only, not tried at every position.
_DOUBLED_CAPITAL = re.compile(r"[A-Z](?<=[a-zA-Z][A-Z])(?=[a-z]{2})")


def _doubled_initial_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DOUBLED_INITIAL.finditer(text)``, tried only before the capitals that can be one's
    second letter (its two-letter matches cannot overlap)."""
    for capital in _DOUBLED_CAPITAL.finditer(text):
        m = _DOUBLED_INITIAL.match(text, capital.start() - 1)
        if m is not None:
            yield m


_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpt",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "no",
        "nos",
        "approx",
        "est",
        "dept",
        "gov",
        "sen",
        "rep",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "a.m",
        "p.m",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "fig",
        "al",
        "ca",
        "cf",
        "op",
        "vol",
    ]
)
# A short lower-case fragment after the paragraph's last full stop ("he said. additional.").
_MT_WORD = re.compile(
    r"(?<=[a-z0-9%)\"”’][.!?])[ ]+(?:Additional|Additionally|Translated|Translation|Continued"
    r"|Cont|Ends|End|Update|Updated)[.:]?[ ]*$",
    re.MULTILINE,
)
# Words one of which every _MT_WORD match contains: a substring test rules most texts out in a
# tenth of the time the pattern takes to be tried at every position.
_MT_WORD_NEEDS = ("Additional", "Translat", "Cont", "End", "Update")
_FRAGMENT_QUICK = re.compile(r"[.!?] +[a-z]")
_TRAILING_FRAGMENT = re.compile(
    r"(?<=\S)[.!?]"
    r"(?P<frag>[ ]+[a-z][^\n.!?\"“”]{0,70}?[ ]*[\"“”’]?[ ]*[.!?]?[ ]*[\"“”’]?)[ ]*$",
    re.MULTILINE,
)


def _doubled(m: re.Match[str], text: str) -> str | None:
    if m.group(1).lower() != m.group(2).lower():
        return None
    if m.group(1).isupper():  # "TThe" → "The"
        return m.group(2)
    i = m.start()
    if i and text[i - 1] in "'’":
        return None
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    sentence_start = j < 0 or text[j] in '\n.!?"“:'
    return m.group(2) if sentence_start else m.group(1)


# ``(?<=\w) "(?=…)``, written to begin with its literal ' "' so the engine searches for that
# instead of trying the lookbehind at every position (same matches, a tenth of the time)
_STRAIGHT_ORPHAN = re.compile(r' "(?<=\w ")(?=[.,;:]?[ ]*$)', re.MULTILINE)


def _line_bounds(m: re.Match[str]) -> tuple[int, int]:
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return start, len(text) if end < 0 else end


def inline_debris(doc: EditText) -> None:

    def fragment(m: re.Match[str]) -> str | None:
        text = m.string
        k = m.start()
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        pre = text[k : m.start()].lower().strip("\"'“”‘’(")
        if not pre or pre in _ABBREV or "." in pre or len(pre) == 1:
            return None
        if pre.isdigit() and len(pre) < 4:
            return None
        frag = m.group("frag")
        if len(frag.split()) > 8:
            return None
        return m.group(0)[: m.start("frag") - m.start()]

    # Orphan closing quotes: a closing curly quote with no opening one before it in the line.
    edits = []
    pos = 0
    for line in doc.text.split("\n"):
        if "”" not in line or (
            line.count("”") <= line.count("“") and line.find("“") < line.find("”")
        ):
            pos += len(line) + 1
            continue
        depth = 0
        for k, ch in enumerate(line):
            if ch == "“":
                depth += 1
            elif ch == "”":
                if depth:
                    depth -= 1
                else:
                    start = k - 1 if k and line[k - 1] == " " else k
                    edits.append(
                        Edit(pos + start, pos + k + 1, "", "debris", "orphan closing quote")
                    )
        pos += len(line) + 1
    doc.apply(edits)
    text = doc.text
    doc.sub(
        _DOUBLED_INITIAL,
        lambda m: _doubled(m, text),
        "debris",
        lambda m: f"doubled initial {m.group(0)}",
        matches=_doubled_initial_matches(text),
    )
    # A straight quote left alone at the end of a line with an odd number of them.
    if '"' in doc.text:
        doc.sub(
            _STRAIGHT_ORPHAN,
            lambda m: "" if m.string.count('"', *_line_bounds(m)) % 2 else None,
            "debris",
            "orphan closing quote",
        )
    if any(word in doc.text for word in _MT_WORD_NEEDS):
        doc.sub(_MT_WORD, "", "debris", "machine-translation leftover")
    # Each removal shortens the text, so this ends; "x. a. b." loses both fragments.
    while _FRAGMENT_QUICK.search(doc.text) and doc.sub(
        _TRAILING_FRAGMENT, fragment, "debris", "machine-translation leftover"
    ):
        pass


# --------------------------------------------------------------------------------------------
# Hard line wraps
# --------------------------------------------------------------------------------------------

_WRAP_END_OK = re.compile(r"[.!?:…\"”’)]$")


def unwrap_lines(doc: EditText) -> None:
    """Join paragraphs that an export hard-wrapped at a fixed width (most lines 55–90 long).

    In such a document a line joins the next one unless it is clearly a paragraph's end: short
    (under 3/4 of the wrap width) and ending in closing punctuation, or followed by a blank line.
    """
    text = doc.text
    if text.count("\n") < 6:
        return
    lines = text.split("\n")
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if len(lengths) < 6:
        return
    width = sorted(lengths)[int(len(lengths) * 0.8)]
    near = sum(1 for n in lengths if width - 25 <= n <= width)
    if not (55 <= width <= 100 and near >= 0.6 * len(lengths) and max(lengths) <= width + 10):
        return
    edits = []
    pos = 0
    for k, line in enumerate(lines[:-1]):
        cur = line.strip()
        nxt = lines[k + 1].strip()
        end = pos + len(line)
        pos = end + 1
        if not cur or not nxt:
            continue
        if len(cur) < 0.75 * width and (_WRAP_END_OK.search(cur) or headline_shaped(cur)):
            continue
        if nxt[:1] in "•*-–—" or re.match(r"^\d+[.)]\s", nxt):
            continue
        edits.append(Edit(end, end + 1, " ", "space", "hard line wrap"))
    doc.apply(edits)


def positional_pending(text: str) -> bool:
    """Whether a top/bottom rule would still remove a line of ``text`` (a cheap dry run), e.g.
    after a related link at the very end was dropped and a date line became the last-but-one."""
    lines = _lines(text)
    m = len(lines)
    window = [*range(min(4, m)), *range(max(4, m - 6), m)]
    scratch = Info()
    return any(len(lines[r].text) < 500 and _positional(lines[r], r, m, scratch) for r in window)


# --------------------------------------------------------------------------------------------
# Real-page rules: repeated lines, section labels, lines in another language
# --------------------------------------------------------------------------------------------

_SHOW_MORE = re.compile(r"\s*(?:show\s+more|read\s+more|more|…|\.\.\.)\s*[»›]?\s*$", re.I)


def _repeated_lines(lines: list[_Line]) -> None:
    """A line that repeats an earlier one (a headline printed twice, a caption shown at the
    top and again at the end, a promo in two places) goes; the first copy decides. A line that
    opens like an earlier caption and is cut short ("…Idlib oShow more") is that caption."""
    seen: dict[str, _Line] = {}
    openings: list[tuple[list[str], _Line]] = []
    previous: _Line | None = None
    for ln in lines:
        if ln.drop is not None and ln.drop[1] != "photo caption (trailing credit)":
            continue
        last, previous = previous, ln
        words = ln.text.split()
        key = " ".join(w.lower() for w in words)
        if ln.drop is None and len(words) >= 3 and key in seen:
            if headline_shaped(ln.text):
                ln.drop = ("boilerplate", "repeated line")
                continue
            if len(words) >= 12 and last is not None and last.text == ln.text:
                ln.drop = ("boilerplate", "repeated paragraph")  # printed twice in a row
                continue
        seen.setdefault(key, ln)
        if ln.drop is not None and len(words) >= 8:
            # a caption with its credit: an earlier copy without the credit is the same caption
            head = [w.lower() for w in words[:8]]
            for other_head, other in openings:
                bare = other.text.rstrip(".").strip()
                if other_head == head and other.drop is None and ln.text.startswith(bare):
                    other.drop = ("boilerplate", "photo caption (repeated)")
        if ln.drop is None and len(words) >= 8:
            head = [w.lower() for w in words[:8]]
            for other_head, other in openings:
                if other_head != head:
                    continue
                stem = _SHOW_MORE.sub("", ln.text)
                unfinished = stem != ln.text or ln.text[-1] not in '.!?"”’'
                cut = unfinished and other.text.startswith(stem[: max(0, len(stem) - 12)])
                bare = other.drop is not None and other.text.startswith(ln.text.rstrip(".").strip())
                if other.drop is not None and (cut or bare):
                    ln.drop = ("boilerplate", "photo caption (repeated)")
                elif other.drop is None and cut and len(stem) < len(other.text):
                    ln.drop = ("boilerplate", "repeated line (cut short)")
                break
        if len(words) >= 8:
            openings.append(([w.lower() for w in words[:8]], ln))


_LABEL_SIGNS = re.compile(r"\s[/&|]\s|\b[Nn]ews\s*$|^[A-Z0-9 &/-]+$")


def _section_label(kept: list[_Line], info: Info, doc: EditText) -> list[_Line]:
    """A site name or section label above the headline ("World News", "Syria & Lebanon"):
    two headline-shaped lines open the page and the second, longer one is the headline."""
    if len(kept) < 3 or _quoted(kept[0].text):
        return kept
    first, second = kept[0].text, kept[1].text
    if (
        first == first.lower()
        and len(first.split()) <= 5
        and first[-1:].isalnum()
        and headline_shaped(second)
    ):
        kept[0].drop = ("boilerplate", "tag or keyword line above the headline")
        return kept[1:]
    after = 2
    if parse_date(second) is not None and len(second.split()) <= 12 and len(kept) >= 4:
        second, after = kept[2].text, 3  # "World News" / a date line / the headline
    if not (headline_shaped(first) and headline_shaped(second)):
        return kept
    n1, n2 = len(first.split()), len(second.split())
    if n1 > 6 or n2 < 5 or n2 <= n1 or _short_question(first):
        return kept
    if first.lower().split()[:3] == second.lower().split()[:3] or parse_date(second):
        return kept  # the headline twice, or a date line below it: not a label
    if not any(not headline_shaped(ln.text) for ln in kept[after : after + 2]):
        return kept
    if ends_mid_sentence(second):
        return kept  # a cut-off ticker line under the headline is not the headline
    if n1 <= 3 or _LABEL_SIGNS.search(first):
        kept[0].drop = ("boilerplate", "section label above the headline")
        return kept[1:]
    if not all(w[:1].isupper() for w in first.split() if len(w) >= 4):
        return kept  # a sentence-case line is a headline; a site's name is in title case
    info.flags[doc.raw_pos(kept[0].start)] = "possible boilerplate (site or section name)"
    kept[0].kind = BlockKind.HEADING  # kept, not the title: the headline below it is
    return kept[1:]


_FOREIGN_LETTERS = re.compile("[ğĞşŞıİəƏßäÄøØåÅñÑãõœ\u0400-\u04ff\u0600-\u06ff\u0590-\u05ff]")


def _other_language_lines(kept: list[_Line], info: Info, doc: EditText) -> None:
    """In an English page, a short line in another language at the top or bottom is the
    site's navigation or slogan; a longer one (a headline in the original language) is kept
    and flagged."""
    if len(kept) < 3:
        return
    words = [w for ln in kept for w in re.findall(r"[a-z]+", ln.text.lower())]
    if not words or sum(w in EN_FUNCTION_WORDS for w in words) < 0.15 * len(words):
        return  # not an English page
    for idx in (0, 1, len(kept) - 1):
        if not 0 <= idx < len(kept) or kept[idx].drop is not None:
            continue
        ln = kept[idx]
        line_words = re.findall(r"\w+", ln.text.lower())
        if len(line_words) > 15 or any(w in EN_FUNCTION_WORDS for w in line_words):
            continue
        if not _FOREIGN_LETTERS.search(ln.text):
            continue
        if len(line_words) <= 6:
            ln.drop = ("boilerplate", "navigation or slogan in another language")
        else:
            info.flags[doc.raw_pos(ln.start)] = "possible boilerplate (another language)"


def _keep_something(lines: list[_Line], info: Info, doc: EditText) -> None:
    """A page that is nothing but a caption (a photo page) keeps it, flagged: an empty
    article loses what little the page says."""
    if not lines or any(ln.drop is None for ln in lines):
        return
    captions = [ln for ln in lines if ln.drop is not None and "caption" in ln.drop[1]]
    if captions:
        best = max(captions, key=lambda ln: len(ln.text))
        best.drop = None
        info.flags[doc.raw_pos(best.start)] = (
            "possible boilerplate (a caption; the page has no other text)"
        )
