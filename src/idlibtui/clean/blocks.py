"""Typed blocks among the kept lines: the title (never a date line, caption or label), the
standfirst, subheadings versus related-article links, and the section labels and
other-language lines around the headline."""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.chrome import caption_note, chrome_note
from idlibtui.clean.dateline import match_dateline
from idlibtui.clean.edits import EditText
from idlibtui.clean.head_lines import head_label, name_under_title
from idlibtui.clean.infobox import infobox_span
from idlibtui.clean.lang import EN_FUNCTION_WORDS
from idlibtui.clean.lines import _Line, _quoted, _short_question, _teaser, headline_shaped, kind_at
from idlibtui.clean.metadata import Info
from idlibtui.clean.offtopic import off_topic_inserts
from idlibtui.clean.stamps import parse_date
from idlibtui.clean.stray_comment import stray_comment
from idlibtui.clean.title_cues import (
    dated_caption,
    off_topic_headline,
    slogan_line,
    uncredited_caption,
)
from idlibtui.clean.truncation import cut_fragment, ends_mid_sentence, looks_truncated
from idlibtui.model import BlockKind

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


_SENTENCE_SIGN = re.compile(
    r"^(?:The|A|An|He|She|They|It|We|This|These|Those|There|According\s+to)\s"
    r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:a|an|the)\s",
    re.I,
)


def _prose_like(line: str) -> bool:
    """A sentence that lost its full stop (or was cut), not a headline: eight words or more in
    sentence case, with no closing mark, that opens with an article or a pronoun or says "X is
    a Y"
    ("Kafr Naboudeh is a strategic city off the highway", "The alliance controls most of");
    headlines drop their articles and copulas ("Army retakes strategic town near highway")."""
    s = line.strip()
    words = s.split()
    if len(words) < 8 or s[-1:] in '.!?…:;"”’)':
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower >= 0.6 * (len(words) - 1) and _SENTENCE_SIGN.search(s) is not None


def _typed_by_html(doc: EditText, line: _Line, info: Info) -> BlockKind | None:
    if not info.typed_raw:
        return None
    return kind_at(info.typed_raw, doc.raw_pos(line.start))


_NUMERIC_DATE = re.compile(r"^\d{1,4}[-./]\d{1,2}[-./]\d{2,4}\b|^\d{1,2}:\d\d\b")


def never_a_title(line: str) -> bool:
    """A date line, a caption or a piece of page chrome: headline-shaped, never the title."""
    s = line.strip()
    if parse_date(s) is not None and len(s.split()) <= 12:
        return True
    if _NUMERIC_DATE.match(s) and len(s.split()) <= 6:
        return True
    if not _WORD.search(s):
        return True  # "0 $", "12 | 3": a counter or a price, no words
    if slogan_line(s) or uncredited_caption(s) or dated_caption(s):
        return True
    return chrome_note(s) is not None or caption_note(s) is not None


# ", according to the monitor", ", the ministry said": a report's clause citing its source
_ATTRIBUTED = re.compile(
    r",\s+(?:according\s+to|(?:[\w'’-]+\s+){1,4}(?:said|says|told|reported))\b"
)
_WORD = re.compile(r"[^\W\d_]{2}")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|&|of|the|and|for|de|al)$")


def _site_name(line: str, headline: str) -> bool:
    """A short run of capitalised words ("Islamic Invitation Turkey") standing above a longer
    headline: the site's name or a section's, not the headline."""
    words = line.split()
    return (
        1 <= len(words) <= 4
        and len(headline.split()) >= len(words) + 3
        and all(_NAME_WORD.match(w) for w in words)
        and not any(c.isdigit() for c in line)
    )


def _section_word(line: str) -> bool:
    """A section's label of one or two capitalised words ("Terrorism", "Middle East")."""
    words = line.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words)


def _headline_after_name(line: str, nxt: str, after: str) -> bool:
    """``line`` is a site name and ``nxt`` the headline, with body text after it."""
    # "Army enters the airbase ." : a headline with a stray spaced full stop is still one
    nxt = nxt[:-2] if nxt.endswith(" .") else nxt
    return (
        _site_name(line, nxt)
        and headline_shaped(nxt)
        and not _quoted(nxt)
        and not never_a_title(nxt)
        and (not headline_shaped(after) or never_a_title(after))
    )


def _short_sentence(line: str) -> bool:
    """One short sentence with its full stop ("Four awards for the film X."): a ticker item."""
    s = line.strip()
    return s.endswith(".") and len(s.split()) <= 12 and not re.search(r"[.!?]\s", s)


