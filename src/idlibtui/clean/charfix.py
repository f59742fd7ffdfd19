"""Character-level repairs: HTML entities, mojibake, controls and escapes, odd spaces.

Each function takes an :class:`EditText` and records what it changes.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher
from functools import lru_cache
from html.entities import html5

from idlibtui.clean.edits import Edit, EditText

# --------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------

# Names that damaged exports lose their "&" or ";" from; only these are repaired without an "&"
# or without a ";", so "AT&T", "Q&A" and "&region=" stay as they are.
_COMMON_NAMES = (
    "quot|amp|apos|lt|gt|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|laquo|raquo|shy|"
    "eacute|egrave|aacute|iacute|oacute|uacute|ccedil|uuml|ouml|auml|copy|reg|trade|deg|middot"
)
_NUMERIC = r"\#\s*(?:[xX]\s*[0-9a-fA-F]{1,6}|[0-9]{1,7})"

# "&amp;quot;" and deeper: unwrap the extra "amp;" layers first.
_DOUBLE = re.compile(
    r"&(?:amp;)+(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
)
# A proper entity, possibly with spaces inside ("& # 39;", "& #39 ;", "&quot ;").
_ENTITY = re.compile(
    r"&(?P<sp1>[ \t]*)(?P<body>" + _NUMERIC + r"|[A-Za-z][A-Za-z0-9]{1,31})(?P<sp2>[ \t]*);"
)
# Known name or number without the semicolon ("&quot", "&#39"), not followed by more word.
_NO_SEMI = re.compile(
    r"&(?P<body>(?:(?:" + _COMMON_NAMES + r")(?![;A-Za-z0-9=])|(?:quot|apos)(?=[A-Z])"
    r"|#[0-9]{2,7}(?![0-9;])"
    r"|#[xX][0-9a-fA-F]{2,6}(?![0-9a-fA-F;])))"
)
# The "&" lost: ",quot;" (the comma stood for the ampersand) or a bare "quot;" after a space.
_LOST_NAMES = (
    r"(?P<body>quot|apos|amp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|nbsp|#39|#039|#34|#8217"
    r"|#8220|#8221);"
)
_LOST_QUICK = re.compile(_LOST_NAMES)
_LOST_AMP = re.compile(r"(?:(?<=[A-Za-z0-9.!?\"'”’)])[,&]|(?<![A-Za-z0-9&#;]))" + _LOST_NAMES)

_QUOTE_CHARS = "\"'“”‘’"


def _decode_entity(body: str) -> str | None:
    body = re.sub(r"\s+", "", body)
    if body.startswith("#"):
        out = html.unescape("&" + body + ";")
        if out.startswith("&"):
            return None
        return out
    if body + ";" in html5:
        return html5[body + ";"]
    return None


def fix_entities(doc: EditText) -> None:
    """Decode named, numeric, spaced, semicolon-less, ampersand-less and double-escaped entities."""
    if ";" not in doc.text and "&" not in doc.text:
        return
    for _ in range(4):  # each round shortens the text, so this always ends
        before = doc.text
        doc.sub(_DOUBLE, "&", "entity", "double-escaped entity")
        text = doc.text
        edits: list[Edit] = []

        def spaced(m: re.Match[str], text: str = text) -> Edit | None:
            out = _decode_entity(m.group("body"))
            if out is None:
                return None
            start, end = m.start(), m.end()
            was_spaced = bool(m.group("sp1") or m.group("sp2") or " " in m.group("body"))
            if was_spaced and out in _QUOTE_CHARS:
                # "& # 39; Breakpoint & # 39;": the spaces came with the damage; rejoin the quote
                # to the word it belongs to.
                before_ch = text[start - 1] if start > 0 else "\n"
                after_ch = text[end] if end < len(text) else "\n"
                opening = before_ch.isspace() or before_ch in "([{"
                if opening and after_ch == " " and end + 1 < len(text) and text[end + 1].isalnum():
                    end += 1
                elif (
                    before_ch == " "
                    and start >= 2
                    and (text[start - 2].isalnum() or text[start - 2] in ".,!?")
                    and (after_ch.isspace() or after_ch in ".,;:!?)]")
                ):
                    start -= 1
            return Edit(start, end, out, "entity", m.group(0).strip())

        last_end = -1
        for m in _ENTITY.finditer(text):
            e = spaced(m)
            if e is not None and e.start >= last_end:
                edits.append(e)
                last_end = e.end
        doc.apply(edits)
        doc.sub(
            _NO_SEMI,
            lambda m: _decode_entity(m.group("body")),
            "entity",
            lambda m: m.group(0) + " (no semicolon)",
        )
        if _LOST_QUICK.search(doc.text):
            doc.sub(
                _LOST_AMP,
                lambda m: _decode_entity(m.group("body")),
                "entity",
                lambda m: m.group(0) + " (ampersand lost)",
            )
        if doc.text == before:
            break


# --------------------------------------------------------------------------------------------
# Mojibake
# --------------------------------------------------------------------------------------------

# A lead byte of a UTF-8 sequence read as cp1252/latin-1, followed by a continuation byte.
_CONT = (
    "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_SUSPECT = re.compile("[\xc2-\xf4][" + _CONT + "]")
_LEADS = frozenset(chr(c) for c in range(0xC2, 0xF5))

# Letters whose mojibake ftfy misses when the word is short (Turkish, Arabic, Latin accents).
_TARGET_LETTERS = (
    "çÇğĞıİöÖşŞüÜâÂîÎûÛéÉèÈêÊëËàÀáÁäÄåÅæÆíÍìÌïÏñÑóÓòÒôÔõÕøØúÚùÙýÝÿßœŒšŠžŽčČćĆđĐłŁńŃřŘśŚźŹżŻ"
    "ăĂșȘțȚōŌūŪāĀīĪēĒʿʾ"
    + "".join(chr(c) for c in range(0x0621, 0x064B))  # Arabic letters
    + "".join(chr(c) for c in range(0x0660, 0x066A))
    + "".join(chr(c) for c in (0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC))
    + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac\u00a0"
)


def _mis_decodings(ch: str) -> set[str]:
    data = ch.encode("utf-8")
    out = set()
    for enc in ("cp1252", "latin-1"):
        try:
            s = data.decode(enc)
        except UnicodeDecodeError:
            # cp1252 leaves 0x81, 0x8d, 0x8f, 0x90, 0x9d undefined: latin-1 maps them
            s = "".join(
                bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                for b in data
            )
        out.add(s)
    return {s for s in out if s != ch}


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
    hyphen, a space, ZWJ and RLM). Applied before ftfy, which would make it a bare U+FFFD."""
    lossy: dict[str, set[str]] = {}
    for ch in _LOSSY_TARGETS:
        bad = _lossy_decoding(ch)
        if bad is not None:
            lossy.setdefault(bad, set()).add(ch)
    table = {bad: next(iter(chars)) for bad, chars in lossy.items() if len(chars) == 1}
    return re.compile("|".join(re.escape(k) for k in table)), table


