"""Warnings for the editor that also say which field they are about.

A warning is Vietnamese text naming the line ("dòng 12: ..."), as the contract
wants, and it is a `str`, so JSON, the content file's comments and every caller
see plain text. It also carries `field`, the plan key it is about ("number",
"phases[2]", "bases[0].date", "units"; several joined by "," when it is about
each of them; "" for notes about the whole file), so a
value the importer is unsure of can be told from a silent wrong value: every
field that may be wrong must have a warning with its field.
"""
from __future__ import annotations


class Note(str):
    field: str
    line: int | str

    def __new__(cls, line: int | str, field: str, text: str) -> "Note":
        where = line if isinstance(line, str) and line.startswith("dòng ") else f"dòng {line}"
        note = super().__new__(cls, f"{where}: {text}")
        note.field = field
        note.line = line
        return note

    def __reduce__(self):  # copy / pickle keep the field
        return (_rebuild, (str(self), self.field, self.line))


def _rebuild(text: str, field: str, line) -> Note:
    note = str.__new__(Note, text)
    note.field = field
    note.line = line
    return note


def note(line: int | str, field: str, text: str) -> Note:
    return Note(line, field, text)


def fields(n: str) -> list[str]:
    """The fields a warning is about."""
    return [f for f in getattr(n, "field", "").split(",") if f]


def retarget(n: str, field: str) -> Note:
    """The same warning about another field (a phase's warnings once its index is known)."""
    out = str.__new__(Note, str(n))
    out.field = field
    out.line = getattr(n, "line", 0)
    return out


def span(first: int | None, last: int | None = None) -> str:
    """'dòng 3' or 'dòng 1–7' for a range of lines."""
    if first is None:
        return "dòng 1"
    if last and last > first:
        return f"dòng {first}–{last}"
    return f"dòng {first}"
