"""Page chrome that real web reports carry into their text, told by the shape of one line.

Widgets (reading time, "N minutes ago", "Keep reading", "list of N items", text-size buttons),
donation and newsletter asks, embedded tweets, aggregator lines ("Also reported by •…"), single
share buttons, and captions whose credit trails them ("… Idlib. Sana", "… /Handout via
REUTERS", "… CRISIS GROUP / Jane Doe"). Each test returns the note the removal carries, or None.

Every rule here is for a whole line that carries no sentence of the report: a line that also
holds report text (a sentence, a quotation) is left to the caller, which keeps it.
"""

from __future__ import annotations

import functools
import re

from idlibtui.clean.captions import place_day_end, strip_picture_number
from idlibtui.clean.page_widgets import reported_then_agency, widget_note
from idlibtui.clean.prefilter import (
    FOOTER_NEEDS,
    SLASHED_CREDIT_ENDS,
    any_of,
    may_end_in_label,
    re_case_lower,
)
from idlibtui.clean.prefilter import INLINE_NEEDS as _INLINE_NEEDS  # (for _INLINE, in order)
from idlibtui.clean.widget_words import _OTHER_LANGUAGE, _OTHER_LANGUAGE_MAX, _READ_ALSO_WORDS

_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"

# (pattern, note): whole lines, matched case-insensitively on the stripped line.
_CHROME: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"^(?:(?:[\w .&/|-]{0,60}?)[\s|•·-]+)?\d{1,3}\+?\s*(?:min(?:ute)?s?|mins?)\.?"
            r"(?:\s+(?:read|reading|listen|watch))?\s*$",
            re.I,
        ),
        "reading time",
    ),
    (
        re.compile(
            r"^[•·*-]?\s*(?:(?:updated|posted|published)\s*:?\s*)?(?:about\s+)?(?:an?|"
            + _NUM
            + r")\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)"
            r"\s+ago\.?$",
            re.I,
        ),
        "relative time",
    ),
    (
        re.compile(r"^list\s+of\s+\d{1,3}\s+items?(?:\s*(?:end|start)\s+of\s+list)?$", re.I),
        "list widget",
    ),
    (re.compile(r"^(?:end|start)\s+of\s+list$", re.I), "list widget"),
    # "- Advertisement -", "— ADVERTISEMENT —", "Sponsored content": an ad slot's label
    (
        re.compile(
            r"^[-–—•·*\s]*(?:advertisements?|advertising|advert|sponsored(?:\s+content)?)[-–—•·*\s]*$",
            re.I,
        ),
        "advertisement label",
    ),
    # "This is an edited translation from our Arabic edition", "This article was translated
    # from the Turkish", "Translated by Jane Doe": an editor's note on the text, not report
    (
        re.compile(
            r"^\(?(?:this\s+(?:(?:(?:article|report|story|text|piece)\s+)?is\s+an?\s+"
            r"(?:edited\s+|abridged\s+|abbreviated\s+)?translation"
            r"|(?:article|report|story|text|piece)\s+(?:was|has\s+been|is)\s+(?:\w+\s+)?translated)"
            r"\b.{0,160}|translated\s+(?:by|from)\s+\S.{0,100}|(?:translation|translator|translated)"
            r"\s*:\s*\S.{0,80})\)?$",
            re.I,
        ),
        "translation note",
    ),
    (
        re.compile(r"^(?:image|photo|picture|video|gallery|audio|media|play\s+video|watch)$", re.I),
        "media placeholder",
    ),
    (re.compile(r"^(?:\w+\s+){0,3}leave\s+a\s+(?:comment|reply)$", re.I), "comment form"),
    (
        re.compile(
            r"^(?:keep\s+reading|continue\s+reading|read\s+(?:more|next|full\s+(?:story|article))"
            r"|show\s+(?:more|less)|hide\s+footnote|load\s+more|see\s+more|view\s+more|more\s+»"
            r"|(?:read|see)\s+more\s*[»›>→]+|similar\s+news|other\s+news|latest\s+news"
            r"|related\s+news|top\s+stories|more\s+stories|next\s+article|previous\s+article"
            r"|advertisements?|advertising|sponsored\s+links?|skip\s+to\s+(?:main\s+)?content"
            r"|back\s+to\s+top|scroll\s+to\s+top|listen\s+to\s+(?:this\s+)?article"
            r"|print\s+this\s+(?:page|article)|email\s+this\s+(?:page|article)|leave\s+a\s+(?:reply|comment)"
            r"|comments?\s+are\s+closed|you\s+might\s+also\s+like|you\s+may\s+also\s+like"
            r"|don['’]t\s+miss|must\s+read|editor['’]s\s+picks?|edition|be\s+the\s+first\s+to\s+comment"
            r"|check\s+also|click\s+to\s+follow|source\s+link|translate|print|share"
            r"|jump\s+to\s+(?:main\s+)?(?:content|navigation)|from\s+wikipedia,\s+the\s+free\s+encyclopedia"
            r"|read\s+(?:the\s+)?full\s+(?:article|story)(?:\s+(?:at|on|here))?"
            r"|feel\s+free\s+to\s+(?:contribute|comment|share)!?"
            r"|(?:this\s+|the\s+)?(?:text|article|story|page)\s+(?:is|was|has\s+been)\s+updated"
            r"|(?:\d+\s+)?comments?|share\s+this(?:\s+(?:article|story|page))?)\s*[:»›>.…]*\s*$",
            re.I,
        ),
        "widget label",
    ),
    (
        re.compile(r"^(?:a\s*/\s*a|a-\s*a\+|a\+\s*a-|aa\s*/\s*aa|a\s+a\s+a)$", re.I),
        "text-size buttons",
    ),
    (
        re.compile(
            r"^(?:do\s+you\s+(?:like|enjoy|value)\s+(?:this|our)\s+(?:content|work|journalism|article)"
            r"|consider\s+(?:helping|supporting|donating)|help\s+us\s+(?:keep|continue|to)"
            r"|(?:please\s+)?(?:support|donate\s+to)\s+(?:us|our\s+work)"
            r"|become\s+a\s+(?:patron|member|subscriber)"
            r"|interested\s+in\s+[A-Z]?[\w -]{2,30}\?)",
            re.I,
        ),
        "donation or interest prompt",
    ),
    (
        re.compile(
            r"^[-–—•·*]?\s*(?:subscribe\s+to\s+our|follow\s+us\s+on|find\s+us\s+on|like\s+us\s+on"
            r"|check\s+(?:out\s+)?our\s+(?:website|channel)|join\s+(?:us\s+on|our\s+(?:newsletter|channel"
            r"|mailing\s+list|telegram|community))"
            r"|(?:please\s+)?visit\s+(?:our|out)\s+(?:twitter|telegram|facebook|youtube|instagram"
            r"|website))\b.{0,80}$",
            re.I,
        ),
        "promo or social footer",
    ),
    (
        re.compile(
            r"^(?:sorry,?\s+)?(?:we\s+are|we['’]re)\s+not\s+(?:currently\s+)?accepting\s+comments\b.*$"
            r"|^your\s+email\s+address\s+will\s+not\s+be\s+published\b.*$"
            r"|^\(?visited\s+\d+\s+times?,?\s+\d+\s+visits?\s+today\)?$"
            r"|^required\s+fields\s+are\s+marked\b.*$"
            r"|^this\s+site\s+uses\s+akismet\b.*$"
            r"|^you\s+can\s+flag\s+a\s+comment\b.*$"
            r"|^vote\s+up\s*\d*\s*vote\s+down\s*\d*\s*(?:reply)?$",
            re.I,
        ),
        "comment form",
    ),
    (re.compile(r"^(?!(?:19|20)\d\d$)\d{1,6}(?:\s+\d{1,6}){0,3}$"), "share or view counter"),
    # "0 $", "$ 0.00", "0 €": a donation or cart widget's amount, alone on its line
    (
        re.compile(r"^[$€£¥₺]\s*\d{1,6}(?:[.,]\d\d)?$|^\d{1,6}(?:[.,]\d\d)?\s*[$€£¥₺]$"),
        "price widget",
    ),
    # "reader1399": a user handle (a poster's or commenter's name) on its own line
    (re.compile(r"^@?[a-z][a-z_]{2,19}\d{2,6}$"), "user name"),
    (
        re.compile(
            r"^\*.{0,200}\b(?:banned|outlawed|prohibited|extremist|terrorist)\b.{0,80}"
            r"\bin\s+(?:Russia|the\s+Russian\s+Federation)\b.{0,80}$",
            re.I,
        ),
        "legal disclaimer",
    ),
    (re.compile(r"^(?:see|read)\s+also\s*:?\s+\S.{0,300}$", re.I), "related link"),
    (
        # "(Ph. AFP)", "(Foto: AA)", "(Фото: ТАСС)": a bracketed photo credit on its own line
        re.compile(
            r"^\((?:ph|photo|photos|foto|fotoğraf|фото|صورة|crédit\s+photo)\.?\s*[:/.]?\s*"
            r"[^()]{1,40}\)$",
            re.I,
        ),
        "photo credit",
    ),
    (re.compile(r"^(?:also\s+)?reported\s+by\s*[:•·]\s*\S.{0,150}$", re.I), "aggregator line"),
    (
        re.compile(
            r"^(?:author|written\s+by|posted\s+by|editor|edited\s+by)\s*:\s*\S.{0,80}$", re.I
        ),
        "author line",
    ),
    (
        re.compile(
            r"^\(?(?:reporting|additional\s+reporting|writing|editing)\s+by\b.{0,200}\)?$", re.I
        ),
        "reporting credit",
    ),
    (
        re.compile(
            r"^[-–—•·*]\s*(?:share|save|print|email|e-mail|tweet|facebook|twitter|whatsapp|telegram"
            r"|linkedin|copy\s+link|download(?:\s+pdf)?(?:\s+\w+){0,3})\s*$",
            re.I,
        ),
        "share button",
    ),
]

