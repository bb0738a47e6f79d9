"""`sectorbot parse --summary`: one row per parsed document — kind, body, number, revision,
language, parts, clauses, and how much of its text landed in structured clauses (numbered clauses,
labelled items, tables, named parts) rather than fallback paragraphs. Pure functions."""

from __future__ import annotations

import re

from pydantic import BaseModel

from retrieval.core.models import ParsedDocument

# A fallback paragraph: the generic heading-path parser's "p3", or any clause of the catch-all part.
_FALLBACK_RE = re.compile(r"p\d+")


class DocumentSummary(BaseModel):
    source: str
    doc_id: str
    kind: str
    body: str
    number: str
    revision: str
    language: str
    parts: int
    clauses: int
    numbered_share: float  # 0..1, by characters of clause text
    warnings: int = 0


def is_fallback(part: str, label: str) -> bool:
    return part == "text" or bool(_FALLBACK_RE.fullmatch(label))


def summarize(doc: ParsedDocument) -> DocumentSummary:
    m = doc.meta
    total = sum(len(c.text) for c in doc.clauses)
    structured = sum(len(c.text) for c in doc.clauses if not is_fallback(c.part, c.label))
    revision = ""
    if m.revision:
        revision = m.revision.place if str(m.revision.year) in m.revision.place else \
            f"{m.revision.place}, {m.revision.year}"
    return DocumentSummary(
        source=m.source, doc_id=m.doc_id, kind=m.kind, body=m.body, number=m.number or "", revision=revision,
        language=m.language, parts=len({c.part for c in doc.clauses}), clauses=len(doc.clauses),
        numbered_share=structured / total if total else 0.0, warnings=len(doc.warnings),
    )


COLUMNS = ("document", "kind", "body", "number", "revision", "lang", "parts", "clauses", "numbered")


def summary_rows(summaries: list[DocumentSummary]) -> list[tuple[str, ...]]:
    return [(s.doc_id, s.kind, s.body, s.number, s.revision, s.language, str(s.parts), str(s.clauses),
             f"{100 * s.numbered_share:.0f}%") for s in summaries]


def summary_table(summaries: list[DocumentSummary]) -> str:
    """A plain-text table, columns padded to their widest cell."""
    rows = [COLUMNS, *summary_rows(summaries)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows)
