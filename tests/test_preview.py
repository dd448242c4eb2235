"""The editor's preview (daihoi/site/preview.py and `build.py serve`): a file is written only when
its bytes change, what a build no longer makes is removed, the search index follows a moment later,
and what the browser is served after a save is the saved page."""
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from helpers import CACHE, ROOT, SITE_FIXTURE
from daihoi.site import preview


def _write(content: bytes, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)


def _age(path, seconds=10):
    """Make a file look written `seconds` ago (as the previous build's files are)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_folder_writes_changed_bytes_only_and_removes_what_a_build_no_longer_makes(tmp_path):
    site = tmp_path / "site"
    folder = preview.Folder(spared=("tim-kiem/chi-muc",))
    folder.start(str(site))
    for name, text in [("a/index.html", b"A"), ("b/index.html", b"B"), ("c/index.html", b"C")]:
        folder.write(text, str(site / name), _write)
    _write(b"{}", str(site / "tim-kiem/chi-muc/index.json"))
    folder.finish()
    for path in site.rglob("*"):
        if path.is_file():
            _age(path)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}

    # Next build: a unchanged, b changed, c no longer made (a deleted post).
    folder.start(str(site))
    folder.write(b"A", str(site / "a/index.html"), _write)
    folder.write(b"B2", str(site / "b/index.html"), _write)
    folder.finish()

    assert (site / "a/index.html").stat().st_mtime_ns == before[site / "a/index.html"]     # not written again
    assert (site / "b/index.html").read_bytes() == b"B2"
    assert not (site / "c").exists()                                                        # file and its folder
    assert (site / "tim-kiem/chi-muc/index.json").read_bytes() == b"{}"                     # left to its writer


def test_folder_writes_again_a_file_removed_behind_its_back(tmp_path):
    site = tmp_path / "site"
    folder = preview.Folder()
    folder.start(str(site))
    folder.write(b"A", str(site / "a.html"), _write)
    folder.finish()
    (site / "a.html").unlink()
    folder.start(str(site))
    folder.write(b"A", str(site / "a.html"), _write)
    folder.finish()
    assert (site / "a.html").read_bytes() == b"A"


def test_folder_copies_a_source_again_only_when_it_changed(tmp_path):
    site, source = tmp_path / "site", tmp_path / "anh.jpg"
    source.write_bytes(b"jpeg-1")
    calls = []

    def copy(src, dest):
        calls.append(dest)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(src, dest)

    folder = preview.Folder()
    for _ in range(2):
        folder.start(str(site))
        folder.copy(str(source), str(site / "anh/anh.jpg"), copy)
        folder.finish()
    assert len(calls) == 1 and (site / "anh/anh.jpg").read_bytes() == b"jpeg-1"
    source.write_bytes(b"jpeg-2, longer")
    folder.start(str(site))
    folder.copy(str(source), str(site / "anh/anh.jpg"), copy)
    folder.finish()
    assert len(calls) == 2 and (site / "anh/anh.jpg").read_bytes() == b"jpeg-2, longer"


def test_later_work_not_begun_is_dropped_by_the_next_build_and_begun_work_is_waited_for():
    done = []
    preview.later(done.append, "bỏ", pause=5.0)
    preview.wait(drop=True)
    assert done == []

    started = threading.Event()

    def slow(value):
        started.set()
        time.sleep(0.3)
        done.append(value)
    preview.later(slow, "xong", pause=0.0)
    assert started.wait(10)
    preview.wait(drop=True)
    assert done == ["xong"]


POST = """---
title: "Hội nghị quán triệt kế hoạch tuyên truyền"
date: "2025-05-02"
author: "Phòng Tuyên truyền"
summary: "Đảng ủy tổ chức hội nghị quán triệt kế hoạch."
categories: ["Hoạt động"]
---

Sáng 02/5/2025, Đảng ủy tổ chức hội nghị quán triệt kế hoạch tuyên truyền.
"""


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:             # not answering yet
        return 0, ""


def _until(check, limit=120.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    return None


@pytest.fixture
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, content)
    (content / "tin-tuc").mkdir()
    post = content / "tin-tuc/2025-05-02-hoi-nghi-quan-triet.md"
    post.write_text(POST, encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content-dir", str(content),
                             "--today", "2025-06-20", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE)))
    base = f"http://127.0.0.1:{port}"
    try:
        up = _until(lambda: _get(base + "/")[0] == 200 if proc.poll() is None else "dừng", 240)
        assert up is True, (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
        yield base, content, post
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_serve_shows_a_saved_change_removes_a_deleted_post_and_keeps_search(served):
    base, content, post = served
    url = base + "/tin-tuc/2025-05-02-hoi-nghi-quan-triet/"
    assert "quán triệt kế hoạch tuyên truyền" in _get(url)[1]
    # The index comes a moment after the page: it names the post.
    assert _until(lambda: "hoi-nghi-quan-triet" in _get(base + "/tim-kiem/chi-muc/p/0.json")[1] or None)

    post.write_text(POST + "\nCâu thêm sau khi lưu: biểu dương chi bộ Quang Trung.\n", encoding="utf-8")
    assert _until(lambda: "biểu dương chi bộ Quang Trung" in _get(url)[1]), "the saved change was not served"
    # Unchanged pages are still served whole (kept, not emptied).
    status, home = _get(base + "/")
    assert status == 200 and "</html>" in home

    post.unlink()
    assert _until(lambda: _get(url)[0] == 404), "a deleted post's page is still served"
    assert _get(base + "/")[0] == 200


def test_later_work_already_begun_stops_at_its_next_check():
    steps = []

    def index(pages):
        for page in range(pages):
            preview.check()
            steps.append(page)
            time.sleep(0.01)
    preview.later(index, 10_000, pause=0.0)
    assert _until(lambda: len(steps) > 3, 10)
    preview.wait(drop=True)                  # the next build begins
    assert 3 < len(steps) < 10_000
