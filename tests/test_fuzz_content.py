"""Fuzzing: whatever an editor puts in content/, the tool ends with a clear error or a valid site.

Hypothesis writes random front matter (known and unknown keys, any value
shape, any unicode, huge strings) and random Markdown bodies into a copy of
the fixture site. The content check must never raise; the real build (run
in-process, much faster than a subprocess) must exit 0 with a site or 1
with Vietnamese problems, never "Lỗi ngoài dự kiến" (an uncaught exception).
The importer gets the same treatment on random text files.

A third test writes values of any length and any Unicode into a plan, a post and the
section's settings, builds, and reads back every output (HTML, PDF, Word, calendar,
JSON, feeds, pictures) with the program that would read it (tests/wellformed.py).

More examples before a release: CONTENT_FUZZ_EXAMPLES=2000 BUILD_FUZZ_EXAMPLES=300
WELLFORMED_FUZZ_EXAMPLES=100.
"""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, event, given, settings, strategies as st

from helpers import SITE_FIXTURE
from daihoi.model import content, schema
from daihoi.site import content_check
from daihoi.model.problems import Problem, errors

CONTENT_EXAMPLES = int(os.environ.get("CONTENT_FUZZ_EXAMPLES", "150"))
BUILD_EXAMPLES = int(os.environ.get("BUILD_FUZZ_EXAMPLES", "15"))
IMPORT_EXAMPLES = int(os.environ.get("IMPORT_FUZZ_EXAMPLES", "60"))
WELLFORMED_EXAMPLES = int(os.environ.get("WELLFORMED_FUZZ_EXAMPLES", "20"))
COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                    HealthCheck.data_too_large])

KEYS = list(schema.PLAN.fields) + ["slogns", "ngay", "", "phases ", "123", "ĐỢT"]
PHASE_KEYS = list(schema.PHASE.fields) + ["stat", "bắt đầu"]
NASTY = ["2020-02-31", "31/13/2020", "04/01/2016", "XIIII", "phuong-v", "dang", "nha-nuoc", "<script>x</script>",
         "javascript:alert(1)", "<img src=x onerror=y>", "\ufeff", "\u0301", "a\u0000b", "\t", ":", "- ", "*", "&a",
         "!tag", "{}", "[]", "null", "~", "yes", "1.10", "07", "9" * 40, "Đợt 1", "\U0001F600", "\u202e", "\r"]

text = st.one_of(st.text(max_size=30), st.sampled_from(NASTY), st.integers(3000, 30000).map(lambda n: "Đợt tuyên truyền " * (n // 17)))
leaf = st.one_of(st.none(), text, st.integers(-10**12, 10**12), st.booleans(), st.floats(allow_nan=True))
value = st.recursive(leaf, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(PHASE_KEYS), st.text(max_size=8)), children, max_size=4)),
    max_leaves=12)
front_matter = st.dictionaries(st.sampled_from(KEYS), value, max_size=12)
body = st.lists(st.one_of(st.text(max_size=200), st.sampled_from(NASTY + ["[x](khong-co.md)", "## Mục", "{: #a }",
                                                                        "![a](anh.png)", "<div>", "</div>"])),
                max_size=12).map("\n".join)


BASE_TEXT = (Path(__file__).parent / "bad_content/_base/ke-hoach/99-kh-thu.md").read_text(encoding="utf-8")
BASE_PLAN = yaml.safe_load(BASE_TEXT.split("---\n")[1])
# A valid plan with a few fields replaced: gets past the content check often, so MkDocs,
# the hooks and the templates see odd but valid data (and the Markdown body).
near_valid = st.dictionaries(st.sampled_from(KEYS), value, max_size=2).map(lambda extra: {**BASE_PLAN, **extra})
any_plan = st.one_of(front_matter, near_valid, st.just(BASE_PLAN))


def plan_bytes(data: dict, markdown: str, raw: str | None) -> bytes:
    """A plan file: YAML dumped from `data`, or `raw` text as front matter (often not YAML at all)."""
    try:
        head = raw if raw is not None else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        head = str(data)
    return ("---\n" + head + "\n---\n" + markdown).encode("utf-8", errors="surrogatepass")


_COPY: dict = {}


