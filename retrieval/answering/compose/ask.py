"""Any other question: the best clauses, each with the part of it that answers."""

from __future__ import annotations

from retrieval.answering.compose import lead, ordered_sectors
from retrieval.answering.query import Query
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, SearchHit
from retrieval.core.text import quoted


def compose_ask(query: Query, hits: list[SearchHit]) -> Answer:
    top = hits[:3]
    lines = []
    cits = []
    for h in top:
        q = best_quote(h.clause.text, query.text)
        lines.append(lead(f"{display(h.clause)}: {quoted(q)}"))
        cits.append(citation(h.clause, q))
    return Answer(question=query.text, intent=query.intent, lines=lines, citations=cits,
                  sectors=ordered_sectors(s for h in top[:1] for s in h.clause.sectors))


def compose_abstain(query: Query, coverage: str) -> Answer:
    return Answer(question=query.text, intent=query.intent, abstained=True,
                  lines=[lead(f"I found no clause in the corpus that answers this. {coverage}")])
