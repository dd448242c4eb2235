"""writer.py: the content file, and that it passes the site's own checker."""
from __future__ import annotations

import pytest
import yaml

from daihoi.importer.sources import import_with_extras
from daihoi.importer.writer import default_path, to_content, write_atomic
from importer_helpers import PLANS, SEEDS


def front(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


def test_front_matter_keys_quoting_and_omissions():
    plan, extra = import_with_extras(next(p for p in SEEDS if p.stem.startswith("004")))
    text = to_content(plan, extra, source="kh.txt")
    fm = front(text)
    assert list(fm)[:4] == ["number", "system", "date", "title"] or "number" in fm
    assert "schema" not in fm and "warnings" not in fm
    assert fm["phases"][0]["label"] == "1.1" and isinstance(fm["phases"][0]["label"], str)
    assert fm["date"] == "2019-12-30"
    assert "issuer" not in fm and "slogan_display" not in fm     # null: left out
    assert "track" not in fm["phases"][0]
    assert "forms" not in fm and "items" not in fm["phases"][0] and "tasks" not in fm["units"][0]   # read from the text
    for line in text.split("---\n")[1].splitlines():
        if line.lstrip().startswith(("#", "- \"")) or line.rstrip().endswith(":"):
            continue
        if ": " in line:
            value = line.split(": ", 1)[1]
            assert value.startswith('"') or value.isdigit(), line
    assert "# Tệp này do trình nhập kế hoạch tạo ra từ “kh.txt”" in text
    assert "\n## I. MỤC ĐÍCH, YÊU CẦU\n" in text and "\n### 1. Mục đích\n" in text   # the text as received


def test_number_line_recorded_when_printed_otherwise_than_the_standard_form():
    """The page, the PDF and the Word file print `number_line` if there is one, else "Số 20-KH/ĐUK"
    (Party) or "Số: 192/KH-UBND" (state): the signed line is kept when the standard one differs."""
    plan, extra = import_with_extras(next(p for p in SEEDS if p.stem.startswith("004")))
    fm = front(to_content(plan, extra))
    assert fm["number_line"] == "Số: 20- KH/ĐUK" and list(fm)[:2] == ["number", "number_line"]
    state, state_extra = import_with_extras(next(p for p in PLANS if p.stem == "ubnd_192"))
    assert state_extra["number_line"] == "Số: 192/KH-UBND" and "number_line" not in front(to_content(state, state_extra))
    # The standard form depends on the system: a state line in a Party plan is kept.
    assert front(to_content(dict(state, system="dang"), state_extra))["number_line"] == "Số: 192/KH-UBND"
    # A number the editor corrected (the desk's corrections) no longer goes with the line read.
    assert "number_line" not in front(to_content(dict(plan, number="21-KH/ĐUK"), extra))
    assert "number_line" not in front(to_content(plan, dict(extra, number_line=None)))


def test_warnings_are_listed_as_comments_and_required_keys_kept():
    plan, extra = import_with_extras(next(p for p in PLANS if p.stem == "no_slogan"))  # no number, no date
    text = to_content(plan, extra)
    assert "# Cảnh báo:" in text and "#   - dòng 1: không tìm thấy số" in text
    fm = front(text)
    assert fm["number"] is None and fm["date"] is None and "THIẾU “number”" in text


def test_default_path_slug():
    assert default_path({"number": "07-KH/ĐUK"}).as_posix() == "content/ke-hoach/07-kh-duk.md"
    assert default_path({"number": "192/KH-UBND"}, "site").as_posix() == "site/ke-hoach/192-kh-ubnd.md"
    assert default_path({"number": None}).name == "ke-hoach-moi.md"


def test_write_atomic_refuses_overwrite(tmp_path):
    f = tmp_path / "a" / "x.md"
    write_atomic(f, "1")
    with pytest.raises(FileExistsError):
        write_atomic(f, "2")
    write_atomic(f, "3", force=True)
    assert f.read_text() == "3" and len(list(f.parent.iterdir())) == 1


@pytest.mark.parametrize("src", SEEDS + [p for p in PLANS if "no_slogan" not in p.name], ids=lambda p: p.stem)
def test_written_content_file_validates_with_the_site_checker(src, tmp_path):
    content = pytest.importorskip("daihoi.model.content")
    plan, extra = import_with_extras(src)
    f = tmp_path / "ke-hoach" / "x.md"
    write_atomic(f, to_content(plan, extra, source=src.name))
    loaded, problems = content.load_plan_file(f)
    errors = [str(p) for p in problems if getattr(p, "is_error", False)]
    assert errors == [] and loaded is not None
