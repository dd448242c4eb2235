"""daihoi.site.social (tags, share links, cards, robots) and daihoi.site.search (what is indexed)."""
import io
from datetime import date

import pytest
from urllib.parse import parse_qs, urlparse

from PIL import Image

from daihoi.site import search, social


def test_tags_carry_title_description_image_and_date():
    tags = social.tags(site_name="Chuyên mục", title="Tin “A”", description="x " * 200, url="https://a.vn/t/",
                       image_url="https://a.vn/c.png", image_size=(1200, 630), image_alt="Ảnh", kind="article",
                       published=date(2025, 5, 12))
    meta = {name: value for _, name, value in tags}
    assert meta["og:title"] == meta["twitter:title"] == "Tin “A”"
    assert len(meta["og:description"]) <= social.DESCRIPTION_MAX and meta["og:description"].endswith("…")
    assert meta["og:image"] == meta["twitter:image"] == "https://a.vn/c.png"
    assert meta["article:published_time"] == "2025-05-12" and meta["og:locale"] == "vi_VN"


def test_share_links_carry_the_encoded_address():
    url = "https://a.vn/huong-toi-dai-hoi/tin-tuc/bài/?x=1&y=2"
    for link in social.share_links(url, "Tiêu đề"):
        query = parse_qs(urlparse(link["url"]).query)
        assert url in (query.get("u") or query.get("href"))
        assert urlparse(link["url"]).scheme == "https"


def test_card_is_a_png_of_the_share_size_in_the_section_colours():
    data = social.card_png("Tuyên truyền Đại hội đại biểu Đảng bộ phường lần thứ V, nhiệm kỳ 2025 - 2030 " * 3,
                           "Kế hoạch số 12-KH/ĐU", "Hướng tới Đại hội")
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == social.CARD_SIZE
    assert image.getpixel((5, 300)) == social.RED and image.getpixel((5, 5)) == social.GOLD
    colours = {c for _, c in image.getcolors(1 << 20)}
    assert social.WHITE in colours                               # the title was drawn


def test_robots_points_to_the_sitemap():
    assert social.robots_txt("https://a.vn/h/") == "User-agent: *\nAllow: /\nSitemap: https://a.vn/h/sitemap.xml\n"
    assert "Sitemap" not in social.robots_txt(None)


def test_only_content_pages_are_indexed():
    article = '<article class="md-content__inner md-typeset">'
    html = f'<body>{article}<h1>A</h1></article></body>'
    assert search.BODY_MARK in search.mark_body(html, article)
    assert [k for k in ("post", None, "list", "month", "category", "phase", "archive", "search") if search.indexed(k)] \
        == ["post", None]
    assert not search.indexed(None, "huong-dan/index.md")                 # the editors' guide, in `serve`


def test_share_card_has_a_five_pointed_star_not_a_pentagon():
    import io
    import math

    from PIL import Image

    from daihoi.site import social
    points = social.star_points(1080, 120, 60)
    radii = [math.dist(p, (1080, 120)) for p in points]
    assert len(points) == 10 and max(radii) == pytest.approx(60) and min(radii) == pytest.approx(60 * 0.382, abs=0.5)
    card = Image.open(io.BytesIO(social.card_png("Tiêu đề", "Chuyên mục", "Đơn vị"))).convert("RGB")
    assert card.getpixel((1080, 120)) == social.GOLD                       # the star's centre
    assert card.getpixel((1080, 60 + 2)) == social.GOLD                    # its top point
    # Between two points, at 0.7 r: gold in a pentagon, the red field beside a star.
    x, y = 1080 + 42 * math.sin(math.radians(36)), 120 - 42 * math.cos(math.radians(36))
    assert card.getpixel((round(x), round(y))) == social.RED
