"""User corrections: fix a wrong entity, or an article's date, outlet or title, without
touching code or the corpus files.

The file is TOML (its path comes from ``Settings.corrections``: the ``--corrections`` flag,
``IDLIBTUI_CORRECTIONS``, the ``corrections`` key of the config file, or
``~/.config/idlibtui/entities.toml``). A missing file means no corrections. Every section is
optional; top-level keys (``suppress``) must come before the first ``[table]``::

    # Stop finding these: surface texts or canonical names, compared without case.
    suppress = ["Darkness", "Post"]

    # A new entity, or more spellings of a known one. type is PERSON, PLACE, ORG or GROUP.
    # Naming a known entity with another type re-types it.
    [[entity]]
    name = "Abu Mohammad al-Halabi"
    type = "PERSON"
    aliases = ["Abu Mohammad", "al-Halabi"]

    [[entity]]
    name = "Kafr Nabl"
    type = "PLACE"
    aliases = ["Kafranbel", "Kafr Nubl"]

    # Merges: mentions whose canonical name is the key are counted under the value.
    [merge]
    "Khan Sheikhoun" = "Khan Shaykhun"
    "Idlib city" = "Idlib"

    # Renames: the canonical name shown and indexed changes; old spellings keep matching.
    [rename]
    "Maarat al-Numan" = "Maʿarrat al-Nuʿmān"

    # An article's metadata, when the cleaner got it wrong or the file has none. The key is the
    # corpus-relative path (as the index and the app show it) or the article id. Any of the
    # three keys may be left out. The pipeline applies this after cleaning and before
    # annotation, so "on Monday" and "last week" resolve against the date set here, the date
    # no longer counts as inferred, and its evidence names this file.
    [article."001_a27e626ff12f024e.txt"]
    date = 2020-02-11            # a TOML date, or the same in quotes: "2020-02-11"
    source = "Deutsche Welle"
    title = "Turkey warns Syria after soldiers killed in Idlib"

Matching ignores case, diacritics, apostrophes, hyphens and the al-/el-/an- article, so an
alias needs listing only when its letters differ. A file that cannot be read raises
``CorrectionsError`` naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from idlibtui.annotate.entities import TYPES, EntityFinder, base_gazetteer
from idlibtui.config import ConfigError


class CorrectionsError(ConfigError):
    """The corrections file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class EntityEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


ARTICLE_KEYS = ("date", "source", "title")


@dataclass(frozen=True)
class ArticleOverride:
    """What an ``[article."<path or id>"]`` section sets; None or "" means keep the article's."""

    date: dt.date | None = None
    source: str = ""
    title: str = ""


def _article_key(key: str) -> str:
    key = key.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


@dataclass(frozen=True)
class Corrections:
    """A loaded corrections file; ``finder()`` compiles it over the shipped gazetteer once."""

    path: str = ""
    entities: tuple[EntityEntry, ...] = ()
    merges: tuple[tuple[str, str], ...] = ()
    renames: tuple[tuple[str, str], ...] = ()
    suppress: tuple[str, ...] = ()
    articles: tuple[tuple[str, ArticleOverride], ...] = ()
    events: tuple = ()  # user [[event]] tables: the timeline's events, added or replaced
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def empty(self) -> bool:
        """No entity corrections (``articles`` do not change the entity finder)."""
        return not (self.entities or self.merges or self.renames or self.suppress)

    def article_override(self, relative_path: str, article_id: str = "") -> ArticleOverride | None:
        """The ``[article]`` section for this corpus-relative path (or, failing that, id)."""
        if not self.articles:
            return None
        table = self._cache.get("articles")
        if table is None:
            table = dict(self.articles)
            self._cache["articles"] = table
        found = table.get(_article_key(relative_path))
        if found is None and article_id:
            found = table.get(article_id)
        return found

    def timeline(self) -> tuple:
        """The events timeline with the user's events (the shipped one when there are none)."""
        from idlibtui.annotate.events import base_events, merge_events

        if not self.events:
            return base_events()
        cached = self._cache.get("timeline")
        if cached is None:
            cached = self._cache["timeline"] = merge_events(base_events(), self.events)
        return cached

    def finder(self) -> EntityFinder:
        cached = self._cache.get("finder")
        if cached is not None:
            return cached
        gaz = base_gazetteer().copy()
        for entry in self.entities:
            gaz.add(entry.name, entry.type, list(entry.aliases))
        mapping = dict(self.merges)
        for old, new in self.renames:
            old_entity = gaz.entities.get(old.casefold())
            if old_entity is not None:
                gaz.add(new, old_entity.type, [])
                gaz.entities[old.casefold()] = gaz.entities[new.casefold()]
            mapping[old] = new
        finder = EntityFinder(gaz, frozenset(self.suppress), mapping)
        self._cache["finder"] = finder
        return finder


def _line_of(text: str, needle: str, after: int = 1) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if number >= after and needle and needle in line:
            return number
    return after