# Rules whose pattern scans the whole line, tried only on a line holding one of their words
# (lower case): most lines hold none, and a substring test says so in a fraction of the time.
_GATED: list[tuple[tuple[str, ...], re.Pattern[str], str]] = [
    (
        # a paper's appeal to its readers: "Support our independent journalism: become a member
        # today", "If you value our reporting, please donate": it asks the reader for money
        ("journalism", "member", "donat", "support us", "reporting", "subscri", "contribut"),
        re.compile(
            r"^(?=.{0,300}$)(?!.*\b(?:said|says|told|added|according\s+to)\b)"
            r"(?=.*\b(?:support|fund|back|sustain|value|enjoy|rely\s+on)\s+(?:us\b|our\s+"
            r"(?:\w+\s+){0,2}(?:journalism|reporting|work|newsroom|paper|mission|coverage))"
            r"|.*\bbecome\s+an?\s+(?:\w+\s+)?(?:member|supporter|subscriber|patron)\b"
            r"|.*\b(?:please\s+)?(?:donate|make\s+a\s+(?:donation|contribution))\b.{0,60}"
            r"\b(?:today|now|us|our|you\s+can)\b)"
            r"(?=(?:become|support|donate|join|help)\b|.*\b(?:you|your|please|today|now|us|our)\b).*$",
            re.I,
        ),
        "reader appeal",
    ),
    (
        ("newsletter", "inbox", "mailing"),
        re.compile(
            r"^(?=.{0,300}$)(?=.*\b(?:newsletters?|inbox|mailing\s+list)\b)"
            r"(?=.*\b(?:sign\s+up|subscribe|delivered|send\s+you|get\s+the\s+best|straight\s+to"
            r"|directly\s+to|join)\b).*$",
            re.I,
        ),
        "newsletter promo",
    ),
    (
        ("cookie", "çerez", "куки"),
        re.compile(
            r"^(?=.{0,300}$)(?=.*\b(?:cookies?|çerez\w*|куки|файлы\s+cookie)\b)"
            r"(?=.*\b(?:utilis\w+|verwend\w+|utiliz\w+|usiamo|utilizziamo|kullan\w+|использ\w+"
            r"|gebruik\w*|menggunakan|używa\w*|akzeptier\w*|accept\w*|aceptar|accetta|use[sd]?|using"
            r"|agree\w*|consent\w*)).*$",
            re.I,
        ),
        "cookie notice",
    ),
    (
        ("newsletter",),
        re.compile(
            r"^(?=.{0,300}$)(?=.*\bnewsletter\w*\b)(?=.*\b(?:abonn\w+|inscri\w+|suscr\w+|iscriv\w+"
            r"|anmeld\w+|abone|подпиш\w+|подпис\w+|assine|inscreva|zapisz|berlangganan)).*$",
            re.I,
        ),
        "newsletter promo",
    ),
]

