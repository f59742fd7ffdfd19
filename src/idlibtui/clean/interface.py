"""The page's own interface, told by what it says to the reader rather than by one site's words.

A report speaks about the world; an interface speaks to the reader about the page: a form's
prompts and answers ("Please enter your name", "Thank you for signing up.", "Oops. Something
went wrong."), where the reader is ("You are here: Home", "Back to main page"), what a widget
counts ("No comments:", "News ID: 199259"), an empty field label ("Updated:"), a list of other
stories' labels ("Related posts from similar topics:"), a ticker of headlines joined by bullets,
and a template that was never filled in ("[ad_1]", "%d bloggers like this:", "string(196)
"[{…"). :func:`interface_note` reads one line; :func:`form_runs` takes a run of short lines
around two such messages (a sign-up box's copy goes with its prompts).
"""

from __future__ import annotations

import functools
import re

from idlibtui.clean import outlets
from idlibtui.clean.lines import _Line
from idlibtui.clean.prefilter import any_of

_LINES: list[tuple[re.Pattern[str], str]] = [
    # a form's prompts and answers
    (
        re.compile(
            r"^(?:please\s+)?(?:enter|type|provide|fill\s+in|select|choose)\s+(?:a\s+|an\s+|your\s+)"
            r"(?:valid\s+)?(?:e-?mail|name|comment|password|username|search|address|message"
            r"|keyword|first\s+name|last\s+name|website)\b.{0,40}$"
            r"|^please\s+(?:wait|try\s+again|refresh|reload|log\s*in|sign\s*in|register"
            r"|enable\s+javascript)\b.{0,60}$"
            r"|^(?:please\s+)?try\s+again(?:\s+later)?[.!]?$"
            r"|^oops\b.{0,60}$|^something\s+went\s+wrong\b.{0,40}$"
            r"|^thank\s+you(?:\s+for\s+(?:signing\s+up|subscribing|registering|your\s+"
            r"(?:comment|feedback|submission|interest|subscription)))?\s*[.!,]?$"
            r"|^.{0,60}\be-?mail\s+address\b.{0,60}\b(?:already\s+(?:registered|subscribed|in\s+use)"
            r"|not\s+valid|is\s+invalid|is\s+required)\b.{0,20}$",
            re.I,
        ),
        "form message",
    ),
    # a live page's notice: "This is a developing story. Please refresh this page for updates."
    (
        re.compile(
            r"^this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?story\b.{0,100}$"
            r"|^(?:this\s+(?:story|article|page)\s+)?(?:will\s+be|is\s+being)\s+updated\b.{0,40}$",
            re.I,
        ),
        "update notice",
    ),
    # where the reader is, and where the page's links go
    (
        re.compile(
            r"^you\s+are\s+here\s*:.{0,100}$"
            r"|^back\s+to\s+(?:the\s+)?(?:main\s+page|home\s*page|home|top|index|news"
            r"|all\s+news|previous\s+page)\s*$"
            r"|^(?:rss|rss\s+feed|print(?:\s+this)?(?:\s+(?:page|article|story))?)$"
            r"|^(?:adjust|change|increase|decrease)\s+(?:the\s+)?(?:font|text)"
            r"\s+size\s*:?\s*$",
            re.I,
        ),
        "navigation",
    ),
    # what a widget counts or numbers
    (
        re.compile(
            r"^(?:no|\d{1,5})\s+(?:comments?|responses?|replies)\s*:?\s*$"
            r"|^(?:news|article|story|post|item)\s+(?:id|code|no\.?|number)\s*:?\s*\d{2,12}$",
            re.I,
        ),
        "widget counter",
    ),
    # the page's clock with no year: "May 02, 21:31 UTC+3 MOSCOW", "21:31 GMT"
    (
        re.compile(
            r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+)?"
            r"\d{1,2}:\d\d(?:\s*(?:[AaPp]\.?[Mm]\.?))?(?:\s*(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2})?)?"
            r"(?:\s+[A-Z][A-Z ]{1,30})?$"
        ),
        "page clock",
    ),
    # a field label with nothing after it
    (
        re.compile(
            r"^(?:updated|last\s+updated|posted|published|modified|tags|categories|category"
            r"|filed\s+under|shares?|views|author|source|sources|editor)\s*:\s*$",
            re.I,
        ),
        "empty label",
    ),
    # the label of a list of other stories
    (
        re.compile(
            r"^(?:related|similar|more|other|latest|recent)\s+(?:\w+\s+){0,2}?"
            r"(?:posts?|articles?|stories|news|reads?|coverage|videos?)"
            r"(?:\s+(?:from|on|in|about)\s+[^.!?]{1,40})?\s*:?\s*$",
            re.I,
        ),
        "related-posts label",
    ),
    # a media embed's label: "– Video of the strike near the base", "Watch: footage of …"
    (
        re.compile(
            r"^[–—-]?\s*(?:video|videos|watch|footage|photos|gallery|audio)\s*(?:of\b|:)"
            r"\s*[^.!?]{3,120}$",
            re.I,
        ),
        "embed label",
    ),
    # the site's description: "Get the latest news from around the world, live coverage, …"
    (
        re.compile(
            r"^(?:get|read|find|your\s+source\s+for)\s+(?:the\s+)?(?:latest|breaking)\s+"
            r"(?:news|updates|headlines|stories)\b.{0,160}$",
            re.I,
        ),
        "site tagline",
    ),
    # an embedded post's text: it opens on a hashtag ("#BREAKING: …")
    (re.compile(r"^#[A-Za-z]\w{2,30}\b.{0,280}$"), "embedded post"),
    # a promo behind an arrow that asks the reader to subscribe, sign up or read on
    (
        re.compile(
            r"^(?:>>|»|■)\s.{0,200}\b(?:subscribe|sign\s+up|newsletter|read\s+more|click)\b.{0,80}$",
            re.I,
        ),
        "promo or social footer",
    ),
]
# a template never filled in, or a program's dump of its data: "[ad_1]", "%d bloggers like
# this:", 'string(196) "[{"id":…'
_TEMPLATE = re.compile(
    r"^\[\w{1,20}_\d{1,3}\]$|^%[ds]\s.{0,60}$|^string\(\d+\)\s*\"|^\[?\{\"\w+\":"
)

