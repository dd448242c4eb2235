"""daihoi.site.reading: finished pages read in the worker processes (the last safety check and the
search text) give what reading them in the build's own process gives, and an unsafe page still
stops the build, at its end, naming the page's file, with nothing kept."""
import os
from datetime import date

import pytest

from helpers import ROOT, SITE_FIXTURE
from daihoi.cli import atomic
from daihoi.model.problems import ContentError
from daihoi.site import output, reading
from daihoi.site.builder import Page, SiteBuild

ARTICLE = '<article class="md-content__inner md-typeset">'
PAGE = ('<html><head><title>{0}</title></head><body><nav>Trang chủ</nav>' + ARTICLE +
        '<h1>{0}</h1><p>{1} <a href="https://tinhuy.example.gov.vn/">Tỉnh ủy</a></p></article></body></html>')


def new_build(tmp_path, monkeypatch, workers: str) -> SiteBuild:
    monkeypatch.setenv("DAIHOI_WORKERS", workers)
    return SiteBuild(SITE_FIXTURE, ROOT / "theme", date(2025, 5, 15), tmp_path / "cache", ARTICLE)


def finish_pages(build: SiteBuild, count: int, tmp_path, unsafe: int | None = None) -> list:
    """Each page's bytes; every page is in its file under tmp_path / "site" (output.Folder, as the
    adapter writes them: by the reader, or here when it was not handed over)."""
    folder = output.Folder()
    folder.start(str(tmp_path / "site"))
    outputs, handed_over = [], 0
    for i in range(count):
        page = Page(src=f"trang-{i}.md", url=f"trang-{i}/", canonical_url=None, is_homepage=False,
                    title=f"Trang {i}", meta={})
        body = f"Đại hội đại biểu lần thứ {i}, nhiệm kỳ 2025 – 2030."
        if i == unsafe:
            body += '<img src="https://anh.example.com/a.png">'
        search_from = len(build.search_pages)          # as the adapter asks: before the page is finished
        dest = str(tmp_path / "site" / f"trang-{i}" / "index.html")
        data, written = build.finished(page, PAGE.format(f"Trang số {i}", body), f"content/trang-{i}.md",
                                       folder.target(dest))
        handed_over += written
        if not written:
            folder.write(data, dest, lambda data, path: atomic.write_file(path, data))
        outputs.append(data)
        build.keep(f"khoa-{i}", outputs[-1], 0, search_from, warnings=[], anchors=[], links={})
    # Written by the workers while they keep up (the first pages at least), else here.
    assert handed_over >= (min(count, reading.BATCH) if build._reader is not None else 0)
    build.take_read(folder.left_alone)
    assert [(tmp_path / "site" / f"trang-{i}" / "index.html").read_bytes() for i in range(count)] == outputs
    build.finish(tmp_path / "site", lambda data, path: atomic.write_file(path, data))
    folder.finish()
    return outputs


def test_pages_read_in_other_processes_give_what_reading_them_here_gives(tmp_path, monkeypatch):
    count = reading.BATCH * 2 + 7       # full batches and a last part
    here = new_build(tmp_path / "a", monkeypatch, "1")
    assert here._reader is None
    pages_here = finish_pages(here, count, tmp_path / "a")
    there = new_build(tmp_path / "b", monkeypatch, "2")
    assert there._reader is not None
    pages_there = finish_pages(there, count, tmp_path / "b")
    assert pages_there == pages_here
    assert b'rel="noopener noreferrer"' in pages_here[0]
    assert [p["url"] for p in there.search_pages] == [f"trang-{i}/" for i in range(count)]
    assert there.search_pages == here.search_pages
    assert there.search_pages[3]["title"] == "Trang số 3" and "lần thứ 3" in there.search_pages[3]["text"]
    for i in (0, count - 1):            # each page kept with its own search text
        assert there.page_cache.get(f"khoa-{i}")["search"] == here.page_cache.get(f"khoa-{i}")["search"] == \
            [here.search_pages[i]]
    index = sorted(p.relative_to(tmp_path / "a" / "site") for p in (tmp_path / "a" / "site").rglob("*") if p.is_file())
    assert index and index == sorted(p.relative_to(tmp_path / "b" / "site")
                                     for p in (tmp_path / "b" / "site").rglob("*") if p.is_file())