# Embedded tweets: the tweet's link and its signature line.
_TWEET_LINK = re.compile(r"\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+", re.I)
_TWEET_SIGNATURE = re.compile(
    r"(?:^|\s)[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+(?:19|20)\d\d\s*$"
)
_RELATIVE_TAIL = re.compile(r"\b(?:\d{1,3}|an?)\s+(?:minutes?|hours?|days?)\s+ago\s*$", re.I)


# "OBSERVATORY, ALEPPO, REBEL, KILL, Syria, United Kingdom": a page's keyword tags
_TAG_LIST = re.compile(
    r"^(?:[^\s,.!?]+(?:\s+[^\s,.!?]+){0,2},\s*){4,}[^\s,.!?]+(?:\s+[^\s,.!?]+){0,2}$"
)
# Widget labels that head a list of other stories' headlines.
INTRO_LABELS = re.compile(
    r"^(?:similar\s+news|check\s+also|you\s+(?:might|may)\s+also\s+like|other\s+news"
    r"|related\s+news|more\s+stories|read\s+next|top\s+stories|latest\s+news|don['’]t\s+miss"
    r"|editor['’]s\s+picks?|must\s+read|(?:recent|popular|latest|top|trending)\s+(?:posts|articles)"
    r"|further\s+reading|in\s+other\s+news|in\s+case\s+you\s+missed\s+it|more\s+in\s+\w+(?:\s+\w+)?|"
    + _READ_ALSO_WORDS
    + r")\s*[:»›>.…-]*\s*$",
    re.I,
)