@contextlib.contextmanager
def site_copy():
    """One copy of the fixture site per test; each example writes its own files and removes them."""
    if "root" not in _COPY:
        _COPY["root"] = Path(tempfile.mkdtemp(prefix="dh-fuzz-"))
        shutil.copytree(SITE_FIXTURE, _COPY["root"] / "content")
    folder = _COPY["root"] / "content"
    before = {p for p in folder.rglob("*")}
    try:
        yield folder
    finally:
        for p in sorted(set(folder.rglob("*")) - before, reverse=True):
            p.unlink() if p.is_file() or p.is_symlink() else shutil.rmtree(p)
        shutil.rmtree(folder.parent / "site", ignore_errors=True)


def teardown_module(module):
    if "root" in _COPY:
        shutil.rmtree(_COPY.pop("root"), ignore_errors=True)


@contextlib.contextmanager
def same_environment():
    """build.main sets DAIHOI_TODAY and SOURCE_DATE_EPOCH for its process: give them back."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@settings(max_examples=CONTENT_EXAMPLES, **COMMON)
@given(any_plan, body, st.one_of(st.none(), st.text(max_size=300)), st.sampled_from(["ke-hoach/99-x.md", "trang.md"]))
def test_content_check_never_raises(data, markdown, raw, where):
    with site_copy() as folder:
        (folder / where).write_bytes(plan_bytes(data, markdown, raw))
        site, problems = content.load(folder)
        unsafe = content_check.scan(folder)
    assert (site is None) == bool(errors(problems))
    problems += unsafe
    assert all(isinstance(p, Problem) and p.what and p.path for p in problems)
    for p in errors(problems):
        assert str(p).startswith(p.path)


@settings(max_examples=BUILD_EXAMPLES, **COMMON)
@given(any_plan, body, st.one_of(st.none(), st.none(), st.text(max_size=200)))
def test_build_ends_with_a_clear_error_or_a_valid_site(data, markdown, raw):
    import build

    with site_copy() as folder:
        (folder / "ke-hoach/99-x.md").write_bytes(plan_bytes(data, markdown, raw))
        out, err = io.StringIO(), io.StringIO()
        with same_environment(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = build.main(["build", "--content-dir", str(folder), "--site-dir", str(folder.parent / "site"),
                               "--today", "2025-05-15"])
        site = folder.parent / "site"
        event(f"exit {code}")
        assert "Lỗi ngoài dự kiến" not in err.getvalue() and "Traceback" not in err.getvalue(), err.getvalue()
        if code == 0:
            assert (site / "index.html").is_file() and (site / "ke-hoach/index.json").is_file()
        else:
            assert code == 1 and err.getvalue().strip().splitlines()[-1].startswith("Lỗi: "), err.getvalue()
            assert not site.exists()


# Any Unicode (st.text draws from every code point but surrogates), the characters that
# mean something to HTML, YAML, Markdown, XML, iCalendar and JSON, and long runs of either.
SPECIAL = list("<>&\"'`{}[]()*#|\\:;,-_!~^\t\n\r\x00\x0b\x7f\x85\u00a0\u200b\u200d\u202e\u2028\u2029"
               "\u2066\ufeff\ufffd\U0001F600Đđ\u0301")
any_value = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Mn"]), max_size=20),
    st.text(alphabet=st.sampled_from(SPECIAL), min_size=1, max_size=40),
    st.tuples(st.text(min_size=1, max_size=12), st.integers(100, 20_000)).map(lambda t: (t[0] * t[1])[:t[1]]),
    st.sampled_from(NASTY + ["&amp;", "&#0;", "]]>", "<!--", "--", "\\n", "END:VEVENT", "}\"", "%PDF", "\u00a0"]),
)


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar that reads back as `value`: any code point, escaped where YAML must."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=10**9).strip()


# Not shrunk: each example is a whole build (seconds); Hypothesis prints the failing one as drawn.
@settings(max_examples=WELLFORMED_EXAMPLES, phases=[Phase.explicit, Phase.reuse, Phase.generate], **COMMON)
@given(title=any_value, slogans=st.lists(any_value, min_size=1, max_size=4), phase=any_value,
       post_title=any_value, summary=any_value, category=any_value, body_text=any_value, unit=any_value)
def test_any_value_builds_into_well_formed_outputs(title, slogans, phase, post_title, summary, category,
                                                   body_text, unit):
    import build
    from wellformed import site_problems

    # Required values get a visible first letter, or most examples would stop at "missing title".
    title, post_title, unit = "Đ" + title, "Đ" + post_title, "Đ" + unit
    with site_copy() as folder:
        settings_file = folder / "_du-lieu/cai-dat.yml"
        saved = settings_file.read_bytes()
        try:
            settings_file.write_text(saved.decode("utf-8").replace('unit: "Ban Tuyên giáo Đảng ủy (kiểm thử)"',
                                                                   f"unit: {_quoted(unit)}"), encoding="utf-8")
            plan = (BASE_TEXT.replace('title: "Tuyên truyền thử nghiệm cho bộ ca nội dung hỏng"', f"title: {_quoted(title)}")
                    .replace('    title: "Tháng 4"', f"    title: {_quoted(phase)}")
                    .replace('slogans:\n  - "Nhiệt liệt chào mừng Đại hội!"',
                             "slogans:\n" + "".join(f"  - {_quoted(v)}\n" for v in slogans) + '  - "Nhiệt liệt chào mừng Đại hội!"'))
            (folder / "ke-hoach/99-x.md").write_text(plan + "\n" + body_text + "\n", encoding="utf-8",
                                                    errors="surrogatepass")
            (folder / "tin-tuc").mkdir(exist_ok=True)
            (folder / "tin-tuc/2025-04-10-tin.md").write_text(
                f"---\ntitle: {_quoted(post_title)}\ndate: \"2025-04-10\"\nsummary: {_quoted(summary)}\n"
                f"categories: [{_quoted(category)}]\nplan: \"99-KH/ĐU\"\n---\n\n{body_text}\n", encoding="utf-8",
                errors="surrogatepass")
            out, err = io.StringIO(), io.StringIO()
            with same_environment(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = build.main(["build", "--content-dir", str(folder), "--site-dir", str(folder.parent / "site"),
                                   "--today", "2025-05-15"])
        finally:
            settings_file.write_bytes(saved)
        event(f"exit {code}")
        assert "Lỗi ngoài dự kiến" not in err.getvalue() and "Traceback" not in err.getvalue(), err.getvalue()
        if code != 0:
            assert code == 1 and err.getvalue().strip().splitlines()[-1].startswith("Lỗi: "), err.getvalue()
            assert all(line.startswith((str(folder), "content/", "/", "Lỗi: ")) or not line.strip()
                       for line in err.getvalue().splitlines()), err.getvalue()
            return
        site = folder.parent / "site"
        assert (site / "ke-hoach/99-kh-du/index.html").is_file() or any(site.glob("ke-hoach/99*/index.html"))
        assert site_problems(site) == []


def test_the_well_formed_check_finds_what_readers_would_refuse(tmp_path):
    from wellformed import site_problems

    (tmp_path / "a.html").write_text("<!doctype html><html><body><p><b>đậm</p></body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<!doctype html><html><body>\u202eabc</body></html>", encoding="utf-8")
    (tmp_path / "c.json").write_text('{"a": 1,}', encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.7\n%%EOF")
    (tmp_path / "e.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "f.ics").write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", encoding="utf-8")
    (tmp_path / "g.xml").write_text("<rss><channel></rss>", encoding="utf-8")
    (tmp_path / "h.html").write_text("<!doctype html><html><body><p onclick=x>a</p></body></html>", encoding="utf-8")
    found = site_problems(tmp_path)
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in found] == \
        ["a.html", "b.html", "c.json", "d.pdf", "e.docx", "f.ics", "g.xml", "h.html"], found


lines = st.lists(st.one_of(st.text(max_size=80), st.sampled_from([
    "ĐẢNG BỘ TỈNH X", "KẾ HOẠCH", "tuyên truyền Đại hội", "Số 07-KH/ĐUK", "I. MỤC ĐÍCH, YÊU CẦU",
    "Đợt 1: từ ngày 01/01/2016 đến ngày 31/02/2016", "- Khẩu hiệu: Nhiệt liệt chào mừng!", "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "\x00", "\ufeff", "Đợt " * 3000])), max_size=40).map("\n".join)


@settings(max_examples=IMPORT_EXAMPLES, **COMMON)
@given(lines, st.sampled_from(["utf-8", "utf-16", "cp1258"]))
def test_importer_reads_any_text_file_or_says_why(text, encoding):
    from daihoi.importer import PlanImportError, import_file
    from daihoi.importer.writer import to_content

    data = text.encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "ke-hoach.txt"
        file.write_bytes(data)
        try:
            plan = import_file(file)
        except PlanImportError as exc:
            assert exc.message
            return
        assert isinstance(plan, dict)
        # What the importer writes is content the build can read (errors allowed, crashes not).
        page = Path(tmp) / "content/ke-hoach/x.md"
        page.parent.mkdir(parents=True)
        page.write_text(to_content(plan), encoding="utf-8")
        content.load_plan_file(page)

