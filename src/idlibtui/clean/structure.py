"""Line-level cleaning: metadata, boilerplate, captions, related links, typed blocks.

This module runs the pass (:func:`structure`); the rules live by job: ``lines`` (line spans and
shape), ``metadata`` (what the page says about itself: dates, bylines, trailers, datelines,
:class:`Info`), ``boilerplate`` (mastheads, credits, captions, promo, page chrome, repeated
lines), ``blocks`` (title, standfirst, subheadings versus related links), ``debris`` (inline
debris) and ``unwrap`` (hard line wraps).

Each non-empty line of the repaired text is a candidate block. Lines are classified in order:

1. metadata at the top (``date 2019-12-28``, bylines, "Published …" lines) and datelines;
2. boilerplate anywhere: known mastheads and footers (``outlets.json``), ``Source: …`` trailers,
   copyright lines, social and promo lines, photo/video captions and credits;
3. the title: a headline-shaped first line (short, no closing full stop) followed by body text;
4. related-article headlines versus subheadings (both are short lines with no full stop):

   - at the end of the article a run of such lines, together with "teasers" (a related story's
     headline and dek: two or three sentences of at most ten words, or a short question), is a
     block of related links: a subheading is never the last thing. One short line followed by
     one short non-question paragraph stays (a subheading and its paragraph); a lone closing
     sentence stays; nothing is removed if no body paragraph would be left;
   - after a "Read more:" / "Related Topics" line, the headline-shaped lines that follow are
     related links wherever they sit;
   - a short question ("What is at stake?") followed by body is a subheading, never dropped;
   - mid-text each candidate gets a score; related if the score reaches 2:
     +2 the outlet's template inserts related links (``related_links`` in ``outlets.json``),
     +1 eight or more words, +1 more for twelve or more (subheadings are short), only for a
        line that reads as an English headline (more English function words than foreign ones;
        no non-ASCII punctuation but quotes and dashes): other prose is not a link for its
        length alone,
     +1 starts with a number ("7 basic questions…") or has a "Label: headline" colon,
     −3 wrapped in quotes (translated outlets quote their subheadings: "Humanitarian disaster"),
     −1 five words or fewer,
     −1 shares a content word with the paragraph that follows (a subheading announces it).

Then inline debris in the kept paragraphs is repaired (doubled initials, machine-translation
leftovers, orphan closing quotes) and the blocks are joined by exactly one blank line.
"""

from __future__ import annotations

import datetime as dt

from idlibtui.clean import outlets
from idlibtui.clean.blocks import _classify_blocks, never_a_title
from idlibtui.clean.boilerplate import _classify_boilerplate, _keep_something, keep_a_gallery
from idlibtui.clean.chrome_phrases import drop_learnt_chrome
from idlibtui.clean.debris import inline_debris
from idlibtui.clean.edits import Edit, EditText
from idlibtui.clean.lines import _lines, kind_at
from idlibtui.clean.metadata import (
    _LEADING_DATE,
    _LEADING_PUBLISHED,
    _YEAR_MONTH,
    Info,
    _caption_dates,
    find_dateline,
    positional_pending,
)
from idlibtui.clean.stamps import parse_date
from idlibtui.clean.unwrap import unwrap_lines
from idlibtui.model import BlockKind

# the names the package (``clean/__init__.py``) and the HTML pass import from here
__all__ = [
    "_LEADING_DATE",
    "Info",
    "inline_debris",
    "kind_at",
    "never_a_title",
    "positional_pending",
    "structure",
    "unwrap_lines",
]


def structure(doc: EditText, info: Info) -> None:
    """Classify lines, drop boilerplate and metadata, repair inline debris, join blocks."""
    m = _LEADING_DATE.match(doc.text)
    source = "metadata line"
    if m is None:
        m, source = _LEADING_PUBLISHED.match(doc.text), "published line"
    if m:
        d = parse_date(m.group("date"))
        if d is not None:
            info.claim_date(d, source, m.group(0))
        else:
            month = _YEAR_MONTH.fullmatch(m.group("date"))
            if month and 1 <= int(month.group(2)) <= 12:
                d = dt.date(int(month.group(1)), int(month.group(2)), 1)
                info.claim_date(d, source, m.group(0), precision="month")
        doc.apply([Edit(m.start(), m.end(), "", "metadata", "leading date metadata")])

    lines = _lines(doc.text)
    info.typed_raw.sort()
    _classify_boilerplate(lines, info, doc)
    _keep_something(lines, info, doc)
    _caption_dates(lines, info)
    kept = [ln for ln in lines if ln.drop is None]
    outlet = outlets.lookup(info.source) if info.source else None
    _classify_blocks(kept, info, doc, outlet)
    keep_a_gallery(lines, info, doc)
    drop_learnt_chrome(lines, info.flags, doc.raw_pos)

    edits = [Edit(ln.start, ln.end, "", ln.drop[0], ln.drop[1]) for ln in lines if ln.drop]
    edits += [
        Edit(
            ln.start + ln.cut_from,
            ln.end,
            "",
            "boilerplate",
            ln.cut_note or "photo credit ending a paragraph",
        )
        for ln in lines
        if ln.drop is None and ln.cut_from is not None
    ]
    edits += [
        Edit(
            ln.start,
            ln.start + ln.cut_to,
            "",
            "boilerplate",
            ln.cut_note or "photo caption opening a paragraph",
        )
        for ln in lines
        if ln.drop is None and ln.cut_to is not None
    ]
    # Dateline at the head of the first body paragraph (not one whose head is a caption).
    body = [
        ln
        for ln in kept
        if ln.drop is None and ln.kind is BlockKind.PARAGRAPH and ln.cut_to is None
    ]
    titled = [k for k, ln in enumerate(kept) if ln.drop is None and ln.kind is BlockKind.TITLE]
    if titled:  # a date line left above the title is not where the dateline is
        # (each line's place in ``kept``: lines start apart, so no two of them are equal and
        # a line's place is where it is itself, found without comparing it with the others)
        place = {id(ln): k for k, ln in enumerate(kept)}
        body = [ln for ln in body if place[id(ln)] > titled[0]] or body
    # (or on a line of its own just above it: "WASHINGTON", "IDLIB-Anadolu Agency")
    at_body = lines.index(body[0]) if body else 0
    above = [ln for ln in lines[max(0, at_body - 2) : at_body] if ln.kind is not BlockKind.TITLE]
    where, end = find_dateline([ln.text for ln in body[:6]], info, [ln.text for ln in above])
    if where < -1:  # a line above the body: drop it, unless another pass did
        line = above[len(above) + 1 + where]
        if line.drop is None:
            edits.append(Edit(line.start, line.end, "", "metadata", "dateline"))
    elif end:
        at = body[where].start
        edits.append(Edit(at, at + end, "", "metadata", "dateline"))
    # Remember which raw spans were typed, for the final block list.
    for ln in kept:
        if ln.drop is None and ln.kind is not BlockKind.PARAGRAPH:
            info.line_types.append((doc.raw_pos(ln.start), doc.raw_pos(ln.end - 1) + 1, ln.kind))
    doc.apply(edits)
