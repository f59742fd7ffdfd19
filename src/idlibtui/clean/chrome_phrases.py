"""Page chrome learnt from many pages: the interface lines that recur across unrelated stories.

Mining a harvest of several hundred public pages on the war (per site and across sites) for the
lines that come back on pages of different stories gave two kinds of template text the line
rules elsewhere did not know:

* fixed phrases, kept as data in ``chrome_phrases.toml`` in normalised form (:func:`normalise`):
  comment boxes, related/section labels, share and follow lines, text-size buttons, player and
  browser notices, encyclopedia chrome, paywall notices and newsroom bylines, in the languages
  the corpus holds;
* shapes with a variable part (:data:`_SHAPES` on the normalised line, :data:`_RAW_SHAPES` on the
  line as printed): a relative age in another language ("vor 6 Jahren", "il y a 3 ans"), a feed
  reader's furniture ("Viewing all articles", "View original post 673 more words", "Showing
  posts from …"), a counter ("Read: 801", "1,204 views"), a "(Redirected from …)" or map note,
  the day the page was saved ("Today: Wednesday, 17 April 2024"), and file or link debris (an
  image's file name or hash, a bare link, a site's bare domain).

Precision first: a phrase or shape must cover the WHOLE line, a line of more than
:data:`_MAX_WORDS` words is never chrome here, and nothing in the data is a clause a report
would write. :func:`chrome_phrase_note` returns the reason the removal carries, or None.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from idlibtui.model import BlockKind

if TYPE_CHECKING:
    from idlibtui.clean.lines import _Line

_MAX_WORDS = 16  # a longer line is a sentence or a headline, never one interface label
_MAX_CHARS = 220

_DIGIT = re.compile(r"\d")
_NOT_WORD = re.compile(r"[^\w#]+|_")


def _unmarked(s: str) -> str:
    """``s`` without combining marks (accents, hamza, harakat), composed again."""
    return unicodedata.normalize(
        "NFC",
        "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn"),
    )


def _c(pattern: str) -> re.Pattern[str]:
    """A pattern on the normalised line, written with or without accents."""
    return re.compile(_unmarked(pattern))


_URL = re.compile(r"https?://\S+|www\.\S+\.\S+")


def normalise(line: str) -> str:
    """The line as the phrase data is written: NFKC, case folded, combining marks dropped,
    every digit ``#``, punctuation and symbols a space, spaces collapsed."""
    s = _unmarked(unicodedata.normalize("NFKC", line).casefold())
    s = _DIGIT.sub("#", s)
    return " ".join(_NOT_WORD.sub(" ", s).split())


@functools.cache
def _phrases() -> dict[str, str]:
    """Normalised phrase -> note, from the package data (normalised again, so that a phrase
    written with an accent or a capital still matches)."""
    text = resources.files("idlibtui.clean").joinpath("chrome_phrases.toml").read_text("utf-8")
    table: dict[str, str] = {}
    for family in tomllib.loads(text).values():
        for phrase in family["phrases"]:
            table.setdefault(normalise(phrase), family["note"])
    return table


_N = r"(?:#+|an?|one|ein(?:e[mnr]?)?|une?|una?|uno|um|uma|bir|een|en|ett)"
# "vor 6 Jahren", "il y a 3 ans", "hace 2 años", "3 anni fa", "6 yıl önce", "5 лет назад",
# "منذ 3 سنوات": the age of a page or a video, which the English rule in chrome.py does not read
_AGE = (
    r"(?:(?:aktualisiert|mis a jour|actualizado|aggiornato|güncellenme|обновлено)\s+)?(?:"
    r"vor\s+"
    + _N
    + r"\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|il\s+y\s+a\s+" + _N + r"\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|annees?)"
    r"|hace\s+" + _N + r"\s+(?:segundos?|minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)"
    r"|ha\s+" + _N + r"\s+(?:segundos?|minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)"
    r"|" + _N + r"\s+(?:secondi|minuti|or[ae]|giorn[io]|settimane?|mes[ei]|ann[io])\s+fa"
    r"|" + _N + r"\s+(?:saniye|dakika|saat|gun|hafta|ay|y[ıi]l)\s+once"
    r"|" + _N + r"\s+(?:seconden?|minuten?|uur|dagen?|weken?|maanden?|jaar|jaren)\s+geleden"
    r"|for\s+" + _N + r"\s+(?:sekunder|minuter|timmar|dagar|veckor|manader|ar)\s+sedan"
    r"|" + _N + r"\s+(?:sekund|minut|godzin[ay]?|dni|tygodni|miesiecy|lat)\s+temu"
    r"|#+\s+(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет)\s+назад"
    r"|منذ\s+(?:#+\s+)?(?:ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|ايام|أسبوع|أسابيع|شهر|أشهر"
    r"|اشهر|سنة|سنوات|عام|أعوام|اعوام)"
    r")"
)

