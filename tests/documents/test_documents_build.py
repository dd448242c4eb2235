"""The entry point as the build uses it: the list of downloads, the cache, reproducible
bytes, and the picture check (pages rendered to PNG for a person to look at)."""

import dataclasses
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from docs_helpers import (BUILD_DATE, COMMENT_URL, PAGE_URL, PLAN_NAMES, generate, load_congresses, load_plan,
                          slug_of)
from daihoi.documents import Download, format_size, generate_plan_documents, plan_document_paths
from daihoi.documents.cache import GENERATIONS

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_download_list(built):
    plan, out, downloads = built["plan_07_kh_duk"]
    assert all(isinstance(d, Download) for d in downloads)
    kinds = [d.kind for d in downloads]
    assert kinds[:3] == ["pdf", "docx", "ics"]
    assert kinds.count("banner-pdf") == 2 + len([x.text for x in plan.slogans])
    assert kinds.count("txt") == 1 and kinds.count("svg") == 1
    for d in downloads:
        path = out / d.path
        assert path.is_file() and d.path.startswith("07-kh-duk/")
        assert d.size_bytes == path.stat().st_size
        assert d.size_label.endswith(format_size(d.size_bytes))
    pdf = downloads[0]
    assert pdf.title == "Kế hoạch (PDF, bản in A4)"
    assert pdf.size_label.startswith("PDF, ") and pdf.size_label.endswith(" KB")


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_the_files_are_named_before_they_are_made(built, name):
    """The build lists a plan's files (the engine's file list) while they are still being made: the
    names told beforehand are the files made, for plans with and without slogans, dates, comment link."""
    plan, out, downloads = built[name]
    told = plan_document_paths(plan, page_url=PAGE_URL.format(slug=slug_of(name)), build_date=BUILD_DATE,
                               congresses=load_congresses(),
                               comment_url=COMMENT_URL if name == "plan_192_kh_ubnd" else None)
    assert told == [d.path for d in downloads]
    assert all((out / path).is_file() for path in told)


def test_the_files_are_named_alike_without_an_address_or_slogans(tmp_path):
    import dataclasses
    from datetime import date

    plan = dataclasses.replace(load_plan("plan_07_kh_duk"), slogans=())
    options = dict(page_url="ke-hoach/07/", build_date=date(2026, 1, 1), congresses={})
    downloads = generate_plan_documents(plan, tmp_path, cache_dir=None, **options)
    assert plan_document_paths(plan, **options) == [d.path for d in downloads]
    assert not [d for d in downloads if d.kind in ("banner-pdf", "svg")]


def test_comment_link_gets_a_qr_file(built):
    _, out, downloads = built["plan_192_kh_ubnd"]
    svgs = [d for d in downloads if d.kind == "svg"]
    assert [d.path.rsplit("/", 1)[1] for d in svgs] == ["qr-192-kh-ubnd.svg", "qr-gop-y-192-kh-ubnd.svg"]
    svg = (out / svgs[1].path).read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg and "Mã QR góp ý dự thảo" in svg


def test_cache_hit_regenerates_and_rewrites_nothing(tmp_path):
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = generate("plan_07_kh_duk", out, cache)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    before = GENERATIONS.copy()
    second = generate("plan_07_kh_duk", out, cache)
    assert GENERATIONS == before, "a warm rebuild generated something"
    assert second == first
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == mtimes
    # A fresh output folder is filled from the cache, still without generating.
    generate("plan_07_kh_duk", tmp_path / "site2", cache)
    assert GENERATIONS == before
    assert _digest(out) == _digest(tmp_path / "site2")