def test_an_unsafe_page_read_in_another_process_stops_the_build_at_its_end(tmp_path, monkeypatch):
    build = new_build(tmp_path, monkeypatch, "2")
    with pytest.raises(ContentError) as err:
        finish_pages(build, 60, tmp_path, unsafe=55)
    assert "content/trang-55.md: Trang dựng ra có nội dung không an toàn" in str(err.value)
    assert "tải tệp từ máy chủ bên ngoài" in str(err.value)
    assert build.page_cache.get("khoa-0") is None           # nothing of this build is kept
    assert not (tmp_path / "site" / "tim-kiem").exists()    # nor its search index written


def test_an_unsafe_page_read_here_stops_the_build_at_the_page(tmp_path, monkeypatch):
    build = new_build(tmp_path, monkeypatch, "1")
    with pytest.raises(ContentError) as err:
        finish_pages(build, 5, tmp_path, unsafe=2)
    assert "content/trang-2.md: Trang dựng ra có nội dung không an toàn" in str(err.value)


def test_pages_written_in_other_processes_are_left_alone_when_their_bytes_are_there(tmp_path, monkeypatch):
    """A second build into the same folder (not empty at its start) leaves each page file that holds
    its bytes as it was, in the worker that read it, and the folder keeps it (output.Folder.left_alone);
    a page whose bytes changed is written again."""
    count = reading.BATCH + 3
    finish_pages(new_build(tmp_path / "a", monkeypatch, "2"), count, tmp_path)
    files = [tmp_path / "site" / f"trang-{i}" / "index.html" for i in range(count)]
    before = [f.stat().st_mtime_ns for f in files]
    files[4].write_bytes(b"cu")
    stale = tmp_path / "site" / "bai-da-xoa" / "index.html"        # a page this build no longer makes
    stale.parent.mkdir()
    stale.write_bytes(b"cu")
    made = stale.stat().st_mtime_ns - 3_600 * 10**9   # an hour before this build: the file system's clock is coarse
    os.utime(stale, ns=(made, made))
    again = finish_pages(new_build(tmp_path / "b", monkeypatch, "2"), count, tmp_path)
    assert [f.read_bytes() for f in files] == again
    after = [f.stat().st_mtime_ns for f in files]
    assert [a == b for a, b in zip(before, after)] == [i != 4 for i in range(count)]
    assert not stale.exists() and not stale.parent.exists()


def test_the_workers_write_pages_only_while_no_batch_waits_for_them():
    """Reader.keeping_up: a page is handed over to be written only while no batch waits for a worker
    (as many unread batches as workers, at most); else the build's own process writes it."""
    from concurrent.futures import Future

    reader = reading.Reader()
    reader._workers = 2
    unread = [Future() for _ in range(3)]
    reader._sent = [[("read here",)], unread[0], unread[1], unread[2]]
    facts = {"url": "x/", "summary": "", "fallback": "X", "title": None}
    assert not reader.keeping_up()
    assert reader.add(b"<p>x</p>", False, facts, ("/khong-ghi/x.html", True)) == (0, False)   # written here
    unread[1].set_result([])            # read out of order: counted all the same
    assert reader.keeping_up()
    assert reader.add(b"<p>y</p>", False, facts, ("/khong-ghi/y.html", True)) == (1, True)
    assert reader.add(b"<p>z</p>", False, facts, None) == (2, False)                         # nowhere to write
    assert [item[3] for item in reader._batch] == [None, ("/khong-ghi/y.html", True), None]
    unread[0].set_result([])
    unread[2].set_result([])
    assert reader.keeping_up() and reader._done_up_to == 4
