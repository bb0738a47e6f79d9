"""The clause index: Chroma holds one record per clause (vector, text, metadata) and one registry
record per document; a local catalog (clauses by id plus BM25) is derived from them.

Atomic replacement: a document's records carry a generation tag (from its sha256). New records are
written first, then the registry record flips to the new generation, then the old generation is
deleted. Readers only see generations the registry names, so a crash at any point leaves either the
old clauses or the new ones, never a mix; orphans are collected on the next ingest.

The registry lives in Chroma (collection "<name>_documents"), not in a local SQLite file, so that bot
replicas sharing one Chroma server share one registry too."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from retrieval.core.citations import DISPLAY_VERSION
from retrieval.core.config import Settings
from retrieval.core.errors import StoreUnavailable
from retrieval.core.models import SECTORS, Clause, DocumentMeta, ParsedDocument
from retrieval.indexing.catalog import Catalog, CatalogRecord, lexical_text, load_cached, save_cache, text_key
from retrieval.indexing.lexical import TOKENIZER_VERSION, lexical_tokens
from retrieval.indexing.segments import Forms, Segment, decode, encode, merge, segment_ids

if TYPE_CHECKING:  # numpy comes with the vectors: `cite` and `status` read none
    import numpy as np

log = logging.getLogger(__name__)
PAGE = 5000  # records per read when loading the catalog
SEGMENT_KEY = "segment"  # the metadata key holding a catalog segment
SEGMENT_PAGE = 100  # catalog segments per read (each holds up to 500 clauses, compressed)
BATCH = 1000


class StoreHealth(BaseModel):
    """What a full scan of the clause records found, per document of the registry."""

    records: dict[str, int]  # doc_id → records of its registered generation
    damaged: dict[str, list[str]]  # doc_id → ids of records whose embedding cannot be read
    scanned: int = 0
    inert: int = 0  # unreadable records of no live generation: harmless, and Chroma cannot delete them

    def problems(self, registry: dict[str, RegistryEntry]) -> dict[str, str]:
        """doc_id → what is wrong with it (damaged or missing records), for the documents that have a problem."""
        out: dict[str, str] = {}
        for doc_id, entry in registry.items():
            have = self.records.get(doc_id, 0)
            bad = len(self.damaged.get(doc_id, []))
            if bad:
                out[doc_id] = f"{bad} of {entry.clauses} records damaged (embedding unreadable)"
            elif have != entry.clauses:
                out[doc_id] = f"{have} of {entry.clauses} records present"
        return out


def _record_key(record_id: str) -> tuple[str, str]:
    """(doc_id, gen) from a record id `doc_id#fragment|gen`."""
    clause_id, _, gen = record_id.rpartition("|")
    return clause_id.split("#", 1)[0], gen


class RegistryEntry(BaseModel):
    doc_id: str
    sha256: str
    gen: str
    source: str
    clauses: int
    embedder: str
    meta: DocumentMeta
    content: str = ""  # hash of the clause texts: the same instrument from two files is recognised as such
    parser: str = ""  # PARSER_VERSION that produced the clauses
    # Documents the source file holds that are registered from it (the PP-18 Final Acts: 62 of its 64
    # instruments; 1 for most files): an ingest interrupted between two of them leaves fewer, and the file
    # is read again rather than taken as unchanged.
    file_docs: int = 1


def content_hash(doc: ParsedDocument) -> str:
    """The clauses' ids and texts: what makes two files the same document."""
    h = hashlib.sha256()
    for c in doc.clauses:
        h.update(c.clause_id.encode() + b"\0" + c.text.encode() + b"\0")
    return h.hexdigest()


def reading_hash(doc: ParsedDocument, forms: Sequence[Forms] | None = None) -> str:
    """Everything parsed from the clauses (mandates, references, Sectors), not only their text: a parser
    that reads the same text differently must give a new generation, or catalogs keyed by generations
    would keep serving the old reading."""
    h = hashlib.sha256()
    for f in forms or [Forms.of(c) for c in doc.clauses]:
        h.update(f.json.encode() + b"\0")
    return h.hexdigest()


def sector_key(sector: str) -> str:
    return "s_" + sector.lower().replace("-", "_")


