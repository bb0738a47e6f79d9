"""Hybrid search (dense + BM25) and exact reference lookup.

Fusion is a convex combination of min-max normalised scores over the union of both candidate lists.
A lexical-only hit gets its true cosine from its stored vector; a dense-only hit scores 0 on the BM25
side (it is not among the best BM25 matches). Reciprocal rank fusion, kept for comparison, throws the scores away: a clause that BM25 ranks
far ahead (the only one naming "WTDC Resolution 59") loses to clauses that are middling in both lists.
Measured on the evaluation set and in bench/retrieval_bench.py (README)."""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pydantic import BaseModel

from retrieval.answering.cite import CiteResult, resolve
from retrieval.core.background import Background
from retrieval.core.config import Settings
from retrieval.core.models import Clause, Reference, SearchHit
from retrieval.indexing.catalog import Catalog
from retrieval.indexing.store import ClauseIndex, RegistryEntry, sector_key

if TYPE_CHECKING:  # the embedders (and numpy) load with the model, which `cite` and `status` never need
    from retrieval.indexing.embedders import Embedder

log = logging.getLogger(__name__)
RRF_K = 60
CANDIDATES = 50
EXACT_DENSE = 5000  # named documents with up to this many clauses are scored from their stored vectors
OVERFETCH = 4  # a filtered search reads this many times the candidates, unfiltered, then filters them
DENSE_WEIGHT = 0.5  # convex fusion: share of the dense score; the rest is BM25


class Filters(BaseModel):
    body: str | None = None
    doc_ids: list[str] | None = None
    kind: str | None = None
    sector: str | None = None
    part: str | None = None
    revision_year: int | None = None

    def chroma_where(self) -> dict[str, Any] | None:
        conds: list[dict[str, Any]] = []
        for key in ("body", "kind", "part"):
            value = getattr(self, key)
            if value:
                conds.append({key: value})
        if self.revision_year:
            conds.append({"revision_year": self.revision_year})
        if self.sector:
            conds.append({sector_key(self.sector): True})
        if self.doc_ids is not None:
            conds.append({"doc_id": {"$in": list(self.doc_ids)}})
        if not conds:
            return None
        return conds[0] if len(conds) == 1 else {"$and": conds}

    def accepts(self, c: Clause) -> bool:
        return (
            (not self.body or c.instrument.body == self.body)
            and (not self.kind or c.instrument.kind == self.kind)
            and (not self.part or c.part == self.part)
            and (not self.revision_year or (c.instrument.revision is not None
                                            and c.instrument.revision.year == self.revision_year))
            and (not self.sector or self.sector in c.sectors)
            and (self.doc_ids is None or c.doc_id in self.doc_ids)
        )


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: score(d) = Σ 1 / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, cid in enumerate(ranking, 1):
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (k + rank)
    return scores


def convex(dense: dict[str, float], lexical: dict[str, float], weight: float) -> dict[str, float]:
    """weight·dense + (1−weight)·BM25, each min-max normalised over the candidates; a clause absent
    from the BM25 list scores 0 there (it shares no rare word with the query)."""
    ids = set(dense) | set(lexical)
    if not ids:
        return {}

    def norm(scores: dict[str, float]) -> dict[str, float]:
        values = [scores.get(i, 0.0) for i in ids]
        lo, hi = min(values), max(values)
        span = hi - lo
        return {i: (scores.get(i, 0.0) - lo) / span if span > 0 else 1.0 for i in ids}

    d, lx = norm(dense), norm(lexical)
    return {i: weight * d[i] + (1 - weight) * lx[i] for i in ids}


