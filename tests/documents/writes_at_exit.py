"""A module the forkserver imports first (test_documents_workers: the forkserver leaves at once): it
notes that it was imported, and registers an exit handler that would note the forkserver's own exit,
were the interpreter's exit run to its end (handlers run last-registered first)."""
import atexit
import os
from pathlib import Path

_FOLDER = Path(os.environ["DAIHOI_TEST_EXIT_NOTES"])
(_FOLDER / f"imported-{os.getpid()}").write_text("", encoding="utf-8")
atexit.register(lambda: (_FOLDER / f"exited-{os.getpid()}").write_text("", encoding="utf-8"))