def _ticker_above(kept: list[_Line], i: int) -> bool:
    """Line ``i`` is a headline about another story and the line under it the article's own."""
    if i + 2 >= len(kept):
        return False
    nxt = kept[i + 1].text
    if not headline_shaped(nxt) or _quoted(nxt) or never_a_title(nxt):
        return False
    body = " ".join(ln.text for ln in kept[i + 2 : i + 6])
    return off_topic_headline(kept[i].text, nxt, body)


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
        if i == 0 and _short_sentence(s) and _ticker_above(kept, 0):
            return 1
        if not junk and (shaped or headline_shaped(s)):
            j = i + 1
            if j + 2 < len(kept) and _section_word(kept[j].text):
                j += 1  # "Iraq News" / "Terrorism" / the headline: a site and a section
            if j + 1 < len(kept) and _headline_after_name(s, kept[j].text, kept[j + 1].text):
                return j
        if shaped and not junk:
            return i + 1 if _ticker_above(kept, i) else i
        if not junk:
            return None
    return None


_NEWS_SECTION = re.compile(r"^(?:[A-Z][a-z]+\s+){1,2}News$")


def _head_labels(kept: list[_Line]) -> list[_Line]:
    """The site's slogan with its founding year ("… since 1995") and a "<Place> News" section
    label (with a section word under it) opening the page, above a longer headline, go."""
    i = 0
    while i < min(3, len(kept) - 2):
        s, nxt = kept[i].text, kept[i + 1].text
        headline_next = len(nxt.split()) >= 5 or (
            _section_word(nxt) and len(kept[i + 2].text.split()) >= 5
        )
        section = (_NEWS_SECTION.match(s) is not None and headline_next) or (
            i > 0 and kept[i - 1].drop is not None and _section_word(s) and headline_next
        )
        if slogan_line(s) and _SINCE_YEAR_END.search(s):
            kept[i].drop = ("boilerplate", "site slogan")
        elif section:
            kept[i].drop = ("boilerplate", "section label above the headline")
        else:
            break
        i += 1
    return kept[i:]


_SINCE_YEAR_END = re.compile(r"\bsince\s+(?:1[89]|20)\d\d\s*$", re.I)


def _mark_title(
    kept: list[_Line], html_typed: list[BlockKind | None], info: Info, doc: EditText
) -> int:
    """Type the title (the HTML's, or the headline the lines' shapes point to) and return the
    index of the line after it (0 when there is none)."""
    if any(t is BlockKind.TITLE for t in html_typed):
        first = next(i for i, t in enumerate(html_typed) if t is BlockKind.TITLE)
        kept[first].kind = BlockKind.TITLE
        if not info.title:
            info.title = kept[first].text
        return first + 1
    pick = _title_index(kept)
    if pick is None:
        return 0
    if pick and not never_a_title(kept[pick - 1].text) and _ticker_above(kept, pick - 1):
        info.flags[doc.raw_pos(kept[pick - 1].start)] = (
            "possible boilerplate (a headline about another story?)"
        )
    elif pick and _site_name(kept[pick - 1].text, kept[pick].text):
        # kept (it may be a short headline over its dek) and marked for the raw view
        info.flags[doc.raw_pos(kept[pick - 1].start)] = (
            "possible boilerplate (site name above the headline?)"
        )
    kept[pick].kind = BlockKind.TITLE
    info.title = info.title or kept[pick].text
    return pick + 1


def _mark_standfirst(kept: list[_Line], start: int, outlet: outlets.Outlet | None) -> None:
    """One short sentence under the title, above a dateline (or where the outlet's template
    puts a standfirst) is the standfirst."""
    if start >= len(kept) - 1:
        return
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


def _closing_run(body: list[_Line], shaped: dict[int, bool]) -> list[_Line]:
    """The run of headline-shaped lines and teasers that ends the article."""
    tail: list[_Line] = []
    for ln in reversed(body):
        if not (shaped[id(ln)] or _teaser(ln.text)):
            break
        tail.append(ln)
    tail.reverse()
    if len(tail) == 1 and not headline_shaped(tail[0].text):
        return []  # one short closing sentence is body text
    return tail


