"""Make any string safe to print to a terminal: no escape sequences, no control characters.

Text that did not pass the cleaner (file names, query text, error messages) goes through here
before it reaches a terminal or a widget (GUIDE §3).
"""

from __future__ import annotations

import re

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


def strip_terminal_controls(text: str) -> str:
    """Remove escape sequences, then any remaining control character (tab and newline stay)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def printable(text: str) -> str:
    """One-line printable form for messages: controls removed, newlines shown as spaces."""
    return strip_terminal_controls(text).replace("\n", " ").replace("\t", " ")
