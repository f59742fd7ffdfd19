"""Start-up: fresh index built with visible progress, missing/empty corpus, index errors."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import ProgressBar, Static

from idlibtui.config import Settings, config_file
from idlibtui.tui.app import IdlibApp
from idlibtui.tui.screens.indexing import IndexingScreen, NoCorpusScreen
from idlibtui.tui.screens.search import SearchScreen
from idlibtui.tui.widgets.results import ResultsList
from tests.app.conftest import screen_text, settle, wait_until


async def test_fresh_index_is_built_with_visible_progress_then_search(
    corpus_copy: Path, tmp_path: Path
) -> None:
    (corpus_copy / "zz_empty.txt").write_text("")  # skipped: the progress view lists it
    settings = Settings(corpus_copy, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, rounds=200)
        screen = app.screen
        assert isinstance(screen, IndexingScreen)  # stays up: one file was skipped
        assert screen.state == "done"
        assert (screen.done, screen.total) == (6, 6)
        assert "Done: 6 files, 1 skipped" in screen_text(app)
        assert [s.path for s in screen.skipped] == ["zz_empty.txt"]
        text = screen_text(app)
        assert "zz_empty.txt" in text and "empty file" in text
        assert "Enter: continue" in text
        bar = screen.query_one(ProgressBar)
        assert bar.percentage == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert len(app.screen.query_one(ResultsList).hits) == 5
        assert (tmp_path / "index").is_dir()


async def test_up_to_date_index_opens_without_the_indexing_screen(
    corpus_copy: Path, tmp_path: Path
) -> None:
    from tests.app.conftest import build_index

    build_index(corpus_copy, tmp_path / "index")
    settings = Settings(corpus_copy, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    pushed: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen_stack  # noqa: B018 - the search screen is there from the first frame
        pushed.append(type(app.screen).__name__)
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert len(app.screen.query_one(ResultsList).hits) == 5
        assert not any(isinstance(s, IndexingScreen) for s in app.screen_stack)


async def test_an_edited_corrections_file_updates_the_index(
    corpus_copy: Path, tmp_path: Path
) -> None:
    """A date set in the corrections file after the index was built reaches the results."""
    from tests.app.conftest import build_index

    build_index(corpus_copy, tmp_path / "index")
    corrections = tmp_path / "entities.toml"
    corrections.write_text('[article."001_a27e626ff12f024e.txt"]\ndate = 2020-02-11\n')
    settings = Settings(corpus_copy, tmp_path / "index", corrections)
    app = IdlibApp(settings, show_timings=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, rounds=200)
        results = app.screen.query_one(ResultsList)

        def corrected() -> bool:
            dates = {hit.path: hit.date for hit in results.hits}
            return str(dates.get("001_a27e626ff12f024e.txt")) == "2020-02-11"

        assert await wait_until(pilot, corrected)


async def test_changed_corpus_updates_the_index_first(corpus_copy: Path, tmp_path: Path) -> None:
    from tests.app.conftest import build_index

    build_index(corpus_copy, tmp_path / "index")
    extra = corpus_copy / "new_article.txt"
    extra.write_text(
        "Aid convoy reaches Idlib\n\nA convoy of aid trucks reached Idlib on Monday.\n"
    )
    settings = Settings(corpus_copy, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    shown: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        search = app.screen
        original = search.show_index_progress

        def spy(text):
            shown.append("" if text is None else text.plain)
            original(text)

        search.show_index_progress = spy
        await settle(pilot, rounds=200)
        # the old index's results came first; the update ran in the background, visibly
        assert app.screen is search
        assert any(line.startswith("Updating the index") for line in shown)
        assert shown[-1] == ""  # the progress line is gone once done
        assert len(search.query_one(ResultsList).hits) == 6
        assert any("up to date" in str(n.message) for n in app._notifications)


async def test_empty_corpus_says_how_to_point_at_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = IdlibApp(Settings(empty, tmp_path / "index", tmp_path / "c.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert await wait_until(pilot, lambda: isinstance(app.screen, NoCorpusScreen))
        text = screen_text(app)
        assert "The corpus folder has no files in it" in text
        # the message itself (the config path is long and wraps on screen)
        message = str(app.screen.query_one("#nocorpus-text", Static).content)
        for way in ("--corpus", "IDLIBTUI_CORPUS", str(config_file())):
            assert way in message
        # a file appears: r looks again and the app goes on to index it
        (empty / "one.txt").write_text("Shelling in Idlib\n\nShelling hit Idlib on Monday.\n")
        await pilot.press("r")
        await settle(pilot, rounds=200)
        assert await wait_until(pilot, lambda: not isinstance(app.screen, NoCorpusScreen))


async def test_missing_corpus_says_so(tmp_path: Path) -> None:
    app = IdlibApp(Settings(tmp_path / "nowhere", tmp_path / "index", tmp_path / "c.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoCorpusScreen)
        assert "The corpus folder does not exist" in screen_text(app)
        await pilot.press("q")
        assert app.return_code == 0


async def test_unopenable_index_is_reported_on_the_search_screen(tmp_path: Path) -> None:
    settings = Settings(tmp_path, tmp_path / "no-index", tmp_path / "c.toml")
    app = IdlibApp(settings, build_index=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "The index could not be opened" in screen_text(app)
        assert app.index is None


def _hanging_build(marker: Path):
    """A stand-in build process: reports one progress line, writes its pid, then hangs."""
    import sys

    code = (
        "import os, sys, time\n"
        f"open({str(marker)!r}, 'w').write(str(os.getpid()))\n"
        'print(\'{"done": 0, "total": 3, "phase": "scan"}\', flush=True)\n'
        "time.sleep(60)\n"
    )

    def command(settings, *, rebuild=False):
        return [sys.executable, "-c", code]

    return command


def _process_gone(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie (not yet reaped) counts as ended
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] == "Z"
    except OSError:
        return True


async def test_cancelling_a_build_ends_the_process_and_does_not_loop(
    corpus_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    import idlibtui.tui.indexing as indexing

    marker = tmp_path / "pid"
    monkeypatch.setattr(indexing, "build_command", _hanging_build(marker))
    settings = Settings(corpus_copy, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, IndexingScreen) and app.screen.total == 3 and marker.exists()
            ),
        )
        assert "0 / 3 files" in screen_text(app)
        pid = int(marker.read_text())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)  # not a new build
        assert "The index could not be opened" in screen_text(app)
    assert _process_gone(pid)


async def test_quitting_during_a_build_ends_the_process(
    corpus_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    import idlibtui.tui.indexing as indexing

    marker = tmp_path / "pid"
    monkeypatch.setattr(indexing, "build_command", _hanging_build(marker))
    settings = Settings(corpus_copy, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await wait_until(
            pilot, lambda: marker.exists() and isinstance(app.screen, IndexingScreen)
        )
        pid = int(marker.read_text())
        await pilot.press("q")
    assert app.return_code == 0
    assert _process_gone(pid)


async def test_rebuild_from_the_palette_command(corpus_copy: Path, tmp_path: Path) -> None:
    from tests.app.conftest import build_index

    build_index(corpus_copy, tmp_path / "index")
    settings = Settings(corpus_copy, tmp_path / "index", tmp_path / "none.toml")
    app = IdlibApp(settings, show_timings=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        search = app.screen
        (corpus_copy / "000_221080df3991f770.txt").unlink()
        rebuild = next(c for c in app.get_system_commands(search) if c.title == "Rebuild index")
        rebuild.callback()
        # push_screen updates the stack at once; a pause could outlast the whole (small) rebuild
        assert isinstance(app.screen, IndexingScreen) and app.screen.rebuild
        await settle(pilot, rounds=200)
        assert await wait_until(pilot, lambda: app.screen is search)
        results = search.query_one(ResultsList)
        assert await wait_until(pilot, lambda: len(results.hits) == 4), len(results.hits)
