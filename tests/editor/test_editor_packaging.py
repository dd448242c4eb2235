"""`build.py package`: zip = built site, SHA-256 list right, change summary on the next package."""
from __future__ import annotations

import hashlib
import json
import zipfile

from editor_helpers import TODAY, site_copy
from helpers import run_cli, tree_digest

from daihoi.cli import packaging


def _packages(out):
    return sorted(out.glob("*.zip"))


def test_package_builds_zips_and_lists_checksums(tmp_path):
    folder, site, out = site_copy(tmp_path), tmp_path / "site", tmp_path / "goi"
    result = run_cli("package", "--content-dir", folder, "--site-dir", site, "--out-dir", out, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "lần đóng gói đầu tiên" in result.stdout
    [zip_path] = _packages(out)
    digest = tree_digest(site)
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None
        names = sorted(archive.namelist())
        assert names == sorted(digest)                       # every built file, at the root, nothing else
        assert "index.html" in names and "widget/index.html" in names
        in_zip = {n: hashlib.sha256(archive.read(n)).hexdigest() for n in names}
    assert in_zip == digest
    lines = zip_path.with_suffix(".sha256").read_text(encoding="utf-8").splitlines()
    listed = {line[66:]: line[:64] for line in lines}
    assert all(line[64:66] == "  " for line in lines)        # the format `sha256sum -c` reads
    assert listed == digest
    manifest = json.loads((out / packaging.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"] == digest and manifest["package"] == zip_path.name

    # Second package, after an editor added a page, changed a plan and removed the slogans page.
    (folder / "lien-he.md").write_text("---\ntitle: Liên hệ\n---\n\nBan biên tập.\n", encoding="utf-8")
    plan = folder / "ke-hoach" / "12-kh-du.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nĐoạn bổ sung.\n", encoding="utf-8")
    (folder / "khau-hieu.md").unlink()
    again = run_cli("package", "--content-dir", folder, "--site-dir", site, "--out-dir", out, "--today", TODAY)
    assert again.returncode == 0, again.stderr
    assert len(_packages(out)) == 2
    text = again.stdout
    assert "Trang mới: 1\n  - lien-he/ (Liên hệ)" in text
    assert "  - ke-hoach/12-kh-du/ (Kế hoạch số 12-KH/ĐU)" in text.split("Trang thay đổi")[1].split("Trang bị bỏ")[0]
    assert "Trang bị bỏ: 1\n  - khau-hieu/ (Khẩu hiệu tuyên truyền)" in text
    assert "xóa chúng trên cổng" in text
    summary_file = _packages(out)[-1].with_name(_packages(out)[-1].stem + ".thay-doi.txt")
    assert summary_file.read_text(encoding="utf-8") in text


def test_same_site_same_zip_and_no_change(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<title>Trang chủ</title>", encoding="utf-8")
    (site / "a" / "index.html").write_text("<title>A - Trang chủ</title>", encoding="utf-8")
    first = packaging.package(site, tmp_path / "goi", "p1")
    second = packaging.package(site, tmp_path / "goi", "p2")
    assert first["paths"]["zip"].read_bytes() == second["paths"]["zip"].read_bytes()   # reproducible
    assert "Không có gì thay đổi" in second["summary"]
    result = run_cli("package", "--khong-dung", "--site-dir", site, "--out-dir", tmp_path / "goi")
    assert result.returncode == 0, result.stderr
    assert "Không có gì thay đổi" in result.stdout


def test_changes_and_summary_are_plain_functions():
    old = {"files": {"index.html": "1", "a/index.html": "2", "gone/index.html": "3", "x.css": "4"},
           "titles": {"index.html": "S", "a/index.html": "A - S", "gone/index.html": "Cũ - S"}}
    new = {"files": {"index.html": "1", "a/index.html": "9", "b/index.html": "5", "x.css": "4", "y.js": "6"},
           "titles": {"index.html": "S", "a/index.html": "A - S", "b/index.html": "B - S"}}
    diff = packaging.changes(old, new)
    assert diff["pages"] == {"added": ["b/index.html"], "changed": ["a/index.html"], "removed": ["gone/index.html"]}
    assert diff["files"] == {"added": ["y.js"], "changed": [], "removed": []}
    text = packaging.summary(diff, old, new, "p.zip")
    assert "  - b/ (B)" in text and "  - a/ (A)" in text and "  - gone/ (Cũ)" in text
    assert packaging.changes(None, new)["first"]
    assert packaging.page_url("index.html") == "./" and packaging.page_url("404.html") == "404.html"


def test_package_refuses_without_a_site(tmp_path):
    result = run_cli("package", "--khong-dung", "--site-dir", tmp_path / "khong-co", "--out-dir", tmp_path / "goi")
    assert result.returncode == 1 and "không thấy trang đã dựng" in result.stderr
    assert not (tmp_path / "goi").exists() or not _packages(tmp_path / "goi")


def test_package_stops_when_the_build_fails(tmp_path):
    folder = site_copy(tmp_path)
    (folder / "ke-hoach" / "12-kh-du.md").write_text("---\nnumber: [\n---\n", encoding="utf-8")
    result = run_cli("package", "--content-dir", folder, "--site-dir", tmp_path / "site", "--out-dir", tmp_path / "goi")
    assert result.returncode == 1 and "chưa đóng gói" in result.stderr
    assert not (tmp_path / "goi").exists()
