"""Text cut off mid-sentence (an export that stopped), told from a headline by its last word.

A truncated last paragraph and a related-article headline are both lines with no full stop:
these tests say which lines read as prose that was cut, so the cleaner keeps them and marks
them instead of removing them as links.
"""

from __future__ import annotations

import re

_FUNCTION_END = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|for|from|with|by|and|or|but|that|which|who|as|is|are|was"
    r"|were|has|have|had|its|their|his|her|some|this|these|those|into|than|while|after|before"
    r"|would|will|could|should|can|may|might|must|be|been|being|if|when|where|because|whose"
    r"|between|against|through|during|toward|towards|amid|despite|since|until|among|across"
    r"|within|without|including|such|both|each|our|my|your|very|more|most|not|also)$",
    re.I,
)


def ends_mid_sentence(line: str) -> bool:
    """A line that stops on a function word ("… after Putin's decision in"): cut off."""
    s = line.strip()
    return bool(s) and s[-1] not in '.!?…"”’)]:;' and _FUNCTION_END.search(s) is not None


_REFERENCE_END = re.compile(r"\s*\[\d{1,3}\]$")
# "… Syria's" (a possessive waits for its noun), "Since 2011, Syria …" (an opening clause): cut
_CUT_CLAUSE = re.compile(
    r"\w['’]s$|^(?:Since|In|By|After|Before|Until|Throughout)\s+(?:early\s+|late\s+)?(?:19|20)\d\d,\s"
)
# A sentence's linking adverb ("Также …", "Außerdem …", "Selain itu …"): prose opens with it, a
# headline never does
_CONNECTOR_START = re.compile(
    r"^(?:Meanwhile|Moreover|Furthermore|However|In\s+addition|Также|Кроме\s+того|Однако|При\s+этом"
    r"|Между\s+тем|Außerdem|Zudem|Jedoch|Par\s+ailleurs|En\s+outre|Cependant|De\s+plus"
    r"|Además|Asimismo|Sin\s+embargo|Inoltre|Tuttavia|Além\s+disso|No\s+entanto|Ayrıca"
    r"|Öte\s+yandan|Selain\s+itu|Namun|Daarnaast|Bovendien|كما|وكان|وأضاف)\s"
)


def looks_truncated(line: str) -> bool:
    """A line of prose cut off mid-sentence (an export that stopped), not a headline: it ends
    on a function word, or holds a clause (a comma) and ends without punctuation, or is a long
    sentence-case run of words. A reference mark ending it ("… the monitor said [1]") is read
    past."""
    s = _REFERENCE_END.sub("", line.strip())
    if not s or s[-1] in '.!?…"”’)]:;':
        return False
    words = s.split()
    if len(words) < 3:
        return False
    if _FUNCTION_END.search(s):
        return True
    if _CONNECTOR_START.match(s) and all(w[:1].islower() for w in words[2:]):
        return True
    if _CUT_CLAUSE.search(s):
        return True
    lower = sum(1 for w in words[1:] if w[:1].islower())
    sentence_case = lower >= 0.6 * (len(words) - 1)
    if "," in s and sentence_case:
        return True
    return sentence_case and len(words) >= 16


_SHORT_WORDS = frozenset(
    [
        "a",
        "i",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "am",
    ]
)
_PRONOUN_START = re.compile(r"^(?:It|He|She|They|We|I|You|Its|His|Her|Their)\s")


def cut_fragment(line: str, text: str) -> bool:
    """The last words of an export cut mid-word ("Pro-regime forc", "It spel", "Asked about t"),
    as the very last line of ``text``: at most four words in sentence case, the last a bare
    lower-case word that is no function word (a label at a page's foot ends on one: "Tagged
    under", "Notify of"), and a sign that the word was cut: a stray letter or two, a word the
    text spells out in full elsewhere ("forc" / "forces"), or a sentence's pronoun subject.
    A label ("Helpful keywords", "View all posts") shows none of them."""
    s = line.strip()
    words = s.split()
    if not 2 <= len(words) <= 4 or not s[:1].isupper() or s[-1] in '.!?…"”’)]:;':
        return False
    last = words[-1]
    if not last.isalpha() or not last.islower() or _FUNCTION_END.search(s):
        return False
    if any(w[:1].isupper() and "-" not in w for w in words[1:]):
        return False  # title case: a label ("News Team", "Most Read")
    if len(last) <= 2 and last not in _SHORT_WORDS:
        return True
    if _PRONOUN_START.match(s):
        return True
    rest = text[: text.rfind(s)] if s in text else text
    longer = set(re.findall(rf"\b{re.escape(last)}([a-z]+)", rest, re.I))
    whole = re.search(rf"\b{re.escape(last)}\b", rest, re.I) is not None
    return bool(longer - {"s"}) and not whole
