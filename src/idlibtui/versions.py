"""What the index's stored documents depend on, importable without the cleaner or annotators.

Checking whether an index is stale (at every start of the app) needs these strings, not the
pipeline: keeping them here keeps ftfy, the gazetteer and the annotators off that path. Bump
``CLEANER_VERSION`` / ``ANNOTATOR_VERSION`` whenever their output changes; the index rebuilds.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CLEANER_VERSION = "15"
ANNOTATOR_VERSION = "11"
PIPELINE_VERSION = f"clean-{CLEANER_VERSION}+annotate-{ANNOTATOR_VERSION}"


def corrections_fingerprint(path: str | os.PathLike[str] | None) -> str:
    """A short hash of the corrections file's bytes ("" when there is none), for the index to
    store beside the pipeline version so that editing the file triggers re-annotation."""
    if path is None:
        return ""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return ""
    return hashlib.sha1(data).hexdigest()[:12]
