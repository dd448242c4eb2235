"""The built site: a post reaches the list, the archive, its category, its phase and the feed;
pictures are sized and lazy; share tags point to files that exist; robots and sitemap."""
import json
from urllib.parse import urlparse

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from news_helpers import POSTS

BASE = "https://example.gov.vn/huong-toi-dai-hoi/"     # portal_url + base_path of the fixture site
POST = "tin-tuc/2025-05-12-dai-hoi-chi-bo-khu-3/"
TITLE = POSTS[0][1]["title"]


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def titles(doc):
    return [a.get_text(strip=True) for a in doc.select(".dh-post-card__title a")]


def test_post_page_has_its_text_date_and_phase(news_built):
    doc = soup(news_built, POST)
    assert doc.h1.get_text(strip=True) == TITLE
    assert doc.select_one(".dh-post__meta time")["datetime"] == "2025-05-12"
    assert "ngày 12 tháng 5 năm 2025" in doc.select_one(".dh-post__meta").get_text()
    phase = doc.select_one(".dh-post__phase")
    assert [a["href"] for a in phase.select("a")] == ["../../tin-tuc/dot/12-kh-du-dot-2/", "../../ke-hoach/12-kh-du/"]


@pytest.mark.parametrize("page", ["tin-tuc/", "tin-tuc/thang/2025-05/", "tin-tuc/chuyen-muc/hoat-dong/",
                                  "tin-tuc/dot/12-kh-du-dot-2/", ""])
def test_post_is_listed(news_built, page):
    assert TITLE in titles(soup(news_built, page))


def test_list_is_paginated_and_archive_lists_months(news_built):
    first, second = soup(news_built, "tin-tuc/"), soup(news_built, "tin-tuc/trang/2/")
    assert len(titles(first)) == 10 and len(titles(second)) == 3
    assert first.select_one('.dh-pager a[rel="next"]')["href"].endswith("tin-tuc/trang/2/")
    assert not set(titles(first)) & set(titles(second))
    months = [a.get_text() for a in soup(news_built, "tin-tuc/luu-tru/").select(".dh-list a")]
    assert months == ["Tháng 5/2025", "Tháng 4/2025", "Tháng 3/2025"]


def test_each_phase_with_posts_links_to_them_from_timeline_and_now_card(news_built):
    for page in ("", "ke-hoach/12-kh-du/"):
        doc = soup(news_built, page)
        links = {a.get_text(strip=True): a["href"] for a in doc.select("[data-dh-timeline] .dh-phase__news a")}
        assert set(links) == {"Tin bài về Đợt 1 (1)", "Tin bài về Đợt 2 (2)"}
        target = (news_built / page / links["Tin bài về Đợt 2 (2)"]).resolve() / "index.html"
        assert target == (news_built / "tin-tuc/dot/12-kh-du-dot-2/index.html").resolve() and target.is_file()
    now = soup(news_built, "").select("[data-dh-now] .dh-glance__news a")
    assert "Tin bài của đợt này (2)" in [a.get_text(strip=True) for a in now]     # built on 2025-05-15: Đợt 2 is on


def test_feed_is_valid_and_has_absolute_links(news_built):
    feed = feedparser.parse((news_built / "tin-tuc/rss.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert BASE + POST in [e.link for e in feed.entries]
    for e in feed.entries:
        path = urlparse(e.link).path.removeprefix("/huong-toi-dai-hoi/")
        assert (news_built / path / "index.html").is_file()
    head = soup(news_built, "")
    assert head.select_one('link[type="application/rss+xml"]')["href"].endswith("tin-tuc/rss.xml")


def test_pictures_are_sized_and_lazy_below_the_fold(news_built):
    doc = soup(news_built, POST)
    cover = doc.select_one("img.dh-post__cover")
    assert cover.get("loading") is None                      # above the fold
    for img in doc.select("article img") + soup(news_built, "").select("img.dh-post-card__image"):
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        for part in img["srcset"].split(","):
            url, width = part.split()
            file = (news_built / POST / url).resolve() if img is cover else None
            if file:
                assert Image.open(file).size[0] == int(width[:-1]) <= 960
    landing = soup(news_built, "").select("img.dh-post-card__image")
    assert landing and all(i["loading"] == "lazy" for i in landing)
    assert not (news_built / "tin-tuc/anh/dai-hoi-chi-bo.jpg").exists()      # the original is not published


@pytest.mark.parametrize("page", ["", POST, "ke-hoach/12-kh-du/", "khau-hieu/", "tin-tuc/"])
def test_share_tags_point_to_files_that_exist(news_built, page):
    doc = soup(news_built, page)
    meta = {m.get("property") or m.get("name"): m["content"] for m in doc.select("meta[content]")}
    for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:image"):
        assert meta.get(key), key
    assert meta["og:url"] == doc.select_one('link[rel="canonical"]')["href"] == BASE + page
    image = news_built / meta["og:image"].removeprefix(BASE)
    assert meta["og:image"].startswith(BASE) and image.is_file()
    assert Image.open(image).size == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
    if page == POST:
        assert meta["og:type"] == "article" and "-chia-se.jpg" in meta["og:image"]


def test_share_links_have_no_script_and_carry_the_address(news_built):
    doc = soup(news_built, POST)
    bar = doc.select_one("[data-dh-share]")
    hrefs = [a["href"] for a in bar.select("a")]
    assert any(h.startswith("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.gov.vn") for h in hrefs)
    assert any("zalo.me" in h for h in hrefs)
    scripts = [s.get("src", "") for s in doc.select("script")]
    assert all(not urlparse(s).netloc for s in scripts)      # no third-party script on the page


def test_robots_and_sitemap(news_built):
    robots = (news_built / "robots.txt").read_text()
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()
    sitemap = (news_built / "sitemap.xml").read_text()
    assert f"<loc>{BASE}{POST}</loc>" in sitemap


def test_search_index_is_built_and_lists_are_not_indexed(news_built):
    index = json.loads((news_built / "tim-kiem/chi-muc/index.json").read_text(encoding="utf-8"))
    urls = [row[0] for k in range(0, index["pages"], index["chunk"])
            for row in json.loads((news_built / f"tim-kiem/chi-muc/p/{k // index['chunk']}.json").read_text())]
    assert POST in urls and "ke-hoach/12-kh-du/" in urls and "khau-hieu/" in urls
    assert not [u for u in urls if u.startswith(("tin-tuc/trang", "tin-tuc/dot", "tin-tuc/thang", "tim-kiem"))]
    assert "tin-tuc/" not in urls
    assert soup(news_built, POST).select_one("[data-pagefind-body]")
    assert soup(news_built, "ke-hoach/12-kh-du/").select_one("[data-pagefind-body]")
    assert not soup(news_built, "tin-tuc/").select_one("[data-pagefind-body]")
    assert not soup(news_built, "tin-tuc/dot/12-kh-du-dot-2/").select_one("[data-pagefind-body]")
