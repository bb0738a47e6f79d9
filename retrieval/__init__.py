"""sectorbot's retrieval core. Front ends use only this package's top level:

    from retrieval import Service, Settings
    service = Service(Settings())
    answer = service.answer("Which Sector handles emergency telecommunications?")

The stages underneath (core → parsing → indexing → answering → service) import in that direction only;
tests/test_architecture.py enforces it."""

from retrieval.core.config import Settings
from retrieval.core.errors import SectorbotError
from retrieval.core.models import Answer, Citation, Clause, SearchHit
from retrieval.parsing.summary import DocumentSummary, summarize, summary_table
from retrieval.service import CiteOutcome, Service, Status

__all__ = ["Answer", "Citation", "CiteOutcome", "Clause", "DocumentSummary", "SearchHit", "SectorbotError", "Service",
           "Settings", "Status", "summarize", "summary_table"]
