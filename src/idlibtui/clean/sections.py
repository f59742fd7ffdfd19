"""Page chrome told by where a line sits and what is around it, not by its shape alone.

Each rule here needs context a single line does not carry:

- a reader-comment section: once a comment widget's own wording appears ("You can flag a
  comment…", "Vote Up 7 Vote Down Reply") after the report, what follows is other people's
  comments, badges and user names, not the report;
- promo copy next to a promo line: "Sign up for our newsletter" is removed by its shape; the
  sales line beside it ("Escape your echo chamber. Get the facts…") addresses the reader and
  goes with it;
- a related-story card: "Outlet-Headline" followed by the same headline glued to its summary
  ("HeadlineThe army continued…");
- an author box ending the page ("About the author" and a biography, or the biography alone);
- a sign-off ending the article: editor initials and names joined by slashes ("Gh.A. Name /
  Other Name"), or a user handle ("name1399");
- a long paragraph printed above the headline and again below it (a teaser, then the body);
- below the first line, a news ticker ("Last minute …") or a line printed again with a count;
- a reference to another outlet's article ending the page ("Headline | DW | 09.10.2019"), or
  the page's tags ("Idlib, Russia, Syria").

Every rule leaves a line of the report alone: a line that is not in the place the rule names is
kept.
"""

from __future__ import annotations

import re
from itertools import pairwise

from idlibtui.clean.lines import _Line, headline_shaped, word_count

_COMMENT_WIDGET = re.compile(
    r"^(?:you\s+can\s+flag\s+a\s+comment\b.*"
    r"|vote\s+up\s*\d*\s*vote\s+down\b.*"
    r"|(?:\d+\s+)?(?:reader\s+)?comments?\s*\(\d+\)\s*"
    r"|(?:show|view|load)\s+(?:all\s+)?(?:\d+\s+)?comments?\s*"
    r"|(?:\d+|no)\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\s+\S.{0,160}"
    # "1. Jane Doe says:": a numbered commenter's header; "• janedoe": a commenter's handle
    r"|\d{1,3}\.\s+\S.{0,40}\s+says:|(?-i:[•·]\s*[a-z][a-z0-9_.-]{3,30}))$",
    re.I,
)

# A comment policy ("This is a Civilized Place for Public Discussion", "Comments are moderated",
# "We welcome comments that …"): it opens the comment area at the foot of the page.
_COMMENT_POLICY = re.compile(
    r"^(?:note\s*:\s*|please\s+note\s*:?\s*)?"
    r"(?:(?:this\s+is\s+)?a\s+civili[sz]ed\s+place\s+for\s+(?:public\s+)?discussion\b.*"
    r"|your\s+comments?\s+(?:will|may|must|should)\s+(?:be|appear|not)\b.*"
    r"|(?:all\s+)?comments?\s+(?:are|is|will\s+be)\s+(?:moderated|reviewed|checked)\b.*"
    r"|we\s+(?:welcome|encourage|value)\s+(?:your\s+|reader\s+)?comments\b.*"
    r"|(?:please\s+)?(?:keep|be)\s+(?:your\s+)?comments?\s+(?:civil|respectful|polite|on[\s-]topic)\b.*"
    r"|(?:our\s+)?(?:comment(?:ing)?|community)\s+(?:policy|guidelines|rules)\s*(?::.{0,120})?"
    r"|please\s+(?:treat\s+this\s+discussion|read\s+our\s+comment)\b.*)$",
    re.I,
)
# what a comment policy's own lines talk about
_POLICY_WORDS = re.compile(
    r"\b(?:discussion|discuss|comments?|commenting|conversation|forum|moderat\w*|flag(?:ged)?"
    r"|guidelines)\b",
    re.I,
)


def comment_policy(lines: list[_Line]) -> None:
    """A comment policy after the report, and what follows it while it is short or still
    talks about the discussion, not about the news (its rules, its headings): the comment
    area, not the report.
    The short heading just above it ("Be Civil") goes with it."""
    seen_body = False
    for i, ln in enumerate(lines):
        if ln.drop is None and not seen_body and word_count(ln.text) >= 12:
            seen_body = True
            continue
        if not (seen_body and ln.drop is None and _COMMENT_POLICY.match(ln.text)):
            continue
        start = i
        while (
            start > 0
            and lines[start - 1].drop is None
            and word_count(lines[start - 1].text) <= 4
            and headline_shaped(lines[start - 1].text)
        ):
            start -= 1
        for k in range(start, len(lines)):
            x = lines[k]
            if x.drop is not None:
                continue
            long_line = word_count(x.text) > 6
            if (
                k > i
                and long_line
                and (_REPORT_CUE.search(x.text) or not _POLICY_WORDS.search(x.text))
            ):
                return  # the report again (or something else): the policy has ended
            x.drop = ("boilerplate", "comment policy")
        return


_BADGE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$")

_PROMO_NOTES = ("promo or social footer", "newsletter promo", "donation or interest prompt")
_ADDRESSES_READER = re.compile(r"\b(?:you|your|you['’](?:ll|re|ve))\b", re.I)
_REPORT_CUE = re.compile(
    r"\b(?:said|says|told|killed|wounded|according|reported|announced|army|forces|troops)\b", re.I
)

