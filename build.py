#!/usr/bin/env python3
"""Dựng chuyên mục "Hướng tới Đại hội" từ thư mục content/ (command line).

    python build.py                      = python build.py build
    python build.py build [--site-dir DIR] [--today YYYY-MM-DD] [--debug]
    python build.py serve [--today YYYY-MM-DD] [--port 8000]
    python build.py check
    python build.py import FILE [--json | --out PATH] [--force]
    python build.py new plan|post|congress|page [...]
    python build.py package [...]

This file parses the command line and runs the steps of a build; the engine is reached
only through hooks/mkdocs_adapter.py and the logic lives in daihoi/. On a fresh machine
the first run sets up .venv by itself (daihoi/cli/bootstrap.py).
"""
from __future__ import annotations

import gc
import os
import shutil
import sys
import traceback
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from daihoi.cli import bootstrap  # noqa: E402  (standard library only)
from daihoi.cli.cliparse import Parser  # noqa: E402  (standard library only)

# Commands implemented in their own module, each with `run(argv) -> exit code`.
DELEGATED = {
    "import": ("daihoi.importer.cli", "nhập kế hoạch từ tệp Word, văn bản, PDF (xem: build.py import --help)"),
    "new": ("daihoi.cli.scaffold", "tạo tệp mới từ mẫu: plan, post, congress, page (xem: build.py new --help)"),
    "package": ("daihoi.cli.packaging", "đóng gói site/ thành tệp .zip để tải lên cổng (xem: build.py package --help)"),
    "migrate": ("daihoi.cli.migrate", "chuyển tệp kế hoạch dạng cũ sang dạng mới: toàn văn dưới phần thông tin"),
    "desk": ("daihoi.desk.cli", "bàn biên tập trong trình duyệt: nhập, sửa, xem trước, kiểm tra, đóng gói (xem: build.py desk --help)"),
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


class ContentCheck:
    """The content check of one command: every problem printed, a Failure on an error.

    The plans are read at once: an error in them stops here, before anything else, and
    `begin(site)` starts the plans' documents from them. The checks after them (the posts against
    the plans' phases, every file, the plans' characters: content_check.after_plans) were a fifth
    of a rebuild's own time after one edit. With `aside` (build.py build) they run in a worker
    process while the engine builds, and `wait` takes their result before anything is published;
    should they find an error first, the build stops at the next page (watchdog.stop_at_next_page)
    and that error is reported, as if the check had run before the build.
    Without workers (one core, DAIHOI_WORKERS=1), and for `check` and `serve`, they run at once."""

    def __init__(self, args, begin=None, aside: bool = False):
        import threading

        from daihoi.documents import workers
        from daihoi.model import content, news, source
        from daihoi.model.problems import errors
        from daihoi.site import content_check

        self.content_dir = Path(args.content_dir)
        # `begin` (the plans' documents) is called as soon as the plans are read, while the other
        # pages are; if one of those has an error, the build stops as before, its workers with it.
        self.site, self.problems = content.load(self.content_dir, begin)
        self.future, self._building, self._printed = None, False, False
        self._lock = threading.Lock()
        ready = self.site is not None and not errors(self.problems)
        # news posts name plans and phases: checked against the plans read, if any
        plans = (self.site.plans, self.site.congresses) if self.site is not None else (None, None)
        self._rest = partial(content_check.after_plans, self.content_dir, *plans)
        self.checked = None         # (folder, site, posts) read without error, for the engine's build (`build_site`)
        if ready and aside:
            # The posts are checked here, and the engine's build takes this reading of the site and the
            # posts (made in the worker as well, it was a quarter of a second more of a cold build's work).
            posts, found = news.load(self.content_dir, *plans)
            self.problems = self.problems + found
            if not errors(found):
                self.checked = (self.content_dir, self.site, posts)
            if errors(self.problems):
                self._rest = partial(content_check.after_plans, self.content_dir, *plans, posts=False)
            else:
                self.future = workers.submit(content_check.after_plans,
                                             (self.content_dir, *plans, source.known()), {"posts": False})
        if self.future is None:
            self.problems = self.problems + self._rest()
            self.wait()
        else:
            self.future.add_done_callback(self._done)

    @contextmanager
    def while_the_engine_builds(self):
        """Around the engine's build: an error the check finds meanwhile stops it at the next page
        (_done); if the engine fails or stops, the check's own errors are reported first, as when it
        ran before the engine; at the end, the check's result is taken (`wait`)."""
        from daihoi.cli import watchdog

        with self._lock:
            self._building = self.future is not None
        try:
            if self.future is not None and self.future.done():     # found before the engine started
                self.wait()
            try:
                yield
            except (Exception, watchdog.Stopped):
                self.wait()
                raise
        finally:
            with self._lock:
                self._building = False
                watchdog.stop_at_next_page(False)
        self.wait()

    def _done(self, future) -> None:
        """(In the pool's own thread.) An error found while the engine builds stops it at the next page."""
        from daihoi.cli import watchdog
        from daihoi.model.problems import errors

        if future.cancelled():         # the workers stopped (the build failed or was stopped first)
            return
        with self._lock:
            if self._building and future.exception() is None and errors(future.result()):
                watchdog.stop_at_next_page()

    def wait(self):
        """The check's result: every problem printed (once), a Failure on an error, else the site."""
        from daihoi.documents import workers
        from daihoi.model.problems import errors

        if self.future is not None:
            try:
                found = workers.result(self.future)
            except Exception:   # noqa: BLE001 - a worker process lost (killed, out of memory): checked here
                found = self._rest()
            self.problems, self.future = self.problems + found, None
        problems = sorted(set(self.problems))
        if not self._printed:
            self._printed = True
            for problem in problems:
                say(str(problem), err=True)
        found = errors(problems)
        if found:
            raise Failure(f"Nội dung có {len(found)} lỗi, chưa dựng trang. Sửa các dòng nêu trên rồi chạy lại.")
        return self.site


def source_date_epoch(day) -> int:
    """Noon UTC of `day`: the same calendar day in every time zone from UTC-11 to UTC+11."""
    return int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp())


