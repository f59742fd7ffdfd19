"""The claims timeline: every report of one quantity grouped by event, Enter opens the report
at the figure's sentence, `e` exports the event group as Markdown and CSV evidence."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from idlibtui.tui.screens.claims import ClaimsScreen, ReaderAt
from tests.app.conftest import settle


async def test_claims_grouped_by_event_open_at_sentence_and_export(
    make_app, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = ClaimsScreen("people fled", app.settings, export_dir=tmp_path)
        app.push_screen(screen)
        await settle(pilot)
        assert not screen.error and screen.groups
        # "fled" finds "displaced people" and "civilians fled" too, grouped by event
        whats = {c.what for c in screen.claims}
        assert len(screen.claims) >= 3 and len(screen.groups) >= 2, whats
        assert all(0 <= c.group < len(screen.groups) for c in screen.claims)
        target = next(i for i, c in enumerate(screen.claims) if c.sentence_end > 0)
        await pilot.press(*["down"] * target)
        claim = screen.claims[target]
        await pilot.press("e")
        md = next(tmp_path.glob("*.md"))
        text = md.read_text(encoding="utf-8")
        group = screen.groups[claim.group]
        assert f"figure chars {group.rows[0].figure.start}–" in text
        records = list(csv.DictReader(io.StringIO(md.with_suffix(".csv").read_text("utf-8"))))
        assert len(records) == len(group.rows)
        assert {r["outlet"] for r in records} == {r.source for r in group.rows}
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderAt) and reader.article is not None
        assert reader.view.marks("focus") == [(claim.sentence_start, claim.sentence_end)]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
