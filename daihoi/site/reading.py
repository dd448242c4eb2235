"""What a finished page is read for once the engine has made it: the last safety check and its
search text, in the worker processes while the engine makes the next pages.

Both only read a page (they change no byte of it), and on 1,000 posts they were about 1.7 s of
a cold build's own process: the screen of `htmlsafety.final_check` 0.5 s, the page's text 0.4 s,
its words 0.8 s. The pages go to the workers (daihoi.documents.workers) in batches, in order,
and the results come back in the same order; while the workers keep up, they write the pages they
read as well (`Reader.keeping_up`). Read there, an unsafe page stops the build at its
end instead of at the page: nothing is published either way, because the build's folder is only
put in place after it succeeds. A build that cannot wait for them (the preview, one core,
DAIHOI_WORKERS=1) reads each page at once, and stops at an unsafe page, as before.
"""
from __future__ import annotations

from daihoi.documents import workers
from daihoi.site import htmlsafety, output, search_index

BATCH = 50          # pages per task: one task per page cost the build more in passing than it saved


def read(data: bytes, indexed: bool, facts: dict, target: tuple[str, bool] | None = None) -> tuple:
    """(final_check's dangers, the page's search entry or None, its file if it was left alone) of one
    finished page, the bytes of its file.

    `facts`: the page's "url" and "summary", its result "title" (None: the page's heading, or else
    its "fallback" title). `target`: (its file, whether the build's folder was empty at the start):
    the page is written there (daihoi.site.output.put); None: not written here."""
    html = data.decode("utf-8")
    dangers = htmlsafety.final_check(html)
    entry = None
    found = search_index.read_page(html) if indexed else None
    if found:
        entry = {"url": facts["url"], "title": facts["title"] or found["title"] or facts["fallback"],
                 "text": found["text"], "lead": found["lead"], "summary": facts["summary"]}
        # The page's words go into the page cache with it: after one edit, one page is read again.
        entry["terms"] = search_index.packed_terms(entry)
    left_alone = target[0] if target is not None and output.put(data, *target) else None
    return dangers, entry, left_alone


def read_all(items: list) -> list:
    return [read(*item) for item in items]


class Reader:
    """Pages read in the worker processes, in batches; `results()` waits and gives them in order."""

    def __init__(self):
        self.count = 0                  # pages added
        self._batch: list = []
        self._sent: list = []           # a batch's results, or the future of them, in order
        self._workers = workers.workers()       # (asked once: it reads the system's count of cores)
        self._done_up_to = 0            # the batches before it are read (keeping_up)

    def add(self, data: bytes, indexed: bool, facts: dict,
            target: tuple[str, bool] | None = None) -> tuple[int, bool]:
        """Read one page in a worker, and write it at `target` (`read`) while the workers keep up
        (`keeping_up`): (its number in `results()`, whether it is written there). Its bytes are handed
        over as they are: a page's text was encoded again to be pickled."""
        target = target if target is not None and self.keeping_up() else None
        self._batch.append((data, indexed, facts, target))
        self.count += 1
        if len(self._batch) >= BATCH:
            self._send()
        return self.count - 1, target is not None

    def keeping_up(self) -> bool:
        """Do the workers keep up with the pages added? (No batch waits for a worker.) Writing a page's
        file costs its writer about as much as reading it (1,300 pages: 0.8 s of CPU, most of it the
        system's): the workers write the pages they read while they keep up, and the build's own process
        writes them when they fall behind. Written by the workers always, the build's own process waited
        for them at the end as long as it had saved; this way its own time fell by a tenth."""
        # Batches are read in about the order they were sent: those read already are passed over once.
        while self._done_up_to < len(self._sent) and _is_read(self._sent[self._done_up_to]):
            self._done_up_to += 1
        return sum(not _is_read(sent) for sent in self._sent[self._done_up_to:]) <= self._workers

    def _send(self) -> None:
        batch, self._batch = self._batch, []
        future = workers.submit(read_all, (batch,), {})
        self._sent.append(future if future is not None else read_all(batch))     # no pool: read here

    def results(self) -> list:
        """Every page's (dangers, entry, its file if left alone), in the order they were added (waits for
        the workers)."""
        if self._batch and not self._sent:
            # Fewer pages than a batch (a rebuild after one edit): read here, without starting workers.
            self._sent.append(read_all(self._batch))
            self._batch = []
        if self._batch:
            self._send()
        out: list = []
        for sent in self._sent:
            out += sent if isinstance(sent, list) else workers.result(sent)
        return out


def _is_read(sent) -> bool:
    return isinstance(sent, list) or sent.done()


def parallel() -> bool:
    """Are there worker processes to read pages in?"""
    return workers.workers() >= 2
