"""The one exception the importer raises: input it cannot read at all.

Anything it can read but not fully understand becomes a plan with warnings
instead, so an editor always gets either a result to review or a reason.
"""


class PlanImportError(Exception):
    """Unreadable input. ``message`` is Vietnamese and says what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# The brief names the class both ways; keep one class under both names.
ImportError_ = PlanImportError
