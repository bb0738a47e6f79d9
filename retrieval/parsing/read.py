"""One file → its documents. Most files hold one document; a collection (e.g. the Akoma Ntoso Final
Acts of a conference) holds many, so every caller gets a list."""

from __future__ import annotations

from pathlib import Path

from retrieval.core.models import ParsedDocument
from retrieval.parsing.extract import extract
from retrieval.parsing.formats.akn import AknSource
from retrieval.parsing.grammar import make_context
from retrieval.parsing.structure import from_drafts, parse

# Recorded with every indexed document: a file indexed by an older parser is parsed again on the next
# ingest even though the file itself did not change. Bump it whenever parsing changes clauses.
PARSER_VERSION = "2026-12-05.40"


def read_documents(path: Path, max_bytes: int, sha256: str = "", url: str | None = None) -> list[ParsedDocument]:
    """Raises DocumentError naming the file and the reason."""
    src = extract(path, max_bytes)
    if not isinstance(src, AknSource):
        return [parse(src, str(path), sha256=sha256, url=url)]
    # One SourceText for the whole file: every instrument's clauses are slices of the same string.
    ctx = make_context(src)
    docs = []
    for inst in src.instruments:
        meta = inst.meta.model_copy(update={"sha256": sha256, "url": url, "format": src.format})
        doc = from_drafts(ctx, meta, inst.drafts)
        doc.warnings[:0] = inst.warnings
        docs.append(doc)
    return docs
