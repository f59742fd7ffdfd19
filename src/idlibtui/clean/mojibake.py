"""Mojibake: text encoded in one encoding and decoded in another ("Ã©" for "é"), undone.

ftfy decides and repairs, line by line, with its own detection (``ftfy.badness``): every line
it would change is given to it, and each change it makes is recorded as a repair with its span
and ftfy's steps. Three small things of ours stay around it, each for what ftfy leaves:

- before ftfy, ``â€�`` (a closing quote whose last byte a decoder replaced) is restored as
  ``”``, its one punctuation reading; ftfy would leave a bare U+FFFD;
- before ftfy, well-formed 8-bit terminal sequences (``\\x9b31m``) outside mojibake are removed:
  ftfy would read their C1 bytes as cp1252 text and the control pass could no longer see them;
- after ftfy, a lone ``Â`` before a space (a no-break space's first byte), and two short
  tables for the letters it misses in short words: Latin letters whose mojibake is two letters
  (``ÅŸ`` for ``ş``) and Arabic-script letters in runs of at least two (``Ú©Ø±`` for ``کر``).
  No entry can fire on clean text (see :func:`_latin_table` and :func:`_arabic_table`); tests
  check it on ftfy's negatives, the seeds and generated articles.

A cheap test skips the lines ftfy cannot change (most lines of most articles, in any
language): a line goes to ftfy's badness test only if it holds a character or a short pattern
that each of that test's patterns needs, or a character one of ftfy's other enabled fixes
changes (C1, ligature, surrogate). Tests check the claim against ftfy itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any

from idlibtui.clean.edits import Edit, EditText

# --------------------------------------------------------------------------------------------
# Which lines ftfy can change
# --------------------------------------------------------------------------------------------

# Each alternative of ftfy's BADNESS_RE needs a character of one of these categories, or one of
# _EXTRA_CHARS, or else matches one of the patterns of _candidate_patterns: an alternative is
# "hit" by the member its least common class gives (see tests/unit/test_mojibake_suite.py).
# Lowercase accented letters, quotes and Cyrillic or Greek letters are left out of the
# characters (French, English and Russian lines would all be candidates): the few alternatives
# that need nothing rarer are the patterns.
_HITTING = ("c1", "bad", "upper_accented", "currency", "numeric", "box", "law")
# "[Œœ][^A-Za-z]", "[ØÙ]…[ØÙ]…" (Ø is upper_accented), "‚[âó][àä°ê]", "вЂ" and "ГўВЂВ".
_EXTRA_CHARS = "œÙ‚Ђ"


@lru_cache(maxsize=1)
def _candidate_chars() -> frozenset[str]:
    """The characters of which a line must hold one, or match one of
    :func:`_candidate_patterns`, for ftfy with :func:`_config` to change it: else its badness
    test (``is_bad``) fails, so no re-encoding is tried, and none of the other enabled fixes
    (C1 controls, Latin ligatures, surrogates) has anything to change. Should a later ftfy
    name its categories differently, every non-ASCII character is a candidate."""
    try:
        from ftfy.badness import MOJIBAKE_CATEGORIES as cat

        chars = set(_EXTRA_CHARS) | _other_fix_chars()
        for name in _HITTING:
            chars.update(class_chars(cat[name]))
    except Exception:
        return frozenset(chr(c) for c in range(0x80, 0x10000))
    return frozenset(chars)


@lru_cache(maxsize=1)
def _candidate_patterns() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """The alternatives of ftfy's badness test made of common characters only, widened: a
    closing quote before a lowercase accented letter or an opening quote, a lowercase accented
    letter before a quote, three Cyrillic or Greek capitals of the mojibake alphabet. Each
    with the characters it can begin with (a text holding none of them cannot match it)."""
    try:
        from ftfy.badness import MOJIBAKE_CATEGORIES as cat

        end, start, lower = cat["end_punctuation"], cat["start_punctuation"], cat["lower_accented"]
    except Exception:
        return ()
    return tuple(
        (re.compile(f"[{first}]{rest}"), frozenset(class_chars(first)))
        for first, rest in (
            (end, f"[{lower}{start}]"),
            (lower, f"[{start}{end}]"),
            ("ВГРС", ".[ВГРС]"),
            ("ΒΓΞΟ", ".[ΒΓΞΟ]"),
        )
    )


def candidate_lines(text: str, chars: frozenset[str]) -> set[int]:
    """The indices of the lines of ``text`` that :func:`may_change` accepts (``chars``: the
    text's distinct characters), with one scan of the whole text per pattern it can hold."""
    lines = text.split("\n")
    found: set[int] = set()
    hitting = _candidate_chars()
    if not hitting.isdisjoint(chars):
        found.update(
            k for k, line in enumerate(lines) if not line.isascii() and not hitting.isdisjoint(line)
        )
    patterns = [p for p, first in _candidate_patterns() if not first.isdisjoint(chars)]
    if patterns:
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        for p in patterns:
            found.update(bisect_right(starts, m.start()) - 1 for m in p.finditer(text))
    return found


def class_chars(members: str) -> set[str]:
    """The characters of a regex class body made of characters and ``a-b`` ranges (as ftfy
    writes its categories)."""
    out: set[str] = set()
    i = 0
    while i < len(members):
        if i + 2 < len(members) and members[i + 1] == "-":
            out.update(chr(c) for c in range(ord(members[i]), ord(members[i + 2]) + 1))
            i += 3
        else:
            out.add(members[i])
            i += 1
    return out


@lru_cache(maxsize=1)
def _other_fix_chars() -> frozenset[str]:
    """The characters ftfy's enabled fixes other than re-decoding change: C1 controls (read as
    cp1252), Latin ligatures (spelt out), surrogates (paired or replaced)."""
    from ftfy import chardata

    return frozenset(
        [chr(c) for c in range(0x80, 0xA0)]
        + [chr(c) for c in range(0xD800, 0xE000)]
        + [chr(c) for c in getattr(chardata, "LIGATURES", range(0xFB00, 0xFB07))]
    )


@lru_cache(maxsize=1)
def _config() -> Any:
    from ftfy import TextFixerConfig

    # Entities, controls, escapes, line breaks and spaces are the cleaner's other passes;
    # curly quotes are kept (correct ones are the commonest thing ftfy would change).
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        fix_character_width=False,
        normalization=None,
        max_decode_length=1_000_000,
        explain=True,
    )


