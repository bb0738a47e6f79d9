"""The text a format reader hands to the structure parsers: one string, with footnotes and tracked
changes as offsets into it. Pure data, so the parsers never depend on file I/O."""

from __future__ import annotations

from pydantic import BaseModel, Field


class SourceText(BaseModel):
    """A document's text as one string; offsets in the other fields point into it."""

    text: str
    format: str
    footnotes: dict[str, str] = Field(default_factory=dict)
    footnote_refs: list[tuple[int, str]] = Field(default_factory=list)
    # (start, end, previous reading) for paragraphs that tracked changes altered
    changes: list[tuple[int, int, str]] = Field(default_factory=list)
    # (start, end) of each table; its rows are lines with cells joined by " | "
    tables: list[tuple[int, int]] = Field(default_factory=list)
    # what the reader could not use, per place ("page 1: … cannot be decoded"), reported with the document
    warnings: list[str] = Field(default_factory=list)
