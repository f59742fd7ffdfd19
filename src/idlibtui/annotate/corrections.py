"""User corrections to the entity annotator: fix a wrong entity without touching code.

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

Matching ignores case, diacritics, apostrophes, hyphens and the al-/el-/an- article, so an
alias needs listing only when its letters differ. A file that cannot be read raises
``CorrectionsError`` naming the file and the line.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
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


@dataclass(frozen=True)
class Corrections:
    """A loaded corrections file; ``finder()`` compiles it over the shipped gazetteer once."""

    path: str = ""
    entities: tuple[EntityEntry, ...] = ()
    merges: tuple[tuple[str, str], ...] = ()
    renames: tuple[tuple[str, str], ...] = ()
    suppress: tuple[str, ...] = ()
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def empty(self) -> bool:
        return not (self.entities or self.merges or self.renames or self.suppress)

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


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle and needle in line:
            return number
    return 1


def parse_corrections(text: str, path: str = "<corrections>") -> Corrections:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionsError(f"cannot read corrections file {path}: {exc}") from exc

    def fail(message: str, needle: str) -> CorrectionsError:
        return CorrectionsError(f"{path}, line {_line_of(text, needle)}: {message}")

    known = {"entity", "merge", "rename", "suppress"}
    for key in data:
        if key not in known:
            raise fail(f"unknown section {key!r} (expected entity, merge, rename, suppress)", key)
    entries: list[EntityEntry] = []
    raw_entities = data.get("entity", [])
    if not isinstance(raw_entities, list):
        raise fail("'entity' must be a list of tables: write [[entity]]", "entity")
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
    return Corrections(path, tuple(entries), pairs("merge"), pairs("rename"), tuple(suppress))


def corrections_fingerprint(path: str | os.PathLike[str] | None) -> str:
    """A short hash of the corrections file's bytes ("" when there is none), for the index to
    store beside the pipeline version so that editing the file triggers re-annotation."""
    if path is None:
        return ""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return ""
    return hashlib.sha1(data).hexdigest()[:12]


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
