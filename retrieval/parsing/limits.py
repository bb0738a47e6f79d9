"""Limits per document, so one hostile or broken file costs its own error line and nothing more.

The format readers keep their (name, bytes) signature; the limits in force reach them through a
context variable that the caller with the settings (ingest, `parse`) sets for the duration of a read."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from pydantic import BaseModel

from retrieval.core.config import Settings


class Limits(BaseModel):
    max_unzipped_bytes: int = 200_000_000
    max_xml_elements: int = 2_000_000
    max_clauses: int = 20_000
    max_clause_chars: int = 20_000

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(max_unzipped_bytes=int(settings.max_unzipped_mb * 1_000_000),
                   max_xml_elements=settings.max_xml_elements, max_clauses=settings.max_clauses,
                   max_clause_chars=settings.max_clause_chars)


_CURRENT: contextvars.ContextVar[Limits | None] = contextvars.ContextVar("limits", default=None)


def current() -> Limits:
    return _CURRENT.get() or Limits()


@contextlib.contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)
