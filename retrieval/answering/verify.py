"""Citation checks: a citation stands only if its clause was given and its quote is verbatim."""

from __future__ import annotations

from retrieval.core.models import Citation, Clause
from retrieval.core.text import normalize, strip_footnote_marks


def quote_in(quote: str, text: str) -> bool:
    """Verbatim after folding whitespace, hyphen variants and curly quotes; never fuzzier."""
    q = normalize(quote)
    if len(q) < 3:
        return False
    t = normalize(text)
    return q in t or normalize(strip_footnote_marks(quote)) in normalize(strip_footnote_marks(text))


def verify(citation: Citation, given: dict[str, Clause]) -> bool:
    clause = given.get(citation.clause_id)
    return clause is not None and quote_in(citation.quote, clause.text)


def keep_verified(citations: list[Citation], given: dict[str, Clause]) -> tuple[list[Citation], int]:
    kept = [c for c in citations if verify(c, given)]
    return kept, len(citations) - len(kept)
