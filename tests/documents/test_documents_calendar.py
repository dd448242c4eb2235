"""The calendar read back with icalendar: events over the resolved dates (the same as every page),
RRULE, stable UIDs, RFC 5545 form."""

import dataclasses
from datetime import date, timedelta

from icalendar import Calendar

from docs_helpers import BUILD_DATE, by_kind, load_congresses, load_plan
from daihoi.documents.calendar import fold_line, plan_events, render_ics


def _calendar(built, name):
    plan, out, downloads = built[name]
    (ics,) = by_kind(downloads, "ics")
    raw = (out / ics.path).read_bytes()
    return plan, raw, Calendar.from_ical(raw)


def _events(cal):
    return [c for c in cal.walk("VEVENT")]


def test_seed_07_events(built):
    plan, raw, cal = _calendar(built, "plan_07_kh_duk")
    events = {str(e["UID"]): e for e in _events(cal)}
    # 3 phases (phase 3, after the congress, from the day after it closes, over the same dates as
    # the page shows) + congress XII opening and closing + slogan display + report deadline.
    assert len(events) == 7
    p1 = events["07-kh-duk.giai-doan.0.1@daihoi.documents"]
    assert p1["DTSTART"].dt == date(2016, 1, 4)
    assert p1["DTEND"].dt == date(2016, 1, 21)  # exclusive end of an all-day event
    p3 = events["07-kh-duk.giai-doan.0.3@daihoi.documents"]
    phase3 = plan.phases[2]
    assert (p3["DTSTART"].dt, p3["DTEND"].dt) == (date(2016, 1, 29), phase3.end + timedelta(days=1))
    assert str(p3["SUMMARY"]).startswith("[07-KH/ĐUK] Giai đoạn 3: ")
    assert events["dai-hoi.dai-hoi-xii.khai-mac@daihoi.documents"]["DTSTART"].dt == date(2016, 1, 21)
    assert events["dai-hoi.dai-hoi-xii.be-mac@daihoi.documents"]["DTSTART"].dt == date(2016, 1, 28)
    display = events["07-kh-duk.treo-khau-hieu@daihoi.documents"]
    assert (display["DTSTART"].dt, display["DTEND"].dt) == (date(2016, 1, 12), date(2016, 2, 5))
    report = events["07-kh-duk.bao-cao.1@daihoi.documents"]
    assert report["DTSTART"].dt == date(2016, 2, 9)
    assert "Hạn báo cáo" in str(report["SUMMARY"])
    # XIII (2021) is outside this plan's window and not referenced: not in its calendar.
    assert not any("xiii" in uid for uid in events)
    for e in events.values():
        assert e["DTSTAMP"].dt.date() == BUILD_DATE


def test_monthly_report_rrule(built):
    plan, raw, cal = _calendar(built, "plan_20_kh_duk")
    (rep,) = [e for e in _events(cal) if "bao-cao" in str(e["UID"])]
    rule = rep["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYMONTHDAY"] == [20]
    assert rep["DTSTART"].dt == date(2020, 1, 20)  # first 20th after the plan date 30/12/2019
    assert rule["UNTIL"][0] == date(2021, 2, 28)  # the plan's last date
    assert b"RRULE:FREQ=MONTHLY;BYMONTHDAY=20;UNTIL=20210228\r\n" in raw


def test_relative_phases_take_the_congress_dates(built):
    _, _, cal = _calendar(built, "plan_38_kh_du")
    events = {str(e["UID"]): e for e in _events(cal)}
    during = events["38-kh-du.giai-doan.2.dot-2@daihoi.documents"]
    assert (during["DTSTART"].dt, during["DTEND"].dt) == (date(2021, 1, 25), date(2021, 2, 2))
    before = events["38-kh-du.giai-doan.2.dot-1@daihoi.documents"]
    # From the plan's date to the eve of the opening, as on the page (not a one-day "end" event).
    assert (before["DTSTART"].dt, before["DTEND"].dt) == (date(2020, 2, 17), date(2021, 1, 25))
    # Track 1 "Đợt 4" follows the Khối congress, whose dates are unknown: no event.
    assert "38-kh-du.giai-doan.1.dot-4@daihoi.documents" not in events
    # Both tracks have a "Đợt 1": the track keeps their UIDs apart.
    assert "38-kh-du.giai-doan.1.dot-1@daihoi.documents" in events


def test_uids_do_not_depend_on_content():
    plan = load_plan("plan_07_kh_duk")
    before = {e.uid for e in plan_events(plan, load_congresses())}
    first = dataclasses.replace(plan.tracks[0].phases[0], title="Tiêu đề đã sửa", start=date(2016, 1, 5))
    track = dataclasses.replace(plan.tracks[0], phases=(first,) + plan.tracks[0].phases[1:])
    edited = dataclasses.replace(plan, tracks=(track,), slogan_display=(date(2016, 1, 12), date(2016, 2, 10)))
    after = {e.uid for e in plan_events(edited, load_congresses())}
    assert before == after


def test_rfc5545_form(built):
    for name in ["plan_07_kh_duk", "plan_20_kh_duk", "plan_192_kh_ubnd"]:
        _, raw, cal = _calendar(built, name)
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        for line in raw.split(b"\r\n"):
            assert len(line) <= 75
            line.decode("utf-8")  # folding never cuts a multi-byte character
        starts = [(e["DTSTART"].dt, str(e["UID"])) for e in _events(cal)]
        assert [s for s, _ in starts] == sorted(s for s, _ in starts)
        assert cal["VERSION"] == "2.0" and "PRODID" in cal


def test_fold_line_round_trip():
    line = "SUMMARY:" + "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; " * 5
    folded = fold_line(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_state_plan_calendar(built):
    _, _, cal = _calendar(built, "plan_192_kh_ubnd")
    events = _events(cal)
    kinds = sorted(str(e["UID"]).split("@")[0] for e in events)
    assert kinds == [
        "192-kh-ubnd.bao-cao.1", "192-kh-ubnd.bao-cao.2", "192-kh-ubnd.giai-doan.0.1",
        "192-kh-ubnd.giai-doan.0.2", "192-kh-ubnd.treo-khau-hieu",
    ]


def test_render_ics_is_deterministic():
    plan = load_plan("plan_20_kh_duk")
    a = render_ics(plan_events(plan, load_congresses()), build_date=date(2026, 1, 1), calendar_name="x")
    b = render_ics(plan_events(plan, load_congresses()), build_date=date(2026, 1, 1), calendar_name="x")
    assert a == b
    c = render_ics(plan_events(plan, load_congresses()), build_date=date(2026, 1, 1) + timedelta(days=1), calendar_name="x")
    assert a != c and a.replace(b"20260101T", b"20260102T") == c


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from daihoi.documents.calendar import CalendarEvent  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r") | st.sampled_from(
    list(",;\\\nĐđẢảỆệ“”–")), min_size=1, max_size=300))
def test_any_summary_round_trips_through_icalendar(summary):
    ics = render_ics([CalendarEvent("x@y", date(2020, 1, 1), date(2020, 1, 2), summary, summary)],
                     build_date=date(2026, 1, 1), calendar_name="Lịch")
    for line in ics.split(b"\r\n"):
        assert len(line) <= 75
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == summary