_ANY_CHROME = any_of(_CHROME)
_FOOTER = "copyright footer"
# the other-language labels but the footer, which is tried only where ``FOOTER_NEEDS`` says
_ANY_OTHER_LANGUAGE = any_of([rule for rule in _OTHER_LANGUAGE if rule[1] != _FOOTER])


# The cleaner's passes look at an article's lines again after a repair (and the block rules once
# more): the notes of a line, a pure function of it, are kept for the lines seen last.
@functools.lru_cache(maxsize=4096)
def chrome_note(line: str) -> str | None:
    """Why ``line`` is page chrome, or None when it is not (or not surely)."""
    s = line.strip()
    if not s or len(s) > 400:
        return None
    if _ANY_CHROME.match(s):
        for pattern, note in _CHROME:
            if pattern.match(s):
                return note
    if len(s) <= _OTHER_LANGUAGE_MAX:
        low = re_case_lower(s)
        footer = any(n in low for n in FOOTER_NEEDS)
        if footer or _ANY_OTHER_LANGUAGE.match(s):
            for pattern, note in _OTHER_LANGUAGE:
                if (footer or note != _FOOTER) and pattern.match(s):
                    return note
    if len(s) <= 300:
        lowered = s.lower()
        for needles, pattern, note in _GATED:
            if any(n in lowered for n in needles) and pattern.match(s):
                return note
    return _shape_note(s)


