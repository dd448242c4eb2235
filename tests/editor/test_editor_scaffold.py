"""`build.py new`: each archetype makes a valid file that builds, every field explained, today's date in."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from editor_helpers import SEEDS, TODAY, site_copy
from helpers import run_cli

from daihoi.model import content, schema
from daihoi.cli import scaffold
from daihoi.text import vndate
from daihoi.model.source import read

# Keys of the front matter (or data) each archetype must explain.
NEWS_FIELDS = ("title", "date", "author", "summary", "cover", "cover_alt", "categories", "plan", "phase", "congress")


def explained_keys(text: str) -> set[str]:
    """Keys written as `key:` or `# key:` at any indentation (a comment explains each)."""
    return set(re.findall(r"^[ #-]*([a-z_]+):", text, re.M))


def test_each_template_explains_every_field():
    plan = (scaffold.TEMPLATES / "plan.md").read_text(encoding="utf-8")
    congress = (scaffold.TEMPLATES / "congress.yml").read_text(encoding="utf-8")
    post = (scaffold.TEMPLATES / "post.md").read_text(encoding="utf-8")
    missing = set(schema.PLAN.fields) - explained_keys(plan)
    assert not missing, f"plan.md does not explain: {missing}"
    assert not set(schema.PHASE.fields) - explained_keys(plan)
    assert not set(schema.CONGRESS.fields) - explained_keys(congress)
    assert not set(NEWS_FIELDS) - explained_keys(post)


def test_post_template_matches_the_news_module_when_present():
    try:
        from daihoi.model import news
    except ImportError:
        return
    post = (scaffold.TEMPLATES / "post.md").read_text(encoding="utf-8")
    assert set(news.FIELDS) <= explained_keys(post)


def test_all_four_kinds_are_valid_and_build(tmp_path):
    folder = site_copy(tmp_path)
    made = {}
    for kind in ("plan", "post", "congress", "page"):
        result = run_cli("new", kind, "--content-dir", folder, "--today", TODAY)
        assert result.returncode == 0, result.stderr
        assert "Lỗi" not in result.stderr
        made[kind] = result.stdout
    plan = folder / "ke-hoach" / "00-kh-du.md"
    post = folder / "tin-tuc" / f"{TODAY}-tieu-de-tin.md"
    page = folder / "trang-moi.md"
    for file in (plan, post, page):
        assert file.is_file()
        assert vndate.long_form(date.fromisoformat(TODAY)) in file.read_text(encoding="utf-8")
    for file in (plan, post):
        assert f'date: "{TODAY}"' in file.read_text(encoding="utf-8")
    site, problems = content.load(folder)
    assert site is not None, [str(p) for p in problems]
    new_plan = next(p for p in site.plans if p.number == "00-KH/ĐU")
    assert new_plan.date.isoformat() == TODAY
    assert new_plan.phases[1].congress == site.settings["target_congress"]
    # the template's phases, slogan and unit point into its own text
    assert all(p.block is not None for p in new_plan.phases) and new_plan.phases[0].items
    assert new_plan.slogans[0].block is not None and new_plan.units[0].tasks
    congress = site.congresses[f"dai-hoi-moi-{TODAY[:4]}"]
    assert congress["ordinal"] == "I" and congress["opening"] is None
    # the comments of dai-hoi.yml written before are kept as they were
    assert (folder / "_du-lieu" / "dai-hoi.yml").read_text(encoding="utf-8").startswith(
        (Path(__file__).parents[1] / "fixtures/site/_du-lieu/dai-hoi.yml").read_text(encoding="utf-8"))
    # the post reports on the phase that is current today, with the news module's keys
    src, found = read(post, "tin-tuc/x.md")
    assert not found
    assert set(src.data) <= set(NEWS_FIELDS)
    assert src.data["plan"] and src.data["phase"] and src.data["congress"] == site.settings["target_congress"]
    out = tmp_path / "site"
    built = run_cli("build", "--content-dir", folder, "--site-dir", out, "--today", TODAY)
    assert built.returncode == 0, built.stderr
    assert (out / "ke-hoach" / "00-kh-du" / "index.html").is_file()
    assert (out / "trang-moi" / "index.html").is_file()
    assert (out / "tin-tuc" / f"{TODAY}-tieu-de-tin" / "index.html").is_file()


def test_new_plan_from_a_seed_imports_and_checks(tmp_path):
    folder = site_copy(tmp_path)
    result = run_cli("new", "plan", "--from", SEEDS / "000_0d28b69577a8885f.txt", "--content-dir", folder)
    assert result.returncode == 0, result.stderr
    written = folder / "ke-hoach" / "07-kh-duk.md"
    assert written.is_file()
    assert "Đã tạo kế hoạch" in result.stdout and "cảnh báo" in result.stdout
    plan, problems = content.load_plan_file(written)
    assert plan is not None and plan.number == "07-KH/ĐUK"
    assert run_cli("check", "--content-dir", folder).returncode == 0


def test_new_plan_with_a_name_and_number(tmp_path):
    folder = site_copy(tmp_path)
    result = run_cli("new", "plan", "--so", "45-KH/ĐU", "--ten", "ke hoach thang 6", "--content-dir", folder,
                     "--today", "04/01/2026")
    assert result.returncode == 0, result.stderr
    file = folder / "ke-hoach" / "ke-hoach-thang-6.md"
    text = file.read_text(encoding="utf-8")
    plan, problems = content.load_plan_file(file)
    assert plan.number == "45-KH/ĐU" and plan.date == date(2026, 1, 4), problems
    assert "ngày 04 tháng 01 năm 2026" in text


def test_refusals_are_vietnamese_and_leave_files_alone(tmp_path):
    folder = site_copy(tmp_path)
    assert run_cli("new", "page", "--ten", "Giới thiệu", "--content-dir", folder).returncode == 0
    page = folder / "gioi-thieu.md"
    before = page.read_bytes()
    again = run_cli("new", "page", "--ten", "Giới thiệu", "--content-dir", folder)
    assert again.returncode == 1 and "đã có" in again.stderr and "--force" in again.stderr
    assert page.read_bytes() == before
    dup = run_cli("new", "congress", "--ten", "phuong-v", "--content-dir", folder)
    assert dup.returncode == 1 and "phuong-v" in dup.stderr
    wrong = run_cli("new", "post", "--from", SEEDS / "000_0d28b69577a8885f.txt", "--content-dir", folder)
    assert wrong.returncode == 1 and "--from" in wrong.stderr
    bad = run_cli("new", "bai-viet", "--content-dir", folder)
    assert bad.returncode == 2 and "không có lựa chọn" in bad.stderr
    missing = run_cli("new", "plan", "--from", tmp_path / "khong-co.docx", "--content-dir", folder)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_fill_refuses_a_placeholder_left_over():
    assert scaffold.fill("a {{x}} b", {"x": 1}) == "a 1 b"
    try:
        scaffold.fill("a {{y}}", {"x": 1})
    except ValueError:
        return
    raise AssertionError("a placeholder left over must raise")


def test_vietnamese_output_survives_a_windows_code_page(tmp_path):
    # As on Windows when the output is redirected to a file: Python picks the ANSI code page.
    folder = site_copy(tmp_path)
    result = run_cli("new", "page", "--ten", "Liên hệ", "--content-dir", folder, env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert "Đã tạo trang" in result.stdout
    assert (folder / "lien-he.md").read_text(encoding="utf-8").count("Liên hệ") == 1


def test_help_is_vietnamese():
    for command in ("new", "package"):
        result = run_cli(command, "--help")
        assert result.returncode == 0
        assert result.stdout.startswith("Cách dùng: build.py " + command) and "Tùy chọn:" in result.stdout
