"""``idlibtui clean``: readable output, JSON lines, stdin, and bad files reported."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from idlibtui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_clean_json_on_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    paths = sorted(str(p) for p in (ROOT / "corpus").glob("*.txt"))
    assert main(["clean", "--json", *paths]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    records = [json.loads(line) for line in lines]
    for rec in records:
        for key in (
            "path",
            "title",
            "source",
            "date",
            "date_inferred",
            "date_evidence",
            "dateline",
            "text",
            "repairs",
            "blocks",
            "figures",
            "entities",
        ):
            assert key in rec, key
        assert "& # 39;" not in rec["text"] and "Democracy Dies" not in rec["text"]
    by_name = {Path(r["path"]).name[:3]: r for r in records}
    assert by_name["000"]["date"] == "2019-12-28" and by_name["000"]["date_inferred"] is False
    assert by_name["002"]["source"] == "TRT World"
    assert by_name["004"]["source"] == "The Washington Post"
    assert by_name["004"]["dateline"] == "ISTANBUL"


def test_clean_readable(capsys: pytest.CaptureFixture[str]) -> None:
    seed = sorted((ROOT / "corpus").glob("004_*.txt"))[0]
    assert main(["clean", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "Title:    Escalating Syrian and Russian airstrikes" in out
    assert "Outlet:   The Washington Post" in out
    assert "Dateline: ISTANBUL" in out
    assert "\n\nSyrian government and allied Russian warplanes" in out


def test_clean_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (
        "date 2020-01-02 Rebels \x1b[31mheld\x1b[0m the town, aAccording to & quot;monitors& quot;."
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    assert main(["clean", "--json", "-"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["text"] == 'Rebels held the town, according to "monitors".'
    assert rec["date"] == "2020-01-02"
    assert rec["path"] == "-"


def test_clean_reports_bad_files_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The convoy reached the camp on Tuesday.", encoding="utf-8")
    binary = tmp_path / "bin\x1b[31m.txt"
    binary.write_bytes(b"\x00\x01\x02")
    missing = tmp_path / "missing.txt"
    code = main(["clean", "--json", str(binary), str(missing), str(good)])
    captured = capsys.readouterr()
    assert code == 2
    assert len(captured.out.splitlines()) == 1
    assert json.loads(captured.out)["text"] == "The convoy reached the camp on Tuesday."
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert "binary file (NUL bytes)" in errors[0] and "\x1b" not in errors[0]
    assert "missing.txt" in errors[1] and "cannot read" in errors[1]
