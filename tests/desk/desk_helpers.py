"""Helpers of the desk's tests: the sample plans as Word files, and `build.py desk` as a process.

(A module of its own name: every test folder has a conftest.py, and `from conftest import …`
inside a test would find whichever folder's was imported last.)"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from helpers import CACHE, ROOT

HERE = Path(__file__).resolve().parent
SEEDS = {"07-kh-duk": "seed-000", "38-kh-du": "seed-001", "20-kh-duk": "seed-004"}
WORD = ROOT / "tests" / "importer" / "corpus" / "files"


def word_file(stem: str, folder: Path) -> Path:
    """The sample plan `stem` as the Word file the desk receives: the importer corpus's copy when
    there is one, else a .docx made from the seed text with python-docx (a paragraph a line)."""
    found = WORD / f"{SEEDS[stem]}.table.docx"
    if found.is_file():
        return found
    import docx

    seed = next((ROOT / "tests" / "fixtures" / "seeds").glob(f"{SEEDS[stem][5:]}_*.txt"))
    document = docx.Document()
    for line in seed.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    out = folder / f"{SEEDS[stem]}.docx"
    document.save(out)
    return out


class Desk:
    """`build.py desk` on a free port of 127.0.0.1 over `folder`/content, as an editor starts it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.content = folder / "content"
        self.site = folder / "site"
        self.out = folder / "goi"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE), PYTHONUNBUFFERED="1")
        env.pop("DAIHOI_TODAY", None)
        # Its messages go to a file (a pipe nobody reads would fill up and stop the desk); the first
        # line is the address it listens on.
        self.log = folder / "ban-bien-tap.log"
        with open(self.log, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "build.py"), "desk", "--cong", "0", "--khong-mo-trinh-duyet",
                 "--content-dir", str(self.content), "--site-dir", str(self.site), "--out-dir", str(self.out),
                 "--today", "2020-08-20"], stdout=log, stderr=subprocess.STDOUT, env=env)
        end = time.time() + 120
        while "http://127.0.0.1:" not in self.log.read_text(encoding="utf-8") and time.time() < end:
            assert self.process.poll() is None, self.log.read_text(encoding="utf-8")
            time.sleep(0.1)
        line = self.log.read_text(encoding="utf-8")
        assert "http://127.0.0.1:" in line, line
        self.url = "http://" + line.split("http://", 1)[1].split("/", 1)[0] + "/"
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def content_without_plans(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    for plan in (content / "ke-hoach").glob("*.md"):
        if plan.name != "index.md":
            plan.unlink()
    return content


def chromium_settings() -> tuple[str, list]:
    """Debian's Chromium and its switches, as the reader tests launch it (tests/browser/conftest.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("browser_conftest", HERE.parent / "browser" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CHROMIUM, module.CHROMIUM_ARGS
