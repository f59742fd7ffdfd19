"""Article metadata set in the corrections file: ``[article."<corpus path or id>"]``.

The two February 2020 seed reports (001, 002) carry no date; the cleaner infers a lower bound
from their text, which makes "on Monday" and "last week" resolve to the wrong week. Setting their
real publication days in the corrections file must reach every consumer through the pipeline.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from idlibtui.annotate.corrections import (
    ArticleOverride,
    CorrectionsError,
    load_corrections,
    parse_corrections,
)
from idlibtui.compare import compare_articles
from idlibtui.pipeline import article_id, load_article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
LEFT = "001_a27e626ff12f024e.txt"
RIGHT = "002_ac17027dfa9b0009.txt"

SEED_TOML = f"""\
# publication days the analyst knows
[article."{LEFT}"]
date = 2020-02-11

[article."{RIGHT}"]
date = "2020-02-04"
source = "TRT World (corrected)"
title = "Moscow lets Assad attack Idlib"
"""


@pytest.fixture(scope="module")
def corrections_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corr") / "entities.toml"
    path.write_text(SEED_TOML, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pair(corrections_file):
    left = load_article(CORPUS / LEFT, CORPUS, corrections=corrections_file)
    right = load_article(CORPUS / RIGHT, CORPUS, corrections=corrections_file)
    return left, right, compare_articles(left, right)


# --- parsing --------------------------------------------------------------------------------


def test_parses_toml_dates_quoted_dates_and_text() -> None:
    c = parse_corrections(SEED_TOML, "c.toml")
    assert c.article_override(LEFT) == ArticleOverride(date=dt.date(2020, 2, 11))
    right = c.article_override(RIGHT)
    assert right.date == dt.date(2020, 2, 4)
    assert right.source == "TRT World (corrected)" and right.title.startswith("Moscow")
    assert c.article_override("003_other.txt") is None
    assert c.empty  # metadata alone does not switch on the custom entity finder


def test_key_may_be_the_article_id_or_a_dotted_path() -> None:
    rid = article_id("sub/x.txt")
    c = parse_corrections(
        f'[article."{rid}"]\nsource = "AFP"\n[article."./sub/y.txt"]\ntitle = "Y"\n', "c.toml"
    )
    assert c.article_override("sub/x.txt", rid).source == "AFP"
    assert c.article_override("sub/x.txt", article_id("other")) is None
    assert c.article_override("sub/y.txt").title == "Y"


@pytest.mark.parametrize(
    ("toml", "needle", "line"),
    [
        ('[article."a.txt"]\ndate = 2020-02-11\nauthor = "X"\n', "unknown key 'author'", 3),
        ('[article."a.txt"]\ndate = "11 Feb 2020"\n', "date must be a day like 2020-02-11", 2),
        ('[article."a.txt"]\ndate = "2020-02-30"\n', "date must be a day", 2),
        ('[article."a.txt"]\ndate = "2020-W07-2"\n', "date must be a day", 2),
        ('[article."a.txt"]\ndate = 2020-02-11T10:00:00\n', "date must be a day", 2),
        ('[article."a.txt"]\ndate = 20200211\n', "date must be a day", 2),
        ('[article."a.txt"]\nsource = 3\n', "source must be text", 2),
        ('[article."a.txt"]\ntitle = "  "\n', "title must be text", 2),
        ('# x\n[article."a.txt"]\n', "sets nothing", 2),
        ('article = "a.txt"\n', "one [article.", 1),
        ('[article."a.txt"]\ntitle = "A"\n[article."./a.txt"]\ntitle = "B"\n', "twice", 3),
        ('[articles."a.txt"]\ntitle = "A"\n', "unknown section 'articles'", 1),
    ],
)
def test_errors_name_the_file_the_line_and_the_problem(toml: str, needle: str, line: int) -> None:
    with pytest.raises(CorrectionsError) as info:
        parse_corrections(toml, "/home/a/entities.toml")
    message = str(info.value)
    assert message.startswith(f"/home/a/entities.toml, line {line}:"), message
    assert needle in message


def test_a_broken_file_stops_the_pipeline_with_the_file_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(f'[article."{LEFT}"]\ndate = "last Tuesday"\n', encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"bad\.toml, line 2"):
        load_article(CORPUS / LEFT, CORPUS, corrections=bad)


# --- the pipeline ---------------------------------------------------------------------------


def test_pipeline_sets_the_date_source_and_title(pair, corrections_file: Path) -> None:
    left, right, _ = pair
    plain = load_article(CORPUS / LEFT, CORPUS)
    assert plain.date_inferred and plain.date_kind == "estimated"  # judged, not stated
    assert left.date == dt.date(2020, 2, 11) and not left.date_inferred
    assert left.date_kind == "supplied"
    assert left.date_evidence == f"set in the corrections file {corrections_file}"
    assert left.title == plain.title and left.source == plain.source  # not set: kept
    assert left.text == plain.text and left.blocks == plain.blocks
    assert right.source == "TRT World (corrected)"
    assert right.source_evidence == left.date_evidence
    assert right.title == "Moscow lets Assad attack Idlib"


def test_a_loaded_object_and_the_id_key_work_too(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f'[article."{article_id(LEFT)}"]\ndate = 2020-02-11\n', encoding="utf-8")
    article = load_article(CORPUS / LEFT, CORPUS, corrections=load_corrections(path))
    assert article.date == dt.date(2020, 2, 11) and not article.date_inferred


def _date(article, text: str):
    found = [f for f in article.figures if f.kind == "date" and f.text == text]
    assert found, (text, [f.text for f in article.figures if f.kind == "date"])
    return found[0]


def test_relative_dates_resolve_against_the_corrected_date(pair) -> None:
    left, right, _ = pair
    plain = load_article(CORPUS / LEFT, CORPUS)
    # 001 (11 February): "on Monday" = 10 February, "last week" = the week of 3 February
    monday = _date(left, "Monday")
    assert monday.date == dt.date(2020, 2, 10) and "2020-02-11" in monday.evidence
    assert "inferred" not in monday.evidence  # the anchor is no longer a guess
    last_week = _date(left, "last week")
    assert (last_week.date, last_week.date_end) == (dt.date(2020, 2, 3), dt.date(2020, 2, 9))
    # the judged date (from the events it reports) already falls in the right week
    assert (
        _date(plain, "Monday").date == monday.date and "inferred" in _date(plain, "Monday").evidence
    )
    # 002 (4 February): "on Monday morning" = 3 February
    assert _date(right, "Monday morning").date == dt.date(2020, 2, 3)


# --- issue 5 seed acceptance through corrections + pipeline ----------------------------------


def _fig(article, text: str, what_word: str):
    found = [f for f in article.figures if f.text.lower() == text and what_word in f.what.lower()]
    assert found, (text, [(f.text, f.what) for f in article.figures])
    return found[0]


def _groups_with(cmp, fig):
    return [g for g in cmp.figures if fig in g.left or fig in g.right]


def test_soldiers_killed_differ_for_the_early_february_attack(pair) -> None:
    left, right, cmp = pair
    eight = _fig(left, "eight", "soldier")  # "… killed … last week" = week of 3 February
    five_left = _fig(left, "five", "soldier")  # "on Monday" = 10 February
    five_right = _fig(right, "five", "soldier")  # "on Monday morning" = 3 February
    (same_attack,) = [g for g in _groups_with(cmp, eight) if g.relation == "differ"]
    assert five_right in same_attack.right and five_left not in same_attack.left
    assert same_attack.period is not None and same_attack.period.start == dt.date(2020, 2, 3)
    assert {g.relation for g in _groups_with(cmp, five_left)} == {"different_dates"}


def test_displacement_figures_are_different_dates(pair) -> None:
    left, right, cmp = pair
    (group,) = _groups_with(cmp, _fig(left, "700,000", ""))
    assert group.relation == "different_dates" and _fig(right, "300,000", "") in group.right


def test_refugees_in_turkey_grouped_together(pair) -> None:
    left, right, cmp = pair
    left_refugees = _fig(left, "3.6 million", "refugee")
    right_refugees = [f for f in right.figures if f.value == 3_000_000 and "refugee" in f.what]
    assert right_refugees, [(f.text, f.what) for f in right.figures]
    (group,) = _groups_with(cmp, left_refugees)
    assert right_refugees[0] in group.right and group.relation == "consistent"


# --- the index (pool workers get the path) --------------------------------------------------


def test_index_build_stores_the_corrected_dates(tmp_path: Path, corrections_file: Path) -> None:
    from idlibtui import search
    from idlibtui.search.build import update_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (LEFT, RIGHT, "003_a4d1a36115c1cab6.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    index_dir = tmp_path / "index"
    update_index(corpus, index_dir, corrections=corrections_file, workers=2)
    ix = search.open_index(index_dir)
    found = {hit.path: hit.date for hit in ix.search("date:2020-02").hits}
    assert found == {LEFT: dt.date(2020, 2, 11), RIGHT: dt.date(2020, 2, 4)}

    plain_dir = tmp_path / "plain"
    update_index(corpus, plain_dir, workers=1)
    plain = {hit.path: hit for hit in search.open_index(plain_dir).search("date:2020-02").hits}
    # without the file, 001 is dated from what it reports: estimated in the same week
    assert plain[LEFT].date_inferred and dt.date(2020, 2, 10) <= plain[LEFT].date <= dt.date(
        2020, 2, 12
    )


# --- the other consumers: CLI commands and the app's reader/compare loader -------------------


def test_show_clean_compare_and_the_app_reader_use_the_corrections(
    corrections_file: Path, capsys, monkeypatch
) -> None:
    import json
    import types

    from idlibtui.cli.main import main
    from idlibtui.tui.screens.reader import load

    monkeypatch.chdir(ROOT)
    flags = ["--corpus", str(CORPUS), "--corrections", str(corrections_file)]
    assert main([*flags, "show", LEFT]) == 0
    assert "date: 2020-02-11" in capsys.readouterr().out
    assert main([*flags, "clean", "--json", str(CORPUS / RIGHT)]) == 0
    cleaned = json.loads(capsys.readouterr().out)
    assert (cleaned["date"], cleaned["date_inferred"]) == ("2020-02-04", False)
    assert cleaned["source"] == "TRT World (corrected)"
    assert main([*flags, "compare", "--json", LEFT, RIGHT]) == 0
    compared = json.loads(capsys.readouterr().out)
    assert compared["left"]["date"] == "2020-02-11" and not compared["left"]["date_inferred"]
    assert compared["right"]["title"] == "Moscow lets Assad attack Idlib"
    settings = types.SimpleNamespace(corpus=CORPUS, corrections=corrections_file)
    article = load(LEFT, settings)  # what the reader and compare screens call
    assert article.date == dt.date(2020, 2, 11) and not article.date_inferred
