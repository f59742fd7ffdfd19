"""One analysis of a text, shared: its words and its sentences, with their offsets.

Dates, figures, entities and the events timeline read the same cleaned text one after another
(and the cleaner's date inference reads it just before them). Each used to tokenize it and split
it into sentences again, with three sentence splitters and four abbreviation lists that did not
agree. Here is the one word tokenizer, the one sentence splitter and the one abbreviation list;
``analysis_of(text)`` computes each once for the last text seen and hands the same object to
every reader (what a reader derives from it may be kept in its ``memo``).

The splitter ends a sentence at ``.``, ``!``, ``?``, ``…``, ``. . .`` (or the Arabic ``؟``,
``۔``), with any closing quotes or brackets, before a space and a word that opens a sentence
(a capital, a digit, an opening quote, a letter of a script without case); never after a
known abbreviation (``Gen.``, ``Jan.``, ``U.S.``, ``No. 5``), an initial (``George W. Bush``)
or inside a decimal (``3.6``). A line break always ends a sentence (headlines, captions and
datelines have no full stop). Spans are trimmed of surrounding space.
"""

from __future__ import annotations

import bisect
import itertools
import re


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# The one abbreviation list (lower case, without the final dot): a dot after one of these does
# not end a sentence. Titles and ranks, months and weekdays, Latin and business abbreviations.
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof gen lt col maj capt cpt cpl pte sgt adm cmdr rev sen rep gov pres st sr jr
    mt ft dept univ est approx ca al cf op vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    e.g i.e u.s u.k u.n e.u a.m p.m no nos vol fig p pp
    """
)
# abbreviations of a number's label ("No. 5", "Vol. 2", "p. 12"): only before a number, so
# "the answer was no. Then" still ends a sentence
NUMBER_ABBREVIATIONS = frozenset(["no", "nos", "vol", "fig", "p", "pp"])
# titles, months and weekdays are abbreviations only when capitalised: "he sat. Then", "they
# wed. The", "the sun. It" end sentences
CAPITALISED_ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof gen lt col maj capt cpt cpl pte sgt adm cmdr rev sen rep gov pres st sr jr
    mt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun
    """
)

# One word tokenizer for dates, figures, entities and events (initialisms like U.S. are one
# word; inner apostrophes and ʿ/ʾ stay inside a word).
# ``(?:[A-Z]\.){2,}|[^\W_]+(?:['’ʼʿʾ`][^\W_]+)*`` with the first letter taken out of the two
# alternatives, so the engine skips to the next letter or digit instead of trying both at
# every space and punctuation mark (same matches, ~15% faster).
WORD_TOKEN = re.compile(r"[^\W_](?:(?<=[A-Z])\.(?:[A-Z]\.)+|[^\W_]*(?:['’ʼʿʾ`][^\W_]+)*)")
_WORD_SPLIT = re.compile(f"({WORD_TOKEN.pattern})")


def word_tokens(text: str) -> list[tuple[int, str]]:
    """``(start, word)`` for every word of ``text``."""
    # split on the words, kept: [gap, word, gap, …, word, gap]; the running sum of the lengths
    # gives each part's start. All in C, without a match object per word.
    parts = _WORD_SPLIT.split(text)
    starts = list(itertools.accumulate(map(len, parts), initial=0))
    return list(zip(starts[1:-1:2], parts[1::2], strict=True))


# A possible sentence end: terminal punctuation and closers before a space and a word (the
# space and the opener are looked at, not taken), or a line break. Whether the word may open a
# sentence and whether a dot ends an abbreviation are decided in Python, at these few places.
_END = re.compile(r"""(?:\.\s\.\s\.|[.!?…؟۔]+)["'”’»)\]]*(?=[^\S\n]+["'“‘«(\[]?\w)|\n""")
_NEXT_WORD = re.compile(r"""[^\S\n]+["'“‘«(\[]?(\w)""")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){0,2}[^\W\d_]")


def _opens_sentence(ch: str) -> bool:
    """A word beginning with ``ch`` may open a sentence: a digit, a capital, or a letter of a
    script without case (Arabic); not a lower-case letter."""
    return ch.isdigit() or (ch.isalpha() and not ch.islower())


