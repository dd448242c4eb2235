"""Shared test helpers: paths, and running the real command line."""
from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_FIXTURE = FIXTURES / "site"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# One documents cache per test session: shared by its builds (the cache is by content
# hash), removed at the end, never the project's own .cache/.
CACHE = Path(tempfile.mkdtemp(prefix="daihoi-test-cache-"))
atexit.register(shutil.rmtree, CACHE, True)


def run_cli(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    """`python build.py ARGS` as an editor runs it (inside the test venv)."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE))
    full_env.update(env or {})
    full_env.pop("DAIHOI_TODAY", None)
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=300)


def tree_digest(folder: Path) -> dict:
    """Every file under `folder` with its SHA-256 (for 'left byte-identical' checks)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def descendants(pid: int) -> list[int]:
    """The processes `pid` started, and those they started (Linux: /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def still_running(pids: list[int], seconds: float = 10) -> list[int]:
    """Those of `pids` still running after waiting up to `seconds` for them all to end."""
    import time

    deadline = time.monotonic() + seconds
    while [pid for pid in pids if running(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if running(pid)]


def running(pid: int) -> bool:
    """Still there and not a zombie (this machine's first process may not collect orphans)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
