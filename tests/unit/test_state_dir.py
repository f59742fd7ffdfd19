"""The remembered state lives under the XDG state directory; the old file is still read."""

from __future__ import annotations

import json

from idlibtui.config import config_dir, load_state, save_state, state_file


def test_state_lives_under_xdg_state_home(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "st"))
    assert state_file() == tmp_path / "st" / "idlibtui" / "state.json"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert state_file() == tmp_path / "home" / ".local" / "state" / "idlibtui" / "state.json"


def test_the_state_kept_beside_the_config_file_is_read_then_moved_on_save() -> None:
    old = config_dir() / "state.json"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(json.dumps({"theme": "nord"}), encoding="utf-8")
    assert load_state() == {"theme": "nord"}
    save_state(search={"query": "idlib"})
    assert json.loads(state_file().read_text(encoding="utf-8")) == {
        "theme": "nord",
        "search": {"query": "idlib"},
    }
    assert load_state()["search"] == {"query": "idlib"}
