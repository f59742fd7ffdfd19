"""More page chrome told by the shape of one line: share and player widgets, comment forms
(captchas, comment-system credits), "follow us" and newsletter asks, picture placeholders and
map credits, bylines with the page's clock, glued tag rows and site menus.

Split from ``chrome.py`` (which calls :func:`widget_note` last); the same contract holds: a
rule matches a whole line that carries no sentence of the report, and returns the note its
removal carries, or None.
"""

from __future__ import annotations

import re

from idlibtui.clean.prefilter import any_of, re_case_lower

_SOCIAL = r"(?:facebook|twitter|x|instagram|telegram|youtube|whatsapp|linkedin|tiktok|vk|gab)"
_NUMBER_WORD = (
    r"(?:\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)"
)

# (pattern, note), matched on the stripped line.
_WIDGETS: list[tuple[re.Pattern[str], str]] = [
    # "Send in e-mailSend in e-mail", "Share it:", "Email", "Video PlayerClose", "Select Page",
    # "[Full Story]", "Back to top button", "Click to see the full size map"
    (
        re.compile(
            r"^(?:(?:send\s+(?:in|by|via)\s+e-?mail|e-?mail(?:\s+this)?|share\s+it|share\s+on"
            r"|video\s*player\s*close|select\s+page|\[?\s*full\s+story\s*\]?|back\s+to\s+top"
            r"(?:\s+button)?|open\s+in\s+(?:a\s+)?new\s+(?:tab|window)|close\s+(?:menu|search))"
            r"\s*[:!.]?\s*){1,3}$",
            re.I,
        ),
        "widget label",
    ),
    # "Click to read the article in Turkish", "Click to see full-size map. Source: (@x) on Twitter"
    (
        re.compile(
            r"^(?:click|tap)\s+(?:here\s+)?to\s+(?:read|see|view|enlarge|open|watch|listen|download"
            r"|expand)\b.{0,160}$",
            re.I,
        ),
        "widget label",
    ),
    # "Image result for …": a search engine's picture page
    (re.compile(r"^image\s+result\s+for\b.{0,160}$", re.I), "media placeholder"),
    # "Illustrative image", "file image", "Archive photo": a picture's stand-in caption
    (
        re.compile(
            r"^(?:illustrative|illustration|file|archive|archival|stock|representative"
            r"|representational|featured|cover)\s+(?:image|photo|picture|photograph)s?"
            r"(?:\s*[:/|–—-]\s*[^.!?]{1,60})?$",
            re.I,
        ),
        "photo caption",
    ),
    # "Map: Syrian Arab Republic", "External Link: Tweeted photos from …": an embed's label
    # ("Video: …" is left alone: some outlets head a video report's headline with it)
    (
        re.compile(
            r"^(?:map|external\s+link|graphic|infographic|chart|interactive)"
            r"\s*:\s*[^.!?]{2,120}$",
            re.I,
        ),
        "embed label",
    ),
    # comment forms: "twenty − 9 =", "11 − ten =" (a captcha), "comments powered by …",
    # "Loading Facebook Comments ...", "Post a Comment"
    (
        re.compile(
            r"^" + _NUMBER_WORD + r"\s*[−+×x*-]\s*" + _NUMBER_WORD + r"\s*=\s*\S{0,3}$"
            r"|^comments?\s+(?:powered|provided|hosted)\s+by\b.{0,40}$"
            r"|^loading\s+(?:facebook\s+|disqus\s+)?comments?\b[\s.…]*$"
            r"|^(?:post|add|write|submit)\s+a\s+comment\b[\s.…:]*$"
            r"|^notify\s+me\s+of\s+(?:new|follow-up)\s+(?:comments|posts)\b.{0,60}$",
            re.I,
        ),
        "comment form",
    ),
    # "For the latest news follow us on Twitter", "Like us on Facebook and …"
    (
        re.compile(
            r"^(?=.{0,160}$)(?:[\w'’,]+\s+){0,6}(?:follow|like|join|find|subscribe\s+to)\s+us\s+on\s+"
            + _SOCIAL
            + r"\b.{0,80}$",
            re.I,
        ),
        "promo or social footer",
    ),
    # "New MEE newsletter: Jerusalem Dispatch", "By subscribing I accept the terms of use …"
    (
        re.compile(
            r"^(?:new\s+)?(?:[\w'’-]+\s+){0,2}newsletters?\s*:\s*[^.!?]{2,80}$"
            r"|^by\s+(?:subscribing|signing\s+up|registering|clicking)\b.{0,160}"
            r"\b(?:terms|privacy|policy|consent|agree|accept)\b.{0,80}$",
            re.I,
        ),
        "newsletter promo",
    ),
    # "Support SouthFront", "Donate to us": the site asks for money in two words
    (
        re.compile(r"^(?i:support|donate\s+to)\s+(?:(?i:us)|[A-Z][a-z]+[A-Z][\w-]*)\s*!?$"),
        "donation or interest prompt",
    ),
    # "See Daily Digest, May 4: The Last Testing Machine in the North": a series' link
    (
        re.compile(r"^(?:See|Watch|Listen|Read)\s+[A-Z][^.!?:]{2,60}:\s+\S[^.!?]{3,150}$"),
        "related link",
    ),
    # "Publish Time : 18:15:00": a clock with no day (the day, if any, is the date rules')
    (
        re.compile(
            r"^(?:publish(?:ed)?|post(?:ed)?|updated?|last\s+updated?)\s*(?:time|at)?\s*:?\s*"
            r"\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC)[+-]?\d{0,2}\)?)?$",
            re.I,
        ),
        "time stamp",
    ),
    # the labels that head a list of other stories (``chrome.INTRO_LABELS`` takes the list)
    (
        re.compile(
            r"^(?:(?:recent|popular|latest|top|trending)\s+(?:posts|articles)|further\s+reading"
            r"|in\s+other\s+news|in\s+case\s+you\s+missed\s+it|more\s+in\s+\w+(?:\s+\w+)?)"
            r"\s*[:»›>.…-]*\s*$",
            re.I,
        ),
        "widget label",
    ),
    # a consent banner's buttons and links
    (
        re.compile(
            r"^(?:manage\s+(?:consent|cookies|preferences|options)|accept\s+(?:all|cookies)"
            r"|reject\s+(?:all|cookies)|(?:privacy|cookie)\s+(?:policy|settings|preferences)"
            r"|(?:privacy|cookie)\s+policy\s*[|·•/]\s*terms\s+(?:of\s+(?:use|service)|and\s+conditions))"
            r"\s*$",
            re.I,
        ),
        "cookie notice",
    ),
    # "Follow Valley News on Twitter", "Follow @valleynews": the outlet asks for followers
    (
        re.compile(
            r"^(?:follow|like)\s+(?:[A-Z@][\w.'’@-]*\s+){1,4}on\s+" + _SOCIAL + r"\b.{0,40}$"
            r"|^follow\s+@\w{2,30}\b.{0,40}$",
            re.I,
        ),
        "promo or social footer",
    ),
    # "For interviews with our director, please contact Jane Doe: [email protected]"
    (
        re.compile(
            r"^for\s+(?:interviews|media\s+(?:inquiries|enquiries|requests)|press\s+(?:inquiries"
            r"|enquiries)|more\s+information|comments?)\b.{0,160}\b(?:contact|e-?mail|write\s+to)\b"
            r".{0,120}$",
            re.I,
        ),
        "press contact",
    ),
    # one network's share button alone ("Facebook", "Tweet", "Copy link")
    (
        re.compile(
            r"^(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|tweet|copy\s+link"
            r"|messenger|flipboard|vkontakte)\s*$",
            re.I,
        ),
        "share button",
    ),
    # a site's navigation, one item a line ("Home", "Menu", "Log in", "Contact us")
    (
        re.compile(
            r"^(?:home(?:\s*page)?|menu|main\s+menu|search|log\s*in|sign\s+in|register|subscribe"
            r"|contact(?:\s+us)?|about(?:\s+us)?|toggle\s+navigation|navigation|close)\s*[»›>|]?\s*$",
            re.I,
        ),
        "navigation",
    ),
    # "Keywords: Idlib, ceasefire", "Tagged: …", "Categories: …": the page's tags
    (
        re.compile(
            r"^(?:keywords?|tagged(?:\s+with)?|categor(?:y|ies)|related\s+topics|subjects?)\s*:\s*"
            r"[^.!?]{1,200}$",
            re.I,
        ),
        "keyword tags",
    ),
    # "(@handle)" alone: an embed's or a byline's handle
    (re.compile(r"^\(?@\w{2,30}\)?$"), "user handle"),
    # "2,500 $", "$ 1,000": a donation widget's amounts with thousands separators
    (
        re.compile(
            r"^[$€£¥₺]\s*\d{1,3}(?:[,.]\d{3})+(?:[.,]\d\d)?$|^\d{1,3}(?:[,.]\d{3})+\s*[$€£¥₺]$"
        ),
        "price widget",
    ),
    # a long run of digits alone (a tracking or ad code)
    (re.compile(r"^\d{16,}$"), "tracking code"),
]
# one pattern for them all: most lines match none (one call instead of one per widget)
_ANY_WIDGET = any_of(_WIDGETS)

