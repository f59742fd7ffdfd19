"""The Textual face of idlibtui: the only package that imports Textual.

``launch(settings)`` runs the app and returns its exit status. Textual is imported only here,
lazily, so the CLI's other commands never pay for it.
"""

from __future__ import annotations

from typing import Any


def user_keymap() -> dict[str, str]:
    """``[keymap]`` of the user's config file: binding id → keys (e.g. ``"search.sort" = "o"``)."""
    import tomllib

    from idlibtui.config import config_file

    path = config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        return {}
    return {str(k): str(v) for k, v in table.items() if isinstance(v, str) and v.strip()}


def launch(settings: Any) -> int:
    """Open the app on ``settings.corpus`` / ``settings.index``; returns the exit status."""
    from idlibtui.tui.app import IdlibApp

    app = IdlibApp(settings, keymap=user_keymap())
    app.run()
    return int(app.return_code or 0)
