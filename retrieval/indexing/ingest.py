"""Files → index. Every file is read, parsed and embedded in memory before anything is written, so a
bad file costs nothing but its own line in the report.

One ingest writes at a time (`lock.writer_lock`). Documents are keyed by their absolute, resolved
source path, so an ingest from another working directory sees the same documents, and `--prune`
removes only documents whose file is provably gone: under a folder this ingest listed, which
exists, and no longer holding the file."""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from retrieval.core.errors import DocumentError, DocumentTooLarge
from retrieval.core.models import ParsedDocument
from retrieval.indexing.embedding_plan import WINDOW_CLAUSES, EmbeddingPlan, Job
from retrieval.indexing.lock import Holder, writer_lock
from retrieval.indexing.store import ClauseIndex, RegistryEntry, content_hash
from retrieval.parsing import limits
from retrieval.parsing.extract import LEGACY, SUPPORTED, sha256_file
from retrieval.parsing.read import PARSER_VERSION, read_documents

if TYPE_CHECKING:  # the embedders (numpy, onnxruntime) load with the model, never for `parse`
    from retrieval.indexing.embedders import Embedder

log = logging.getLogger(__name__)

# Clauses queued for the model before the oldest parsed file is written: it always has a window of work.
LOOKAHEAD_CLAUSES = WINDOW_CLAUSES

Status = Literal["added", "updated", "repaired", "unchanged", "skipped", "failed", "removed"]


class FileResult(BaseModel):
    path: str
    status: Status
    doc_id: str | None = None
    clauses: int = 0
    reason: str = ""


class IngestReport(BaseModel):
    results: list[FileResult] = Field(default_factory=list)
    orphans_collected: int = 0
    embedded: int = 0  # clauses run through the embedder
    reused: int = 0  # clauses that took the stored vector of the same text (embedding_plan)

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

    def note(self, message: str) -> None:
        """Something the user should know while waiting (e.g. another ingest holds the lock)."""
        log.warning("%s", message)


class Listing(BaseModel):
    files: list[Path] = Field(default_factory=list)
    problems: list[FileResult] = Field(default_factory=list)  # links not followed, dangling or looping


def _wanted(name: str) -> bool:
    return Path(name).suffix.lower() in SUPPORTED | set(LEGACY) and name.lower() not in _FOLDER_FILES


# A corpus folder's own files, never documents: passed over without a word.
_FOLDER_FILES = frozenset({"readme.md", "manifest.json", ".gitkeep", "license", "license.txt"})


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def list_files(paths: Iterable[Path]) -> Listing:
    """Directories recursively (supported and legacy formats, so an .rtf or .odt is reported, not skipped);
    files named explicitly are always attempted. Inside a directory, a symbolic link is followed only
    when it points inside that directory (a link to /etc/passwd is reported, not indexed); dangling
    and looping links get one line each. Hidden files and folders are skipped."""
    out = Listing()
    seen: set[Path] = set()
    other: dict[tuple[Path, str], list[Path]] = {}  # files of other formats, by folder and suffix

    def add(f: Path, key: Path) -> None:
        if key not in seen:
            seen.add(key)
            out.files.append(f)

    for p in paths:
        if not p.is_dir():
            add(p, Path(os.path.abspath(p)))
            continue
        root = p.resolve()
        for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            here = Path(dirpath)
            linked_dirs = [here / d for d in dirnames if (here / d).is_symlink()]
            for name in sorted(filenames) + [d.name for d in linked_dirs]:
                f = here / name
                if name.startswith(".") or name.lower() in _FOLDER_FILES:
                    continue
                if not _wanted(name) and f not in linked_dirs:
                    other.setdefault((here, Path(name).suffix.lower()), []).append(f)
                    continue
                if not f.is_symlink():
                    add(f, f.resolve())
                    continue
                try:
                    target = f.resolve(strict=True)
                except (RuntimeError, OSError) as e:  # 3.11 raises RuntimeError for a loop
                    looping = isinstance(e, RuntimeError) or getattr(e, "errno", 0) == 40
                    out.problems.append(FileResult(path=str(f), status="failed", reason=(
                        "symbolic link loop" if looping else f"dangling symbolic link (to {os.readlink(f)})")))
                    continue
                if not _inside(target, root):
                    out.problems.append(FileResult(path=str(f), status="skipped", reason=(
                        f"symbolic link to {target}, outside {p}: not followed")))
                elif target.is_file() and _wanted(name):
                    add(f, target)
                # a link to a folder inside the tree: that folder is walked itself
    # Said, so a .yaml or .csv the user expected indexed is not passed over silently: one line each, or
    # one per folder and format when there are many (213 metadata .yaml files are one line).
    for (folder, suffix), files in other.items():
        why = (f"not a document format sectorbot reads ({suffix or 'no extension'}); "
               "it reads .docx .doc .pdf .xml .html .txt .md")
        if len(files) <= MAX_SKIP_LINES:
            out.problems += [FileResult(path=str(f), status="skipped", reason=why) for f in files]
        else:
            out.problems.append(FileResult(path=str(folder), status="skipped", reason=f"{len(files)} files: {why}"))
    return out