# "HamaKafr NabudahSyriaregime forcesRussia": topic tags printed without spaces between them
_GLUED = re.compile(r"(?<!M)(?<!Ma)(?<!Mc)[a-z][A-Z](?=[a-z])")


def _glued_tags(s: str) -> bool:
    words = s.split()
    return (
        2 <= len(words) <= 14
        and not re.search(r"[.,;:!?\"“”()0-9]", s)
        and len(_GLUED.findall(s)) >= 2
    )


# "Home | News | Politics | World", "Accueil • Monde • Politique": a menu's items, four or more
_MENU_ITEMS = re.compile(
    r"^[^\s|•·/>»][^|•·/>».!?,;:]{0,30}(?:\s+[|•·/>»]\s+[^|•·/>».!?,;:]{1,30}){3,}$"
)


def _menu_items(s: str) -> bool:
    if _MENU_ITEMS.match(s) is None:
        return False
    items = re.split(r"\s+[|•·/>»]\s+", s)
    return (
        all(1 <= len(x.split()) <= 3 for x in items)
        and not re.search(r"\d{1,2}:\d\d|(?:19|20)\d\d", s)  # a date line is the date rules'
    )


_MENU_FUNCTION = frozenset({"of", "and", "&", "the", "for"})


def _site_menu(s: str) -> bool:
    """ "News Politics BUSINESS & TECH Travel Channel …": a site's menu, twelve or more words,
    every one capitalised (no "in", "to", "on" a headline of that length would hold), no
    digits or sentence marks, with an ampersand or two words in capitals."""
    words = s.split()
    if len(words) < 12 or re.search(r"[.,;:!?\"“”'’()0-9|–—]", s):
        return False
    lower = [w for w in words if not w[:1].isupper() and w not in _MENU_FUNCTION]
    capitals = sum(1 for w in words if len(w) >= 3 and w.isupper())
    return not lower and ("&" in words or capitals >= 2)


