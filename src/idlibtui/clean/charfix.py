"""Character-level repairs: HTML entities, controls and escapes, odd spaces (mojibake has its
own module, :mod:`idlibtui.clean.mojibake`).

Each function takes an :class:`EditText` and records what it changes.
"""

from __future__ import annotations

import html
import re
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
