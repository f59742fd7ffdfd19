"""Text repair: from a damaged raw article to the article a reader should see.

``clean_document`` never raises on any string, is idempotent on its own output, never leaves a
control character, and records every change as a :class:`~idlibtui.model.Repair` whose raw span
indexes the decoded input. Passes, in order: HTML (whole documents, then stray tags), entities,
mojibake, controls and escapes, spaces, line structure (metadata, boilerplate, captions, related
links, title, subheadings), inline debris, and the final join into blocks separated by one blank
line.
"""

from __future__ import annotations

import re

from idlibtui.clean.charfix import fix_controls, fix_entities, fix_spaces
from idlibtui.clean.chrome import inline_chrome
from idlibtui.clean.edits import Edit, EditText
from idlibtui.clean.html import html_document, stray_tags
from idlibtui.clean.mojibake import candidate_lines, fix_mojibake
from idlibtui.clean.structure import (
    _LEADING_DATE,
    Info,
    inline_debris,
    kind_at,
    positional_pending,
    structure,
    unwrap_lines,
)
from idlibtui.clean.textfix import (
    fix_c1_quotes,
    fix_entity_leftovers,
    fix_spaced_possessive,
    fix_unicode_forms,
)
from idlibtui.model import Article, Block, BlockKind, Repair
from idlibtui.versions import CLEANER_VERSION

__all__ = ["CLEANER_VERSION", "clean_document", "derive_title"]

_BLOCK_BREAK = re.compile(r"\n\s*")
_EXPOSING = frozenset({"dateline", "leading date metadata"})
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)\"”’])[.!?](?=\s|$)")


def derive_title(text: str, max_words: int = 12) -> str:
    """A short title from the first sentence, for articles that state none."""
    first = text.strip().split("\n", 1)[0] if text.strip() else ""
    # an excerpt cut before its first word (", que está cercado…", ".Tyrkia har…")
    first = first.lstrip(",.;:)]–—- ")
    m = _SENTENCE_END.search(first)
    sentence = first[: m.start()] if m else first
    words = sentence.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]) + " …"
    return " ".join(words)


def _is_html_document(text: str) -> bool:
    from idlibtui.ingest import is_html_text

    # the sniffing pattern needs a "<" in the first 4,096 characters it reads; most plain texts
    # have none, and finding that out takes a fraction of trying the pattern at every position
    return "<" in text[:4096] and is_html_text(text)


def clean_document(
    raw_text: str,
    *,
    path: str = "",
    article_id: str = "",
    encoding: str = "utf-8",
    is_html: bool = False,
) -> Article:
    """Clean one decoded document into an ``Article`` (never raises)."""
    raw = raw_text if isinstance(raw_text, str) else str(raw_text)
    try:
        return _clean(raw, path=path, article_id=article_id, encoding=encoding, is_html=is_html)
    except Exception:  # the cleaner must never raise: fall back to a plain, safe text
        return _fallback(raw, path=path, article_id=article_id, encoding=encoding)


