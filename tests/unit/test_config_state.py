"""The app's remembered state: merged on save, never fatal on read."""

from __future__ import annotations

from idlibtui.config import load_state, save_state, state_file


def test_save_merges_and_load_reads_back() -> None:
    save_state(theme="nord")
    save_state(other=1)
    assert load_state() == {"theme": "nord", "other": 1}
    assert not list(state_file().parent.glob(".*.tmp"))  # no temporary file left behind


def test_a_damaged_state_file_reads_as_empty() -> None:
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text("{not json", encoding="utf-8")
    assert load_state() == {}
    state_file().write_text("[1, 2]", encoding="utf-8")
    assert load_state() == {}
    save_state(theme="gruvbox")  # and saving replaces it
    assert load_state() == {"theme": "gruvbox"}