def _closing_links(
    body: list[_Line], shaped: dict[int, bool], info: Info, doc: EditText, keep: set[int]
) -> None:
    """Drop the closing run of related links; what reads as the report's own last lines (cut
    off, a sentence without its full stop, a lone line) is kept (in ``keep``) and marked."""
    tail = _closing_run(body, shaped)
    at_end = len(tail) == 1 and tail[-1].end >= len(doc.text.rstrip())
    if tail and (
        looks_truncated(tail[-1].text) or (at_end and cut_fragment(tail[-1].text, doc.text))
    ):
        # an export that stops mid-sentence: what precedes the cut is the report, not links
        info.flags[doc.raw_pos(tail[-1].start)] = "truncated text (kept)"
        keep.update(id(ln) for ln in tail)
        return
    for ln in [ln for ln in tail if _prose_like(ln.text) or _ATTRIBUTED.search(ln.text)]:
        # a sentence that lost its full stop, not a headline: kept, and marked
        info.flags[doc.raw_pos(ln.start)] = "possible boilerplate (related link?)"
        keep.add(id(ln))
        tail.remove(ln)
    if len(tail) == 1 and len(tail[0].text.split()) > 3:
        # one headline-shaped closing line: a related link or the report's own last line;
        # keep it (precision first) and say it may be boilerplate
        info.flags[doc.raw_pos(tail[0].start)] = "possible boilerplate (related link?)"
        keep.add(id(tail[0]))
        return
    if (
        len(tail) == 2
        and headline_shaped(tail[0].text)
        and not headline_shaped(tail[1].text)
        and not tail[1].text.endswith("?")
    ):
        return  # a subheading with its (short) paragraph, decided mid-text
    in_tail = {id(ln) for ln in tail}
    if not any(not shaped[id(ln)] for ln in body if id(ln) not in in_tail):
        return  # never strip an article down to nothing
    for ln in tail:
        ln.drop = ("boilerplate", "related-article links")


def _judge_short_line(
    ln: _Line, nxt: str, any_body: bool, info: Info, doc: EditText, outlet: outlets.Outlet | None
) -> None:
    """A headline-shaped line mid-text, with the body text after it (``nxt``, empty when only
    short lines follow): a subheading, a related link, or prose kept and marked."""
    if _short_question(ln.text):
        # "What is at stake?": a subheading when body follows; never dropped mid-text.
        if nxt and not headline_shaped(nxt) and _related_score(ln.text, nxt, outlet) < 2:
            ln.kind = BlockKind.HEADING
        return
    if not nxt:
        if any_body and looks_truncated(ln.text):
            info.flags[doc.raw_pos(ln.start)] = "truncated text (kept)"
        elif any_body:
            ln.drop = ("boilerplate", "related-article link")
    elif _related_score(ln.text, nxt, outlet) >= 2:
        if ends_mid_sentence(ln.text) or _ATTRIBUTED.search(ln.text) or _prose_like(ln.text):
            # a sentence cut off, or one that cites its source: prose, not a headline; kept,
            # and marked
            info.flags[doc.raw_pos(ln.start)] = "possible boilerplate (related link?)"
            return
        ln.drop = ("boilerplate", "related-article link")
    else:
        ln.kind = BlockKind.HEADING