def _clean(raw: str, *, path: str, article_id: str, encoding: str, is_html: bool) -> Article:
    doc = EditText(raw)
    info = Info(is_html=is_html)
    if is_html or _is_html_document(raw):
        info.is_html = True
        html_document(doc, info)
    fix_c1_quotes(doc)  # before the control pass deletes them
    for _ in range(4):  # a repair can expose another (a control inside mojibake…)
        before = doc.text
        fix_entity_leftovers(doc)
        fix_entities(doc)
        stray_tags(doc)
        fix_mojibake(doc)
        fix_controls(doc)
        if doc.text == before:
            break
    fix_unicode_forms(doc)
    fix_spaced_possessive(doc)
    settled, chars = doc.text, doc.chars
    fix_spaces(doc)
    if not info.is_html:
        unwrap_lines(doc)
    # Plain spaces and joined lines can complete mojibake ("â€\t" → "â€ "): look again, when
    # they changed a text ftfy had lines to look at (they make no new such line).
    if doc.text != settled and candidate_lines(settled, chars):
        for _ in range(2):
            settled = doc.text
            fix_mojibake(doc)
            fix_controls(doc)
            fix_spaces(doc)
            if doc.text == settled:
                break
    for _ in range(4):
        before = doc.text
        done = len(doc.repairs)
        inline_chrome(doc)
        inline_debris(doc)
        structure(doc, info)
        fix_spaces(doc)
        # Whole-line removals leave the other lines as they were; cutting text out of a line
        # (a dateline, a leading date) can expose more debris, so only then look again.
        if doc.text == before or not (
            any(r.note in _EXPOSING for r in doc.repairs[done:])
            or _LEADING_DATE.match(doc.text)
            or positional_pending(doc.text)
        ):
            break
    doc.sub(_BLOCK_BREAK, "\n\n", "space", "paragraph break")
    for raw_pos, note in sorted(info.flags.items()):
        # a mark, not a change: zero-width, so applying the repairs to raw still gives text
        doc.repairs.append(Repair("flag", raw_pos, raw_pos, "", "", note))
    text = doc.text
    stripped = text.strip()
    if stripped != text:
        edits = []
        if stripped:
            lead = len(text) - len(text.lstrip())
            if lead:
                edits.append(Edit(0, lead, "", "space", "space at the edges"))
            trail = len(text.rstrip())
            if trail < len(text):
                edits.append(Edit(trail, len(text), "", "space", "space at the edges"))
        else:
            edits.append(Edit(0, len(text), "", "space", "space at the edges"))
        doc.apply(edits)
    return _article(doc, info, path=path, article_id=article_id, encoding=encoding)


def _article(doc: EditText, info: Info, *, path: str, article_id: str, encoding: str) -> Article:
    text = doc.text
    blocks: list[Block] = []
    pos = 0
    types = sorted(info.line_types)
    while pos < len(text):
        end = text.find("\n\n", pos)
        if end < 0:
            end = len(text)
        kind = (kind_at(types, doc.raw_pos(pos)) if types else None) or BlockKind.PARAGRAPH
        blocks.append(Block(kind, pos, end))
        pos = end + 2
    title = ""
    title_blocks = [b for b in blocks if b.kind is BlockKind.TITLE]
    if title_blocks:
        title = text[title_blocks[0].start : title_blocks[0].end]
    elif info.title:
        title = info.title
    elif any(note.endswith("the page has no other text)") for note in info.flags.values()):
        title = ""  # a photo page: its caption is kept as the text, never made its title
    else:
        from idlibtui.clean.structure import never_a_title

        # the first block that can be a title: a date line or a caption above the text is not
        first = next((b for b in blocks if not never_a_title(text[b.start : b.end])), None)
        title = derive_title(text[first.start :] if first is not None else text)
    from idlibtui.clean.outlet_judge import settle

    settle(info, doc.raw, text)  # the outlet cues that need the whole page
    from idlibtui.clean.lang import detect_language
    from idlibtui.textsafe import printable

    return Article(
        id=article_id,
        path=path,
        raw=doc.raw,
        text=text,
        blocks=tuple(blocks),
        title=printable(title).strip(),
        source=printable(info.source).strip(),
        source_evidence=printable(info.source_evidence).strip(),
        dateline=printable(info.dateline).strip(),
        agency=printable(info.agency).strip(),
        date_claims=tuple(info.date_claims),
        photo_credit=printable("; ".join(info.credits)).strip(),
        encoding=encoding,
        repairs=tuple(doc.repairs),
        lang=detect_language(text),
    )


def _fallback(raw: str, *, path: str, article_id: str, encoding: str) -> Article:
    from idlibtui.textsafe import strip_terminal_controls

    cleaned = strip_terminal_controls(raw).encode("utf-8", "ignore").decode("utf-8")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", cleaned)]
    text = "\n\n".join(p for p in paragraphs if p)
    blocks = []
    pos = 0
    for p in text.split("\n\n") if text else []:
        blocks.append(Block(BlockKind.PARAGRAPH, pos, pos + len(p)))
        pos += len(p) + 2
    return Article(
        id=article_id,
        path=path,
        raw=raw,
        text=text,
        blocks=tuple(blocks),
        title=derive_title(text),
        encoding=encoding,
    )