@lru_cache(maxsize=1)
def _own_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for ch in _TARGET_LETTERS:
        for bad in _mis_decodings(ch):
            table.setdefault(bad, ch)
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), table


def _ftfy_fix(line: str) -> str:
    import ftfy

    return ftfy.fix_text(
        line,
        uncurl_quotes=False,
        unescape_html=False,
        normalization=None,
        fix_line_breaks=False,
        remove_control_chars=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        remove_terminal_escapes=False,
        max_decode_length=100000,
    )


def fix_mojibake(doc: EditText) -> None:
    """ftfy on suspicious lines (only those), then our own table for short words ftfy misses."""
    text = doc.text
    if _LEADS.isdisjoint(doc.chars) or not (_SUSPECT.search(text) or "\u00c2" in text):
        return
    if "\ufffd" in text:
        lossy, lossy_table = _lossy_table()
        if doc.sub(lossy, lambda m: lossy_table[m.group(0)], "mojibake", _mojibake_note):
            text = doc.text
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if _SUSPECT.search(line):
            try:
                fixed = _ftfy_fix(line)
            except Exception:  # ftfy is robust, but the cleaner must never raise
                fixed = line
            if fixed != line:
                edits.extend(_diff_edits(line, fixed, pos))
        pos += len(line) + 1
    doc.apply(edits)
    # "Â" left in front of a space: the first byte of a no-break space read as cp1252.
    doc.sub(_STRAY_A_CIRC, "", "mojibake", "Â before a space (no-break space read as cp1252)")
    pattern, table = _own_table()
    for _ in range(3):  # double mojibake unwinds one layer per round
        if not _SUSPECT.search(doc.text):
            break
        if not doc.sub(pattern, lambda m: table[m.group(0)], "mojibake", _mojibake_note):
            break


_STRAY_A_CIRC = re.compile("(?<![A-Za-z\u00c0-\u024f])\u00c2(?=[ \u00a0])")


def _mojibake_note(m: re.Match[str]) -> str:
    if "\ufffd" in m.group(0):
        return f"{m.group(0)} (UTF-8 read as cp1252, a byte lost; the commonest reading)"
    return f"{m.group(0)} (UTF-8 read as cp1252)"


