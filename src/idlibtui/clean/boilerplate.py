"""Boilerplate lines and why each goes: separators, share buttons, mastheads and footers
(``outlets.json``), copyright, photo credits and captions, promo and social lines and the
related links they introduce, page chrome (``chrome.py``), repeated lines; then the positional
metadata rules (``metadata.py``) on what is left."""

from __future__ import annotations

import re
import unicodedata

from idlibtui.clean import outlet_cues, outlets
from idlibtui.clean.captions import caption_head, scene_caption
from idlibtui.clean.chrome import (
    _BRACKET_CREDIT,
    INTRO_LABELS,
    _sentences,
    caption_note,
    chrome_note,
    credit_tail,
)
from idlibtui.clean.edits import EditText
from idlibtui.clean.fragments import page_fragments
from idlibtui.clean.interface import form_runs, interface_note
from idlibtui.clean.lines import _CLOSERS, _Line, _teaser, headline_shaped, word_count
from idlibtui.clean.metadata import Info, _classify_positional
from idlibtui.clean.sections import by_context
from idlibtui.clean.stamps import find_full_date
from idlibtui.model import BlockKind

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
    # the wire's own order: "Reuters/R. Said", "REUTERS/Jane Doe"
    + r"|^(?i:"
    + _AGENCY
    + r")\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$"
)


# A caption: a line that ends with a parenthesised credit, or with "Photograph: Name/Agency".
_CAPTION_TAIL = re.compile(
    r"(?:\((?P<paren>(?:[A-Z]+\s+)?(?:Photo|Photograph|Video|Image|Picture|Credit|Photos)s?"
    r"(?:\s+by)?\s*[:/][^()]{1,100}"
    r"|[^()]{0,60}(?:/|\bvia\s)[^()]{0,40}"
    r"(?:Getty Images|AFP|AP|Reuters|EPA|Storyful)[^()]{0,20})\)"
    r"|(?P<bare>(?:Photograph|Photo|Image|Picture|Video)\s*:\s*[^.()]{2,80})"
    # (a report's language tags, "[EN/AR]", are no "Name/Agency" credit)
    r"|\[(?P<bracket>(?:File|Photo|Picture|Image|Video)\b[^\[\]]{0,80}"
    r"|(?![A-Za-z]{2}(?:/[A-Za-z]{2})+\])[^\[\]]{1,60}/[^\[\]]{2,40}"
    r"|AFP|Reuters|AP|EPA|Al Jazeera|Getty Images|Anadolu Agency|SANA|Handout)\])\.?\s*$"
)


