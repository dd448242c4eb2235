"""SiteBuild.known_page and learn_page: a page whose file holds the same text, at the same address,
with the same data (what begin_pages digests: code, theme, settings, menu, files, day, plans, posts'
lists) is known with its key, its finished page and its meta, and is not read again; any change of
those reads it again. The pages that list the plans' files are never known (their sizes come from
code the data leaves out). page_entry makes a read page's context and key."""
from datetime import date

from helpers import ROOT
from daihoi.site import pagecache
from daihoi.site.builder import Page, SiteBuild

ENTRY = {"html": "<p>trang</p>", "problems": [], "search": []}
TEXT = "---\ntitle: Tin\n---\nThân bài.\n"


def _build(tmp_path, made: list, today=date(2025, 5, 15)) -> SiteBuild:
    """A build whose contexts are counted in `made` (the page's source, each time one is made)."""
    pagecache._open.clear()
    build = SiteBuild(ROOT / "content", ROOT / "theme", today, tmp_path / "cache", "<article>")
    build.context = lambda page, url_of, href_of: made.append(page.src) or {"dh": page.src}
    return build


def _page(src: str, **meta) -> Page:
    return Page(src, src.removesuffix(".md") + "/", None, False, "Tiêu đề", meta)


def _known(build: SiteBuild, page: Page, text: str = TEXT, url: str | None = None, home: bool = False):
    return build.known_page(page.src, url or page.url, page.canonical_url, home, text)


def _made(build: SiteBuild, page: Page, markdown: str = "Thân bài.") -> str:
    """The page read and made (page_entry), its finished page kept, and learned: its key."""
    key, entry, context = build.page_entry(page, markdown, lambda src: src, lambda url: url)
    assert entry is None and context == {"dh": page.src}
    build.page_cache.put(key, ENTRY)
    build.learn_page(page, TEXT, key, "doc-cua-bo-chuyen-tiep")
    return key


def test_a_page_is_known_for_the_same_text_address_and_data_only(tmp_path):
    made: list = []
    build = _build(tmp_path, made)
    post = next(iter(build.posts))
    page = _page(post, template="post.html", description="Tóm tắt")
    assert _known(build, page) is None                         # before begin_pages: never known
    build.learn_page(page, TEXT, "khoa")
    assert _known(build, page) is None
    build.begin_pages("trang-1", "tep-1")
    assert _known(build, page) is None                         # not learned yet
    key = _made(build, page)
    assert made == [post]
    found = _known(build, page)
    assert found == (key, ENTRY, page.meta, "doc-cua-bo-chuyen-tiep") and made == [post]   # no context made
    assert found[2] is not page.meta and _known(build, page)[2] is not found[2]           # a copy each time
    assert _known(build, page, TEXT + "Câu thêm.\n") is None                            # its own text
    assert _known(build, page, url="khac/") is None and _known(build, page, home=True) is None
    build.page_cache.save()

    again = _build(tmp_path, made)                             # the next build, the same data
    again.begin_pages("trang-1", "tep-1")
    assert _known(again, page) == (key, ENTRY, page.meta, "doc-cua-bo-chuyen-tiep")
    assert again.page_cache.hits == 1                          # counted as a page taken from the cache
    again.begin_pages("trang-1", "tep-2")                      # another list of files
    assert _known(again, page) is None
    again.begin_pages("trang-2", "tep-1")                      # other code, theme, settings or menu
    assert _known(again, page) is None
    other_day = _build(tmp_path, made, today=date(2025, 5, 16))     # the day (what is published, countdowns)
    other_day.begin_pages("trang-1", "tep-1")
    assert _known(other_day, page) is None
    assert made == [post]


def test_a_page_whose_finished_page_is_gone_is_read_again(tmp_path):
    build = _build(tmp_path, [])
    build.begin_pages("trang-1", "tep-1")
    page = _page(next(iter(build.posts)), template="post.html")
    build.learn_page(page, TEXT, "khoa-khong-con")
    assert _known(build, page) is None


def test_pages_listing_the_plans_files_are_never_known(tmp_path):
    made: list = []
    build = _build(tmp_path, made)
    build.begin_pages("trang-1", "tep-1")
    for page in (_page(next(iter(build.plans))), _page("tai-lieu.md", template="documents.html")):
        _made(build, page, "")
        assert _known(build, page) is None


def test_a_value_that_is_not_what_learn_page_keeps_is_not_taken(tmp_path):
    build = _build(tmp_path, [])
    build.begin_pages("trang-1", "tep-1")
    page = _page(next(iter(build.posts)))
    key = _made(build, page)
    look = build._known_key(page.src, page.url, page.canonical_url, False, TEXT)
    for damaged in ({"html": "không phải"}, key, (key, b"meta"), (key, b"not a pickle", None), (key, None, None)):
        build.page_cache.put(look, damaged)
        assert _known(build, page) is None
