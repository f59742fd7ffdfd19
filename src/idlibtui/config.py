"""Where the corpus, the index and the user's files live.

Precedence, highest first: command-line flag, environment (``IDLIBTUI_CORPUS``,
``IDLIBTUI_INDEX``, ``IDLIBTUI_CORRECTIONS``), the user's config file
(``$XDG_CONFIG_HOME/idlibtui/config.toml`` with keys ``corpus``, ``index``, ``corrections``),
then ``corpus/`` and ``index/`` of the current directory.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "idlibtui"


def config_file() -> Path:
    return Path(os.environ.get("IDLIBTUI_CONFIG") or config_dir() / "config.toml")


def state_dir() -> Path:
    """``$XDG_STATE_HOME/idlibtui`` (default ``~/.local/state/idlibtui``)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "idlibtui"


def state_file() -> Path:
    """What the app remembers between runs (theme, last query, filters, marks), apart from the
    user's own config.toml, which we never rewrite: it may hold the user's comments and layout."""
    return state_dir() / "state.json"


def load_state() -> dict[str, object]:
    """The remembered UI state, or {} when there is none or it cannot be read (never fatal).

    Earlier versions kept it beside the config file; that file is read when there is no new
    one (the next save writes the new place)."""
    for path in (state_file(), config_dir() / "state.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def save_state(**changes: object) -> None:
    """Merge ``changes`` into the remembered state, atomically (a crash leaves the old file).

    Raises OSError when the folder cannot be written; callers decide how loud to be.
    """
    path = state_file()
    state = load_state()
    state.update(changes)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


class ConfigError(ValueError):
    """The user's config file cannot be read; the message says which file and why."""


def _read_user_config(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved locations for one run of the CLI or the app."""

    corpus: Path
    index: Path
    corrections: Path
    theme: str = ""


def resolve(
    corpus: str | os.PathLike[str] | None = None,
    index: str | os.PathLike[str] | None = None,
    corrections: str | os.PathLike[str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Combine flags, environment, config file and defaults into one ``Settings``."""
    here = cwd or Path.cwd()
    user = _read_user_config(config_file())

    def pick(flag: object, env: str, key: str, default: Path) -> Path:
        for value in (flag, os.environ.get(env), user.get(key)):
            if value:
                return Path(os.path.expanduser(str(value)))
        return default

    return Settings(
        corpus=pick(corpus, "IDLIBTUI_CORPUS", "corpus", here / "corpus"),
        index=pick(index, "IDLIBTUI_INDEX", "index", here / "index"),
        corrections=pick(
            corrections, "IDLIBTUI_CORRECTIONS", "corrections", config_dir() / "entities.toml"
        ),
        theme=str(user.get("theme", "")),
    )