MAX_SKIP_LINES = 3


def expand(paths: Iterable[Path]) -> list[Path]:
    return list_files(paths).files


def _check_limits(name: str, doc: ParsedDocument, lim: limits.Limits) -> None:
    if len(doc.clauses) > lim.max_clauses:
        raise DocumentTooLarge(name, f"{len(doc.clauses):,} clauses, over the {lim.max_clauses:,}-clause limit "
                               "per document (SECTORBOT_MAX_CLAUSES)")
    longest = max(doc.clauses, key=lambda c: len(c.text), default=None)
    if longest is not None and len(longest.text) > lim.max_clause_chars:
        raise DocumentTooLarge(name, f"clause {longest.clause_id} is {len(longest.text):,} characters, over the "
                               f"{lim.max_clause_chars:,}-character limit (SECTORBOT_MAX_CLAUSE_CHARS)")


def _same_file(source: str, other: str) -> bool:
    return os.path.abspath(other) == source


def _fresh(prior: RegistryEntry | None, sha: str, damaged: str | None) -> bool:
    """The registry already holds this document from these bytes, read by this parser: no vectors needed."""
    return bool(prior and prior.sha256 == sha and not damaged and prior.parser == PARSER_VERSION)


def _elsewhere(doc: ParsedDocument, prior: RegistryEntry | None) -> bool:
    """The registry holds this document from another file that still exists."""
    return bool(prior and not _same_file(doc.meta.source, prior.source) and os.path.exists(prior.source))


def _copy_elsewhere(doc: ParsedDocument, prior: RegistryEntry | None) -> bool:
    """… with the same text (a collection and its single-instrument file): one copy is enough."""
    return _elsewhere(doc, prior) and bool(prior and prior.content and prior.content == content_hash(doc))


def _write(index: ClauseIndex, plan: EmbeddingPlan, job: Job | None, doc: ParsedDocument, path: Path, sha: str,
           registry: dict[str, RegistryEntry], problems: dict[str, str], progress: Progress,
           holder: Holder, after_write: Callable[[], None] | None, file_docs: int = 1) -> FileResult:
    name = str(path)
    doc_id = doc.meta.doc_id
    prior = registry.get(doc_id)
    if _elsewhere(doc, prior):
        assert prior is not None
        if _copy_elsewhere(doc, prior):
            # The same instrument with the same text in two files (a collection and its single-instrument
            # file): one copy is enough, and neither file is wrong.
            return FileResult(path=name, status="unchanged", doc_id=doc_id, clauses=prior.clauses,
                              reason=f"same text as {prior.source}, which is indexed")
        raise DocumentError(name, f"{doc_id}: has the same document id as {prior.source}, which is already "
                            "indexed with other text; remove or rename one of them (or ingest --prune after "
                            "deleting one)")
    damaged = problems.get(doc_id)
    if _fresh(prior, sha, damaged):
        assert prior is not None
        if prior.source == doc.meta.source:
            return FileResult(path=name, status="unchanged", doc_id=doc_id, clauses=prior.clauses)
        index.relocate(prior, doc.meta.source)  # moved, or stored relative by an older version
        return FileResult(path=name, status="updated", doc_id=doc_id, clauses=prior.clauses,
                          reason=f"moved from {prior.source}")
    progress.start_file(path, len(doc.clauses))
    # A damaged document is embedded afresh; any other takes stored vectors of unchanged texts. A document
    # not queued ahead (the registry changed since it was parsed) is queued now.
    vectors = plan.collect(job or plan.submit(doc, reuse=damaged is None), progress.advance_clauses)
    index.write_document(doc, vectors, sha, after_write=after_write,
                         repair=damaged is not None, before_commit=holder.check, file_docs=file_docs)
    if prior and prior.source != doc.meta.source:
        log.info("%s replaces %s from %s (the old file is gone)", name, doc_id, prior.source)
    if damaged and prior and prior.sha256 == sha:
        return FileResult(path=name, status="repaired", doc_id=doc_id, clauses=len(doc.clauses),
                          reason=damaged)
    return FileResult(path=name, status="updated" if prior else "added", doc_id=doc_id, clauses=len(doc.clauses))


