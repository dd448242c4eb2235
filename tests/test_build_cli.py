"""The command-line contract: exit codes, Vietnamese messages, atomic builds."""
import os
import shutil

import pytest

from helpers import CACHE, ROOT, SITE_FIXTURE, run_cli, tree_digest
from daihoi.cli import atomic


@pytest.fixture
def work(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, content)
    return tmp_path, content, tmp_path / "site"


def test_build_then_failed_build_leaves_site_byte_identical(work):
    tmp, content, site = work
    ok = run_cli("build", "--content-dir", content, "--site-dir", site, "--today", "2025-05-15")
    assert ok.returncode == 0, ok.stderr
    assert "Đã dựng xong 2 kế hoạch" in ok.stdout
    before = tree_digest(site)
    assert "index.html" in before
    plan = content / "ke-hoach/12-kh-du.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace('end: "2025-04-30"', 'end: "2025-04-31"'),
                    encoding="utf-8")
    bad = run_cli("build", "--content-dir", content, "--site-dir", site, "--today", "2025-05-15")
    assert bad.returncode == 1
    assert "ke-hoach/12-kh-du.md:18: Ngày “phases[1].end” không hợp lệ" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert "Nội dung có 1 lỗi, chưa dựng trang" in bad.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp.iterdir()) == ["content", "site"]   # no staging folder left behind


@pytest.mark.parametrize("workers", ["2", "1"])
def test_errors_the_check_finds_while_the_engine_builds_stop_the_build(work, workers):
    """The checks after the plans run in a worker process while the engine builds (ContentCheck):
    their errors still stop the build, are reported as the check's, and nothing is published."""
    tmp, content, site = work
    env = {"DAIHOI_WORKERS": workers}
    assert run_cli("build", "--content-dir", content, "--site-dir", site, env=env).returncode == 0
    before = tree_digest(site)
    (content / "tin-tuc").mkdir(exist_ok=True)
    (content / "tin-tuc" / "2025-05-01-tin.md").write_text(
        '---\ntitle: "Tin thử"\ndate: 2025-05-01\nplan: "99-KH/ĐU"\n---\n\nThân bài.\n', encoding="utf-8")
    (content / "trang.html").write_text("<p>x</p>\n", encoding="utf-8")
    bad = run_cli("build", "--content-dir", content, "--site-dir", site, env=env)
    assert bad.returncode == 1
    assert "tin-tuc/2025-05-01-tin.md:4: Không có kế hoạch số “99-KH/ĐU”" in bad.stderr
    assert "trang.html: Tệp trang web (.html) không được đăng" in bad.stderr
    assert bad.stderr.strip().splitlines()[-1] == "Lỗi: Nội dung có 2 lỗi, chưa dựng trang. Sửa các dòng nêu trên rồi chạy lại."
    assert "Traceback" not in bad.stderr and "Lỗi ngoài dự kiến" not in bad.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp.iterdir()) == ["content", "site"]   # no staging folder left behind


def test_engine_failure_leaves_site_and_shows_traceback_only_with_debug(work, tmp_path):
    tmp, content, site = work
    assert run_cli("build", "--content-dir", content, "--site-dir", site).returncode == 0
    before = tree_digest(site)
    # A page whose front matter names a template that does not exist: the engine fails mid-build.
    (content / "hong.md").write_text("---\ntemplate: khong-co.html\n---\nx\n", encoding="utf-8")
    bad = run_cli("build", "--content-dir", content, "--site-dir", site)
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines()[-1] == (
        "Lỗi: Không có mẫu trang “khong-co.html”. Sửa mục “template:” ở đầu trang dùng mẫu này, "
        "hoặc xóa mục đó để dùng mẫu mặc định")
    assert "Traceback" not in bad.stderr
    assert tree_digest(site) == before
    debug = run_cli("build", "--content-dir", content, "--site-dir", site, "--debug")
    assert debug.returncode == 1 and "Traceback" in debug.stderr
    assert tree_digest(site) == before


def test_check_command(work):
    _, content, _ = work
    ok = run_cli("check", "--content-dir", content)
    assert ok.returncode == 0 and ok.stdout.strip() == "Nội dung hợp lệ: 2 kế hoạch, 2 đại hội."
    (content / "ke-hoach/12-kh-du.md").write_text("---\nslogns: []\n---\n", encoding="utf-8")
    bad = run_cli("check", "--content-dir", content)
    assert bad.returncode == 1
    assert "12-kh-du.md:2: Mục “slogns” không có trong mẫu kế hoạch. Có phải ý bạn là “slogans”?" in bad.stderr
    assert "Thiếu mục “number”" in bad.stderr


def test_no_argument_builds_content_into_site(tmp_path):
    # `python build.py` with no argument builds content/ into site/ of the project.
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("build.py", "mkdocs.yml", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, repo / name)
    for name in ("daihoi", "hooks", "theme"):
        shutil.copytree(ROOT / name, repo / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SITE_FIXTURE, repo / "content")
    import subprocess, sys
    result = subprocess.run([sys.executable, "build.py"], cwd=repo, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE)))
    assert result.returncode == 0, result.stderr
    assert (repo / "site/index.html").is_file() and (repo / "site/ke-hoach/12-kh-du/index.html").is_file()


def test_bad_today_and_bad_command(work):
    _, content, site = work
    r = run_cli("build", "--content-dir", content, "--site-dir", site, "--today", "2025-02-30")
    assert r.returncode == 1 and "--today: “2025-02-30”: tháng 2/2025 không có ngày 30" in r.stderr
    assert not site.exists()
    r = run_cli("xay-dung")
    assert r.returncode == 2 and "không có lựa chọn" in r.stderr


def test_lock_refuses_a_second_build(work):
    _, content, site = work
    lock = site.parent / f".{site.name}.lock"
    lock.write_text(str(os.getppid()))      # a live process (the test runner's parent) holds it
    r = run_cli("build", "--content-dir", content, "--site-dir", site)
    assert r.returncode == 1 and "đang ghi vào" in r.stderr and not site.exists()
    lock.write_text("999999999")            # stale: no such process
    r = run_cli("build", "--content-dir", content, "--site-dir", site)
    assert r.returncode == 0, r.stderr
    assert not lock.exists()


def test_atomic_write_file(tmp_path):
    target = tmp_path / "a" / "x.txt"
    atomic.write_file(target, "Đại hội")
    atomic.write_file(target, "Đại hội XIV")
    assert target.read_text(encoding="utf-8") == "Đại hội XIV"
    assert [p.name for p in target.parent.iterdir()] == ["x.txt"]


def test_serve_previews_a_chosen_day(work):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    _, content, _ = work
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--content-dir", str(content),
                             "--today", "2025-06-20", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE)))
    try:
        html = None
        for _ in range(240):
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert html is not None, proc.stderr.read() if proc.poll() is not None else "serve did not answer"
        # Built for 20/06/2025: the congress closed on 11/06/2025.
        assert "Đại hội đã bế mạc ngày 11/06/2025" in html
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # Asked to stop (SIGTERM), the preview stops as with Ctrl+C, through build.py's own exit, which
    # stops the worker processes its first build started (killed outright, it left them running).
    assert proc.returncode == 0, proc.stderr.read()