def parse_corrections(text: str, path: str = "<corrections>") -> Corrections:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionsError(f"cannot read corrections file {path}: {exc}") from exc

    def fail(message: str, needle: str) -> CorrectionsError:
        return CorrectionsError(f"{path}, line {_line_of(text, needle)}: {message}")

    known = {"entity", "merge", "rename", "suppress", "article", "event", "phrases"}
    for key in data:
        if key not in known:
            raise fail(
                f"unknown section {key!r} (expected entity, merge, rename, suppress, article, "
                "event)",
                key,
            )
    entries = _entity_entries(data.get("entity", []), fail)

    def pairs(section: str) -> tuple[tuple[str, str], ...]:
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise fail(f'[{section}] must be a table of "old" = "new"', section)
        out = []
        for old, new in table.items():
            if not isinstance(new, str) or not new.strip():
                raise fail(f"[{section}] {old!r} must map to a name in quotes", old)
            out.append((old, new.strip()))
        return tuple(out)

    suppress = data.get("suppress", [])
    if isinstance(suppress, str):
        suppress = [suppress]
    if not isinstance(suppress, list) or not all(isinstance(s, str) for s in suppress):
        raise fail("suppress must be a list of names in quotes", "suppress")
    return Corrections(
        path,
        tuple(entries),
        pairs("merge"),
        pairs("rename"),
        tuple(suppress),
        _articles(data.get("article", {}), text, path),
        _events(data, path),
    )


def _entity_entries(
    raw_entities: object, fail: Callable[[str, str], CorrectionsError]
) -> list[EntityEntry]:
    """The ``[[entity]]`` tables, checked: a name, a known type, aliases as strings."""
    if not isinstance(raw_entities, list):
        raise fail("'entity' must be a list of tables: write [[entity]]", "entity")
    entries: list[EntityEntry] = []
    for item in raw_entities:
        if not isinstance(item, dict):
            raise fail("each [[entity]] must be a table", "entity")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail('an [[entity]] needs a name = "..."', "[[entity]]")
        type_ = str(item.get("type", "")).upper()
        if type_ not in TYPES:
            raise fail(f"entity {name!r}: type must be one of {', '.join(TYPES)}", name)
        aliases = item.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise fail(f"entity {name!r}: aliases must be a list of strings", name)
        entries.append(EntityEntry(name.strip(), type_, tuple(a for a in aliases if a.strip())))
    return entries


def _events(data: dict, path: str) -> tuple:
    """The user's ``[[event]]`` tables, in the timeline's own shape (see events.toml)."""
    if "event" not in data:
        return ()
    from idlibtui.annotate.events import EventsError, events_from_dicts

    raw = data["event"]
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise CorrectionsError(f"{path}: 'event' must be a list of tables: write [[event]]")
    sets = data.get("phrases", {})
    if not isinstance(sets, dict):
        raise CorrectionsError(f"{path}: [phrases] must be a table of name = [phrases]")
    try:
        return events_from_dicts(raw, path, user=True, sets=sets)
    except EventsError as exc:
        raise CorrectionsError(str(exc)) from exc


def _articles(table: object, text: str, path: str) -> tuple[tuple[str, ArticleOverride], ...]:
    """Validate the ``[article."<path>"]`` sections."""

    def fail(message: str, needle: str, after: int = 1) -> CorrectionsError:
        return CorrectionsError(f"{path}, line {_line_of(text, needle, after)}: {message}")

    if not isinstance(table, dict):
        raise fail('write one [article."<corpus path or id>"] table per article', "article")
    out: dict[str, ArticleOverride] = {}
    for raw_key, item in table.items():
        key = _article_key(raw_key)
        header = _line_of(text, raw_key) if raw_key else _line_of(text, "article")
        if not key:
            raise fail("[article] needs a corpus path or article id in quotes", "article")
        if not isinstance(item, dict):
            raise fail(f"[article.{raw_key!r}] must be a table of date, source, title", raw_key)
        unknown = [k for k in item if k not in ARTICLE_KEYS]
        if unknown:
            raise fail(
                f"article {raw_key!r}: unknown key {unknown[0]!r} (expected date, source, title)",
                unknown[0],
                header,
            )
        if not item:
            raise fail(f"article {raw_key!r} sets nothing (expected date, source, title)", raw_key)
        date = item.get("date")
        if date is not None:
            date = _parse_day(date)
            if date is None:
                raise fail(
                    f"article {raw_key!r}: date must be a day like 2020-02-11, "
                    f"not {item['date']!r}",
                    "date",
                    header,
                )
        fields = {}
        for name in ("source", "title"):
            value = item.get(name, "")
            if not isinstance(value, str) or (name in item and not value.strip()):
                raise fail(f"article {raw_key!r}: {name} must be text in quotes", name, header)
            fields[name] = " ".join(value.split())
        if key in out:
            raise fail(f"article {raw_key!r} is corrected twice", raw_key)
        out[key] = ArticleOverride(date, fields["source"], fields["title"])
    return tuple(out.items())


def _parse_day(value: object) -> dt.date | None:
    """A TOML local date, or "YYYY-MM-DD" in quotes; anything else (a time, "Feb 11") is None."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        value = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return None
    return None


_LOADED: dict[str, tuple[float, Corrections]] = {}


def load_corrections(path: str | os.PathLike[str] | None) -> Corrections:
    """Read (and cache by modification time) a corrections file; no file means no corrections."""
    if path is None:
        return Corrections()
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError:
        return Corrections(str(p))
    key = str(p)
    hit = _LOADED.get(key)
    if hit and hit[0] == mtime:
        return hit[1]
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"cannot read corrections file {p}: {exc}") from exc
    corrections = parse_corrections(text, str(p))
    _LOADED[key] = (mtime, corrections)
    return corrections
