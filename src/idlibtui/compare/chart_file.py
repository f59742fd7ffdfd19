"""Write a ``compare.chart.Chart`` as an SVG or PNG file with matplotlib (the ``plot`` extra).

The same numbers the terminal chart draws: x the event's date (a range as a horizontal bar,
estimated dates hollow), y the value (log scale when the values span orders of magnitude, an
interval as a vertical bar, "at least" as a dashed bar open to the top), one colour per
outlet, points the comparison says differ as diamonds. Matplotlib is imported only here and
only when a file is asked for; ``PlotUnavailable`` says how to install it.
"""

from __future__ import annotations

from pathlib import Path

from idlibtui.compare.chart import Chart, day

INSTALL_HINT = "plotting needs matplotlib: pip install 'idlibtui[plot]'"
FORMATS = (".svg", ".png")


class PlotUnavailable(RuntimeError):
    """matplotlib is not installed (the message says how to install it)."""


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise PlotUnavailable(INSTALL_HINT) from None
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _plain(text: str) -> str:
    """Article text as literal matplotlib text: no control characters, no ``$math$``."""
    from idlibtui.textsafe import printable

    return printable(text).replace("$", r"\$")


def write_chart(chart: Chart, path: Path, title: str = "") -> int:
    """Draw ``chart`` into ``path`` (.svg or .png); the number of points drawn.

    Each point is a marker whose ``gid`` is ``point-N`` (N its timeline row) in an SVG, so the
    file can be checked and linked back to the reports.
    """
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"the chart file must end in .svg or .png, not {path.name!r}")
    plt = _pyplot()
    from matplotlib import dates as mdates
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(11, 6), dpi=100)
    try:
        cycle = plt.rcParams["axes.prop_cycle"].by_key().get("color", ["C0"])
        colours = [c for i, c in enumerate(cycle) if i != 3] or ["C0"]  # red marks differ
        top = chart.y_top
        handles: dict[int, str] = {}  # series → its colour
        for p in chart.points:
            colour = colours[p.series % len(colours)]
            x, x_lo, x_hi = (mdates.date2num(day(v)) for v in (p.x, p.x_lo, p.x_hi))
            if p.x_hi > p.x_lo:
                ax.hlines(p.y, x_lo, x_hi, colors=colour, linewidth=2, alpha=0.6)
            if p.open_top:
                ax.vlines(x, p.y_lo, top, colors=colour, linestyles="dashed", alpha=0.6)
            elif p.y_hi > p.y_lo:
                ax.vlines(x, p.y_lo, p.y_hi, colors=colour, linewidth=2, alpha=0.6)
            ax.plot(
                [x],
                [p.y],
                marker="D" if p.differ else "o",
                markersize=8 if p.differ else 6,
                markerfacecolor="none" if p.estimated else colour,
                markeredgecolor="red" if p.differ else colour,
                linestyle="none",
                gid=f"point-{p.index}",
            )
            handles.setdefault(p.series, colour)
        if chart.points:
            x_lo = min(p.x_lo for p in chart.points)
            x_hi = max(p.x_hi for p in chart.points)
            pad = max(3.0, (x_hi - x_lo) * 0.04)
            ax.set_xlim(mdates.date2num(day(x_lo - pad)), mdates.date2num(day(x_hi + pad)))
        if chart.log:
            ax.set_yscale("log")
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_xlabel("event or period date (hollow: estimated; bar: range)")
        ax.set_ylabel("value (bar: interval; dashed: at least)")
        if title:
            ax.set_title(_plain(title))
        proxies = [
            Line2D([], [], color=handles[s], marker="o", linestyle="none") for s in sorted(handles)
        ]
        names = [_plain(chart.series[s]) for s in sorted(handles)]
        proxies.append(Line2D([], [], color="grey", marker="D", markeredgecolor="red", ls="none"))
        names.append("differs from another report")
        ax.legend(proxies, names, fontsize="small")
        ax.grid(True, alpha=0.3)
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)
    return len(chart.points)
