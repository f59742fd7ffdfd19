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
     +1 eight or more words, +1 more for twelve or more (subheadings are short), only for a
        line that reads as an English headline (more English function words than foreign ones;
        no non-ASCII punctuation but quotes and dashes): other prose is not a link for its
        length alone,
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
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from idlibtui.clean import outlets
from idlibtui.clean.edits import Edit, EditText
from idlibtui.model import BlockKind


@dataclass(slots=True)
class Info:
    """What the passes learn about the article."""

    title: str = ""
    source: str = ""
    source_evidence: str = ""
    date: dt.date | None = None
    date_evidence: str = ""
    dateline: str = ""
    credits: list[str] = field(default_factory=list)
    # raw spans typed by the HTML pass: (raw_start, raw_end, BlockKind)
    typed_raw: list[tuple[int, int, BlockKind]] = field(default_factory=list)
    # raw spans of lines the structure pass typed
    line_types: list[tuple[int, int, BlockKind]] = field(default_factory=list)
    is_html: bool = False

    def set_source(self, name: str, evidence: str) -> None:
        if not self.source and name:
            self.source = name
            self.source_evidence = evidence

    def add_credit(self, credit: str) -> None:
        credit = credit.strip().strip("()").strip()
        if credit and credit not in self.credits:
            self.credits.append(credit)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(
        r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<mnum>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
]


