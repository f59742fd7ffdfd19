"""The article view's text geometry, without Textual: wrapping, lines, and offset mapping.

``ArticleView`` wraps an article once per width into *lines* that are ``(start, end)`` ranges of
the text it shows (the cleaned text, the raw text, or a placeholder). This module computes those
lines, finds the row that holds an offset and the offset under a cell, maps offsets between the
raw and the cleaned text through the article's repairs, and makes text safe to draw while
keeping every offset valid (a control character becomes a visible stand-in of the same length).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rich.cells import cell_len

from idlibtui.model import Article, Block, BlockKind

# Length-preserving replacement of anything that must not reach a terminal: C0 controls (shown as
# control pictures), DEL, C1 controls and bidi overrides/isolates (shown as U+FFFD), tab as a space.
_DISPLAY = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_DISPLAY.update({0x09: 0x20, 0x7F: 0x2421})
_DISPLAY.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_DISPLAY.update({c: 0xFFFD for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})

_TOKEN = re.compile(r"\s*\S+\s*|\s+")

SPACER = -1
"""``Line.block`` of a blank line between two blocks."""
PLACEHOLDER = -2
"""``Line.block`` of a line of the placeholder shown while there is no article."""


def display_text(text: str) -> str:
    """The same string with control, bidi and tab characters replaced one for one."""
    return text.translate(_DISPLAY)


def wrap_range(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Word-wrap ``text[start:end]`` to ``width`` cells; return ``(start, end)`` line ranges.

    Line breaks in the range are hard breaks (the newline belongs to no line); a word wider than
    the line is folded by characters; trailing spaces hang past the margin.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    para_start = start
    while True:
        newline = text.find("\n", para_start, end)
        para_end = end if newline == -1 else newline
        if para_end > para_start and text[para_end - 1] == "\r":
            para_end -= 1
        _wrap_paragraph(text, para_start, para_end, width, lines)
        if newline == -1:
            break
        para_start = newline + 1
    return lines


def _wrap_paragraph(
    text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]
) -> None:
    if start >= end:
        lines.append((start, start))
        return
    if cell_len(text[start:end].rstrip()) <= width:
        lines.append((start, end))
        return
    line_start = start
    line_width = 0
    for match in _TOKEN.finditer(text, start, end):
        token_start = match.start()
        token = match.group()
        word = token.rstrip()
        word_width = cell_len(word)
        tail_width = cell_len(token) - word_width
        if line_width + word_width <= width:
            line_width += word_width + tail_width
            continue
        if line_width > 0 and token_start > line_start:
            lines.append((line_start, token_start))
            line_start = token_start
            line_width = 0
        if word_width <= width:
            line_width = word_width + tail_width
            continue
        # A word longer than a line: fold it by characters.
        for index, char in enumerate(word):
            char_width = cell_len(char)
            if line_width + char_width > width and line_width > 0:
                lines.append((line_start, token_start + index))
                line_start = token_start + index
                line_width = 0
            line_width += char_width
        line_width += tail_width
    if line_start < end or not lines:
        lines.append((line_start, end))


@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line: a range of the shown text and the block it belongs to."""

    start: int
    end: int
    block: int  # index into the current document's blocks; SPACER or PLACEHOLDER otherwise
    kind: str


def fallback_blocks(text: str) -> list[Block]:
    """Paragraph blocks split on blank lines, for an article without blocks."""
    blocks = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if match.group().strip():
            blocks.append(Block(BlockKind.PARAGRAPH, match.start(), match.end()))
    return blocks


def layout_lines(article: Article | None, raw: bool, placeholder: str, width: int) -> list[Line]:
    """The wrapped lines of what the view shows: the placeholder (no article), the raw text,
    or the cleaned text block by block with a blank line between blocks."""
    lines: list[Line] = []
    if article is None:
        for start, end in wrap_range(placeholder, 0, len(placeholder), width):
            lines.append(Line(start, end, PLACEHOLDER, "empty"))
    elif raw:
        for start, end in wrap_range(article.raw, 0, len(article.raw), width):
            lines.append(Line(start, end, 0, "raw"))
    else:
        blocks = list(article.blocks) or fallback_blocks(article.text)
        for index, block in enumerate(blocks):
            start = max(0, min(block.start, len(article.text)))
            end = max(start, min(block.end, len(article.text)))
            if lines:
                lines.append(Line(start, start, SPACER, ""))
            kind = str(block.kind)
            for line_start, line_end in wrap_range(article.text, start, end, width):
                lines.append(Line(line_start, line_end, index, kind))
    return lines


def content_index(lines: list[Line]) -> tuple[list[int], list[int]]:
    """(start offsets, rows) of the lines that hold text (not spacers), for ``offset_to_row``."""
    starts: list[int] = []
    rows: list[int] = []
    for row, line in enumerate(lines):
        if line.block >= 0 or line.block == PLACEHOLDER:
            starts.append(line.start)
            rows.append(row)
    return starts, rows


def offset_to_row(starts: list[int], rows: list[int], offset: int) -> int:
    """The row of the line holding ``offset`` (given ``content_index``'s lists)."""
    if not starts:
        return 0
    index = bisect.bisect_right(starts, offset) - 1
    return rows[max(0, index)]


def row_offset(lines: list[Line], row: int) -> int:
    """The text offset where ``row`` starts (a spacer belongs to the block that follows it)."""
    if not lines:
        return 0
    row = max(0, min(row, len(lines) - 1))
    while lines[row].block == SPACER and row + 1 < len(lines):
        row += 1
    return lines[row].start


def offset_in_line(text: str, line: Line, column: int) -> int:
    """The offset of ``text`` under cell ``column`` of ``line`` (its last character past the
    end, its first left of the margin)."""
    if column < 0:
        return line.start
    position = line.start
    width = 0
    while position < line.end:
        width += cell_len(text[position])
        if width > column:
            return position
        position += 1
    return max(line.start, line.end - 1) if line.end > line.start else line.start


def clean_to_raw(article: Article, offset: int) -> int:
    """Where a cleaned-text offset falls in the raw text, through the article's repairs."""
    delta = 0
    for repair in sorted(article.repairs, key=lambda r: r.raw_start):
        cleaned_at = repair.raw_start - delta
        # A repair right at ``offset`` maps to its raw start, so text the cleaner removed
        # there (a masthead above the first line) is shown, not scrolled past.
        if cleaned_at >= offset:
            break
        delta += (repair.raw_end - repair.raw_start) - len(repair.replacement)
    return max(0, min(len(article.raw), offset + delta))


def raw_to_clean(article: Article, offset: int) -> int:
    """Where a raw-text offset falls in the cleaned text (inside a repair: its replacement)."""
    delta = 0
    for repair in sorted(article.repairs, key=lambda r: r.raw_start):
        if repair.raw_start >= offset:
            break
        removed = (repair.raw_end - repair.raw_start) - len(repair.replacement)
        if repair.raw_end > offset:
            removed = max(0, offset - repair.raw_start - len(repair.replacement))
        delta += removed
    return max(0, min(len(article.text), offset - delta))
