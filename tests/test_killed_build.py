"""A build killed half-way (kill -9, a power cut) costs nothing: the published site stays as it was,
and the next build removes what the killed one left (its staging folder, its lock) and succeeds."""
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from helpers import CACHE, ROOT, SITE_FIXTURE, descendants, run_cli, still_running, tree_digest


def staged_pages(folder):
    return [page for staging in folder.glob(".site.new-*") for page in staging.rglob("*.html")]


# Killed as soon as the staging folder exists, and once the engine has written pages into it.
@pytest.mark.parametrize("moment", [lambda folder: list(folder.glob(".site.new-*")), staged_pages])
def test_a_killed_build_leaves_the_site_and_the_next_build_cleans_up(tmp_path, moment):
    shutil.copytree(SITE_FIXTURE, tmp_path / "content")
    args = ["build", "--content-dir", "content", "--site-dir", "site", "--today", "2025-05-15"]
    assert run_cli(*args, cwd=tmp_path).returncode == 0
    published = tree_digest(tmp_path / "site")

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE))
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not moment(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the build ended before it could be killed half-way"
    helpers_of_the_build = descendants(proc.pid)      # the worker pool, if started: forkserver, workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert still_running(helpers_of_the_build) == []     # they end with the build
    litter = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site"))
    assert any(name.startswith(".site.new-") for name in litter), litter      # killed while staging
    assert tree_digest(tmp_path / "site") == published

    r = run_cli(*args, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
    assert tree_digest(tmp_path / "site") == published
