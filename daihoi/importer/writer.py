"""Plan dict -> content file (YAML front matter + the received text, word for word) for content/ke-hoach/.

The front matter holds the data (dates, phases, slogans ...), each phase, unit and
slogan quoting the document's own words, and the Markdown below it is the received
text between the title and "Nơi nhận" (daihoi.model.document), so the site republishes
the signed plan and not a rewriting of it.

Every string value is double-quoted (daihoi.model.frontmatter, shared with `build.py
migrate` and the desk), so labels like "1.1" and dates stay strings and nothing a plan
says can be read as YAML syntax (": ", "#", "-").
Null and empty values are left out, except the four the site requires, so
the editor sees at once what the importer could not find.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from daihoi.model import frontmatter
from daihoi.model.document import to_markdown
from daihoi.model.plan import standard_number_line

from .codes import first_code
from .text import collapse, slug

REQUIRED = ("number", "system", "date", "title")
ORDER = ("number", "number_line", "system", "issuer", "parent_issuer", "place", "date", "title", "bases", "campaign",
         "tracks", "phases", "slogans", "slogan_display", "units", "reporting", "recipients", "signer")
# What the text itself says (a phase's bullets, a unit's tasks) is read from the text, not repeated.
_FROM_TEXT = {"phases": ("items",), "units": ("tasks",)}


def _prune(v, key: str = ""):
    """Drop None / empty values recursively; periods with a missing bound are dropped whole,
    except the campaign, whose end alone still bounds the last phase."""
    if isinstance(v, dict):
        if set(v) == {"start", "end"} and (v["start"] is None or v["end"] is None) and key != "campaign":
            return None
        out = {}
        for k, x in v.items():
            x = _prune(x)
            if x is None or x == [] or x == {} or x == "":
                continue
            out[k] = x
        return out
    if isinstance(v, list):
        return [y for y in (_prune(x) for x in v) if y not in (None, {}, "")]
    return v


def number_line(plan: dict, extra: dict) -> str | None:
    """The number line as printed, when the page, the PDF and the Word file would otherwise print
    another (daihoi.model.plan.number_line): the published plan is the signed plan, word for word.
    Left out when it reads the same as the standard form, and when its code is not the plan's
    number (an editor corrected the number: the line read no longer goes with it)."""
    printed, number = extra.get("number_line"), plan.get("number")
    if not printed or not number:
        return None
    code = first_code(printed)
    if code is None or code.number != number or printed == standard_number_line(number, plan.get("system")):
        return None
    return printed


def front_matter(plan: dict, extra: dict | None = None) -> dict:
    extra = extra or {}
    merged = dict(plan)
    merged["number_line"] = number_line(plan, extra)
    merged["tracks"] = extra.get("tracks") or plan.get("tracks") or []
    for key, drop in _FROM_TEXT.items():
        merged[key] = [{k: v for k, v in row.items() if k not in drop} for row in merged.get(key) or []]
    merged["phases"] = [dict(p, moments=[{k: v for k, v in m.items() if k != "items"} for m in p.get("moments") or []])
                        for p in merged["phases"]]
    out = {}
    for key in ORDER:
        val = merged.get(key)
        if key in REQUIRED:
            out[key] = val
            continue
        val = _prune(val, key)
        if val in (None, [], {}, ""):
            continue
        out[key] = val
    return out


def to_content(plan: dict, extra: dict | None = None, source: str | None = None) -> str:
    """The content file text for a plan (``extra`` = forms, tracks, prose from the parser)."""
    fm = front_matter(plan, extra)
    head = ["# Tệp này do trình nhập kế hoạch tạo ra" + (f" từ “{source}”" if source else "") + "."]
    head.append("# Biên tập viên cần đọc lại toàn bộ, nhất là các cảnh báo dưới đây, trước khi đăng.")
    warnings = plan.get("warnings") or []
    if warnings:
        head.append("# Cảnh báo:")
        head += [f"#   - {collapse(w)}" for w in warnings]
    else:
        head.append("# Không có cảnh báo.")
    for key in REQUIRED:
        if fm.get(key) in (None, ""):
            head.append(f"# THIẾU “{key}”: phải điền trước khi xây dựng trang.")
    dumped = frontmatter.dump(fm)
    body = to_markdown((extra or {}).get("document") or [])
    return "---\n" + "\n".join(head) + "\n" + dumped + "---\n\n" + body


def default_path(plan: dict, content_dir: str | os.PathLike = "content") -> Path:
    name = slug(plan.get("number") or "") or "ke-hoach-moi"
    return Path(content_dir) / "ke-hoach" / f"{name}.md"


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write via a temp file in the same folder and os.replace, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not force:
        raise FileExistsError(str(path))
    fd, tmp = tempfile.mkstemp(prefix=".nhap-", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if not force and path.exists():  # someone created it meanwhile
            raise FileExistsError(str(path))
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
