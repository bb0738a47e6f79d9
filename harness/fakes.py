"""Fakes for unit tests of front ends and composers: a backend with scripted answers, and an
in-memory corpus (real catalog and BM25, a deterministic hashing embedder; no model, no store)."""

from __future__ import annotations

from collections.abc import Callable

from retrieval import Answer, Clause, SearchHit, Settings
from retrieval.answering.cite import CiteResult, resolve
from retrieval.answering.search import Filters
from retrieval.core.models import Reference
from retrieval.indexing.catalog import Catalog, search_text
from retrieval.indexing.embedders import HashEmbedder


class FakeBackend:
    """What a Slack listener calls: scripted answers, a clause lookup."""

    def __init__(self, answer: Callable[[str], Answer], clause: Callable[[str], Clause | None] | None = None) -> None:
        self._answer = answer
        self._clause = clause or (lambda _cid: None)
        self.questions: list[str] = []

    def answer(self, question: str) -> Answer:
        self.questions.append(question)
        return self._answer(question)

    def clause(self, clause_id: str) -> Clause | None:
        return self._clause(clause_id)


class MemoryCorpus:
    """The Corpus protocol of answering, in memory: BM25 from the real catalog, cosine from a hashing
    embedder, fused like the engine does. For composer tests that need no ONNX model or Chroma."""

    def __init__(self, clauses: list[Clause], settings: Settings | None = None) -> None:
        self.settings = settings or Settings(_env_file=None)  # type: ignore[call-arg]
        self._catalog = Catalog(clauses)
        self._embedder = HashEmbedder()
        self._vectors = self._embedder.embed([search_text(c) for c in clauses]) if clauses else None

    def catalog(self, fresh: bool = False) -> Catalog:
        return self._catalog

    def cite(self, ref: Reference) -> CiteResult:
        return resolve(ref, self._catalog.cite_candidates(ref))

    def search(self, query: str, k: int = 5, filters: Filters | None = None) -> list[SearchHit]:
        from retrieval.answering.search import DENSE_WEIGHT, convex

        filters = filters or Filters()
        if self._vectors is None:
            return []
        q = self._embedder.embed([query])[0]
        sims = self._vectors @ q
        clauses = self._catalog.clauses
        dense = {c.clause_id: float(s) for c, s in zip(clauses, sims, strict=True) if filters.accepts(c)}
        lexical = {cid: s for cid, s in self._catalog.lexical.search(query, 50)
                   if filters.accepts(self._catalog.by_id[cid])}
        fused = convex(dense, lexical, DENSE_WEIGHT)
        ranked = sorted(fused.items(), key=lambda kv: kv[1], reverse=True)[:k]
        lex_rank = {cid: i for i, cid in enumerate(lexical, 1)}
        return [SearchHit(clause=self._catalog.by_id[cid], score=s, similarity=dense.get(cid),
                          lexical_rank=lex_rank.get(cid), lexical_score=lexical.get(cid)) for cid, s in ranked]
