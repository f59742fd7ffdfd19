"""Hard line wraps: paragraphs that an export wrapped at a fixed width are joined again."""

from __future__ import annotations

import re

from idlibtui.clean.edits import Edit, EditText
from idlibtui.clean.lines import headline_shaped

_WRAP_END_OK = re.compile(r"[.!?:…\"”’)]$")


def unwrap_lines(doc: EditText) -> None:
    """Join paragraphs that an export hard-wrapped at a fixed width (most lines 55–90 long).

    In such a document a line joins the next one unless it is clearly a paragraph's end: short
    (under 3/4 of the wrap width) and ending in closing punctuation, or followed by a blank line.
    """
    text = doc.text
    if text.count("\n") < 6:
        return
    lines = text.split("\n")
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if len(lengths) < 6:
        return
    width = sorted(lengths)[int(len(lengths) * 0.8)]
    near = sum(1 for n in lengths if width - 25 <= n <= width)
    if not (55 <= width <= 100 and near >= 0.6 * len(lengths) and max(lengths) <= width + 10):
        return
    edits = []
    pos = 0
    for k, line in enumerate(lines[:-1]):
        cur = line.strip()
        nxt = lines[k + 1].strip()
        end = pos + len(line)
        pos = end + 1
        if not cur or not nxt:
            continue
        if len(cur) < 0.75 * width and (_WRAP_END_OK.search(cur) or headline_shaped(cur)):
            continue
        if nxt[:1] in "•*-–—" or re.match(r"^\d+[.)]\s", nxt):
            continue
        edits.append(Edit(end, end + 1, " ", "space", "hard line wrap"))
    doc.apply(edits)
