"""How the clauses of many files become vectors at the embedder's own speed.

- Across files, not per file: a window of parsed documents is embedded as one job, its texts sorted by
  token count, so a batch pads to nearly its real length (per-file batches mixed long and short
  clauses and computed 1.56x the real tokens on ITU texts; sorted across files, 1.01x).
- Reuse: a clause whose embedded text is already in the index (a revised document keeps most of its
  clauses; the same text in two files) takes the stored vector, looked up by a hash of that text.
  A text queued earlier in the run takes that one's vector: each text is embedded once.
- The same files give the same vectors, however busy the machine. The int8 model quantizes each call's
  activations with one scale for the whole batch, so a clause's vector depends on its batch-mates
  (cosine 0.994 between one text embedded alone and in a batch of three: enough to reorder close
  hits). Windows are therefore cut by content alone: the thread takes the queue's first documents up to
  WINDOW_CLAUSES texts only once that window is closed (full, or followed by a document that does not
  fit) or a writer waits for one of its documents, and the writer's pace is set by what it has
  submitted, never by how far the thread has got.
- Threads by measurement: on a shared 2-core host one thread beat two (38.5 vs 30.3 sentences/s),
  on a quiet one two win. With SECTORBOT_EMBED_THREADS=0 the first batches are timed with one thread
  and with all cores (tokens per second) and the faster count is kept for the rest of the job; on a
  quiet machine (load average under a quarter per core) all cores are used without the trial.
"""

from __future__ import annotations

import logging
import os
import statistics
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from retrieval.core.models import ParsedDocument
from retrieval.indexing.catalog import search_text, text_key

if TYPE_CHECKING:  # numpy and the embedders come with the model: `parse` imports this module for neither
    import numpy as np

    from retrieval.indexing.embedders import Embedder

log = logging.getLogger(__name__)
BATCH_TOKENS = 4096  # tokens per embedder call: big enough to amortise a call, small enough to report progress
TRIAL_BATCHES = 2  # batches timed per thread count before choosing
WINDOW_CLAUSES = 512  # texts embedded as one length-sorted job: small enough that writing starts early
RECENT = 4 * WINDOW_CLAUSES  # texts of this run remembered for documents that repeat them
PROGRESS_EVERY = 0.2  # seconds between progress reports while waiting for a document's vectors


