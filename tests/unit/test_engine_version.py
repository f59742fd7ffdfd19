"""The index code is written against one Whoosh release: another one is a clear error."""

from __future__ import annotations

import pytest

from idlibtui.search.schema import WHOOSH_VERSION, EngineVersionError, check_engine_version


def test_the_pinned_release_is_installed() -> None:
    check_engine_version()  # the installed Whoosh is the pinned one
    import whoosh

    assert tuple(whoosh.__version__)[:3] == WHOOSH_VERSION


@pytest.mark.parametrize("found", [(2, 7, 4), (2, 8, 0), (3, 0)])
def test_another_release_is_refused_with_the_fix(found: tuple[int, ...]) -> None:
    with pytest.raises(EngineVersionError, match=r"whoosh-reloaded==2\.7\.5"):
        check_engine_version(found)
