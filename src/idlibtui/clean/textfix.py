"""Character repairs the entity, mojibake and control passes leave for a second look.

Each family here was seen in held-out damaged text:

- C1 "smart quotes": cp1252 text decoded as latin-1 keeps ``\\x93``/``\\x94``/``\\x92``/``\\x96``/
  ``\\x85`` as C1 controls; the control pass would delete them (and take ``\\x85`` for a line
  break). When the text holds such quotes, they are read as cp1252 instead.
- ``&quot`` without its semicolon straight before a word (``&quotred line``), and ``,quot;`` where
  the comma is the quotation's own punctuation (``"we will stay,quot; he said``).
- a space left before ``'s`` once an entity was repaired (``Turkey &#39;s`` → ``Turkey 's``).
- Unicode NFD (a letter followed by a combining accent) and Latin ligatures (``ﬁ``).

Every function takes an :class:`EditText` and records what it changes.
"""

from __future__ import annotations

import re
import unicodedata

from idlibtui.clean.edits import EditText

# --------------------------------------------------------------------------------------------
# C1 smart quotes
# --------------------------------------------------------------------------------------------

# C1 code points that cp1252 gives a printable character, minus those that start a terminal
# control string (0x90 DCS, 0x98 SOS, 0x9B CSI, 0x9D OSC): those stay the control pass's.
_C1_CP1252 = {
    chr(b): bytes([b]).decode("cp1252")
    for b in (
        *range(0x80, 0x8D),
        0x8E,
        *range(0x91, 0x98),
        0x99,
        0x9A,
        0x9C,
        0x9E,
        0x9F,
    )
    if b != 0x81
}
# Seeing one of these in a text says it is cp1252 read as latin-1: curly quotes and dashes.
_C1_EVIDENCE = frozenset("\x91\x92\x93\x94\x96\x97")
_C1 = re.compile("[" + "".join(_C1_CP1252) + "]")


def fix_c1_quotes(doc: EditText) -> None:
    """Read C1 characters as cp1252 when the text holds C1 curly quotes or dashes."""
    if _C1_EVIDENCE.isdisjoint(doc.chars):
        return
    doc.sub(
        _C1,
        lambda m: _C1_CP1252[m.group(0)],
        "mojibake",
        lambda m: f"U+{ord(m.group(0)):04X} (cp1252 read as latin-1)",
    )


# --------------------------------------------------------------------------------------------
# Entities the entity pass cannot tell apart
# --------------------------------------------------------------------------------------------

# "&quot" straight before a word ("&quotred line&quot;"), not a URL parameter ("&quota=2").
_QUOT_BEFORE_WORD = re.compile(r"&(?P<name>quot|apos)(?=[a-z][a-z]*(?![a-z0-9_=]))")
_SPEECH = (
    r"said|says|say|added|adds|told|tells|stated|states|noted|notes|wrote|writes|explained"
    r"|declared|warned|asked|insisted|stressed|continued|argued|claimed|announced|replied"
    r"|tweeted|reported|according|insists|warns|explains|recalled|recalls|concluded"
)
# ",quot; he said": the comma closes the quotation, the ampersand alone was lost.
_COMMA_QUOT = re.compile(
    r"(?<=[A-Za-z0-9)]),(?P<q>quot|#34|rdquo|#8221);"
    r"(?=[ ](?:[A-Za-z][\w.'’-]*[ ]){0,4}?(?:" + _SPEECH + r")\b)"
)
_QUOTES = {"quot": '"', "#34": '"', "rdquo": "”", "#8221": "”"}


def fix_entity_leftovers(doc: EditText) -> None:
    """``&quot`` before a word, and ``,quot;`` before an attribution (comma kept)."""
    text = doc.text
    if "&quot" in text or "&apos" in text:
        doc.sub(
            _QUOT_BEFORE_WORD,
            lambda m: '"' if m.group("name") == "quot" else "'",
            "entity",
            lambda m: m.group(0) + " (no semicolon, before a word)",
        )
    if "," in doc.text and (";" in doc.text):
        doc.sub(
            _COMMA_QUOT,
            lambda m: "," + _QUOTES[m.group("q")],
            "entity",
            lambda m: m.group(0) + " (ampersand lost; the comma closes the quotation)",
        )


# --------------------------------------------------------------------------------------------
# After the entity pass: "Turkey 's"
# --------------------------------------------------------------------------------------------

_SPACED_POSSESSIVE = re.compile(
    r"(?<=[A-Za-z0-9\u00c0-\u024f])(?: (?P<a>['’])s|(?P<b>['’]) s)(?=[\s.,;:!?)\]\"”]|$)"
)

_SPACED_POSSESSIVE_PAIRS = (" 's", " ’s", "' s", "’ s")


def fix_spaced_possessive(doc: EditText) -> None:
    """``Turkey 's`` / ``Turkey' s`` → ``Turkey's`` (a space a repaired entity left behind)."""
    text = doc.text
    if not any(pair in text for pair in _SPACED_POSSESSIVE_PAIRS):
        return  # every match holds one of them (most texts none): the search is not needed
    doc.sub(
        _SPACED_POSSESSIVE,
        lambda m: (m.group("a") or m.group("b")) + "s",
        "space",
        "space before 's",
    )


# --------------------------------------------------------------------------------------------
# Unicode forms
# --------------------------------------------------------------------------------------------

_COMBINING = re.compile("[^\\s\u0300-\u036f][\u0300-\u036f]+")
_LIGATURE = re.compile("[\ufb00-\ufb06]")


def fix_unicode_forms(doc: EditText) -> None:
    """Compose decomposed accents (NFD → NFC) and spell out Latin ligatures (``ﬁ`` → ``fi``)."""
    chars = doc.chars
    if any("\u0300" <= ch <= "\u036f" for ch in chars):

        def compose(m: re.Match[str]) -> str | None:
            out = unicodedata.normalize("NFC", m.group(0))
            return out if len(out) < len(m.group(0)) else None

        doc.sub(_COMBINING, compose, "unicode", "decomposed accent (NFD)")
    if any("\ufb00" <= ch <= "\ufb06" for ch in doc.chars):
        doc.sub(
            _LIGATURE,
            lambda m: unicodedata.normalize("NFKC", m.group(0)),
            "unicode",
            lambda m: f"ligature {m.group(0)}",
        )
