"""Inline debris inside kept paragraphs: doubled initials ("TThe"), machine-translation
leftovers ("he said. additional."), orphan closing quotes, a long sentence printed twice in a
row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from idlibtui.clean.edits import Edit, EditText
from idlibtui.textanalysis import is_abbreviation  # the one abbreviation list

_DOUBLED_INITIAL = re.compile(r"\b([a-zA-Z])([A-Z])(?=[a-z]{2,})")


# The capital of a _DOUBLED_INITIAL match ("TThe", "hHe"): a pattern that begins with it is
# searched for capitals only, not tried at every position.
_DOUBLED_CAPITAL = re.compile(r"[A-Z](?<=[a-zA-Z][A-Z])(?=[a-z]{2})")


def _doubled_initial_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DOUBLED_INITIAL.finditer(text)``, tried only before the capitals that can be one's
    second letter (its two-letter matches cannot overlap)."""
    for capital in _DOUBLED_CAPITAL.finditer(text):
        m = _DOUBLED_INITIAL.match(text, capital.start() - 1)
        if m is not None:
            yield m


# A short lower-case fragment after the paragraph's last full stop ("he said. additional.").
_MT_WORD = re.compile(
    r"(?<=[a-z0-9%)\"”’][.!?])[ ]+(?:Additional|Additionally|Translated|Translation|Continued"
    r"|Cont|Ends|End|Update|Updated)[.:]?[ ]*$",
    re.MULTILINE,
)


# Words one of which every _MT_WORD match contains: a substring test rules most texts out in a
# tenth of the time the pattern takes to be tried at every position.
_MT_WORD_NEEDS = ("Additional", "Translat", "Cont", "End", "Update")


_FRAGMENT_QUICK = re.compile(r"[.!?] +[a-z]")


_TRAILING_FRAGMENT = re.compile(
    r"(?<=\S)[.!?]"
    r"(?P<frag>[ ]+[a-z][^\n.!?\"“”]{0,70}?[ ]*[\"“”’]?[ ]*[.!?]?[ ]*[\"“”’]?)[ ]*$",
    re.MULTILINE,
)


def _doubled(m: re.Match[str], text: str) -> str | None:
    if m.group(1).lower() != m.group(2).lower():
        return None
    if m.group(1).isupper():  # "TThe" → "The"
        return m.group(2)
    i = m.start()
    if i and text[i - 1] in "'’":
        return None
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    sentence_start = j < 0 or text[j] in '\n.!?"“:'
    return m.group(2) if sentence_start else m.group(1)


# ``(?<=\w) "(?=…)``, written to begin with its literal ' "' so the engine searches for that
# instead of trying the lookbehind at every position (same matches, a tenth of the time)
_STRAIGHT_ORPHAN = re.compile(r' "(?<=\w ")(?=[.,;:]?[ ]*$)', re.MULTILINE)


def _line_bounds(m: re.Match[str]) -> tuple[int, int]:
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return start, len(text) if end < 0 else end


def _orphan_closing_quotes(doc: EditText) -> None:
    """Orphan closing quotes: a closing curly quote with no opening one before it in the line,
    standing apart (" ”."), opening the line, or after a finished sentence ("mechanisms.”").
    Attached to a word, a comma or an ellipsis ("Brontë…”") it may close a quotation whose
    opening was elsewhere: it stays. A run of them ("””") is judged by what precedes the run."""
    edits = []
    pos = 0
    for line in doc.text.split("\n"):
        if "”" not in line or (
            line.count("”") <= line.count("“") and line.find("“") < line.find("”")
        ):
            pos += len(line) + 1
            continue
        depth = 0
        for k, ch in enumerate(line):
            if ch == "“":
                depth += 1
            elif ch == "”":
                if depth:
                    depth -= 1
                elif line[:k].rstrip("”")[-1:] in ("", " ", ".", "!", "?"):
                    start = k - 1 if k and line[k - 1] == " " else k
                    edits.append(
                        Edit(pos + start, pos + k + 1, "", "debris", "orphan closing quote")
                    )
        pos += len(line) + 1
    doc.apply(edits)