def _shape_note(s: str) -> str | None:
    """``chrome_note``'s tests of a line's shape: keyword tags, tweets, aggregator teasers."""
    # (a keyword list holds four commas at least; a tweet's signature its "(@handle)")
    if (
        s.count(",") >= 4
        and _TAG_LIST.match(s)
        and not any(w in s.lower().split() for w in ("and", "the", "of"))
    ):
        return "keyword tags"
    low = re_case_lower(s)
    if ("(@" in s and _TWEET_SIGNATURE.search(s)) or (
        ("twitter" in low or "t.co/" in low) and _TWEET_LINK.search(s) and len(s) < 400
    ):
        return "embedded tweet"
    if ("http" in s or "…" in s) and _RELATIVE_TAIL.search(s):
        return "aggregator teaser"
    if len(s) < 120 and len(s.split()) <= 8 and s[-1:] not in ".!?" and _RELATIVE_AGE.search(s):
        return "relative time"  # "Conflict in Syria 1 week ago", "2 saat önce"
    m = _ALSO_REPORTED.search(s) if "eported by" in s else None
    if m and re.search(r"(?:\.\.\.|…)", s[: m.start()]):
        # "… the governor of the province of... Wire Also reported by •Outlet •Outlet": another
        # outlet's story cut short by an aggregator, with the list of who else carried it
        return "aggregator teaser"
    return widget_note(s)


# A page's age when it was saved, in the languages of the corpus ("N units ago" and kin).
_RELATIVE_AGE = re.compile(
    r"(?:^|\s)\d{1,3}\s+(?:"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*)\s+назад"
    r"|(?:saniye|dakika|saat|gün|hafta|ay)\s+önce"
    r"|(?:Sekunden|Minuten|Stunden?|Tagen?|Wochen?)\s*$"
    r"|(?:minutos?|horas?|d[ií]as?|semanas?)\s*$"
    r")\s*$"
    r"|(?:^|\s)(?:il\s+y\s+a|vor|hace|há)\s+\d{1,3}\s+"
    r"(?:secondes?|minutes?|heures?|jours?|semaines?|Sekunden|Minuten|Stunden?|Tagen?|Wochen?"
    r"|segundos?|minutos?|horas?|d[ií]as?|semanas?)\s*$",
    re.I,
)

# "… Also reported by •Outlet •Outlet" after an aggregator's teaser or at the end of a line
_ALSO_REPORTED = re.compile(r"(?:^|[ \t])Also\s+reported\s+by\s*[•·:]", re.I)


# --------------------------------------------------------------------------------------------
# Captions whose credit trails them
# --------------------------------------------------------------------------------------------

_PHOTO_AGENCY = (
    r"(?:Getty\s+Images|AFP|AP(?:\s+Photo)?|REUTERS|Reuters|EPA(?:-EFE)?|SANA|Sana|Anadolu(?:\s+Agency)?"
    r"|Handout|Xinhua|DPA|dpa|Shutterstock|Alamy|Sipa|Press\s+Office|TASS|IRNA|ANHA|NurPhoto"
    r"|White\s+Helmets|Syria\s+Civil\s+Defen[cs]e|Storyful|YouTube)"
)
# "… shows soldiers near Idlib. Sana": a sentence, then a credit (needs a caption's wording)
_SENTENCE_CREDIT = re.compile(
    r"[.!?]\s+(?:[A-Z][\w.'’&-]*\s+){0,4}?" + _PHOTO_AGENCY + r"(?:\s*/\s*[\w .'’-]{1,40})?\s*$"
)
# "… Press Office/Handout through REUTERS", "… Idlib / AFP", "… via Getty Images": a credit
_SLASHED_CREDIT = re.compile(
    r"(?:/\s*|\bvia\s+|\bthrough\s+|\bHandout\s+)(?:[\w.'’&-]+\s+){0,3}?"
    + _PHOTO_AGENCY
    + r"(?:\s+(?:via|through)\s+(?:Getty\s+Images|REUTERS|Reuters|AP|AFP))?\s*$"
)
_BRACKET_AGENCY = (
    r"(?:AP|AFP|Reuters|EPA(?:-EFE)?|Getty(?:\s+Images)?|Anadolu(?:\s+Agency)?|AA|Xinhua|SANA"
    r"|DPA|Sipa|TASS|Shutterstock|Alamy|NurPhoto|Handout|File|Archive|Supplied|Social\s+media"
    r"|Twitter|Facebook|YouTube|Telegram|Instagram)(?:[-\s]+(?:file|archive))?"
)
_BRACKET_CREDIT = (
    r"(?<=\S)\s*(?:\(" + _BRACKET_AGENCY + r"(?:\s+(?:Photo|Images?|Video|via\s+Getty\s+Images))?"
    r"(?:\s*/\s*[^()\n]{1,60})?\)|\[" + _BRACKET_AGENCY + r"(?:\s+(?:Photo|Images?))?"
    r"(?:\s*/\s*[^\[\]\n]{1,60})?\])"
)
# "… Credit: Reuters", "… (photo credit: NAME/REUTERS)" (the closing bracket sometimes lost)
_CREDIT_LABEL = re.compile(
    r"(?:\bCredit\s*:\s*[^.!?]{2,60}|\((?:photo|image|picture|video)\s+credit\s*:[^()]{2,80}\)?"
    # "… on Sept 4, 2017.PHOTO: AFP": a shouted label glued to the caption's last sentence
    r"|(?<=[.!?”\"])\s*(?-i:PHOTO(?:GRAPH)?S?|IMAGE|PICTURE|Photo(?:graph)?s?)\s*:\s*[^.!?:]{2,50}"
    # "… in the town centre (AP Photo/Jane Doe)", "… in Idlib province [Getty]": an agency's
    # bracketed credit ending the caption
    r"|" + _BRACKET_CREDIT + r")$",
    re.I,
)
# "… camp in northern Aleppo - October 8, 2017 (Outlet Name)": a dated, credited caption
# (also "… in Idlib - August 2019 (Outlet)", "… - 3 March 2020 (Outlet)")
_DATED_CREDIT = re.compile(
    r"\s[-–—]\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)(?:\s+\d{1,2},)?\s+(?:19|20)\d\d\s*\([^()]{2,40}\)$"
)
# Captions describe a picture in the present tense; reports say what someone said.
_CAPTION_CUE = re.compile(
    r"\b(?:shows?|showing|is\s+seen|are\s+seen|seen|stands?|walks?|rides?|gathers?|looks?|"
    r"carr(?:y|ies)|holds?|sits?|inspects?|attends?|speaks?|addresses|waves?|flees?|rises?|"
    r"burns?|pictured|during|following|arrives?|prays?|mourns?)\b",
    re.I,
)


