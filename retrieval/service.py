"""The one public API of sectorbot. Front ends (CLI, Slack, a web page …) build a Service from
Settings and call it; nothing else in `retrieval` is theirs to import but the models.

It owns the lifetime of the heavy parts: the embedding model is loaded only by calls that need it
(`cite`, `clause` and `status` never load it), and the catalog is shared by every call."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from retrieval.core.config import Settings
from retrieval.core.models import Answer, Citation, Clause, ParsedDocument, Reference, SearchHit

if TYPE_CHECKING:
    from retrieval.answering.answer import Answerer
    from retrieval.answering.links import Linker
    from retrieval.answering.search import Engine
    from retrieval.indexing.fetch import FetchReport
    from retrieval.indexing.ingest import FileResult, IngestReport, Progress

__all__ = ["CiteOutcome", "FileResult", "IngestReport", "ParseOutcome", "Progress", "Service", "Status"]
_FROM_INGEST = ("FileResult", "IngestReport", "Progress")


def __getattr__(name: str) -> object:
    # Ingest's records are re-exported for front ends, but imported only when asked for: ingest brings
    # every document parser and lxml with it (0.15-0.2 s), which a question never needs.
    if name in _FROM_INGEST:
        from retrieval.indexing import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class DocumentStatus(BaseModel):
    doc_id: str
    clauses: int
    source: str


class Status(BaseModel):
    store: str
    embedder: str
    documents: int
    clauses: int
    llm: str | None = None
    docs: list[DocumentStatus] = Field(default_factory=list)


class CiteOutcome(BaseModel):
    """What `cite` found: the clauses in document order, and what to tell the user beside them."""

    reference: str
    understood: bool  # False when the text could not be read as a reference at all
    clauses: list[Clause] = Field(default_factory=list)
    message: str = ""
    urls: dict[str, str] = Field(default_factory=dict)  # official address by clause id, when known

    def citations(self) -> list[Citation]:
        from retrieval.core.citations import citation

        return [citation(c, c.text, self.urls.get(c.clause_id)) for c in self.clauses]


class ParseOutcome(BaseModel):
    path: str
    documents: list[ParsedDocument] = Field(default_factory=list)
    error: str | None = None  # "FILE: reason" when the file could not be read


class Service:
    """Built once per process from Settings; thread-safe for concurrent questions."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._engine: Engine | None = None
        self._making = threading.Lock()
        self._answerer: object | None = None
        self._deliveries: object | None = None
        self._linker: Linker | None = None
        self._names: tuple[object, list[tuple[str, str]]] | None = None  # (catalog, [(doc id, cited name)])

    @property
    def engine(self) -> Engine:
        # Made on first use: importing the answering code is a third of a `status` or `parse` process,
        # which never search.
        if self._engine is None:
            with self._making:
                if self._engine is None:
                    from retrieval.answering.search import Engine

                    self._engine = Engine(self.settings)
        return self._engine

    @engine.setter
    def engine(self, engine: Engine) -> None:
        self._engine = engine

    # ---- questions ------------------------------------------------------------------------------
    def answer(self, question: str) -> Answer:
        ans = self._answering().answer(question)
        return self.linker.answer(ans, self.engine.catalog().by_id)

    def mandates(self, actor_or_topic: str, limit: int | None = 40) -> Answer:
        """The operative mandates of an actor ("BDT", "Director of TSB", "TSAG") or about a topic
        ("gender equality"), each with its citation: the first `limit` (None: all), the rest counted."""
        return self._answering().mandates(actor_or_topic, limit)

    def _answering(self) -> Answerer:
        from retrieval.answering.answer import Answerer

        if self._answerer is None:
            self._answerer = Answerer(self.engine)
        assert isinstance(self._answerer, Answerer)
        return self._answerer

    def cite(self, reference: str) -> CiteOutcome:
        from retrieval.answering.query import expand_shorthand, meeting_symbols, parse_reference

        exact = self.clause(reference.strip())  # a clause id, as the "full clause" hints print it
        if exact is not None:
            url = self.link(exact)
            return CiteOutcome(reference=reference, understood=True, clauses=[exact],
                               urls={exact.clause_id: url} if url else {})
        # The shorthand `ask` reads ("A8 cl 4.1", "res1 sec 4") is read here too.
        ref = parse_reference(expand_shorthand(reference))
        # Only a reference shaped as answers print one ("…, resolves 3", "SG17-C823 §2.2") is matched
        # against printed citations: a typed "Res 57 resolves 3" costs no scan of the documents.
        printed = self._displayed(reference, ref) if re.search(r",|\u00a7", reference) else []
        if printed:
            # A citation as an answer printed it: that clause, or the listing the reference gives when it
            # starts with it (a section heading and what it holds).
            listed = self.engine.cite(ref).clauses if ref is not None else []
            head = printed[0].clause_id.partition("#")[2]
            chosen = listed if listed and listed[0].clause_id == printed[0].clause_id and all(
                c.clause_id.partition("#")[2].startswith(head) for c in listed) else printed
            return CiteOutcome(reference=reference, understood=True, clauses=chosen,
                               urls={c.clause_id: u for c in chosen if (u := self.link(c))})
        if ref is None and (rows := self._cover_rows(reference)):
            return CiteOutcome(reference=reference, understood=True, clauses=rows,
                               urls={c.clause_id: u for c in rows if (u := self.link(c))})
        if ref is None and (symbols := meeting_symbols(reference)):
            return CiteOutcome(reference=reference, understood=True,
                               message=f"{', '.join(symbols)}: no such meeting document in the corpus.")
        if ref is None:
            return CiteOutcome(reference=reference, understood=False,
                               message=f"could not read '{reference}' as a reference; "
                                       "try e.g. \"Res 57 resolves 3\" or \"RCC/47A4/1\"")
        res = self.engine.cite(ref)
        urls = {c.clause_id: u for c in res.clauses if (u := self.link(c))}
        return CiteOutcome(reference=reference, understood=True, clauses=res.clauses, message=res.message,
                           urls=urls)

    def _displayed(self, reference: str, ref: Reference | None) -> list[Clause]:
        from retrieval.answering.cite import clauses_displayed
        from retrieval.core.citations import version_display

        catalog = self.engine.catalog()
        positions = catalog.doc_positions()
        if self._names is None or self._names[0] is not catalog:
            # Each document under the name its first clause is cited with (one clause read per document,
            # once per catalog; held with the catalog itself, whose id could be reused once it is freed).
            self._names = (catalog, [(d, version_display(catalog.clause_at(at[0]))) for d, at in positions.items() if at])
        named = {c.doc_id for c in catalog.cite_candidates(ref)} if ref is not None and ref.number else set()
        return clauses_displayed(reference, self._names[1], lambda d: [catalog.clause_at(i) for i in positions.get(d, [])],
                                 also=sorted(named))

    def _cover_rows(self, reference: str) -> list[Clause]:
        """"C823 cover page Source", "TD2484 title": rows of a meeting document's cover page."""
        from retrieval.answering.compose.cover import cover_rows_asked
        from retrieval.answering.query import meeting_symbols

        rows = cover_rows_asked(reference) or (["Title", "Source"] if re.search(r"\bcover\b", reference, re.I) else [])
        held = self.engine.catalog().doc_positions()
        docs = {d for sym in meeting_symbols(reference) for d in held if d.endswith("-" + sym.lower())}
        found = [self.clause(f"{d}#cover-page.{row.lower()}") for d in sorted(docs) for row in rows]
        return [c for c in found if c is not None]

    @property
    def linker(self) -> Linker:
        from retrieval.answering.links import Linker

        if self._linker is None:
            self._linker = Linker.from_corpus(self.settings.corpus_dir)
        return self._linker

    def link(self, clause: Clause) -> str | None:
        """The official address of the instrument a clause belongs to, when known."""
        return self.linker.url(clause)

    def diff(self, reference: str, from_rev: str | None = None, to_rev: str | None = None,
             limit: int | None = None) -> Answer:
        """What changed between two versions of a text ("Res 57", "RCC/47A4/1", "TP.inno",
        "SG17-TD2484"), each side cited; the latest two adopted versions unless named."""
        from retrieval.answering.compose import diff as compose_diff

        catalog = self.engine.catalog()
        dates = {e.doc_id: e.meta.details.get("meeting", "") for e in self.engine.index.registry().values()}
        ans = compose_diff.diff_answer(f"What changed in {reference}?", reference, catalog.clauses, from_rev, to_rev,
                                       max_items=limit or compose_diff.MAX_ITEMS, dates=dates)
        return self.linker.answer(ans, catalog.by_id)

    def refs(self, reference: str) -> Answer:
        """What an instrument cites and what cites it, each edge with its clause."""
        from retrieval.answering.compose.refs import refs_answer
        from retrieval.answering.graph import Graph

        catalog = self.engine.catalog()
        ans = refs_answer(f"References of {reference}", Graph(catalog.clauses), reference)
        return self.linker.answer(ans, catalog.by_id)

    def search(self, query: str, k: int = 5, **filters: object) -> list[SearchHit]:
        from retrieval.answering.search import Filters

        return self.engine.search(query, k=max(1, k), filters=Filters.model_validate(filters))

    def clause(self, clause_id: str) -> Clause | None:
        return self.engine.catalog().by_id.get(clause_id)

    # ---- files ------------------------------------------------------------------------------------
    def parse(self, paths: list[Path]) -> Iterator[ParseOutcome]:
        """How files parse into documents and clauses, without indexing; one outcome per file."""
        from retrieval.core.errors import DocumentError
        from retrieval.indexing.ingest import expand
        from retrieval.parsing.limits import Limits, applied
        from retrieval.parsing.read import read_documents

        for path in expand(paths):
            try:
                # Limits and the absolute source path as in ingest, so the ids shown are the indexed ones.
                with applied(Limits.of(self.settings)):
                    docs = read_documents(Path(os.path.abspath(path)), self.settings.max_file_bytes)
                yield ParseOutcome(path=str(path), documents=docs)
            except DocumentError as e:
                yield ParseOutcome(path=str(path), error=str(e))

    # ---- the model --------------------------------------------------------------------------------
    def model_ready(self) -> bool:
        from retrieval.indexing.provision import is_provisioned

        return is_provisioned(self.settings)

    def setup(self, say: Callable[[str], None] | None = None) -> Path:
        """Provision the embedding model offline (once); returns where it is."""
        from retrieval.indexing.provision import ensure_model

        return ensure_model(self.settings, say=say)

    # ---- the index ------------------------------------------------------------------------------
    def status(self) -> Status:
        from retrieval.indexing.embedder_names import embedder_name
        from retrieval.indexing.store import ClauseIndex

        s = self.settings
        index = self._engine.index if self._engine is not None else ClauseIndex(s, embedder_name(s))
        reg = index.registry()
        return Status(
            store=(f"chroma http://{s.chroma_host}:{s.chroma_port}" if s.chroma_mode == "http"
                   else f"chroma embedded {s.chroma_path}"),
            embedder=embedder_name(s), documents=len(reg), clauses=sum(e.clauses for e in reg.values()),
            llm=s.openai_base_url or ("OpenAI" if s.openai_api_key else None) if s.llm_configured else None,
            docs=[DocumentStatus(doc_id=e.doc_id, clauses=e.clauses, source=e.source)
                  for e in sorted(reg.values(), key=lambda e: _natural(e.doc_id))],
        )

    def is_empty(self) -> bool:
        # The registry the answer is built from, not a count of it: Chroma serves one call at a time, and
        # `ask` asked for the count while the vector index loaded (0.4 s at 100k clauses).
        return self.engine.documents() == 0

    def warm(self) -> None:
        """A question is coming: load the model and the vector index on other threads meanwhile."""
        self.engine.warm()

    def ingest(self, paths: list[Path] | None = None, progress: Progress | None = None, prune: bool = False,
               after_write: Callable[[], None] | None = None) -> IngestReport:
        """Index files (the bundled corpus when no path is given); returns an IngestReport."""
        from retrieval.indexing.ingest import ingest

        report = ingest(self.engine.index, self.engine.embedder, paths or [self.settings.corpus_dir],
                        progress, prune=prune, after_write=after_write)
        self.engine.catalog(fresh=True)
        return report

    def fetch(self, names: list[str] | None = None, manifest: Path | None = None, pace: float = 1.0,
              progress: Progress | None = None, index: bool = True) -> tuple[FetchReport, IngestReport | None]:
        """Download the manifest's direct files into the data directory (resuming, checksummed),
        say what to fetch by hand for the rest, then index what is there."""
        from retrieval.indexing.fetch import Fetcher
        from retrieval.indexing.ingest import ingest
        from retrieval.indexing.manifest import load

        listed = load(manifest or self.settings.corpus_dir / "manifest.json")
        chosen, unknown = listed.select(names or [])
        report: FetchReport = Fetcher(self.settings.data_dir / "sources", pace=pace).fetch(chosen)
        report.unknown = unknown
        if not index or not report.files:
            return report, None
        urls = {r.path: r.url for r in report.files}
        done = ingest(self.engine.index, self.engine.embedder, [Path(r.path) for r in report.files if r.path],
                      progress, url_for=lambda p: urls.get(str(p)))
        self.engine.catalog(fresh=True)
        return report, done

    def ready(self) -> dict[str, int]:
        """For readiness probes: raises when the store does not answer."""
        return {"documents": len(self.engine.index.registry())}

    def first_delivery(self, key: str) -> bool:
        """Whether this replica is the first to handle delivery `key` (a Slack event id): shared by
        replicas through the Chroma server; always True with the embedded store (one process)."""
        from retrieval.indexing.dedupe import DeliveryRecord

        if self._deliveries is None:
            self._deliveries = DeliveryRecord(self.settings)
        assert isinstance(self._deliveries, DeliveryRecord)
        return self._deliveries.first(key)

    def warm_up(self) -> None:
        """Load the model and the catalog before the first question, not during it."""
        self.engine.catalog()
        self.engine.embedder  # noqa: B018


def _natural(text: str) -> list[int | str]:
    """pp-res-11 before pp-res-101: numbers compare as numbers."""
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", text)]