def set_today(args) -> None:
    from daihoi.text import vndate

    if args.today:
        try:
            day = vndate.parse(args.today)
        except vndate.BadDate as exc:
            raise Failure(f"--today: {exc.reason}") from None
        os.environ["DAIHOI_TODAY"] = day.isoformat()
        # Reproducible builds: the engine's own dates (sitemap, gzip header) follow
        # --today too, unless the caller fixed them already.
        if not os.environ.get("SOURCE_DATE_EPOCH"):
            os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(day))


def engine():
    """hooks/mkdocs_adapter.py, the one file that knows the engine (docs/engine.md)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("daihoi_engine_adapter", ROOT / "hooks" / "mkdocs_adapter.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cmd_check(args) -> int:
    site = ContentCheck(args).site
    # A build cleans each page's HTML as MkDocs renders it; `check` builds nothing, so it
    # renders the pages with the same Markdown settings to report the same removals.
    from daihoi.model.problems import errors
    from daihoi.site import content_check

    render = engine().markdown_renderer(Path(args.content_dir))
    found = content_check.body_problems(Path(args.content_dir), render, skip={plan.path for plan in site.plans})
    for problem in found:
        say(str(problem), err=True)
    if errors(found):
        raise Failure(f"Nội dung có {len(errors(found))} lỗi, chưa dựng trang. Sửa các dòng nêu trên rồi chạy lại.")
    say(f"Nội dung hợp lệ: {len(site.plans)} kế hoạch, {len(site.congresses)} đại hội.")
    return 0


def cmd_build(args) -> int:
    from daihoi.cli import atomic
    from daihoi.documents import workers
    from daihoi.model import content, news, source
    from daihoi.site.pagecache import cache_root, folder_key

    set_today(args)
    workers.start()         # after set_today: the workers read the day from the environment
    # Front matter parsed by the last build, by the digest of each file's bytes (daihoi/model/source.py),
    # its reading of the plans, by their files' fingerprint (daihoi/model/content.py), and of the posts
    # against the plans (daihoi/model/news.py).
    readings = [(module, cache_root() / folder / (folder_key(Path(args.content_dir)) + ".pickle"))
                for module, folder in ((source, "nguon"), (content, "ke-hoach"), (news, "tin-bai"))]
    code = _code_tag()
    for module, file in readings:
        module.remember(file, code)
    # The plans' documents (the longest part of a first build) are begun in other processes as soon
    # as the plans are read: the rest of the check and the engine's start go on meanwhile.
    # This process is one build: the check and the engine read each content file once (source.one_reading).
    with source.one_reading():
        check = ContentCheck(args, begin=lambda site: engine().begin(Path(args.content_dir), site), aside=True)
        target = Path(args.site_dir).resolve()
        try:
            with atomic.lock(target):
                _build_into(target, args, check)
        except atomic.Busy as exc:
            check.wait()
            raise Failure(exc.message) from None
    for module, file in readings:
        module.keep(file, code)
    say(f"Đã dựng xong {len(check.site.plans)} kế hoạch vào {target}")
    return 0


def _build_into(target: Path, args, check: ContentCheck) -> None:
    """Build into a staging folder beside `target` (its lock held), then swap it in. The content
    check's last part (`check`) is waited for before the swap, and its errors come before the engine's
    (ContentCheck.while_the_engine_builds)."""
    from jinja2 import TemplateNotFound

    from daihoi.cli import atomic, watchdog
    from daihoi.model.problems import Problem, errors
    from daihoi.site.builder import missing_outputs
    from daihoi.site.pagecache import cache_root, folder_key

    adapter = engine()
    # The site before last, kept in the cache: the build writes into it only what changed.
    kept = cache_root() / "ban-truoc" / folder_key(target)
    staged = atomic.staging_dir(target, reuse=kept)     # also removes what killed builds left beside it
    watchdog.enable()
    pruning: list = []          # the stylesheets' pruning, once begun (begin_pruning)
    try:
        with check.while_the_engine_builds():
            found = adapter.build_site(Path(args.content_dir), staged,
                                       pages_written=partial(begin_pruning, staged, pruning), checked=check.checked)
        for problem in found:
            say(str(problem), err=True)
        if errors(found):
            raise Failure(f"Trang có {len(errors(found))} lỗi liên kết, chưa dựng trang. "
                          "Sửa các dòng nêu trên rồi chạy lại.")
        missing = missing_outputs(staged)
        if missing:
            # An engine that does not run our hooks (Zensical today) builds a bare site: never publish it.
            raise Failure("Công cụ dựng trang không chạy phần mở rộng của chuyên mục (hooks trong mkdocs.yml): "
                          f"trang dựng ra thiếu {', '.join(missing)}. Trang cũ vẫn giữ nguyên. Dùng MkDocs 1.6 hoặc "
                          "ProperDocs 1.6 như trong requirements.txt (xem docs/engine.md)")
        prune_stylesheets(staged, pruning)
    except Failure:
        _discard(staged, pruning)
        raise
    except adapter.EngineError as exc:
        _discard(staged, pruning)
        if exc.problems:
            say(str(exc), err=True)
            raise Failure("Không dựng được trang vì các lỗi nêu trên. Sửa rồi chạy lại.") from exc
        raise Failure(f"Không dựng được trang: {exc}") from exc
    except TemplateNotFound as exc:
        _discard(staged, pruning)
        raise Failure(f"Không có mẫu trang “{exc.name}”. Sửa mục “template:” ở đầu trang dùng mẫu này, "
                      "hoặc xóa mục đó để dùng mẫu mặc định") from exc
    except KeyboardInterrupt:
        _discard(staged, pruning)
        if not watchdog.expired():
            raise
        page, _ = watchdog.expired()
        say(str(Problem(page, 0, *watchdog.message(), code="slow-page")), err=True)
        raise Failure("Không dựng được trang vì lỗi nêu trên. Sửa rồi chạy lại.") from None
    except BaseException:
        _discard(staged, pruning)
        raise
    finally:
        watchdog.disable()
    atomic.swap_in(staged, target, keep=kept)


def _code_tag() -> str:
    """The code that reads an editor's files (daihoi/model, daihoi/text, and the check of a plan's
    attachments): another version reads them again."""
    from daihoi.site.pagecache import digest, files_digest
    return digest(files_digest(ROOT / "daihoi" / "model", ROOT / "daihoi" / "text", suffixes=(".py",)),
                  (ROOT / "daihoi" / "documents" / "attachments.py").read_bytes())


def _discard(staged: Path, pruning: list) -> None:
    """A failed build's folder removed, once a pruning begun in it (`pruning`) has ended: it writes there."""
    for future in pruning:
        if future is not None and not future.cancel():
            try:
                future.result()
            except Exception:       # noqa: BLE001 - the folder goes anyway
                pass
    shutil.rmtree(staged, ignore_errors=True)