def _token_counts(embedder: Embedder, texts: Sequence[str]) -> list[int]:
    counts = getattr(embedder, "token_counts", None)
    if callable(counts):
        return list(counts(list(texts)))
    return [max(1, len(t) // 4) for t in texts]  # about 4 characters per token


def batches_by_length(counts: Sequence[int], budget: int = BATCH_TOKENS) -> list[list[int]]:
    """Indices sorted by token count, cut into batches of at most `budget` padded tokens (a batch
    pads to its longest member, which sorting makes nearly everyone's length)."""
    order = sorted(range(len(counts)), key=lambda i: counts[i])
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        if cur and counts[i] * (len(cur) + 1) > budget:
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    return out


QUIET_LOAD = 0.25  # load average per core under which the machine counts as quiet


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:  # not available on this platform: time the thread counts
        return float("inf")


class ThreadChooser:
    """Times the first batches with each candidate thread count, then keeps the fastest."""

    def __init__(self, embedder: Embedder, configured: int) -> None:
        self.embedder = embedder
        setter = getattr(embedder, "set_threads", None)
        cores = os.cpu_count() or 1
        self.setter: Callable[[int], None] | None = setter if callable(setter) else None
        self.candidates = [1, cores] if configured == 0 and cores > 1 and self.setter else []
        if self.candidates and _load() < QUIET_LOAD * cores:
            # Nothing else runs: all cores win, and timing one thread would only cost its slower batches.
            self.candidates = []
            configured = cores
        self.timings: dict[int, list[float]] = {n: [] for n in self.candidates}
        self.chosen: int | None = None if self.candidates else configured or None
        if self.setter and configured:
            self.setter(configured)

    def before(self) -> int | None:
        if self.chosen is not None or not self.candidates or self.setter is None:
            return None
        n = min(self.candidates, key=lambda c: len(self.timings[c]))
        self.setter(n)
        return n

    def after(self, threads: int | None, tokens: int, seconds: float) -> None:
        if threads is None or self.chosen is not None:
            return
        self.timings[threads].append(tokens / max(seconds, 1e-9))
        if all(len(v) >= TRIAL_BATCHES for v in self.timings.values()):
            self.chosen = max(self.candidates, key=lambda c: statistics.median(self.timings[c]))
            assert self.setter is not None
            self.setter(self.chosen)
            log.info("embedding with %d thread(s): %s tokens/s", self.chosen,
                     {c: round(statistics.median(v)) for c, v in self.timings.items()})


class Job:
    """One document's vectors, embedded ahead on the plan's thread while earlier documents are written."""

    def __init__(self, keys: list[str], found: dict[str, np.ndarray], todo: dict[str, str], reused: int) -> None:
        self.keys = keys
        self.vecs = dict(found)
        self.todo = todo  # text key → text still to embed
        self.reused = reused
        self.twins: dict[str, Job] = {}  # text key → the earlier job of this run that embeds that text
        self.done = threading.Event()
        self.error: BaseException | None = None
        if not todo:
            self.done.set()


class EmbeddingPlan:
    """Vectors for the clauses of the documents of one ingest run (it keeps the thread choice).

    `submit` queues a parsed document and returns at once; a thread embeds whatever is queued as one
    window and `collect` waits for a document's vectors. Ingest parses and writes (Python and Chroma, on
    its own thread) while this thread runs the model (onnxruntime releases the GIL): the writes that
    followed each document's embedding now overlap the next documents' embedding. Store reads and
    writes stay on the caller's thread; this one only calls the embedder."""

    def __init__(self, embedder: Embedder, lookup: Callable[[list[str]], dict[str, np.ndarray]],
                 threads: int = 0) -> None:
        self.embedder = embedder
        self.lookup = lookup
        self.chooser = ThreadChooser(embedder, threads)
        self.embedded = 0
        self.reused = 0
        self.tokens = 0
        self.seconds = 0.0
        self._queue: list[Job] = []
        self._wake = threading.Condition()
        self._closed = False
        self._progress = 0  # clauses embedded and not yet reported through `advance`
        self._thread: threading.Thread | None = None
        self._owner: OrderedDict[str, Job] = OrderedDict()  # the last RECENT texts queued, by submission
        self._waiting: set[Job] = set()  # jobs a writer waits for: their window is embedded even if not full
        self._outstanding = 0  # texts submitted to embed whose documents were not collected yet

    def submit(self, doc: ParsedDocument, reuse: bool = True) -> Job:
        """Queue a document; clauses whose text is stored take the stored vector (unless `reuse` is off:
        a damaged document is embedded afresh)."""
        keys: list[str] = []
        todo: dict[str, str] = {}
        for c in doc.clauses:
            t = search_text(c)
            k = text_key(t)
            keys.append(k)
            todo.setdefault(k, t)
        # A text queued earlier by this run takes that job's vector: the document that holds it may not be
        # written yet, so the store does not have it, and embedding it again in another window would give
        # it another vector. Which texts are remembered depends on the submissions alone.
        with self._wake:
            twins = {k: self._owner[k] for k in todo if k in self._owner}
        rest = sorted(k for k in todo if k not in twins)
        found = self.lookup(rest) if reuse and rest else {}
        for k in [*found, *twins]:
            del todo[k]
        job = Job(keys, found, todo, sum(k in found or k in twins for k in keys))
        job.twins = twins
        with self._wake:
            for k in todo:
                self._owner[k] = job
                self._owner.move_to_end(k)
            while len(self._owner) > RECENT:
                self._owner.popitem(last=False)
            if todo:
                self._outstanding += len(todo)
                self._queue.append(job)
                self._wake.notify()
        if todo:
            self._start()
        return job

    def pending(self) -> int:
        """Texts submitted to embed whose documents were not collected yet: how far ingest has parsed
        ahead of its writes. Counted from the submissions, not from the thread's progress, so when a
        document is written does not depend on the machine's speed (see the module note)."""
        with self._wake:
            return self._outstanding

    def collect(self, job: Job, advance: Callable[[int], None]) -> np.ndarray:
        """The document's vectors, rows in clause order; `advance(n)` hears of clauses embedded meanwhile."""
        if job.reused:
            self.reused += job.reused
            advance(job.reused)
            job.reused = 0
        for waited in [*dict.fromkeys(job.twins.values()), job]:
            if not waited.done.is_set():
                with self._wake:
                    self._waiting.add(waited)
                    self._wake.notify()
            while not waited.done.wait(PROGRESS_EVERY):
                self._report(advance)
            with self._wake:
                self._waiting.discard(waited)
            if waited.error is not None:
                raise waited.error
        self._report(advance)
        with self._wake:
            self._outstanding -= len(job.todo)
        import numpy as np

        vecs = {**{k: owner.vecs[k] for k, owner in job.twins.items()}, **job.vecs}
        return np.stack([vecs[k] for k in job.keys]) if job.keys else np.zeros((0, 1), np.float32)

    def vectors(self, docs: Sequence[ParsedDocument], advance: Callable[[int], None],
                reuse: bool = True) -> list[np.ndarray]:
        """One array per document, rows in clause order (submit and collect at once)."""
        jobs = [self.submit(d, reuse) for d in docs]
        return [self.collect(j, advance) for j in jobs]

    def close(self) -> None:
        """Stop the thread after its current batch and wait for it: a one-shot process must not exit with
        the model still running on another thread (onnxruntime aborts)."""
        with self._wake:
            self._closed = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> EmbeddingPlan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _report(self, advance: Callable[[int], None]) -> None:
        with self._wake:
            n, self._progress = self._progress, 0
        if n:
            advance(n)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ingest-embed", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._closed and not self._window_ready():
                    self._wake.wait()
                if self._closed:
                    for job in self._queue:
                        job.error = RuntimeError("ingest stopped before this document was embedded")
                        job.done.set()
                    self._queue.clear()
                    return
                window = self._take_window()
            try:
                self._embed(window)
            except BaseException as e:  # the waiting document reports it (an endpoint failed, out of memory)
                for job in window:
                    job.error = e
            for job in window:
                job.done.set()

    def _window_size(self) -> int:
        """How many jobs from the front of the queue make the next window: whole documents up to
        WINDOW_CLAUSES texts, at least one."""
        n = size = 0
        while n < len(self._queue) and (n == 0 or size + len(self._queue[n].todo) <= WINDOW_CLAUSES):
            size += len(self._queue[n].todo)
            n += 1
        return n

    def _window_ready(self) -> bool:
        """The next window is cut the same way whenever it is taken: it is full or followed by a document
        that does not fit, or a writer waits for a document queued (nothing more will join it first)."""
        if not self._queue:
            return False
        n = self._window_size()
        return (n < len(self._queue) or sum(len(j.todo) for j in self._queue[:n]) >= WINDOW_CLAUSES
                or any(j in self._waiting for j in self._queue))

    def _take_window(self) -> list[Job]:
        """The next window (see `_window_size`): sorted by length across its documents, batches pad to
        nearly their real length."""
        n = self._window_size()
        window, self._queue = self._queue[:n], self._queue[n:]
        return window

    def _embed(self, window: list[Job]) -> None:
        import numpy as np

        todo: dict[str, str] = {}
        for job in window:
            todo.update(job.todo)  # identical texts in one window are embedded once
        todo_keys = list(todo)
        todo_texts = [todo[k] for k in todo_keys]
        counts = _token_counts(self.embedder, todo_texts)
        wanted: dict[str, int] = {}
        for job in window:
            for k in job.keys:
                if k in job.todo:
                    wanted[k] = wanted.get(k, 0) + 1
        for batch in batches_by_length(counts):
            if self._closed:
                raise RuntimeError("ingest stopped before this document was embedded")
            threads = self.chooser.before()
            t0 = time.perf_counter()
            out = self.embedder.embed([todo_texts[i] for i in batch])
            dt = time.perf_counter() - t0
            tokens = sum(counts[i] for i in batch)
            self.chooser.after(threads, tokens, dt)
            self.tokens += tokens
            self.seconds += dt
            got = {todo_keys[i]: np.asarray(out[row], dtype=np.float32) for row, i in enumerate(batch)}
            for job in window:
                job.vecs.update({k: v for k, v in got.items() if k in job.todo})
            done = sum(wanted[k] for k in got)
            with self._wake:
                self.embedded += done
                self._progress += done