# (pattern on the normalised line, note); fullmatch
_SHAPES: list[tuple[re.Pattern[str], str]] = [
    (_c(_AGE), "relative time"),
    # a feed reader's or blog platform's furniture around a copied post
    (_c(r"viewing all articles|browse latest browse all #+|channel \w+"), "feed furniture"),
    (_c(r"view original post #+ more words?"), "feed furniture"),
    (
        _c(r"showing posts (?:from|with label|sorted by|for query) .{1,60}"),
        "feed furniture",
    ),
    (
        _c(
            r"#+ (?:comments?|kommentare?|commentaires?|commenti|comentarios?|comentários?"
            r"|yorum(?:lar)?|комментари\w*|تعليقا?ت?)"
        ),
        "comment box",
    ),
    # counters: "Read: 801", "1,204 views", "Views 77", "Okunma: 120"
    (
        _c(
            r"(?:read|reads|views?|hits|okunma|görüntülenme|aufrufe|vues|visite|visualizzazioni"
            r"|visualizaciones|lecturas|просмотр\w*|المشاهدات|مشاهدات|قراءات) #+(?: #+)*"
            r"|#+(?: #+)* (?:reads|views|hits|okunma|görüntülenme|aufrufe|vues|visite"
            r"|visualizzazioni|visualizaciones|lecturas|просмотр\w*|مشاهدة|مشاهدات|قراءة)"
        ),
        "share or view counter",
    ),
    (_c(r"media id #+"), "media id"),
    # the first step of a numbered breadcrumb trail: "1. Home"
    (
        _c(
            r"# (?:home|homepage|start|startseite|accueil|inicio|anasayfa|ana sayfa"
            r"|главная|الرئيسية)"
        ),
        "breadcrumb",
    ),
    # a blog's archive page title: "Author Archives: …", "Category Archives: …", "Archive for …"
    (
        _c(
            r"(?:author|category|tag|monthly|daily|yearly) archives? .{1,60}"
            r"|archive for (?:the )?(?:category |tag |month |year )?.{1,40}"
        ),
        "archive label",
    ),
    # a playlist's items: "- Play The battle for Aleppo", "• Watch: Rescuers dig …"
    (_c(r"(?:play|watch) .{3,100}"), "playlist item"),
    # a link to the same report in another language
    (
        _c(
            r"(?:click to )?(?:read )?(?:this |the )?(?:article |story |text )?(?:also )?"
            r"(?:available )?in (?:arabic|english|turkish|kurdish|french|german|russian|persian"
            r"|farsi|spanish|italian|hebrew)(?: (?:and|or) (?:arabic|english|turkish|kurdish"
            r"|french|german|russian|persian|farsi|spanish|italian|hebrew))?"
        ),
        "language link",
    ),
    (_c(r"this (?:text|article|page) (?:is )?available in .{1,60}"), "language link"),
    # "This story is over 5 years old", "This article is more than 3 years old"
    (
        _c(r"this (?:story|article|video|page|content) is (?:over|more than) .{1,12} old"),
        "archive notice",
    ),
    # a copied post's pointer to where it was read: "Continua a leggere su Agi.it"
    (
        _c(
            r"(?:to )?(?:continue reading|read (?:the )?full (?:story|article)|read more|continua a"
            r" leggere|weiterlesen|lire la suite|seguir leyendo|continue lendo)"
            r"(?: (?:on|at|in|su|auf|sur|en|em|click to read|here))? .{1,60}"
        ),
        "read-more link",
    ),
    (
        _c(
            r"view (?:it |this )?on (?:youtube|twitter|instagram|facebook|tiktok|telegram|vimeo"
            r"|dailymotion|euronews|x)"
        ),
        "read-more link",
    ),
    # how an encyclopedia copy points elsewhere: "(Redirected from …)", map notes
    (_c(r"redirected from .{1,80}"), "encyclopedia page chrome"),
    (
        _c(r"(?:géolocalisation sur la carte|voir situation sur carte) .{1,40}"),
        "encyclopedia page chrome",
    ),
    # a copyright line with the Italian rights formula: "© Copyright X - Riproduzione Riservata"
    (_c(r"(?:copyright )?.{0,40}riproduzione riservata"), "copyright footer"),
    # "download the X app", "… habertürk uygulamasını indirin"
    (
        _c(
            r"download (?:the|our) .{1,30} app(?: now| for free)?"
            r"|.{0,80}\buygulamas[ıi]n[ıi] indir(?:in)?"
        ),
        "app promo",
    ),
]