def begin_pruning(site: Path, pruning: list, files: list[str], keys: dict[str, str] | None = None) -> None:
    """Once the engine has written the pages (`files`: this build's files in `site`; `keys`: {page: the
    key its bytes are kept under}, whose tags the pruning may have kept): prune_stylesheets begun in a
    worker process while the engine ends the build, its future added to `pruning`."""
    from daihoi.site import cssprune
    from daihoi.site.pagecache import cache_root

    pruning.append(cssprune.begin(site, files, ROOT / "theme", cache_root() / "css", keys))


def prune_stylesheets(site: Path, pruning: list) -> None:
    """Keep in the finished site's stylesheets only the rules its pages and scripts can use
    (daihoi/site/cssprune.py), whatever engine built it; the theme lists what its scripts
    switch at run time. Begun in a worker once the pages were written (`pruning`: begin_pruning),
    or made here (an engine that does not say when, no workers)."""
    from daihoi.site import cssprune
    from daihoi.site.pagecache import cache_root

    cssprune.pruned(pruning[0] if pruning else None, site, ROOT / "theme", cache_root() / "css")


def cmd_serve(args) -> int:
    set_today(args)
    ContentCheck(args)
    os.environ["DAIHOI_GUIDE"] = "1"     # the editors' guide at huong-dan/: in the preview, not on the portal
    say(f"Xem trước tại http://127.0.0.1:{args.port}/ (Ctrl+C để dừng); hướng dẫn biên tập: "
        f"http://127.0.0.1:{args.port}/huong-dan/")
    engine().serve_site(Path(args.content_dir), args.port)
    return 0


