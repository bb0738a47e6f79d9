""""Which resolutions deal with X?": the instruments among the hits, those about X first (their title
says so, or several of their clauses name it), then those that mention it; one citation each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from retrieval.answering.compose import MAX_CITATIONS, em, item, lead, ordered_sectors
from retrieval.answering.query import Query, asks_existence
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, version_display
from retrieval.core.models import Answer, Citation, SearchHit

NAMES_TOPIC = 0.5  # share of the topic's idf mass a clause must hold to count as naming it
MAX_LISTED = 10


def names_topic(hits: list[SearchHit], coverage: Callable[[str], float]) -> bool:
    """Some hit names the topic in its text, or belongs to an instrument whose title does."""
    return any(coverage(h.clause.text) >= NAMES_TOPIC or coverage(h.clause.instrument.title) >= NAMES_TOPIC
               for h in hits)


def compose_find(query: Query, hits: list[SearchHit], coverage: Callable[[str], float] | None = None,
                 topic: str = "") -> Answer:
    by_inst: dict[str, list[SearchHit]] = defaultdict(list)
    for h in hits:
        by_inst[version_display(h.clause)].append(h)
    if coverage is not None:
        def rank(item_: tuple[str, list[SearchHit]]) -> tuple[int, int, float]:
            _name, hs = item_
            naming = [h for h in hs if coverage(h.clause.text) >= NAMES_TOPIC]
            about = coverage(hs[0].clause.instrument.title) >= NAMES_TOPIC or len(naming) >= 2
            return (0 if about else 1, -len(naming), -max(h.score for h in hs))

        # Only instruments with a clause naming the topic, or about it: a near miss in meaning is not a
        # resolution "on" it.
        kept = {n: hs for n, hs in by_inst.items()
                if any(coverage(h.clause.text) >= NAMES_TOPIC for h in hs)
                or coverage(hs[0].clause.instrument.title) >= NAMES_TOPIC}
        by_inst = dict(sorted((kept or by_inst).items(), key=rank))
    what = [em(topic)] if topic else ["this"]
    about_any = coverage is not None and any(
        coverage(hs[0].clause.instrument.title) >= NAMES_TOPIC
        or sum(coverage(h.clause.text) >= NAMES_TOPIC for h in hs) >= 2 for hs in by_inst.values())
    if coverage is not None and not about_any:
        # "Is there a resolution on AI?" and one annex mentions it in passing: that is no resolution on it.
        lines = [lead("No text in the corpus is about ", *what, f"; {len(by_inst)} mention{'s' if len(by_inst) == 1 else ''} it:")]
    else:
        yes = "Yes: " if asks_existence(query.text) else ""
        lines = [lead(f"{yes}{len(by_inst)} document(s) in the corpus deal with ", *what, ":")]
    cits: list[Citation] = []
    for n, (name, hs) in enumerate(by_inst.items()):
        if n >= MAX_LISTED:
            lines.append(item(f"… and {len(by_inst) - MAX_LISTED} more"))
            break
        best = max(hs, key=lambda h: coverage(h.clause.text) if coverage else h.score)
        c = best.clause
        lines.append(item(f"{name} — {c.part}{' ' + c.label if c.label else ''}"))
        if len(cits) < MAX_CITATIONS:
            cits.append(citation(c, best_quote(c.text, topic or query.text)))
    return Answer(question=query.text, intent="find", lines=lines, citations=cits,
                  sectors=ordered_sectors(s for h in hits[:3] for s in h.clause.sectors))
