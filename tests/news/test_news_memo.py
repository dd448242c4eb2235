"""daihoi/model/news.py remember/keep: the posts read against the plans by the last build are taken
up by the next, by each file's bytes; a changed post, or other code, is read again."""
from __future__ import annotations

import shutil

from helpers import ROOT
from daihoi.cli import kept
from daihoi.model import content, news


def test_posts_read_by_the_last_build_are_not_read_again_unless_changed(tmp_path, monkeypatch):
    folder, memo = tmp_path / "content", tmp_path / "cache" / "tin-bai.pickle"
    shutil.copytree(ROOT / "content", folder)
    site, _ = content.load(folder)
    news._read.clear()
    news.remember(memo, "code-1")
    first = news.load(folder, site.plans, site.congresses)
    news.keep(memo, "code-1")
    parts = [part for part in kept._parts(memo) if part.is_file()]       # daihoi/cli/kept.py
    assert parts and first[0]

    news._read.clear()                                      # a new run
    read: list = []
    real = news.read_post
    monkeypatch.setattr(news, "read_post", lambda file, *a: read.append(file.name) or real(file, *a))
    news.remember(memo, "code-1")
    assert news.load(folder, site.plans, site.congresses) == first
    assert read == []
    stamps = [part.stat().st_mtime_ns for part in parts]
    news.keep(memo, "code-1")
    assert [part.stat().st_mtime_ns for part in parts] == stamps    # nothing new: not written again

    post = sorted((folder / "tin-tuc").glob("*.md"))[0]
    post.write_text(post.read_text(encoding="utf-8") + "\nMột câu thêm.\n", encoding="utf-8")
    news.load(folder, site.plans, site.congresses)
    assert read == [post.name]

    news._read.clear()
    read.clear()
    news.remember(memo, "code-2")                           # other code: everything read again
    news.load(folder, site.plans, site.congresses)
    assert len(read) == len(first[0])
