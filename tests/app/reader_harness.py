"""A bare Textual app that shows the reader or the compare screen, for tests and for driving
by hand with tui-probe before (or without) the full app:

    python -m tests.app.reader_harness corpus/001_a27e626ff12f024e.txt [QUERY]
    python -m tests.app.reader_harness --compare LEFT RIGHT [QUERY]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from idlibtui.config import Settings
from idlibtui.model import Article, Block, BlockKind, Figure, Mention, Repair

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"


def seed_settings(tmp: Path | None = None) -> Settings:
    base = tmp or ROOT
    return Settings(corpus=SEEDS, index=base / "no-index-here", corrections=base / "none.toml")


class HarnessApp(App):
    """Pushes one screen on top of an empty default screen (so `back` has somewhere to go)."""

    TITLE = "reader harness"

    def __init__(self, screen_factory, *, animations: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self._factory = screen_factory
        if not animations:
            self.animation_level = "none"

    def on_mount(self) -> None:
        self.push_screen(self._factory())


def build_article(
    paragraphs: list[str],
    *,
    title: str = "A test article",
    headings: dict[int, str] | None = None,
    figures: list[tuple] = (),
    entities: list[tuple[str, str, str]] = (),
    source: str = "Test Outlet",
    raw_noise: bool = True,
    article_id: str = "test",
    date=None,
    date_inferred: bool = False,
    date_evidence: str = "",
) -> Article:
    """An ``Article`` built by hand: figures/entities are found by exact text in the body.

    ``figures`` are ``(text, what)`` or ``(text, what, value)``; ``entities`` are
    ``(text, TYPE, canonical)``. With ``raw_noise`` the raw text has a ``&#39;``-style entity
    per apostrophe and a masthead line, and the repairs record them, like the cleaner's log.
    """
    headings = headings or {}
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0

    def add(kind: BlockKind, text: str) -> None:
        nonlocal position
        if parts:
            parts.append("\n\n")
            position += 2
        blocks.append(Block(kind, position, position + len(text)))
        parts.append(text)
        position += len(text)

    add(BlockKind.TITLE, title)
    for index, paragraph in enumerate(paragraphs):
        if index in headings:
            add(BlockKind.HEADING, headings[index])
        add(BlockKind.PARAGRAPH, paragraph)
    text = "".join(parts)
    found_figures = []
    for figure_text, what, *value in figures:
        for match in re.finditer(re.escape(figure_text), text):
            found_figures.append(
                Figure(
                    match.start(),
                    match.end(),
                    figure_text,
                    "count",
                    value=float(value[0]) if value else 1.0,
                    what=what,
                )
            )
    found_mentions = []
    for mention_text, kind, canonical in entities:
        for match in re.finditer(re.escape(mention_text), text):
            found_mentions.append(
                Mention(match.start(), match.end(), mention_text, kind, canonical)
            )
    raw = text
    repairs: list[Repair] = []
    if raw_noise:
        masthead = "The Daily MastheadNews You Trust\n\n"
        raw_parts = [masthead]
        repairs.append(Repair("boilerplate", 0, len(masthead), masthead, "", "masthead"))
        offset = len(masthead)
        cursor = 0
        for match in re.finditer("'", text):
            chunk = text[cursor : match.start()]
            raw_parts.append(chunk)
            offset += len(chunk)
            raw_parts.append("& # 39;")
            repairs.append(Repair("entity", offset, offset + 7, "& # 39;", "'", "&#39;"))
            offset += 7
            cursor = match.end()
        raw_parts.append(text[cursor:])
        raw = "".join(raw_parts)
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        raw=raw,
        text=text,
        blocks=tuple(blocks),
        title=title,
        source=source,
        date=date,
        date_inferred=date_inferred,
        date_evidence=date_evidence,
        repairs=tuple(repairs),
        figures=tuple(sorted(found_figures, key=lambda f: f.start)),
        entities=tuple(sorted(found_mentions, key=lambda m: m.start)),
    )


def long_article(words: int = 5000, *, article_id: str = "long") -> Article:
    """A ~``words``-word article (~6 chars a word) with headings, figures and entities."""
    sentence = (
        "Syrian government forces killed 12 civilians in Idlib on Monday, said the Syrian "
        "Observatory for Human Rights, while Turkey's President Recep Tayyip Erdogan warned "
        "that 700,000 people had fled toward the border with the rebels of Hayat Tahrir al-Sham. "
    )
    per_sentence = len(sentence.split())
    paragraphs = []
    count = 0
    index = 0
    while count < words:
        paragraph = " ".join(sentence.strip() for _ in range(3))
        paragraphs.append(f"({index}) {paragraph}")
        count += 3 * per_sentence + 1
        index += 1
    headings = {i: f"Section {i // 8 + 1}" for i in range(0, len(paragraphs), 8)}
    return build_article(
        paragraphs,
        title="A long report on Idlib",
        headings=headings,
        figures=[("12 civilians", "civilians killed"), ("700,000 people", "displaced")],
        entities=[
            ("Recep Tayyip Erdogan", "PERSON", "Recep Tayyip Erdogan"),
            ("Idlib", "PLACE", "Idlib"),
            ("Syrian Observatory for Human Rights", "ORG", "Syrian Observatory for Human Rights"),
            ("Hayat Tahrir al-Sham", "GROUP", "Hayat Tahrir al-Sham"),
        ],
        article_id=article_id,
    )


def main(argv: list[str]) -> int:
    from idlibtui.tui.screens.compare import CompareScreen
    from idlibtui.tui.screens.reader import ReaderScreen

    settings = seed_settings()
    if argv and argv[0] == "--compare":
        left, right = argv[1], argv[2]
        query = argv[3] if len(argv) > 3 else ""

        def factory() -> Screen:
            return CompareScreen(left, right, settings, query=query)
    else:
        path = argv[0] if argv else str(sorted(SEEDS.glob("*.txt"))[1])
        query = argv[1] if len(argv) > 1 else ""

        def factory() -> Screen:
            return ReaderScreen("", path, query, settings)

    HarnessApp(factory, animations=True).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