_NAME = r"[A-Z][\w’'.-]*\.?(?:[ .]?[A-Z][\w’'.-]*\.?){0,3}"
_SIGN_OFF = re.compile(rf"^{_NAME}(?:\s*/\s*{_NAME})+$|^[a-z]{{3,20}}\d{{2,6}}$")

_SHORT_TAGS = re.compile(
    r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}){2,}$"
)
# "Headline | DW | 09.10.2019", "Source: Headline | News | Station": a link to another page,
# its parts (section, site, date) short after the headline
_PIPE_REFERENCE = re.compile(
    r"^(?:source\s*:\s*)?\S.{8,200}?(?:\s\|\s(?:[^|\s]+(?:\s[^|\s]+){0,3})){2,3}$", re.I
)


def comment_section(lines: list[_Line]) -> None:
    """Drop a reader-comment section: from the first comment widget line that follows report
    text to the end of the page."""
    seen_body = False
    for i, ln in enumerate(lines):
        if not seen_body and ln.drop is None and word_count(ln.text) >= 12:
            seen_body = True
        if seen_body and _COMMENT_WIDGET.match(ln.text):
            # the commenter's name and badges just above it ("Member", "Upvoted")
            while i > 0 and _BADGE.match(lines[i - 1].text):
                i -= 1
            for rest in lines[i:]:
                if rest.drop is None:
                    rest.drop = ("boilerplate", "reader comments")
            return


def promo_copy(lines: list[_Line]) -> None:
    """A short line that talks to the reader, right after (or between) promo lines, is the
    promo's own sales copy."""
    for i, ln in enumerate(lines):
        if ln.drop is not None or i == 0:
            continue
        prev = lines[i - 1]
        if prev.drop is None or prev.drop[1] not in _PROMO_NOTES:
            continue
        s = ln.text
        if (
            len(s.split()) <= 30
            and _ADDRESSES_READER.search(s)
            and not _REPORT_CUE.search(s)
            and not re.search(r"[\"“”«»]", s)
        ):
            ln.drop = ("boilerplate", "promo copy")


def related_cards(lines: list[_Line]) -> None:
    """An "Outlet-Headline" line, then "HeadlineSummary…": a related story's card (both)."""
    for a, b in pairwise(lines):
        if a.drop is not None or b.drop is not None or not headline_shaped(a.text):
            continue
        head = a.text
        m = re.match(r"^[A-Z][\w.]{1,20}\s?[-–—]\s?(?=[A-Z])", head)
        for candidate in (head[m.end() :] if m else None, head):
            if not candidate or len(candidate.split()) < 4:
                continue
            k = len(candidate)
            if b.text.startswith(candidate) and len(b.text) > k and b.text[k].isupper():
                a.drop = ("boilerplate", "related-article card")
                b.drop = ("boilerplate", "related-article card")
                break


_AUTHOR_LABEL = re.compile(
    r"^(?:about\s+the\s+authors?|author\s+bio(?:graphy)?|[àa]\s+propos\s+de\s+l['’]auteur"
    r"|[üu]ber\s+(?:den\s+autor|die\s+autorin)|sobre\s+el\s+autor|sobre\s+o\s+autor"
    r"|l['’]autore|yazar\s+hakk[ıi]nda|об\s+авторе|عن\s+الكاتب)\s*:?$",
    re.I,
)
_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3}|The\s+(?:author|writer))\s(?:is|was)\s(?:a|an|the)\s"
    r"(?:[\w-]+,?\s){0,5}?"
    r"(?:journalist|reporter|correspondent|writer|editor|analyst|researcher|fellow|columnist"
    r"|photographer|photojournalist|contributor|freelancer|author)\b"
)


def author_box(lines: list[_Line]) -> None:
    """An author box ending the page: an "About the author" label and the lines after it (up to
    three, each short), or a last line that is a writer's one-sentence biography."""
    kept = [ln for ln in lines if ln.drop is None]
    for n, ln in enumerate(kept):
        # with its biography after it (a label left alone at the end is the closing-run
        # rules' to judge, with the related links around it)
        if _AUTHOR_LABEL.match(ln.text) and n and 2 <= len(kept) - n <= 4:
            if all(word_count(x.text) <= 80 for x in kept[n:]):
                for x in kept[n:]:
                    x.drop = ("boilerplate", "author box")
            return
    if len(kept) >= 2:
        last = kept[-1]
        if len(last.text.split()) <= 60 and _BIO.match(last.text):
            last.drop = ("boilerplate", "author box")


# "North Valley News", "Crescent Press": a site's name printed under its headline
_SITE_NAME = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+(?:News|Press|Agency|News\s+Agency|TV|Network)$"
)
# "By Middle East correspondent Jane Doe, wires": a byline naming the writer's role
_ROLE_BYLINE = re.compile(
    r"^By\s+(?=[^.!?]{0,80}\b(?:correspondent|reporter|staff|editor|writer|bureau|wires"
    r"|agencies)\b)[^.!?]{3,90}$"
)
# "Gh.A.Name": an editor's initials and surname
_INITIALS_NAME = re.compile(r"^(?:[A-Z][a-z]?\.){1,3}\s?[A-Z][a-z]{2,}$")


