"""idlibtui: read, search and compare a corpus of damaged news reports in a terminal."""

__version__ = "0.1.0"
