"""The desk's files: which content files there are, reading them, and writing them safely.

Every write of the desk goes through `Store.write`, which refuses a path that is not
inside the content folder (after resolving links and "..") and writes atomically
(daihoi.cli.atomic): the desk never writes outside content/ (builds and packages are made
by build.py itself, into site/ and goi/). Files are named by the desk (slugs of titles and
numbers), never by what a request says, and a file a request names must be one the
listing gives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from daihoi.cli import atomic
from daihoi.model import frontmatter, source
from daihoi.model.content import CONGRESS_FILE, PLANS_DIR, shown
from daihoi.model.news import FIELDS as POST_FIELDS, IMAGES_DIR, POSTS_DIR

_FRONT_HEAD = re.compile(r"\A---[ \t]*\n((?:[ \t]*#[^\n]*\n)*)")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")

PLAN_ORDER = ("number", "number_line", "system", "issuer", "parent_issuer", "place", "date", "title", "description",
              "congress", "comment_url", "bases", "campaign", "tracks", "phases", "slogans", "slogan_display", "units",
              "reporting", "recipients", "signer", "attachments")
REQUIRED = ("number", "system", "date", "title")


class Refused(Exception):
    """A write the desk does not make; the message is Vietnamese."""


@dataclass
class Store:
    content_dir: Path

    def __post_init__(self):
        self.content_dir = Path(self.content_dir).resolve()

    # --- where things are ---------------------------------------------------------------
    @property
    def plans_dir(self) -> Path:
        return self.content_dir / PLANS_DIR

    @property
    def posts_dir(self) -> Path:
        return self.content_dir / POSTS_DIR

    @property
    def images_dir(self) -> Path:
        return self.content_dir / IMAGES_DIR

    @property
    def congress_file(self) -> Path:
        return self.content_dir / CONGRESS_FILE

    def plan_files(self) -> list[Path]:
        return sorted(f for f in self.plans_dir.glob("*.md") if f.name != "index.md") if self.plans_dir.is_dir() else []

    def post_files(self) -> list[Path]:
        return sorted((f for f in self.posts_dir.glob("*.md") if f.name != "index.md"), reverse=True) \
            if self.posts_dir.is_dir() else []

    def named(self, files: list[Path], stem: str) -> Path | None:
        """The listed file called `stem`: a request can only name a file that is there."""
        return next((f for f in files if f.stem == stem), None) if _NAME.match(stem or "") else None

    def inside(self, path: Path) -> Path:
        """`path` resolved, if it lies in the content folder; Refused otherwise."""
        full = Path(path).resolve()
        if full != self.content_dir and self.content_dir not in full.parents:
            raise Refused(f"Bàn biên tập chỉ ghi vào thư mục nội dung ({shown(self.content_dir)}), "
                          f"không ghi “{path}”")
        return full

    # --- reading --------------------------------------------------------------------------
    def read(self, file: Path) -> tuple[source.Source | None, list]:
        return source.read(file, shown(file))

    def congresses(self) -> dict:
        """id -> the congress as written (strings), in the file's order; {} when unreadable."""
        if not self.congress_file.is_file():
            return {}
        src, _ = self.read(self.congress_file)
        data = src.data if src is not None and isinstance(src.data, dict) else {}
        return {str(k): v for k, v in data.items() if isinstance(v, dict)}

    # --- writing --------------------------------------------------------------------------
    def write(self, path: Path, data: bytes | str) -> Path:
        full = self.inside(path)
        if full.is_symlink():
            raise Refused(f"“{shown(full)}” là một liên kết (shortcut): bàn biên tập không ghi qua liên kết")
        atomic.write_file(full, data)
        return full


def head_comments(text: str) -> str:
    """The comment lines at the top of a front matter (the importer's report), kept on save."""
    m = _FRONT_HEAD.match(text or "")
    return m.group(1) if m else ""


def prune(value):
    """Nothing where there is nothing: None, "" and empty lists or mappings are left out."""
    if isinstance(value, dict):
        out = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [v for v in (prune(x) for x in value) if v not in (None, "", [], {})]
    return value


def ordered(data: dict, order: tuple) -> dict:
    """Known keys in the order of the templates, others after them as they were."""
    out = {k: data[k] for k in order if k in data}
    out.update({k: v for k, v in data.items() if k not in out})
    return out


def plan_text(data: dict, body: str, comments: str = "") -> str:
    """A plan file: the front matter (every string double-quoted) and the text below it."""
    kept = prune(data)
    for key in REQUIRED:            # as the importer writes them: empty, so `check` names what is missing
        kept.setdefault(key, data.get(key))
    fm = ordered(kept, PLAN_ORDER)
    return "---\n" + comments + frontmatter.dump(fm) + "---\n" + _body(body)


def post_text(data: dict, body: str) -> str:
    return "---\n" + frontmatter.dump(ordered(prune(data), POST_FIELDS)) + "---\n" + _body(body)


def _body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    if not body.startswith("\n"):
        body = "\n" + body
    return body if body.endswith("\n") else body + "\n"


def scalar(value) -> str:
    """One YAML value as the rest of a `key: value` line (double-quoted; nothing for None)."""
    if value is None or value == "":
        return ""
    return " " + frontmatter.dump({"v": value})[3:].strip()


def set_congress_value(text: str, src: source.Source, cid: str, key: str, value) -> str:
    """The congress file with one value changed in place: its comments and the other entries
    stay as the editor or `build.py new congress` wrote them."""
    lines = text.split("\n")
    at = src.lines.get((cid, key))
    if at is not None and (cid, key) in src.lines and re.match(rf"^\s+{re.escape(key)}\s*:", lines[at - 1]):
        indent = re.match(r"^(\s*)", lines[at - 1]).group(1)
        lines[at - 1] = f"{indent}{key}:{scalar(value)}"
        return "\n".join(lines)
    if value in (None, ""):
        return text
    head = src.lines.get((cid,))
    if head is None:
        raise Refused(f"Không có đại hội mã “{cid}”")
    last = max(line for path, line in src.lines.items() if path[:1] == (cid,))
    lines.insert(last, f"  {key}:{scalar(value)}")
    return "\n".join(lines)
