"""Errors a user can fix: reported as one line on stderr with exit status 2, never a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """Bad usage or bad input; the message is shown as it is."""