def widget_note(line: str) -> str | None:
    """Why ``line`` (stripped) is one of these widgets, or None."""
    s = line.strip()
    if not s or len(s) > 300:
        return None
    if _ANY_WIDGET.match(s):
        for pattern, note in _WIDGETS:
            if pattern.match(s):
                return note
    if _glued_tags(s):
        return "keyword tags (glued)"
    if _site_menu(s) or _menu_items(s):
        return "site menu"
    if _archive_calendar(s):
        return "archive calendar"
    low = re_case_lower(s)
    if ("owned" in low or "operative" in low) and _OWNERSHIP_APPEAL.search(s):
        return "reader appeal (ownership)"
    if _VIDEO_CREDIT.match(s):
        return "video report credit"
    if _WIKI_DIFF.match(s):
        return "wiki revision chrome"
    if _IMAGE_FILE.match(s):
        return "image file name"
    if low.count("control") >= 3 and _map_legend(s):
        return "map legend"
    return None


# "OWNED BY OUR READERS", "We're a reader-owned co-operative … buying shares in …": a paper's
# appeal to be bought into, told by its ownership words
_OWNERSHIP_APPEAL = re.compile(
    r"^owned\s+by\s+(?:our|its)\s+readers\W*$"
    r"|\breader[- ]owned\b.*\b(?:co-?operative|you\s+can|join|shares?)\b"
    r"|\bwe(?:['’]re|\s+are)\s+an?\s+(?:\w+\s+){0,2}co-?operative\b.*\b(?:you|shares?|join)\b",
    re.I,
)
# "Levant TV's Jane Doe reports from Antakya, Turkey.": the line under a video report
_VIDEO_CREDIT = re.compile(
    r"^[A-Z][\w .&-]{1,30}['’]s?\s+(?:[A-Z][\w'’.-]+\s+){1,3}reports?\s+from\s+"
    r"(?:the\s+)?[A-Z][\w'’-]+(?:[ ,]+[A-Z][\w'’-]+){0,3}\.?$"
)
# a wiki page's revision view: its column heads, its line numbers, an edit summary ("m →Section:
# fixed a ref")
_WIKI_DIFF = re.compile(
    r"^(?:Content\s+deleted\s+Content\s+added|Line\s+\d+:\s*Line\s+\d+:|m\s*→\s*\S.{0,120})$"
)
# "Operation Olive Branch.svg": an image's file name left where the image was
_IMAGE_FILE = re.compile(r"^[^\s/][^/]{0,80}\.(?:svg|png|jpe?g|gif|webp)$", re.I)
_CONTROL = re.compile(r"\bcontrol\b", re.I)
_PROSE_WORD = re.compile(r"\b(?:the|is|are|was|were|has|have|had|took|seized|said|of)\b")


