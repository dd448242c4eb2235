"""Plan importer: a propaganda plan (Kế hoạch tuyên truyền) as .txt, .docx,
.pdf or .doc -> the contract dict ``plan/1`` (see shared contract plan-json.md).

    from daihoi.importer import import_file, PlanImportError
    plan = import_file("ke-hoach.docx")      # dict, with plan["warnings"]

Unreadable input raises PlanImportError (Vietnamese ``.message``); anything
readable gives a plan, with what could not be determined in ``warnings``.
"""
from .errors import ImportError_, PlanImportError
from .sources import import_file, read_lines

__all__ = ["import_file", "read_lines", "PlanImportError", "ImportError_"]
