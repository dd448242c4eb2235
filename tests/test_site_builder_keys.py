"""SiteBuild.known_key: a page's key (page_key, made from its context) is remembered under what the
contexts are made of, so a build of the same data finds it without making the context; any change
of that data, of the page's own facts or of its Markdown asks for the context again, and the pages
that list the plans' files always make theirs (their sizes come from code the data leaves out)."""
from datetime import date

from helpers import ROOT
from daihoi.site import pagecache
from daihoi.site.builder import Page, SiteBuild


def _build(tmp_path, today=date(2025, 5, 15)) -> SiteBuild:
    pagecache._open.clear()
    return SiteBuild(ROOT / "content", ROOT / "theme", today, tmp_path / "cache", "<article>")


def _page(build: SiteBuild, src: str, **meta) -> Page:
    return Page(src, src.removesuffix(".md") + "/", None, False, "Tiêu đề", meta)


def test_a_key_is_known_for_the_same_data_only(tmp_path):
    build = _build(tmp_path)
    post = next(iter(build.posts))
    page = _page(build, post, template="post.html")
    assert build.known_key(page, "Thân bài.") is None         # before begin_pages: never
    build.begin_pages("trang-1", "tep-1")
    assert build.known_key(page, "Thân bài.") is None
    build.learn_key(page, "Thân bài.", "khoa-1")
    assert build.known_key(page, "Thân bài.") == "khoa-1"
    assert build.known_key(page, "Thân bài đã sửa.") is None  # its own Markdown changed
    assert build.known_key(_page(build, post, template="post.html", title="Khác"), "Thân bài.") is None
    build.page_cache.save()

    again = _build(tmp_path)                                   # the next build, the same data
    again.begin_pages("trang-1", "tep-1")
    assert again.known_key(page, "Thân bài.") == "khoa-1"
    again.begin_pages("trang-1", "tep-2")                      # another list of files
    assert again.known_key(page, "Thân bài.") is None
    again.begin_pages("trang-2", "tep-1")                      # other code, theme, settings or menu
    assert again.known_key(page, "Thân bài.") is None
    other_day = _build(tmp_path, today=date(2025, 5, 16))      # the day (what is published, countdowns)
    other_day.begin_pages("trang-1", "tep-1")
    assert other_day.known_key(page, "Thân bài.") is None


def test_pages_listing_the_plans_files_are_never_remembered(tmp_path):
    build = _build(tmp_path)
    build.begin_pages("trang-1", "tep-1")
    plan = next(iter(build.plans))
    for page in (_page(build, plan), _page(build, "tai-lieu.md", template="documents.html")):
        build.learn_key(page, "", "khoa")
        assert build.known_key(page, "") is None


def test_a_value_that_is_not_a_key_is_not_taken(tmp_path):
    build = _build(tmp_path)
    build.begin_pages("trang-1", "tep-1")
    page = _page(build, next(iter(build.posts)))
    build.learn_key(page, "x", "khoa")
    memo = build._memo_key(page, "x")
    build.page_cache.put(memo, {"html": "không phải khóa"})
    assert build.known_key(page, "x") is None