# a line whose every part (between bars or bullets) is a button: "Email This Article |",
# "| Print This Article | Single Page", "Share • Tweet • Email"
_BAR = re.compile(r"\s*[|•·]\s*|\s+/\s+")

# a comment section's rules, in the languages seen ("comments are moderated", "… yorumlar
# onaylanmamaktadır"): a substring no report writes, on a line of a comment box's length
_MODERATION = re.compile(
    r"comments?\s+(?:are|will\s+be)\s+(?:moderated|reviewed)|yorumlar\s+onaylanma(?:maktad[ıi]r"
    r"|yacakt[ıi]r)|(?:küfür|hakaret)[^.]{0,40}yorum|küfür,\s*hakaret|kommentare\s+werden\s+(?:[^.]{0,30}\s)?(?:moderiert|geprüft)"
    r"|commentaires\s+(?:sont|seront)\s+mod[ée]r[ée]s|i\s+commenti\s+sono\s+moderati",
    re.I,
)

# debris of an inlined image, whatever its length: "<image>data:image/…</image>"
_IMAGE_CODE = re.compile(r".*<image>.*|.*\bdata:image/\w+[;,].*")
_CODE_MARKS = re.compile(r"[{};]")
_CSS_RULE = re.compile(r"[\w-]+\s*:\s*[^\s;{}]+\s*[;}]")


def _code(s: str) -> bool:
    """A line of a page's style sheet or script left in the text: braces and semicolons as
    many as half its words, and property rules ("margin-bottom:16px;")."""
    marks = len(_CODE_MARKS.findall(s))
    return marks >= 6 and marks >= len(s.split()) / 2 and len(_CSS_RULE.findall(s)) >= 2


_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)"
)

# (pattern on the stripped line as printed, note); fullmatch, case-insensitive
_RAW_SHAPES: list[tuple[re.Pattern[str], str]] = [
    # the day the page was saved: "Today: Wednesday, 17 April 2024 year", "Heute: 3. März 2020"
    (
        re.compile(
            r"(?:today|heute|aujourd['’]hui|bugün|hoy|oggi|сегодня|اليوم)\s*(?:is\s+)?[:,-]?\s*"
            r"(?:" + _WEEKDAY + r"\.?,?\s+)?"
            r"(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d"
            r"|(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+)?[^\W\d_]{3,12}\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
            r"(?:19|20)\d\d)\s*(?:year|г\.?)?",
            re.I,
        ),
        "page clock",
    ),
    # a label with its short list: "Topic | Syrian conflict", "Filed under: Syria, Turkey"
    (
        re.compile(
            r"(?:topics?|tags?|categor(?:y|ies)|section|filed\s+under|keywords?|etiketler|konular"
            r"|schlagw[öo]rter|th[èe]mes?|argomenti|temas?|теги|темы|الوسوم|وسوم)\s*[:|]\s*"
            r"[^.!?]{1,80}",
            re.I,
        ),
        "topic label",
    ),
    # "More: Turkey surpasses … - Daily Sabah": a related story's link after a label
    (
        re.compile(r"(?:more|related|more\s+on\s+this|more\s+news)\s*:\s*\S[^.!?]{0,150}", re.I),
        "related link",
    ),
    # a blog's comment header: "One thought on “…”", "3 responses to "…""
    (
        re.compile(
            r"(?:one|no|two|three|four|five|\d{1,4})\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)"
            "\\s*[“\"«‘'„].{1,160}",
            re.I,
        ),
        "comment box",
    ),
    # an image left as markup or as its file: "![](…)", "![]() |", "d4b5…_18.jpg 0",
    # "16536106777c64e3ebe18c115354beac - Turkey closes border", "syrian_refugee"
    (re.compile(r"!\[[^\]]{0,200}\]\([^)]{0,300}\)\s*\|?"), "image debris"),
    (
        re.compile(
            r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,}(?:[_.-]\w+)*(?:\.(?:jpe?g|png|gif|webp))?(?:\s+\d{1,3})?"
            r"(?:\s+[-–]\s+[^.!?]{1,120})?",
            re.I,
        ),
        "image debris",
    ),
    (
        re.compile(r"[^.!?\n]{1,80}\.(?:jpe?g|png|gif|webp|svg)(?:\s+\d{1,3})?", re.I),
        "image debris",
    ),
    (re.compile(r"[a-z]{2,20}(?:_[a-z0-9]{2,20}){1,4}"), "image debris"),
    # a bare link or a path alone on its line, or a site's bare domain ("www.example.com")
    (
        re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,6}(?:/[\w.%~+&=?#-]*){1,12}/?", re.I),
        "bare link",
    ),
    (re.compile(r"(?=.{15})(?=.*[a-z])[\w-]+(?:/[\w.%~+-]+){2,12}/?"), "bare link"),
    (
        re.compile(
            r"(?:www\.)?[a-z0-9][a-z0-9-]{1,40}\.(?:com|net|org|info|news|tv|co|ru|tr|de|fr|it|es"
            r"|sy|lb|az|am|me|io|uk)(?:\.[a-z]{2})?",
            re.I,
        ),
        "bare link",
    ),
    (re.compile(r"UA-\d{4,10}-\d{1,3}"), "analytics id"),
    # a breadcrumb trail: "Home > World > Middle East", "Current: Home » Syria", "Anasayfa / Dünya /
    # Ortadoğu" (with slashes or bars, two steps at least)
    (
        re.compile(
            r"(?:(?:current|you\s+are\s+here)\s*:\s*)?(?:home|homepage|startseite|accueil|inicio"
            r"|ana\s*sayfa|главная|الرئيسية)\s*(?:(?:[>»›]\s*[^>»›/|:.!?]{1,40}){1,5}"
            r"|(?:[/|]\s*[^>»›/|:.!?]{1,40}){2,5})",
            re.I,
        ),
        "breadcrumb",
    ),
    # a comment form's sum to prove a human: "− 1 = 3", "4 + 5 = ?"
    (
        re.compile(r"(?:\d{1,2}\s*)?[+−×x*-]\s*(?:\d{1,2}\s*)?=\s*(?:\d{1,2}|\?)?"),
        "comment form sum",
    ),
    # a bulleted bare number: a share or comment counter ("• 20"), never a year
    (re.compile(r"[•·*]\s*(?!(?:19|20)\d\d\b)\d{1,6}"), "share or view counter"),
]