def opening_bylines(lines: list[_Line]) -> None:
    """Above the first paragraph of report: the writers' names joined by slashes ("Jane Doe/
    John Roe/ Ann Poe") or an editor's initials and surname: a byline, not a subheading; a
    site's name ("Valley News") below the first line."""
    for n, ln in enumerate(x for x in lines if x.drop is None):
        s = ln.text
        if len(s.split()) >= 12 and not headline_shaped(s):
            return  # the report has begun
        if n and _SITE_NAME.match(s):
            ln.drop = ("boilerplate", "site name below the headline")
            continue
        if (
            _INITIALS_NAME.match(s)
            or _ROLE_BYLINE.match(s)
            or ("/" in s and len(s.split()) >= 3 and len(s) <= 80 and _SIGN_OFF.match(s))
        ):
            ln.drop = ("metadata", "byline")


def closing_lines(lines: list[_Line]) -> None:
    """The last kept lines: an editor's sign-off or a reference to another outlet's page."""
    kept = [ln for ln in lines if ln.drop is None]
    if len(kept) < 2:
        return
    for ln in reversed(kept[1:]):
        s = ln.text
        if len(s) <= 80 and _SIGN_OFF.match(s) and len(s.split()) <= 8:
            ln.drop = ("boilerplate", "editor sign-off")
        elif len(s) <= 240 and _PIPE_REFERENCE.match(s):
            ln.drop = ("boilerplate", "reference to another page")
        elif len(s) <= 120 and _SHORT_TAGS.match(s):
            ln.drop = ("boilerplate", "keyword tags")
        else:
            break


def teaser_above_headline(lines: list[_Line]) -> None:
    """The page opens with a long paragraph, then a headline, then the same paragraph again
    (a teaser printed above the headline, the body below): the teaser goes, so the headline
    is the title. A paragraph repeated anywhere else is kept (a report may repeat itself)."""
    kept = [ln for ln in lines if ln.drop is None]
    if len(kept) < 3:
        return
    teaser, headline, body = kept[:3]
    if (
        len(teaser.text.split()) >= 12
        and " ".join(teaser.text.split()) == " ".join(body.text.split())
        and headline_shaped(headline.text)
    ):
        teaser.drop = ("boilerplate", "repeated paragraph (teaser above the headline)")


# "Last minute <headline>", "Breaking news: …", "Son dakika …": a ticker of other stories
_TICKER = re.compile(
    r"^(?:last\s+minute|breaking(?:\s+news)?|son\s+dakika|eilmeldung|derni[eè]re\s+minute"
    r"|[uú]ltima\s+hora|срочно|عاجل)\b\s*[:|-]?\s*\S.{0,160}$",
    re.I,
)
_COUNT_TAIL = re.compile(r"\s*\(\d{1,5}\)$")


def tickers_and_counted_repeats(lines: list[_Line]) -> None:
    """Below the first line: a news ticker line, and an earlier line printed again with a
    comment or photo count ("Headline (15)")."""
    kept = [ln for ln in lines if ln.drop is None]
    seen = set()
    for n, ln in enumerate(kept):
        s = ln.text
        if n and len(s) <= 200 and _TICKER.match(s) and s[-1:] not in '.!?"”':
            ln.drop = ("boilerplate", "news ticker")
            continue
        m = _COUNT_TAIL.search(s) if s[-1:] == ")" else None  # (the count ends the line)
        if m and s[: m.start()] in seen:
            ln.drop = ("boilerplate", "repeated line (with a count)")
            continue
        seen.add(s)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_SUFFIX_SEP = re.compile(r"\s+[•|–—-]\s+(?=[^•|–—]{2,60}$)")


def headline_with_site_suffix(lines: list[_Line]) -> None:
    """The page's title ("Headline • Site Name") above its headline ("Headline"): the first
    goes, so the headline is the title and the site's name is not in it."""
    kept = [ln for ln in lines if ln.drop is None][:4]
    for a, b in pairwise(kept):
        head = b.text.translate(_QUOTES).strip()
        full = a.text.translate(_QUOTES).strip()
        if len(head.split()) < 3 or not full.startswith(head) or full == head:
            continue
        rest = full[len(head) :]
        if _SUFFIX_SEP.match(rest) and len(rest.split()) <= 8:
            a.drop = ("boilerplate", "headline with the site's name (printed again below)")
            return


def by_context(lines: list[_Line]) -> None:
    """Every rule of this module, in order."""
    teaser_above_headline(lines)
    headline_with_site_suffix(lines)
    tickers_and_counted_repeats(lines)
    opening_bylines(lines)
    comment_policy(lines)
    comment_section(lines)
    promo_copy(lines)
    related_cards(lines)
    author_box(lines)
    closing_lines(lines)