def delegate(name: str, argv: list[str]) -> int:
    import importlib

    try:
        module = importlib.import_module(DELEGATED[name][0])
    except ModuleNotFoundError:
        say(f"Lỗi: lệnh “{name}” chưa có trong phiên bản này.", err=True)
        return 2
    return module.run(argv)


# Python's cycle collector runs after every 700 new objects by default; a build makes millions
# (Markdown, Jinja, each page's words) and keeps a large heap, so the default spent 0.6-0.8 s of
# a 1,000-post build walking it (gc.callbacks, measured). Cycles are still collected, less often;
# the peak memory of that build did not change (250 MB).
GC_THRESHOLD = (50_000, 20, 100)


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    gc.set_threshold(*GC_THRESHOLD)
    # A file name that is not UTF-8 must be printed in a message, not crash it.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
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


def leave(code: int) -> None:
    """Exit without the interpreter's tidying up: a build leaves a large heap (every page, the
    engine's objects), and freeing it object by object took 0.35 s of every build, a tenth of a
    rebuild after one edit, for nothing. Every file is written and closed by then; the worker
    processes are stopped and the output flushed first."""
    import logging

    from daihoi.documents import workers

    workers.stop()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def stop_as_ctrl_c(*_) -> None:
    """A stop asked by another program (SIGTERM) or a closed terminal (SIGHUP) ends a command as
    Ctrl+C does: a build's unfinished folder is removed and the worker processes are stopped
    (killed with the command, they were left running, idle)."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    bootstrap.ensure("requirements.txt")
    import signal

    for name in ("SIGTERM", "SIGHUP"):      # (Windows has neither)
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop_as_ctrl_c)
    code = main(sys.argv[1:])
    # build, check, serve: nothing is left to do; but a profiler, debugger or coverage tool that
    # watches this process writes what it saw at exit (bench/profile_cold.py).
    if (not sys.argv[1:] or sys.argv[1] not in DELEGATED) and sys.getprofile() is None and sys.gettrace() is None:
        leave(code)
    sys.exit(code)