def chrome_phrase_note(line: str) -> str | None:
    """Why ``line`` is page chrome by the learnt phrases and shapes, or None."""
    s = line.strip()
    if not s:
        return None
    if ("image" in s and _IMAGE_CODE.fullmatch(s)) or ("{" in s and _code(s)):
        return "code or image debris"
    if len(s) > _MAX_CHARS:
        return None
    n = normalise(_URL.sub(" url ", s))
    words = n.split()
    if len(words) > _MAX_WORDS:
        return None
    if words:
        note = _phrases().get(n)
        # a one- or two-letter phrase ("x", a close button) only as the whole printed line,
        # never what is left of a line of symbols ("[x] ©")
        if note is not None and (len(n) > 2 or s.casefold().strip(" .:!|•·-") == n):
            return note
        for pattern, why in _SHAPES:
            if pattern.fullmatch(n):
                # "Read more about …" that ends as a sentence is read as one, unless it links
                sentence = _sentence_end(s) and len(words) > 4 and "url" not in words
                if why in ("read-more link", "playlist item") and sentence:
                    return None
                return why
        if _buttons(s):
            return "share or print buttons"
    if len(s) <= 200 and _MODERATION.search(s):
        return "comment policy"
    for pattern, why in _RAW_SHAPES:
        if pattern.fullmatch(s):
            return why
    return None


def _buttons(s: str) -> bool:
    """Every part of a barred line is a known interface phrase (two parts at least, or one
    part with a bar at an end: a row of buttons cut from the page)."""
    parts = [normalise(p) for p in _BAR.split(s)]
    named = [p for p in parts if p]
    if not named or (len(named) < 2 and len(parts) < 2):
        return False
    table = _phrases()
    return all(p in table for p in named)


def _sentence_end(s: str) -> bool:
    return s.rstrip("\"'”’»)")[-1:] in ".!?"


# notes of shapes that hold free text after a label ("Watch: …", "More: …", "Topic | …"): on
# the line read as the headline, that text may be the report's own title, so it stays there
_TAILED = frozenset(
    {"playlist item", "read-more link", "related link", "topic label", "archive label", "app promo"}
)


def drop_learnt_chrome(
    lines: list[_Line], flags: dict[int, str], raw_pos: Callable[[int], int]
) -> None:
    """Last of the line rules: a line every other rule kept goes when it is learnt chrome.
    Run after the structure is read, so a removal here never changes another rule's context
    (which lines sit next to which); it only takes what would have been left. A line it takes
    loses the "possible boilerplate" flag another rule gave it (``flags``, by raw offset)."""
    for ln in lines:
        if ln.drop is None:
            note = chrome_phrase_note(ln.text)
            if note is not None and not (ln.kind is BlockKind.TITLE and note in _TAILED):
                ln.drop = ("boilerplate", note)
                flags.pop(raw_pos(ln.start), None)
