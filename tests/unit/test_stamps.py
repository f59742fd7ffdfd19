"""Metadata lines' dates in the forms real pages write them (paraphrased fixtures)."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibtui.clean.stamps import find_full_date, read_stamp


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("March, 9, 2019 – 07:41", dt.date(2019, 3, 9)),  # a comma after the month
        ("٧ أيار ٢٠١٨", dt.date(2018, 5, 7)),  # Levantine month, Arabic-Indic digits
        ("11 تشرين الثاني 2016", dt.date(2016, 11, 11)),  # a two-word Levantine month
        ("١٢/٣/٢٠١٦", dt.date(2016, 3, 12)),  # numeric, day first, Arabic-Indic digits
        ("الخميس 8 مارس 2018 - 16:20", dt.date(2018, 3, 8)),  # an Arabic weekday before it
        ("Donnerstag, 8. März 2018", dt.date(2018, 3, 8)),
    ],
)
def test_a_metadata_line_in_these_forms_is_a_stamp(line: str, day: dt.date) -> None:
    stamp = read_stamp(line)
    assert stamp is not None and stamp.date == day


def test_eastern_digits_keep_the_spans_of_the_line() -> None:
    found = find_full_date("نشر في ٣ آب ٢٠١٩")
    assert found is not None and found[0] == dt.date(2019, 8, 3)
    assert "نشر في ٣ آب ٢٠١٩"[found[1] : found[2]] == "٣ آب ٢٠١٩"
