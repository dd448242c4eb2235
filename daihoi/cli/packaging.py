"""`python build.py package`: the site as one .zip to upload, its SHA-256 list, and what changed.

Decision: `package` builds first, through `build.py build` (the same checks and
atomic build), so that a package is never older than content/; `--khong-dung`
packages the existing site/ as it is. Everything goes to goi/ (or --out-dir):

    goi/<tên>-YYYYMMDD-HHMMSS.zip          the files of site/, at the root of the zip
    goi/<tên>-YYYYMMDD-HHMMSS.sha256       "sha256  path" per file (`sha256sum -c` reads it)
    goi/<tên>-YYYYMMDD-HHMMSS.thay-doi.txt  pages added, changed, removed since the previous package
    goi/danh-muc-lan-truoc.json            this package's manifest, to compare the next one against

Each file is written atomically; the manifest last, so an interrupted run
compares the next package with the last complete one. The zip is reproducible:
entries sorted, fixed timestamps, so the same site gives the same bytes.
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from daihoi.cli import atomic
from daihoi.cli.cliparse import Parser

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = "danh-muc-lan-truoc.json"
MANIFEST_SCHEMA = "package-manifest/1"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


# --- plain functions over data -------------------------------------------------------------

def manifest(site_dir: Path) -> dict:
    """Every file of the built site with its SHA-256 and, for pages, its title."""
    site_dir = Path(site_dir)
    files, titles = {}, {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        data = path.read_bytes()
        files[rel] = hashlib.sha256(data).hexdigest()
        if rel.endswith(".html"):
            found = _TITLE.search(data.decode("utf-8", "replace"))
            titles[rel] = html.unescape(" ".join(found.group(1).split())) if found else ""
    return {"schema": MANIFEST_SCHEMA, "files": files, "titles": titles}


def page_url(rel: str) -> str:
    """ke-hoach/x/index.html -> ke-hoach/x/ (as readers see it); index.html -> ./"""
    if rel == "index.html":
        return "./"
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def changes(old: dict | None, new: dict) -> dict:
    """Pages (HTML files) and other files added, changed, removed between two manifests."""
    before = (old or {}).get("files", {})
    after = new["files"]

    def split(names):
        pages = sorted(n for n in names if n.endswith(".html"))
        return pages, sorted(n for n in names if not n.endswith(".html"))

    added = split(set(after) - set(before))
    removed = split(set(before) - set(after))
    changed = split({n for n in set(after) & set(before) if after[n] != before[n]})
    return {"first": old is None,
            "pages": {"added": added[0], "changed": changed[0], "removed": removed[0]},
            "files": {"added": added[1], "changed": changed[1], "removed": removed[1]}}


def summary(diff: dict, old: dict | None, new: dict, name: str) -> str:
    """The change summary in Vietnamese, one page per line."""
    titles = dict((old or {}).get("titles", {}), **new["titles"])
    home = new["titles"].get("index.html", "")
    titles = {rel: short_title(t, home) for rel, t in titles.items()}
    total_pages = sum(1 for n in new["files"] if n.endswith(".html"))
    lines = [f"Gói {name}: {len(new['files'])} tệp, {total_pages} trang."]
    if diff["first"]:
        lines.append("Đây là lần đóng gói đầu tiên: chưa có gói trước để so sánh. Tải lên toàn bộ gói.")
        return "\n".join(lines) + "\n"
    p, f = diff["pages"], diff["files"]
    if not any(p.values()) and not any(f.values()):
        lines.append("Không có gì thay đổi so với lần đóng gói trước.")
        return "\n".join(lines) + "\n"
    for key, heading in (("added", "Trang mới"), ("changed", "Trang thay đổi"), ("removed", "Trang bị bỏ")):
        lines.append(f"{heading}: {len(p[key])}")
        for rel in p[key]:
            title = titles.get(rel)
            lines.append(f"  - {page_url(rel)}" + (f" ({title})" if title else ""))
    other = [f"{len(f['added'])} tệp mới", f"{len(f['changed'])} tệp thay đổi", f"{len(f['removed'])} tệp bị bỏ"]
    lines.append("Tệp khác (ảnh, kiểu trang, dữ liệu): " + ", ".join(other) + ".")
    if p["removed"] or f["removed"]:
        lines.append("Có trang hoặc tệp bị bỏ: khi tải lên, xóa chúng trên cổng (hoặc xóa cả thư mục cũ rồi "
                     "giải nén gói mới) để người đọc không còn thấy bản cũ.")
    return "\n".join(lines) + "\n"


def short_title(title: str, home: str) -> str:
    """“Khẩu hiệu - Hướng tới Đại hội …” -> “Khẩu hiệu”: the section's name is on every page."""
    suffix = f" - {home}"
    return title[: -len(suffix)] if home and title.endswith(suffix) else title


