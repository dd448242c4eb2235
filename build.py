#!/usr/bin/env python3
"""Dựng chuyên mục "Hướng tới Đại hội" từ thư mục content/ (command line).

    python build.py                      = python build.py build
    python build.py build [--site-dir DIR] [--today YYYY-MM-DD] [--debug]
    python build.py serve [--today YYYY-MM-DD] [--port 8000]
    python build.py check
    python build.py import FILE [--json | --out PATH] [--force]
    python build.py new plan|post|congress|page [...]
    python build.py package [...]

This file is an adapter, like hooks/: it parses the command line and drives
MkDocs; the logic lives in daihoi/. On a fresh machine the first run sets up
.venv by itself (daihoi/bootstrap.py).
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from daihoi import bootstrap  # noqa: E402  (standard library only)
from daihoi.cliparse import Parser  # noqa: E402  (standard library only)

# Commands implemented in their own module, each with `run(argv) -> exit code`.
DELEGATED = {
    "import": ("daihoi.importer.cli", "nhập kế hoạch từ tệp Word, văn bản, PDF (xem: build.py import --help)"),
    "new": ("daihoi.scaffold", "tạo tệp mới từ mẫu: plan, post, congress, page (xem: build.py new --help)"),
    "package": ("daihoi.packaging", "đóng gói site/ thành tệp .zip để tải lên cổng (xem: build.py package --help)"),
}

def parser() -> Parser:
    p = Parser(prog="build.py", description="Dựng chuyên mục “Hướng tới Đại hội” từ thư mục content/.")
    p.add_argument("--debug", action="store_true", help="in chi tiết lỗi kỹ thuật (traceback)")
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)

    def common(sp):
        sp.add_argument("--content-dir", default=str(ROOT / "content"), metavar="THƯ_MỤC",
                        help="thư mục nội dung (mặc định: content)")
        sp.add_argument("--today", metavar="YYYY-MM-DD",
                        help="coi hôm nay là ngày này (xem trước trạng thái các đợt)")
        sp.add_argument("--debug", action="store_true", help="in chi tiết lỗi kỹ thuật (traceback)")

    b = sub.add_parser("build", help="kiểm tra nội dung rồi dựng trang vào site/")
    common(b)
    b.add_argument("--site-dir", default=str(ROOT / "site"), metavar="THƯ_MỤC",
                   help="thư mục kết quả (mặc định: site)")
    s = sub.add_parser("serve", help="xem trước trên máy: http://127.0.0.1:8000/")
    common(s)
    s.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    c = sub.add_parser("check", help="chỉ kiểm tra nội dung, không dựng trang")
    common(c)
    for name, (_, text) in DELEGATED.items():
        sub.add_parser(name, help=text, add_help=False)
    return p


def say(text: str = "", err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


class Failure(Exception):
    """A failure the editor can act on; the message is Vietnamese."""


def check_content(args) -> "object":
    """Validate content/; print every problem; return the site model or raise Failure."""
    from daihoi import content
    from daihoi.problems import errors

    site, problems = content.load(Path(args.content_dir))
    for problem in problems:
        say(str(problem), err=True)
    found = errors(problems)
    if found:
        raise Failure(f"Nội dung có {len(found)} lỗi, chưa dựng trang. Sửa các dòng nêu trên rồi chạy lại.")
    return site


def set_today(args) -> None:
    from daihoi import vndate

    if args.today:
        try:
            os.environ["DAIHOI_TODAY"] = vndate.parse(args.today).isoformat()
        except vndate.BadDate as exc:
            raise Failure(f"--today: {exc.reason}") from None


def mkdocs_config(args, **overrides):
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(Path(args.content_dir).resolve()), **overrides)


def cmd_check(args) -> int:
    site = check_content(args)
    say(f"Nội dung hợp lệ: {len(site.plans)} kế hoạch, {len(site.congresses)} đại hội.")
    return 0


def cmd_build(args) -> int:
    from jinja2 import TemplateNotFound
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    from daihoi import atomic

    set_today(args)
    site = check_content(args)
    target = Path(args.site_dir).resolve()
    with atomic.lock(target):
        staged = atomic.staging_dir(target)
        try:
            build(mkdocs_config(args, site_dir=str(staged)))
        except MkDocsException as exc:
            shutil.rmtree(staged, ignore_errors=True)
            raise Failure(f"Không dựng được trang: {exc}") from exc
        except TemplateNotFound as exc:
            shutil.rmtree(staged, ignore_errors=True)
            raise Failure(f"Không có mẫu trang “{exc.name}”. Sửa mục “template:” ở đầu trang dùng mẫu này, "
                          "hoặc xóa mục đó để dùng mẫu mặc định") from exc
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        atomic.swap_in(staged, target)
    say(f"Đã dựng xong {len(site.plans)} kế hoạch vào {target}")
    return 0


def cmd_serve(args) -> int:
    from mkdocs.commands.serve import serve

    set_today(args)
    check_content(args)
    say(f"Xem trước tại http://127.0.0.1:{args.port}/ (Ctrl+C để dừng)")
    serve(str(ROOT / "mkdocs.yml"), docs_dir=str(Path(args.content_dir).resolve()),
          dev_addr=f"127.0.0.1:{args.port}", livereload=True)
    return 0


def delegate(name: str, argv: list[str]) -> int:
    import importlib

    try:
        module = importlib.import_module(DELEGATED[name][0])
    except ModuleNotFoundError:
        say(f"Lỗi: lệnh “{name}” chưa có trong phiên bản này.", err=True)
        return 2
    return module.run(argv)


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if not argv or argv[0].startswith("--") and argv[0] not in ("-h", "--help"):
        argv = ["build", *[a for a in argv]]
    if argv[0] in DELEGATED:
        return delegate(argv[0], argv[1:])
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return 0
    try:
        return {"build": cmd_build, "serve": cmd_serve, "check": cmd_check}[args.command](args)
    except Failure as exc:
        if args.debug and exc.__cause__:
            traceback.print_exception(exc.__cause__)
        say(f"Lỗi: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        say("Đã dừng.", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence for editors
        if args.debug:
            traceback.print_exc()
        else:
            say(f"Lỗi ngoài dự kiến ({type(exc).__name__}: {exc}). Trang cũ vẫn giữ nguyên. "
                "Chạy lại với --debug để xem chi tiết, và gửi nội dung đó cho nhóm kỹ thuật.", err=True)
        return 1


if __name__ == "__main__":
    bootstrap.ensure("requirements.txt")
    sys.exit(main(sys.argv[1:]))
