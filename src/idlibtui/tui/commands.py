"""Command palette providers: open an article by title, screen commands, themes.

Titles and outlets are untrusted: prompts are built as ``Content`` here, never handed to
``Matcher.highlight`` (which parses its argument as markup) or to ``help`` (also markup).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from idlibtui.tui import safe

if TYPE_CHECKING:
    from idlibtui.tui.app import IdlibApp

MAX_TITLE_HITS = 40


def _fuzzy_content(matcher: Any, text: str, style: str) -> Content:
    """``text`` as literal Content with the fuzzy-matched characters styled."""
    content = safe.line(text)
    plain = content.plain
    try:
        score, offsets = matcher.fuzzy_search.match(matcher.query, plain)
    except Exception:
        return content
    if score:
        for offset in offsets:
            if 0 <= offset < len(plain) and not plain[offset].isspace():
                content = content.stylize(style, offset, offset + 1)
    return content


class ArticleProvider(Provider):
    """ "Open article: <title>" for every article in the index (fuzzy on the title)."""

    async def startup(self) -> None:
        self._titles: list[tuple[str, str, str, Any]] = []
        index = getattr(self.app, "index", None)
        if index is None:
            return
        worker = self.app.run_worker(index.all_titles, thread=True, exit_on_error=False)
        await worker.wait()
        self._titles = list(worker.result or [])

    def _open(self, article_id: str) -> None:
        cast("IdlibApp", self.app).open_article(article_id)

    def _prompt(self, title: str, source: str, date: Any, matched: Content | None) -> Content:
        when = date.isoformat() if hasattr(date, "isoformat") else ""
        detail = " · ".join(x for x in (safe.line(source).plain, when) if x)
        shown = matched if matched is not None else safe.line(title)
        return Content.assemble(
            ("Open ", "$text-muted"), shown, (f"  {detail}" if detail else "", "$text-muted")
        )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found: list[tuple[float, Hit]] = []
        for article_id, title, source, date in self._titles:
            name = safe.line(title or article_id).plain
            score = matcher.match(name)
            if score > 0:
                prompt = self._prompt(
                    name, source, date, _fuzzy_content(matcher, name, "bold $accent")
                )
                found.append(
                    (
                        score,
                        Hit(score, prompt, partial(self._open, article_id), text=name),
                    )
                )
        found.sort(key=lambda item: -item[0])
        for _score, hit in found[:MAX_TITLE_HITS]:
            yield hit

    async def discover(self) -> Hits:
        for article_id, title, source, date in self._titles[:MAX_TITLE_HITS]:
            name = safe.line(title or article_id).plain
            yield DiscoveryHit(
                self._prompt(name, source, date, None),
                partial(self._open, article_id),
                text=name,
            )


def _plain_help(text: str) -> str:
    """Palette help is parsed as markup by Textual: keep it free of brackets."""
    return safe.line(text).plain.replace("[", "(").replace("]", ")")


def screen_commands(screen: Any) -> Iterable[tuple[str, str, Callable[[], Any]]]:
    """(name, help, callback) commands offered by the screen on top.

    A screen may define ``palette_commands()`` yielding ``(name, help, action)`` (actions run on
    the screen). Besides, every binding of the screen or of one of its own widgets whose action
    toggles something (``toggle_*``) is offered, so the reader's layer toggles show up here
    without the palette knowing the reader.
    """
    app = screen.app
    seen: set[str] = set()
    provided = getattr(screen, "palette_commands", None)
    if callable(provided):
        for name, help_text, action in provided():
            seen.add(action)
            yield name, help_text, partial(app.call_later, screen.run_action, action)
    for node in [screen, *screen.query("*")]:
        if not type(node).__module__.startswith("idlibtui."):
            continue
        for _key, binding in node._bindings:
            action = binding.action
            if not action.startswith("toggle") or action in seen:
                continue
            seen.add(action)
            name = binding.description or action.replace("_", " ")
            key = app.get_key_display(binding)
            yield f"Toggle: {name}", f"key {key}", partial(app.call_later, node.run_action, action)


class ScreenProvider(Provider):
    """Commands of the screen on top (layer toggles in the reader, sort and filters in search)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in screen_commands(self.screen):
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    _fuzzy_content(matcher, name, "bold $accent"),
                    callback,
                    text=name,
                    help=_plain_help(help_text),
                )

    async def discover(self) -> Hits:
        for name, help_text, callback in screen_commands(self.screen):
            yield DiscoveryHit(safe.line(name), callback, text=name, help=_plain_help(help_text))


class ThemeProvider(Provider):
    """ "Theme: <name>" for every registered theme."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in sorted(self.app.available_themes):
            label = f"Theme: {name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    _fuzzy_content(matcher, label, "bold $accent"),
                    partial(setattr, self.app, "theme", name),
                    text=label,
                    help="Switch the colour theme",
                )
