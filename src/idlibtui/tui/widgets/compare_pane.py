"""One side of the compare screen: its article view and the two-line header above it.

The pane is an ``ArticleView`` whose raw key stays out of the footer so that the compare verbs
fit; the header names the article (or says it is loading or cannot be opened) with its outlet,
date, length and match counter. Everything from the article is literal text, never markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from idlibtui.datelabel import article_date_text
from idlibtui.model import Article, IngestProblem
from idlibtui.tui.safe import plain
from idlibtui.tui.widgets.article_view import ArticleView


def pane_header(
    article: Article | IngestProblem | None, path: str, counter: str, *, narrow: bool = False
) -> Content:
    """Title, then outlet · date · length and the match counter (narrow: the counter comes
    before the date, and the length is left out, so the ellipsis never eats the counter)."""
    if article is None:
        return Content.assemble(("loading… ", "italic $text-muted"), plain(Path(path).name))
    if isinstance(article, IngestProblem):
        return Content.assemble(("cannot open ", "bold $text-error"), plain(article.path))
    title = plain(article.title) or plain(Path(article.path).name)
    meta: list[str] = []
    if article.source:
        meta.append(plain(article.source))
    if article.date is not None:
        meta.append(article_date_text(article))
    if narrow:
        return Content.assemble(
            (title, "bold $text-primary"),
            "\n",
            (counter + "  " if counter else "", "bold"),
            (" · ".join(meta), "$text-muted"),
        )
    meta.append(f"{article.word_count:,} words")
    return Content.assemble(
        (title, "bold $text-primary"),
        "\n",
        (" · ".join(meta), "$text-muted"),
        ("  " + counter, "bold"),
    )


class ComparePane(ArticleView):
    """An ``ArticleView`` whose raw key stays out of the footer (it still works, and the help
    screen lists it), so the compare verbs fit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "toggle_raw", "Raw text", show=False, id="article.toggle_raw"),
    ]
