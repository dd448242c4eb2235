"""The desk as an editor gets it: `build.py desk` started as a process on a free port of 127.0.0.1
(desk_helpers.py), over a copy of the sample content."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desk_helpers import Desk, chromium_settings, content_without_plans  # noqa: E402
from helpers import ROOT  # noqa: E402


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A desk over the sample content without its three plans (the tests import them again)."""
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
    from playwright_session import chromium   # tests/playwright_session.py: one Chromium per test process

    executable, args = chromium_settings()
    assert os.path.exists(executable), f"Không thấy Chromium ở {executable}"
    with chromium(executable, args) as b:
        yield b
