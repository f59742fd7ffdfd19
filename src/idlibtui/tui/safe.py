"""Turn untrusted strings into ``Content`` that is never parsed as markup (GUIDE §3).

Everything the app shows that came from the corpus, the index, the user or an error message goes
through here: titles, outlets, snippets, file names, query text, exception messages. Escape and
control sequences are removed (``idlibtui.textsafe``), and the text becomes ``Content`` with
styled spans, so ``[/]`` or ``[@click=app.quit]`` stay literal characters.

Styles are strings such as ``"bold $accent"``: Textual resolves the ``$`` variables from the
current theme when the content is rendered, so highlight colours follow the theme.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence

from rich.cells import cell_len
from textual.content import Content, Span

from idlibtui.textsafe import printable, strip_terminal_controls
from idlibtui.tui.article_text import display_text

_SPACES = re.compile(r"[ \t]{2,}")

HIT_STYLE = "bold $text-warning on $warning 20%"
"""How matched query words are shown in snippets and titles."""


def line(text: object, style: str = "") -> Content:
    """One printable line (newlines and tabs become spaces) as literal ``Content``."""
    plain = printable("" if text is None else str(text))
    content = Content(plain)
    return content.stylize(style) if style and plain else content


def plain(text: object) -> str:
    """One printable line of untrusted text as ``str`` (for ``Content.assemble`` pieces, never
    markup): controls removed, and anything a terminal would act on shown as a stand-in."""
    return display_text(printable("" if text is None else str(text)))


def block(text: object, style: str = "") -> Content:
    """Multi-line literal ``Content``: controls removed, newlines kept."""
    plain = strip_terminal_controls("" if text is None else str(text))
    content = Content(plain)
    return content.stylize(style) if style and plain else content


def highlighted(
    text: str,
    spans: Iterable[tuple[int, int]],
    style: str = HIT_STYLE,
    *,
    base: str = "",
    one_line: bool = True,
    squash: bool = False,
) -> Content:
    """``text`` with ``spans`` (offsets into ``text``) styled; offsets survive the cleaning.

    The text is cut at every span boundary and each piece is cleaned on its own, so removing a
    control character never shifts a highlight onto the wrong word. Bad spans are ignored.
    """
    text = text or ""
    clean: Callable[[str], str] = printable if one_line else strip_terminal_controls
    if squash:
        clean = _squashed(clean)
    cuts = {0, len(text)}
    good: list[tuple[int, int]] = []
    for start, end in spans:
        if 0 <= start < end <= len(text):
            good.append((start, end))
            cuts.update((start, end))
    bounds = sorted(cuts)
    pieces: list[tuple[str, bool]] = []
    for start, end in itertools.pairwise(bounds):
        inside = any(s <= start and end <= e for s, e in good)
        pieces.append((clean(text[start:end]), inside))
    plain = "".join(piece for piece, _ in pieces)
    out_spans: list[Span] = []
    position = 0
    for piece, inside in pieces:
        if inside and piece:
            out_spans.append(Span(position, position + len(piece), style))
        position += len(piece)
    content = Content(plain, out_spans)
    return content.stylize_before(base) if base and plain else content


def _squashed(clean: Callable[[str], str]) -> Callable[[str], str]:
    def run(text: str) -> str:
        return _SPACES.sub(" ", clean(text))

    return run


def template(markup: str, **values: object) -> Content:
    """Trusted ``markup`` with untrusted ``$values`` substituted as literal, printable text."""
    return Content.from_markup(
        markup, **{key: printable("" if v is None else str(v)) for key, v in values.items()}
    )


def join(parts: Sequence[Content | str], separator: Content | str = "") -> Content:
    """Join already-safe pieces; plain ``str`` pieces are treated as literal text."""
    sep = separator if isinstance(separator, Content) else Content(separator)
    return sep.join(part if isinstance(part, Content) else line(part) for part in parts)


def caret_under(query: str, position: int | None, width: int | None = None) -> Content:
    """The query on one line and a ``^`` under ``position`` (a character offset) below it."""
    text = printable(query)
    if position is None:
        return line(text)
    position = max(0, min(position, len(text)))
    start = 0
    if width and width > 4 and len(text) > width - 1:
        # Keep the caret on screen: show a window of the query around the position.
        start = max(0, min(position - (width // 2), len(text) - (width - 1)))
        text = text[start : start + width - 1]
    caret = " " * cell_len(text[: position - start]) + "^"
    return Content.assemble((text, ""), "\n", (caret, "bold $error"))
