"""Where in the desk a problem can be fixed: the form and field of the value on its line.

A problem names a file and a line (daihoi.model.problems). The file's line map
(daihoi.model.source.Source.lines: data path -> line) says which value sits on that
line, and the value's path is the form field's id (daihoi.desk.fields.field_id).
"""
from __future__ import annotations

import os
from pathlib import Path

from daihoi.desk.corrections import path_text
from daihoi.desk.fields import field_id
from daihoi.model import source

POST_PHASE = ("plan", "phase", "track")     # one list on the post form chooses all three
POST_FIELDS = {"cover": "f-anh"}            # the cover is chosen with the picture box


def value_at(src: source.Source, line: int) -> tuple | None:
    """The data path written on `line` (the deepest one), or the nearest one above it."""
    if src is None or not line:
        return None
    if line >= src.body_line and src.body_line > 1:
        return ("__body__",)
    exact = [p for p, n in src.lines.items() if n == line and p]
    if exact:
        return max(exact, key=len)
    above = [(n, p) for p, n in src.lines.items() if n < line and p]
    return max(above, key=lambda t: (t[0], len(t[1])))[1] if above else None


def _resolve(path: str, root: Path) -> Path:
    p = Path(path)
    return (p if p.is_absolute() else (root / p)).resolve()


def link(problem, store, root: Path) -> str | None:
    """The desk address that shows the field of `problem`, or None when no form holds it."""
    file = _resolve(problem.path, root)
    if not file.is_file():
        file = _resolve(problem.path, Path(os.getcwd()))
    kind = None
    if file.parent == store.plans_dir.resolve() and file.suffix == ".md":
        kind, base = "plan", f"/ke-hoach/{file.stem}"
    elif file.parent == store.posts_dir.resolve() and file.suffix == ".md":
        kind, base = "post", f"/tin-tuc/{file.stem}"
    elif file == store.congress_file.resolve():
        kind, base = "congress", "/dai-hoi"
    if kind is None:
        return None
    src, _ = source.read(file, problem.path)
    at = value_at(src, problem.line)
    if not at:
        return base
    if at == ("__body__",):
        return base + "#f-body"
    if kind == "post":
        key = str(at[0])
        return base + "#" + ("f-dot" if key in POST_PHASE else POST_FIELDS.get(key) or field_id(key))
    if kind == "congress":
        return base + "#" + field_id(".".join(str(p) for p in at[:2]))
    return base + "#" + field_id(path_text(at))
