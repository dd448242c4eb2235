"""The built pages, parsed as HTML: dates as <time>, slogans, header fields, no outside host."""
import json
import re

import pytest
from bs4 import BeautifulSoup

from helpers import SITE_FIXTURE
from daihoi.model import content, timeline


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def model():
    s, _ = content.load(SITE_FIXTURE)
    return s


PAGES = ["index.html", "ke-hoach/index.html", "ke-hoach/12-kh-du/index.html", "ke-hoach/192-kh-ubnd/index.html",
         "khau-hieu/index.html", "tai-lieu/index.html"]


def test_plan_page_phase_dates_as_time_elements(built_site, model):
    page = soup(built_site, "ke-hoach/12-kh-du/index.html")
    timeline_el = page.select_one("[data-dh-timeline]")
    phases = timeline_el.select("[data-dh-phase]")
    entries = model.plans[0].phases
    assert len(phases) == len(entries) == 3
    for li, e in zip(phases, entries):
        datetimes = [t["datetime"] for t in li.select(".dh-phase__dates time")]
        assert datetimes == [e.start.isoformat(), e.end.isoformat()]
        assert li["data-start"] == e.start.isoformat() and li["data-end"] == e.end.isoformat()
        assert li.select_one(".dh-phase__label").get_text(strip=True) == e.name
    # --today 2025-05-15: Đợt 1 past, Đợt 2 current, Đợt 3 upcoming; the state is also in words.
    assert [li["data-state"] for li in phases] == ["past", "current", "upcoming"]
    assert [li.select_one("[data-dh-state]").get_text(strip=True) for li in phases] == [
        "Đã qua", "Đang diễn ra", "Sắp tới"]
    peak = phases[1].select_one(".dh-phase__peak")
    assert [t["datetime"] for t in peak.select("time")] == ["2025-06-01", "2025-06-11"]
    assert "Cao điểm" in peak.get_text()


def test_plan_page_party_header_and_document_parts(built_site):
    page = soup(built_site, "ke-hoach/12-kh-du/index.html")
    header = page.select_one(".dh-doc-header")
    text = header.get_text(" ", strip=True)
    assert "ĐẢNG BỘ QUẬN HÀ ĐÔNG" in text and "ĐẢNG ỦY PHƯỜNG QUANG TRUNG" in text
    assert "Số 12-KH/ĐU" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Hà Đông, ngày 05 tháng 3 năm 2025" in text
    assert header.select_one(".dh-doc-header__date time")["datetime"] == "2025-03-05"
    assert page.select_one("h1").get_text(" ", strip=True) == (
        "Kế hoạch số 12-KH/ĐU Tuyên truyền Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V, nhiệm kỳ 2025 - 2030")
    assert page.select_one(".dh-doc-title").get_text(" ", strip=True) == (
        "KẾ HOẠCH Tuyên truyền Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V, nhiệm kỳ 2025 - 2030")
    document = page.select_one("#toan-van").get_text(" ", strip=True)
    for fragment in ["Chỉ thị số 45-CT/TW ngày 14/4/2025", "I. MỤC ĐÍCH, YÊU CẦU", "1. Các chi bộ trực thuộc",
                     "Xây dựng kế hoạch tuyên truyền", "trước ngày 30/06/2025", "vào ngày 20 hàng tháng",
                     "Nơi nhận:", "Lưu VP", "T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An", "Trước khai mạc:",
                     "Treo khẩu hiệu, băng rôn"]:
        assert fragment in document, fragment
    assert "Treo từ ngày 20/05/2025 đến hết ngày 15/06/2025" in page.select_one("#khau-hieu").get_text(" ", strip=True)
    assert page.title.get_text() == "Kế hoạch số 12-KH/ĐU - Hướng tới Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V"


def test_plan_page_state_header_and_tracks(built_site):
    page = soup(built_site, "ke-hoach/192-kh-ubnd/index.html")
    header = page.select_one(".dh-doc-header").get_text(" ", strip=True)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header and "Độc lập - Tự do - Hạnh phúc" in header
    assert "Số: 192/KH-UBND" in header and "ĐẢNG CỘNG SẢN" not in header
    assert "Phường Quang Trung, ngày 01 tháng 9 năm 2025" in header
    tracks = page.select("[data-dh-timeline] .dh-timeline__track")
    assert [t.select_one(".dh-timeline__track-title").get_text(strip=True) for t in tracks] == [
        "Tuyên truyền trên hệ thống loa truyền thanh", "Tuyên truyền trực quan"]
    undated = tracks[0].select("[data-dh-phase]")
    assert all(li["data-state"] == "unknown" and not li.has_attr("data-start") for li in undated)
    assert undated[0].select_one(".dh-phase__dates").get_text(strip=True) == (
        "Trước Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")
    signer = page.select_one(".dh-doc-signer").get_text(" ", strip=True)
    assert signer == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Bình"


def test_every_slogan_on_slogans_page(built_site, model):
    page = soup(built_site, "khau-hieu/index.html")
    texts = [p.get_text(strip=True) for p in page.select(".dh-slogan")]
    assert texts == [s.text for p in model.plans for s in p.slogans]
    assert "Treo từ ngày 20/05/2025 đến hết ngày 15/06/2025" in page.get_text()
    buttons = page.select("button[data-dh-copy]")
    assert len(buttons) == len(texts) and all(b.has_attr("hidden") for b in buttons)   # shown by JS only


