"""`python build.py import FILE [--json] [--out PATH] [--force]`.

--json prints the contract JSON (and nothing else) on stdout; without it the
plan is written as a content file and a short Vietnamese summary is printed.
Errors are one Vietnamese message on stderr and exit code 1 (traceback only
with --debug).
"""
from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

from .errors import PlanImportError
from .sources import import_with_extras
from .writer import default_path, to_content, write_atomic


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py import",
                                description="Nhập kế hoạch tuyên truyền (.docx, .txt, .pdf, .doc) thành dữ liệu.")
    p.add_argument("file", metavar="FILE", help="tệp kế hoạch")
    p.add_argument("--json", action="store_true", help="in kế hoạch dạng JSON (plan/1) ra màn hình")
    p.add_argument("--out", metavar="PATH", help="đường dẫn tệp nội dung cần ghi")
    p.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    p.add_argument("--content-dir", metavar="DIR", default="content", help="thư mục nội dung (mặc định: content)")
    p.add_argument("--debug", action="store_true", help="in chi tiết lỗi (traceback)")
    return p


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        plan, extra = import_with_extras(args.file)
        if args.json:
            sys.stdout.write(json.dumps(plan, ensure_ascii=False, indent=2) + "\n")
            return 0
        path = Path(args.out) if args.out else default_path(plan, args.content_dir)
        text = to_content(plan, extra, source=Path(args.file).name)
        try:
            write_atomic(path, text, force=args.force)
        except FileExistsError:
            raise PlanImportError(f"Tệp “{path}” đã có. Dùng --force để ghi đè, hoặc --out để ghi ra tệp khác.")
        except OSError as e:
            raise PlanImportError(f"Không ghi được tệp “{path}”: {e.strerror or e}.")
        print(summary(plan, path))
        return 0
    except PlanImportError as e:
        if args.debug:
            traceback.print_exc()
        print(f"Lỗi: {e.message}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - the promise is: never an uncaught traceback
        if args.debug:
            traceback.print_exc()
        print(f"Lỗi: trình nhập gặp sự cố không lường trước khi đọc “{args.file}” ({type(e).__name__}). "
              "Chạy lại với --debug và gửi kết quả cho nhóm phát triển.", file=sys.stderr)
        return 1


def summary(plan: dict, path: Path | None = None) -> str:
    d = plan.get("date")
    date = "/".join(reversed(d.split("-"))) if d else "không rõ"
    lines = []
    if path:
        lines.append(f"Đã ghi {path}")
    lines.append(f"Kế hoạch số {plan.get('number') or '(không rõ)'}, ngày {date}: "
                 f"{len(plan['phases'])} đợt, {len(plan['slogans'])} khẩu hiệu, {len(plan['units'])} đơn vị thực hiện.")
    missing = [name for key, name in (("number", "số ký hiệu"), ("system", "loại văn bản (dang/nha-nuoc)"),
                                      ("date", "ngày ban hành"), ("title", "trích yếu")) if not plan.get(key)]
    if missing and path:
        lines.append("Cần điền trước khi dựng trang: " + ", ".join(missing) + ".")
    ws = plan.get("warnings") or []
    if ws:
        lines.append(f"{len(ws)} cảnh báo, cần kiểm tra:")
        lines += [f"  - {w}" for w in ws]
    else:
        lines.append("Không có cảnh báo.")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
