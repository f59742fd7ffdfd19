"""Screens: search (with help, indexing and no-corpus screens here), reader and compare (H6)."""
