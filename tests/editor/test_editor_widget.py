"""The portal widget: its rule (Python), its files in the built site, and its state in Chromium."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from daihoi.model import content, timeline
from daihoi.site import widget
from helpers import SITE_FIXTURE

# Days around the fixture's plan 12-KH/ĐU (Đợt 1 05/03-30/04, Đợt 2 01/05-11/06, Đợt 3 12/06-11/07 dự kiến),
# plan 192 (2.1: 01/10-31/12/2025) and the congress phuong-v (10-11/06/2025).
DAYS = ["2025-01-10", "2025-03-05", "2025-05-15", "2025-06-10", "2025-06-11", "2025-06-12",
        "2025-08-01", "2025-12-31", "2026-02-01"]


@pytest.fixture(scope="module")
def fixture_data():
    site, problems = content.load(SITE_FIXTURE)
    assert site is not None, problems
    return widget.data(site, lambda path: path[:-len(".md")] + "/")   # the engine's directory URLs


def test_pick_prefers_the_phase_that_started_last_then_the_next_one():
    a = {"start": "2025-01-01", "end": "2025-12-31", "label": "A"}
    b = {"start": "2025-05-01", "end": "2025-05-31", "label": "B"}
    c = {"start": "2025-07-01", "end": None, "label": "C"}
    undated = {"start": None, "end": None, "label": "D"}
    phases = [undated, a, b, c]
    assert widget.pick(phases, date(2025, 5, 10)) == ("current", b)
    assert widget.pick(phases, date(2025, 6, 10)) == ("current", a)
    assert widget.pick(phases, date(2024, 12, 1)) == ("upcoming", a)
    assert widget.pick(phases, date(2026, 3, 1)) == ("current", c)       # open end: still on
    assert widget.pick([undated], date(2025, 1, 1)) == ("none", None)


def test_state_uses_the_timeline_rule(fixture_data):
    for day in DAYS:
        today = date.fromisoformat(day)
        now = widget.state(fixture_data, today)
        target = fixture_data["congresses"][fixture_data["target"]]
        assert now["countdown"] == timeline.countdown(
            {"opening": date.fromisoformat(target["opening"]), "closing": date.fromisoformat(target["closing"])}, today)
        if now["pick"] == "current":
            p = now["phase"]
            assert timeline.state(date.fromisoformat(p["start"]) if p["start"] else None,
                                  date.fromisoformat(p["end"]) if p["end"] else None, today) == "current"
    assert widget.state(fixture_data, date(2025, 5, 15))["phase"]["label"] == "Đợt 2"


def test_widget_files_are_small_and_local(built_site):
    folder = built_site / "widget"
    files = sorted(folder.iterdir())
    assert {f.name for f in files} == {"index.html", "widget.css", "widget.js", "du-lieu.json"}
    total = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    assert total < 10 * 1024, f"widget/ is {total} bytes gzip"
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), f.name
        assert "url(" not in text and "@import" not in text and "fetch(" not in text
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "vi"
    assert not [s for s in soup.find_all("script") if not s.get("src")]        # no inline script (CSP)
    assert {a["href"] for a in soup.find_all("a")} >= {"../"}
    assert all(a.get("target") == "_top" for a in soup.find_all("a"))          # leave the portal's iframe


def test_widget_json_for_portals(built_site, fixture_data):
    data = json.loads((built_site / "widget" / "du-lieu.json").read_text(encoding="utf-8"))
    assert data["schema"] == "widget/1" and data["target"] == "phuong-v"
    assert data["congresses"]["phuong-v"]["opening"] == "2025-06-10"
    assert data["section"]["url"] == "https://example.gov.vn/huong-toi-dai-hoi/"
    labels = [(p["plan"], p["label"]) for p in data["phases"]]
    assert ("12-KH/ĐU", "Đợt 3") in labels and ("192/KH-UBND", "2.1") in labels
    after = next(p for p in data["phases"] if p["label"] == "Đợt 3")
    assert after["start"] == "2025-06-12" and after["estimated"] is True     # derived from the congress
    assert all(p["plan_url"].startswith("ke-hoach/") and p["plan_url"].endswith("/") for p in data["phases"])
    assert {k: v for k, v in data.items() if k != "section"} == \
        {k: v for k, v in fixture_data.items() if k != "section"}


def test_widget_without_javascript_says_the_build_day(built_site, fixture_data):
    soup = BeautifulSoup((built_site / "widget" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("[data-dhw-countdown]").get_text() == "Còn 26 ngày đến ngày khai mạc"
    assert soup.select_one("[data-dhw-link]").get_text() == "Đợt 2 – Kế hoạch số 12-KH/ĐU"
    assert soup.select_one("[data-dhw-link]")["href"] == "../ke-hoach/12-kh-du/"


def _expected(data, day):
    now = widget.state(data, date.fromisoformat(day))
    link = f"{now['phase']['name']} – Kế hoạch số {now['phase']['plan']}" if now["phase"] else None
    return now["countdown"]["text"], now["pick"], link


@pytest.fixture(scope="module")
def chromium(built_site):
    """What the widget shows in Chromium on each of DAYS (in its own process: see widget_probe.py)."""
    probe = Path(__file__).with_name("widget_probe.py")
    result = subprocess.run([sys.executable, str(probe), str(built_site), "2025-05-15", *DAYS],
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("day", DAYS)
def test_widget_in_chromium_follows_the_reader_clock(chromium, fixture_data, day):
    seen = chromium["days"][day]
    text, pick, link = _expected(fixture_data, day)
    assert seen["countdown"] == text
    assert seen["pick"] == pick
    assert seen["link"] == link
    if link:
        phase = widget.state(fixture_data, date.fromisoformat(day))["phase"]
        assert seen["range"] == phase["range_text"]
        assert seen["href"] == "../" + phase["plan_url"]
    assert not seen["errors"] and not seen["outside"]


def test_widget_in_an_iframe_links_out_of_it(chromium):
    assert chromium["iframe_click"] == "ke-hoach/12-kh-du/"      # the whole window, not the iframe