def clause_metadata(c: Clause, gen: str, forms: Forms | None = None) -> dict[str, Any]:
    f = forms or Forms.of(c)
    md: dict[str, Any] = {
        "doc_id": c.doc_id, "clause_id": c.clause_id, "gen": gen, "body": c.instrument.body,
        "kind": c.instrument.kind, "part": c.part, "label": c.label,
        "clause_json": f.json, "text_key": text_key(f.text),
        # What the catalog needs besides the JSON, so a replica rebuilds it without parsing 100k clauses.
        "lex": " ".join(f.tokens), "lex_v": TOKENIZER_VERSION, "pos": c.span[0],
    }
    if c.instrument.symbol:
        md["symbol"] = c.instrument.symbol
    if c.proposal:
        md["proposal"] = c.proposal
    if c.instrument.number:
        md["number"] = c.instrument.number
    if c.instrument.revision:
        md["revision_year"] = c.instrument.revision.year
    for s in SECTORS:
        md[sector_key(s)] = s in c.sectors
    return md


def _record(m: dict[str, Any]) -> CatalogRecord:
    if m.get("lex_v") == TOKENIZER_VERSION and "pos" in m:
        return CatalogRecord(clause_id=m["clause_id"], doc_id=m["doc_id"], json=m["clause_json"], pos=int(m["pos"]),
                             tokens=m["lex"].split(), number=m.get("number"), kind=m["kind"], symbol=m.get("symbol"),
                             proposal=m.get("proposal"))
    c = Clause.model_validate_json(m["clause_json"])
    return CatalogRecord(clause_id=c.clause_id, doc_id=c.doc_id, json=m["clause_json"], pos=c.span[0],
                         tokens=lexical_tokens(lexical_text(c)), number=c.instrument.number,
                         kind=c.instrument.kind, symbol=c.instrument.symbol, proposal=c.proposal)


