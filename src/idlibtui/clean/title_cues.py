"""Lines that look like a headline but are not the article's: a site's slogan, a photo's caption
without its credit, a ticker headline about another story; and the debris a title derived from the
first sentence must not start with (a dateline with its date lost, a site name before a slash or
dash), or run into (a headline glued to its first sentence). Read by title selection only: these
lines stay in the text (at most marked), since a wrong call here must never lose prose."""

from __future__ import annotations

import re

# "Giving hope to … since 1995", "Serving the community since 1887", "Your trusted source for …",
# "The voice of …": what a site says about itself, at the head of every page
_SLOGAN = re.compile(
    r"^(?:(?:Giving|Bringing|Serving|Empowering|Connecting|Informing|Delivering|Telling|"
    r"Covering|Reporting|Defending|Supporting|Amplifying|Championing|Inspiring)\s+\w+"
    r"|Your\s+(?:trusted|daily|independent|source|window|voice|guide|gateway)\b"
    r"|The\s+voice\s+of\b|News\s+(?:you\s+can\s+trust|with\s+a\s+difference)\b)",
)
_SINCE_YEAR = re.compile(r"\b(?:since|est\.?|established(?:\s+in)?)\s+(?:1[89]|20)\d\d\s*$", re.I)


def slogan_line(line: str) -> bool:
    """A site's motto: a short line that opens with a subjectless gerund or speaks to the reader,
    or tells the year the site began ("… since 1995")."""
    s = line.strip()
    words = s.split()
    if not 2 <= len(words) <= 12 or s[-1:] in ".?!":
        return False
    if _SINCE_YEAR.search(s):
        return True
    return _SLOGAN.match(s) is not None and not re.search(r"\d", s)


# ", northwest Syria", ", Idlib Province", ", Syria": a caption places its photo with an appositive
_PLACE_TAIL = re.compile(
    r",\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?(?:west|east)(?:ern)?|south-?(?:west|east)(?:ern)?)\s+)?"
    r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|province|governorate|countryside))?\s*$"
)
# the subject a news photo shows, as captions open
_CAPTION_SUBJECT = re.compile(
    r"^(?:(?:A|An|The)\s+(?:general\s+|aerial\s+)?(?:view|man|woman|boy|girl|child|family|"
    r"member|fighter|soldier|rescuer|vehicle|convoy|picture|photo|tent)\b"
    r"|(?:Children|Kids|Women|Men|People|Residents|Civilians|Families|Members|Fighters|"
    r"Soldiers|Rescuers|Volunteers|Smoke|Displaced|Syrians|Refugees|Boys|Girls|Tents|"
    r"Vehicles|Mourners|Protesters|Demonstrators)\b)"
)
# a headline tells: a verb (killed in, hits, say, to …), a colon or a quote (a plural noun
# such as "persons in" is no verb)
_HEADLINE_VERB = re.compile(
    r"\b(?:\w+ed\s+(?:\d|a|an|the|to|in|on|at|over|as|after)\b|to\s+\w+|is|are|was|were|"
    r"has|have|will|can|kills?|hits?|flees?|faces?|seeks?|dies?|say|says|said)\b|[:“”\"‘]",
    re.I,
)


def uncredited_caption(line: str) -> bool:
    """A photo's caption that lost its credit ("Children in a camp for displaced persons in
    Idlib Province, northwest Syria"): it opens with the subject a photo shows, places the photo
    with a trailing ", <place>" appositive, and has no verb a headline would carry."""
    s = line.strip()
    words = s.split()
    if not 5 <= len(words) <= 25 or s[-1:] in ".?!":
        return False
    return (
        _CAPTION_SUBJECT.match(s) is not None
        and _PLACE_TAIL.search(s) is not None
        and _HEADLINE_VERB.search(s) is None
    )


# "… near the stadium as they clear the last positions on Oct. 16, 2017.": a news photo's caption
# dates its picture to the day, with the year
_FULL_DATE = re.compile(
    r"\b(?:on|in)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},"
    r"\s+(?:19|20)\d\d\b"
)


def dated_caption(line: str) -> bool:
    """A caption with no credit but the photo's full date: it opens with the subject a photo
    shows and dates the picture ("A fighter walks … on Oct. 16, 2017.")."""
    s = line.strip()
    return (
        len(s.split()) <= 70
        and _CAPTION_SUBJECT.match(s) is not None
        and _FULL_DATE.search(s) is not None
    )


_CONTENT = re.compile(r"[^\W\d_][\w'’-]{3,}")
_STOP = frozenset(
    [
        "with",
        "from",
        "that",
        "this",
        "have",
        "been",
        "were",
        "will",
        "their",
        "they",
        "after",
        "over",
        "into",
        "more",
        "than",
        "about",
        "what",
        "when",
        "where",
        "which",
        "while",
        "says",
        "said",
        "amid",
        "near",
        "also",
        "only",
        "some",
        "most",
        "just",
        "like",
        "news",
    ]
)


def content_words(text: str) -> set[str]:
    """The text's content words, cut to six letters ("Armenians" and "Armenian" meet)."""
    words = {w.lower().strip("'’") for w in _CONTENT.findall(text)}
    return {w[:6] for w in words if w not in _STOP}


def off_topic_headline(line: str, next_headline: str, body: str) -> bool:
    """A ticker or trending headline above the article's own (a film award over a report on an
    air strike): it shares no content word with the body, while the headline under it shares
    at least two."""
    body_words = content_words(body)
    if len(body_words) < 15:
        return False
    return not (content_words(line) & body_words) and (
        len(content_words(next_headline) & body_words) >= 2
    )


# "CAIRO, - The army …" (a dateline whose date was cut), "The Moscow Times / A Russian jet …",
# "PanARMENIAN.Net - The head of …": a name before a dash or slash opening the first sentence
_LEAD_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z .'’-]{1,30},\s*[-–—]\s+"
    r"|(?:The\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s+(?:/|[-–—])\s+)"
    r"(?=[A-Z])"
)
# "… shoot down planeIn Syria, a Russian pilot …": a headline glued to its first sentence
_GLUED_START = re.compile(
    r"(?<=[a-z]{3})(?=(?:In|The|A|An|On|At|According|After|Syrian|Turkish|Russian)\s)"
)


def strip_lead_prefix(sentence: str) -> str:
    """The first sentence without a dateline or site name before a dash or slash."""
    m = _LEAD_PREFIX.match(sentence)
    return sentence[m.end() :] if m else sentence


def cut_glued_headline(sentence: str) -> str:
    """The headline part of a headline glued to the sentence after it (or the sentence)."""
    m = _GLUED_START.search(sentence)
    if m and 4 <= len(sentence[: m.start()].split()) <= 16:
        return sentence[: m.start()]
    return sentence


def cut_repeated_headline(sentence: str) -> str:
    """A headline printed twice in a row ("Army takes town Army takes town …"): once."""
    words = sentence.split()
    for k in range(4, min(len(words) // 2, 24) + 1):
        if words[k : k + 4] == words[:4] and words[k : 2 * k] == words[:k]:
            return " ".join(words[:k])
    return sentence
