# ruff: noqa: E501  (the phrase patterns read best one alternative per line)
"""The words around a figure: what it counts, its qualifier, whether it is a projection and
who says so.

Each look-up reads a small window of the figure's sentence: ``what_counted`` the noun phrase
after the number with the event verb that makes figures groupable ("Turkish soldiers killed"),
``qualifier`` the words before it ("more than", "at least"), ``projection`` whether it is
expected rather than counted ("could reach"), ``attribution`` who says it ("according to …",
"… said"); ``duration_what``, ``age_what`` and ``measure_what`` for the other kinds. Cheap
substring tests are tried before the patterns (same answers). Depends on sentence bounds as
``textanalysis.sentence_spans`` gives them.
"""

from __future__ import annotations

import functools
import re

from idlibtui.annotate.numbers import SCALES

_TAKEN_OR_SOUGHT = re.compile(r"\b(?:taken|sought)\b")
_POSSESSIVE_NAME = re.compile(r"[A-Z]\w+['’]s$")
_LETTER_START = re.compile(r"[A-Za-z]")
_REFUGEES = re.compile(r"\brefugees\b", re.I)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LEADING_PLACE_BASED = re.compile(r"^[A-Z][\w.]*-based\s+")
_TRAILING_FUNCTION_WORD = re.compile(r"\s+(?:and|of|for|on|the|al)$")
_AGE_NOUN_AFTER = re.compile(r"[\s-]*(?:year[\s-]old\s+)?([a-z]+)")
_MEASURE_NOUN_AFTER = re.compile(r"\s*(?:of\s+)?([a-z]+(?:\s+[a-z]+)?)")
_QUALIFIER = re.compile(
    r"\b(?P<q>more\s+than|at\s+least|up\s+to|almost|about|around|an\s+estimated|nearly|over|less\s+than|fewer\s+than|roughly|approximately|some|as\s+many\s+as|at\s+most|close\s+to|just\s+over|just\s+under|under|upwards\s+of|in\s+excess\s+of|estimated|only|a\s+further|another)\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_EVENT_VERBS = [
    (re.compile(r"\b(?:displace[sd]?|displacing|uproot(?:ed|ing)?|forced\s+(?:from|out\s+of)\s+their\s+homes)\b", re.I), "displaced"),
    (re.compile(r"\b(?:kill(?:ed|ing|s)?|died|dead|dying|die|lost\s+their\s+lives|massacred|martyred|perished)\b", re.I), "killed"),
    (re.compile(r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|e)|hurt)\b", re.I), "wounded"),
    (re.compile(r"\b(?:fle[de]|fleeing|forced\s+to\s+flee|escap(?:ed|ing))\b", re.I), "fled"),
    (re.compile(r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|abduct(?:ed|ing)?|kidnapp?(?:ed|ing)?)\b", re.I), "detained"),
    (re.compile(r"\b(?:neutrali[sz](?:ed|ing|e))\b", re.I), "neutralized"),
    (re.compile(r"\b(?:trapped|besieged|stranded)\b", re.I), "trapped"),
    (re.compile(r"\b(?:taken\s+shelter|taken\s+refuge|sought\s+refuge|sheltering|hosts?|houses|hosting)\b", re.I), "sheltered"),
]  # fmt: skip
_PROJECTION = re.compile(
    r"\b(?:could|would|may|might|will|shall|threatens?\s+to|expected\s+to|likely\s+to|set\s+to|risk(?:s|ing)?|fears?\s+that|warn(?:s|ed)?\s+that)\b(?:\s+\w+){0,4}?\s*$",
    re.IGNORECASE,
)
_ATTRIB_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:the\s+)?(?:[A-Z][\w'’.&-]*|rebels|activists|monitors|officials|sources|residents|witnesses|medics|doctors|the\s+group)(?:\s+(?:of|for|on|and|the|al|[A-Z][\w'’.&-]*|[a-z]+-based|interviewed\s+by\s+[A-Z]\w+))*)",
    re.IGNORECASE,
)
_ATTRIB_SAID = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.&-]*)(?:\s+(?:of|for|on|and|the|al|[A-Z][\w'’.&-]*))*)\s+(?:has\s+|had\s+)?(?:said|says|reported|reports|told|estimated|estimates|announced|warned|counted|documented|stated|confirmed|claimed|claims)\b"
)
_ATTRIB_SAID_AFTER = re.compile(
    r"\b(?:said|says|reported|according\s+to)\s+(?P<who>(?:the\s+)?(?:[A-Z][\w'’.&-]*)(?:\s+(?:of|for|on|and|the|[A-Z][\w'’.&-]*))*)"
)
_ATTRIB_GENERIC = re.compile(
    r"\b(?P<who>activists|monitors|officials|rescuers|medics|witnesses|residents)(?:\s+and\s+(?:activists|monitors|officials))?(?:\s+in\s+the\s+[\w-]+\s+region)?\s+(?:said|say|reported)\b",
    re.IGNORECASE,
)
# words that open a clause, never a source's name
_PRONOUNS = frozenset(
    ["He", "She", "They", "It", "We", "I", "This", "That", "These", "Those", "But", "And", "When",
     "While", "If"]
)  # fmt: skip
# ... and, alone, no source either
_NOT_A_SOURCE = _PRONOUNS | frozenset(
    ["The", "In", "On", "At", "Since", "After", "Before", "Syrian", "Turkish", "Russian", "Iranian"]
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")
_NOUN_STOP = frozenset(
    [
        "along",
        "inside",
        "outside",
        "within",
        "behind",
        "beyond",
        "throughout",
        "via",
        "in",
        "on",
        "at",
        "of",
        "from",
        "to",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "have",
        "has",
        "had",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "may",
        "might",
        "can",
        "than",
        "as",
        "since",
        "during",
        "into",
        "onto",
        "after",
        "before",
        "around",
        "near",
        "across",
        "toward",
        "towards",
        "under",
        "over",
        "between",
        "among",
        "per",
        "said",
        "says",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "they",
        "he",
        "she",
        "we",
        "out",
        "up",
        "down",
        "away",
        "according",
        "living",
        "killed",
        "wounded",
        "displaced",
        "fled",
        "forced",
        "trapped",
        "including",
        "while",
        "despite",
        "because",
        "so",
        "if",
        "when",
        "where",
        "there",
        "what",
        "located",
        "based",
        "about",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "some", "of"])
_SKIP_ADJ = frozenset(["more", "other", "additional", "further"])
_DEMONYMS = re.compile(
    r"^(?:Syrian|Turkish|Russian|Iranian|Iraqi|Lebanese|Kurdish|Afghan|Palestinian|Jordanian|American|European|Arab)s?$"
)
_PART_OF_THEM = re.compile(
    r"(?:half|many|most|some|all|several|a\s+third|a\s+quarter|\w+)\s+of\s+(?:them|whom)\b",
    re.IGNORECASE,
)
_AUX_CHAIN = re.compile(
    r"^\s*(?:[\w’'-]+,?\s+){0,4}?(?:(?:have|has|had|were|was|are|is|been|being|be|got|get|"
    r"reportedly|allegedly|already|now)\s+)+(?:[\w-]+\s+)?",
    re.IGNORECASE,
)
_BEHIND_FILLER = re.compile(
    r"(?:\s+(?:more\s+than|at\s+least|up\s+to|almost|about|around|an\s+estimated|nearly|over|"
    r"less\s+than|some|roughly|approximately|as\s+many\s+as|another|a\s+further|of|the|a))*\s*$",
    re.IGNORECASE,
)


def _case_folded(s: str) -> str:
    """``s`` lower-cased so that a substring test of an ASCII word holds wherever an
    ``re.IGNORECASE`` pattern can match it ("İ", "ı", "ſ", "K" lowered to their ASCII letter;
    any combining dot above goes, so a test may pass where it need not, never the reverse:
    every use is a necessary condition checked before a pattern). Not ``str.translate``:
    on a text that is not ASCII it costs ten times as much."""
    if s.isascii():
        return s.lower()
    return s.lower().replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


# the last word of every _QUALIFIER alternative (its "of" included)
_QUALIFIER_ENDS = (
    "than", "least", "to", "almost", "about", "around", "estimated", "nearly", "over",
    "roughly", "approximately", "some", "as", "most", "under", "of", "only", "further",
    "another",
)  # fmt: skip
_PROJECTION_WORDS = (
    "could", "would", "may", "might", "will", "shall", "threaten", "expected", "likely",
    "set", "risk", "fear", "warn",
)  # fmt: skip


def qualifier(text: str, lo: int, s: int) -> str:
    """The qualifier ("more than", "nearly") right before a number at ``s`` (not before ``lo``)."""
    window = text[max(lo, s - 30) : s]
    stripped = window.rstrip()
    if len(stripped) == len(window) or not _case_folded(stripped[-14:]).endswith(_QUALIFIER_ENDS):
        return ""
    m = _QUALIFIER.search(window)
    return " ".join(m.group("q").lower().split()) if m else ""


def projection(text: str, lo: int, s: int) -> bool:
    """Whether a modal or "expected to" before a number at ``s`` makes it a projection."""
    window = text[max(lo, s - 60) : s]
    low = _case_folded(window)
    if not any(w in low for w in _PROJECTION_WORDS):
        return False
    return bool(_PROJECTION.search(window))


def _event_alternation(allow_shelter: bool) -> re.Pattern[str]:
    """The event-verb patterns as one alternation, in their order, one named group each.

    Every pattern begins with ``\\b``; it is tested once, before the alternation, instead of
    once per alternative at every position a search tries (the same matches, ~40% faster)."""
    parts = []
    for pattern, label in _EVENT_VERBS:
        if allow_shelter or label != "sheltered":
            inner = pattern.pattern.removeprefix(r"\b")
            if inner == pattern.pattern:
                raise ValueError(f"an event pattern must begin with \\b: {inner}")
            parts.append(f"(?P<{label}>{inner})")
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


# (without, with "sheltered"); at one position an alternation takes its first alternative
# that matches, so one ``match`` answers what trying the patterns in order does
_EVENT_ANY = (_event_alternation(False), _event_alternation(True))


def _label_at(fragment: str, *, anchored: bool, allow_shelter: bool) -> str:
    """The first event (in ``_EVENT_VERBS`` order) whose pattern matches at the start of
    ``fragment`` (``anchored``) or anywhere in it."""
    combined = _EVENT_ANY[allow_shelter]
    if anchored:
        m = combined.match(fragment)
        if m is None:
            return ""
        if m.lastgroup == "sheltered" and not _TAKEN_OR_SOUGHT.search(m.group(0)):
            return ""  # "hosts", "houses": not a count of sheltered people
        return m.lastgroup or ""
    if combined.search(fragment) is None:
        return ""  # no event word anywhere (the usual case): skip the ordered searches
    for pattern, label in _EVENT_VERBS:
        if label == "sheltered" and not allow_shelter:
            continue
        m = pattern.search(fragment)
        if m and (label != "sheltered" or _TAKEN_OR_SOUGHT.search(m.group(0))):
            return label
    return ""


# the last word of every _BEHIND_FILLER alternative
_FILLER_ENDS = (
    "than", "least", "to", "almost", "about", "around", "estimated", "nearly", "over", "some",
    "roughly", "approximately", "as", "another", "further", "of", "the", "a",
)  # fmt: skip


def _filler_start(behind: str) -> int:
    """Where the qualifiers and articles that end ``behind`` begin ("killing more than the"):
    ``_BEHIND_FILLER.search(behind).start()``. Unless ``behind`` ends with one of their last
    words, that is where its trailing spaces begin."""
    stripped = behind.rstrip()
    if not _case_folded(stripped[-14:]).endswith(_FILLER_ENDS):
        return len(stripped)
    filler = _BEHIND_FILLER.search(behind)
    return filler.start() if filler else len(stripped)


def _event_verb(text: str, s: int, sent_start: int, after_noun: str) -> str:
    """The event a count belongs to: a verb right before it, after it, or near before it."""
    behind = text[max(sent_start, s - 80) : s]
    core = behind[: _filler_start(behind)]
    words = core.split()
    if words:
        label = _label_at(words[-1], anchored=True, allow_shelter=False)
        if label:
            return label  # "displaced more than 235,000", "killing 200 people"
    after = after_noun.lstrip(" ,")
    part = _PART_OF_THEM.match(after)
    if part and _label_at(after[part.end() :].split(",")[0], anchored=False, allow_shelter=False):
        after = ""  # "three million people, half of them already displaced": not all of them
    label = _label_at(after, anchored=True, allow_shelter=True)  # "30,000 children killed"
    if not label:
        chain = _AUX_CHAIN.match(after)
        if chain:
            label = _label_at(after[chain.end() :], anchored=True, allow_shelter=True)
            if not label:  # "have taken shelter": the chain swallowed the verb
                label = _label_at(after[: chain.end() + 20], anchored=False, allow_shelter=True)
    if label:
        return label
    tail = " ".join(words[-5:])
    return _label_at(tail, anchored=False, allow_shelter=False)


def what_counted(text: str, s: int, e: int, sent_end: int, sent_start: int) -> str:
    """The counted noun phrase after the number, with the event verb that makes it groupable."""
    window = text[e : min(sent_end, e + 120)]
    phrase, after_noun = _noun_after(window)
    return _with_verb(phrase, _event_verb(text, s, sent_start, after_noun))


def _noun_after(window: str) -> tuple[str, str]:
    """The noun phrase a number counts, read from the words after it ("dozens of civilians",
    "200,000 of Idlib's 3 million residents"), and the window's rest after it."""
    # the window's words, read only as far as the noun phrase goes (a few of its ~20)
    words_left = _WORD.finditer(window)
    tokens: list[tuple[str, int]] = []

    def has(index: int) -> bool:
        while len(tokens) <= index:
            m = next(words_left, None)
            if m is None:
                return False
            tokens.append((m.group(0), m.start()))
        return True

    i = 0
    while has(i) and tokens[i][0].lower() in ("of", "more", "other", "additional"):
        i += 1
    if has(i) and _POSSESSIVE_NAME.match(tokens[i][0]):
        # "200,000 of Idlib's 3 million residents": the noun after the second number
        i += 1
        while has(i) and (
            tokens[i][0][:1].isdigit() or tokens[i][0].lower() in SCALES or tokens[i][0] in ",."
        ):
            i += 1
    noun: list[str] = []
    end_idx = i
    while has(i) and len(noun) < 4:
        word = tokens[i][0]
        low = word.lower()
        if not _LETTER_START.match(word) or low in _NOUN_STOP:
            break
        if (low in _DETERMINERS or low in _SKIP_ADJ) and not noun:
            i += 1
            continue
        if _ends_noun(word, noun):
            break
        noun.append(word)
        i += 1
        end_idx = i
    return " ".join(noun), (window[tokens[end_idx][1] :] if has(end_idx) else "")


def _ends_noun(word: str, noun: list[str]) -> bool:
    """Whether ``word`` is past the counted noun: a name ("in Idlib"), or a verb after it
    ("protesters gathered")."""
    capital = word[:1].isupper() and not _DEMONYMS.match(word)
    if capital and not noun and word.lower() not in ("syrians",):
        return True  # "in Idlib", a name, not a counted noun
    if capital and noun:
        return True
    low = word.lower()
    return bool(noun) and low.endswith("ed") and low not in ("armed", "wounded", "injured")


def _with_verb(phrase: str, verb: str) -> str:
    """The counted thing as the figure table shows it: the noun with its event verb."""
    if verb == "sheltered":
        if phrase and _DEMONYMS.match(phrase):
            return phrase.rstrip("s") + " refugees"
        return phrase
    if verb == "trapped" and phrase:
        return f"{phrase} trapped"
    if not phrase:
        return "displaced people" if verb == "displaced" else (f"people {verb}" if verb else "")
    if _REFUGEES.search(phrase) or not verb:
        return phrase
    if verb == "displaced":
        return f"displaced {phrase}"
    return f"{phrase} {verb}"


@functools.lru_cache(maxsize=512)
def attribution(text: str, sent_start: int, sent_end: int) -> str:
    """Who the sentence credits for its figures (cached: a sentence often holds several)."""
    sent = text[sent_start:sent_end]
    low = _case_folded(sent)
    # each pattern is tried only when a word it needs is in the sentence
    if "according" in low:
        m = _ATTRIB_ACCORDING.search(sent)
        if m:
            return _tidy_source(m.group("who"))
    if any(w in sent for w in _SAID_AFTER_WORDS):
        m = _ATTRIB_SAID_AFTER.search(sent)
        if m and not m.group(0).lower().startswith("according"):
            who = _tidy_source(m.group("who"))
            if _is_source(who):
                return who
    if any(w in sent for w in _SAID_WORDS):
        for m in _ATTRIB_SAID.finditer(sent):
            who = _tidy_source(m.group("who"))
            if _is_source(who):
                return who
    if any(w in low for w in _GENERIC_SOURCES):
        m = _ATTRIB_GENERIC.search(sent)
        if m:
            return _tidy_source(m.group(0).rsplit(None, 1)[0])
    return ""


# words the attribution patterns need (the first two are case-sensitive, the last is not)
_SAID_AFTER_WORDS = ("said", "says", "reported", "according")
_SAID_WORDS = (
    "said", "says", "report", "told", "estimate", "announced", "warned", "counted",
    "documented", "stated", "confirmed", "claim",
)  # fmt: skip
_GENERIC_SOURCES = (
    "activists", "monitors", "officials", "rescuers", "medics", "witnesses", "residents",
)  # fmt: skip


def _is_source(who: str) -> bool:
    words = who.split()
    if not words or words[0] in _PRONOUNS:
        return False
    return not (len(words) == 1 and words[0] in _NOT_A_SOURCE)


def _tidy_source(who: str) -> str:
    who = " ".join(who.split()).strip(" ,.;:")
    who = _LEADING_THE.sub("", who)
    who = _LEADING_PLACE_BASED.sub("", who)
    who = _TRAILING_FUNCTION_WORD.sub("", who)
    return who


def duration_what(text: str, end: int, sent_end: int) -> str:
    m = re.match(
        r"\s*(?:[\w-]+\s+){0,2}?(war|conflict|siege|offensive|bombardment|campaign|truce|ceasefire|cease-fire|crisis|uprising)\b",
        text[end : min(sent_end, end + 40)],
        re.I,
    )
    return m.group(1).lower() if m else ""


def age_what(text: str, s: int, end: int, sent_start: int, sent_end: int) -> str:
    m = _AGE_NOUN_AFTER.match(text[end : min(sent_end, end + 30)])
    if m and m.group(1) not in ("and", "or", "told", "said", "who", "was", "is", "from"):
        return m.group(1)
    name = re.search(
        r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s?$", text[max(sent_start, s - 40) : s]
    )
    return name.group(1) if name else ""


def measure_what(text: str, end: int, sent_end: int) -> str:
    m = _MEASURE_NOUN_AFTER.match(text[end : min(sent_end, end + 30)])
    if not m:
        return ""
    words = [w for w in m.group(1).split() if w not in _NOUN_STOP and w not in _DETERMINERS]
    return " ".join(words[:2])
