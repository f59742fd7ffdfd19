"""Page fragments left between the paragraphs of a report, told by their shape, not by a list
of phrases: a page's clock and view counters beside a date, label lines that introduce nothing,
an image's placeholder text, a video player's title, and the copies of a photo caption.

- **clock and counter lines**: a date with a view or comment counter ("30 September 2015
  Read: 801", "Added: 29.01.2020 11:04 | 11 views | 0 comments", "2016-08-28 1"): the line goes,
  its date stays a claim for the date judge; "Today: Wednesday, 17 April 2024" is the day the
  page was saved (no claim).
- **label lines**: a short "Label:" that ends the text or dangles on a preposition ("More
  about:"), a Title-Case "Label:" above the first sentence of report ("In-depth Report:"); a
  site's "Outlet - Section" label ("Alalam - Syria"); a bullet with one word ("• Published").
  A line with a verb ("Al Jazeera reports:") introduces what follows and stays.
- **placeholders**: an image's stand-in text ("expressive image", "Illustrative photo", "…
  placeholder while … load").
- **video labels**: a headline-shaped line below the headline that ends in " – video" or
  "(PHOTOS)": a player's or gallery's title.
- **caption copies**: a line printed again, once normalised (quotes, apostrophes, bullets,
  spacing, a trailing credit), where one copy is a caption: every copy goes; a scene printed
  twice in a row below the headline (an image's alt text and its caption) goes too.

Every removal names its rule; nothing here removes a sentence of report.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from idlibtui.clean import outlets
from idlibtui.clean.captions import reports_something
from idlibtui.clean.chrome import scene_words
from idlibtui.clean.dateline import match_dateline
from idlibtui.clean.lines import _Line, headline_shaped
from idlibtui.clean.metadata import Info
from idlibtui.clean.stamps import find_full_date, read_stamp

# ---------------------------------------------------------------------------------------------
# Clock and counter lines
# ---------------------------------------------------------------------------------------------

# "Read: 801", "| 11 views", "0 comments", "0 Plays": a widget's count, at the end of the line
_COUNTER = re.compile(
    r"(?:\s*[|•·,]?\s*(?:(?:reads?|views?|hits|plays|comments?|likes|shares)\s*:?\s*\d[\d,.]*"
    r"|\d[\d,.]*\s+(?:reads?|views?|hits|plays|comments?|likes|shares)))+\s*$",
    re.I,
)
# an ISO date and a lone small number after it ("2016-08-28 1": the page's comment count)
_ISO_AND_COUNT = re.compile(r"^((?:19|20)\d\d-\d\d-\d\d)\s+\d{1,4}$")
# "Added:", "Posted", "Published", and a name glued before "Published" ("StoryfulNews Published")
_STAMP_LABEL = re.compile(
    r"^(?:[A-Z]\w{1,30}\s+)?(?:added|posted|published|updated|uploaded|date)\b\s*:?\s*", re.I
)
# "Today: Wednesday, 17 April 2024 year": the page's clock (the day it was saved)
_TODAY = re.compile(r"^(?:today|now|current\s+date)\s*:?\s*(?P<rest>.{8,60})$", re.I)
# a time and a zone after the date ("- 13:05 AMT", ", 02:02")
_TIME_TAIL = re.compile(
    r"\s*[-–|,]?\s*\d{1,2}:\d\d(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5}|UTC[+-]\d{1,2})?$"
)
# "20. 08. 2019": a numeric date with spaces after its dots
_SPACED_DOTS = re.compile(r"^(\d{1,2})\.\s+(\d{1,2})\.\s+((?:19|20)\d\d)")


def _stamp_after(rest: str) -> str | None:
    """What a stamp reads once its time, zone and spaced dots are set straight, or None."""
    rest = _SPACED_DOTS.sub(r"\1.\2.\3", rest.strip(" |•·,-–"))
    bare = _TIME_TAIL.sub("", rest).strip(" |•·,-–")
    stamp = read_stamp(bare) if bare else None
    if stamp is None or stamp.name:
        return None
    return bare


def clock_or_counter(s: str) -> tuple[str, str | None] | None:
    """(note, the date's text to claim or None) for a clock or counter line, else None."""
    if len(s) > 120 or len(s.split()) > 12 or not any(ch.isdigit() for ch in s):
        return None
    m = _TODAY.match(s)
    if m is not None:
        rest = re.sub(r"\s+year\s*$", "", m.group("rest"))  # "17 April 2024 year"
        found = find_full_date(rest)
        if found is not None and not rest[found[2] :].strip(" .,|"):
            return "page clock (the day the page was saved)", None
        return None
    iso = _ISO_AND_COUNT.match(s)
    if iso is not None:
        return "date line with a counter", iso.group(1)
    counted = _COUNTER.search(s)
    labelled = _STAMP_LABEL.match(s)
    if counted is None and labelled is None:
        # "January 14, 2019 - 13:05 AMT", "20. 08. 2019, 02:02": a date with its time alone
        if _TIME_TAIL.search(s) is None:
            return None
        bare = _stamp_after(s)
        return ("date line", bare) if bare and bare != s.strip() else None
    rest = s[: counted.start()] if counted is not None else s
    if labelled is not None:
        rest = rest[labelled.end() :] if labelled.end() <= len(rest) else ""
    bare = _stamp_after(rest)
    if bare is None:
        return None
    return ("date line with a counter" if counted else "date line"), bare


# ---------------------------------------------------------------------------------------------
# Label lines
# ---------------------------------------------------------------------------------------------

_PREPOSITION_END = re.compile(
    r"\b(?:about|on|from|of|in|for|with|to|by|at|more)\s*:$", re.I
)  # "More about:", "Read more on:": a label cut from what it named
_COLON_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*:$")
# a word that makes the line a sentence's start ("Al Jazeera reports:", "He said:")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by"})
_BULLET_WORD = re.compile(r"^[•·▪►]\s*[A-Za-z]{3,20}\s*:?$")
_SITE_SECTION = re.compile(
    r"^(?P<site>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s+[-–|]\s+"
    r"(?P<section>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)$"
)


# a sentence of report after a label, to ask the dateline rules whether the label is a place
_PROBE = "Government forces shelled the town on Monday, the monitor said."


def _title_case(words: list[str]) -> bool:
    """Every word capitalised but the small ones ("In-depth Report", "News in Brief")."""
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _finished(s: str) -> bool:
    return s.rstrip("\"'”’)»]").endswith((".", "!", "?"))


def label_note(kept: list[_Line], k: int, info: Info) -> str | None:
    """Why the kept line ``kept[k]`` is a label that introduces nothing, or None."""
    s = kept[k].text
    words = s.rstrip(":").split()
    if _BULLET_WORD.match(s):
        return "label line (a bullet and one word)"
    if s.endswith(":") and _COLON_LABEL.match(s) and not any(ch.isdigit() for ch in s):
        if k == len(kept) - 1 and k > 0 and _title_case(words) and not reports_something(s):
            # (a sentence's start, "He said:", is a text cut before its quotation: it stays)
            return "label line (introduces nothing: the text ends)"
        if _PREPOSITION_END.search(s):
            return "label line (dangles on a preposition)"
        # above the first sentence of report (under the headline and standfirst)
        if (
            2 <= len(words) <= 3
            and _title_case(words)
            and 0 < k < 4
            and not any(_finished(kept[j].text) for j in range(k))
            and match_dateline(f"{s} {_PROBE}") is None  # "Latakia Province:" is a dateline
        ):
            return "label line (above the text)"
        return None
    m = _SITE_SECTION.match(s)
    # (between paragraphs of report: above the text the dateline rules read it, "Enab Baladi –
    # Idlib")
    if m is not None and 0 < k < len(kept) - 1 and any(_finished(kept[j].text) for j in range(k)):
        site = outlets.lookup(m.group("site"))
        if site is not None and outlets.lookup(m.group("section")) is None:
            info.set_source(site.name, f"section label: {s}")  # the page names its outlet
            return "site section label"
    return None


# ---------------------------------------------------------------------------------------------
# Placeholders and video labels
# ---------------------------------------------------------------------------------------------

# "expressive image", "Illustrative photo", "Representative picture": an image's stand-in
_PLACEHOLDER = re.compile(
    r"^(?:[A-Za-z]+(?:ive|al|ory)\s+)(?:image|photo|picture|illustration)$"
    r"|^(?=.{0,80}$).*\bplaceholder\b.*$",
    re.I,
)
# " – video", " - in pictures", "(PHOTOS)": the title of a player or a gallery
_MEDIA_TAIL = re.compile(
    r"(?:\s[-–—|]\s*(?:video|videos|in\s+pictures|in\s+photos|photos|gallery|watch)"
    r"|\s*[(\[](?:video|videos|photos?|gallery|watch)[)\]])$",
    re.I,
)


def placeholder(s: str) -> bool:
    """An image's stand-in text, a line of its own."""
    return len(s.split()) <= 8 and _PLACEHOLDER.match(s) is not None and not _finished(s)


# ---------------------------------------------------------------------------------------------
# Caption copies
# ---------------------------------------------------------------------------------------------

_BULLET = re.compile(r"^[•·▪►*]")
_QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "`": "'", "´": "'", "“": '"', "”": '"', "″": '"'})
_TRAILING_CREDIT = re.compile(
    r"\s*(?:\([^()]{1,80}\)|\[[^\[\]]{1,80}\]|(?:Photo(?:graph)?|Image|Picture|Credit)\s*:.{1,100})$",
    re.I,
)
# "(MEE/Jane Doe)": a photographer's credit in brackets, an outlet and a name
_SLASH_PAREN = re.compile(r"\s\([A-Z][\w.&'’ -]{1,30}\s*/\s*[A-Z][\w.'’ -]{1,40}\)$")


