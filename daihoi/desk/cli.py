"""`python build.py desk`: the editors' desk in the browser, on this computer only.

    python build.py desk [--cong 8765] [--khong-mo-trinh-duyet] [--today YYYY-MM-DD]
    python build.py desk --nhap TỆP [--sua TÊN_MỤC=GIÁ_TRỊ ...] [--out ĐƯỜNG_DẪN] [--force]

The second form writes the file the desk's review saves, without a browser: the importer's
plan with the same corrections (daihoi.desk.corrections), e.g.
`--sua "phases[0].end=21/01/2016" --sua "slogans[2]=…"`.
"""
from __future__ import annotations

import socket
import sys
import threading
import webbrowser
from pathlib import Path

from daihoi.cli.cliparse import Parser

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"          # loopback only: no other computer can reach the desk


def _parser() -> Parser:
    p = Parser(prog="build.py desk", description="Bàn biên tập: nhập, đối chiếu, sửa kế hoạch, tin bài, đại hội; "
                                                 "xem trước, kiểm tra, đóng gói, trong trình duyệt trên máy này.")
    p.add_argument("--cong", type=int, default=8765, metavar="SỐ", help="cổng (mặc định 8765; 0: cổng trống bất kỳ)")
    p.add_argument("--content-dir", default=str(ROOT / "content"), metavar="THƯ_MỤC", help="thư mục nội dung")
    p.add_argument("--site-dir", default=str(ROOT / "site"), metavar="THƯ_MỤC", help="thư mục trang dựng")
    p.add_argument("--out-dir", default=str(ROOT / "goi"), metavar="THƯ_MỤC", help="thư mục gói tải lên cổng")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="xem trước và đóng gói như vào ngày này")
    p.add_argument("--khong-mo-trinh-duyet", action="store_true", help="không tự mở trình duyệt")
    p.add_argument("--nhap", metavar="TỆP", help="không mở bàn biên tập: nhập TỆP, sửa theo --sua, ghi tệp kế hoạch")
    p.add_argument("--sua", action="append", default=[], metavar="TÊN_MỤC=GIÁ_TRỊ",
                   help="với --nhap: một chỗ sửa, ví dụ phases[0].end=21/01/2016 (lặp lại được)")
    p.add_argument("--out", metavar="ĐƯỜNG_DẪN", help="với --nhap: tệp cần ghi (mặc định content/ke-hoach/<số>.md)")
    p.add_argument("--force", action="store_true", help="với --nhap: ghi đè nếu tệp đã có")
    return p


def import_with_corrections(file: str, assignments: list[str], content_dir: Path) -> tuple[Path, str, dict]:
    """(path, text, corrections) of the plan file the desk saves for `file` with these corrections."""
    from daihoi.desk import corrections as C
    from daihoi.importer.sources import import_with_extras
    from daihoi.importer.writer import default_path, to_content

    fixes = dict(C.parse_assignment(a) for a in assignments)
    plan, extra = import_with_extras(file)
    plan, extra = C.apply_to_import(plan, extra, fixes)
    return default_path(plan, content_dir), to_content(plan, extra, source=Path(file).name), fixes


def _write_import(args) -> int:
    from daihoi.desk.corrections import CorrectionError
    from daihoi.importer import PlanImportError
    from daihoi.importer.writer import write_atomic

    try:
        path, text, fixes = import_with_corrections(args.nhap, args.sua, Path(args.content_dir))
        path = Path(args.out) if args.out else path
        write_atomic(path, text, force=args.force)
    except CorrectionError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 1
    except PlanImportError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 1
    except FileExistsError:
        print(f"Lỗi: tệp “{path}” đã có. Thêm --force để ghi đè, hoặc --out để ghi ra tệp khác.", file=sys.stderr)
        return 1
    print(f"Đã ghi {path} ({len(fixes)} chỗ sửa).")
    return 0


def listen(port: int) -> socket.socket:
    """A socket on 127.0.0.1:port (port 0: any free one), bound before the browser is sent there."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if sys.platform != "win32":         # Windows' SO_REUSEADDR would let two desks share a port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, port))
    sock.listen(128)            # from now on connections wait in line until the server takes them
    return sock


def run(argv: list[str]) -> int:
    from daihoi.cli.scaffold import utf8_output

    utf8_output()
    args = _parser().parse_args(argv)
    if args.nhap:
        return _write_import(args)
    if args.today:
        from daihoi.text import vndate
        try:
            vndate.parse(args.today)
        except vndate.BadDate as exc:
            print(f"Lỗi: --today: {exc.reason}", file=sys.stderr)
            return 2
    try:
        sock = listen(args.cong)
    except OSError:
        print(f"Lỗi: cổng {args.cong} đang được chương trình khác dùng (có thể bàn biên tập đã mở). "
              f"Mở http://{HOST}:{args.cong}/ trong trình duyệt, hoặc chạy với --cong 8766.", file=sys.stderr)
        return 1
    import uvicorn

    from daihoi.desk.app import Settings, create_app

    port = sock.getsockname()[1]
    settings = Settings(Path(args.content_dir).resolve(), Path(args.site_dir).resolve(), Path(args.out_dir).resolve(),
                        port, args.today)
    app = create_app(settings)
    url = f"http://{HOST}:{port}/"
    print(f"Bàn biên tập: {url} (Ctrl+C để dừng)", flush=True)
    if not args.khong_mo_trinh_duyet:
        threading.Timer(0.8, webbrowser.open, (url,)).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                           server_header=False, date_header=False))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    print("Đã đóng bàn biên tập.", flush=True)
    return 0
