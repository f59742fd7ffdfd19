"""A damaged index file is found at open and said plainly with the fix, and ``idlibtui index``
repairs it; never a silent wrong answer or an internal error (issue 18, family 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from idlibtui import search
from idlibtui.cli.main import main
from idlibtui.search.backend import IndexUnavailable
from idlibtui.search.build import index_status, update_index
from idlibtui.search.schema import INDEX_NAME

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, Path, dict[str, int]]:
    base = tmp_path_factory.mktemp("damage")
    corpus = base / "corpus"
    shutil.copytree(SEEDS, corpus)
    update_index(corpus, base / "index", workers=1)
    ix = search.open_index(base / "index")
    answers = {q: ix.search(q).total for q in ("date:2019", "idlib", 'source:"Reuters"', "")}
    assert answers["date:2019"] > 0 and answers["idlib"] > 0
    return corpus, base / "index", answers


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])


def _garble(path: Path) -> None:
    """The same size, different bytes in the middle."""
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    for i in range(mid, min(len(data), mid + 16)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def _delete(path: Path) -> None:
    path.unlink()


CASES = [
    ("._stored.col", _truncate),
    (".source.col", _garble),
    (".year.col", _truncate),
    (".text_col.col", _garble),
    (".day.col", _delete),
    (".ent_dir.npz", _garble),
    (".ent_codes.u32", _truncate),
    (".b_pos.u16", _garble),
    (".b_ids.vb", _garble),
    (".b_cnt.u8", _truncate),
    (".trm", _truncate),
    (".pst", _garble),
    (".figures_col.col", _delete),
]


@pytest.mark.parametrize(
    ("suffix", "damage"), CASES, ids=[f"{s}-{d.__name__[1:]}" for s, d in CASES]
)
def test_damage_is_found_said_and_repaired(pristine, tmp_path, capsys, suffix, damage) -> None:
    corpus, source, answers = pristine
    index = tmp_path / "index"
    shutil.copytree(source, index)
    (victim,) = [p for p in index.iterdir() if p.name.endswith(suffix)]
    damage(victim)

    with pytest.raises(IndexUnavailable, match="is damaged") as raised:
        search.open_index(index)
    assert victim.name in str(raised.value) and "idlibtui index" in str(raised.value)
    code = main(["--index", str(index), "search", "date:2019"])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err and "internal error" not in err
    assert index_status(corpus, index).stale

    report = update_index(corpus, index, workers=1)
    assert report.rebuilt and any(victim.name in line for line in report.repaired)
    ix = search.open_index(index)
    assert {q: ix.search(q).total for q in answers} == answers
    assert not update_index(corpus, index, workers=1).repaired  # and it stays repaired


def test_a_plain_index_run_says_it_repaired(pristine, tmp_path, capsys) -> None:
    corpus, source, _answers = pristine
    index = tmp_path / "index"
    shutil.copytree(source, index)
    (victim,) = [p for p in index.iterdir() if p.name.endswith(".day.col")]
    victim.unlink()
    code = main(["--corpus", str(corpus), "--index", str(index), "index", "--progress=none"])
    out = capsys.readouterr().out
    assert code == 0 and "index rebuilt" in out and "damaged" in out and victim.name in out


def test_an_intact_index_opens_and_updates_without_repair(pristine, tmp_path) -> None:
    corpus, source, answers = pristine
    index = tmp_path / "index"
    shutil.copytree(source, index)
    assert search.open_index(index).search("").total == answers[""]
    report = update_index(corpus, index, workers=1)
    assert not report.repaired and not report.rebuilt and report.unchanged == answers[""]


def test_damage_without_a_record_is_said_not_an_internal_error(pristine, tmp_path, capsys):
    """An index built before integrity records: data that cannot be decoded at search time
    is an unreadable index with the fix, exit 2."""
    _corpus, source, _answers = pristine
    index = tmp_path / "index"
    shutil.copytree(source, index)
    (index / f"integrity-{INDEX_NAME}.json").unlink()
    (victim,) = [p for p in index.iterdir() if p.name.endswith("._stored.col")]
    _garble_all(victim)
    code = main(["--index", str(index), "search", "idlib"])
    err = capsys.readouterr().err
    assert code == 2 and "idlibtui index --rebuild" in err and "internal error" not in err


def _garble_all(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(8, len(data) - 8):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
