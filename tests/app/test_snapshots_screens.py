"""Snapshots of the screens that had none: the raw view, the compare picker, the indexing
screen (mid-build, with skipped files) and the no-corpus screen, at 120x40 and 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from idlibtui.config import Settings
from idlibtui.tui.messages import IndexProgress, Skipped
from idlibtui.tui.screens.indexing import IndexingScreen, NoCorpusScreen
from idlibtui.tui.screens.reader import ReaderScreen, load
from tests.app.conftest import settle
from tests.app.reader_harness import SEEDS, HarnessApp, seed_settings

SIZES = [(120, 40), (80, 24)]
FIXED = Settings(
    corpus=Path("/home/analyst/reports/idlib"),
    index=Path("/home/analyst/.cache/idlibtui/index"),
    corrections=Path("/home/analyst/.config/idlibtui/entities.toml"),
)


async def _still(pilot) -> None:
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_raw_view_snapshot(snap_compare, size) -> None:
    settings = seed_settings()
    article = load(SEEDS / "004_3130d0606da1117a.txt", settings)
    app = HarnessApp(lambda: ReaderScreen("", "", "", settings, article=article))

    async def raw(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=raw)


@pytest.mark.parametrize("size", SIZES)
def test_picker_snapshot(snap_compare, make_app, size) -> None:
    async def picker(pilot) -> None:
        await settle(pilot)
        await pilot.press("escape", "enter")  # to the results, open the first
        await settle(pilot)
        await pilot.press("x")
        await _still(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=picker)


def test_picker_filtered_snapshot(snap_compare, make_app) -> None:
    async def picker(pilot) -> None:
        await settle(pilot)
        await pilot.press("escape", "enter")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press(*"ceasefire")
        await _still(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=picker)


class StillIndexing(IndexingScreen):
    """The indexing screen part-way through a build, without running one."""

    def _build(self) -> None:
        skipped = (
            Skipped("2019/empty-page.txt", "empty file"),
            Skipped("2020/scan.txt", "binary file (not text)"),
        )
        self.post_message(IndexProgress(0, 0, "scan", ""))
        self.post_message(IndexProgress(37, 120, "process", "2019/12/aleppo-offensive.txt"))
        self.post_message(IndexProgress(37, 120, "process", "2019/12/idlib-shelling.txt", skipped))


@pytest.mark.parametrize("size", SIZES)
def test_indexing_snapshot(snap_compare, size) -> None:
    app = HarnessApp(lambda: StillIndexing(FIXED, reason="no index yet"))
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_no_corpus_snapshot(snap_compare, size, monkeypatch) -> None:
    monkeypatch.setenv("IDLIBTUI_CONFIG", "/home/analyst/.config/idlibtui/config.toml")
    app = HarnessApp(lambda: NoCorpusScreen(FIXED, "does not exist"))
    assert snap_compare(app, terminal_size=size, run_before=settle)
