"""The site folder, written file by file by the engine and kept between builds: a file is written
only when its bytes change.

An engine empties the site folder and writes every file again on every build. With the pages
themselves taken from the page cache (daihoi/site/pagecache.py), making ~1,400 files and their
folders again was about a sixth of a rebuild on 1,000 posts (more on Windows, where making a file
costs more). Here the engine's `write` and `copy` leave a file alone when what is on disk is
already those bytes, and `finish` removes every file this build neither wrote nor kept, so the
folder ends exactly as a fresh build would leave it. A file left alone keeps its time as well:
an upload tool that compares times sends only what changed.

Whether a file is the same is read from the disk each time (not remembered), so a folder made
by another build, or touched by hand, is still written right.

- The preview (`build.py serve`) keeps one folder for the session.
- A published build (`build.py build`) writes into the site before last, which the swap kept
  (daihoi/cli/atomic.py), so the site being read is never written to.
"""
from __future__ import annotations

import os
from pathlib import Path

from daihoi.cli.atomic import holds

MARK = ".dh-dang-dung"  # touched when a build starts: files older than it were not made by this build


def _same_file(source: str, target: str) -> bool:
    try:
        if os.stat(source).st_size != os.stat(target).st_size:
            return False
        with open(source, "rb") as f:
            return holds(target, f.read())
    except OSError:
        return False


def put(content: bytes, path: str, fresh: bool) -> bool:
    """Write a file of a build in another process, as Folder.write does with the engine's writer
    (its folders made, its bytes as they are): `path` absolute, `fresh` whether the build's folder was
    empty at its start (Folder.target). True when the file held these bytes already and was left
    alone (then Folder.left_alone)."""
    if not fresh and holds(path, content):
        return True
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)
    return False


class Folder:
    """One output folder: `start` replaces emptying it; `write` and `copy` skip a file whose bytes
    are already there; `finish` removes every file this build neither wrote nor kept. Files under
    `spared` (written after the build, by the preview's later work) are left to their writer."""

    def __init__(self, spared: tuple[str, ...] = ()):
        self.root: Path | None = None
        self.kept: set[str] = set()              # paths left as they were in this build
        self.fresh = False                       # the folder was empty when the build started
        self.mark = 0
        self.spared = spared

    def start(self, directory: str) -> None:
        self.root = Path(directory)
        self.root.mkdir(parents=True, exist_ok=True)
        # An empty folder (a first build) holds nothing to compare with: looking for each of 1,900
        # files before writing it was a tenth of a second of a cold build's own process.
        with os.scandir(self.root) as entries:
            self.fresh = not any(entry.name != MARK for entry in entries)
        marker = self.root / MARK
        marker.touch()
        # The file system's own clock, as the files' times are: a file this build writes is not older.
        self.mark = marker.stat().st_mtime_ns
        self.kept = set()

    def write(self, content: bytes, path: str, write_file) -> None:
        path = os.path.abspath(path)
        if not self.fresh and holds(path, content):
            self.kept.add(path)
            return
        write_file(content, path)

    def target(self, path: str) -> tuple[str, bool]:
        """(`path` made absolute, whether the folder was empty at the start): where another process
        writes a file of this build (`put`); what it leaves alone, this folder is told (`left_alone`)."""
        return os.path.abspath(path), self.fresh

    def left_alone(self, path: str) -> None:
        """A file `put` found holding its bytes already (`target`'s path): this build keeps it."""
        self.kept.add(path)

    def copy(self, source: str, path: str, copy_file) -> None:
        target = os.path.abspath(path)
        if os.path.isdir(target):
            target = os.path.join(target, os.path.basename(source))
        if not self.fresh and _same_file(source, target):
            self.kept.add(target)
            return
        copy_file(source, path)

    def current(self) -> list[str]:
        """The files this build wrote or kept so far, as paths in the folder ("/" separators): what
        `finish` will leave. What an earlier build made and this one did not is still there until then."""
        if self.root is None:
            return []
        out = []
        for folder, _, files in os.walk(self.root):
            rel = os.path.relpath(folder, self.root).replace(os.sep, "/")
            for name in files:
                if self._of_this_build(os.path.join(folder, name), name):
                    out.append(name if rel == "." else f"{rel}/{name}")
        return sorted(out)

    def _of_this_build(self, path: str, name: str) -> bool:
        """Written or kept by this build: kept, or not older than its start (the marker is not). In a
        folder that was empty when the build started, every file is."""
        return name != MARK and (self.fresh or path in self.kept or os.stat(path).st_mtime_ns >= self.mark)

    def finish(self) -> None:
        """Remove what an earlier build made and this one did not (a deleted post, a renamed page).
        A folder that was empty when the build started holds nothing else: it is not walked (1,300
        folders and 1,900 files looked at, and each folder asked to go, in a first build) and only
        loses the build's mark."""
        if self.root is None:
            return
        if self.fresh:
            (self.root / MARK).unlink(missing_ok=True)
            return
        walked = []                 # (folder, its folders, how many of its files stay), parents first
        for folder, dirs, files in os.walk(self.root, topdown=True):
            rel = os.path.relpath(folder, self.root).replace(os.sep, "/")
            if rel != "." and any(rel == s or rel.startswith(s + "/") for s in self.spared):
                dirs[:] = []
                continue
            stay = 0
            for name in files:
                path = os.path.join(folder, name)
                if self._of_this_build(path, name):
                    stay += 1
                else:
                    os.remove(path)
            walked.append((folder, list(dirs), stay))
        # Only a folder left empty goes: one with no file left whose folders all went. Asking each of
        # 1,300 folders to go (and walking them all again for it) was 20 ms of every rebuild.
        gone: set = set()
        for folder, dirs, stay in reversed(walked):
            if folder != str(self.root) and not stay and all(os.path.join(folder, d) in gone for d in dirs):
                try:
                    os.rmdir(folder)
                    gone.add(folder)
                except OSError:
                    pass