# (a pure function of the line, asked of the same lines by several rules and both rounds)
@functools.lru_cache(maxsize=4096)
def copy_key(s: str) -> str:
    """A line as its copies read alike: quotes, apostrophes, bullets, spacing and a trailing
    credit set aside."""
    t = unicodedata.normalize("NFKC", s).translate(_QUOTE_MAP).replace("''", "'")
    t = re.sub(r"^[•·▪►*\-–—\s]+", "", t)
    t = _TRAILING_CREDIT.sub("", t)
    t = t.strip().strip("'\"").strip()
    t = re.sub(r"\s+", " ", t).rstrip(" .").lower()
    return t


def _is_caption(ln: _Line) -> bool:
    return (ln.drop is not None and "caption" in ln.drop[1]) or ln.cut_from is not None


def _headline_place(lines: list[_Line]) -> _Line | None:
    """The first kept line of four words or more (a masthead or a section label above the
    headline is shorter, and may go later)."""
    return next((ln for ln in lines if ln.drop is None and len(ln.text.split()) >= 4), None)


def _copies_of_captions(lines: list[_Line], first: _Line | None) -> None:
    """Lines that read alike once normalised: when one copy is a caption, every copy goes;
    the headline said again (in quotes, with other apostrophes) goes, its first copy stays."""
    groups: dict[str, list[_Line]] = {}
    for ln in lines:
        if len(ln.text.split()) >= 6:
            groups.setdefault(copy_key(ln.text), []).append(ln)
    for group in groups.values():
        if len(group) < 2:
            continue
        if any(ln is first for ln in group):
            for ln in group:
                if ln is not first and ln.drop is None and headline_shaped(ln.text):
                    ln.drop = ("boilerplate", "repeated line (the headline again)")
        elif any(_is_caption(ln) for ln in group):
            for ln in group:
                if ln.drop is None:
                    ln.drop = ("boilerplate", "photo caption (a copy of a caption)")


