"""Shared fixtures: the bundled seed corpus and isolated settings (no user config is read)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Never read the developer's own config, corrections or environment."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # no remembered query or marks
    for name in ("IDLIBTUI_CORPUS", "IDLIBTUI_INDEX", "IDLIBTUI_CORRECTIONS", "IDLIBTUI_CONFIG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    return paths


@pytest.fixture(scope="module")
def whoosh_oracle():
    """Indexes built in the module keep the body's postings in Whoosh's files too (with
    positions), so that Whoosh's own search can serve as the oracle the fast path is compared
    with; the app's indexes keep them only in the sidecar (search/schema.py ``ORACLE_POSTINGS``).
    Use as ``pytestmark = pytest.mark.usefixtures("whoosh_oracle")``."""
    from idlibtui.search import schema

    old = schema.ORACLE_POSTINGS
    schema.ORACLE_POSTINGS = True
    yield
    schema.ORACLE_POSTINGS = old
