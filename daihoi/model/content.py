"""Load and check an editor's content folder into the site model (plain data).

    content/
      _du-lieu/cai-dat.yml   site settings (set once)
      _du-lieu/dai-hoi.yml   congresses, by id
      ke-hoach/*.md          plans: YAML front matter + Markdown prose
      *.md                   other pages
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from daihoi.cli import kept
from daihoi.model import resolve, schema, source, validate
from daihoi.model.plan import Plan
from daihoi.model.problems import Problem, errors
from daihoi.text.vntext import slugify

DATA_DIR = "_du-lieu"
SETTINGS_FILE = f"{DATA_DIR}/cai-dat.yml"
CONGRESS_FILE = f"{DATA_DIR}/dai-hoi.yml"
PLANS_DIR = "ke-hoach"


@dataclass
class Site:
    settings: dict
    congresses: dict            # id -> congress dict (with "id")
    plans: list                 # resolved plans (daihoi.model.plan.Plan), by date then number

    @property
    def target(self) -> dict:
        return self.congresses[self.settings["target_congress"]]

    @property
    def url(self) -> str:
        """The section's absolute URL ("https://example.gov.vn/huong-toi-dai-hoi/"), or "" if not set."""
        portal = (self.settings.get("portal_url") or "").rstrip("/")
        base = (self.settings.get("base_path") or "/").strip("/")
        return "" if not portal else f"{portal}/{base}/" if base else f"{portal}/"


def shown(file: Path) -> str:
    """A path as the editor sees it: relative to the working folder when possible."""
    return _shown(str(file), os.getcwd())


@lru_cache(maxsize=65536)
def _shown(file: str, cwd: str) -> str:
    # Remembered: every file is shown by the check, the model and the build (4,000 times on 1,000 posts).
    try:
        rel = os.path.relpath(file, cwd)
    except ValueError:          # another drive, on Windows
        rel = file
    return file if rel.startswith("..") else rel.replace(os.sep, "/")


def _read(file: Path, spec: schema.F, problems: list):
    src, found = source.read(file, shown(file))
    problems.extend(found)
    if src is None:
        return None, None
    checker = schema.Checker(src)
    data = checker.check(spec, src.data if src.data is not None else {})
    problems.extend(checker.problems)
    return data, src


def load_plan_file(file: Path, congresses: dict | None = None) -> tuple[Plan | None, list[Problem]]:
    """Check one plan file alone (used by the importer and `build.py new plan`)."""
    problems: list[Problem] = []
    plan, src = _read(file, schema.PLAN, problems)
    if plan is None:
        return None, problems
    if congresses is not None:
        problems.extend(validate.plan_rules(plan, src, congresses))
    else:
        problems.extend(p for p in validate.plan_rules(plan, src, {}) if p.code != "unknown-congress")
    if errors(problems):
        return None, problems
    resolved, found = resolve.resolve(_finish_plan(plan, src, file), congresses or {}, src)
    return resolved, problems + found


def _finish_plan(plan: dict, src, file: Path) -> dict:
    plan["path"] = f"{PLANS_DIR}/{file.name}"
    plan["slug"] = slugify(file.stem)
    plan["body"] = src.body
    plan["body_line"] = src.body_line
    return plan


_last: dict = {}      # fingerprint -> what the plans and settings give: read once per state of those files
# The reading of the plans as (fingerprint, pickled value): an earlier run's (remember), and this
# run's, for the next one (keep).
_kept: dict = {"before": None, "made": None}


def _is_plan(folder: str, name: str, content_dir: Path) -> bool:
    """A plan's file: Markdown directly in ke-hoach/, other than that folder's own page (index.md)."""
    return name.endswith(".md") and name != "index.md" and folder == os.path.join(str(content_dir), PLANS_DIR)


_TEXT = (".md", ".yml", ".yaml")


def fingerprint(content_dir: Path) -> tuple:
    """Every file the plans are read from: everything but the pages' Markdown (posts and other
    pages). The plans and data files (text, a few) by a digest of their bytes; the others
    (pictures, attachments: the plans only look at whether they are there and their size) by size
    and modification time. Changes when an editor saves one of them. The same folder named another
    way ("noi-dung", "./noi-dung", its full path) has the same fingerprint: the check names the
    folder as typed and the engine by its full path, and each took the other's for a change."""
    content_dir = Path(content_dir).resolve()
    out = []
    for root, dirs, files in os.walk(content_dir):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md") and not _is_plan(root, name, content_dir):
                continue
            path = os.path.join(root, name)
            try:
                if name.endswith(_TEXT):
                    with open(path, "rb") as f:
                        out.append((root, name, hashlib.blake2b(f.read(), digest_size=16).digest()))
                else:
                    st = os.stat(path)
                    out.append((root, name, st.st_size, st.st_mtime_ns))
            except OSError:
                continue
    return (str(content_dir), tuple(out))


def remember(file: Path, tag: str) -> None:
    """Take up what an earlier run read of the settings, congresses and plans (`keep`), if it was
    written by the same code (`tag`) from files with the same fingerprint: each build is a new
    process, and reading and resolving three plans again was 0.16 s of a rebuild after one edit
    (the preview keeps them in memory). A file that cannot be read is read from the plans again."""
    before = kept.read(file, tag)
    _kept.update(before=before if isinstance(before, tuple) and len(before) == 2 else None, made=None)