def ingest(index: ClauseIndex, embedder: Embedder, paths: list[Path], progress: Progress | None = None,
           prune: bool = False, url_for: Callable[[Path], str | None] | None = None,
           after_write: Callable[[], None] | None = None) -> IngestReport:
    """Index files into a store with an embedder, holding the writer lock. `after_write` runs after
    each batch of clause records is written and before the document is committed (the crash test
    kills the process there)."""
    progress = progress or Progress()
    with writer_lock(index.settings, index.lease_collection, progress.note) as holder, \
            limits.applied(limits.Limits.of(index.settings)) as lim, \
            EmbeddingPlan(embedder, index.vectors_by_text, index.settings.embed_threads) as plan:
        return _ingest(index, plan, paths, progress, prune, url_for, after_write, holder, lim)


@dataclass
class Parsed:
    """A file read and parsed, its documents queued for embedding, waiting to be written in turn."""

    path: Path
    source: str
    sha: str
    docs: list[ParsedDocument]
    jobs: list[Job | None]


def _ingest(index: ClauseIndex, plan: EmbeddingPlan, paths: list[Path], progress: Progress, prune: bool,
            url_for: Callable[[Path], str | None] | None, after_write: Callable[[], None] | None,
            holder: Holder, lim: limits.Limits) -> IngestReport:
    settings = index.settings
    report = IngestReport(orphans_collected=index.collect_orphans())
    # `--prune d` after `rm -r d`: a folder that is gone, in a folder that is not, is what to prune, not
    # a missing file to report.
    gone = [p for p in paths if prune and _gone(p) and _held_under(index, p)]
    listing = list_files([p for p in paths if p not in gone])
    files = listing.files
    progress.files(len(files))
    for problem in listing.problems:
        report.results.append(problem)
    registry = index.registry()
    # A document whose records are damaged or missing is rewritten even when its file is unchanged.
    problems = index.health(registry).problems(registry)
    for doc_id, what in problems.items():
        log.warning("%s in the index: %s; re-ingesting its source repairs it", doc_id, what)

    def read(path: Path) -> Parsed | FileResult:
        name = str(path)
        try:
            if not path.exists():
                raise DocumentError(name, "no such file")
            if not path.is_file():
                raise DocumentError(name, "not a regular file")
            source = str(path.resolve())
            sha = sha256_file(path)
            held = [e for e in registry.values()
                    if e.source == source and e.sha256 == sha and e.doc_id not in problems and e.parser == PARSER_VERSION]
            # Unchanged only with every document it holds: an ingest stopped between two instruments of a
            # collection left the rest unwritten, and they are written now.
            if held and len(held) >= max(e.file_docs for e in held):
                return FileResult(path=name, status="unchanged", doc_id=held[0].doc_id, clauses=held[0].clauses)
            docs = [d for d in read_documents(Path(source), settings.max_file_bytes, sha256=sha,
                                              url=url_for(path) if url_for else None) if d.clauses]
            if not docs:
                raise DocumentError(name, "no clauses found in the document")
            for doc in docs:
                _check_limits(name, doc, lim)
        except DocumentError as e:
            return FileResult(path=name, status="failed", reason=e.reason)
        except MemoryError:
            return FileResult(path=name, status="failed", reason="out of memory while reading the file")
        jobs = [None if _fresh(registry.get(d.meta.doc_id), sha, problems.get(d.meta.doc_id))
                else plan.submit(d, reuse=d.meta.doc_id not in problems) for d in docs]
        return Parsed(path, source, sha, docs, jobs)

    def write(item: Parsed) -> None:
        nonlocal registry
        name = str(item.path)
        superseded: list[FileResult] = []
        # How many of its documents the file registers (not those indexed from another file already).
        file_docs = sum(not _copy_elsewhere(d, registry.get(d.meta.doc_id)) for d in item.docs)
        try:
            results = []
            for doc, job in zip(item.docs, item.jobs, strict=True):
                try:
                    results.append(_write(index, plan, job, doc, item.path, item.sha, registry, problems, progress,
                                          holder, after_write, file_docs))
                except DocumentError as e:
                    # One instrument of a collection that cannot be indexed costs only that instrument.
                    if len(item.docs) == 1:
                        raise
                    results.append(FileResult(path=name, status="failed", doc_id=doc.meta.doc_id, reason=e.reason))
            for r in results[:-1]:
                progress.end_file(r)
                report.results.append(r)
            result = results[-1]
            superseded = _drop_superseded(index, registry, item.source, {d.meta.doc_id for d in item.docs})
            registry = index.registry()
        except DocumentError as e:
            result = FileResult(path=name, status="failed", reason=e.reason)
        except MemoryError:
            result = FileResult(path=name, status="failed", reason="out of memory while reading the file")
        progress.end_file(result)
        report.results.append(result)
        report.results += superseded

    def done(result: FileResult) -> None:
        if result.status == "unchanged":
            progress.start_file(Path(result.path), 0)
        progress.end_file(result)
        report.results.append(result)

    # Files are parsed ahead while the model embeds; each is written, in order, once the model has work
    # queued behind it, so writing one file overlaps embedding the next ones.
    ahead: deque[Parsed | FileResult] = deque()
    for path in files:
        ahead.append(read(path))
        while ahead and (isinstance(ahead[0], FileResult) or plan.pending() >= LOOKAHEAD_CLAUSES):
            item = ahead.popleft()
            done(item) if isinstance(item, FileResult) else write(item)
    while ahead:
        item = ahead.popleft()
        done(item) if isinstance(item, FileResult) else write(item)
    report.embedded, report.reused = plan.embedded, plan.reused
    if prune:
        report.results += _prune(index, paths)
    return report


