"""How the clauses of many files become vectors at the embedder's own speed.

- Across files, not per file: a window of parsed documents is embedded as one job, its texts sorted by
  token count, so a batch pads to nearly its real length (per-file batches mixed long and short
  clauses and computed 1.56x the real tokens on ITU texts; sorted across files, 1.01x).
- Reuse: a clause whose embedded text is already in the index (a revised document keeps most of its
  clauses; the same text in two files) takes the stored vector, looked up by a hash of that text.
  Identical texts in one window are embedded once.
- Threads by measurement: on a shared 2-core host one thread beat two (38.5 vs 30.3 sentences/s),
  on a quiet one two win. With SECTORBOT_EMBED_THREADS=0 the first batches are timed with one thread
  and with all cores (tokens per second) and the faster count is kept for the rest of the job; on a
  quiet machine (load average under a quarter per core) all cores are used without the trial.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence

import numpy as np

from retrieval.core.models import ParsedDocument
from retrieval.indexing.catalog import search_text, text_key
from retrieval.indexing.embedders import Embedder

log = logging.getLogger(__name__)
BATCH_TOKENS = 4096  # tokens per embedder call: big enough to amortise a call, small enough to report progress
TRIAL_BATCHES = 2  # batches timed per thread count before choosing


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
            self.chosen = max(self.candidates, key=lambda c: float(np.median(self.timings[c])))
            assert self.setter is not None
            self.setter(self.chosen)
            log.info("embedding with %d thread(s): %s tokens/s", self.chosen,
                     {c: round(float(np.median(v))) for c, v in self.timings.items()})


class EmbeddingPlan:
    """Vectors for the clauses of a window of documents; one per ingest run (it keeps the thread choice)."""

    def __init__(self, embedder: Embedder, lookup: Callable[[list[str]], dict[str, np.ndarray]],
                 threads: int = 0) -> None:
        self.embedder = embedder
        self.lookup = lookup
        self.chooser = ThreadChooser(embedder, threads)
        self.embedded = 0
        self.reused = 0
        self.tokens = 0
        self.seconds = 0.0

    def vectors(self, docs: Sequence[ParsedDocument], advance: Callable[[int], None],
                reuse: bool = True) -> list[np.ndarray]:
        """One array per document, rows in clause order. `advance(n)` reports clauses done."""
        texts = [[search_text(c) for c in d.clauses] for d in docs]
        keys = [[text_key(t) for t in ts] for ts in texts]
        found = self.lookup(sorted({k for ks in keys for k in ks})) if reuse else {}
        todo: dict[str, str] = {}
        for ks, ts in zip(keys, texts, strict=True):
            for k, t in zip(ks, ts, strict=True):
                if k not in found:
                    todo.setdefault(k, t)
        # Advance progress for reused clauses at once, for embedded ones as their batch finishes.
        per_key: dict[str, int] = {}
        for ks in keys:
            for k in ks:
                per_key[k] = per_key.get(k, 0) + 1
        reused = sum(n for k, n in per_key.items() if k in found)
        self.reused += reused
        if reused:
            advance(reused)
        todo_keys = list(todo)
        todo_texts = [todo[k] for k in todo_keys]
        counts = _token_counts(self.embedder, todo_texts)
        vecs = dict(found)
        for batch in batches_by_length(counts):
            threads = self.chooser.before()
            t0 = time.perf_counter()
            out = self.embedder.embed([todo_texts[i] for i in batch])
            dt = time.perf_counter() - t0
            tokens = sum(counts[i] for i in batch)
            self.chooser.after(threads, tokens, dt)
            self.tokens += tokens
            self.seconds += dt
            for row, i in enumerate(batch):
                vecs[todo_keys[i]] = np.asarray(out[row], dtype=np.float32)
            done = sum(per_key[todo_keys[i]] for i in batch)
            self.embedded += done
            advance(done)
        return [np.stack([vecs[k] for k in ks]) if ks else np.zeros((0, 1), np.float32) for ks in keys]