def is_abbreviation(word: str, following: str = "") -> bool:
    """Whether ``word`` (as written, without its final dot) is one of ``ABBREVIATIONS`` when a
    dot and ``following`` (the next word's first character) come after it."""
    low = word.lower()
    if low not in ABBREVIATIONS:
        return False
    if low in NUMBER_ABBREVIATIONS:
        return following.isdigit()
    return low not in CAPITALISED_ABBREVIATIONS or word[:1].isupper()


def _dot_ends_word(text: str, dot: int, line_start: int, following: str) -> bool:
    """Is the ``.`` at ``dot`` the end of an abbreviation or an initial?"""
    m = _WORD_BEFORE.search(text, max(line_start, dot - 12), dot)
    if m is None:
        return False
    word = m.group(0).lstrip(".")
    if not word:
        return False
    if is_abbreviation(word, following):
        return True
    # an initial ("W."), dotted initials and acronyms ("U.S", "D.C", "J.R.R")
    return _INITIALS.fullmatch(word) is not None and (len(word) > 1 or word.isupper())


def split_span(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (absolute offsets, trimmed of surrounding space)."""
    end = len(text) if end is None else end
    cuts: list[int] = []  # where a sentence ends; the next begins after the space
    line_start = start
    for m in _END.finditer(text, start, end):
        at = m.start()
        if text[at] == "\n":
            cuts.append(at)
            line_start = at + 1
            continue
        nxt = _NEXT_WORD.match(text, m.end(), end)
        if nxt is None:
            continue
        following = nxt.group(1)
        if not _opens_sentence(following):
            continue
        punct = m.group(0)
        if (
            punct[0] == "."
            and punct[1:2] not in (".", " ")
            and _dot_ends_word(text, at, line_start, following)
        ):
            continue
        cuts.append(m.end())
    cuts.append(end)
    spans: list[tuple[int, int]] = []
    s = start
    for e in cuts:
        piece = text[s:e]
        stripped = piece.strip()
        if stripped:
            a = s + len(piece) - len(piece.lstrip())
            spans.append((a, a + len(stripped)))
        s = e
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, trimmed of surrounding space."""
    return split_span(text, 0, len(text))


class TextAnalysis:
    """The words and sentences of one text, each computed on first use and kept.

    ``memo`` holds what readers derive from them (the date matches, the events found) so
    that the next reader of the same text does not compute it again."""

    __slots__ = ("_sentence_starts", "_sentences", "_tokens", "memo", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: list[tuple[int, str]] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_starts: list[int] | None = None
        self.memo: dict = {}

    @property
    def tokens(self) -> list[tuple[int, str]]:
        """``(start, word)`` of every word (see ``word_tokens``); do not modify the list."""
        if self._tokens is None:
            self._tokens = word_tokens(self.text)
        return self._tokens

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every sentence, in order (see ``split_span``)."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text)
        return self._sentences

    @property
    def sentence_starts(self) -> list[int]:
        """The sentences' starts, for ``bisect``."""
        if self._sentence_starts is None:
            self._sentence_starts = [s for s, _ in self.sentences]
        return self._sentence_starts

    def sentence_index(self, pos: int) -> int:
        """The index of the last sentence starting at or before ``pos`` (-1: none)."""
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (the one before it when ``pos`` is in the space between
        two); ``(0, 0)`` before the first."""
        i = self.sentence_index(pos)
        return self.sentences[i] if i >= 0 else (0, 0)


# The last text's analysis. A tuple replaced at once, so threads at worst recompute.
_last: tuple[str, TextAnalysis] = ("", TextAnalysis(""))


def analysis_of(text: str) -> TextAnalysis:
    """The analysis of ``text``: the same object for the same text as the last call."""
    global _last
    last, analysis = _last
    if last is text or last == text:
        return analysis
    analysis = TextAnalysis(text)
    _last = (text, analysis)
    return analysis


def forget() -> None:
    """Drop the remembered analysis (a benchmark that repeats one text measures all the work)."""
    global _last
    _last = ("", TextAnalysis(""))
