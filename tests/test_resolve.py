"""The resolved plan (daihoi.model.resolve): names, dates and where they came from, what the
text says under each phase and unit, and warnings when the data does not point into the text."""
from datetime import date
from pathlib import Path

import pytest

from helpers import ROOT, SITE_FIXTURE
from daihoi.model import content, resolve, source

D = date.fromisoformat


@pytest.fixture(scope="module")
def site():
    s, problems = content.load(SITE_FIXTURE)
    assert s is not None, problems
    return s


@pytest.fixture(scope="module")
def sample():
    s, problems = content.load(ROOT / "content")
    assert s is not None, problems
    return {p.number: p for p in s.plans}


def plan_from(text: str, congresses: dict | None = None):
    """A plan file's text -> (resolved plan, warnings), as the build reads it."""
    from daihoi.model import schema

    src, problems = source.read_text(text, "ke-hoach/x.md")
    assert src is not None and not problems, problems
    checker = schema.Checker(src)
    data = checker.check(schema.PLAN, src.data)
    assert not checker.problems, checker.problems
    data.update(path="ke-hoach/x.md", slug="x", body=src.body, body_line=src.body_line)
    return resolve.resolve(data, congresses or {}, src)


HEAD = '''---
number: "5-KH/ĐU"
system: "dang"
issuer: "ĐẢNG ỦY PHƯỜNG A"
date: "2025-01-02"
title: "Tuyên truyền đại hội"
'''


# 12-KH/ĐU: Đợt 1 05/03-30/04, Đợt 2 01/05-11/06, Đợt 3 after the congress (closing 11/06): 12/06, 30 days.
@pytest.mark.parametrize("today,expected", [
    ("2025-03-01", ["upcoming", "upcoming", "upcoming"]),
    ("2025-04-10", ["current", "upcoming", "upcoming"]),
    ("2025-04-30", ["current", "upcoming", "upcoming"]),
    ("2025-05-01", ["past", "current", "upcoming"]),
    ("2025-06-12", ["past", "past", "current"]),
    ("2025-07-11", ["past", "past", "current"]),
    ("2025-07-12", ["past", "past", "past"]),
])
def test_states_through_a_plan(site, today, expected):
    plan = next(p for p in site.plans if p.number == "12-KH/ĐU")
    assert [p.state(D(today)) for p in plan.phases] == expected


def test_after_phase_from_congress_is_an_estimate_with_its_sources(site):
    third = next(p for p in site.plans if p.number == "12-KH/ĐU").phases[2]
    assert (third.start, third.end) == (D("2025-06-12"), D("2025-07-11"))
    assert (third.start_from, third.end_from) == ("congress", "estimate") and third.estimated
    assert third.range_text == "Từ 12/06/2025 đến 11/07/2025 (dự kiến)"
    assert third.relative_text == "Sau Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V"


def test_phase_defined_by_a_congress_without_dates_has_none(site):
    plan = next(p for p in site.plans if p.number == "192/KH-UBND")
    before, during, other = plan.phases
    assert (before.start, before.end, during.start, during.end) == (None, None, None, None)
    assert before.range_text == "Trước Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    assert during.range_text == "Trong thời gian Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    assert before.state(D("2025-10-01")) == "unknown"


def test_entering_congress_dates_dates_the_phases():
    phase = {"label": "1", "relative": {"when": "before", "congress": "c"}}
    congress = {"opening": D("2026-01-19"), "closing": D("2026-01-23")}
    assert resolve.phase_dates(phase, D("2025-09-01"), congress, None) == (
        D("2025-09-01"), "plan-date", D("2026-01-18"), "congress")
    during = {"label": "2", "relative": {"when": "during", "congress": "c"}}
    assert resolve.phase_dates(during, D("2025-09-01"), congress, None) == (
        D("2026-01-19"), "congress", D("2026-01-23"), "congress")


def test_written_dates_win_and_a_stated_campaign_end_bounds_the_after_phase():
    congress = {"opening": D("2016-01-20"), "closing": D("2016-01-28")}
    stated = {"label": "1", "start": D("2016-02-01"), "end": D("2016-02-10"), "relative": {"when": "during"}}
    assert resolve.phase_dates(stated, D("2016-01-04"), congress, None) == (
        D("2016-02-01"), "stated", D("2016-02-10"), "stated")
    after = {"label": "3", "relative": {"when": "after"}}
    assert resolve.phase_dates(after, D("2016-01-04"), congress, D("2016-02-04")) == (
        D("2016-01-29"), "congress", D("2016-02-04"), "campaign")
    # A campaign end before the phase begins says nothing about it: the estimate stays.
    assert resolve.phase_dates(after, D("2016-01-04"), congress, D("2016-01-10"))[3] == "estimate"


def test_tracks_keep_their_own_titles_and_keys(site):
    plan = next(p for p in site.plans if p.number == "192/KH-UBND")
    assert [(t.id, t.title, [p.label for p in t.phases]) for t in plan.tracks] == [
        ("1", "Tuyên truyền trên hệ thống loa truyền thanh", ["1.1", "1.2"]),
        ("2", "Tuyên truyền trực quan", ["2.1"])]
    assert [p.key for p in plan.phases] == ["1-1-1", "1-1-2", "2-2-1"]


