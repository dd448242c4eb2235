"""Bad content never costs a published site: each case in cases/*.yml through the real command line.

A case is a copy of the fixture site (plus _base/, a plan the cases edit) with
one mistake an editor makes, or one a malicious one brings: broken YAML, odd
encodings, impossible dates, dead links, pasted scripts, SVG with scripts, YAML
alias bombs, huge files, invisible characters... For each, `python build.py build` must

* exit 1 (or 0 with a warning, or 0 with a site identical to the good one, or 0
  with the changed content published safely, as the case says);
* name the file and the line (`content/x.md:12: ...`), in Vietnamese, with how to fix it;
* print no traceback and never "Lỗi ngoài dự kiến";
* leave the previously published site byte-identical (and no staging folder behind);
* stay within MAX_RSS of memory (and end: run_cli's timeout);
* when it publishes, publish nothing the last page check would refuse.

Edits may write `⟨N×TEXT⟩` for TEXT repeated N times (100,000 brackets, 3,000 slogans).
The good site is built once; the cases run as parallel processes (they are
independent) so the corpus stays fast in CI.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from helpers import CACHE, ROOT, SITE_FIXTURE, run_cli, tree_digest

from daihoi.site import htmlsafety  # noqa: E402  (helpers puts the project on sys.path)

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "cases").glob("*.yml"))
TODAY = "2025-05-15"
VIETNAMESE = re.compile(r"[À-ỹđĐ]")
MAX_RSS = 1_000_000_000          # bytes: any content folder builds within 1 GB
_REPEAT = re.compile(r"⟨(\d+)×(.*?)⟩", re.S)


def expand(text: str) -> str:
    """`⟨3×ab⟩` -> `ababab`: large inputs written small."""
    return _REPEAT.sub(lambda m: m.group(2) * int(m.group(1)), text)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels: a decompression bomb a few bytes long."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def make_content(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(SITE_FIXTURE, content)
    shutil.copytree(HERE / "_base", content, dirs_exist_ok=True)
    return content


def apply(content: Path, edit: dict) -> None:
    """One mistake, as an editor would make it."""
    if "symlink" in edit:
        (content / edit["symlink"]).parent.mkdir(parents=True, exist_ok=True)
        (content / edit["symlink"]).symlink_to(edit["to"])
        return
    if "remove" in edit:
        (content / edit["remove"]).unlink()
        return
    if "copy" in edit:
        shutil.copy(content / edit["copy"], content / edit["to"])
        return
    file = content / edit["file"]
    file.parent.mkdir(parents=True, exist_ok=True)
    if "hex" in edit:
        file.write_bytes(bytes.fromhex(edit["hex"]))
        return
    if "png_header" in edit:
        file.write_bytes(png_header(*edit["png_header"]))
        return
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    if "write" in edit:
        text = expand(edit["write"])
    if "replace" in edit:
        assert edit["replace"] in text, f"{file.name}: không thấy “{edit['replace']}” để sửa (ca kiểm thử lỗi thời)"
        text = text.replace(edit["replace"], expand(edit["with"]), 1)
    if "append" in edit:
        text += expand(edit["append"])
    if "normalize" in edit:
        text = unicodedata.normalize(edit["normalize"], text)
        assert text != unicodedata.normalize("NFC", text)
    if "newlines" in edit:
        text = text.replace("\n", edit["newlines"])
    encoding = edit.get("encoding", "utf-8")
    data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    if "size" in edit:
        filler = b"\nDoan dem de tep lon hon gioi han.\n"
        data += filler * ((edit["size"] - len(data)) // len(filler))
        data += b"a" * (edit["size"] - len(data))
        assert len(data) == edit["size"]
    file.write_bytes(data)


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word saves it: letters with â, ê, ơ... precomposed, tone marks as separate bytes."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return out


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """The good site, built once: content + site + digest."""
    root = tmp_path_factory.mktemp("good")
    content = make_content(root)
    r = run_cli("build", "--content-dir", content, "--site-dir", root / "site", "--today", TODAY, cwd=root)
    assert r.returncode == 0, r.stderr
    return root / "site", tree_digest(root / "site"), r.stderr


def run_measured(*args, cwd) -> tuple[subprocess.CompletedProcess, int, float]:
    """`python build.py ARGS` as run_cli does, with the process's peak memory (bytes) and time."""
    import signal
    import tempfile
    import time

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(CACHE))
    env.pop("DAIHOI_TODAY", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=cwd,
                                stdout=out, stderr=err, env=env)
        timer = threading.Timer(300, lambda: os.kill(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(proc.args, proc.returncode, out.read().decode("utf-8"),
                                             err.read().decode("utf-8"))
    return result, usage.ru_maxrss * 1024, seconds


def run_case(path: Path, base: Path, good_site: Path) -> dict:
    case = load_case(path)
    work = base / path.stem
    work.mkdir()
    content = make_content(work)
    shutil.copytree(good_site, work / "site")
    for edit in case["edits"]:
        apply(content, edit)
    r, rss, seconds = run_measured("build", "--content-dir", "content", "--site-dir", "site", "--today", TODAY,
                                   cwd=work)
    return {"case": case, "work": work, "content": content, "result": r, "rss": rss, "seconds": seconds}


@pytest.fixture(scope="module")
def results(good, tmp_path_factory):
    base = tmp_path_factory.mktemp("cases")
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        done = pool.map(lambda p: (p.stem, guarded(run_case, p, base, good[0])), CASES)
    return dict(done)


def guarded(function, *args):
    """One broken case must fail alone, not the whole corpus."""
    try:
        return function(*args)
    except Exception as exc:  # noqa: BLE001 - reported by the case's own test
        return exc


def attachments_wired() -> bool:
    from daihoi.model import schema
    return "attachments" in schema.PLAN.fields


def expected_line(content: Path, problem: dict) -> int:
    if "line_of" not in problem:
        return problem["line"]
    lines = (content / problem["file"]).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if problem["line_of"] in line)


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    for path in CASES:
        case = load_case(path)
        assert case["expect"] in ("error", "warning", "same", "ok"), path.name
        assert VIETNAMESE.search(case["what"]), path.name
        assert case["expect"] in ("same", "ok") or case["problems"], path.name


@pytest.mark.parametrize("name", [p.stem for p in CASES])
def test_bad_content(name, results, good):
    run = results[name]
    if isinstance(run, Exception):
        raise run
    case, r, content = run["case"], run["result"], run["content"]
    if case.get("attachments") and not attachments_wired():
        pytest.xfail("tệp đính kèm chưa có trong mô hình nội dung (schema.PLAN)")
    err = r.stderr
    assert "Traceback" not in err and "Doc file" not in err and "WARNING" not in err, err
    assert "Lỗi ngoài dự kiến" not in err and r.returncode in (0, 1), err
    assert run["rss"] < MAX_RSS, f"{run['rss']:,} byte bộ nhớ"
    problem_lines = [line for line in err.splitlines() if line.startswith("content/")]
    for line in problem_lines:
        assert VIETNAMESE.search(line.split(": ", 1)[1]), line     # the message itself is Vietnamese
    for problem in case.get("problems") or []:
        line = expected_line(content, problem)
        where = f"content/{problem['file']}" + (f":{line}" if line else "")
        assert any(l.startswith(where + ": ") and problem["says"].casefold() in l.casefold() for l in problem_lines), \
            f"thiếu “{where}: …{problem['says']}…” trong:\n{err}"
    site = run["work"] / "site"
    if case["expect"] == "error":
        assert r.returncode == 1, err
        assert err.strip().splitlines()[-1].startswith("Lỗi: "), err
        assert tree_digest(site) == good[1], "trang đã đăng bị thay đổi"
    elif case["expect"] == "warning":
        assert r.returncode == 0, err
        assert all("(cảnh báo)" in line for line in problem_lines), err
        assert tree_digest(site) != good[1] and (site / "index.html").is_file()
    elif case["expect"] == "same":   # accepted silently, the site is exactly the good one
        assert r.returncode == 0 and err == good[2], err
        assert tree_digest(site) == good[1]
    else:   # ok: accepted silently, the change published
        assert r.returncode == 0 and err == good[2], err
        assert tree_digest(site) != good[1]
    if r.returncode == 0:
        for page in site.rglob("*.html"):
            assert htmlsafety.page_dangers(page.read_text(encoding="utf-8")) == [], page
    for check in case.get("site_has") or []:
        assert check["text"] in (site / check["file"]).read_text(encoding="utf-8"), check
    for check in case.get("site_lacks") or []:
        assert check["text"] not in (site / check["file"]).read_text(encoding="utf-8"), check
    assert sorted(p.name for p in run["work"].iterdir()) == ["content", "site"], "thư mục tạm còn sót lại"


def test_import_out_never_overwrites_without_force(tmp_path):
    """Nothing lost: `import --out` keeps an existing file unless --force, and leaves no temporary file."""
    from helpers import FIXTURES

    source = FIXTURES / "plans" / "grouped_levels.txt"
    out = tmp_path / "ke-hoach" / "moi.md"
    out.parent.mkdir()
    out.write_text("bản biên tập viên đã sửa tay\n", encoding="utf-8")
    r = run_cli("import", source, "--out", out)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "đã có" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "bản biên tập viên đã sửa tay\n"
    r = run_cli("import", source, "--out", out, "--force")
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("---\n") or "number:" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["moi.md"]


def test_dead_link_on_a_first_build_publishes_nothing(tmp_path):
    """A dead link is found inside the engine: the editor sees file, line, Vietnamese; no site is created."""
    content = make_content(tmp_path)
    (content / "index.md").write_text((content / "index.md").read_text(encoding="utf-8") + "\n[x](khong-co.md)\n",
                                      encoding="utf-8")
    r = run_cli("build", "--content-dir", "content", "--site-dir", "site", "--today", TODAY, cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert re.search(r"^content/index\.md:\d+: Liên kết “khong-co\.md”", r.stderr, re.M), r.stderr
    assert not (tmp_path / "site").exists()


def test_two_builds_at_once_never_mix_their_output(good, tmp_path):
    """The lock: concurrent builds into one site folder end with one whole site, never a mixture."""
    content = make_content(tmp_path)
    shutil.copytree(good[0], tmp_path / "site")
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = list(pool.map(lambda _: run_cli("build", "--content-dir", "content", "--site-dir", "site",
                                               "--today", TODAY, cwd=tmp_path), range(3)))
    for r in runs:
        assert r.returncode == 0 or (r.returncode == 1 and "đang ghi vào" in r.stderr), r.stderr
        assert "Traceback" not in r.stderr
    assert any(r.returncode == 0 for r in runs)
    assert tree_digest(tmp_path / "site") == good[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
