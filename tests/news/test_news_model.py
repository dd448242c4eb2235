"""daihoi.model.news: reading posts (with the editor's line), the generated pages, the feed."""
from datetime import date
from pathlib import Path

import feedparser
import pytest

from helpers import SITE_FIXTURE
from daihoi.model import content, news
from news_helpers import POSTS, write_posts


@pytest.fixture(scope="module")
def site():
    s, _ = content.load(SITE_FIXTURE)
    return s


@pytest.fixture(scope="module")
def posts(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("posts")
    write_posts(folder)
    found, problems = news.load(folder, site.plans, site.congresses)
    assert [p for p in problems if p.is_error] == []
    return found


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "tin-tuc").mkdir(exist_ok=True)
    f = tmp_path / "tin-tuc" / "bai.md"
    f.write_text(text, encoding="utf-8")
    return f


def test_posts_are_read_newest_first_with_both_date_forms(posts):
    assert len(posts) == len(POSTS)
    assert [p["date"] for p in posts] == sorted((p["date"] for p in posts), reverse=True)
    by_slug = {p["slug"]: p for p in posts}
    assert by_slug["2025-04-02-ke-hoach-dai-hoi"]["date"] == date(2025, 4, 2)      # typed 02/04/2025
    first = by_slug["2025-05-12-dai-hoi-chi-bo-khu-3"]
    assert first["plan"] == "12-KH/ĐU" and first["phase"] == "Đợt 2" and first["congress"] == "phuong-v"
    assert [c["slug"] for c in first["categories"]] == ["hoat-dong", "dai-hoi-co-so"]
    assert first["cover"]["file"].is_file()


@pytest.mark.parametrize("front, line, code", [
    ('title: "Tin"\ndate: "2025-02-30"', 3, "news-date"),
    ('date: "2025-02-03"', 0, "news-title"),
    ('title: "Tin"\ndate: "2025-02-03"\nplan: "99-KH/XX"', 4, "news-plan"),
    ('title: "Tin"\ndate: "2025-02-03"\nplan: "12-KH/ĐU"\nphase: "Đợt 9"', 5, "news-phase"),
    ('title: "Tin"\ndate: "2025-02-03"\ncongress: "khong-co"', 4, "news-congress"),
    ('title: "Tin"\ndate: "2025-02-03"\ncover: "anh/khong-co.jpg"', 4, "news-cover"),
])
def test_each_mistake_is_reported_at_its_line(site, tmp_path, front, line, code):
    f = write(tmp_path, f"---\n{front}\n---\nNội dung.\n")
    post, problems = news.read_post(f, "content/tin-tuc/bai.md", site.plans, site.congresses)
    assert post is None
    found = [p for p in problems if p.code == code]
    assert found and found[0].line == line, problems
    assert str(found[0]).startswith(f"content/tin-tuc/bai.md{':' + str(line) if line else ''}: ")


def test_unknown_field_is_a_warning_that_names_the_known_ones(site, tmp_path):
    f = write(tmp_path, '---\ntitle: "Tin"\ndate: "2025-02-03"\ntac_gia: "A"\n---\n')
    post, problems = news.read_post(f, "content/tin-tuc/bai.md", site.plans, site.congresses)
    assert post is not None
    assert [p.code for p in problems] == ["news-unknown-field"] and "author" in problems[0].fix


def test_pages_list_month_category_and_phase(posts, site):
    nw = news.build(posts, site.plans)
    lists = [v for v in nw.pages.values() if v["kind"] == "list"]
    assert len(lists) == 2 and len(lists[0]["posts"]) == news.PER_PAGE               # 13 posts, 10 a page
    assert nw.pages["tin-tuc/trang/2.md"]["prev"] == "tin-tuc/index.md"
    assert [p["slug"] for p in nw.pages["tin-tuc/thang/2025-05.md"]["posts"]] == \
        ["2025-05-20-treo-khau-hieu", "2025-05-12-dai-hoi-chi-bo-khu-3"]
    assert len(nw.pages["tin-tuc/chuyen-muc/ban-tin.md"]["posts"]) == 10
    assert nw.phases[("12-KH/ĐU", "dot-2")] == {"page": "tin-tuc/dot/12-kh-du-dot-2.md", "count": 2}
    assert nw.months[0] == {"name": "Tháng 5/2025", "page": "tin-tuc/thang/2025-05.md", "count": 2}
    links = news.phase_links(nw, "12-KH/ĐU", lambda p: p.replace(".md", "/"))
    assert set(links) == {"dot-1", "dot-2"}          # by phase key (a plan without tracks: its label)


def test_feed_is_valid_rss_with_absolute_links(posts, site):
    nw = news.build(posts, site.plans)
    xml = news.rss(nw, "https://example.gov.vn/huong-toi-dai-hoi/", "Chuyên mục & tin", "Mô tả <b>",
                   lambda p: p.removesuffix(".md").removesuffix("index") + ("" if p.endswith("index.md") else "/"))
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "Chuyên mục & tin - Tin tức"
    assert len(feed.entries) == len(POSTS)
    top = feed.entries[0]
    assert top.link == "https://example.gov.vn/huong-toi-dai-hoi/tin-tuc/2025-05-20-treo-khau-hieu/"
    assert top.published_parsed[:3] == (2025, 5, 14)
    assert all(e.link.startswith("https://example.gov.vn/huong-toi-dai-hoi/") for e in feed.entries)


def test_feed_text_is_escaped_as_xml_without_importing_the_network_modules():
    """news.escape writes &, < and > as xml.sax.saxutils.escape does (quotes are left), and reading the
    posts imports neither it nor what it brings (urllib.request, http.client, ssl): 8 ms of every build."""
    import subprocess
    import sys
    from xml.sax.saxutils import escape

    for text in ("Đại hội & <b>chi bộ</b> > 5", "&amp; “nháy” 'đơn' \"kép\"", ""):
        assert news.escape(text) == escape(text)
    done = subprocess.run([sys.executable, "-c", "import sys, daihoi.model.news\n"
                           "print(sorted(m for m in ('ssl', 'http.client', 'urllib.request', 'xml.sax.saxutils')"
                           " if m in sys.modules))"],
                          cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]"]
