"""Content-hash cache for the slow outputs (PDF, DOCX), and quiet writes for all.

A file is regenerated only when its inputs or this package's code and fonts changed;
an output whose bytes did not change is not rewritten, so its mtime stays and
rsync/CDN uploads of the built site skip it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable

from daihoi.cli.atomic import holds, write_file

from . import workers

__all__ = ["generator_version", "content_key", "Cache", "write_if_changed", "GENERATIONS"]

# How many times each kind of file was really generated in this process: the tests
# read it to prove a warm rebuild generates nothing.
GENERATIONS: Counter[str] = Counter()
_STARTED: dict = {}      # key -> the worker's future of a job begun early (Cache.start)


@lru_cache(maxsize=1)
def generator_version() -> str:
    """Hash of this package's code and fonts: a change to either invalidates the cache."""
    here = Path(__file__).parent
    h = hashlib.sha256()
    files = sorted(here.glob("*.py")) + sorted((here / "fonts").glob("*"))
    for f in files:
        h.update(f.relative_to(here).as_posix().encode())
        h.update(b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def content_key(kind: str, *parts: object) -> str:
    payload = json.dumps([kind, generator_version(), *parts], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write unless the file already holds exactly these bytes. True if written."""
    if holds(path, data):
        return False
    write_file(path, data)
    return True


class Cache:
    """Bytes by content key under cache_dir/documents/; no cache_dir means no caching."""

    def __init__(self, cache_dir: Path | None):
        self.root = Path(cache_dir) / "documents" if cache_dir else None

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / key

    def get_or_make_all(self, jobs: list) -> list[bytes]:
        """[(kind, key, function, args, kwargs)] -> each one's bytes, from the cache or made now;
        the missing ones are made side by side (daihoi.documents.workers)."""
        found: list = [None] * len(jobs)
        missing = []
        for i, (kind, key, *_call) in enumerate(jobs):
            if self.root is not None:
                try:
                    found[i] = self._path(key).read_bytes()
                    continue
                except FileNotFoundError:
                    pass
            missing.append(i)
        started = {i: _STARTED.pop(jobs[i][1]) for i in missing if jobs[i][1] in _STARTED}
        rest = [i for i in missing if i not in started]
        made = dict(zip(rest, workers.run_all([tuple(jobs[i][2:]) for i in rest])))
        made.update({i: future.result() for i, future in started.items()})
        for i in missing:
            data = made[i]
            kind, key = jobs[i][:2]
            GENERATIONS[kind] += 1
            if self.root is not None:
                write_file(self._path(key), data)
            found[i] = data
        return found

    def start(self, jobs: list) -> None:
        """Begin making the jobs that are neither in the cache nor begun, in the worker processes;
        get_or_make_all takes them up. Nothing is begun where there are no workers."""
        for kind, key, function, args, kwargs in jobs:
            if key in _STARTED or (self.root is not None and self._path(key).is_file()):
                continue
            future = workers.submit(function, args, kwargs)
            if future is None:
                return
            _STARTED[key] = future

    def get_or_make(self, kind: str, key: str, make: Callable[[], bytes]) -> bytes:
        if self.root is not None:
            try:
                return self._path(key).read_bytes()
            except FileNotFoundError:
                pass
        data = make()
        GENERATIONS[kind] += 1
        if self.root is not None:
            write_file(self._path(key), data)
        return data