class _Clock:
    """Milliseconds per stage of one search, kept on the engine for the benchmark's breakdown."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._t = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = 1000 * (now - self._t)
        self._t = now


class _Live(NamedTuple):
    """What one search reads, swapped as a whole so it never mixes two generations."""

    catalog: Catalog
    gens: frozenset[str]
    gen_of: dict[str, str]
    key: str


class Engine:
    """One per process: the index, the embedder and the live catalog. Every few seconds it checks the
    registry so replicas see documents another process ingested; a changed registry is loaded on a
    background thread while questions go on being answered from the catalog in hand (at 100k clauses a
    rebuild takes seconds, which nobody in a meeting should wait for)."""

    REFRESH_SECONDS = 5.0

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._index: ClauseIndex | None = None
        self._live: _Live | None = None
        self._checked = 0.0
        self._build_lock = threading.Lock()
        self._building = threading.Event()
        self.fusion: Literal["convex", "rrf"] = "convex"
        self.last_timings: dict[str, float] = {}
        self._loading: Background[Embedder] | None = None
        self._read_ahead: dict[str, RegistryEntry] | None = None  # the registry as warm() read it, for the first build

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from retrieval.indexing.embedders import make_embedder

            self._embedder = self._loading.result() if self._loading else make_embedder(self.settings)
        return self._embedder

    def warm(self) -> None:
        """For a process about to search: the model loads on one thread, and Chroma's vector index (read
        from disk at the collection's first call: 0.3-0.5 s at 100k clauses) on another, while this thread
        imports the answering code and loads the catalog. The model's load releases the GIL for part of
        its 0.3 s; Chroma (1.5.9) holds it for the whole of its load (measured: a loop on another thread
        stalls), so that load is not hidden, only done before the search asks for it.

        An embedded store is opened for reading without chromadb (ClauseIndex.read_directly), and the
        registry is read before the vector index starts loading: Chroma serves one call at a time, so a
        registry read issued during the load waited for all of it."""
        if self._embedder is None and self._loading is None:
            from retrieval.indexing.embedders import make_embedder

            self._loading = Background(lambda: make_embedder(self.settings), "load-model")
        index = self.index  # made here: two threads must not each make one
        if index.read_directly():
            try:
                self._read_ahead = index.registry()
            except Exception:  # the first build reads it again and reports what is wrong, where it did before
                log.debug("reading the registry ahead failed", exc_info=True)
            if self._read_ahead == {}:
                return  # an empty index is about to be filled (cli._ensure_indexed): nothing to load
        Background(lambda: self._warm_dense(index), "load-vectors")

    def _warm_dense(self, index: ClauseIndex) -> bool:
        try:
            # Any call on the clause collection loads its vector index; a count needs no model.
            index.clauses_collection.count()
        except Exception:  # the real query reports what is wrong (no store)
            log.debug("warming the vector index failed", exc_info=True)
        return True

    @property
    def index(self) -> ClauseIndex:
        if self._index is None:
            # The name comes from settings: a cite or a status must not load the model to open the store.
            from retrieval.indexing.embedder_names import embedder_name

            self._index = ClauseIndex(self.settings, embedder_name(self.settings))
        return self._index

    def catalog(self, fresh: bool = False) -> Catalog:
        """The live catalog. `fresh=True` loads the registry's current state before returning."""
        return self._state(fresh).catalog

    def _state(self, fresh: bool = False) -> _Live:
        live = self._live
        if fresh or live is None:
            return self._rebuild()
        if time.monotonic() - self._checked > self.REFRESH_SECONDS:
            self._checked = time.monotonic()
            if self.index.fingerprint() != live.key and not self._building.is_set():
                self._building.set()
                threading.Thread(target=self._rebuild_in_background, name="catalog", daemon=True).start()
        return live

    def documents(self) -> int:
        """How many documents the index holds, as the catalog in hand (or the registry warm() read) says."""
        if self._live is None and self._read_ahead is not None:
            return len(self._read_ahead)
        return len(self._state().gen_of)

    def _rebuild(self) -> _Live:
        with self._build_lock:
            # The registry is read under the lock, so the last build to finish is of the newest state; the
            # one warm() read a moment ago serves the first build.
            registry, self._read_ahead = self._read_ahead or self.index.registry(), None
            live = _Live(catalog=self.index.catalog(registry), gens=frozenset(e.gen for e in registry.values()),
                         gen_of={doc_id: e.gen for doc_id, e in registry.items()},
                         key=self.index.fingerprint(registry))
            self._live = live
            self._checked = time.monotonic()
            return live

    def _rebuild_in_background(self) -> None:
        try:
            self._rebuild()
        except Exception:  # the catalog in hand keeps serving; the next check tries again
            log.exception("could not load the changed index; still answering from the previous one")
        finally:
            self._building.clear()

    def search(self, query: str, k: int = 5, filters: Filters | None = None) -> list[SearchHit]:
        live = self._state()
        catalog = live.catalog
        if not catalog.clauses:
            return []
        filters = filters or Filters()
        clock = _Clock()
        vec = self.embedder.embed_query(query)
        clock.lap("embed query")
        dense = self._dense(vec, filters, live)
        clock.lap("dense (Chroma)")
        ranked = catalog.lexical.search(query, CANDIDATES * 2)
        clock.lap("BM25")
        lexical = [(cid, s) for cid, s in ranked
                   if cid in catalog.by_id and filters.accepts(catalog.by_id[cid])][:CANDIDATES]
        clock.lap("filters")
        sim = dict(dense)
        lex = dict(lexical)
        dense_rank = {cid: i for i, (cid, _) in enumerate(dense, 1)}
        lex_rank = {cid: i for i, (cid, _) in enumerate(lexical, 1)}
        # Every lexical candidate gets its true cosine from its stored vector.
        missing = [(cid, live.gen_of.get(catalog.by_id[cid].doc_id, "")) for cid in lex if cid not in sim]
        for cid, v in self.index.vectors(missing).items():
            sim[cid] = float(v @ vec)
        clock.lap("vectors of lexical-only hits")
        if self.fusion == "rrf":
            fused = rrf([[cid for cid, _ in dense], [cid for cid, _ in lexical]])
        else:
            fused = convex(sim, lex, DENSE_WEIGHT)
        hits: list[SearchHit] = []
        for cid, score in sorted(fused.items(), key=lambda kv: kv[1], reverse=True):
            clause = catalog.by_id.get(cid)
            if clause is None:
                continue
            hits.append(SearchHit(clause=clause, score=score, dense_rank=dense_rank.get(cid),
                                  lexical_rank=lex_rank.get(cid), similarity=sim.get(cid),
                                  lexical_score=lex.get(cid)))
            if len(hits) >= k:
                break
        clock.lap("fusion")
        self.last_timings = clock.laps
        return hits

    def _dense(self, vec: Any, filters: Filters, live: _Live) -> list[tuple[str, float]]:
        """The best dense candidates that pass the filters. Chroma filters by scanning its metadata
        rows: 1–6 s a query at 100k clauses. So named documents are scored exactly from their stored
        vectors, and other filters are applied to an unfiltered query's over-fetched candidates;
        Chroma filters only when too few of those pass (a filter that keeps little of the corpus)."""
        catalog = live.catalog
        where = filters.chroma_where()
        if where is None:
            return self.index.dense(vec, CANDIDATES, None, live.gens, live=len(catalog.ids))
        if filters.doc_ids is not None:
            at = catalog.doc_positions()
            keys = [(catalog.ids[i], live.gen_of.get(d, "")) for d in filters.doc_ids for i in at.get(d, [])]
            if len(keys) <= EXACT_DENSE:
                scored = [(cid, float(v @ vec)) for cid, v in self.index.vectors(keys).items()
                          if filters.accepts(catalog.by_id[cid])]
                return sorted(scored, key=lambda kv: kv[1], reverse=True)[:CANDIDATES]
        wide = self.index.dense(vec, CANDIDATES * OVERFETCH, None, live.gens, live=len(catalog.ids))
        kept = [(cid, s) for cid, s in wide if cid in catalog.by_id and filters.accepts(catalog.by_id[cid])]
        if len(kept) >= CANDIDATES // 2 or len(wide) < CANDIDATES * OVERFETCH:
            return kept[:CANDIDATES]
        return self.index.dense(vec, CANDIDATES, where, live.gens, live=len(catalog.ids))

    def cite(self, ref: Reference) -> CiteResult:
        return resolve(ref, self.catalog().cite_candidates(ref))
