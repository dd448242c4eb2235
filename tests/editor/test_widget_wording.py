"""The widget's sentence when no phase is on: "over" once every phase has ended ("chưa có"
would say the campaign has not begun)."""
from datetime import date

from daihoi.site import widget

PAST = {"start": "2020-01-01", "end": "2020-06-30"}
UNDATED = {"start": None, "end": None}


def test_every_phase_ended_says_the_campaigns_are_over():
    assert widget.shown_pick("none", [PAST, dict(PAST, end="2021-03-03")], date(2021, 5, 1)) == "over"
    assert widget.PICK_TEXT["over"] == "Các đợt tuyên truyền đã kết thúc"


def test_nothing_on_without_the_end_of_everything_is_not_over():
    assert widget.shown_pick("none", [PAST, UNDATED], date(2021, 5, 1)) == "none"     # an undated phase may come
    assert widget.shown_pick("none", [], date(2021, 5, 1)) == "none"
    assert widget.shown_pick("current", [PAST], date(2020, 3, 1)) == "current"
    assert "chưa" not in widget.PICK_TEXT["none"]