def test_a_rebuild_takes_the_qr_codes_from_the_cache_without_loading_segno(tmp_path):
    """The QR pictures are kept like the other files: a build that finds them does not load the QR
    library (40 ms of the build's own process) to draw them again."""
    from daihoi.documents import _jobs

    plan = load_plan("plan_192_kh_ubnd")
    svg_jobs = [job for job in _jobs(plan, page_url="https://x.example/192/", comment_url=COMMENT_URL,
                                     banner_color="vang") if job[0] == "svg"]
    assert [job[4]["title"] for job in svg_jobs] == ["Mã QR trang kế hoạch", "Mã QR góp ý dự thảo"]
    script = (
        "import sys, datetime\n"
        "from docs_helpers import load_plan\n"
        "from daihoi.documents import generate_plan_documents\n"
        "plan = load_plan('plan_192_kh_ubnd')\n"
        f"generate_plan_documents(plan, {str(tmp_path / 'site')!r}, page_url='https://x.example/192/', "
        f"build_date=datetime.date(2026, 1, 1), congresses={{}}, cache_dir={str(tmp_path / 'cache')!r}, "
        f"comment_url={COMMENT_URL!r})\n"
        "print('segno' in sys.modules)\n")
    helpers = Path(__file__).resolve().parent
    env = dict(__import__("os").environ, DAIHOI_WORKERS="1",
               PYTHONPATH=f"{helpers}{__import__('os').pathsep}{helpers.parents[1]}")
    runs = [subprocess.run([__import__("sys").executable, "-c", script], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs == [["True"], ["False"]]
    assert (tmp_path / "site" / "192-kh-ubnd" / "qr-gop-y-192-kh-ubnd.svg").is_file()


def test_changed_content_regenerates_only_what_it_touches(tmp_path):
    cache = tmp_path / "cache"
    plan = load_plan("plan_07_kh_duk")
    kwargs = dict(page_url="https://x.example/07/", build_date=__import__("datetime").date(2026, 1, 1),
                  cache_dir=cache, congresses={})
    generate_plan_documents(plan, tmp_path / "a", **kwargs)
    before = GENERATIONS.copy()
    unit = dataclasses.replace(plan.units[0], tasks=plan.units[0].tasks + ("Nhiệm vụ mới",))
    generate_plan_documents(dataclasses.replace(plan, units=(unit,) + plan.units[1:]), tmp_path / "a", **kwargs)
    grown = GENERATIONS - before
    # The plan's PDF and Word file change; the banners (slogans unchanged) do not.
    assert grown == {"pdf": 1, "docx": 2}


def test_same_input_gives_byte_identical_files(tmp_path):
    generate("plan_192_kh_ubnd", tmp_path / "one", None)
    generate("plan_192_kh_ubnd", tmp_path / "two", None)
    one, two = _digest(tmp_path / "one"), _digest(tmp_path / "two")
    assert one == two and len(one) >= 8


def test_bad_slug_is_refused(tmp_path):
    with pytest.raises(ValueError):
        generate_plan_documents(dataclasses.replace(load_plan("plan_07_kh_duk"), slug="../x"), tmp_path, page_url="u",
                                build_date=__import__("datetime").date(2026, 1, 1), cache_dir=None, congresses={})


def test_package_does_not_import_mkdocs():
    root = Path(__file__).resolve().parents[2] / "daihoi" / "documents"
    for f in root.glob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, f.name


def test_fonts_bundled_with_licence():
    root = Path(__file__).resolve().parents[2] / "daihoi" / "documents" / "fonts"
    names = {p.name for p in root.iterdir()}
    assert {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
            "LiberationSerif-BoldItalic.ttf", "LiberationSans-Bold.ttf", "LICENSE-OFL.txt"} <= names
    assert "SIL OPEN FONT LICENSE Version 1.1" in (root / "LICENSE-OFL.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_render_pictures_for_a_person(built):
    """Renders page 1 of each plan and one banner per format into tests/artifacts/ (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    made = []
    for name in ["plan_07_kh_duk", "plan_192_kh_ubnd"]:
        _, out, downloads = built[name]
        pdf = out / downloads[0].path
        banners = [d for d in downloads if d.kind == "banner-pdf"][:2]
        for src, stem in [(pdf, f"{name}-trang1")] + [(out / b.path, f"{name}-{b.path.split('/')[-1].removesuffix('.pdf')}") for b in banners]:
            target = ARTIFACTS / f"documents-{stem}"
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(src), str(target)],
                           check=True, timeout=120)
            made.append(target.with_suffix(".png"))
    for png in made:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    (ARTIFACTS / "documents-pictures.json").write_text(json.dumps([p.name for p in made], indent=1), encoding="utf-8")


def test_sparse_plan_still_gives_documents(tmp_path):
    """A plan with almost nothing (no issuer, no text, one undated phase) still builds, and prints
    no "None" nor a lone star."""
    from datetime import date

    from pypdf import PdfReader

    from daihoi.model import resolve

    plan, _ = resolve.resolve({"number": "1-KH/ĐU", "system": "dang", "date": date(2025, 1, 2), "title": "Thử nghiệm",
                               "phases": [{"label": "1", "title": "Giai đoạn chưa rõ ngày"}], "path": "ke-hoach/thu.md",
                               "slug": "thu", "body": "", "body_line": 1}, {})
    downloads = generate_plan_documents(plan, tmp_path, page_url="https://e.example/thu/",
                                        build_date=date(2026, 1, 1), cache_dir=None, congresses={})
    assert [d.kind for d in downloads] == ["pdf", "docx", "svg"]  # no dates: no calendar; no slogans: no banners
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / downloads[0].path).pages)
    assert "None" not in text and "*" not in [ln.strip() for ln in text.splitlines()]


def test_relative_page_url_prints_no_qr(tmp_path):
    from datetime import date

    from pypdf import PdfReader

    plan = load_plan("plan_192_kh_ubnd")
    downloads = generate_plan_documents(plan, tmp_path, page_url="ke-hoach/192/",
                                        build_date=date(2026, 1, 1), cache_dir=None, congresses={})
    assert not [d for d in downloads if d.kind == "svg"]
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / downloads[0].path).pages)
    assert "Xem trực tuyến" not in text and "ke-hoach/192/" not in text


def test_identical_across_processes_and_hash_seeds(tmp_path):
    """Set/dict order must not leak into the files: two interpreters with different
    hash seeds write the same bytes (what two CI runs, or CI and a laptop, do)."""
    import os
    import sys

    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[3])\n"
        "from daihoi.documents import generate_plan_documents\n"
        "from daihoi.model import content\n"
        "site, _ = content.load(Path(sys.argv[1]))\n"
        "plan = next(p for p in site.plans if p.slug == '20-kh-duk')\n"
        "generate_plan_documents(plan, Path(sys.argv[2]), page_url='https://e.example/x/',\n"
        "    build_date=date(2026, 11, 22), cache_dir=None, congresses=site.congresses, comment_url='https://e.example/g/')\n"
    )
    root = Path(__file__).resolve().parents[2]
    fixture = Path(__file__).with_name("fixtures") / "content"
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(fixture), str(tmp_path / seed), str(root)],
                       check=True, env=env, timeout=300)
    assert _digest(tmp_path / "1") == _digest(tmp_path / "2")