def _caption_tail(s: str) -> re.Match[str] | None:
    """``_CAPTION_TAIL.search(s)``, tried only on a line that can hold a match: one that ends
    with ")" or "]", or names a photo, image, picture or video (the search tries its
    alternatives at every position of a paragraph that usually cannot)."""
    if s.rstrip().removesuffix(".").rstrip()[-1:] not in (")", "]") and not (
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
      | related(?:\s+(?:articles?|stories|coverage|content|topics|news|reading|items|posts
          |videos|links|reports))?\s*:?\s*$
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


_SOCIAL_ONLY = re.compile(
    r"^(?:(?:share|facebook|twitter|x|whatsapp|e-?mail|print|linkedin|telegram|reddit|pinterest"
    r"|messenger|copy\s+link|flipboard|comments?|save|tweet)\b[\s|·•,/:-]*){2,}$",
    re.IGNORECASE,
)


_RELATED_INTRO = re.compile(
    r"^(?:read\s+more|see\s+also|related(?:\s+\w+)?|more\s+on\s+this\s+story|also\s+read"
    r"|recommended|most\s+read|more\s+from\b.*)\s*:?\s*$",
    re.IGNORECASE,
)


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


_METADATA_PREFIX = re.compile(r"^(?:date|dated|datum)\s*[:=]?\s*(?:19|20)\d\d\b", re.I)


_CREDIT = "credit"  # a rule's answer for a credit line (its neighbours may be its caption)


def _copyright(ln: _Line, info: Info) -> str | None:
    """A copyright footer (naming the outlet, maybe), or a "© Name" photo credit."""
    s = ln.text
    if not (_COPYRIGHT.match(s) and len(s) < 200):
        return None
    if not re.search(r"\b(?:19|20)\d\d\b|rights reserved|all rights", s, re.IGNORECASE):
        ln.drop = ("boilerplate", "photo credit")
        info.add_credit(s)
        return _CREDIT
    ln.drop = ("boilerplate", "copyright footer")
    rest = re.sub(r"^(?:©|\(c\)|copyright|\s)+", "", s, flags=re.IGNORECASE)
    name = re.sub(r"^\s*(?:(?:19|20)\d\d\s*[-–]?\s*)+[.,]?\s*", "", rest)
    name = re.split(r"[.,;|]\s|\s+all rights", name, flags=re.IGNORECASE)[0]
    found = outlets.lookup(name.strip()) if name.strip() else None
    if found is not None and outlets.is_agency(found.name):
        info.credit_agency(found.name, f"copyright: {s}")  # "© 2016 dpa GmbH": whose copy
    elif found is not None:
        info.set_source(found.name, f"copyright: {s}")
    return "done"


def _site_line(ln: _Line, info: Info) -> str | None:
    """A separator, a row of share buttons, the outlet's masthead, copyright or footer."""
    s = ln.text
    if _separator(s):
        ln.drop = ("debris", "separator line")
        return "done"
    if _SOCIAL_ONLY.match(s):
        ln.drop = ("boilerplate", "share buttons")
        return "done"
    normed = outlets.norm(s) if len(s) <= 300 else ""  # for the masthead and footer tests
    o = outlets.masthead(s, normed=normed) if len(s) <= 200 else None
    if o is not None:
        ln.drop = ("boilerplate", "masthead")
        _name_site(info, o.name, f"masthead: {s}")
        return "done"
    answer = _copyright(ln, info)
    if answer is not None:
        return answer
    o = outlets.footer(s, normed=normed) if len(s) <= 300 else None
    if o is not None:
        ln.drop = ("boilerplate", "outlet footer")
        _name_site(info, o.name, f"footer: {s}")
        return "done"
    return None


def _name_site(info: Info, name: str, evidence: str) -> None:
    """A masthead or footer names the site, unless it is an agency's ("Sputnik International"
    above a carried report, "Reporting by …; Editing by …"): then it names whose copy it is."""
    if outlets.is_agency(name):
        info.credit_agency(name, evidence)
    else:
        info.set_source(name, evidence)


def _credit_or_caption(ln: _Line, info: Info) -> str | None:
    """A credit line, a labelled caption, or a caption told by its trailing credit (only the
    credit goes when it ends a paragraph of report)."""
    s = ln.text
    if (
        (len(s) < 140 and _CREDIT_LINE.match(s))
        or (len(s) < 80 and _SLASH_CREDIT.match(s))
        or (len(s) < 140 and _MEDIA_CREDIT.match(s))
    ):
        ln.drop = ("boilerplate", "photo credit")
        info.add_credit(s)
        return _CREDIT
    if len(s) < 400 and _CAPTION_LEAD.match(s):
        ln.drop = ("boilerplate", "photo caption")
        return "done"
    m = _caption_tail(s)
    if m is None or len(s) >= 500:
        return None
    if _sentences(s[: m.start()]) >= 2:
        # a paragraph of report (two finished sentences) that ends with a credit: only the
        # credit goes
        ln.cut_from = len(s[: m.start()].rstrip())
    else:
        ln.drop = ("boilerplate", "photo caption")
    info.add_credit(m.group("paren") or m.group("bare") or m.group("bracket") or "")
    return "done"


def _links_after(lines: list[_Line], i: int, *, max_len: int, cut_teasers: bool) -> None:
    """The other stories' headlines (and teasers) listed after an intro line at ``i``."""
    for nxt_line in lines[i + 1 :]:
        nxt = nxt_line.text
        cut_teaser = cut_teasers and nxt.endswith(("…", "...")) and len(nxt) <= 300
        if not (cut_teaser or headline_shaped(nxt) or _teaser(nxt)) or len(nxt) > max_len:
            break
        nxt_line.drop = ("boilerplate", "related-article links")


def _promo(lines: list[_Line], i: int, info: Info) -> bool:
    """A promo or social line; after "Read more:" / "Related Topics", the list it heads."""
    s = lines[i].text
    if not (len(s) < 300 and _PROMO.match(s)):
        return False
    lines[i].drop = ("boilerplate", "promo or social footer")
    named = outlet_cues.promo_outlet(s)
    if named:
        info.set_source(named, f"promo: {s}")
    if _RELATED_INTRO.match(s):
        _links_after(lines, i, max_len=140, cut_teasers=False)
    return True


def _byline_with_clock(ln: _Line, info: Info) -> bool:
    """ "Jane Doe (@janedoe) 55 minutes ago Wed 15th April 2020 | 02:13 PM": the byline goes,
    its day stays a claim for the date judge."""
    s = ln.text
    if not (len(s) <= 160 and _HANDLE_CLOCK.match(s)):
        return False
    ln.drop = ("metadata", "byline")
    found = find_full_date(s)
    if found is not None:
        info.claim_date(found[0], "byline", s)
    return True


def _chrome(lines: list[_Line], i: int) -> bool:
    """Page chrome (``chrome.py``); after "Similar News:" / "Check Also", the list it heads."""
    ln = lines[i]
    s = ln.text
    # a line that opens with date metadata is the date rules' to split first
    note = (
        None
        if _METADATA_PREFIX.match(s)
        else chrome_note(s) or caption_note(s) or interface_note(s)
    )
    if note is None and _LEAD_MARKS.match(s):
        note = _marked_note(_LEAD_MARKS.sub("", s))
    if note is None:
        if len(s) > 80:
            ln.cut_from = credit_tail(s)
        return False
    ln.drop = ("boilerplate", note)
    if INTRO_LABELS.match(s) or note == "related-posts label":
        _links_after(lines, i, max_len=300, cut_teasers=True)
    return True


def _captions_by_credits(lines: list[_Line], credit_idx: list[int]) -> None:
    """Captions sitting next to a credit line: the line after it, and a line before it that
    repeats the caption's opening words (an image's short title)."""
    n = len(lines)
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


def _classify_boilerplate(lines: list[_Line], info: Info, doc: EditText) -> None:
    """Each line's shape rules in order (the first that claims it decides), then the rules
    that need the lines around it."""
    credit_idx: list[int] = []
    for i, ln in enumerate(lines):
        if len(ln.text) >= 500:
            note = interface_note(ln.text)  # but a ticker of headlines, a template's dump
            if note is not None:
                ln.drop = ("boilerplate", note)
            continue  # no other boilerplate line is this long
        answer = _site_line(ln, info) or _credit_or_caption(ln, info)
        if answer == _CREDIT:
            credit_idx.append(i)
        if answer is not None:
            continue
        if _promo(lines, i, info) or _byline_with_clock(ln, info):
            continue
        _chrome(lines, i)
    form_runs(lines)
    _captions_by_writing(lines)
    _captions_by_credits(lines, credit_idx)
    _split_captions(lines)
    _repeated_lines(lines)
    _page_printed_twice(lines)
    _caption_short_forms(lines)
    page_fragments(lines, info)
    _classify_positional(lines, info)
    by_context(lines)


# ">> Read more: …", "* Photo: …", "–, translated by Jane Doe –": a widget's line behind a
# mark (the mark alone keeps it from the rules above)
_LEAD_MARKS = re.compile(r"^(?:>>|»|\*|[–—]\s*,)\s*(?=\w)|(?<=\w)\s+[–—]$")


def _marked_note(bare: str) -> str | None:
    """The note of a promo, credit or chrome line once its leading mark is read past."""
    if len(bare) < 140 and _CREDIT_LINE.match(bare):
        return "photo credit"
    if len(bare) < 300 and _PROMO.match(bare):
        return "promo or social footer"
    return chrome_note(bare)


# A byline with a social handle followed by the page's clock: a relative age or a date and time
_HANDLE_CLOCK = re.compile(
    r"^(?:by\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\(@\w{1,30}\)\s*[|•·,–—-]?\s*"
    r"(?=[^.!?]*\b(?:\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|days?)\s+ago|\d{1,2}:\d\d"
    r"|(?:19|20)\d\d)\b)[^.!?]*$"
    # without the handle, the relative age right after the name ("Jane Doe 2 minutes ago Mon
    # 19th August 2019 | 05:09 PM")
    r"|^(?:by\s+)?(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+\d{1,3}\s+"
    r"(?:seconds?|minutes?|mins?|hours?|days?)\s+ago\b(?=[^.!?]*(?:\d{1,2}:\d\d|(?:19|20)\d\d))"
    r"[^.!?]{0,80}$",
    re.I,
)
_BRACKET_END = re.compile(r"[\])]\s*$")
_SHORT_CREDITED = re.compile(r"^[A-Z][\w'’ -]{1,30}" + _BRACKET_CREDIT + r"$")


def _split_captions(lines: list[_Line]) -> None:
    """A caption broken over two lines ("Children walk past ruins in the southern" /
    "countryside of Idlib [Getty]"): when the credited half opens in lower case, the line
    before it that stops without punctuation is its first half."""
    for i, ln in enumerate(lines):
        if not _BRACKET_END.search(ln.text):
            continue
        # "Idlib [Getty]": the caption's last words and its credit, too short to be told alone
        short_place = (
            ln.drop is None and len(ln.text.split()) <= 4 and _SHORT_CREDITED.search(ln.text)
        )
        if not short_place and (ln.drop is None or not ln.drop[1].startswith("photo caption")):
            continue
        if not (ln.text[:1].islower() or short_place):
            continue
        prev = next((k for k in range(i - 1, -1, -1) if lines[k].text.strip()), None)
        if prev is None or lines[prev].drop is not None:
            continue
        p = lines[prev].text.strip()
        if short_place and p[-1:] != ",":
            continue  # a short credited line joins only a first half cut at a comma
        if p[-1:] not in '.!?:;"”’)' and p[:1].isupper() and len(p.split()) <= 30:
            lines[prev].drop = ("boilerplate", "photo caption (first line)")
            if short_place:
                ln.drop = ("boilerplate", "photo caption (trailing credit)")


_BULLET = re.compile(r"^[•·▪►*]\s+")
_SHOW_MORE = re.compile(r"\s*(?:show\s+more|read\s+more|more|…|\.\.\.)\s*[»›]?\s*$", re.I)


def _page_printed_twice(lines: list[_Line]) -> None:
    """Two paragraphs or more printed again in the same order (the page's text twice): the
    second copy goes. One paragraph said again is the report's own (it may repeat itself)."""
    kept = [ln for ln in lines if ln.drop is None and word_count(ln.text) >= 12]
    first_at: dict[str, int] = {}
    for k, ln in enumerate(kept):
        first_at.setdefault(ln.text, k)
    k = 0
    while k < len(kept) - 1:
        i = first_at[kept[k].text]
        if i < k and first_at[kept[k + 1].text] == i + 1 and i + 1 < k:
            run = 0
            while k + run < len(kept) and i + run < k and kept[i + run].text == kept[k + run].text:
                kept[k + run].drop = ("boilerplate", "repeated paragraph (the text printed twice)")
                run += 1
            k += run
        else:
            k += 1


def _repeated_lines(lines: list[_Line]) -> None:
    """A line that repeats an earlier one (a headline printed twice, a caption shown at the
    top and again at the end, a promo in two places) goes; the first copy decides. A line that
    opens like an earlier caption and is cut short ("…Idlib oShow more") is that caption."""
    seen: dict[str, _Line] = {}
    # the earlier lines of eight words or more, by their first eight words (lower case)
    openings: dict[tuple[str, ...], list[_Line]] = {}
    previous: _Line | None = None
    for ln in lines:
        if ln.drop is not None and ln.drop[1] != "photo caption (trailing credit)":
            continue
        last, previous = previous, ln
        words = _BULLET.sub("", ln.text).split()  # "• Headline" repeats "Headline"
        key = " ".join(words).lower()
        if ln.drop is None and len(words) >= 3 and key in seen:
            if headline_shaped(ln.text):
                ln.drop = ("boilerplate", "repeated line")
                continue
            if len(words) >= 12 and last is not None and last.text == ln.text:
                ln.drop = ("boilerplate", "repeated paragraph")  # printed twice in a row
                continue
        seen.setdefault(key, ln)
        if len(words) < 8:
            continue
        head = tuple(map(str.lower, words[:8]))
        same_head = openings.setdefault(head, [])
        if ln.drop is not None:
            # a caption with its credit: an earlier copy without the credit is the same caption
            for other in same_head:
                bare = other.text.rstrip(".").strip()
                if other.drop is None and ln.text.startswith(bare):
                    other.drop = ("boilerplate", "photo caption (repeated)")
        elif same_head:
            other = same_head[0]  # the first line that opens the same way decides
            stem = _SHOW_MORE.sub("", ln.text)
            unfinished = stem != ln.text or ln.text[-1] not in '.!?"”’'
            cut = unfinished and other.text.startswith(stem[: max(0, len(stem) - 12)])
            is_bare = other.drop is not None and other.text.startswith(ln.text.rstrip(".").strip())
            if other.drop is not None and (cut or is_bare):
                ln.drop = ("boilerplate", "photo caption (repeated)")
            elif other.drop is None and cut and len(stem) < len(other.text):
                ln.drop = ("boilerplate", "repeated line (cut short)")
        same_head.append(ln)


def _caption_short_forms(lines: list[_Line]) -> None:
    """A caption's short form (its picture's alt text: the caption's first words and a date,
    "Fighters from the Northern Brigade May 3, 2019") next to the caption that went, goes."""
    for i, ln in enumerate(lines):
        if ln.drop is not None or not 4 <= word_count(ln.text) <= 14:
            continue
        for j in (i - 1, i + 1):
            drop = lines[j].drop if 0 <= j < len(lines) else None
            if drop is None or "caption" not in drop[1]:
                continue
            found = find_full_date(ln.text)
            if found is None or ln.text[found[2] :].strip(" .,"):
                continue  # the date must end the line
            stem = ln.text[: found[1]].split()
            if len(stem) >= 3 and lines[j].text.split()[: len(stem)] == stem:
                ln.drop = ("boilerplate", "photo caption (short form)")
                break


_GALLERY_CAPTIONS = 3  # keep_a_gallery's least number of captions
_PROSE_WORDS = 12  # fewer words than this under the headline, and the page has no text of its own
_CREDIT_WORDS = 4  # "Handout, AP", "Photo: Reuters": a line this short is no text of its own


def _keep_something(lines: list[_Line], info: Info, doc: EditText) -> None:
    """A page that is nothing but a caption (a photo page) keeps it, flagged: an empty
    article loses what little the page says. Its headline and a credit line ("Handout, AP")
    are no text of their own: a page left with only such lines is one."""
    if not lines:
        return
    kept = [word_count(ln.text) for ln in lines if ln.drop is None]
    if kept and headline_shaped(next(ln.text for ln in lines if ln.drop is None)):
        kept = kept[1:]  # the headline
    if sum(n for n in kept if n > _CREDIT_WORDS) >= _PROSE_WORDS:
        return
    captions = [ln for ln in lines if ln.drop is not None and "caption" in ln.drop[1]]
    if len(captions) >= _GALLERY_CAPTIONS and any(ln.drop is None for ln in lines):
        return  # a gallery under its headline: ``keep_a_gallery`` keeps each, without credits
    if captions:
        best = max(captions, key=lambda ln: len(ln.text))
        best.drop = None
        info.flags[doc.raw_pos(best.start)] = (
            "possible boilerplate (a caption; the page has no other text)"
        )


_GALLERY = "possible boilerplate (a caption; the page is a gallery)"


def keep_a_gallery(lines: list[_Line], info: Info, doc: EditText) -> None:
    """A photo gallery (three captions or more, and at most one paragraph of other text under
    a headline) keeps its captions, flagged: they are all the page says. Run after the block
    rules, which would read a caption with its credit as a related link."""
    captions = [ln for ln in lines if ln.drop is not None and "caption" in ln.drop[1]]
    # a later pass over the cleaned text: the gallery's captions have lost their credits
    known = any(note == _GALLERY for note in info.flags.values())
    if len(captions) < (1 if known else _GALLERY_CAPTIONS):
        return
    body = [
        ln
        for ln in lines
        if ln.drop is None and ln.kind is BlockKind.PARAGRAPH and not headline_shaped(ln.text)
    ]
    if not known and (len(body) > 1 or sum(len(ln.text.split()) for ln in body) > 80):
        return
    seen: set[str] = set()
    for ln in captions:
        opening = " ".join(ln.text.lower().split()[:8])
        cut = credit_tail(ln.text) or _agency_slash_tail(ln.text)  # its credit goes
        bare = ln.text[:cut] if cut else ln.text
        if opening in seen or headline_shaped(bare) or "repeated" in (ln.drop or ("", ""))[1]:
            continue  # one copy of each caption, and no short form (an image's alt text)
        seen.add(opening)
        ln.drop = None
        ln.cut_from = cut
        info.flags[doc.raw_pos(ln.start)] = _GALLERY


_AGENCY_SLASH = re.compile(
    r"(?<=[.!?])\s+(?-i:[A-Z]{2,})/[A-Z][\w .'’/-]{1,60}$"
    # "… March 24, 2016. Social Media Website": a source named after the caption's day
    r"|(?<=\d{4}\.)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}$"
)


def _agency_slash_tail(s: str) -> int | None:
    """Where "… 2016. REUTERS/Jane Doe" starts its credit (None when it has none)."""
    m = _AGENCY_SLASH.search(s)
    return m.start() if m else None


def _captions_by_writing(lines: list[_Line]) -> None:
    """Uncredited captions (``captions.py``) between the headline's place and the last line:
    a whole line goes; a caption glued to a paragraph's head is cut from it."""
    kept = [ln for ln in lines if ln.drop is None]
    # never the first line (the headline's place); the last one only when it is finished (an
    # export cut off there is the report's)
    inner = {id(ln) for ln in kept[1:-1]}
    if len(kept) > 2 and kept[-1].text.endswith("."):
        inner.add(id(kept[-1]))
    for ln in kept:
        note = scene_caption(ln.text) if id(ln) in inner else None
        if note is not None:
            ln.drop = ("boilerplate", note)
            continue
        head = caption_head(ln.text)
        if head is not None:
            ln.cut_to = head
