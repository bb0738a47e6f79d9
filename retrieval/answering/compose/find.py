""""Which resolutions deal with X?": the instruments among the hits, one citation each."""

from __future__ import annotations

from collections import defaultdict

from retrieval.answering.compose import MAX_CITATIONS, item, lead, ordered_sectors
from retrieval.answering.query import Query
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, version_display
from retrieval.core.models import Answer, SearchHit


def compose_find(query: Query, hits: list[SearchHit]) -> Answer:
    by_inst: dict[str, list[SearchHit]] = defaultdict(list)
    for h in hits:
        by_inst[version_display(h.clause)].append(h)
    lines = [lead(f"{len(by_inst)} document(s) in the corpus deal with this:")]
    cits = []
    for name, hs in list(by_inst.items())[:MAX_CITATIONS]:
        c = hs[0].clause
        lines.append(item(f"{name} — {c.part}{' ' + c.label if c.label else ''}"))
        cits.append(citation(c, best_quote(c.text, query.text)))
    return Answer(question=query.text, intent="find", lines=lines, citations=cits,
                  sectors=ordered_sectors(s for h in hits[:3] for s in h.clause.sectors))
