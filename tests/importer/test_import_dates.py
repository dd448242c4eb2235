"""importer/dates.py: the contract's date conventions."""
from __future__ import annotations

import datetime as dt

import pytest

from daihoi.importer.dates import first_date, issue_date, parse_period

PLAN = dt.date(2019, 12, 30)


@pytest.mark.parametrize("text,start,end", [
    ("Từ tháng 7/2020 đến tháng 8/2020", "2020-07-01", "2020-08-31"),
    ("Từ nay đến tháng 3/2020", "2019-12-30", "2020-03-31"),
    ("Từ đầu năm 2020 đến tháng 6/2020, tuyên truyền", "2020-01-01", "2020-06-30"),
    ("Sau bầu cử đến hết năm 2021", None, "2021-12-31"),
    ("Từ năm 2022 đến năm 2025", "2022-01-01", "2025-12-31"),
    ("từ ngày 20/01 đến ngày 28/01/2016", "2016-01-20", "2016-01-28"),
    ("cao điểm từ ngày 01 đến ngày 31/10/2020", "2020-10-01", "2020-10-31"),
    ("Từ tháng 8/2020 đến sau khi tổ chức thành công Đại hội (cuối tháng 10/2020), tập trung", "2020-08-01", "2020-10-31"),
    ("Tuyên truyền đại hội cơ sở: Từ tháng 02/2020 đến 30/6/2020", "2020-02-01", "2020-06-30"),
    ("Từ tháng 11/2020 đến tháng 2/2021", "2020-11-01", "2021-02-28"),
    ("Từ ngày 15 tháng 3 năm 2020 đến ngày 20 tháng 4 năm 2020", "2020-03-15", "2020-04-20"),
    ("Tháng 10/2020", "2020-10-01", "2020-10-31"),
    ("Năm 2024", "2024-01-01", "2024-12-31"),
    ("Trong thời gian diễn ra Đại hội", None, None),
    ("Ngay sau Đại hội", None, None),
])
def test_period_conventions(text, start, end):
    p = parse_period(text, PLAN)
    assert (p.start.isoformat() if p.start else None, p.end.isoformat() if p.end else None) == (start, end)


def test_closing_parenthesised_date_is_the_end_and_now_is_the_plan_date():
    p = parse_period("Từ nay đến Đại hội (ngày 20/01/2016)", dt.date(2016, 1, 4))
    assert (p.start, p.end) == (dt.date(2016, 1, 4), dt.date(2016, 1, 20))


def test_from_now_without_plan_date_is_none_and_says_why():
    p = parse_period("Từ nay đến tháng 3/2020", None)
    assert p.start is None and p.end == dt.date(2020, 3, 31)
    assert "ngày ban hành" in p.problems[0]


def test_partial_date_without_a_following_year_is_not_guessed():
    p = parse_period("từ ngày 15/3 đến 20/4", PLAN)
    assert (p.start, p.end) == (None, None)
    assert all("thiếu năm" in m for m in p.problems)


def test_invalid_and_reversed_dates_are_dropped_with_a_reason():
    assert parse_period("từ ngày 31/02/2020 đến ngày 05/03/2020", PLAN).start is None
    p = parse_period("từ ngày 10/05/2020 đến ngày 01/03/2020", PLAN)
    assert (p.start, p.end) == (None, None) and p.problems


def test_issue_date_line_and_first_date():
    assert issue_date("Hà Nội, ngày 04 tháng 01 năm 2016") == ("Hà Nội", dt.date(2016, 1, 4))
    assert issue_date("Phường Quang Trung, ngày 5 tháng 3 năm 2021")[0] == "Phường Quang Trung"
    assert issue_date("Ngày: 18/02/2020") is None
    assert first_date(", ngày 24/12/2015 của Ban") == dt.date(2015, 12, 24)
    assert first_date(" ngày 25 tháng 02 năm 2021 của") == dt.date(2021, 2, 25)


def test_quarters_and_half_years():
    p = parse_period("Quý I/2020", PLAN)
    assert (p.start.isoformat(), p.end.isoformat()) == ("2020-01-01", "2020-03-31")
    p = parse_period("Từ quý II năm 2020 đến quý IV/2020", PLAN)
    assert (p.start.isoformat(), p.end.isoformat()) == ("2020-04-01", "2020-12-31")
    p = parse_period("6 tháng cuối năm 2020", PLAN)
    assert (p.start.isoformat(), p.end.isoformat()) == ("2020-07-01", "2020-12-31")


def test_issue_date_with_numeric_date():
    assert issue_date("Đà Nẵng, ngày 05/3/2021") == ("Đà Nẵng", dt.date(2021, 3, 5))
