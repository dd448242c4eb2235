"""The desk as an editor gets it: `build.py desk` started as a process on a free port of 127.0.0.1,
over a copy of the sample content without its three plans (the tests import them again)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from helpers import CACHE, ROOT  # noqa: E402

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
    def __init__(self, folder: Path):
        self.folder = folder
        self.content = folder / "content"
        self.site = folder / "site"
        self.out = folder / "goi"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE), PYTHONUNBUFFERED="1")
        env.pop("DAIHOI_TODAY", None)
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "desk", "--cong", "0", "--khong-mo-trinh-duyet",
             "--content-dir", str(self.content), "--site-dir", str(self.site), "--out-dir", str(self.out),
             "--today", "2020-08-20"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            env=env)
        line = self.process.stdout.readline()
        assert "http://127.0.0.1:" in line, line
        self.url = line.split("http://", 1)[1].split("/", 1)[0]
        self.url = f"http://{self.url}/"
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


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ban-bien-tap")
    content_without_plans(folder)
    d = Desk(folder)
    yield d
    d.stop()


@pytest.fixture(scope="module")
def full_desk(tmp_path_factory):
    """A desk over the whole sample content (its plans included)."""
    folder = tmp_path_factory.mktemp("ban-bien-tap-mau")
    shutil.copytree(ROOT / "content", folder / "content")
    d = Desk(folder)
    yield d
    d.stop()


@pytest.fixture(scope="module")
def browser():
    import importlib.util

    from playwright.sync_api import sync_playwright

    # Debian's Chromium and its switches, as the reader tests launch it (tests/browser/conftest.py).
    spec = importlib.util.spec_from_file_location("browser_conftest", HERE.parent / "browser" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    CHROMIUM, CHROMIUM_ARGS = module.CHROMIUM, module.CHROMIUM_ARGS

    assert os.path.exists(CHROMIUM), f"Không thấy Chromium ở {CHROMIUM}"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_until(test, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        if test():
            return True
        time.sleep(0.1)
    return False
