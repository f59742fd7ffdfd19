"""The figures column (search/figure_codec.py): by column, and back to the same dicts."""

from __future__ import annotations

import json

from idlibtui.search import figure_codec

TEXT = "Monitors said 177 air strikes hit over 12 days; 43% of camps, about 1,200 tents."


def _fig(start: int, end: int, **kw) -> dict:
    base = {"start": start, "end": end, "text": TEXT[start:end], "kind": "count",
            "value": None, "unit": "", "vague": False, "date": None, "evidence": "",
            "projection": False}  # fmt: skip
    base.update(kw)
    return base


def test_figures_round_trip_with_shared_and_varying_fields() -> None:
    figs = [
        _fig(14, 17, value=177.0, unit=""),
        _fig(41, 48, kind="duration", value=12.0, unit="day", evidence="over 12 days"),
        _fig(50, 53, kind="percent", value=43.0, unit="%", text="43 percent"),  # not the slice
        _fig(70, 75, value=1200, vague=True, date="2019-12-01"),
    ]
    raw = figure_codec.encode(figs, TEXT)
    back = figure_codec.decode(raw, TEXT)
    assert back == figs
    assert [list(f) for f in back] == [list(f) for f in figs]  # the keys' order too
    assert [type(f["value"]) for f in back] == [float, float, float, int]
    stored = json.loads(raw)
    assert stored["c"] == {"projection": False}  # one value for every figure
    assert stored["v"]["text"] == [None, None, "43 percent", None]  # slices left out
    assert len(raw) < len(json.dumps(figs, separators=(",", ":")))


def test_no_figures_and_the_plain_list_form() -> None:
    assert figure_codec.decode(figure_codec.encode([], TEXT), TEXT) == []
    assert figure_codec.decode(b"", TEXT) == []
    plain = [_fig(14, 17)]
    assert figure_codec.decode(json.dumps(plain).encode(), TEXT) == plain


def test_one_figure_keeps_every_value() -> None:
    figs = [_fig(14, 17, value=True)]
    assert figure_codec.decode(figure_codec.encode(figs, TEXT), TEXT) == figs
