"""The variety corpus (tests/importer/corpus) and how an import of it is scored.

Every plan source in corpus/src has one expected-values file in corpus/expected, and
six files in corpus/files, one per layout an editor receives (see make_corpus.py).
A plan is scored field by field: each scalar, each item of a list (and the list's
length), each field of each phase. A field is "silent wrong" when its value is not
empty, differs from the expected one, and no warning of the import is about it
(a warning is about a field when its `field` is that field or contains it, e.g. a
warning on "phases[2]" covers "phases[2].end").
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
LAYOUTS = {                       # layout name -> file suffix in corpus/files
    "text": ".txt",
    "Word, header table": ".table.docx",
    "Word, automatic numbering": ".auto.docx",
    "Word, Restart at 1": ".restart.docx",
    "PDF": ".pdf",
    ".doc": ".doc",
}


def names() -> list[str]:
    return sorted(p.stem for p in (CORPUS / "expected").glob("*.json"))


def expected(name: str, layout: str | None = None) -> dict:
    """The expected values; "by_layout" holds what one layout prints otherwise (the seeds'
    own .txt carries the closing block's brace annotations, its Word re-layout does not)."""
    exp = json.loads((CORPUS / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    exp.update(exp.pop("by_layout", {}).get(layout or "", {}))
    return exp


def cases() -> list[tuple[str, str, Path]]:
    """(plan name, layout, file) for every corpus file."""
    return [(n, layout, CORPUS / "files" / f"{n}{suffix}") for n in names() for layout, suffix in LAYOUTS.items()]


@dataclass
class Field:
    path: str
    want: object
    got: object

    @property
    def ok(self) -> bool:
        return self.got == self.want


def _moments(phase: dict) -> list[str]:
    return [m.get("when") for m in phase.get("moments") or []]


def fields(plan: dict, exp: dict) -> list[Field]:
    out: list[Field] = []
    for key, want in exp.items():
        got = plan.get(key)
        if key in ("bases", "phases", "reporting", "units", "recipients", "slogans"):
            got = got or []
            out.append(Field(f"{key}#", len(want), len(got)))
            for i, w in enumerate(want):
                g = got[i] if i < len(got) else None
                if not isinstance(w, dict):
                    out.append(Field(f"{key}[{i}]", w, g))
                    continue
                for k, v in w.items():
                    if g is None:
                        gv = None
                    elif k == "moments":
                        gv = _moments(g)
                    else:
                        gv = g.get(k)
                    out.append(Field(f"{key}[{i}].{k}", v, gv))
        elif key == "signer" and isinstance(want, dict):
            for k, v in want.items():
                out.append(Field(f"signer.{k}", v, (got or {}).get(k)))
        else:
            out.append(Field(key, want, got))
    return out


def covers(note_field: str, path: str) -> bool:
    base = path.rstrip("#")
    return note_field in (path, base) or path.startswith(note_field + ".") or path.startswith(note_field + "[")


def is_silent_wrong(f: Field, warned: list[str]) -> bool:
    if f.ok or f.got in (None, "", [], {}) or f.path.endswith("#") and f.got == 0:
        return False
    return not any(covers(w, f.path) for w in warned)


def warned_fields(plan: dict) -> list[str]:
    """The fields the import's warnings are about (each warning is a str that knows its fields)."""
    return [f for w in plan.get("warnings") or [] for f in getattr(w, "field", "").split(",") if f]