def test_name_takes_the_plans_own_word(sample):
    # 07-KH/ĐUK: "… theo ba giai đoạn:" then "1.", "2.", "3."
    assert [p.name for p in sample["07-KH/ĐUK"].phases] == ["Giai đoạn 1", "Giai đoạn 2", "Giai đoạn 3"]
    # 20-KH/ĐUK: "1. Các đợt tuyên truyền" then "1.1." ...
    assert sample["20-KH/ĐUK"].phases[0].name == "Đợt 1.1"
    # 38-KH/ĐU: the label says it.
    assert [p.name for p in sample["38-KH/ĐU"].phases][:2] == ["Đợt 1", "Đợt 2"]


def test_same_label_in_two_tracks_gets_two_keys(sample):
    keys = [p.key for p in sample["38-KH/ĐU"].phases]
    assert len(keys) == len(set(keys)) == 7
    assert "1-dot-2" in keys and "2-dot-2" in keys


def test_items_and_moments_are_read_from_the_text(sample):
    first = sample["07-KH/ĐUK"].phases[0]
    assert len(first.items) == 5 and first.items[0].startswith("Tuyên truyền về thành công và Nghị quyết")
    # The paragraph after the last phase's bullets belongs to the section, not to the phase.
    assert not any(i.startswith("Trong quá trình triển khai") for i in sample["07-KH/ĐUK"].phases[2].items)
    p13 = sample["20-KH/ĐUK"].phases[2]
    assert [m.when for m in p13.moments] == ["before", "during", "after"]
    assert all(m.items for m in p13.moments) and not p13.items
    assert p13.main_items[0].startswith("Các dự thảo văn kiện trình Đại hội")


def test_unit_tasks_come_after_the_name_in_its_sentence(sample):
    units = sample["07-KH/ĐUK"].units
    assert units[1].tasks == ("Tổ chức thực hiện các nội dung nêu tại Kế hoạch số 02-KH/BTGTU, ngày 24/12/2015 "
                              "của Ban Tuyên giáo Thành ủy",)
    assert len(units[0].tasks) == 2


def test_every_quote_of_the_sample_is_found_in_the_text(sample):
    for plan in sample.values():
        assert all(p.block is not None for p in plan.phases), plan.number
        assert all(s.block is not None for s in plan.slogans), plan.number
        assert all(u.block is not None for u in plan.units), plan.number


def test_quote_not_in_the_text_is_a_warning_with_its_line():
    text = HEAD + '''phases:
- label: "1"
  title: "Từ tháng 3/2025"
  start: "2025-03-01"
slogans:
- "Nhiệt liệt chào mừng!"
---

## I. NỘI DUNG

1\\. Từ tháng 3/2025:

- Tuyên truyền.
'''
    plan, problems = plan_from(text)
    assert plan.phases[0].block is not None and plan.phases[0].items == ("Tuyên truyền.",)
    (warning,) = problems
    assert warning.code == "quote-not-found" and warning.line == 12 and "khẩu hiệu thứ 1" in warning.what


def test_missing_issuer_warns_and_suggests_the_body_named_in_the_text():
    text = HEAD.replace('issuer: "ĐẢNG ỦY PHƯỜNG A"\n', "") + '''---

Ban Thường vụ Đảng ủy phường Quang Trung xây dựng Kế hoạch tuyên truyền như sau:
'''
    plan, problems = plan_from(text)
    assert plan.issuer is None
    (warning,) = problems
    assert warning.code == "issuer-missing" and "ĐẢNG ỦY PHƯỜNG QUANG TRUNG" in warning.fix


def test_next_deadline_monthly_and_due(sample):
    plan = sample["20-KH/ĐUK"]          # "vào ngày 20 hàng tháng"
    day, report = plan.next_deadline(D("2020-09-15"))
    assert day == D("2020-09-20") and report.day_of_month == 20
    assert plan.next_deadline(D("2030-01-01")) is None       # after the plan's last phase
    due = sample["07-KH/ĐUK"]
    assert due.next_deadline(D("2016-02-01"))[0] == D("2016-02-09")


def test_checks_name_phases_as_the_pages_do(sample):
    # The content check runs before the plan is resolved; its messages still say "Giai đoạn 2"
    # where the page, PDF and calendar do (07-KH/ĐUK), not "đợt 2".
    file = ROOT / "content" / "ke-hoach" / "07-kh-duk.md"
    src, _ = source.read_text(file.read_text(encoding="utf-8"), "07-kh-duk.md")
    phases = src.data["phases"]
    assert resolve.phase_names(phases, src.body, src.body_line) == [p.name for p in sample["07-KH/ĐUK"].phases]

    from daihoi.model import validate
    swapped = dict(src.data, phases=[dict(phases[0], start=D("2016-01-10"), end=D("2016-01-20")),
                                     dict(phases[1], start=D("2016-01-15"), end=D("2016-01-25"))])
    (found,) = validate.phase_order(swapped, src, set())
    assert found.code == "phase-overlap"
    assert found.what.startswith("Giai đoạn 2 bắt đầu (15/01/2016) trước khi Giai đoạn 1 kết thúc (20/01/2016)")