def scene_words(s: str) -> bool:
    """A picture's verb ("shows", "is seen", "walks", "flees"): how a caption describes."""
    return _CAPTION_CUE.search(s) is not None


_SAID = re.compile(r"\b(?:said|says|told|added|according)\b", re.I)
# a report's own verbs: a caption shows, a report says who said, confirmed or could not verify
_REPORTING = re.compile(
    r"\b(?:said|says|told|added|according|reported|reports|confirmed|verify|verified|announced"
    r"|claimed|stated|denied)\b",
    re.I,
)
# "… in February 2022. CRISIS GROUP / Jane Doe"
_ORG_SLASH_NAME = re.compile(r"[.!?]\s+[A-Z][A-Za-z .'’&-]{1,40}\s*/\s*[A-Z][A-Za-z .'’-]{1,40}$")
_CAPTION_OPENING = re.compile(
    r"^(?:an?\s+|this\s+|the\s+)?(?:handout\s+|file\s+)*(?:photo(?:graph)?|picture|image|frame\s+grab"
    r"|video\s+grab|still|screenshot|screen\s+grab)\b,?(?:\s+\w+){0,4}?\s+"
    r"(?:released|taken|made\s+available|provided|distributed|obtained|shows|showing|posted"
    r"|published|dated)\b",
    re.I,
)


