"""`python build.py new plan|post|congress|page`: start a content file from a commented template.

The templates (daihoi/scaffold_templates/) explain every field in Vietnamese
comments and hold valid values, so that a new file builds at once and the
editor replaces the "..." at leisure. `new plan --from FILE` runs the importer
instead (daihoi.importer.cli) and then checks the written plan against the
site's congresses, like `build.py check` would.

    plan      content/ke-hoach/<số>.md
    post      content/tin-tuc/<ngày>-<tên>.md     (front matter of daihoi/model/news.py)
    congress  appended to content/_du-lieu/dai-hoi.yml, under a new id
    page      content/<tên>.md
"""
from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from daihoi.cli import atomic
from daihoi.model import content
from daihoi.text import vndate
from daihoi.site import widget
from daihoi.cli.cliparse import Parser
from daihoi.model.problems import Problem
from daihoi.text.vntext import slugify

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "scaffold_templates"
KINDS = {"plan": "kế hoạch", "post": "tin bài", "congress": "đại hội", "page": "trang"}
GUIDE = "docs/huong-dan-bien-tap.md"
POSTS_DIR = "tin-tuc"


class Refused(Exception):
    """The file cannot be created; the message (Vietnamese) says why and what to do."""


# --- plain functions: what to write ---------------------------------------------------------

def fill(template: str, values: dict) -> str:
    """Replace each {{name}} of a template; a placeholder left over is a bug in the template."""
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", str(value))
    if "{{" in template:
        raise ValueError(f"scaffold template placeholder not filled: {template[template.index('{{'):][:40]}")
    return template


def base_values(today: date, site: content.Site | None) -> dict:
    return {"today": today.isoformat(), "today_vi": vndate.long_form(today),
            "in_30_days": (today + timedelta(days=29)).isoformat(),
            "congress": site.settings["target_congress"] if site else ""}


def current_phase(site: content.Site | None, today: date) -> dict | None:
    """The phase a post written today most likely reports on (the widget's rule)."""
    if site is None:
        return None
    phases = widget.data(site, lambda path: path)["phases"]
    kind, phase = widget.pick(phases, today)
    return phase if kind == "current" else None


def plan_text(today: date, site, number: str) -> str:
    values = dict(base_values(today, site), number=number)
    return fill((TEMPLATES / "plan.md").read_text(encoding="utf-8"), values)


def post_text(today: date, site, title: str, author: str) -> str:
    phase = current_phase(site, today)
    if phase:
        plan_lines = f'plan: "{phase["plan"]}"\nphase: "{phase["label"]}"\n'
        # Written always when the plan has tracks: another track may have a phase of the same name.
        if phase.get("track"):
            plan_lines += f'track: "{phase["track"]}"\n'
    else:
        plan_lines = '# plan: "12-KH/ĐU"\n# phase: "Đợt 1"\n# track: "1"\n'
    values = dict(base_values(today, site), title=title.replace('"', "'"), author=author.replace('"', "'"),
                  plan_lines=plan_lines)
    return fill((TEMPLATES / "post.md").read_text(encoding="utf-8"), values)


def congress_text(today: date, cid: str) -> str:
    values = dict(base_values(today, None), id=cid, ordinal="I",
                  term=f"{today.year} - {today.year + 5}")
    return fill((TEMPLATES / "congress.yml").read_text(encoding="utf-8"), values)


def page_text(today: date, title: str) -> str:
    return fill((TEMPLATES / "page.md").read_text(encoding="utf-8"),
                dict(base_values(today, None), title=title.replace('"', "'")))


def guide_link(code: str) -> str:
    return f"{GUIDE}#loi-{code}" if code else GUIDE


def problems_for(problems: list[Problem], shown_path: str) -> list[Problem]:
    return [p for p in problems if p.path == shown_path]


# --- command line ---------------------------------------------------------------------------

def _parser() -> Parser:
    p = Parser(prog="build.py new",
               description="Tạo tệp nội dung mới từ mẫu (mỗi mục có lời giải thích), điền sẵn ngày hôm nay.")
    p.add_argument("kind", choices=list(KINDS), metavar="LOẠI",
                   help="plan (kế hoạch), post (tin bài), congress (đại hội), page (trang)")
    p.add_argument("--from", dest="source", metavar="TỆP",
                   help="chỉ với plan: nhập từ tệp kế hoạch nhận được (.docx, .pdf, .txt, .doc)")
    p.add_argument("--ten", metavar="TÊN", help="tên tệp (không dấu) hoặc tiêu đề; với congress: mã đại hội")
    p.add_argument("--so", metavar="SỐ", default="00-KH/ĐU", help="với plan: số, ký hiệu kế hoạch (mặc định 00-KH/ĐU)")
    p.add_argument("--tac-gia", metavar="TÊN", default="Ban biên tập", help="với post: tác giả")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="coi hôm nay là ngày này (ngày điền vào mẫu)")
    p.add_argument("--content-dir", default=str(ROOT / "content"), metavar="THƯ_MỤC",
                   help="thư mục nội dung (mặc định: content)")
    p.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    p.add_argument("--debug", action="store_true", help="in chi tiết lỗi kỹ thuật (traceback)")
    return p


