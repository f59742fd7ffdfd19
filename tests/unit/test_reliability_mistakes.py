"""Mistakes are said, not accepted in silence: a missing or folder corrections file, a worker
count below one, config values of the wrong type (issue 18, family 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from idlibtui.cli.main import main
from idlibtui.config import config_dir
from idlibtui.search.build import update_index

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def _run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", [["index", "--progress=none"], ["search", "idlib"]])
def test_corrections_naming_a_missing_file(corpus, tmp_path, capsys, command) -> None:
    missing = tmp_path / "typo.toml"
    code, err = _run(
        capsys, "--corpus", str(corpus), "--index", str(tmp_path / "ix"),
        "--corrections", str(missing), *command,
    )  # fmt: skip
    assert code == 2 and "no corrections file at" in err and "typo.toml" in err
    assert not (tmp_path / "ix").exists()


def test_corrections_naming_a_folder(corpus, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("IDLIBTUI_CORRECTIONS", str(tmp_path))
    code, err = _run(capsys, "--corpus", str(corpus), "--index", str(tmp_path / "ix"), "index")
    assert code == 2 and "is a folder" in err


def test_the_default_corrections_file_may_be_missing(corpus, tmp_path, capsys) -> None:
    """The app passes the default path on to its index process: missing, it is no mistake."""
    default = config_dir() / "entities.toml"
    assert not default.exists()
    code, _err = _run(
        capsys, "--corpus", str(corpus), "--index", str(tmp_path / "ix"),
        "--corrections", str(default), "index", "--progress=none", "--workers=1",
    )  # fmt: skip
    assert code == 0


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_index_workers_below_one(corpus, tmp_path, capsys, value) -> None:
    with pytest.raises(SystemExit) as stop:
        main(
            ["--corpus", str(corpus), "--index", str(tmp_path / "ix"), "index", "--workers", value]
        )
    assert stop.value.code == 2
    assert "--workers" in capsys.readouterr().err
    with pytest.raises(ValueError, match="at least 1"):
        update_index(corpus, tmp_path / "ix2", workers=0)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("corpus = 5", "corpus must be text in quotes"),
        ('index = ["a", "b"]', "index must be text in quotes"),
        ("corrections = true", "corrections must be text in quotes"),
        ("theme = 3.5", "theme must be text in quotes"),
        ('corpus = ""', "corpus is empty"),
    ],
)
def test_config_values_of_the_wrong_type(tmp_path, capsys, monkeypatch, line, said) -> None:
    config = tmp_path / "config.toml"
    config.write_text(line + "\n", encoding="utf-8")
    monkeypatch.setenv("IDLIBTUI_CONFIG", str(config))
    code, err = _run(capsys, "search", "idlib")
    assert code == 2 and said in err and "internal error" not in err
