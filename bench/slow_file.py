"""One huge file through every stage: is each linear in its size, and what does the build do?

``python -m bench.slow_file [--sizes 0.25,0.5,1,2] [--shape line|paragraphs] [--index MB]``

Writes a file of short sentences full of number words (the input that made one 10 MB file take
491 s, and ``_skip_number`` quadratic on a long line), times read, clean, annotate, the index
fields and the posting analysis for each size, and prints CPU seconds (the machine may be
shared) and seconds per MB: a linear stage keeps its seconds per MB flat as the size grows.
``--index MB`` also runs ``idlibtui index`` (CPU time budget per file:
``search.build.FILE_BUDGET``) on one file of that size and prints what the build reported and
how long it took.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NUMBERS = [
    *[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
    ],
    *["forty", "fifty", "hundred", "thousand", "million", "dozens", "hundreds", "thousands"],
    *("1,200", "35", "4.5 million"),
]
NOUNS = [
    *[
        "people",
        "civilians",
        "soldiers",
        "children",
        "families",
        "displaced",
        "killed",
        "wounded",
        "fled",
    ]
]
VERBS = ("were killed", "fled", "died", "were wounded")
PLACES = ("villages", "days", "strikes")


def number_text(megabytes: float, shape: str = "line", seed: int = 1) -> str:
    """About ``megabytes`` MB of short sentences full of number words, on one line or in
    paragraphs of five sentences."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        s = (
            f"{rng.choice(NUMBERS).capitalize()} {rng.choice(NUMBERS)} {rng.choice(NOUNS)} "
            f"{rng.choice(VERBS)} in {rng.choice(NUMBERS)} {rng.choice(PLACES)}."
        )
        sentences.append(s)
        size += len(s) + 1
    if shape == "line":
        body = " ".join(sentences)
    else:
        body = "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
    return "Numbers report\n\n" + body + "\n"


def stage_times(path: Path) -> dict[str, float]:
    from idlibtui.annotate import annotate
    from idlibtui.clean import clean_document
    from idlibtui.ingest import read_document
    from idlibtui.search.build import article_fields, prepare_document

    times: dict[str, float] = {}
    t = time.process_time()
    doc = read_document(path)
    times["read"] = time.process_time() - t
    t = time.process_time()
    article = clean_document(doc.text, path=path.name, article_id="x", is_html=doc.is_html)
    times["clean"] = time.process_time() - t
    t = time.process_time()
    article = annotate(article)
    times["annotate"] = time.process_time() - t
    t = time.process_time()
    fields = article_fields(article, size=doc.size, mtime=doc.mtime, sha256="", version="b")
    times["fields"] = time.process_time() - t
    t = time.process_time()
    prepare_document(fields)
    times["analyze"] = time.process_time() - t
    return times


def _fresh_process_times(path: Path) -> dict[str, float]:
    """``stage_times`` in a new process: what one process allocated before (the large
    strings of a smaller size) changes how the allocator serves large slices, and with it
    the cost of a stage that copies them (3x, measured), so each size starts afresh."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.slow_file", "--stages-of", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def cli_seconds(path: Path) -> float:
    """CPU seconds of ``idlibtui clean --json FILE`` (the whole pipeline and the JSON, as a
    user runs it; the stage times above can hide a copy that only costs in a busier
    process: the old per-figure slicing showed here, quadratic, and not there)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "idlibtui", "clean", "--json", str(path)],
        stdout=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="MB, comma separated")
    parser.add_argument("--shape", choices=("line", "paragraphs"), default="line")
    parser.add_argument("--index", type=float, default=0.0, metavar="MB")
    parser.add_argument("--stages-of", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stages_of:  # one file's stage times, as JSON (run in a fresh process by main)
        print(json.dumps(stage_times(Path(args.stages_of))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        print(f"shape: {args.shape}")
        print(f"{'MB':>6} " + " ".join(f"{s:>9}" for s in ("read", "clean", "annotate",
              "fields", "analyze", "total", "s/MB", "cli", "s/MB")))  # fmt: skip
        for mb in (float(x) for x in args.sizes.split(",")):
            path = base / f"numbers_{mb}.txt"
            path.write_text(number_text(mb, args.shape), encoding="utf-8")
            times = _fresh_process_times(path)
            total = sum(times.values())
            cli = cli_seconds(path)
            cells = [*times.values(), total, total / mb, cli, cli / mb]
            print(f"{mb:>6g} " + " ".join(f"{c:>9.2f}" for c in cells), flush=True)
        if args.index:
            corpus = base / "corpus"
            corpus.mkdir()
            (corpus / "huge.txt").write_text(number_text(args.index, args.shape), "utf-8")
            (corpus / "small.txt").write_text("Idlib\n\n300 people fled Saraqeb.\n", "utf-8")
            t = time.perf_counter()
            cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run(
                [sys.executable, "-m", "idlibtui", "--corpus", str(corpus), "--index",
                 str(base / "index"), "index", "--progress=none", "--workers=1"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = (after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime)
            print(f"\nidlibtui index, one {args.index:g} MB file and one small one: "
                  f"{time.perf_counter() - t:.1f} s wall, {used:.1f} s CPU, "
                  f"exit {done.returncode}")  # fmt: skip
            print(done.stdout + done.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
