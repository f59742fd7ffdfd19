"""Short lines between the headline and the report that are not the report: a writer's name
or the dateline's city alone under the headline (a byline), and a one- or two-word section
label ("World", "Middle East"). A subheading says something about what follows; these name
who wrote the page or where it sits on the site."""

from __future__ import annotations

import re

from idlibtui.clean import outlets
from idlibtui.clean.lines import _Line, headline_shaped, word_count
from idlibtui.model import BlockKind

_PERSON_WORD = re.compile(
    r"^(?:(?:al-|el-|bin-|ibn-)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]\.|al|el|bin|ibn|de|van|von)$"
)
_CITY = re.compile(r"^[A-Z][A-Z'’.-]{2,}(?:\s[A-Z][A-Z'’.-]{1,})?$")


def name_under_title(kept: list[_Line], start: int) -> bool:
    """Under the headline and above the first paragraph, a writer's name alone ("Jane Marlow")
    or the dateline's city alone ("WASHINGTON"): a byline, not a subheading."""
    if not 1 <= start < len(kept) - 1 or kept[start - 1].kind is not BlockKind.TITLE:
        return False
    s = kept[start].text.strip()
    nxt = kept[start + 1].text
    if headline_shaped(nxt) or word_count(nxt) < 12:
        return False  # the report must follow at once
    if _CITY.fullmatch(s):
        return True
    words = s.split()
    if not 2 <= len(words) <= 4:
        return False  # (no name of two to four words: the outlets need not be looked up)
    if any(outlets.lookup(part) for part in [*re.split(r"\s*[-–—]\s*", s), s] if part):
        return False  # "Idlib-Enab Baladi": the outlet's line, for the outlet rules
    named = sum(1 for w in words if any(ch.isupper() for ch in w))
    return named >= 2 and all(_PERSON_WORD.match(w) for w in words)


def head_label(line: str) -> bool:
    """One or two words in title case or capitals, no question: a label, not a subheading (a
    subheading says something about what follows; it does not sit above the first paragraph)."""
    words = line.split()
    return (
        1 <= len(words) <= 2
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        and not line.endswith("?")
    )
