"""Characters the bundled fonts cannot draw (daihoi/documents/fonts.py): the content check warns
in Vietnamese on each line of the plan that has them, and fpdf2's English notice is not printed."""
import shutil
import unicodedata

from helpers import ROOT, run_cli
from daihoi.documents import fonts

VIETNAMESE = ("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ")


def test_every_vietnamese_letter_and_the_usual_marks_can_be_printed():
    text = VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:!?“”‘’–—…()[]/%&*\"'-\u00a0\u200b\n"
    assert fonts.unprintable(text) == []
    assert fonts.unprintable(unicodedata.normalize("NFD", text)) == []


def test_what_no_bundled_font_draws_is_named_once_in_order():
    assert fonts.unprintable("Chào 😀 mừng 𝔸 😀 Đại hội ⿰") == ["😀", "𝔸", "⿰"]


def test_a_plan_line_with_an_emoji_gets_a_warning_on_its_line_and_the_build_goes_on(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan = content / "ke-hoach" / "07-kh-duk.md"
    text = plan.read_text(encoding="utf-8")
    slogan = "Nhiệt liệt chào mừng Đại hội đại biểu toàn quốc lần thứ XII Đảng Cộng sản Việt Nam!"
    lines = [n for n, line in enumerate(text.splitlines(), 1) if slogan in line]
    assert len(lines) == 2                      # the slogan list and the text of the plan
    plan.write_text(text.replace(slogan, slogan + " 😀"), encoding="utf-8")

    result = run_cli("build", "--content-dir", content, "--site-dir", tmp_path / "site", "--today", "2020-09-15",
                     env={"DAIHOI_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "loi-glyph-missing" in line]
    assert [w.split(": (cảnh báo)")[0] for w in warned] == [f"{plan}:{n}" for n in lines]
    assert all("“😀” (U+1F600)" in w and "ô trống" in w for w in warned)
    assert "missing the following glyphs" not in result.stderr and "Font " not in result.stderr
    assert (tmp_path / "site" / "tai-lieu" / "07-kh-duk").is_dir()


def test_the_sample_plans_print_with_the_bundled_fonts():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "glyph-missing" not in result.stderr
