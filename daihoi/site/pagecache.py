"""Finished pages kept between builds, by a digest of everything each page is made from.

An engine renders every page on every build (MkDocs has no incremental path), and rendering
is most of a build. A page whose inputs did not change (its source, what its template shows,
the menu, the theme, the code that writes it) comes out the same: the build takes it from here
instead, with what rendering it had said (link warnings, removed HTML, its search text), so a
rebuild reports the same problems and gives byte-identical files.

One folder per content folder under the cache folder. The entries are spread by their key over
256 pack files (`BUCKETS`); a pack holds each of its entries pickled on its own, so a build reads
the packs of the entries it asks for, unpickles only those, and writes again only the packs it
changed. Not one file per entry: a cold build of 1,000 posts made 1,700 files, and creating them
was a second of its own process (0.2 ms of the system's time a file; the 43 MB they hold take
0.02 s in one file), more on Windows. Not one file of the whole cache either: some 40 MB, read and
written whole on every rebuild, took a second. After a build, the entries it did not use are
dropped, so the folder stays the size of one site. A pack is kept as daihoi/cli/kept.py keeps a
value (under VERSION, replaced whole, so a killed build leaves the previous cache); a pack or an
entry that cannot be read (another version, a disk error) is missing, made again.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from pathlib import Path

from daihoi.cli import kept
from daihoi.cli.atomic import write_file

VERSION = 14         # bump when an entry's or a pack's shape changes
COUNTS = "counts.json"
CACHE_ENV = "DAIHOI_CACHE"
PROJECT = Path(__file__).resolve().parents[2]

_open: dict = {}     # folder -> PageCache: `serve` rebuilds in one process and keeps it in memory


def digest(*parts) -> str:
    """A digest of values (a page's inputs: its text, the context its template shows): bytes as they
    are, text as UTF-8, anything else pickled without pickle's memo (`Pickler.fast`), so that equal
    values give equal bytes whichever objects hold them (the memo writes an object met twice as a
    reference). That is three times faster than repr, which this used: the pages' contexts are 10 MB
    on 1,000 posts, digested on every build and every save of the preview. A value pickle cannot
    write (a function) is taken by its repr."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            data = b"b" + part
        elif isinstance(part, str):
            data = b"s" + part.encode("utf-8", "surrogatepass")
        else:
            data = _pickled(part)
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _pickled(value) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)       # fixed, not HIGHEST_PROTOCOL: the same bytes next year
    pickler.fast = True
    try:
        pickler.dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return b"r" + repr(value).encode("utf-8", "surrogatepass")
    return b"p" + out.getvalue()


def cache_root() -> Path:
    """Where builds keep what the next one can use again (documents, pages, pictures, parsed front
    matter, pruned CSS): DAIHOI_CACHE, or .cache/ in the project. Deleting it only slows a build."""
    return Path(os.environ.get(CACHE_ENV) or PROJECT / ".cache")


def folder_key(folder: Path) -> str:
    """A content or site folder's own name under the cache: two sites built on one machine do not mix.
    Written out as `digest` was before (the repr of the path), so that a cache made by an earlier
    version keeps its folders' names and is used again, not left beside the new one."""
    text = repr(str(Path(folder).resolve())).encode("utf-8", "surrogatepass") + b"\x00"
    return hashlib.sha256(text).hexdigest()[:16]


def files_digest(*folders: Path, suffixes: tuple = ()) -> str:
    """Every file's path and bytes under `folders` (the theme, the code): a change anywhere changes it."""
    h = hashlib.sha256()
    for folder in folders:
        for file in sorted(Path(folder).rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts and (not suffixes or file.suffix in suffixes):
                h.update(file.relative_to(folder).as_posix().encode())
                h.update(file.read_bytes())
    return h.hexdigest()


BUCKETS = 256


def _bucket(key: str) -> str:
    """The pack of an entry, "00" to "ff": the first byte of a digest of its key."""
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=1).hexdigest()


def _pack_name(bucket: str) -> str:
    return f"{bucket}.pickle"


class PageCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.read: dict = {}                # key -> entry, read or made in this process
        self.made: dict = {}                # key -> entry made in this build, not written yet
        self.used: set = set()
        self.packs: dict = {}               # bucket -> {key: the entry pickled}, as on disk
        self.hits = self.misses = 0         # pages taken again / made, in this build (kept in a file beside them)

    @classmethod
    def open(cls, folder: Path) -> "PageCache":
        key = str(Path(folder).resolve())
        if key not in _open:
            _open[key] = cls(folder)
        cache = _open[key]
        cache.used, cache.made = set(), {}
        cache.hits = cache.misses = 0
        return cache

    def get(self, key: str):
        entry = self.read.get(key)
        if entry is None:
            entry = self._load(key)
            if entry is None:
                return None
            self.read[key] = entry
        self.used.add(key)
        return entry

    def keep(self, key: str) -> None:
        """Keep an entry this build did not need to read (a shard of an unchanged search index)."""
        self.used.add(key)

    def _pack(self, bucket: str) -> dict:
        pack = self.packs.get(bucket)
        if pack is None:
            pack = kept.read(self.folder / _pack_name(bucket), VERSION)
            if not isinstance(pack, dict):
                pack = {}           # not there, another version, not readable: its entries are made again
            self.packs[bucket] = pack
        return pack

    def _load(self, key: str):
        data = self._pack(_bucket(key)).get(key)
        if not isinstance(data, bytes):
            return None
        try:
            return pickle.loads(data)
        except (EOFError, pickle.PickleError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            return None

    def count(self, hit: bool) -> None:
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def put(self, key: str, entry) -> None:
        self.read[key] = self.made[key] = entry
        self.used.add(key)

    def save(self) -> None:
        """Write the packs this build changed (entries made, entries not used any more); delete the
        packs it used nothing of and every other file; the counts beside them."""
        self.folder.mkdir(parents=True, exist_ok=True)
        wanted: dict = {}                   # bucket -> the keys this build used in it
        for key in self.used:
            wanted.setdefault(_bucket(key), set()).add(key)
        made = {key: pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL) for key, entry in self.made.items()}
        self.made = {}
        for bucket, keys in wanted.items():
            pack = self._pack(bucket)
            fresh = {key: made[key] if key in made else pack[key] for key in sorted(keys) if key in made or key in pack}
            if fresh.keys() != pack.keys() or any(key in made and pack.get(key) != made[key] for key in fresh):
                kept.write(self.folder / _pack_name(bucket), VERSION, fresh)
                self.packs[bucket] = fresh
        keep = {_pack_name(bucket) for bucket in wanted} | {COUNTS}
        with os.scandir(self.folder) as found:
            for item in found:
                if item.name not in keep:           # a pack of nothing used, an entry file of earlier versions
                    Path(item.path).unlink(missing_ok=True)
        self.packs = {bucket: pack for bucket, pack in self.packs.items() if bucket in wanted}
        self.read = {k: v for k, v in self.read.items() if k in self.used}
        write_file(self.folder / COUNTS, json.dumps({"hits": self.hits, "misses": self.misses}))
        for old in (".pickle", ".counts.json"):     # the one-file cache of earlier versions, beside the folder
            self.folder.with_suffix(old).unlink(missing_ok=True)


def last_counts(folder: Path) -> dict:
    """{"hits", "misses"} of the build that last saved the cache in `folder` (for tests and benches)."""
    return json.loads((Path(folder) / COUNTS).read_text(encoding="utf-8"))