@functools.lru_cache(maxsize=4096)
def caption_note(line: str) -> str | None:
    """A caption told by its trailing credit or its "A handout picture released by…" opening."""
    s = strip_picture_number(line.strip())
    # (the words counted up to 82: past 80 the count does not matter, and a paragraph's
    # words need not all be cut out)
    words = len(s.split(None, 81))
    if words < 4 or words > 80:
        return None
    m = _SENTENCE_END.search(s)
    first = s[: m.end()] if m else s
    wire = place_day_end(first)  # "… in Manbij, Syria, August 12, 2016.": a wire caption
    sentences = _sentences(s)
    if sentences > 2 or (words > 45 and sentences > 1 and not wire):
        return None  # a paragraph of report that ends with a credit: see credit_tail
    if s[-1:] in '.!?"”’:;' and not _CAPTION_OPENING.match(s):
        return None  # a finished sentence: body text unless it opens like a caption
    if reported_then_agency(s, words):
        return None  # a sentence of report signed by its agency: see credit_tail
    if sentences >= 2 and _REPORTING.search(s) and not (wire or _CAPTION_CUE.search(first)):
        return None  # two sentences of report ("… could not verify …") and then a credit
    if (
        _SLASHED_CREDIT.search(s)
        or _ORG_SLASH_NAME.search(s)
        or _CREDIT_LABEL.search(s)
        or _DATED_CREDIT.search(s)
    ):
        return "photo caption (trailing credit)"
    if _SENTENCE_CREDIT.search(s) and _CAPTION_CUE.search(s) and not _SAID.search(s):
        return "photo caption (trailing credit)"
    if _CAPTION_OPENING.match(s) and (s[-1:] not in ".!?" or words <= 60):
        return "photo caption"
    return None


_SENTENCE_END = re.compile(r"[a-z0-9)”\"'’][.!?](?=\s*[A-Z“\"]|$)")


def _sentences(s: str) -> int:
    return max(1, len(_SENTENCE_END.findall(s)))


_CREDIT_TAIL_CHARS = 240


def credit_tail(line: str) -> int | None:
    """Where a credit starts at the end of a paragraph of report ("… captured Raqqa in 2014.
    Credit: YPG via Storyful"): only the credit goes, the report stays. None when there is none."""
    s = strip_picture_number(line.rstrip())
    # both patterns end the line and are short: search its tail only (a paragraph is long)
    tail = max(0, len(s) - _CREDIT_TAIL_CHARS)
    m = _CREDIT_LABEL.search(s, tail) if may_end_in_label(s, tail) else None
    if m is None:
        m = _SLASHED_CREDIT.search(s, tail) if s.endswith(SLASHED_CREDIT_ENDS) else None
        if m is None or not re.search(r"[.!?]\s+\S[^.!?]{0,60}$", s[: m.end()]):
            return None
        # back to the end of the last sentence: "… in 2014. YPG via Storyful"
        k = max(s.rfind(". ", 0, m.end()), s.rfind("! ", 0, m.end()), s.rfind("? ", 0, m.end()))
        return k + 1 if k >= 0 else None
    k = m.start()
    if k > 0 and s[k:].lstrip()[:1] in "([" and _sentences(s[:k]) > 1:
        return k  # "… fled the town. Rescuers search the rubble (AP Photo/Jane Doe)"
    return k if k > 0 and s[:k].rstrip()[-1:] in '.!?"”’)' else None


# --------------------------------------------------------------------------------------------
# Chrome glued into a line of text
# --------------------------------------------------------------------------------------------

