"""Benchmarks for idlibtui: a synthetic corpus generator and the measurements of issue 6.

``python -m bench --quick`` (``make bench``) prints the table; ``python -m bench --full``
(``make bench-full``) also writes ``BENCHMARKS.md``. ``python -m bench.generate OUT --count N``
writes a synthetic corpus. ``python -m bench.annotate_score`` scores the annotators against the
gold files in ``tests/data/gold``; ``python -m bench.annotate_stages`` times each annotation stage.
"""

import sys as _sys
from pathlib import Path as _Path

# Work from a checkout whether or not the package is installed (``make bench`` installs it).
_SRC = str(_Path(__file__).resolve().parent.parent / "src")
if _SRC not in _sys.path:
    _sys.path.insert(0, _SRC)