def utf8_output() -> None:
    # On Windows a redirect (`> ket-qua.txt`) or a pipe defaults to the ANSI code page (cp1252, cp1258),
    # where Vietnamese cannot be written: write UTF-8 instead of crashing. (The console itself is UTF-8.)
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass


def _write_new(path: Path, text: str, force: bool) -> None:
    if path.exists() and not force:
        raise Refused(f"Tệp “{content.shown(path)}” đã có. Đặt tên khác bằng --ten, hoặc thêm --force để ghi đè")
    atomic.write_file(path, text)


def _import(args, content_dir: Path) -> Path:
    """Run the importer (its own messages are printed); return the plan file it wrote."""
    from daihoi.importer import cli

    plans_dir = content_dir / content.PLANS_DIR
    before = {f: f.stat().st_mtime_ns for f in plans_dir.glob("*.md")}
    argv = [args.source, "--content-dir", str(content_dir)]
    if args.ten:
        argv += ["--out", str(plans_dir / f"{slugify(args.ten) or 'ke-hoach-moi'}.md")]
    if args.force:
        argv.append("--force")
    if args.debug:
        argv.append("--debug")
    if cli.run(argv) != 0:
        raise Refused("Chưa tạo được kế hoạch từ tệp này (xem thông báo trên). Có thể tạo kế hoạch trống "
                      "bằng “python build.py new plan” rồi chép nội dung vào")
    written = [f for f in plans_dir.glob("*.md") if before.get(f) != f.stat().st_mtime_ns]
    if not written:
        raise Refused("Trình nhập không ghi tệp nào vào " + content.shown(plans_dir))
    return written[0]


def create(args, today: date) -> Path:
    content_dir = Path(args.content_dir)
    site, _ = content.load(content_dir)
    if args.kind == "plan":
        if args.source:
            return _import(args, content_dir)
        path = content_dir / content.PLANS_DIR / f"{slugify(args.ten or args.so) or 'ke-hoach-moi'}.md"
        _write_new(path, plan_text(today, site, args.so), args.force)
        return path
    if args.source:
        raise Refused("--from chỉ dùng với “new plan”")
    if args.kind == "post":
        title = args.ten or "Tiêu đề tin"
        path = content_dir / POSTS_DIR / f"{today.isoformat()}-{slugify(title) or 'tin-moi'}.md"
        _write_new(path, post_text(today, site, title, args.tac_gia), args.force)
        return path
    if args.kind == "page":
        title = args.ten or "Trang mới"
        path = content_dir / f"{slugify(title) or 'trang-moi'}.md"
        _write_new(path, page_text(today, title), args.force)
        return path
    # congress: a new entry at the end of the congress list (comments above it kept as they are)
    cid = slugify(args.ten or f"dai-hoi-moi-{today.year}")
    path = content_dir / content.CONGRESS_FILE
    old = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    known = set(site.congresses) if site else set()
    if cid in known or f"\n{cid}:" in "\n" + old:
        raise Refused(f"Đã có đại hội mã “{cid}” trong {content.shown(path)}. Đặt mã khác bằng --ten")
    atomic.write_file(path, (old if not old or old.endswith("\n") else old + "\n") + congress_text(today, cid))
    return path


def _post_problems(content_dir: Path, site) -> list[Problem]:
    try:
        from daihoi.model import news
        return news.load(content_dir, site.plans, site.congresses)[1]
    except (ImportError, AttributeError):      # posts not in this version yet
        return []


def run(argv: list[str]) -> int:
    utf8_output()
    args = _parser().parse_args(argv)
    try:
        today = vndate.parse(args.today) if args.today else date.today()
    except vndate.BadDate as exc:
        print(f"Lỗi: --today: {exc.reason}.", file=sys.stderr)
        return 2
    try:
        path = create(args, today)
    except Refused as exc:
        print(f"Lỗi: {exc}.", file=sys.stderr)
        return 1
    except OSError as exc:
        if args.debug:
            raise
        print(f"Lỗi: không ghi được tệp: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    shown = content.shown(path)
    print(f"Đã tạo {KINDS[args.kind]}: {shown}" if args.kind != "congress" else
          f"Đã thêm đại hội vào cuối tệp {shown}")
    # Check the new file with the whole site, as `build.py check` would, and say where to read more.
    site, problems = content.load(Path(args.content_dir))
    if args.kind == "post" and site is not None:
        problems += _post_problems(Path(args.content_dir), site)
    mine = problems_for(problems, shown)
    for problem in mine:
        print(f"{problem}\n    Xem: {guide_link(problem.code)}", file=sys.stderr)
    if any(p.is_error for p in mine):
        print("Sửa các lỗi trên rồi chạy: python build.py check", file=sys.stderr)
        return 1
    if args.source:
        print("Đọc lại tệp, nhất là các dòng có cảnh báo; với các đợt “Trước / Trong / Sau Đại hội” chưa có ngày, "
              "ghi mã đại hội vào “relative: congress:”. Rồi chạy: python build.py check")
    else:
        print("Mở tệp bằng trình soạn thảo (Notepad++, VS Code; lưu dạng UTF-8), sửa các chỗ “...”, "
              "rồi chạy: python build.py check")
    print(f"Hướng dẫn từng mục: {GUIDE}")
    return 0
