"""Publish a folder or a file all at once, or not at all; one build at a time.

A failed build must leave the previous site exactly as it was, and an editor
running `serve` must not see a half-written site: we build into a sibling
folder and swap it in with renames only on success.
"""
from __future__ import annotations

import glob
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


class Busy(Exception):
    """Another build holds the lock; `.message` is Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _alive(pid: int) -> bool:
    """Is process `pid` running? Never sends it anything."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _alive_windows(pid: int) -> bool:
    # os.kill(pid, 0) on Windows sends CTRL_C_EVENT (0) and may stop the process:
    # ask the kernel for its exit code instead (259 = STILL_ACTIVE).
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)     # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
    finally:
        kernel32.CloseHandle(handle)


@contextmanager
def lock(target: Path):
    """An exclusive lock beside `target` (site/ -> .site.lock); a stale lock is taken over."""
    target = Path(target)
    path = target.parent / f".{target.name}.lock"
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            try:
                pid = int(path.read_text().strip() or 0)
            except (OSError, ValueError):
                pid = 0
            if _alive(pid) and pid != os.getpid():
                raise Busy(f"Một lần dựng trang khác (tiến trình {pid}) đang ghi vào {target}. "
                           f"Chờ lần đó xong rồi chạy lại; nếu không có lần nào đang chạy, xóa tệp {path}")
            path.unlink(missing_ok=True)
    else:
        raise Busy(f"Không tạo được khóa {path}")
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        path.unlink(missing_ok=True)


def staging_dir(target: Path, reuse: Path | None = None) -> Path:
    """A folder beside `target`, on the same disk so the swap is a rename: the folder `reuse` (the
    site before last, kept by `swap_in`) moved there when there is one, else an empty one. The
    build writes into it only what changed (daihoi/site/output.py).

    Call it holding `lock(target)`: it first removes what killed builds left (`remove_stale`).
    The folder's name carries this process's id, so another build can tell whether it is held.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-{os.getpid()}-", dir=target.parent))
    if reuse is not None and Path(reuse).is_dir() and not Path(reuse).is_symlink():
        try:
            staged.rmdir()
            os.replace(reuse, staged)
        except OSError:         # on another disk, or held by another program: start empty
            staged.mkdir(exist_ok=True)
    return staged


def _holder(folder: Path, target: Path) -> int | None:
    """The process id in a staging folder's name (.site.new-<pid>-xxxx), or None (an older name)."""
    rest = folder.name[len(f".{target.name}."):].split("-")
    return int(rest[1]) if len(rest) > 2 and rest[1].isdecimal() else None


def remove_stale(target: Path) -> list[Path]:
    """Remove the staging folders beside `target` that no live build holds; give back what was removed.

    A build killed half-way (power cut, kill -9, a closed window) leaves its `.site.new-*`
    folder, or, killed between the two renames of `swap_in`, the published site as
    `.site.old-*` and no `site/`: that one is put back first, so the previous site is
    what readers get until a build succeeds. A folder whose holder is alive is left alone.
    """
    target = Path(target)
    removed = []
    stale = []
    name = glob.escape(target.name)
    for folder in sorted([*target.parent.glob(f".{name}.new-*"), *target.parent.glob(f".{name}.old-*")]):
        holder = _holder(folder, target)
        if folder.is_dir() and not folder.is_symlink() and \
                (holder is None or holder == os.getpid() or not _alive(holder)):
            stale.append(folder)
    olds = [f for f in stale if f.name.startswith(f".{target.name}.old-")]
    if olds and not target.exists():
        newest = max(olds, key=lambda f: f.stat().st_mtime)
        os.replace(newest, target)
        stale.remove(newest)
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def swap_in(staged: Path, target: Path, keep: Path | None = None) -> None:
    """Replace `target` by `staged` (both folders). The old one is moved to `keep` (for the next
    `staging_dir` to write into) or, without `keep` or when it cannot be moved there, removed."""
    target = Path(target)
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
        old.rmdir()
        os.replace(target, old)
    try:
        os.replace(staged, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is None:
        return
    if keep is not None:
        keep = Path(keep)
        shutil.rmtree(keep, ignore_errors=True)
        try:
            keep.parent.mkdir(parents=True, exist_ok=True)
            os.replace(old, keep)
            return
        except OSError:         # the cache on another disk: nothing kept
            pass
    shutil.rmtree(old, ignore_errors=True)


def holds(path: Path | str, data: bytes) -> bool:
    """Does the file at `path` hold exactly `data`? (False when it cannot be read.)"""
    try:
        with open(path, "rb") as f:
            return f.read(len(data) + 1) == data
    except OSError:
        return False


def write_file(path: Path, data: bytes | str, encoding: str = "utf-8") -> None:
    """Write a file atomically: readers see the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode(encoding) if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
