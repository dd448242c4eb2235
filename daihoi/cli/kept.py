"""A value kept in a file from one run to the next, under a tag: what made it (the code, the
versions, what it was read from).

Each build is a new process. What one build read or listed that the next would read again (each
page's front matter, the plans, the theme's files) is kept in the cache folder. A file written
under another tag, broken or missing reads as nothing, and the value is made again. A file is
replaced whole (a killed run leaves the previous one), and one that cannot be written is left:
only the next run's speed depends on it.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from daihoi.cli.atomic import write_file


def read(file: Path, tag):
    """The value kept in `file` under `tag`, or None."""
    try:
        with open(file, "rb") as f:
            kept_tag, value = pickle.load(f)
    except (OSError, EOFError, pickle.PickleError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return value if kept_tag == tag else None


def write(file: Path, tag, value) -> None:
    """Keep `value` in `file` under `tag`."""
    try:
        write_file(Path(file), pickle.dumps((tag, value), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


# Readings (`readings`, `keep_readings`: one value for each file read, by a key made of the file's
# bytes) are kept in PARTS files, each key in the one its digest names: after one edit, the one or two
# parts where its readings come and go are written again, not all of them (a site's 1,000 posts'
# front matter is 3 MB, written again after every edit: 14 ms of a rebuild). A key must pickle to the
# same bytes in every run (tuples of text, bytes and numbers), or a part would keep what no run uses.
PARTS = 16


def _parts(file: Path) -> list[Path]:
    """The files of the readings kept under `file` (a folder named after it, one file for each part)."""
    folder = Path(file).with_suffix(f".{PARTS}")
    return [folder / f"{part:02d}.pickle" for part in range(PARTS)]


def _part(key) -> int:
    return hashlib.blake2b(pickle.dumps(key, protocol=4), digest_size=1).digest()[0] % PARTS


def readings(file: Path, tag) -> dict:
    """What an earlier run kept by `keep_readings` (readings of files by key), or {}."""
    found: dict = {}
    for part in _parts(file):
        entries = read(part, tag)
        if isinstance(entries, dict):
            found.update(entries)
    return found


def keep_readings(file: Path, tag, entries: dict, taken_up: set) -> None:
    """Keep this run's readings for the next run: each part where they are not just those taken up
    from it (`readings`), or that has gone, is written again (a part left with none goes)."""
    now: list[dict] = [{} for _ in range(PARTS)]
    then: list[set] = [set() for _ in range(PARTS)]
    for key, value in entries.items():
        now[_part(key)][key] = value
    for key in taken_up:
        then[_part(key)].add(key)
    try:
        for part, path in enumerate(_parts(file)):
            if not now[part]:
                path.unlink(missing_ok=True)
            elif now[part].keys() != then[part] or not path.is_file():
                write(path, tag, now[part])
        Path(file).unlink(missing_ok=True)      # the one file earlier versions kept them in
    except OSError:
        pass
