"""A value kept in a file from one run to the next, under a tag: what made it (the code, the
versions, what it was read from).

Each build is a new process. What one build read or listed that the next would read again (each
page's front matter, the plans, the theme's files) is kept in the cache folder. A file written
under another tag, broken or missing reads as nothing, and the value is made again. A file is
replaced whole (a killed run leaves the previous one), and one that cannot be written is left:
only the next run's speed depends on it.
"""
from __future__ import annotations

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


def readings(file: Path, tag) -> dict:
    """What an earlier run kept by `keep_readings` (readings of files by key), or {}."""
    entries = read(file, tag)
    return entries if isinstance(entries, dict) else {}


def keep_readings(file: Path, tag, entries: dict, taken_up: set) -> None:
    """Keep this run's readings for the next run; nothing when they are just those taken up from
    `file` (`readings`), which is still there."""
    if set(entries) != taken_up or not Path(file).is_file():
        write(file, tag, entries)
