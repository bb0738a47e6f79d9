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
