"""Make any string safe to print to a terminal: no escape sequences, no control characters.

Text that did not pass the cleaner (file names, query text, error messages) goes through here
before it reaches a terminal or a widget (GUIDE §3).
"""

from __future__ import annotations

import re
from typing import Any

# CSI, OSC, DCS/SOS/PM/APC strings and two-byte escapes, in 7-bit and 8-bit (C1) forms.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]            # CSI ... final byte
  | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL or ST
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS, SOS, PM, APC ... ST
  | \x1b[@-Z\\-_]                                # other two-byte escapes
  | \x1b.?                                       # a lone ESC
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline; bidi overrides and isolates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# Lone surrogates: the bytes of a file name that is not UTF-8, as Python decodes them. They
# cannot be written to a UTF-8 terminal or file; shown as the replacement character.
_SURROGATE = re.compile("[\ud800-\udfff]")


def strip_terminal_controls(text: str) -> str:
    """Remove escape sequences, then any remaining control character (tab and newline stay);
    a lone surrogate becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text)))


def printable(text: str) -> str:
    """One-line printable form for messages: controls removed, newlines shown as spaces."""
    return strip_terminal_controls(text).replace("\n", " ").replace("\t", " ")


# Characters JSON leaves raw (with ensure_ascii off) that a terminal acts on or that cannot be
# written out: DEL and C1 controls, zero-width and bidi marks, line/paragraph separators,
# bidi embeddings, overrides and isolates, the BOM, and lone surrogates (undecodable file
# name bytes). JSON already escapes C0 controls, ESC included.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def escape_json_controls(encoded: str) -> str:
    """JSON text with every terminal-unsafe character written as a ``\\uXXXX`` escape.

    These characters occur only inside JSON strings, so the escaped text decodes to exactly
    the same data (a file name stays the real file name) while no raw control reaches a
    terminal or a log.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def json_text(data: object, **options: Any) -> str:
    """``json.dumps(data, ensure_ascii=False)`` that is safe to print (see
    :func:`escape_json_controls`): readable non-ASCII text, no raw controls."""
    import json

    return escape_json_controls(json.dumps(data, ensure_ascii=False, **options))
