"""Benchmarks for idlibtui: a synthetic corpus generator and the measurements of issue 6.

``python -m bench --quick`` (``make bench``) prints the table; ``python -m bench --full``
(``make bench-full``) also writes ``BENCHMARKS.md``. ``python -m bench.generate OUT --count N``
writes a synthetic corpus.
"""