def may_change(line: str) -> bool:
    """False only for lines ftfy (with the cleaner's configuration) leaves as they are."""
    if line.isascii():
        return False
    if not _candidate_chars().isdisjoint(line):
        return True
    return any(p.search(line) for p, _ in _candidate_patterns())


def _ftfy(line: str) -> tuple[str, list[tuple[str, str]]]:
    """ftfy's repair of one line and its steps; the line itself when ftfy fails. ftfy's own
    badness test decides; the line is not even given to ftfy when it fails and no other fix
    applies (the same answer, sooner)."""
    try:
        import ftfy
        from ftfy.badness import is_bad

        if not is_bad(line) and _other_fix_chars().isdisjoint(line):
            return line, []
        fixed, steps = ftfy.fix_and_explain(line, _config())
        return fixed, [(s.action, s.parameter) for s in steps or ()]
    except Exception:  # ftfy is robust, but the cleaner must never raise
        return line, []


def _width(text: str) -> str:
    from ftfy.fixes import fix_character_width

    return fix_character_width(text)


# --------------------------------------------------------------------------------------------
# A closing quote with its last byte lost
# --------------------------------------------------------------------------------------------

_UNDEFINED_IN_CP1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_LOSSY_TARGETS = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac"


def _lossy_decoding(ch: str) -> str | None:
    """``ch``'s UTF-8 read as cp1252 by a decoder that put U+FFFD for the bytes cp1252 leaves
    undefined (``errors="replace"``, most web pipelines): ``”`` becomes ``â€�``. None when no
    byte was lost."""
    data = ch.encode("utf-8")
    if not any(b in _UNDEFINED_IN_CP1252 for b in data):
        return None
    return "".join(
        "\ufffd" if b in _UNDEFINED_IN_CP1252 else bytes([b]).decode("cp1252") for b in data
    )


@lru_cache(maxsize=1)
def _lossy_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """Readings with a lost byte worth repairing. A lost byte makes a reading ambiguous ("Ã�"
    is Á, Í, Ï or Ý; "Ù�" is ف or a vowel mark): only punctuation is repaired, where one
    reading is far the commonest (``â€�`` is ``”``; the other characters it can be are a
    hyphen, a space, ZWJ and RLM). Not after ``Ã¢`` (``â`` itself as mojibake): there the
    sequence is one layer of a double mojibake, which ftfy unwinds whole."""
    lossy: dict[str, set[str]] = {}
    for ch in _LOSSY_TARGETS:
        bad = _lossy_decoding(ch)
        if bad is not None:
            lossy.setdefault(bad, set()).add(ch)
    table = {bad: next(iter(chars)) for bad, chars in lossy.items() if len(chars) == 1}
    return re.compile("(?<!Ã¢)(?:" + "|".join(re.escape(k) for k in table) + ")"), table