def _scene_twice(a: _Line, b: _Line) -> bool:
    """Whether ``a`` then ``b`` are one picture's alt text and caption: the same scene."""
    if a.drop is not None or (b.drop is not None and b.drop[1] != "repeated line"):
        return False
    if copy_key(a.text) != copy_key(b.text) or len(a.text.split()) < 8:
        return False
    if reports_something(a.text) or a.text.rstrip().endswith("?"):
        return False  # a sentence of report said twice is the report's (or the page's) own
    if _BULLET.match(a.text) or _BULLET.match(b.text):
        return False  # a gallery's list, each caption with and without its bullet
    # a headline printed twice is shorter, without a picture's verb
    return len(a.text.split()) >= 14 or scene_words(a.text)


def _caption_versions(lines: list[_Line], first: _Line | None) -> None:
    """A caption's other version beside it ("… air strike …" / "… air attack …"): the same
    eight opening words as a caption that went, on the next or the previous line."""
    for i, ln in enumerate(lines):
        if ln.drop is not None or ln is first or len(ln.text.split()) > 60:
            continue
        head = copy_key(ln.text).split()[:8]
        if len(head) < 8:
            continue
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(
            o.drop is not None and _is_caption(o) and copy_key(o.text).split()[:8] == head
            for o in near
        ):
            ln.drop = ("boilerplate", "photo caption (another version beside it)")