class ClauseIndex:
    def __init__(self, settings: Settings, embedder_name: str) -> None:
        self.settings = settings
        self.embedder_name = embedder_name
        self._client: Any = None
        self._clauses: Any = None
        self._docs: Any = None
        self._segments: Any = None
        self._catalog: Catalog | None = None
        self._catalog_key: str | None = None
        self._connecting = threading.Lock()  # a warm-up thread and the caller may both connect first
        self._direct = False  # connected through chroma_reader (reads only), not chromadb

    # ---- connection ----------------------------------------------------------------------------
    def _connect(self) -> None:
        # Reads come first and most processes only read (`cite`, `status`, `ask`, the bot): an embedded store
        # is opened without chromadb when it can be; every write goes through `_writable` to chromadb.
        if self._client is not None or self.read_directly():
            return
        with self._connecting:
            if self._client is None:
                self._open()

    def read_directly(self) -> bool:
        """Open an embedded store through Chroma's engine without importing chromadb (chroma_reader: 0.4-0.7 s
        less), as the first read does. False, and nothing opened, when that does not apply: a Chroma server, a
        store or collection not created yet, an index built with another embedder; chromadb then opens it as
        before, with its errors. A write switches back."""
        if self.settings.chroma_mode != "embedded" or self._client is not None:
            return self._direct
        with self._connecting:
            if self._client is not None:
                return self._direct
            try:
                from retrieval.indexing.chroma_reader import Reader

                reader = Reader(self.settings.chroma_path)
                name = self.settings.collection
                clauses = reader.collection(name)
                if (clauses.metadata or {}).get("embedder") != self.embedder_name:
                    return False  # chromadb opens it and says what is wrong
                docs, segments = reader.collection(f"{name}_documents"), reader.collection(f"{name}_segments")
            except Exception:  # anything unusual is chromadb's to open and to report
                log.debug("store not opened directly; chromadb opens it", exc_info=True)
                return False
            self._clauses, self._docs, self._segments = clauses, docs, segments
            self._direct = True
            self._client = reader  # last, as in _open
            return True

    def _writable(self) -> None:
        """Writes go through chromadb: a store opened directly for reading is closed and opened by chromadb."""
        if self._direct or self._client is None:
            with self._connecting:  # closed and reopened in one hold: a reader must not slip in between
                if self._direct:
                    self._client = self._clauses = self._docs = self._segments = None
                    self._direct = False
                if self._client is None:
                    self._open()

    def _open(self) -> None:
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        try:
            if self.settings.chroma_mode == "http":
                client = self._http_client(chromadb, chroma_settings)
            else:
                self.settings.chroma_path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(self.settings.chroma_path), settings=chroma_settings)
            name = self.settings.collection
            self._clauses = client.get_or_create_collection(
                name, embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedder": self.embedder_name},
            )
            self._docs = client.get_or_create_collection(f"{name}_documents", embedding_function=None)
            self._segments = client.get_or_create_collection(f"{name}_segments", embedding_function=None)
        except Exception as e:  # chromadb raises assorted types for "cannot reach/open"
            where = (f"Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port}"
                     if self.settings.chroma_mode == "http" else f"Chroma store at {self.settings.chroma_path}")
            raise StoreUnavailable(f"cannot open the {where}: {type(e).__name__}: {e}") from e
        built_with = (self._clauses.metadata or {}).get("embedder")
        if built_with and built_with != self.embedder_name:
            # Raised before a client is kept, so every caller gets it: once the first caller alone did, and
            # a warm-up thread that connected first left the question to be answered from the wrong index.
            hint = (" (an index built before int8 MiniLM became the default: SECTORBOT_EMBEDDER=onnx-minilm-fp32 "
                    "answers from it)" if built_with == self.embedder_name.removesuffix("-int8") else "")
            raise StoreUnavailable(
                f"the index was built with embedder '{built_with}' but '{self.embedder_name}' is configured{hint}; "
                "use the same embedder or point SECTORBOT_DATA_DIR / SECTORBOT_COLLECTION at a new index"
            )
        self._client = client  # last: another thread sees a client only once its collections are set and checked

    def _http_client(self, chromadb: Any, chroma_settings: Any) -> Any:
        deadline = time.monotonic() + self.settings.chroma_wait
        while True:
            try:
                client = chromadb.HttpClient(host=self.settings.chroma_host, port=self.settings.chroma_port,
                                             settings=chroma_settings)
                client.heartbeat()
                return client
            except Exception:  # not up yet: retry until the deadline, then report the last error
                if time.monotonic() >= deadline:
                    raise
                log.info("waiting for Chroma at %s:%d", self.settings.chroma_host, self.settings.chroma_port)
                time.sleep(1.0)

    @property
    def clauses_collection(self) -> Any:
        self._connect()
        return self._clauses

    @property
    def docs_collection(self) -> Any:
        self._connect()
        return self._docs

    @property
    def segments_collection(self) -> Any:
        """One record per document and generation (more for long documents): its share of the catalog."""
        self._connect()
        return self._segments

    # ---- registry --------------------------------------------------------------------------------
    def registry(self) -> dict[str, RegistryEntry]:
        got = self.docs_collection.get(include=["documents"])
        return {i: RegistryEntry.model_validate_json(d) for i, d in zip(got["ids"], got["documents"], strict=True)}

    def fingerprint(self, registry: dict[str, RegistryEntry] | None = None) -> str:
        reg = self.registry() if registry is None else registry
        h = hashlib.sha256(f"{self.embedder_name}|{TOKENIZER_VERSION}|{DISPLAY_VERSION}".encode())
        for doc_id in sorted(reg):
            h.update(f"{doc_id}={reg[doc_id].gen};".encode())
        return h.hexdigest()[:16]

    # ---- writes -----------------------------------------------------------------------------------
    def write_document(self, doc: ParsedDocument, vectors: np.ndarray, sha256: str,
                       after_write: Callable[[], None] | None = None, repair: bool = False,
                       before_commit: Callable[[], None] | None = None, file_docs: int = 1) -> None:
        """`repair` writes under a fresh generation, so a document whose records are damaged is
        rewritten whole rather than upserted over records that cannot be read. `before_commit` runs
        just before the registry flips (the writer lease is checked there)."""
        from retrieval.parsing.read import PARSER_VERSION  # here: the parsers are no reader's business

        self._writable()
        salt = f":{time.time_ns()}" if repair else ""
        # Everything parsed from the clauses is part of the generation: the same file parsed differently (a
        # newer parser) is a new generation, so old records are replaced and catalogs keyed by generations
        # rebuild. The text-only hash is kept in the registry to recognise the same document in two files.
        content = content_hash(doc)
        clauses = doc.clauses
        # Each clause's JSON and BM25 tokens, worked out once for the hash, the records and the segments
        # (three JSON dumps and two tokenizations a clause before).
        forms = [Forms.of(c) for c in clauses]
        gen = hashlib.sha256(f"{sha256}:{self.embedder_name}:{reading_hash(doc, forms)}{salt}".encode()).hexdigest()[:12]
        col = self.clauses_collection
        for b in range(0, len(clauses), BATCH):
            chunk = clauses[b : b + BATCH]
            col.upsert(
                ids=[f"{c.clause_id}|{gen}" for c in chunk],
                # The array as it is: Chroma converts a list of Python floats back (0.1-0.2 s per 1,000 records).
                embeddings=vectors[b : b + BATCH],
                # No Chroma document: nothing reads it (the text is in clause_json), and Chroma indexes every
                # document for full-text search, which was 40 % of the upsert (0.35 of 0.9 ms a record).
                metadatas=[clause_metadata(c, gen, f) for c, f in zip(chunk, forms[b : b + BATCH], strict=True)],
            )
            if after_write is not None:
                after_write()
        entry = RegistryEntry(doc_id=doc.meta.doc_id, sha256=sha256, gen=gen, source=doc.meta.source,
                              clauses=len(clauses), embedder=self.embedder_name, meta=doc.meta,
                              content=content, parser=PARSER_VERSION, file_docs=file_docs)
        self.write_segments([(doc, gen)], {c.clause_id: f for c, f in zip(clauses, forms, strict=True)})
        if before_commit is not None:
            before_commit()
        # The commit point: one record upsert flips the document to its new generation.
        self.docs_collection.upsert(ids=[doc.meta.doc_id], embeddings=[[1.0]], documents=[entry.model_dump_json()])
        stale = {"$and": [{"doc_id": doc.meta.doc_id}, {"gen": {"$ne": gen}}]}
        self._delete_where(stale)
        self.segments_collection.delete(where=stale)

    def write_segments(self, docs: list[tuple[ParsedDocument, str]], forms: dict[str, Forms] | None = None) -> None:
        """Each document's share of the catalog under its generation (written before the registry flips).
        Stored as a metadata value, not as the Chroma document: a document is indexed for full-text search,
        which for 30-80 kB of base64 took 20-50 ms a record (a metadata value: 5-10 ms)."""
        self._writable()
        ids: list[str] = []
        metadatas: list[dict[str, Any]] = []
        for doc, gen in docs:
            parts = encode(doc.clauses, forms)
            ids += segment_ids(doc.meta.doc_id, gen, len(doc.clauses))
            metadatas += [{"doc_id": doc.meta.doc_id, "gen": gen, SEGMENT_KEY: part} for part in parts]
        for b in range(0, len(ids), SEGMENT_PAGE):
            page = slice(b, b + SEGMENT_PAGE)
            self.segments_collection.upsert(ids=ids[page], embeddings=[[1.0]] * len(ids[page]),
                                            metadatas=metadatas[page])

    def relocate(self, entry: RegistryEntry, source: str) -> None:
        """The same content found at another path (the old file is gone): only the registry changes."""
        self._writable()
        moved = entry.model_copy(update={"source": source, "meta": entry.meta.model_copy(update={"source": source})})
        self.docs_collection.upsert(ids=[entry.doc_id], embeddings=[[1.0]], documents=[moved.model_dump_json()])

    def remove_document(self, doc_id: str) -> None:
        self._writable()
        self.docs_collection.delete(ids=[doc_id])
        self._delete_where({"doc_id": doc_id})
        self.segments_collection.delete(where={"doc_id": doc_id})

    def _delete_where(self, where: dict[str, Any]) -> None:
        self._delete_ids(self.clauses_collection.get(where=where, include=[])["ids"])

    def _delete_ids(self, ids: list[str]) -> None:
        """Delete records, except those whose embedding cannot be read: deleting one of those makes
        Chroma fail every later read of the collection ("Failed to apply logs to the hnsw segment
        writer"), so they stay behind, inert (no registry generation names them)."""
        self._writable()
        col = self.clauses_collection
        for b in range(0, len(ids), BATCH):
            chunk = ids[b : b + BATCH]
            bad = set(self._unreadable(chunk))
            if bad:
                log.warning("%d damaged record(s) left in place: Chroma cannot delete them safely", len(bad))
            ok = [i for i in chunk if i not in bad]
            if ok:
                col.delete(ids=ok)

    def collect_orphans(self) -> int:
        """Delete records of generations no registry entry names (left by a crash)."""
        self._writable()
        live = {e.gen for e in self.registry().values()}
        col = self.clauses_collection
        where: dict[str, Any] = {"gen": {"$nin": sorted(live)}} if live else {}
        got = col.get(where=where or None, include=[])
        before = col.count()
        self._delete_ids(got["ids"])
        segments = self.segments_collection
        stale = segments.get(where=where or None, include=[])["ids"]
        if stale:
            segments.delete(ids=stale)
        return before - col.count()

    def lease_collection(self) -> Any:
        """The small collection holding the writer lease (Chroma server mode)."""
        self._writable()
        return self._client.get_or_create_collection(f"{self.settings.collection}_lease", embedding_function=None)

    # ---- health -----------------------------------------------------------------------------------
    def health(self, registry: dict[str, RegistryEntry] | None = None) -> StoreHealth:
        """Read every record's embedding, a page at a time; a page that fails is bisected down to
        the records that cannot be read. Two writers at once once left hundreds of records whose
        embedding Chroma could no longer read ("Error getting embedding")."""
        reg = self.registry() if registry is None else registry
        live = {(e.doc_id, e.gen) for e in reg.values()}
        col = self.clauses_collection
        records: dict[str, int] = {}
        damaged: dict[str, list[str]] = {}
        offset = 0
        scanned = inert = 0
        while True:
            ids = col.get(include=[], limit=PAGE, offset=offset)["ids"]
            if not ids:
                break
            offset += len(ids)
            for rid in ids:
                doc_id, gen = _record_key(rid)
                if (doc_id, gen) in live:
                    records[doc_id] = records.get(doc_id, 0) + 1
            for rid in self._unreadable(ids):
                doc_id, gen = _record_key(rid)
                if (doc_id, gen) in live:
                    damaged.setdefault(doc_id, []).append(rid)
                else:
                    inert += 1
            scanned += len(ids)
        return StoreHealth(records=records, damaged=damaged, scanned=scanned, inert=inert)

    def _unreadable(self, ids: list[str]) -> list[str]:
        if not ids:
            return []
        try:
            self.clauses_collection.get(ids=ids, include=["embeddings"])
            return []
        except Exception:  # chromadb raises InternalError for an unreadable embedding
            if len(ids) == 1:
                return ids
            mid = len(ids) // 2
            return self._unreadable(ids[:mid]) + self._unreadable(ids[mid:])

    # ---- reads ------------------------------------------------------------------------------------
    def catalog(self, registry: dict[str, RegistryEntry] | None = None) -> Catalog:
        reg = self.registry() if registry is None else registry
        key = self.fingerprint(reg)
        if self._catalog is not None and self._catalog_key == key:
            return self._catalog
        cache_dir = self.settings.data_dir / "cache" / key
        catalog = load_cached(cache_dir)
        if catalog is None:
            catalog = Catalog.from_records(*merge(self._live_segments(reg)))
            save_cache(cache_dir, catalog)
        self._catalog, self._catalog_key = catalog, key
        return catalog

    def _live_segments(self, reg: dict[str, RegistryEntry]) -> list[Segment]:
        """Each registered document's catalog segments, in catalog order. A document whose segments are
        missing or of an older format (a store written before they existed) is read from its clause
        records instead."""
        wanted = {doc_id: segment_ids(doc_id, e.gen, e.clauses) for doc_id, e in reg.items()}
        ids = [i for parts in wanted.values() for i in parts]
        found: dict[str, Segment | None] = {}
        col = self.segments_collection
        for b in range(0, len(ids), SEGMENT_PAGE):
            got = col.get(ids=ids[b : b + SEGMENT_PAGE], include=["documents", "metadatas"])
            for rid, stored, md in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
                # Stores written before segments moved to metadata hold them as the document.
                found[rid] = decode((md or {}).get(SEGMENT_KEY) or stored or "")
        by_doc: dict[str, list[Segment]] = {}
        missing = {}
        for doc_id, parts in wanted.items():
            segs = [found.get(p) for p in parts]
            if all(segs):
                by_doc[doc_id] = [s for s in segs if s is not None]
            else:
                missing[doc_id] = reg[doc_id]
        if missing:
            log.info("catalog: %d document(s) without segments, read from their clause records", len(missing))
            grouped: dict[str, list[CatalogRecord]] = {}
            for r in self._live_records(missing):
                grouped.setdefault(r.doc_id, []).append(r)
            for doc_id, records in grouped.items():
                by_doc[doc_id] = [Segment.from_records(records)]
        return [s for doc_id in sorted(by_doc) for s in by_doc[doc_id]]

    def _live_records(self, reg: dict[str, RegistryEntry]) -> list[CatalogRecord]:
        # One paged scan, not a filtered query per document: at 100k clauses in 1,000 documents the
        # per-document queries took 35 s; records of other generations (a crash's orphans, a
        # document being replaced right now) are skipped here. Clauses are not parsed: their JSON is
        # kept as text and the BM25 tokens come stored (older records are parsed and tokenized).
        live = {(e.doc_id, e.gen) for e in reg.values()}
        col = self.clauses_collection
        found: dict[str, CatalogRecord] = {}
        offset = 0
        while True:
            got = col.get(include=["metadatas"], limit=PAGE, offset=offset)
            if not got["ids"]:
                break
            for m in got["metadatas"]:
                if (m["doc_id"], m["gen"]) in live and m["clause_id"] not in found:
                    found[m["clause_id"]] = _record(m)
            offset += len(got["ids"])
        return sorted(found.values(), key=lambda r: (r.doc_id, r.pos))

    def vectors(self, keys: list[tuple[str, str]]) -> dict[str, np.ndarray]:
        """Stored vectors of (clause_id, gen) pairs, by clause id: scoring a lexical hit densely
        costs a lookup, not a model call."""
        import numpy as np

        if not keys:
            return {}
        ids = [f"{cid}|{gen}" for cid, gen in keys]
        try:
            got = self.clauses_collection.get(ids=ids, include=["embeddings"])
            pairs = list(zip(got["ids"], got["embeddings"], strict=True))
        except Exception:  # a damaged record: read one by one, skip what cannot be read
            bad = set(self._unreadable(ids))
            log.warning("%d damaged record(s) in the store were skipped; run `sectorbot doctor`", len(bad))
            ok = [i for i in ids if i not in bad]
            got = self.clauses_collection.get(ids=ok, include=["embeddings"]) if ok else {"ids": [], "embeddings": []}
            pairs = list(zip(got["ids"], got["embeddings"], strict=True))
        return {rid.rsplit("|", 1)[0]: np.asarray(vec, dtype=np.float32) for rid, vec in pairs}

    def vectors_by_text(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors by the hash of their embedded text (catalog.text_key), so an unchanged clause
        of a changed document is not embedded again. Records written before the key existed have none."""
        import numpy as np

        out: dict[str, np.ndarray] = {}
        col = self.clauses_collection
        for b in range(0, len(keys), 500):
            try:
                got = col.get(where={"text_key": {"$in": keys[b : b + 500]}}, include=["embeddings", "metadatas"])
            except Exception as e:  # a damaged record cannot lend its vector: embed those texts afresh
                log.warning("stored vectors unreadable (%s); embedding instead of reusing", type(e).__name__)
                continue
            for md, vec in zip(got["metadatas"], got["embeddings"], strict=True):
                out[md["text_key"]] = np.asarray(vec, dtype=np.float32)
        return out

    def dense(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None,
              live_gens: AbstractSet[str] | None = None, live: int | None = None) -> list[tuple[str, float]]:
        col = self.clauses_collection
        # `live` (the catalog's size, never more than the records) spares a count query per search.
        n = col.count() if live is None else live
        if n == 0:
            return []
        try:
            # Ids and distances only: a record id is "clause_id|gen", so the metadata (clause JSON, BM25
            # tokens) of ~2k records is not read back from SQLite; that read was most of the dense
            # stage's time (bench/retrieval_bench.py, stage breakdown).
            res = col.query(query_embeddings=[vector.tolist()], n_results=min(n, k * 2 + 10), where=where,
                            include=["distances"])
        except Exception as e:  # a damaged vector index: answer from the lexical side, say why in the log
            log.warning("dense search failed (%s: %s); answering from the lexical index only; "
                        "run `sectorbot doctor`", type(e).__name__, str(e)[:200])
            return []
        out: list[tuple[str, float]] = []
        for rid, dist in zip(res["ids"][0], res["distances"][0], strict=True):
            clause_id, _, gen = rid.rpartition("|")
            if live_gens is not None and gen not in live_gens:
                continue
            out.append((clause_id, 1.0 - float(dist)))
        return out[:k]