# --------------------------------------------------------------------------------------------
# 8-bit terminal sequences outside mojibake
# --------------------------------------------------------------------------------------------

# CSI with its parameters and final byte, OSC and the string controls with their terminator, all
# within a line, introduced after an ASCII character or at a line start: inside mojibake the C1
# byte always follows the non-ASCII reading of a lead byte ("â€\x9d" is ”, "Р\x98" is И). A CSI
# with intermediate bytes ("\x9b d") is left to ftfy: in cp1252 read as latin-1 it is "› d".
_C1_SEQUENCE = re.compile(
    r"(?<![^\x00-\x7f])(?:\x9b[0-?]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|[\x90\x98\x9e\x9f][^\x1b\x9c\n]*?(?:\x1b\\|\x9c))"
)
_C1_INTRODUCERS = frozenset("\x90\x98\x9b\x9d\x9e\x9f")


# --------------------------------------------------------------------------------------------
# Letters ftfy misses in short words
# --------------------------------------------------------------------------------------------

# Their UTF-8 read as cp1252 is an accented capital and a cp1252 letter (Š Œ Ž š œ ž Ÿ): no
# language writes such a pair, and ftfy leaves it when the word has no other mojibake.
LATIN_LETTERS = "ğĞşŞÎÌČŚȚŌ"
# Arabic and Persian letters and Arabic-Indic digits: their mojibake is Ø, Ù, Ú or Û and a
# cp1252 symbol; ftfy misses a few of them (Persian letters, ح ش ط alone) even in words.
ARABIC_LETTERS = (
    "".join(chr(c) for c in range(0x0621, 0x064B))
    + "".join(chr(c) for c in range(0x0660, 0x066A))
    + "".join(chr(c) for c in (0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC))
)


def _as_cp1252(ch: str) -> str:
    """``ch``'s UTF-8 read as cp1252 (latin-1 for the five bytes cp1252 leaves undefined)."""
    return "".join(
        chr(b) if b in _UNDEFINED_IN_CP1252 else bytes([b]).decode("cp1252")
        for b in ch.encode("utf-8")
    )


@lru_cache(maxsize=1)
def _latin_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """``ÅŸ`` → ``ş`` and the like (applied next to a letter: no such letter is a word)."""
    table = {_as_cp1252(ch): ch for ch in LATIN_LETTERS}
    return re.compile("|".join(re.escape(k) for k in table)), table


