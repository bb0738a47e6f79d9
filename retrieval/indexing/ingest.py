"""Files → index. Every file is read, parsed and embedded in memory before anything is written, so a
bad file costs nothing but its own line in the report."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from retrieval.core.errors import DocumentError
from retrieval.core.models import ParsedDocument
from retrieval.indexing.catalog import search_text
from retrieval.indexing.embedders import Embedder
from retrieval.indexing.store import ClauseIndex, RegistryEntry
from retrieval.parsing.extract import LEGACY, SUPPORTED, sha256_file
from retrieval.parsing.read import read_documents

log = logging.getLogger(__name__)

Status = Literal["added", "updated", "unchanged", "failed", "removed"]


class FileResult(BaseModel):
    path: str
    status: Status
    doc_id: str | None = None
    clauses: int = 0
    reason: str = ""


class IngestReport(BaseModel):
    results: list[FileResult] = Field(default_factory=list)
    orphans_collected: int = 0

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)


class Progress:
    """Callbacks a front end implements (rich progress bar in the CLI); all optional."""

    def files(self, total: int) -> None: ...
    def start_file(self, path: Path, clauses: int) -> None: ...
    def advance_clauses(self, n: int) -> None: ...
    def end_file(self, result: FileResult) -> None: ...


def expand(paths: Iterable[Path]) -> list[Path]:
    """Directories recursively (supported and legacy formats, so a .doc is reported, not skipped);
    files named explicitly are always attempted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts) \
                        and f.suffix.lower() in SUPPORTED | set(LEGACY) and f.name.lower() != "readme.md":
                    out.append(f)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def _unchanged(report: IngestReport, progress: Progress, path: Path, doc_id: str, clauses: int) -> None:
    result = FileResult(path=str(path), status="unchanged", doc_id=doc_id, clauses=clauses)
    progress.start_file(path, 0)
    progress.end_file(result)
    report.results.append(result)


def _write(index: ClauseIndex, embedder: Embedder, doc: ParsedDocument, path: Path, sha: str,
           registry: dict[str, RegistryEntry], progress: Progress,
           after_write: Callable[[], None] | None) -> FileResult:
    name = str(path)
    prior = registry.get(doc.meta.doc_id)
    if prior and prior.sha256 == sha:
        return FileResult(path=name, status="unchanged", doc_id=doc.meta.doc_id, clauses=prior.clauses)
    progress.start_file(path, len(doc.clauses))
    texts = [search_text(c) for c in doc.clauses]
    vectors = []
    step = max(1, index.settings.embed_batch_size * 4)
    for b in range(0, len(texts), step):
        vectors.append(embedder.embed(texts[b : b + step]))
        progress.advance_clauses(len(texts[b : b + step]))
    index.write_document(doc, np.concatenate(vectors), sha, after_write=after_write)
    if prior and prior.source != name:
        log.warning("%s replaces %s from %s (same document id)", name, doc.meta.doc_id, prior.source)
    return FileResult(path=name, status="updated" if prior else "added", doc_id=doc.meta.doc_id,
                      clauses=len(doc.clauses))


def ingest(index: ClauseIndex, embedder: Embedder, paths: list[Path], progress: Progress | None = None,
           prune: bool = False, url_for: Callable[[Path], str | None] | None = None,
           after_write: Callable[[], None] | None = None) -> IngestReport:
    """Index files into a store with an embedder. `after_write` runs after each batch of clause records
    is written and before the document is committed (the crash test kills the process there)."""
    progress = progress or Progress()
    settings = index.settings
    report = IngestReport(orphans_collected=index.collect_orphans())
    files = expand(paths)
    progress.files(len(files))
    registry = index.registry()
    max_bytes = settings.max_file_bytes
    for path in files:
        name = str(path)
        try:
            if not path.exists():
                raise DocumentError(name, "no such file")
            sha = sha256_file(path) if path.is_file() else ""
            same = next((e for e in registry.values() if e.source == name and e.sha256 == sha), None)
            if same:
                _unchanged(report, progress, path, same.doc_id, same.clauses)
                continue
            docs = [d for d in read_documents(path, max_bytes, sha256=sha, url=url_for(path) if url_for else None)
                    if d.clauses]
            if not docs:
                raise DocumentError(name, "no clauses found in the document")
            for doc in docs:
                result = _write(index, embedder, doc, path, sha, registry, progress, after_write)
                if doc is not docs[-1]:
                    progress.end_file(result)
                    report.results.append(result)
            registry = index.registry()
        except DocumentError as e:
            result = FileResult(path=name, status="failed", reason=e.reason)
        except MemoryError:
            result = FileResult(path=name, status="failed", reason="out of memory while reading the file")
        progress.end_file(result)
        report.results.append(result)
    if prune:
        for entry in list(index.registry().values()):
            if not Path(entry.source).exists():
                index.remove_document(entry.doc_id)
                report.results.append(FileResult(path=entry.source, status="removed", doc_id=entry.doc_id,
                                                 clauses=entry.clauses))
    return report
