"""Downloads on the pages: generated files and attachments, with type and size, all resolvable."""
import shutil

from bs4 import BeautifulSoup

from helpers import SITE_FIXTURE, run_cli
from daihoi.model import content
from daihoi.documents import format_size


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_plan_page_lists_every_download_with_type_and_real_size(built_site):
    page = soup(built_site, "ke-hoach/12-kh-du/index.html")
    items = page.select(".dh-downloads__item")
    assert len(items) >= 8
    kinds = {c for li in items for c in li["class"]}
    for kind in ("pdf", "docx", "ics", "banner-pdf", "txt", "attachment"):
        assert f"dh-downloads__item--{kind}" in kinds
    for li in items:
        href = li.a["href"]
        assert href.startswith("../../")
        target = built_site / href[len("../../"):]
        assert target.is_file(), href
        meta = li.select_one(".dh-downloads__meta").get_text()
        assert format_size(target.stat().st_size) in meta, (href, meta)
    titles = [li.a.get_text(strip=True) for li in items]
    assert "Kế hoạch (PDF, bản in A4)" in titles and "Kế hoạch (Word, chỉnh sửa được)" in titles
    assert "Cách in" in page.select_one(".dh-print-help").get_text()


def test_attachment_listed_with_vietnamese_size_and_date(built_site):
    page = soup(built_site, "ke-hoach/12-kh-du/index.html")
    li = page.select_one(".dh-downloads__item--attachment")
    assert li.a.get_text(strip=True) == "Dự thảo Báo cáo chính trị trình Đại hội"
    size = (SITE_FIXTURE / "ke-hoach/tai-lieu/du-thao-bao-cao-chinh-tri.pdf").stat().st_size
    assert li.select_one(".dh-downloads__meta").get_text() == f"PDF, {format_size(size)}, ngày 20/04/2025"
    assert (built_site / "ke-hoach/tai-lieu/du-thao-bao-cao-chinh-tri.pdf").is_file()


def test_documents_page_lists_each_plan_files(built_site):
    page = soup(built_site, "tai-lieu/index.html")
    sections = page.select("section")
    assert [s.h2.get_text(" ", strip=True).split(" Đang")[0].split(" Sắp")[0].split(" Đã")[0]
            for s in sections] == ["Kế hoạch số 12-KH/ĐU", "Kế hoạch số 192/KH-UBND"]
    links = [a["href"] for a in page.select(".dh-downloads a")]
    assert any(h.endswith(".ics") for h in links) and any(h.endswith(".docx") for h in links)
    assert all((built_site / h[len("../"):]).is_file() for h in links)


def _with_attachment(tmp_path, file_value):
    site = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, site)
    plan = site / "ke-hoach/12-kh-du.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace('file: "tai-lieu/du-thao-bao-cao-chinh-tri.pdf"',
                                                            f'file: "{file_value}"'), encoding="utf-8")
    return site


def test_missing_attachment_is_an_error_naming_the_line(tmp_path):
    site = _with_attachment(tmp_path, "tai-lieu/khong-co.pdf")
    _, problems = content.load(site)
    p = next(p for p in problems if p.code == "attachment")
    assert p.path.endswith("ke-hoach/12-kh-du.md") and p.line == 63
    assert p.what == "Không tìm thấy tệp đính kèm “tai-lieu/khong-co.pdf”"


def test_attachment_outside_content_refused(tmp_path):
    site = _with_attachment(tmp_path, "../../etc/passwd")
    r = run_cli("check", "--content-dir", site)
    assert r.returncode == 1
    assert "12-kh-du.md:63: Tệp đính kèm “../../etc/passwd” nằm ngoài thư mục content/" in r.stderr


def test_attachment_symlink_out_refused(tmp_path):
    site = _with_attachment(tmp_path, "tai-lieu/lien-ket.pdf")
    (site / "ke-hoach/tai-lieu/lien-ket.pdf").symlink_to("/etc/hostname")
    _, problems = content.load(site)
    assert any(p.code == "attachment" and "nằm ngoài thư mục content/" in p.what for p in problems)