# "… its Kurdish allies.http://feeds.example.com/~r/x/~4/abc": a feed's tracking link glued to
# the last sentence (no space: never a link the report cites), or a feed proxy's link after it
_GLUED_URL = re.compile(
    r"(?<=[a-z0-9)][.!?])https?://\S+[ \t]*$"
    r"|(?<=[.!?])[ \t]+https?://(?:feeds\.feedburner|feedproxy\.google)\.com/\S+[ \t]*$",
    re.MULTILINE,
)


def inline_debris(doc: EditText) -> None:

    def fragment(m: re.Match[str]) -> str | None:
        text = m.string
        k = m.start()
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = text[k : m.start()].strip("\"'“”‘’(")
        pre = word.lower()
        if (
            not pre
            or is_abbreviation(word, m.group("frag").lstrip()[:1])
            or "." in pre
            or len(pre) == 1
        ):
            return None
        if pre.isdigit() and len(pre) < 4:
            return None
        frag = m.group("frag")
        if len(frag.split()) > 8:
            return None
        return m.group(0)[: m.start("frag") - m.start()]

    _orphan_closing_quotes(doc)
    text = doc.text
    doc.sub(
        _DOUBLED_INITIAL,
        lambda m: _doubled(m, text),
        "debris",
        lambda m: f"doubled initial {m.group(0)}",
        matches=_doubled_initial_matches(text),
    )
    # A straight quote left alone at the end of a line with an odd number of them.
    if '"' in doc.text:
        doc.sub(
            _STRAIGHT_ORPHAN,
            lambda m: "" if m.string.count('"', *_line_bounds(m)) % 2 else None,
            "debris",
            "orphan closing quote",
        )
    if any(word in doc.text for word in _MT_WORD_NEEDS):
        doc.sub(_MT_WORD, "", "debris", "machine-translation leftover")
    if "http" in doc.text:
        doc.sub(_GLUED_URL, "", "debris", "link glued to a sentence")
    _sentence_twice(doc)
    # Each removal shortens the text, so this ends; "x. a. b." loses both fragments.
    while _FRAGMENT_QUICK.search(doc.text) and doc.sub(
        _TRAILING_FRAGMENT, fragment, "debris", "machine-translation leftover"
    ):
        pass


# a sentence end followed by the next sentence's start (a space, then a capital or a quote),
# up to that start: written to begin with the full stop itself (not a lookbehind of it) so that
# the engine searches for that instead of trying every position; a break ends before a capital
# or a quote, never a full stop, so the matches cannot run into each other
_SENTENCE_BREAK_AT = re.compile(r"[.!?][”\"’]?[ \t]+(?=[A-Z“\"‘])")
_TWICE_MIN_WORDS = 12


def _sentence_twice(doc: EditText) -> None:
    """A long sentence printed twice in a row in one paragraph (a standfirst pasted again at
    the head of the body): the second copy goes. Short sentences ("Yes.") may repeat."""
    edits = []
    pos = 0
    for line in doc.text.split("\n"):
        if len(line) >= 2 * 60:
            cuts = [0, *[m.end() for m in _SENTENCE_BREAK_AT.finditer(line)], len(line)]
            for a, a2, b2 in zip(cuts, cuts[1:], cuts[2:], strict=False):
                # (a sentence after a break opens with its first character: the same one
                # must open the sentence before it)
                if line[a] != line[a2]:
                    continue
                first, second = line[a:a2].rstrip(), line[a2:b2].rstrip()
                if first == second and len(first.split()) >= _TWICE_MIN_WORDS:
                    start = a2
                    while start > 0 and line[start - 1] in " \t":
                        start -= 1
                    edits.append(
                        Edit(pos + start, pos + a2 + len(second), "", "debris", "sentence twice")
                    )
        pos += len(line) + 1
    doc.apply(edits)