def _caption_copies(lines: list[_Line]) -> None:
    """Copies of a caption (normalised alike), wherever they sit, go with it; a scene printed
    twice in a row below the headline goes, both copies; so does a caption's other version."""
    first = _headline_place(lines)
    _copies_of_captions(lines, first)
    # (the second copy may have gone as a repeated line already)
    live = [ln for ln in lines if ln.drop is None or ln.drop[1] == "repeated line"]
    start = live.index(first) + 1 if first in live else len(live)
    for a, b in zip(live[start:], live[start + 1 :], strict=False):
        if _scene_twice(a, b):
            a.drop = b.drop = ("boilerplate", "photo caption (printed twice in a row)")
    _caption_versions(lines, first)


def _header_date(s: str) -> str | None:
    """The date of a label line that ends on it ("Showing posts from October 1, 2015", "Archive
    for 3 May 2019"): its other words in lower case but the first; None for any other line."""
    if len(s.split()) > 8:
        return None
    found = find_full_date(s)
    if found is None or s[found[2] :].strip(" .,") or found[1] == 0:
        return None
    words = s[: found[1]].split()
    if (
        len(words) < 2
        or not all(w.islower() for w in words[1:])
        or reports_something(s[: found[1]])
    ):
        return None
    return s[found[1] : found[2]]


def slash_paren_caption(s: str) -> bool:
    """A line ending in "(Outlet/Photographer)" with no sentence before it: a caption."""
    m = _SLASH_PAREN.search(s)
    if m is None:
        return False
    before = s[: m.start()].rstrip()
    if re.search(r"[a-z0-9%)][.!?][\"”’]?\s+[A-Z“\"]", before):
        return False  # a paragraph of report ending with a credit: the credit rules cut it
    return 5 <= len(before.split()) <= 45 and not _finished(before)


# ---------------------------------------------------------------------------------------------
# In-body fragments: a shouted label ending a paragraph, a related headline opening one
# ---------------------------------------------------------------------------------------------

# "… in an hour-long attack. READ MORE", "(READ MORE)", "READ MORE: https://…": a link's label,
# in capitals, after the paragraph's last sentence
_SHOUTED_TAIL = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<tail>\(?(?-i:[A-Z]{2,}(?:\s+[A-Z]{2,}){1,3})\)?"
    r"(?:\s*:\s*(?:https?://|www\.)\S+)?)\s*$"
)
# "Syrian ceasefire hangs in the balance as US, Russia spar. No one has …": a related story's
# headline glued to a paragraph's head, in headline grammar (a comma for "and" before the verb)
_HEADLINE_SENTENCE = re.compile(
    r"^(?!(?:The|A|An|In|On|At|It|This|But|And)\s)[A-Z][^.!?\"“”]{10,110}?\b[A-Z][\w.'’-]*,\s+"
    r"[A-Z][\w.'’-]*\s+[a-z]{3,}\.\s+(?=[A-Z])"
)


