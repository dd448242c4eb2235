"""SiteBuild.page_entry: a page's key (page_key, made from its context) is remembered under what the
contexts are made of, so a build of the same data finds the page without making its context; any
change of that data, of the page's own facts or of its Markdown makes the context again, and the pages
that list the plans' files always make theirs (their sizes come from code the data leaves out)."""
from datetime import date

from helpers import ROOT
from daihoi.site import pagecache
from daihoi.site.builder import Page, SiteBuild

ENTRY = {"html": "<p>trang</p>", "problems": [], "search": []}


def _build(tmp_path, made: list, today=date(2025, 5, 15)) -> SiteBuild:
    """A build whose contexts are counted in `made` (the page's source, each time one is made)."""
    pagecache._open.clear()
    build = SiteBuild(ROOT / "content", ROOT / "theme", today, tmp_path / "cache", "<article>")
    build.context = lambda page, url_of, href_of: made.append(page.src) or {"dh": page.src}
    return build


def _page(src: str, **meta) -> Page:
    return Page(src, src.removesuffix(".md") + "/", None, False, "Tiêu đề", meta)


def _entry(build: SiteBuild, page: Page, markdown: str) -> tuple:
    return build.page_entry(page, markdown, lambda src: src, lambda url: url)


def test_a_key_is_known_for_the_same_data_only(tmp_path):
    made: list = []
    build = _build(tmp_path, made)
    post = next(iter(build.posts))
    page = _page(post, template="post.html")
    _entry(build, page, "Thân bài.")
    _entry(build, page, "Thân bài.")
    assert made == [post, post]                                # before begin_pages: never known
    made.clear()
    build.begin_pages("trang-1", "tep-1")
    key, entry, context = _entry(build, page, "Thân bài.")
    assert made == [post] and entry is None and context == {"dh": post}     # not known: made
    build.page_cache.put(key, ENTRY)
    assert _entry(build, page, "Thân bài.") == (key, ENTRY, None) and made == [post]   # known: not made
    assert _entry(build, page, "Thân bài đã sửa.")[0] != key and len(made) == 2        # its own Markdown
    assert _entry(build, _page(post, template="post.html", title="Khác"), "Thân bài.")[0] != key and len(made) == 3
    build.page_cache.save()

    again = _build(tmp_path, made)                             # the next build, the same data
    again.begin_pages("trang-1", "tep-1")
    assert _entry(again, page, "Thân bài.") == (key, ENTRY, None) and len(made) == 3
    again.begin_pages("trang-1", "tep-2")                      # another list of files: made again,
    assert _entry(again, page, "Thân bài.") == (key, ENTRY, {"dh": post}) and len(made) == 4   # same key: no links
    again.begin_pages("trang-2", "tep-1")                      # other code, theme, settings or menu
    assert _entry(again, page, "Thân bài.")[0] != key and len(made) == 5
    other_day = _build(tmp_path, made, today=date(2025, 5, 16))     # the day (what is published, countdowns)
    other_day.begin_pages("trang-1", "tep-1")
    assert _entry(other_day, page, "Thân bài.") == (key, ENTRY, {"dh": post}) and len(made) == 6


def test_pages_listing_the_plans_files_always_make_their_context(tmp_path):
    made: list = []
    build = _build(tmp_path, made)
    build.begin_pages("trang-1", "tep-1")
    plan = next(iter(build.plans))
    for page in (_page(plan), _page("tai-lieu.md", template="documents.html")):
        key, _, _ = _entry(build, page, "")
        build.page_cache.put(key, ENTRY)
        before = len(made)
        assert _entry(build, page, "") == (key, ENTRY, {"dh": page.src}) and len(made) == before + 1


def test_a_value_that_is_not_a_key_is_not_taken(tmp_path):
    made: list = []
    build = _build(tmp_path, made)
    build.begin_pages("trang-1", "tep-1")
    page = _page(next(iter(build.posts)))
    key, _, _ = _entry(build, page, "x")
    build.page_cache.put(build._memo_key(page, "x"), {"html": "không phải khóa"})
    assert _entry(build, page, "x")[0] == key and len(made) == 2