@lru_cache(maxsize=1)
def _arabic_table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Runs of two or more Arabic-script mojibake pairs (a word has at least two letters;
    one pair, "OÙ\\xa0" in French, can be clean text). Returns the run pattern, the pair
    pattern and the table."""
    table = {_as_cp1252(ch): ch for ch in ARABIC_LETTERS}
    keys = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(f"(?:{keys}){{2,}}"), re.compile(keys), table


def _first_chars(table: dict[str, str]) -> frozenset[str]:
    return frozenset(k[0] for k in table)


def _next_to_letter(m: re.Match[str]) -> bool:
    text, i, j = m.string, m.start(), m.end()
    return (i > 0 and text[i - 1].isalpha()) or (j < len(text) and text[j].isalpha())


# --------------------------------------------------------------------------------------------
# The pass
# --------------------------------------------------------------------------------------------

_STRAY_A_CIRC = re.compile("(?<![A-Za-z\u00c0-\u024f])\u00c2(?=[ \u00a0])")
# ftfy's steps that only rewrite well-decoded text ("ﬁ" → "fi"): repairs of kind "unicode";
# every other step re-reads bytes (an encode/decode pair, C1 as cp1252, inconsistent UTF-8).
_UNICODE_STEPS = frozenset({("apply", "fix_latin_ligatures"), ("apply", "fix_surrogates")})


def fix_mojibake(doc: EditText) -> None:
    """ftfy on every line it can change, with our few additions around it (module docstring)."""
    text = doc.text
    if text.isascii():
        return
    if not _C1_INTRODUCERS.isdisjoint(doc.chars):
        doc.sub(_C1_SEQUENCE, "", "control", "terminal escape sequence")
        text = doc.text
    candidates = candidate_lines(text, doc.chars)
    if not candidates:
        return
    if "\ufffd" in doc.chars:
        lossy, lossy_table = _lossy_table()
        if doc.sub(lossy, lambda m: lossy_table[m.group(0)], "mojibake", _table_note):
            text = doc.text
            candidates = candidate_lines(text, doc.chars)
    edits: list[Edit] = []
    pos = 0
    for k, line in enumerate(text.split("\n")):
        if k in candidates:
            fixed, steps = _ftfy(line)
            if fixed != line:
                edits.extend(_diff_edits(line, fixed, pos, steps))
        pos += len(line) + 1
    doc.apply(edits)
    # "Â" left in front of a space: the first byte of a no-break space read as cp1252.
    if "\u00c2" in doc.text:
        doc.sub(_STRAY_A_CIRC, "", "mojibake", "Â before a space (no-break space read as cp1252)")
    latin, latin_table = _latin_table()
    if not _first_chars(latin_table).isdisjoint(doc.chars):
        doc.sub(
            latin,
            lambda m: latin_table[m.group(0)] if _next_to_letter(m) else None,
            "mojibake",
            _table_note,
        )
    runs, pairs, arabic = _arabic_table()
    if not _first_chars(arabic).isdisjoint(doc.chars):
        doc.sub(
            runs,
            lambda m: pairs.sub(lambda p: arabic[p.group(0)], m.group(0)),
            "mojibake",
            _table_note,
        )


def _table_note(m: re.Match[str]) -> str:
    if "\ufffd" in m.group(0):
        return f"{m.group(0)} (UTF-8 read as cp1252, a byte lost; the commonest reading)"
    return f"{m.group(0)} (UTF-8 read as cp1252)"


def _explain(steps: list[tuple[str, str]]) -> str:
    return "ftfy: " + ", ".join(f"{action} {parameter}" for action, parameter in steps)


_RESYNC_LIMIT = 160  # characters skipped on both sides, at most, before the rest is one edit


def _resync(old: str, new: str, i: int, j: int) -> tuple[int, int]:
    """After ``old[i] != new[j]``: how many characters of each the difference spans. The
    nearest point where both go on alike is taken: an equal ASCII character (ftfy keeps ASCII
    as it is) or three equal characters, or both ends. Longer stretches of ``old`` are tried
    first at each distance (a repair shortens mojibake)."""
    n, m = len(old), len(new)
    for t in range(1, _RESYNC_LIMIT):
        for a in range(t, -1, -1):
            b = t - a
            if i + a > n or j + b > m:
                continue
            if i + a == n and j + b == m:
                return a, b
            if (
                i + a < n
                and j + b < m
                and old[i + a] == new[j + b]
                and (old[i + a].isascii() or old[i + a : i + a + 3] == new[j + b : j + b + 3])
            ):
                return a, b
    return n - i, m - j


def _spans(old: str, new: str) -> list[list[int]]:
    """[i1, i2, j1, j2] of each difference, ``old[i1:i2]`` to become ``new[j1:j2]``: a walk
    along both strings, in time linear in their length (difflib's matcher takes minutes on
    long repetitive lines)."""
    spans: list[list[int]] = []
    i = j = 0
    n, m = len(old), len(new)
    while i < n and j < m:
        if old[i] == new[j]:
            i += 1
            j += 1
            continue
        a, b = _resync(old, new, i, j)
        spans.append([i, i + a, j, j + b])
        i, j = i + a, j + b
    if i < n or j < m:
        spans.append([i, n, j, m])
    return spans


def _diff_edits(old: str, new: str, offset: int, steps: list[tuple[str, str]]) -> list[Edit]:
    """Edits turning ``old`` into ``new``, each replacing at least one character (a pure
    insertion is joined to its neighbour so every repair has a raw span). A repair that
    re-decoded text gives fullwidth ASCII forms back as ASCII, as ftfy does by default."""
    if not old:
        return []
    spans: list[list[int]] = []
    for i1, i2, j1, j2 in _spans(old, new):
        if i1 == i2:  # insertion: take in the character before (or after) it
            if spans and spans[-1][1] == i1:
                spans[-1][1], spans[-1][3] = i2, j2
                continue
            if i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            else:
                i2, j2 = i2 + 1, j2 + 1
        if spans and i1 <= spans[-1][1]:
            spans[-1][1], spans[-1][3] = max(spans[-1][1], i2), max(spans[-1][3], j2)
        else:
            spans.append([i1, i2, j1, j2])
    decoded = not steps or any(step not in _UNICODE_STEPS for step in steps)
    kind = "mojibake" if decoded else "unicode"
    why = _explain(steps) if steps else "ftfy"
    edits = []
    for i1, i2, j1, j2 in spans:
        replacement = _width(new[j1:j2]) if decoded else new[j1:j2]
        edits.append(
            Edit(
                offset + i1, offset + i2, replacement, kind, f"{old[i1:i2]} → {replacement} ({why})"
            )
        )
    return edits