def _classify_blocks(
    kept: list[_Line], info: Info, doc: EditText, outlet: outlets.Outlet | None
) -> None:
    """Title, standfirst, then the closing related links, then each short line mid-text."""
    if not kept:
        return
    box = infobox_span([ln.text for ln in kept])
    if box is not None:
        for ln in kept[box[0] : box[1]]:
            ln.drop = ("boilerplate", "infobox")
        kept = [ln for ln in kept if ln.drop is None]
    if not any(info.typed_raw):
        kept = _section_label(kept, info, doc)
        _other_language_lines(kept, info, doc)
        kept = [ln for ln in kept if ln.drop is None]
        if not kept:
            return
    kept = _head_labels(kept)
    if not kept:
        return
    html_typed = [_typed_by_html(doc, ln, info) for ln in kept]
    start = _mark_title(kept, html_typed, info, doc)
    if name_under_title(kept, start):
        kept[start].drop = ("metadata", "byline (a name alone under the headline)")
        kept = kept[:start] + kept[start + 1 :]
        html_typed = html_typed[:start] + html_typed[start + 1 :]
    _mark_standfirst(kept, start, outlet)
    body = [ln for ln in kept[start:] if ln.kind is BlockKind.PARAGRAPH]
    shaped = {id(ln): headline_shaped(ln.text) for ln in body}
    keep: set[int] = set()  # lines decided to stay: the mid-text rules leave them alone
    if len(body) >= 4 and stray_comment(body[-1].text, " ".join(ln.text for ln in body[:-1])):
        body[-1].drop = ("boilerplate", "reader comment (no comment area)")
        body = body[:-1]
    _closing_links(body, shaped, info, doc, keep)
    remaining = [ln for ln in body if ln.drop is None]
    # body_after[i]: some line after remaining[i] is body text (not headline-shaped).
    body_after = [False] * (len(remaining) + 1)
    for i in range(len(remaining) - 1, -1, -1):
        body_after[i] = body_after[i + 1] or not shaped[id(remaining[i])]
    position = {id(ln): i for i, ln in enumerate(kept)}
    # the head of the page, above the first paragraph of report: a headline, a standfirst, a
    # kicker; never another story's link (those follow the report's first paragraphs)
    head_end = next((i for i, ln in enumerate(remaining) if not shaped[id(ln)]), 0)
    for idx, ln in enumerate(remaining):
        if (not shaped[id(ln)] and not _short_question(ln.text)) or id(ln) in keep:
            continue
        if idx < head_end and (idx or start) and head_label(ln.text):
            # "World", "Analysis": a section's name between the headline and the report
            ln.drop = ("boilerplate", "section label under the headline")
            continue
        if html_typed[position[id(ln)]] is BlockKind.HEADING or idx < head_end:
            ln.kind = BlockKind.HEADING
            continue
        nxt = remaining[idx + 1].text if body_after[idx + 1] else ""
        _judge_short_line(ln, nxt, body_after[0], info, doc, outlet)
    off_topic_inserts([ln for ln in kept if ln.drop is None])


def _tag_row(line: str) -> bool:
    """A row of topic tags printed twice or more ("Syria Damascus terrorists Syria Damascus"),
    or a one- or two-word label ending in a colon ("Topic:"): no sentence repeats its words
    like that or ends on a colon at the top of a page."""
    s = line.strip()
    if re.fullmatch(r"\w+(?:\s\w+)?:", s):
        return True
    if re.search(r"[.,;!?\"“”«»()]", s):
        return False
    words = s.lower().split()
    if not 4 <= len(words) <= 16:
        return False
    repeated = {w for w in words if words.count(w) >= 2 and len(w) >= 3}
    return len(repeated) >= 2


_LABEL_SIGNS = re.compile(r"\s[/&|]\s|\b[Nn]ews\s*$|^[A-Z0-9 &/-]+$")


def _section_label(kept: list[_Line], info: Info, doc: EditText) -> list[_Line]:
    """A site name or section label above the headline ("World News", "Syria & Lebanon"):
    two headline-shaped lines open the page and the second, longer one is the headline."""
    if len(kept) < 3 or _quoted(kept[0].text):
        return kept
    first, second = kept[0].text, kept[1].text
    if (
        len(second.split()) >= 3
        and first.endswith(" " + second)
        and headline_shaped(first)
        and headline_shaped(kept[2].text)
    ):
        # "Site Name Slogan words" then "Slogan words": a masthead and its tagline
        kept[0].drop = ("boilerplate", "site name and slogan")
        kept[1].drop = ("boilerplate", "site name and slogan")
        return kept[2:]
    if _tag_row(first) and headline_shaped(second):
        kept[0].drop = ("boilerplate", "tag or keyword line above the headline")
        return kept[1:]
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
    # the lines that could be foreign first (rarely any): the page's words are many more
    candidates: list[tuple[_Line, int]] = []
    for idx in (0, 1, len(kept) - 1):
        if not 0 <= idx < len(kept) or kept[idx].drop is not None:
            continue
        ln = kept[idx]
        line_words = re.findall(r"\w+", ln.text.lower())
        if len(line_words) > 15 or any(w in EN_FUNCTION_WORDS for w in line_words):
            continue
        if not _FOREIGN_LETTERS.search(ln.text):
            continue
        candidates.append((ln, len(line_words)))
    if not candidates:
        return
    words = [w for ln in kept for w in re.findall(r"[a-z]+", ln.text.lower())]
    if not words or sum(w in EN_FUNCTION_WORDS for w in words) < 0.15 * len(words):
        return  # not an English page
    for ln, count in candidates:
        if count <= 6:
            ln.drop = ("boilerplate", "navigation or slogan in another language")
        else:
            info.flags[doc.raw_pos(ln.start)] = "possible boilerplate (another language)"
