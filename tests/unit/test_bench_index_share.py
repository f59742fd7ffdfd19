"""``bench.index_share`` measures every indexing step on the articles it samples."""

from __future__ import annotations

from pathlib import Path

from bench import index_share

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


def test_every_step_is_measured_on_the_sample(capsys) -> None:
    per = index_share.measure(SEEDS, 5)
    assert list(per) == list(index_share.STEPS)
    assert all(ms > 0 for ms in per.values()), per
    assert index_share.main([str(SEEDS), "--n", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == list(index_share.STEPS)
    assert lines[-1].startswith("indexing share")
