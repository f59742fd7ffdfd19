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


def test_figures_given_by_column_encode_as_the_dicts_do() -> None:
    """The builder hands the figures over by field (no dict per figure): the same bytes."""
    figs = [
        _fig(14, 17, value=177.0),
        _fig(41, 48, kind="duration", value=12.0, unit="day", evidence="over 12 days"),
        _fig(50, 53, kind="percent", value=43.0, unit="%", text="43 percent"),
        _fig(70, 75, value=1200, vague=True, date="2019-12-01"),
        _fig(70, 75, value=1200.0),  # equal values of another type are not shared
    ]
    for chosen in (figs, figs[:1], figs[3:], [figs[0], figs[0]]):
        keys = list(chosen[0])
        columns = [[f[k] for f in chosen] for k in keys]
        assert figure_codec.encode_columns(keys, columns, TEXT) == figure_codec.encode(chosen, TEXT)
    assert figure_codec.encode_columns(list(figs[0]), [], TEXT) == b"[]"


def test_an_articles_figure_column_is_its_figure_dicts_encoded() -> None:
    """``article_fields`` transposes the ``Figure`` objects (dates as ISO strings)."""
    import datetime as dt

    from idlibtui.model import Article, Figure
    from idlibtui.search.build import documents

    text = "On 3 March 2020, 12 people were killed and 1,000 fled; 5 km away, 40% of homes."
    figures = (
        Figure(3, 15, "3 March 2020", "date", unit="day", date=dt.date(2020, 3, 3)),
        Figure(17, 19, "12", "count", value=12.0, what="people killed"),
        Figure(41, 46, "1,000", "count", value=1000.0, what="people fled"),
        Figure(52, 56, "5 km", "distance", value=5.0, unit="km"),
        Figure(63, 66, "40%", "percent", value=40.0, unit="%"),
    )
    for chosen in (figures, figures[1:], ()):
        article = Article(id="x", path="x.txt", raw=text, text=text, blocks=(), figures=chosen)
        fields = documents.article_fields(article, size=1, mtime=0.0, sha256="", version="v")
        expected = figure_codec.encode(documents._figure_dicts(article), text)
        assert fields["figures_col"] == expected
