"""App test fixtures: a seed index built once per session, app factories, screen-text helpers."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from idlibtui.config import Settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"


def build_index(corpus: Path, index: Path) -> Path:
    """Build an index in this process (the app itself always builds in a child process)."""
    from idlibtui.search.build import update_index

    update_index(corpus, index, workers=1)
    return index


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(SEEDS, tmp_path_factory.mktemp("seed-index") / "index")


@pytest.fixture
def seed_settings(seed_index_dir: Path, tmp_path: Path) -> Settings:
    return Settings(corpus=SEEDS, index=seed_index_dir, corrections=tmp_path / "none.toml")


@pytest.fixture
def make_app(seed_settings: Settings) -> Callable[..., object]:
    """``make_app(**kw)`` → an ``IdlibApp`` on the seeds that opens the prebuilt index."""
    from idlibtui.tui.app import IdlibApp

    def make(settings: Settings | None = None, **kwargs: object) -> IdlibApp:
        kwargs.setdefault("build_index", False)
        kwargs.setdefault("show_timings", False)
        return IdlibApp(settings or seed_settings, **kwargs)

    return make


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the seed corpus (tests may add or break files in it)."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


async def settle(pilot, rounds: int = 50) -> None:
    """Wait until no worker runs and no message is pending, across chained workers."""
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(not w.is_finished for w in app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet >= 2:
            return


async def wait_until(pilot, condition, rounds: int = 400) -> bool:
    """Pump the app until ``condition()`` holds (a loaded CI machine is slower than a laptop).

    Bounded by ``rounds`` pauses; returns whether the condition came true. It never waits for
    workers to finish, so it also serves while a worker runs on (a build that hangs).
    """
    for _ in range(rounds):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


def screen_text(app) -> str:
    """What the terminal shows now, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def type_query(pilot, text: str) -> None:
    """Focus the query box, replace its text and submit it (Enter), then wait for results."""
    from textual.widgets import Input

    box = pilot.app.screen.query_one("#query", Input)
    box.focus()
    box.value = text
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def click_text(pilot, needle: str) -> bool:
    """Click where ``needle`` first shows on screen; False when it is not there."""
    for y, line in enumerate(screen_text(pilot.app).splitlines()):
        x = line.find(needle)
        if x >= 0:
            await pilot.click(offset=(x + 1, y))
            await pilot.pause()
            return True
    return False
