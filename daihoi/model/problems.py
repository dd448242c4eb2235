"""Problems found in content: what is wrong, where, and how to fix it.

Every message a web editor sees has the shape
`content/ke-hoach/x.md:12: <what is wrong>. <how to fix>` so that any editor can
open the file at the line.
"""
from __future__ import annotations

from dataclasses import dataclass

GUIDE = "docs/huong-dan-bien-tap.md"   # each rule `code` has an entry there: #loi-<code>

ERROR = "lỗi"
WARNING = "cảnh báo"


@dataclass(frozen=True, order=True)
class Problem:
    path: str            # as the editor sees it, e.g. "content/ke-hoach/x.md"
    line: int            # 1-based; 0 when the whole file is concerned
    what: str            # what is wrong, in Vietnamese, no final period
    fix: str = ""        # how to fix it, in Vietnamese, no final period
    level: str = ERROR
    code: str = ""       # stable rule id, for tests and the editors' guide

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.what}."
        if self.fix:
            text += f" {self.fix}."
        if self.level == WARNING:
            text = f"{where}: (cảnh báo) " + text[len(where) + 2:]
        if self.code:
            text += f" Xem: {GUIDE}#loi-{self.code}"
        return text

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