# (pattern, note): widget text that lost its line break and sits at the edge of real text
# ("list of 4 itemsMiddle East…", "…August 2018.Hide Footnote Instead…", "…province oShow
# more"), and the empty quote pairs ("''") that removed tags leave between sentences.
_NAMES = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|in|and|de|al|bin|van|von))*"
_STAFF_CREDIT = (
    r"(?i:additional[ \t]+reporting|reporting|writing|editing|compiled)[ \t]+(?i:by)[ \t]+" + _NAMES
)
_INLINE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"^[ \t]*(?:keep\s+reading[ \t]*)?list\s+of\s+\d{1,2}\s+items?"
            r"(?:[ \t]*list\s+\d{1,2}\s+of\s+\d{1,2})?(?:[ \t]*end\s+of\s+list)?(?=[A-Z]|[ \t]*$)",
            re.I | re.M,
        ),
        "list widget",
    ),
    (re.compile(r"(?<=[a-z.!?”\"’])end\s+of\s+list(?=[A-Z]|[ \t]*$)", re.M), "list widget"),
    (re.compile(r"^[ \t]*keep\s+reading(?=[A-Z])", re.I | re.M), "widget label"),
    (
        re.compile(r"(?:(?<=[.!?\"”’)\d])|[ \t]+)(?:Hide|Show)\s+Footnote\b", re.M),
        "footnote widget",
    ),
    (re.compile(r"^[ \t]*(?:Hide|Show)\s+Footnote\b[ \t]*", re.M), "footnote widget"),
    (re.compile(r"(?<=[a-z.])Show\s+more[ \t]*$", re.M), "widget label"),
    (re.compile(r"[ \t]+(?:Read|See)\s+more\s*[»›]+[ \t]*$", re.M), "widget label"),
    (
        re.compile(r"(?:(?<=[ \t])|^)(?:''|‘’|“”)(?=[ \t]|$)[ \t]?", re.M),
        "empty quotes left by tags",
    ),
    # "… 70 armored vehicles … Continue reading <the headline>": an excerpt's link to the page
    (
        re.compile(r"(?:(?<=…)|(?<=\.\.\.))[ \t]*Continue\s+reading\b[^\n]{0,200}$", re.M),
        "widget label",
    ),
    # "… went home. Operation Peace Spring 🇹🇷 👉 http://short.link/x": a social post's tag line
    # and link after the last sentence (an emoji marks it as a post, not a reference)
    (
        re.compile(
            r"(?<=[.!?”\"’])[ \t]+[^\n.!?]{0,80}?[\U0001F000-\U0001FAFF\u2600-\u27BF]"
            r"[^\n.!?]{0,40}?https?://\S+[ \t]*$",
            re.M,
        ),
        "social post link",
    ),
]
_INLINE += [
    # "Breaking | Headline", "Syrian Army News | Headline": a section label and a bar before a
    # headline (the rest of the line holds no other bar: "Headline | Section | Site" is a trailer)
    (
        re.compile(
            r"^[ \t]*(?:(?i:breaking(?:\s+news)?|exclusive|urgent|just\s+in|developing|live"
            r"|update[ds]?|watch|video|opinion|analysis|explainer|news)"
            r"|(?:[A-Z][\w'’-]*[ \t]+){1,3}(?i:news))"
            r"[ \t]*[|｜][ \t]*(?=[^\n|｜]{20,}$)",
            re.M,
        ),
        "section label before the headline",
    ),
    # "… said on Monday. Additional reporting by Jane Roe; Editing by John Poe": the wire's
    # credits glued to the last paragraph (names only: "Reporting by state media …" is prose)
    (
        re.compile(
            r"(?<=[.!?”\"’])[ \t]+\(?"
            + _STAFF_CREDIT
            + r"(?:[ \t]*[;,]?[ \t]*"
            + _STAFF_CREDIT
            + r")*\)?\.?[ \t]*$",
            re.M,
        ),
        "reporting credit",
    ),
    # "Xinhua, December 13, 2015 Adjust font size:": a text-size widget after the date line
    (
        re.compile(
            r"[ \t]+(?:adjust|change|increase|decrease)[ \t]+(?:the[ \t]+)?(?:font|text)[ \t]+size"
            r"[ \t]*:?[ \t]*$",
            re.I | re.M,
        ),
        "widget label",
    ),
]


_ALSO_REPORTED_TAIL = re.compile(r"[ \t]+Also\s+reported\s+by\s*[•·:][^\n]{0,200}$", re.I | re.M)


def _also_reported_tail(m: re.Match[str]) -> str | None:
    """Cut "Also reported by •…" off a line of text, unless the line is an aggregator's teaser
    (cut short with "..." before it), which goes whole (``chrome_note``)."""
    head = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    return None if ("..." in head or "…" in head) else ""


def inline_chrome(doc) -> None:  # doc: EditText (not imported: structure imports this module)
    """Remove widget text glued into a line of real text, each with its note."""
    text = doc.text
    # lower-cased so that a substring test agrees with a case-insensitive pattern
    lowered = text.lower() if text.isascii() else re_case_lower(text)
    for (pattern, note), needs in zip(_INLINE, _INLINE_NEEDS, strict=True):
        if all(any(need in lowered for need in group) for group in needs):
            doc.sub(pattern, "", "boilerplate", note)
    if "reported by" in lowered:
        doc.sub(_ALSO_REPORTED_TAIL, _also_reported_tail, "boilerplate", "aggregator line")
