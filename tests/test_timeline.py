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


def states(plan, site, today):
    return [e.state(D(today)) for e in timeline.entries(plan, site.congresses)]


def test_state_rule_inclusive_bounds():
    s, e = D("2025-05-01"), D("2025-05-31")
    assert timeline.state(s, e, D("2025-04-30")) == "upcoming"
    assert timeline.state(s, e, D("2025-05-01")) == "current"
    assert timeline.state(s, e, D("2025-05-31")) == "current"
    assert timeline.state(s, e, D("2025-06-01")) == "past"
    assert timeline.state(None, None, D("2025-06-01")) == "unknown"
    assert timeline.state(s, None, D("2030-01-01")) == "current"


# 12-KH/ĐU: Đợt 1 05/03-30/04, Đợt 2 01/05-11/06, Đợt 3 after congress (closing 11/06) -> 12/06, 30 days.
@pytest.mark.parametrize("today,expected", [
    ("2025-03-01", ["upcoming", "upcoming", "upcoming"]),   # before the first phase
    ("2025-04-10", ["current", "upcoming", "upcoming"]),    # inside the first
    ("2025-04-30", ["current", "upcoming", "upcoming"]),    # its last day
    ("2025-05-01", ["past", "current", "upcoming"]),        # next day: between two is handover
    ("2025-06-12", ["past", "past", "current"]),            # relative: day after closing
    ("2025-07-11", ["past", "past", "current"]),            # 30th day of the after phase
    ("2025-07-12", ["past", "past", "past"]),               # after the last
])
def test_states_through_a_plan(site, today, expected):
    assert states(site.plans[0], site, today) == expected


def test_between_two_phases_none_current():
    plan = {"date": D("2025-01-01"), "number": "x", "phases": [
        {"label": "1", "start": D("2025-01-01"), "end": D("2025-01-31")},
        {"label": "2", "start": D("2025-03-01"), "end": D("2025-03-31")}]}
    assert [e.state(D("2025-02-15")) for e in timeline.entries(plan, {})] == ["past", "upcoming"]
    assert timeline.plan_state(plan, {}, D("2025-02-15")) == "upcoming"
    assert timeline.plan_state(plan, {}, D("2025-04-01")) == "past"


def test_after_phase_derived_from_congress_and_estimated(site):
    entry = timeline.entries(site.plans[0], site.congresses)[2]
    assert (entry.start, entry.end) == (D("2025-06-12"), D("2025-07-11"))
    assert entry.derived and entry.estimated
    assert entry.range_text == "Từ 12/06/2025 đến 11/07/2025 (dự kiến)"
    assert entry.relative_text == "Sau Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V"


def test_relative_phase_without_congress_dates_has_no_dates(site):
    plan = site.plans[1]   # 192/KH-UBND: before / during the XIV congress, not dated yet
    before, during, other = timeline.entries(plan, site.congresses)
    assert (before.start, before.end, during.start, during.end) == (None, None, None, None)
    assert before.range_text == "Trước Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    assert during.range_text == "Trong Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    assert before.state(D("2025-10-01")) == "unknown"


def test_entering_congress_dates_dates_the_phases(site):
    congresses = dict(site.congresses)
    congresses["toan-quoc-xiv"] = dict(congresses["toan-quoc-xiv"], opening=D("2026-01-19"), closing=D("2026-01-23"))
    before, during, _ = timeline.entries(site.plans[1], congresses)
    assert (before.start, before.end) == (D("2025-09-01"), D("2026-01-18"))   # from the plan's date
    assert (during.start, during.end) == (D("2026-01-19"), D("2026-01-23"))
    assert not during.estimated


def test_written_dates_win_over_congress():
    plan = {"date": D("2025-01-01"), "number": "x", "phases": [
        {"label": "1", "start": D("2025-02-01"), "end": D("2025-02-10"),
         "relative": {"when": "during", "congress": "c"}}]}
    congresses = {"c": {"opening": D("2025-03-01"), "closing": D("2025-03-02"), "name": "Đại hội"}}
    e = timeline.entries(plan, congresses)[0]
    assert (e.start, e.end, e.derived) == (D("2025-02-01"), D("2025-02-10"), False)


def test_tracks_group_parallel_series(site):
    tracks = timeline.tracks(site.plans[1], site.congresses)
    assert [(t.id, t.title, [e.label for e in t.entries]) for t in tracks] == [
        ("1", "Tuyên truyền trên hệ thống loa truyền thanh", ["1.1", "1.2"]),
        ("2", "Tuyên truyền trực quan", ["2.1"])]


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