def checksums(new: dict) -> str:
    """The `sha256sum` format: hash, two spaces, path; one file a line."""
    return "".join(f"{digest}  {rel}\n" for rel, digest in sorted(new["files"].items()))


def zip_bytes(site_dir: Path, names) -> bytes:
    """A reproducible zip of `names` (paths under site_dir), at the root of the archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for rel in sorted(names):
            info = zipfile.ZipInfo(rel, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3       # "Unix": same bytes whatever the machine that packs
            archive.writestr(info, (Path(site_dir) / rel).read_bytes())
    return buffer.getvalue()


def package(site_dir: Path, out_dir: Path, name: str) -> dict:
    """Write the zip, checksum list and change summary for `site_dir`; return what was written."""
    site_dir, out_dir = Path(site_dir), Path(out_dir)
    new = manifest(site_dir)
    previous_file = out_dir / MANIFEST
    old = None
    if previous_file.is_file():
        try:
            old = json.loads(previous_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = None               # unreadable: compare with nothing rather than fail the package
    diff = changes(old, new)
    text = summary(diff, old, new, f"{name}.zip")
    paths = {"zip": out_dir / f"{name}.zip", "sha256": out_dir / f"{name}.sha256",
             "summary": out_dir / f"{name}.thay-doi.txt", "manifest": previous_file}
    atomic.write_file(paths["zip"], zip_bytes(site_dir, new["files"]))
    atomic.write_file(paths["sha256"], checksums(new))
    atomic.write_file(paths["summary"], text)
    atomic.write_file(paths["manifest"], json.dumps(dict(new, package=f"{name}.zip"), ensure_ascii=False,
                                                     indent=1) + "\n")
    return {"paths": paths, "summary": text, "changes": diff}


# --- command line ---------------------------------------------------------------------------

def _parser() -> Parser:
    p = Parser(prog="build.py package",
               description="Dựng trang rồi đóng gói site/ thành tệp .zip để tải lên cổng thông tin, "
                           "kèm danh sách mã SHA-256 và tóm tắt thay đổi so với lần đóng gói trước.")
    p.add_argument("--content-dir", default=str(ROOT / "content"), metavar="THƯ_MỤC",
                   help="thư mục nội dung (mặc định: content)")
    p.add_argument("--site-dir", default=str(ROOT / "site"), metavar="THƯ_MỤC",
                   help="thư mục trang đã dựng (mặc định: site)")
    p.add_argument("--out-dir", default=str(ROOT / "goi"), metavar="THƯ_MỤC",
                   help="nơi ghi gói (mặc định: goi)")
    p.add_argument("--name", default="chuyen-muc", metavar="TÊN", help="đầu tên tệp gói (mặc định: chuyen-muc)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="dựng trang như vào ngày này")
    p.add_argument("--khong-dung", action="store_true",
                   help="không dựng lại, đóng gói site/ có sẵn")
    p.add_argument("--debug", action="store_true", help="in chi tiết lỗi kỹ thuật (traceback)")
    return p


def run(argv: list[str]) -> int:
    from daihoi.cli.scaffold import utf8_output

    utf8_output()
    args = _parser().parse_args(argv)
    site_dir = Path(args.site_dir)
    if not args.khong_dung:
        command = [sys.executable, str(ROOT / "build.py"), "build", "--content-dir", args.content_dir,
                   "--site-dir", str(site_dir)]
        command += ["--today", args.today] if args.today else []
        command += ["--debug"] if args.debug else []
        if subprocess.run(command).returncode != 0:
            print("Lỗi: chưa đóng gói vì dựng trang không thành công (xem các dòng trên).", file=sys.stderr)
            return 1
    if not (site_dir / "index.html").is_file():
        print(f"Lỗi: không thấy trang đã dựng trong “{site_dir}”. Chạy “python build.py” trước, "
              "hoặc bỏ --khong-dung.", file=sys.stderr)
        return 1
    name = f"{args.name}-{datetime.now():%Y%m%d-%H%M%S}"
    n = 2
    while (Path(args.out_dir) / f"{name}.zip").exists():     # two packages in the same second
        name, n = f"{args.name}-{datetime.now():%Y%m%d-%H%M%S}-{n}", n + 1
    try:
        with atomic.lock(Path(args.out_dir) / "goi"):
            done = package(site_dir, Path(args.out_dir), name)
    except atomic.Busy as exc:
        print(f"Lỗi: {exc.message}.", file=sys.stderr)
        return 1
    except OSError as exc:
        if args.debug:
            raise
        print(f"Lỗi: không ghi được gói vào “{args.out_dir}”: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    paths = done["paths"]
    print(done["summary"], end="")
    print(f"Đã ghi:\n  {paths['zip']}\n  {paths['sha256']}\n  {paths['summary']}")
    print("Tải tệp .zip lên cổng thông tin và giải nén vào thư mục của chuyên mục.")
    return 0