def keep(file: Path, tag: str) -> None:
    """Write what this run read of the plans (as `_load_plans` gave it, before any use), for the
    next run (daihoi/cli/kept.py); nothing if it took it up from `remember`."""
    if _kept["made"] is not None:
        kept.write(file, tag, _kept["made"])


def load(content_dir: Path, plans_read: Callable[[Site], None] | None = None) -> tuple[Site | None, list[Problem]]:
    """The site model (None when there is any error) and every problem found, warnings included.

    The check before a build and each hook ask for the same content. What the settings, the
    congresses and the plans give is read once per state of their files: saving a post in the
    preview (`serve`) reads the plans again only if one of their files changed. Every other
    page is looked at each time (each file's reading is remembered by its bytes: source.py).

    `plans_read(site)` is called once the plans are read without error, before the other pages
    are (a build begins the plans' documents there: reading 1,000 posts took a quarter of a
    second, with the other cores idle); the site returned may still be None, for them.
    """
    content_dir = Path(content_dir)
    key = fingerprint(content_dir)
    if key not in _last:
        _last.clear()
        before = _kept["before"]
        if before is not None and before[0] == key:
            _last[key] = pickle.loads(before[1])
        else:
            _last[key] = _load_plans(content_dir)
            # Kept for the next run as it is now, pickled: the build goes on to use (and add to) it.
            _kept["made"] = (key, pickle.dumps(_last[key], protocol=pickle.HIGHEST_PROTOCOL))
    settings, congresses, problems, resolved, resolve_problems = _last[key]
    if plans_read is not None and settings is not None and not errors(problems + resolve_problems):
        plans_read(Site(settings, congresses, list(resolved)))
    problems = problems + _page_problems(content_dir)
    if errors(problems) or settings is None:
        return None, sorted(problems)
    return Site(settings, congresses, list(resolved)), sorted(problems + resolve_problems)


def _page_problems(content_dir: Path) -> list[Problem]:
    """Other pages (posts included): only what would break the build (encoding, YAML syntax, size)."""
    out: list[Problem] = []
    for file in sorted(content_dir.rglob("*.md")):
        if not _is_plan(str(file.parent), file.name, content_dir):
            out.extend(source.read(file, shown(file))[1])
    return out


def _load_plans(content_dir: Path) -> tuple:
    """(settings, congresses, plans resolved, problems, the problems resolving found): what the
    settings, the congresses and the plans give. The plans are resolved only when these files
    have no error; `load` reports what resolving found only when the pages have none either."""
    problems: list[Problem] = []

    settings, settings_src = None, None
    settings_file = content_dir / SETTINGS_FILE
    if settings_file.is_file():
        settings, settings_src = _read(settings_file, schema.SETTINGS, problems)
    else:
        problems.append(Problem(shown(settings_file), 0, "Thiếu tệp cài đặt chuyên mục",
                                "Tạo tệp này theo mẫu trong README (tên đơn vị, tiêu đề chuyên mục, đại hội hướng tới)",
                                code="missing-file"))

    congresses: dict = {}
    congress_file = content_dir / CONGRESS_FILE
    if congress_file.is_file():
        src, found = source.read(congress_file, shown(congress_file))
        problems.extend(found)
        if src is not None:
            if not isinstance(src.data, dict):
                problems.append(Problem(src.path, src.line(()), "Danh sách đại hội phải gồm các mục “mã: ...”",
                                        "Viết mỗi đại hội dưới một mã, ví dụ “xiii-toan-quoc:”", code="type"))
            else:
                for cid, raw in src.data.items():
                    checker = schema.Checker(src)
                    congress = checker.check(schema.CONGRESS, raw if raw is not None else {}, (cid,))
                    problems.extend(checker.problems)
                    if congress is not None:
                        problems.extend(validate.congress_rules(cid, congress, src))
                        congresses[cid] = dict(congress, id=cid)
    else:
        problems.append(Problem(shown(congress_file), 0, "Thiếu tệp danh sách đại hội",
                                "Tạo tệp này theo mẫu trong README", code="missing-file"))

    if settings and settings.get("target_congress") and settings["target_congress"] not in congresses \
            and congress_file.is_file():
        problems.append(validate.unknown_congress(settings_src, ("target_congress",), settings["target_congress"],
                                                  congresses))

    plans, located = [], []
    for file in sorted((content_dir / PLANS_DIR).glob("*.md")):
        if not _is_plan(str(file.parent), file.name, content_dir):
            continue
        plan, src = _read(file, schema.PLAN, problems)
        if plan is None:
            continue
        problems.extend(validate.plan_rules(plan, src, congresses))
        problems.extend(validate.attachments(plan, src, content_dir, file.parent))
        problems.extend(validate.congress_links(plan, src, congresses))
        located.append((plan, src))
        plans.append((_finish_plan(plan, src, file), src))
    problems.extend(validate.duplicate_numbers(located))
    problems.extend(validate.duplicate_slugs(located))

    resolved, found = [], []
    if not errors(problems) and settings is not None:
        for plan, src in plans:
            one, more = resolve.resolve(plan, congresses, src)
            resolved.append(one)
            found.extend(more)
        resolved.sort(key=lambda p: (p.date, p.number))
    return settings, congresses, problems, resolved, found
