"""The editor's desk, timed: from choosing a received Word file to a packaged site, in Chromium.

    .venv/bin/python bench/desk_flow.py [--screenshots bench/ban-bien-tap] [--repeat 3] [--cache-trong]

For each sample plan (tests/importer/corpus/files/seed-*.table.docx, the seeds laid out as the
official Word template), with `build.py desk` running over a copy of the sample content from which
that plan's file is removed (a plan received for a site that has the others): choose the file on the import page, wait for the review screen, fill the fields the
editor must fill (below), save, then press "Đóng gói" and wait for the package. The machine's
time is measured from choosing the file to the packaged site; the editor's reading is not.

Fields an editor must touch, counted by the desk itself (the save reports how many fields
changed, daihoi.desk.fields.corrections): the issuer when the received header prints none (the
importer's note suggests one), and a congress for a phase that is bound to an event no congress
of dai-hoi.yml matches (none in the samples: the desk matches them by their words). A phase whose
congress has no dates yet is reported too: it needs the congress's two dates on the Đại hội page.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _serve import chromium  # noqa: E402

SAMPLES = {"07-kh-duk": "seed-000", "38-kh-du": "seed-001", "20-kh-duk": "seed-004"}
CORPUS = ROOT / "tests" / "importer" / "corpus" / "files"


def required_fields(plan: dict, congresses: dict) -> tuple[dict, list[str]]:
    """(field -> value the editor must give, phases that wait for a congress's dates)."""
    from daihoi.desk import review

    must = {}
    if not plan.get("issuer"):
        hint = next((str(w) for w in plan.get("warnings") or [] if getattr(w, "field", "") == "issuer"), "")
        found = re.findall(r"“([^”]+)”", hint)
        must["issuer"] = found[-1] if found else "(tên cơ quan ban hành)"
    waiting = []
    for row in review.phase_dates(plan, congresses):
        ph = plan["phases"][row["index"]]
        if not row["dated"] and (ph.get("relative") or {}).get("event") and not row["congress"]:
            must[f"phases[{row['index']}].relative.congress"] = "?"
        elif not row["dated"] and row["congress_undated"]:
            waiting.append(f"{row['name']} (nhóm {row['track']}): chờ ngày của {row['congress']}" if row["track"]
                           else f"{row['name']}: chờ ngày của {row['congress']}")
    return must, waiting


def start_desk(folder: Path, cold: bool = False) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    if cold:        # an empty documents cache: every PDF, Word file and banner made anew
        env["DAIHOI_CACHE"] = str(folder / "bo-nho-tam")
    env.pop("DAIHOI_TODAY", None)
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "desk", "--cong", "0", "--khong-mo-trinh-duyet",
                                "--content-dir", str(folder / "content"), "--site-dir", str(folder / "site"),
                                "--out-dir", str(folder / "goi")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8", env=env)
    line = process.stdout.readline()
    url = "http://" + line.split("http://", 1)[1].split("/", 1)[0] + "/"
    return process, url


def run_once(browser, shots: Path | None, cold: bool = False) -> list[dict]:
    from daihoi.desk.fields import field_id
    from daihoi.desk.store import Store
    from daihoi.importer.sources import import_with_extras

    folder = Path(tempfile.mkdtemp(prefix="desk-flow-"))
    shutil.copytree(ROOT / "content", folder / "content")
    process, url = start_desk(folder, cold)
    results = []
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.set_default_timeout(600_000)
        congresses = Store(folder / "content").congresses()
        for stem, seed in SAMPLES.items():
            word = CORPUS / f"{seed}.table.docx"
            plan, _ = import_with_extras(word)
            must, waiting = required_fields(plan, congresses)
            (folder / "content" / "ke-hoach" / f"{stem}.md").unlink()      # the plan is new to the site
            page.goto(url + "nhap")
            started = time.perf_counter()
            page.set_input_files("#tep", str(word))                       # the editor chooses the file
            page.get_by_role("button", name="Nhập và đối chiếu").click()
            page.wait_for_url("**/nhap/*")
            reviewed = time.perf_counter()
            if shots:
                shots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shots / f"doi-chieu-{stem}.png"))
            for path, value in must.items():
                page.fill("#" + field_id(path), value)
            page.get_by_role("button", name="Lưu kế hoạch").first.click()
            page.wait_for_url(f"**/ke-hoach/{stem}?da-luu=*")
            saved = time.perf_counter()
            touched = int(page.url.rsplit("=", 1)[1])
            page.goto(url + "dong-goi")
            page.get_by_role("button", name="Đóng gói").click()
            page.wait_for_url("**/dong-goi#ket-qua")
            packaged = time.perf_counter()
            ok = "Đã đóng gói" in page.locator("#ket-qua").inner_text()
            results.append({"plan": stem, "review": reviewed - started, "save": saved - reviewed,
                            "package": packaged - saved, "total": packaged - started, "touched": touched,
                            "fields": sorted(must), "waiting": waiting, "packaged": ok,
                            "warnings": len(plan.get("warnings") or [])})
        if shots:
            page.set_viewport_size({"width": 768, "height": 1024})
            page.goto(url + "nhap")
            page.set_input_files("#tep", str(CORPUS / "seed-001.table.docx"))
            page.get_by_role("button", name="Nhập và đối chiếu").click()
            page.wait_for_url("**/nhap/*")
            page.screenshot(path=str(shots / "doi-chieu-38-kh-du-may-tinh-bang.png"))
        page.close()
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", metavar="THƯ_MỤC", help="lưu ảnh màn hình đối chiếu vào thư mục này")
    parser.add_argument("--repeat", type=int, default=1, help="chạy lại N lần, in trung vị")
    parser.add_argument("--cache-trong", action="store_true",
                        help="bắt đầu mỗi lần với bộ nhớ tạm tài liệu trống (PDF, Word, băng rôn làm lại hết)")
    args = parser.parse_args()
    runs = []
    with chromium() as browser:
        for n in range(args.repeat):
            runs.append(run_once(browser, Path(args.screenshots) if args.screenshots and n == 0 else None,
                                 args.cache_trong))
    cache = "bộ nhớ tạm tài liệu trống" if args.cache_trong else "bộ nhớ tạm tài liệu của dự án"
    print(f"Bàn biên tập, từ lúc chọn tệp Word nhận được đến gói .zip (Chromium 1280 px, {cache}, "
          f"trung vị {args.repeat} lần):")
    print(f"{'kế hoạch':<11}{'đối chiếu':>10}{'lưu':>7}{'đóng gói':>10}{'tổng':>8}  ô phải sửa")
    for i, stem in enumerate(SAMPLES):
        rows = [r[i] for r in runs]
        med = {k: statistics.median(r[k] for r in rows) for k in ("review", "save", "package", "total")}
        first = rows[0]
        fields = ", ".join(first["fields"]) or "không có"
        print(f"{stem:<11}{med['review']:>9.1f}s{med['save']:>6.1f}s{med['package']:>9.1f}s{med['total']:>7.1f}s  "
              f"{first['touched']} ({fields}); {first['warnings']} cảnh báo của trình nhập"
              + ("" if first["packaged"] else "; CHƯA ĐÓNG GÓI ĐƯỢC"))
        for w in first["waiting"]:
            print(f"{'':<11}  còn: {w} (2 ô ở trang Đại hội: khai mạc, bế mạc)")
    return 0 if all(r["packaged"] for run in runs for r in run) else 1


if __name__ == "__main__":
    sys.exit(main())
