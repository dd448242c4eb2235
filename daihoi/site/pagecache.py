"""Finished pages kept between builds, by a digest of everything each page is made from.

An engine renders every page on every build (MkDocs has no incremental path), and rendering
is most of a build. A page whose inputs did not change (its source, what its template shows,
the menu, the theme, the code that writes it) comes out the same: the build takes it from here
instead, with what rendering it had said (link warnings, removed HTML, its search text), so a
rebuild reports the same problems and gives byte-identical files.

One file per content folder under the cache folder; it keeps only the entries the last build
used, so it stays the size of one site. Written by replacing the file, so a killed build leaves
the previous cache; a file that cannot be read (another version, a disk error) is an empty cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

VERSION = 4          # bump when an entry's shape changes

_open: dict = {}     # path -> PageCache: `serve` rebuilds in one process and keeps it in memory


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def files_digest(*folders: Path, suffixes: tuple = ()) -> str:
    """Every file's path and bytes under `folders` (the theme, the code): a change anywhere changes it."""
    h = hashlib.sha256()
    for folder in folders:
        for file in sorted(Path(folder).rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts and (not suffixes or file.suffix in suffixes):
                h.update(file.relative_to(folder).as_posix().encode())
                h.update(file.read_bytes())
    return h.hexdigest()


class PageCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.entries: dict = {}
        self.used: set = set()
        self.hits = self.misses = 0         # pages taken again / made, in this build (kept in a file beside it)
        self.added = False                  # an entry put in this build
        try:
            with open(self.path, "rb") as f:
                version, entries = pickle.load(f)
            if version == VERSION and isinstance(entries, dict):
                self.entries = entries
        except (OSError, EOFError, pickle.PickleError, ValueError, TypeError, AttributeError, ImportError):
            self.entries = {}

    @classmethod
    def open(cls, path: Path) -> "PageCache":
        key = str(Path(path).resolve())
        if key not in _open:
            _open[key] = cls(path)
        cache = _open[key]
        cache.used = set()
        cache.hits = cache.misses = 0
        cache.added = False
        return cache

    def get(self, key: str):
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def count(self, hit: bool) -> None:
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def put(self, key: str, entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.added = True

    def save(self) -> None:
        """Keep what this build used; write atomically. A build that made no page and dropped
        none leaves the file as it is (on 1,000 posts it is some 40 MB: a third of a second
        to write); the counts go to a small file beside it either way."""
        unchanged = not self.added and len(self.used) == len(self.entries) and self.path.is_file()
        self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not unchanged:
            _replace(self.path, pickle.dumps((VERSION, self.entries), protocol=pickle.HIGHEST_PROTOCOL))
        _replace(_counts_file(self.path), json.dumps({"hits": self.hits, "misses": self.misses}).encode())


def _replace(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _counts_file(path: Path) -> Path:
    return Path(path).with_suffix(".counts.json")


def last_counts(path: Path) -> dict:
    """{"hits", "misses"} of the build that wrote the cache at `path` (for tests and benches)."""
    return json.loads(_counts_file(path).read_text(encoding="utf-8"))
