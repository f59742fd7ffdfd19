"""Cheap tests run before the cleaner's costly patterns: each is a necessary condition of a
pattern (a word it must hold, a character it must end with), so a line or text that fails it
cannot match and the pattern is not tried. The patterns decide; these only save their cost.
"""

from __future__ import annotations

import re

# The last words a slashed photo credit can end with (its agency's, or "via Getty Images")
SLASHED_CREDIT_ENDS = (
    "Images", "AFP", "AP", "Photo", "REUTERS", "Reuters", "EPA", "EFE", "SANA", "Sana", "Anadolu",
    "Agency", "Handout", "Xinhua", "DPA", "dpa", "Shutterstock", "Alamy", "Sipa", "Office", "TASS",
    "IRNA", "ANHA", "Helmets", "Defence", "Defense", "Storyful", "YouTube",
)  # fmt: skip


#: Words one of which every copyright footer of ``widget_words.LABELS`` holds (lower case; a
#: test checks that each footer label does). The footer pattern's optional site-name prefix
#: backtracks on any line of capitalised words (~0.1 ms a line, most of the cleaner's per-line
#: cost), so it is tried only on a line holding one of them.
FOOTER_NEEDS = (
    "rechte", "droits", "derechos", "diritti", "direitos", "hakla", "права", "الحقوق", "cipta",
)  # fmt: skip


#: For each pattern of chrome's ``_INLINE`` (in its order), groups of lower-case words: a match
#: holds one word of each group, and a pattern is tried only on a text that does (tests check
#: the claim on the patterns' matches).
INLINE_NEEDS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("list",), ("item",)),
    (("list",),),
    (("reading",),),
    (("footnote",),),
    (("footnote",),),
    (("show",),),
    (("more",), ("»", "›")),
    (("''", "‘’", "“”"),),
    (("continue",), ("…", "...")),
    (("http",),),
    (("|", "｜"),),
    (("by",), ("reporting", "writing", "editing", "compiled")),
    (("size",), ("font", "text")),
)


def any_of(rules: list[tuple[re.Pattern[str], str]]) -> re.Pattern[str]:
    """One pattern that matches where any of ``rules`` does (each keeps its own case flag): a
    line that none matches, nearly every line, costs one call instead of one per rule."""
    parts = []
    for pattern, _note in rules:
        flag = "i" if pattern.flags & re.IGNORECASE else "-i"
        parts.append(f"(?{flag}:{pattern.pattern})")
    return re.compile("|".join(parts))


def re_case_lower(text: str) -> str:
    """``text`` lower-cased so that a substring test of an ASCII word holds wherever an
    ``re.IGNORECASE`` pattern can match it: the characters it matches to an ASCII letter
    besides its upper case ("İ", "ı", "ſ", "K") lowered to that letter. (Any combining dot
    above goes, "İ" lowers to "i" and one: a test may then pass where it need not, never the
    reverse; ``str.translate`` would do it exactly, ten times slower.)"""
    return text.lower().replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


def may_end_in_label(s: str, tail: int) -> bool:
    """Whether chrome's ``_CREDIT_LABEL`` can match in ``s[tail:]``: each of its forms holds
    "credit", ends in a bracket, or is an upper-case "PHOTO:"-like label."""
    if s[-1:] in ")]":
        return True
    end = s[tail:]
    low = end.lower()
    return "credit" in low or (
        ":" in end and ("photo" in low or "image" in low or "picture" in low)
    )