def _diff_edits(old: str, new: str, offset: int) -> list[Edit]:
    """Edits turning ``old`` into ``new``, each replacing at least one character (a pure
    insertion is joined to its neighbour so every repair has a raw span)."""
    spans: list[list[int]] = []  # [i1, i2, j1, j2]
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
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
    return [
        Edit(offset + i1, offset + i2, new[j1:j2], "mojibake", f"{old[i1:i2]} → {new[j1:j2]}")
        for i1, i2, j1, j2 in spans
    ]


# --------------------------------------------------------------------------------------------
# Controls, escapes, invisible characters
# --------------------------------------------------------------------------------------------

_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?
  | (?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*?(?:\x1b\\|\x9c|$)
  | \x1b[ -/]*[0-~]?
    """,
    re.VERBOSE,
)
# C0 (not tab/newline/CR), DEL, C1, lone surrogates, bidi embeddings/overrides/isolates and marks,
# zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator, interlinear marks.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e\u061c\ufff9-\ufffb\u206a-\u206f]"
)
_INVISIBLE_SET = frozenset(
    [chr(c) for c in range(0x20) if c not in (9, 10, 13)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0xD800, 0xE000)]
    + list("\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064")
    + list("\u2066\u2067\u2068\u2069\ufeff\u00ad\u180e\u061c\ufff9\ufffa\ufffb")
    + [chr(c) for c in range(0x206A, 0x2070)]
)
# Zero-width (non-)joiners are meaningful inside Persian, Arabic, Indic words and emoji; drop them
# only where neither neighbour is such a character.
_JOINER = re.compile("[\u200c\u200d]")


def _is_joining_context(ch: str) -> bool:
    return ch > "\u02ff" and (ch.isalpha() or ord(ch) > 0x1F000 or "\u0300" <= ch <= "\u036f")


_ESCAPE_STARTS = frozenset("\x1b\x9b\x9d\x90\x98\x9e\x9f")
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BREAK_CHARS = frozenset("\r\u2028\u2029\x85")
_JOINERS = frozenset("\u200c\u200d")


def fix_controls(doc: EditText) -> None:
    chars = doc.chars
    if not _ESCAPE_STARTS.isdisjoint(chars):
        doc.sub(_ESCAPES, "", "control", _control_note)
    if not _BREAK_CHARS.isdisjoint(chars):
        doc.sub(_BREAKS, "\n", "space", "line break")
    if not _INVISIBLE_SET.isdisjoint(chars):
        doc.sub(_INVISIBLE, "", "control", _control_note)
    if _JOINERS.isdisjoint(chars):
        return
    text = doc.text

    def joiner(m: re.Match[str]) -> str | None:
        i = m.start()
        left = text[i - 1] if i else ""
        right = text[i + 1] if i + 1 < len(text) else ""
        if (left and _is_joining_context(left)) or (right and _is_joining_context(right)):
            return None
        return ""

    doc.sub(_JOINER, joiner, "control", _control_note)


def _control_note(m: re.Match[str]) -> str:
    s = m.group(0)
    if s[:1] in ("\x1b", "\x9b", "\x9d", "\x90"):
        return "terminal escape sequence"
    names = {
        "\u00ad": "soft hyphen",
        "\u200b": "zero-width space",
        "\ufeff": "byte-order mark",
        "\u200c": "zero-width non-joiner",
        "\u200d": "zero-width joiner",
    }
    if s in names:
        return names[s]
    if "\u200e" <= s <= "\u206f" or s == "\u061c":
        return "bidi control"
    return f"control character U+{ord(s[0]):04X}"


# --------------------------------------------------------------------------------------------
# Spaces
# --------------------------------------------------------------------------------------------

_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SET = frozenset(
    "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_MULTI_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


_ODD_CHARS = tuple(sorted(_ODD_SET))


def fix_spaces(doc: EditText) -> None:
    # a substring test per odd space (~7 µs an article) rather than the text's character set:
    # this pass runs again after each structure pass, on a text no other pass has looked at
    text = doc.text
    if any(ch in text for ch in _ODD_CHARS):
        doc.sub(_ODD_SPACE, " ", "space", "non-breaking or odd space")
    if "  " in doc.text:
        doc.sub(_MULTI_SPACE, " ", "space", "repeated spaces")
    text = doc.text
    if " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " ":
        edits = []
        pos = 0
        for line in text.split("\n"):
            if line[:1] == " ":
                lead = len(line) - len(line.lstrip(" "))
                edits.append(Edit(pos, pos + lead, "", "space", "space at line edge"))
            if line[-1:] == " " and line.strip(" "):
                trail = len(line.rstrip(" "))
                edits.append(Edit(pos + trail, pos + len(line), "", "space", "space at line edge"))
            pos += len(line) + 1
        doc.apply(edits)