def _drop_superseded(index: ClauseIndex, registry: dict[str, RegistryEntry], source: str,
                     current: set[str]) -> list[FileResult]:
    """Documents the same file produced under another id before (ids from an older version, an
    instrument no longer in a collection) are removed once the file's documents are written."""
    out = []
    for entry in registry.values():
        if entry.doc_id not in current and _same_file(source, entry.source):
            index.remove_document(entry.doc_id)
            out.append(FileResult(path=entry.source, status="removed", doc_id=entry.doc_id, clauses=entry.clauses,
                                  reason=f"the file now gives {', '.join(sorted(current))}"))
    return out


def _gone(path: Path) -> bool:
    """A path that no longer exists inside a folder that still exists and holds something: deleted. (An
    unmounted drive leaves its mount point as an empty folder: what was under it is not gone.)"""
    p = Path(os.path.abspath(path))
    return not p.exists() and not p.is_symlink() and p.parent.is_dir() and _not_empty(p.parent)


def _not_empty(folder: Path) -> bool:
    try:
        return any(True for _ in folder.iterdir())
    except OSError:
        return False


def _held_under(index: ClauseIndex, path: Path) -> bool:
    """Whether the index holds a document from under `path` (a mistyped path stays a "no such file")."""
    root = Path(os.path.abspath(path))
    return any(Path(e.source).is_absolute() and _inside(Path(e.source), root) for e in index.registry().values())


def _nearest_existing(path: Path) -> Path | None:
    for parent in path.parents:
        if parent.is_dir():
            return parent
    return None


def _prune(index: ClauseIndex, paths: list[Path]) -> list[FileResult]:
    """Remove documents whose file is provably gone: the source is an absolute path under a folder
    (or is a file) this ingest was given, and the file does not exist while that folder does (or the
    folder given was deleted from one that exists: `rm -r d` then `--prune d`). Sources stored relative
    by older versions are left alone (there is no telling what they were relative to)."""
    roots = [Path(os.path.abspath(p)) for p in paths]
    real_roots = [r.resolve() for r in roots if r.is_dir()]
    gone_roots = [r.parent.resolve() / r.name for r in roots if _gone(r)]
    out = []
    for entry in list(index.registry().values()):
        src = Path(entry.source)
        if not src.is_absolute() or src.exists():
            continue
        # under a folder given that exists (a sub-folder of it may be gone too), or under one deleted
        # a file whose own folder is gone too ("rm -r d/A"): only when the nearest folder left holds
        # something, so an unmounted drive's empty mount point never prunes what was on the drive
        near = src.parent if src.parent.is_dir() else _nearest_existing(src)
        in_real = any(_inside(src, r) for r in real_roots) and near is not None and (
            near == src.parent or _not_empty(near))
        in_gone = any(src == r or _inside(src, r) for r in gone_roots)
        named = any(src == r for r in roots) and src.parent.is_dir()
        if not (in_real or in_gone or named):
            continue
        index.remove_document(entry.doc_id)
        out.append(FileResult(path=entry.source, status="removed", doc_id=entry.doc_id, clauses=entry.clauses))
    return out
