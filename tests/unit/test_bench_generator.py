"""The benchmark corpus generator: deterministic, realistic lengths, damage present, fast."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from bench.generate import (
    DAMAGE_SHARE,
    MAX_WORDS,
    MIN_WORDS,
    generate_article,
    long_article_text,
    main,
    mutate_corpus,
    write_corpus,
)


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 60, seed=3)
    write_corpus(tmp_path / "b", 60, seed=3)
    write_corpus(tmp_path / "c", 60, seed=4)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_parallel_writing_gives_the_same_bytes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "one", 40, seed=5, procs=1)
    write_corpus(tmp_path / "two", 40, seed=5, procs=2)
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")


def test_lengths_within_range_and_long_tailed() -> None:
    words = sorted(generate_article(i, seed=1).words for i in range(400))
    assert words[0] >= MIN_WORDS
    assert words[-1] <= MAX_WORDS
    median = words[len(words) // 2]
    assert 400 <= median <= 1000
    # a long tail: the longest articles are much longer than the median
    assert words[int(len(words) * 0.98)] > 1.7 * median


def test_damage_share_and_families_present() -> None:
    arts = [generate_article(i, seed=2) for i in range(600)]
    share = sum(1 for a in arts if a.damaged) / len(arts)
    assert DAMAGE_SHARE / 2 < share < DAMAGE_SHARE * 1.6
    families = {f for a in arts for f in a.damaged}
    assert families == {"entities", "mojibake", "controls", "spaces", "html", "initials"}
    joined = "".join(a.text for a in arts if a.damaged)
    assert "& # 39;" in joined or "&#39;" in joined
    assert "\u00e2\u20ac" in joined  # mojibake of a curly quote or dash: UTF-8 read as cp1252
    assert "\x1b" in joined
    assert "<!--" in joined
    undamaged = "".join(a.text for a in arts if not a.damaged and a.relpath.endswith(".txt"))
    assert "\x1b" not in undamaged and "& # 39;" not in undamaged


def test_outlets_folders_html_and_boilerplate(tmp_path: Path) -> None:
    made = write_corpus(tmp_path, 300, seed=0)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 300
    assert {p.relative_to(tmp_path).parts[0] for p in files} >= {"aljazeera", "reuters", "afp"}
    assert all(len(p.relative_to(tmp_path).parts) == 3 for p in files)  # outlet/year/file
    html = [p for p in files if p.suffix == ".html"]
    assert 0 < len(html) < 40
    texts = [g.text for g in made]
    assert any(t.startswith(" date 20") for t in texts)
    assert any("Source: Al Jazeera" in t for t in texts)
    assert any("Democracy Dies in Darkness" in t for t in texts)


def test_vocabulary_has_a_long_tail() -> None:
    import re

    names: set[str] = set()
    for i in range(300):
        names.update(
            re.findall(r"\b(?:Kafr|Tell|Khan|Deir|Beit|Umm) [A-Z][a-z]+", generate_article(i).text)
        )
    assert len(names) > 150


def test_generation_of_200_files_is_quick(tmp_path: Path) -> None:
    t0 = time.perf_counter()
    assert main([str(tmp_path), "--count", "200", "--seed", "9"]) == 0
    assert time.perf_counter() - t0 < 2.0  # ~0.1 s expected; generous for a loaded CI machine
    assert sum(1 for p in tmp_path.rglob("*") if p.is_file()) == 200


def test_mutate_changes_about_one_percent(tmp_path: Path) -> None:
    write_corpus(tmp_path, 200, seed=1)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    changed = mutate_corpus(tmp_path, 0.01, seed=1)
    assert len(changed) == 2
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert sorted(p for p in before if before[p] != after[p]) == sorted(changed)


def test_long_article_has_the_asked_length() -> None:
    text = long_article_text(5000, seed=1)
    assert 5000 <= len(text.split()) <= 5300
    assert long_article_text(5000, seed=1) == text
    assert long_article_text(5000, seed=2) != text
