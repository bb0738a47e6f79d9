""""Which Sector handles X?": the Sectors the evidence names, the groups, the coordination mechanism."""

from __future__ import annotations

import re

from retrieval.answering.compose import MAX_CITATIONS, em, item, lead
from retrieval.answering.query import Query
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import SECTORS, Answer, AnswerLine, Citation, Clause, SearchHit
from retrieval.parsing.sectors import SECTOR_NAMES, groups_in, mechanisms_in, sectors_in

# Wording that puts a topic with every Sector; the first pattern is the stronger statement.
ALL_SECTORS_RES = (
    re.compile(r"\b(?:all|three)\s+(?:ITU\s+)?Sectors\b|\bmutual interest\b", re.IGNORECASE),
    re.compile(r"\bITU as a whole\b|\bwithin the Union as a whole\b", re.IGNORECASE),
)


def compose_sector(query: Query, hits: list[SearchHit]) -> Answer | None:
    """None when no hit names a Sector (the caller then answers as a plain question)."""
    topic = query.topic.rstrip("?")
    question = query.text
    evidence: dict[str, tuple[Clause, str]] = {}
    mechanisms: dict[str, Clause] = {}
    top = hits[:6]
    shared = next((h.clause for pattern in ALL_SECTORS_RES for h in top if pattern.search(h.clause.text)), None)
    if shared is not None:
        for s in ("ITU-R", "ITU-T", "ITU-D"):
            evidence[s] = (shared, best_quote(shared.text, question))
    for h in top:
        c = h.clause
        for s in sectors_in(c.text):
            evidence.setdefault(s, (c, best_quote(c.text, question)))
        for m in mechanisms_in(c.text):
            if m != "liaison":
                mechanisms.setdefault(m, c)
    if not evidence:
        return None
    sectors = [s for s in SECTORS if s in evidence]
    lines: list[AnswerLine] = []
    if shared is not None and all(s in evidence for s in ("ITU-R", "ITU-T", "ITU-D")):
        lines.append(lead(em(topic), " is treated as a matter of mutual interest to all three Sectors "
                          f"(ITU-R, ITU-T, ITU-D), per {display(shared)}."))
    else:
        lines.append(lead("The corpus links ", em(topic), " to: " + ", ".join(SECTOR_NAMES[s] for s in sectors) + "."))
    for s in sectors:
        c, _q = evidence[s]
        groups = [g for g in groups_in(c.text) if s in sectors_in(g) or g.startswith(s)]
        extra = f" (names {', '.join(groups)})" if groups else ""
        lines.append(item(f"{s}: {display(c)}{extra}"))
    if mechanisms:
        lines.append(lead("Coordination: " + "; ".join(f"{m} ({display(c)})" for m, c in mechanisms.items()) + "."))
    cits: list[Citation] = []
    for c, q in [evidence[s] for s in sectors] + [(c, best_quote(c.text, m)) for m, c in mechanisms.items()]:
        if all(x.clause_id != c.clause_id for x in cits):
            cits.append(citation(c, q))
    return Answer(question=question, intent="sector", lines=lines, citations=cits[:MAX_CITATIONS], sectors=sectors)