def _map_legend(s: str) -> bool:
    """A map's key ("Rebel control Army control Kurdish control", and its "interactive map,
    see here" pointer): three areas of control named with no sentence around them."""
    head = re.split(r"(?<=[a-z])(?=For\s+a\s+more)", s, maxsplit=1)[0]
    return len(_CONTROL.findall(head)) >= 3 and _PROSE_WORD.search(head) is None


# "14/11/2018 (14) 13/11/2018 (41) …": an archive's days, each with its count of posts
_DAY_COUNT = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\s*\(\d{1,5}\)")


def _archive_calendar(s: str) -> bool:
    """Three or more dates each followed by a bracketed count: the archive's calendar line."""
    return s.count("(") >= 3 and len(_DAY_COUNT.findall(s)) >= 3


# "… has been repeatedly targeted over the past week. (AP)": a finished sentence of report (a
# perfect tense or an attribution) and then the agency's name in brackets
_AGENCY_SIGNATURE = re.compile(r"(?<=[.!?”\"])\s*[\[(](?:AP|AFP|Reuters|AA|DPA|SANA|Xinhua)[\])]$")
_REPORT_TENSE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?\w+(?:ed|en|wn|ht)\b"
    r"|\b(?:said|says|told|according\s+to|reported|announced)\b",
    re.I,
)


def reported_then_agency(s: str, words: int) -> bool:
    """A sentence of report (twenty words or more) signed with its agency ("(AP)"): not a
    caption; only the signature goes (``chrome.credit_tail``)."""
    return (
        words >= 20
        and _AGENCY_SIGNATURE.search(s) is not None
        and _REPORT_TENSE.search(s) is not None
    )