def shouted_tail(s: str) -> int | None:
    """Where a capitalised link label ending a paragraph starts (None when there is none)."""
    if not s.rstrip().endswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ)")) and "http" not in s[-80:]:
        return None
    m = _SHOUTED_TAIL.search(s)
    if m is None or len(s[: m.start()].split()) < 8:
        return None
    return m.start()


def headline_head(s: str) -> int | None:
    """Where a paragraph's own text starts after a related headline glued to its head."""
    m = _HEADLINE_SENTENCE.match(s)
    if m is None or len(s[m.end() :].split()) < 8 or len(m.group(0).split()) > 14:
        return None
    if reports_something(m.group(0)):
        return None
    return m.end()


# ---------------------------------------------------------------------------------------------
# The pass
# ---------------------------------------------------------------------------------------------


def _line_shapes(lines: list[_Line], info: Info) -> None:
    """The rules that read a line alone: clock and counter lines, placeholders, captions with
    a bracketed credit."""
    for ln in lines:
        if ln.drop is not None:
            continue
        s = ln.text
        found = clock_or_counter(s)
        if found is not None:
            note, date_text = found
            if date_text is None:
                ln.drop = ("boilerplate", note)
            else:
                ln.drop = ("metadata", note)
                stamp = read_stamp(date_text)
                if stamp is not None:
                    info.claim_date(stamp.date, "date line", s)
        elif placeholder(s):
            ln.drop = ("boilerplate", "image placeholder")
        elif slash_paren_caption(s):
            ln.drop = ("boilerplate", "photo caption (bracketed credit)")


def _labels(lines: list[_Line], info: Info, headline: _Line | None) -> None:
    """The rules that need a line's place: an archive header above the headline, labels,
    video labels."""
    kept = [ln for ln in lines if ln.drop is None]
    if len(kept) >= 3 and headline_shaped(kept[1].text):
        date_text = _header_date(kept[0].text)
        if date_text is not None:  # "Showing posts from October 1, 2015" above the headline
            kept[0].drop = ("metadata", "archive header above the headline")
            stamp = read_stamp(date_text)
            if stamp is not None:
                info.claim_date(stamp.date, "date line", kept[0].text)
            kept = kept[1:]
    for k, ln in enumerate(kept):
        note = label_note(kept, k, info)
        if note is not None:
            ln.drop = ("boilerplate", note)
        elif (
            k > 0
            and ln is not headline
            and headline_shaped(ln.text)
            and _MEDIA_TAIL.search(ln.text)
        ):
            ln.drop = ("boilerplate", "video or gallery label")


def _in_body(lines: list[_Line], headline: _Line | None) -> None:
    """A shouted link label ending a paragraph, a related headline opening one: cut."""
    for ln in lines:
        if ln.drop is not None:
            continue
        if ln.cut_from is None and ln.cut_to is None:
            cut = shouted_tail(ln.text)
            if cut is not None:
                ln.cut_from, ln.cut_note = cut, "link label ending a paragraph"
        if ln.cut_to is None and ln.cut_note is None and ln is not headline:
            head = headline_head(ln.text)
            if head is not None:
                ln.cut_to, ln.cut_note = head, "related headline opening a paragraph"


def page_fragments(lines: list[_Line], info: Info) -> None:
    """Mark the clock and counter lines, labels, placeholders, video labels, caption copies
    and in-body fragments among ``lines`` (after the other boilerplate rules, before the
    positional ones)."""
    _line_shapes(lines, info)
    headline = _headline_place(lines)
    _labels(lines, info, headline)
    _caption_copies(lines)
    _in_body(lines, headline)