# one pattern for them all: most lines match none (one call instead of one per rule)
_ANY_LINE = any_of(_LINES)
_BULLET_SPLIT = re.compile(r"\s+[•·]\s+")


# (a pure function of the line, kept for the lines seen last: the cleaner asks again about the
# lines a repair left as they were)
@functools.lru_cache(maxsize=4096)
def interface_note(line: str) -> str | None:
    """Why ``line`` is the page's interface, or None."""
    s = line.strip()
    if not s:
        return None
    if _TEMPLATE.match(s):
        return "template placeholder"
    if len(s) > 800:
        return None
    if len(s) <= 300:
        if _ANY_LINE.match(s):
            for pattern, note in _LINES:
                if pattern.match(s):
                    return note
        m = _SITE_NAME.match(s) or _SLUG.match(s)
        if m and outlets.lookup(m.group("name").strip()) is not None:
            return "site name"
        if _SLUG.match(s):
            return "page slug"
    return ticker_note(s)


# "- Sputnik International": the site's name left from the page title's tail
_SITE_NAME = re.compile(r"^[-–—|:]\s*(?P<name>[^.!?]{2,60})$")
# "syria-conflictWEB DESK": the page's address slug glued to a label
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+(?P<name>[A-Z][A-Za-z ]{1,30})$")


def ticker_note(s: str) -> str | None:
    """Three headlines or more joined by bullets on one line: a ticker, not a sentence."""
    if len(s) > 2000 or ("•" not in s and "·" not in s):
        return None  # (no bullet: one part)
    parts = [p for p in _BULLET_SPLIT.split(s) if p.strip()]
    if len(parts) < 3:
        return None
    if all(len(p.split()) <= 16 and p.strip()[-1:] not in ".!?" for p in parts[:-1]):
        return "headline ticker"
    return None


_READER = re.compile(
    r"\b(?:you|your|you['’](?:ll|re|ve)|we['’]ve|please|thanks?|thank\s+you)\b", re.I
)
_FORM_NOTES = ("form message",)


def form_runs(lines: list[_Line]) -> None:
    """A sign-up or comment box: around two form messages or more in a run of short lines
    (twelve words at most), the short lines that speak to the reader go with them."""
    n = len(lines)
    i = 0
    while i < n:
        if (lines[i].drop or ("", ""))[1] not in _FORM_NOTES:
            i += 1
            continue
        j = i
        members = [i]
        while j + 1 < n and len(lines[j + 1].text.split()) <= 12:
            j += 1
            members.append(j)
        k = i
        while k - 1 >= 0 and len(lines[k - 1].text.split()) <= 12:
            k -= 1
            members.insert(0, k)
        forms = [m for m in members if (lines[m].drop or ("", ""))[1] in _FORM_NOTES]
        if len(forms) >= 2:
            for m in members:
                ln = lines[m]
                if ln.drop is None and _READER.search(ln.text):
                    ln.drop = ("boilerplate", "form message")
        i = j + 1