def parse_date(text: str) -> dt.date | None:
    """A full date (day, month, year) stated in a short string, or None; never guesses."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------------------------
# Line patterns
# --------------------------------------------------------------------------------------------

_LEADING_PUBLISHED = re.compile(
    r"\A\s*(?:(?:first\s+)?published|posted|updated)(?:\s+on)?\s*:?\s*(?P<date>"
    + _MONTH_RE
    + r"\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+"
    + _MONTH_RE.replace("?P<month>", "?:")
    + r",?\s+(?:19|20)\d\d)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*(?:\n[ \t]*)?",
    re.IGNORECASE,
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
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "WATCH",
    ]
)
_LEADING_DATE = re.compile(
    r"\A\s*(?:(?:date|dated|datum)\s*[:=]?\s*)?(?P<date>(?:19|20)\d\d-\d{1,2}-\d{1,2})(?=[\sT])"
    r"(?:[T ]\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?[ \t]*(?:\n[ \t]*)?",
    re.IGNORECASE,
)
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
_SOURCE_LINE = re.compile(r"^(?:source|sources|via)\s*:\s*(?P<name>[^.!?]{2,80}?)\.?$", re.I)
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
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?)"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?"
    r"\s*(?:\((?P<tag1>[A-Za-z .]{2,20})\)\s*)?(?:[—–]|--|-|:)\s+(?=\S)"
    r"|^(?P<place2>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}(?:,\s+[A-Z][a-z]+)?)\s*"
    r"\((?P<tag2>AFP|AP|Reuters|CNN|Xinhua|AA|UPI|dpa|DPA|Anadolu|Sputnik|SANA)\)\s*(?:[—–]|--|-|:)?\s+(?=\S)"
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
    r"^(?:(?:news\s+)?agenc(?:y|ies)|wires?|staff|various|web\s*desk|desk|reuters,?\s+afp.*)$",
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


def _separator(line: str) -> bool:
    """A rule between sections ("* * *", "-----", "—-", "=-=-=", "•"): no letter or digit, and
    only dashes and underscores, or one mark repeated (all of it, or at least half of three or
    more). Kaomoji ("(⌣˛⌣)") and pairs of symbols ("∆°") are text."""
    if any(ch.isalnum() for ch in line):
        return False
    marks = line.replace(" ", "")
    if len(set(marks)) <= 1 or all(unicodedata.category(ch) in ("Pd", "Pc") for ch in marks):
        return True
    return len(marks) >= 3 and 2 * max(marks.count(ch) for ch in set(marks)) >= len(marks)


# Function words of English headlines, and frequent ones of other languages the corpus holds
# (French, Spanish, Portuguese, Italian, German, Dutch, Turkish, Tagalog) that English does not
# write ("un", "e", "per", "van" are left out: "UN", "E.U.", "per cent", "Van").
_ENGLISH_WORDS = frozenset(
    {
        "the", "of", "and", "to", "for", "with", "after", "over", "from", "on", "in", "at", "by",
        "as", "is", "are", "was", "were", "will", "says", "amid", "into", "against", "has",
        "have", "its", "their", "between", "about",
    }
)  # fmt: skip
_FOREIGN_WORDS = frozenset(
    {
        "de", "la", "le", "les", "des", "du", "et", "en", "el", "los", "las", "del", "y", "que",
        "para", "por", "con", "una", "der", "das", "und", "dem", "ist", "nicht", "il", "di",
        "della", "che", "da", "dos", "em", "na", "com", "het", "een", "ve", "bir", "ile", "ng",
        "sa", "ang",
    }
)  # fmt: skip
# Quotes, apostrophes and dashes are English typography; other non-ASCII punctuation and
# symbols ("…" inside a line, "®", "«", "¿") are not headline style.
_HEADLINE_MARKS = frozenset("‘’“”–—")


def _english_headline_words(line: str) -> bool:
    """The line reads as an English headline: more English function words than foreign ones
    (one at least), and no non-ASCII punctuation or symbol other than quotes and dashes."""
    if not line.isascii() and any(
        not ch.isascii() and not ch.isalnum() and not ch.isspace() and ch not in _HEADLINE_MARKS
        for ch in line
    ):
        return False
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", line)]
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english >= 1 and english > sum(w in _FOREIGN_WORDS for w in words)


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
    if len(words) >= 8 and _english_headline_words(s):
        score += 1 + (len(words) >= 12)
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
    m = _LEADING_DATE.match(doc.text) or _LEADING_PUBLISHED.match(doc.text)
    if m:
        d = parse_date(m.group("date"))
        if d is not None and info.date is None:
            info.date = d
            info.date_evidence = f"stated: {m.group(0).strip()}"
        doc.apply([Edit(m.start(), m.end(), "", "metadata", "leading date metadata")])

    lines = _lines(doc.text)
    info.typed_raw.sort()
    _classify_boilerplate(lines, info, doc)
    kept = [ln for ln in lines if ln.drop is None]
    outlet = outlets.lookup(info.source) if info.source else None
    _classify_blocks(kept, info, doc, outlet)

    edits = [Edit(ln.start, ln.end, "", ln.drop[0], ln.drop[1]) for ln in lines if ln.drop]
    # Dateline at the head of the first body paragraph.
    body = [ln for ln in kept if ln.drop is None and ln.kind is BlockKind.PARAGRAPH]
    if body:
        first = body[0]
        dm = _DATELINE.match(first.text)
        if dm and len(first.text) - dm.end() > 40:
            place = (dm.group("place") or dm.group("place2") or "").strip()
            tag = dm.group("tag1") or dm.group("tag2") or ""
            letters = sum(ch.isalpha() for ch in place)
            if letters >= 3 and place.split(",")[0].upper() not in _NOT_PLACES:
                info.dateline = place
                if tag:
                    agency = outlets.by_dateline_tag(tag.strip()) or outlets.lookup(tag.strip())
                    if agency is not None:
                        info.set_source(agency.name, f"dateline tag ({tag.strip()})")
                end = dm.end()
                while True:  # "BEIRUT — DAMASCUS: …" would leave a second dateline behind
                    again = _DATELINE.match(first.text[end:])
                    if not again or len(first.text) - end - again.end() <= 40:
                        break
                    end += again.end()
                edits.append(Edit(first.start, first.start + end, "", "metadata", "dateline"))
    # Remember which raw spans were typed, for the final block list.
    for ln in kept:
        if ln.drop is None and ln.kind is not BlockKind.PARAGRAPH:
            info.line_types.append((doc.raw_pos(ln.start), doc.raw_pos(ln.end - 1) + 1, ln.kind))
    doc.apply(edits)


def _classify_boilerplate(lines: list[_Line], info: Info, doc: EditText) -> None:
    n = len(lines)
    credit_idx: list[int] = []
    for i, ln in enumerate(lines):
        s = ln.text
        if len(s) >= 500:
            continue  # no boilerplate line is this long
        if _separator(s):
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
            if _RELATED_INTRO.match(s):
                # "Read more:" / "Related Topics" then a list of other stories' headlines.
                for k in range(i + 1, n):
                    nxt = lines[k].text
                    if not (headline_shaped(nxt) or _teaser(nxt)) or len(nxt) > 140:
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
    m = _SOURCE_LINE.match(s)
    if m and (rank >= kept - 6 or top):
        name = m.group("name").strip()
        found = outlets.lookup(name)
        ln.drop = ("metadata", "source trailer")
        if found is not None or not _GENERIC_SOURCE.match(name):
            info.set_source(found.name if found else name, f"trailer: {s}")
        return True
    if not (top or rank >= kept - 2):
        return False
    if _BYLINE.match(s) and len(s.split()) <= 16 and not s.endswith("."):
        ln.drop = ("metadata", "byline")
        who = re.sub(r"^(?:by|written by|words by)\s+", "", s, flags=re.IGNORECASE)
        agency = outlets.lookup(
            re.sub(r"\s+(?:staff|reporters?|correspondents?)$", "", who, flags=re.I)
        )
        if agency is not None:
            info.set_source(agency.name, f"byline: {s}")
        d = parse_date(s)
        if d and info.date is None:
            info.date, info.date_evidence = d, f"stated: {s}"
        return True
    m = _PUBLISHED.match(s)
    if m:
        d = parse_date(m.group("rest"))
        if d is not None:
            ln.drop = ("metadata", "publication date")
            if info.date is None:
                info.date, info.date_evidence = d, f"stated: {s}"
            return True
    if len(s.split()) <= 6 and not s.endswith("."):
        d = parse_date(s)
        if d is not None:
            ln.drop = ("metadata", "date line")
            if info.date is None:
                info.date, info.date_evidence = d, f"stated: {s}"
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


def _classify_blocks(
    kept: list[_Line], info: Info, doc: EditText, outlet: outlets.Outlet | None
) -> None:
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
    elif (
        len(kept) >= 2
        and headline_shaped(kept[0].text)
        and not _quoted(kept[0].text)
        and any(not headline_shaped(ln.text) for ln in kept[1:3])
    ):
        kept[0].kind = BlockKind.TITLE
        info.title = info.title or kept[0].text
        start = 1
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
                (start == 1 and _DATELINE.match(nxt.text) is not None)
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
        if not shaped[id(ln)] and not question:
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

    # Orphan closing quotes: a closing curly quote with no opening one before it in the line,
    # standing apart (" ”."), opening the line, or after a finished sentence ("mechanisms.”").
    # Attached to a word, a comma or an ellipsis ("Brontë…”") it may close a quotation whose
    # opening was elsewhere: it stays. A run of them ("””") is judged by what precedes the run.
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
                elif line[:k].rstrip("”")[-1:] in ("", " ", ".", "!", "?"):
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
