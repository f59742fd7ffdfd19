"""Time the claims chart with a claim of N points: chart data, then drawing and cursor moves.

    PYTHONPATH=src python bench/bench_claim_chart.py [N]

Synthetic rows (``FigureRow`` with a ``Claim``) in event groups of ~20 reports from 40 outlets,
values spanning four orders of magnitude, a third of them ranges, vague or "at least".
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import sys
import time

from idlibtui.compare.chart import chart_of
from idlibtui.compare.events import INCIDENT, PERIOD, Claim, When
from idlibtui.compare.quantity import quantity_of
from idlibtui.figure_table import EventRows, FigureRow
from idlibtui.model import Figure


def synthetic_groups(n: int, seed: int = 7) -> list[EventRows]:
    rnd = random.Random(seed)
    q = quantity_of("people displaced")
    start = dt.date(2019, 4, 1)
    groups = []
    for g in range(max(1, n // 20)):
        rows = []
        base = 10 ** rnd.uniform(2, 6)
        day = start + dt.timedelta(days=g)
        for i in range(20):
            kind = rnd.random()
            value = round(base * rnd.uniform(0.8, 1.2))
            fig = Figure(
                0,
                5,
                str(value),
                "count",
                float(value),
                value_max=float(value * 1.2) if kind < 0.1 else None,
                vague=0.1 <= kind < 0.15,
                magnitude=3 if 0.1 <= kind < 0.15 else None,
                what="people displaced",
                qualifier="at least" if 0.15 <= kind < 0.25 else "",
            )
            lo = day - dt.timedelta(days=rnd.choice((0, 0, 0, 6, 30)))
            when = When(PERIOD if lo != day else INCIDENT, lo, day, undated=kind > 0.9)
            claim = Claim(f"a{g}-{i}", fig, q, when)
            rows.append(
                FigureRow(
                    f"a{g}-{i}",
                    f"title {g}-{i}",
                    f"outlet {rnd.randrange(40)}",
                    day,
                    kind > 0.9,
                    fig,
                    "a sentence",
                    day,
                    "",
                    claim=claim,
                )
            )
        groups.append(EventRows("people displaced", day.isoformat(), tuple(rows), "differ: x"))
    return groups[: max(1, n // 20)]


async def draw(groups) -> None:
    from textual.app import App

    from idlibtui.tui.widgets.claim_chart import ClaimChart

    class Bench(App):
        def compose(self):
            yield ClaimChart(id="c")

    app = Bench()
    async with app.run_test(size=(120, 40)) as pilot:
        chart = app.query_one(ClaimChart)
        t = time.perf_counter()
        data = chart_of(groups)
        t_data = time.perf_counter() - t
        t = time.perf_counter()
        chart.show(data)
        await pilot.pause()
        t_show = time.perf_counter() - t
        t = time.perf_counter()
        for _ in range(20):
            await pilot.press("right")
        await pilot.pause()
        t_move = (time.perf_counter() - t) / 20
        t = time.perf_counter()
        for _ in range(5):
            chart.redraw()
            chart._render_plot()
        t_redraw = (time.perf_counter() - t) / 5
        print(
            f"{len(data.points)} points ({chart.drawn} drawn after thinning): chart data "
            f"{t_data * 1000:.0f} ms, first draw {t_show * 1000:.0f} ms, "
            f"cursor move {t_move * 1000:.0f} ms (keypress to paint, through Pilot), "
            f"one redraw {t_redraw * 1000:.0f} ms"
        )


if __name__ == "__main__":
    asyncio.run(draw(synthetic_groups(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)))
