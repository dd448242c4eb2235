"""Phase states on a given day, dates derived from congresses, the countdown."""
from datetime import date

import pytest

from helpers import SITE_FIXTURE
from daihoi.model import content, timeline

D = date.fromisoformat


@pytest.fixture(scope="module")
def site():
    s, problems = content.load(SITE_FIXTURE)
    assert s is not None, problems
    return s


def test_state_rule_inclusive_bounds():
    s, e = D("2025-05-01"), D("2025-05-31")
    assert timeline.state(s, e, D("2025-04-30")) == "upcoming"
    assert timeline.state(s, e, D("2025-05-01")) == "current"
    assert timeline.state(s, e, D("2025-05-31")) == "current"
    assert timeline.state(s, e, D("2025-06-01")) == "past"
    assert timeline.state(None, None, D("2025-06-01")) == "unknown"
    assert timeline.state(s, None, D("2030-01-01")) == "current"


def test_pick_latest_current_then_next_upcoming():
    periods = [(D("2025-01-01"), D("2025-12-31")), (D("2025-05-01"), D("2025-05-31")), (D("2025-07-01"), None),
               (D("2025-06-01"), D("2025-06-30"))]
    assert timeline.pick(periods, D("2025-05-10")) == ("current", 1)     # the one that started last
    assert timeline.pick(periods, D("2025-01-10")) == ("current", 0)
    assert timeline.pick([(D("2025-07-01"), None), (D("2025-06-01"), None)], D("2025-05-10")) == ("upcoming", 1)
    assert timeline.pick(periods[:2], D("2026-01-01")) == ("none", None)
    # ties keep the given order
    assert timeline.pick([(D("2025-05-01"), None), (D("2025-05-01"), None)], D("2025-05-02")) == ("current", 0)


@pytest.mark.parametrize("today,kind,days,text", [
    ("2025-05-15", "before", 26, "Còn 26 ngày đến ngày khai mạc"),
    ("2025-06-10", "today", 0, "Đại hội khai mạc hôm nay"),
    ("2025-06-11", "during", 0, "Đại hội đang diễn ra"),
    ("2025-06-12", "after", 0, "Đại hội đã bế mạc ngày 11/06/2025"),
])
def test_countdown(site, today, kind, days, text):
    c = timeline.countdown(site.congresses["phuong-v"], D(today))
    assert (c["kind"], c["days"], c["text"]) == (kind, days, text)


def test_countdown_unknown_dates(site):
    assert timeline.countdown(site.congresses["toan-quoc-xiv"], D("2025-05-15"))["kind"] == "unknown"