def test_landing_countdown_now_and_links(built_site):
    page = soup(built_site, "index.html")
    hero = page.select_one(".dh-hero")
    assert "Hướng tới Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V" in hero.select_one("h1").get_text()
    assert [t["datetime"] for t in hero.select(".dh-hero__dates time")] == ["2025-06-10", "2025-06-11"]
    countdown = hero.select_one("[data-dh-countdown]")
    assert countdown.get_text(" ", strip=True) == "Còn 26 ngày đến ngày khai mạc"
    assert countdown["data-opening"] == "2025-06-10"
    assert json.loads(countdown["data-texts"])["before"] == timeline.COUNTDOWN_TEXT["before"]
    now = page.select_one("[data-dh-now]")
    visible = [a for card in now.select("[data-dh-glance]") if not card.has_attr("hidden")
               for a in card.select("[data-dh-glance-phase]") if not a.has_attr("hidden")]
    assert [" ".join(a.select_one(".dh-glance__name").get_text().split()) for a in visible] == [
        "Đợt 2: Từ ngày 01/5 đến ngày 11/6/2025"]
    assert "còn 28 ngày" in visible[0].get_text(" ", strip=True)     # 15/05 to 11/06, today counted
    assert now.select_one("[data-dh-now-empty]").has_attr("hidden")
    hrefs = {a["href"] for a in page.select("a[href]")}
    assert {"./ke-hoach/12-kh-du/", "./ke-hoach/192-kh-ubnd/", "./tai-lieu/", "./khau-hieu/"} <= hrefs


@pytest.mark.parametrize("path", PAGES)
def test_no_outside_host_and_no_inline_script(built_site, path):
    html = (built_site / path).read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    for tag in page.select("script"):
        assert tag.has_attr("src") and not tag.get_text(strip=True), f"inline script in {path}"
    for attr in ("src", "href"):
        for tag in page.select(f"[{attr}]"):
            value = tag[attr]
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue      # canonical names the portal's own URL; it loads nothing
            if tag.name == "a" and re.match(r"^https?://", value):
                # A link the reader may follow (share on Zalo, Facebook), not a request the page makes.
                assert {"noopener", "noreferrer"} <= set(tag.get("rel", [])), f"{path}: {value}"
                continue
            assert not re.match(r"^(https?:)?//", value), f"{path}: {tag.name} {attr}={value}"
            # Root-absolute links break when the portal serves the section under a sub-path.
            assert not value.startswith("/"), f"{path}: {tag.name} {attr}={value}"
    assert not any(a.startswith("on") for tag in page.find_all(True) for a in tag.attrs)
    assert page.html["lang"] == "vi"


def test_links_are_relative_so_any_sub_path_works(built_site):
    page = soup(built_site, "ke-hoach/12-kh-du/index.html")
    css = [l["href"] for l in page.select("link[rel=stylesheet]")]
    assert css and all(h.startswith("../../") for h in css)
    assert page.select_one("script[src]")["src"] == "../../assets/daihoi.js"


def test_plan_json_published_beside_page(built_site, model):
    data = json.loads((built_site / "ke-hoach/12-kh-du.json").read_text(encoding="utf-8"))
    assert data["schema"] == "plan/1" and data["number"] == "12-KH/ĐU" and data["date"] == "2025-03-05"
    assert [p["label"] for p in data["phases"]] == ["Đợt 1", "Đợt 2", "Đợt 3"]
    assert data["reporting"] == [{"due": "2025-06-30", "day_of_month": None, "to": "Ban Tuyên giáo Quận ủy"},
                                 {"due": None, "day_of_month": 20, "to": None}]
    assert [p["name"] for p in data["phases"]] == ["Đợt 1", "Đợt 2", "Đợt 3"]
    assert data["phases"][2]["resolved"] == {"start": "2025-06-12", "end": "2025-07-11", "start_from": "congress",
                                              "end_from": "estimate"}
    index = json.loads((built_site / "ke-hoach/index.json").read_text(encoding="utf-8"))
    assert [p["number"] for p in index["plans"]] == ["12-KH/ĐU", "192/KH-UBND"]
    assert all((built_site / p["json"]).is_file() for p in index["plans"])


def test_material_sources_not_published(built_site):
    assert not (built_site / "components").exists()
    assert not (built_site / "assets/javascripts").exists()
    assert not list(built_site.rglob("*.map"))
    assert not (built_site / "_du-lieu").exists()


@pytest.mark.parametrize("path", ["ke-hoach/12-kh-du/index.html", "khau-hieu/index.html"])
def test_plan_and_slogan_pages_have_share_links_without_third_party_script(built_site, path):
    page = soup(built_site, path)
    bar = page.select_one("[data-dh-share]")
    assert bar is not None
    hrefs = [a["href"] for a in bar.select("a[href]")]
    assert any("zalo.me" in h for h in hrefs) and any("facebook.com" in h for h in hrefs)
    assert all(tag.has_attr("src") and tag["src"].startswith("../") for tag in page.select("script"))


def test_menu_names_are_vietnamese(built_site):
    page = soup(built_site, "index.html")
    top = [x.get_text(" ", strip=True) for x in page.select(
        ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")]
    assert top[0] == "Trang chủ" and "Kế hoạch" in top
    assert not {"Home", "Ke hoach", "Tin tuc"} & set(top)
    assert page.title.get_text() == "Hướng tới Đại hội đại biểu Đảng bộ phường Quang Trung lần thứ V"

