"""The page's script in Chromium with a fixed clock, against the Python rule it mirrors."""
import re
from datetime import date
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from helpers import SITE_FIXTURE
from daihoi.model import content, timeline
from daihoi.model.plan import PLAN_STATE_LABELS

PLAN = "ke-hoach/12-kh-du/"


@pytest.fixture(scope="module")
def model():
    s, _ = content.load(SITE_FIXTURE)
    return s


def states_in_page(page):
    return page.eval_on_selector_all("[data-dh-timeline] [data-dh-phase]",
                                     "els => els.map(e => [e.dataset.state, e.querySelector('[data-dh-state]').textContent])")


# The site is built for 2025-05-15; a reader opens it on other days.
@pytest.mark.parametrize("day", ["2025-03-01", "2025-04-30", "2025-05-01", "2025-06-12", "2025-07-11",
                                 "2025-07-12", "2026-01-20"])
def test_timeline_state_follows_reader_clock(phone, model, day):
    p = phone(clock=f"{day}T08:00:00+07:00")
    page = p.open(PLAN)
    expected = []
    for plan in model.plans[:1]:
        for e in plan.phases:
            s = e.state(date.fromisoformat(day))
            expected.append([s, timeline.STATE_LABELS[s]])
    assert states_in_page(page) == expected
    # The notes beside each phase's heading in the document say the same.
    notes = page.eval_on_selector_all("#toan-van [data-dh-phase]",
                                      "els => els.map(e => [e.dataset.state, e.querySelector('[data-dh-state]').textContent])")
    assert notes == expected
    assert p.errors == []


def test_reader_clock_just_before_midnight_uses_local_date(phone):
    # 23:30 on 30/04 in Hà Nội is still Đợt 1's last day, though UTC says 16:30 the same day.
    page = phone(clock="2025-04-30T23:30:00+07:00").open(PLAN)
    assert [s for s, _ in states_in_page(page)] == ["current", "upcoming", "upcoming"]


def test_without_javascript_build_day_states_show(phone):
    p = phone(clock="2026-01-20T08:00:00+07:00", javascript=False)
    page = p.open(PLAN)
    assert [s for s, _ in states_in_page(page)] == ["past", "current", "upcoming"]   # as built for 2025-05-15
    assert page.locator("button[data-dh-copy]").first.is_hidden()


@pytest.mark.parametrize("day,text", [
    ("2025-05-15", "Còn 26 ngày đến ngày khai mạc"),
    ("2025-06-09", "Còn 1 ngày đến ngày khai mạc"),
    ("2025-06-10", "Đại hội khai mạc hôm nay"),
    ("2025-06-11", "Đại hội đang diễn ra"),
    ("2025-06-20", "Đại hội đã bế mạc ngày 11/06/2025"),
])
def test_countdown_follows_reader_clock(phone, model, day, text):
    page = phone(clock=f"{day}T10:00:00+07:00").open("")
    assert page.locator("[data-dh-countdown]").inner_text().strip() == text
    assert timeline.countdown(model.target, date.fromisoformat(day))["text"] == text


def test_now_card_and_plan_badges_follow_reader_clock(phone, model):
    page = phone(clock="2025-06-20T10:00:00+07:00").open("")
    visible = page.locator("[data-dh-now] [data-dh-glance-phase]:visible .dh-glance__name").all_inner_texts()
    assert [" ".join(v.split()) for v in visible] == ["Đợt 3: Sau Đại hội"]
    assert "còn 22 ngày" in page.locator("[data-dh-now] [data-dh-glance-phase]:visible").inner_text()
    badge = page.locator(".dh-plans-list [data-dh-plan-state], .dh-list [data-dh-plan-state]").first
    assert badge.inner_text() == PLAN_STATE_LABELS[model.plans[0].state(date(2025, 6, 20))]
    page = phone(clock="2025-08-01T10:00:00+07:00").open("")
    assert page.locator("[data-dh-now] [data-dh-glance-phase]:visible").count() == 0
    assert page.locator("[data-dh-now-empty]").is_visible()


def test_copy_button_copies_the_slogan(phone, model):
    p = phone(clock="2025-05-15T10:00:00+07:00")
    p.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = p.open("khau-hieu/")
    button = page.locator("button[data-dh-copy]").first
    assert button.is_visible()
    button.click()
    # The label changes once the clipboard has the text (a promise): wait for it, under load too.
    expect(button).to_have_text(re.compile(r"^Đã sao chép"))
    assert page.evaluate("navigator.clipboard.readText()") == model.plans[0].slogans[0].text
    assert page.locator("[role=status][data-dh-copy-status]").inner_text() == "Đã sao chép khẩu hiệu"
    assert p.errors == []


@pytest.mark.parametrize("path", ["", PLAN, "ke-hoach/192-kh-ubnd/", "ke-hoach/", "khau-hieu/", "tai-lieu/"])
def test_pages_load_only_from_local_server_without_errors(phone, server, path):
    p = phone(clock="2025-05-15T10:00:00+07:00")
    page = p.open(path)
    page.wait_for_load_state("networkidle")
    hosts = {urlparse(u).netloc for u in p.requests}
    assert hosts == {urlparse(server).netloc}
    assert p.errors == []
    # Phone first: nothing wider than the 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
