"""Whose Recommendation is it: "X.1255 - whose rec is that?", "F.791 on accessibility terms - is that an R
text or a T text?". A Recommendation's Sector is part of its designation ("Recommendation ITU-T X.1255"),
which the texts citing it print, so the answer needs neither its text nor a mandate: the clause that
prints the designation is the evidence, and the Recommendation itself when it is indexed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from retrieval.answering.compose import lead
from retrieval.answering.query import asks_owner
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, Clause
from retrieval.parsing.mandates import document_sector
from retrieval.parsing.sectors import SECTOR_NAMES

# "X.1255", "ITU-T F.791", "A.Sup5" (a Recommendation or Supplement by its designation)
_DESIGNATION_RE = re.compile(r"\b(?:ITU-[RTD]\s+)?(?P<rec>[A-Z]{1,2}\.(?:Sup)?\d{1,4}(?:\.\d+)?)\b")
# How a citing text prints a designation with its Sector: "Recommendation ITU-T X.1255", "ITU-R M.1042"
_PRINTED = r"\bITU-(?P<s>[RTD])\s+(?:Recommendation\s+)?{rec}(?![\d.])"


def owner_asked(question: str) -> str | None:
    """The one Recommendation whose Sector a question asks ("X.1255 … whose rec is that?"), or None."""
    if not asks_owner(question):
        return None
    recs = list(dict.fromkeys(m.group("rec") for m in _DESIGNATION_RE.finditer(question)))
    return recs[0] if len(recs) == 1 else None


def owner_of(rec: str, clauses: Iterable[Clause]) -> tuple[str, Clause] | None:
    """The Sector a Recommendation belongs to and the clause that shows it: the Recommendation's own text
    when indexed, else the first clause printing its designation with a Sector."""
    printed = re.compile(_PRINTED.format(rec=re.escape(rec)))
    seen: list[tuple[str, Clause]] = []
    for c in clauses:
        if c.instrument.kind in ("recommendation", "supplement") and c.instrument.number == rec \
                and (sector := document_sector(c.instrument)) is not None:
            return sector, c
        if (m := printed.search(c.text)) is not None:
            seen.append((f"ITU-{m.group('s')}", c))
    return seen[0] if seen else None


def compose_owner(question: str, rec: str, sector: str, c: Clause) -> Answer:
    own = c.instrument.number == rec
    how = f"{display(c)} is its own text" if own else f"{display(c)} cites it as an {sector} Recommendation"
    return Answer(question=question, intent="sector", lines=[lead(f"{SECTOR_NAMES[sector]}: {rec} is an {sector} "
                                                                  f"Recommendation ({how}).")],
                  citations=[citation(c, best_quote(c.text, question))], sectors=[sector], lead_sectors=[sector])
