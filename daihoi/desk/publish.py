"""Check, build and package from the desk: the same commands an editor runs, run by build.py.

The desk never imports the site engine (daihoi never imports mkdocs): it runs
`build.py check`, `build.py build` and `build.py package` as child processes, reads
their messages back into Problems (the one format of daihoi.model.problems), and reads
the package's change summary from the files `package` writes.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from daihoi.cli.packaging import MANIFEST
from daihoi.model.problems import ERROR, GUIDE, WARNING, Problem

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 900
# `path:line: what. fix. Xem: docs/…#loi-code` (str(Problem)); a line 0 has no ":line".
_PROBLEM = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?: (?P<warn>\(cảnh báo\) )?(?P<text>.+?)"
                      r"(?: Xem: " + re.escape(GUIDE) + r"#loi-(?P<code>[\w-]+))?$")


@dataclass
class Result:
    ok: bool
    problems: list          # Problem
    lines: list             # other lines printed (the summary, "Đã dựng xong …")
    seconds: float = 0.0


def parse_problem(line: str) -> Problem | None:
    """A line printed by build.py back into a Problem (None for a line that is not one)."""
    m = _PROBLEM.match(line.strip())
    if not m or line.startswith("Lỗi:") or not (m.group("line") or m.group("code")):
        return None
    text = m.group("text")
    return Problem(m.group("path"), int(m.group("line") or 0), text.rstrip("."), "",
                   WARNING if m.group("warn") else ERROR, m.group("code") or "")


def quick_problems(content_dir: Path) -> list[Problem]:
    """What `build.py check` finds before rendering pages, found in this process (no engine):
    the content model, the posts, and the upload safety scan (daihoi.site.content_check)."""
    from daihoi.model import content, news
    from daihoi.site import content_check

    site, problems = content.load(Path(content_dir))
    if site is not None:
        problems = problems + news.load(Path(content_dir), site.plans, site.congresses)[1]
    return sorted(set(problems + content_check.scan(Path(content_dir))))


def run(args: list[str], today: str | None = None) -> Result:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    env.pop("DAIHOI_TODAY", None)
    if today:
        args = [*args, "--today", today]
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=ROOT, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Result(False, [], [f"Lệnh chạy quá {TIMEOUT // 60} phút nên đã dừng. Thử lại; nếu vẫn vậy, "
                                  "gửi nội dung cho nhóm kỹ thuật."], time.perf_counter() - started)
    problems, lines = [], []
    for line in (done.stderr + "\n" + done.stdout).splitlines():
        if not line.strip():
            continue
        found = parse_problem(line)
        (problems if found else lines).append(found or line)
    return Result(done.returncode == 0, problems, lines, time.perf_counter() - started)


def check(content_dir: Path) -> Result:
    return run(["check", "--content-dir", str(content_dir)])


def build(content_dir: Path, site_dir: Path, today: str | None = None) -> Result:
    return run(["build", "--content-dir", str(content_dir), "--site-dir", str(site_dir)], today)


def package(content_dir: Path, site_dir: Path, out_dir: Path, today: str | None = None) -> tuple[Result, dict | None]:
    """Build and package; (result, {"zip", "summary", "files"}) of the package written."""
    result = run(["package", "--content-dir", str(content_dir), "--site-dir", str(site_dir),
                  "--out-dir", str(out_dir)], today)
    if not result.ok:
        return result, None
    return result, last_package(out_dir)


def last_package(out_dir: Path) -> dict | None:
    """The newest package in `out_dir`: its zip, change summary and file count (from its manifest)."""
    manifest = Path(out_dir) / MANIFEST
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = str(data.get("package") or "")
    if not name.endswith(".zip"):
        return None
    summary = Path(out_dir) / (name[:-4] + ".thay-doi.txt")
    return {"zip": Path(out_dir) / name, "name": name,
            "summary": summary.read_text(encoding="utf-8") if summary.is_file() else "",
            "files": len(data.get("files") or {})}
