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


def _titled(hs: list[SearchHit], coverage: Callable[[str], float]) -> bool:
    """The instrument of these hits has the topic in its title."""
    return coverage(hs[0].clause.instrument.title) >= NAMES_TOPIC


def _naming(hs: list[SearchHit], coverage: Callable[[str], float]) -> list[SearchHit]:
    """The hits whose own text names the topic."""
    return [h for h in hs if coverage(h.clause.text) >= NAMES_TOPIC]


def _about(hs: list[SearchHit], coverage: Callable[[str], float]) -> bool:
    """An instrument *about* the topic: its title says so, or several of its clauses name it."""
    return _titled(hs, coverage) or len(_naming(hs, coverage)) >= 2


def names_topic(hits: list[SearchHit], coverage: Callable[[str], float]) -> bool:
    """Some hit names the topic in its text, or belongs to an instrument whose title does."""
    return any(_naming([h], coverage) or _titled([h], coverage) for h in hits)


def compose_find(query: Query, hits: list[SearchHit], coverage: Callable[[str], float] | None = None,
                 topic: str = "") -> Answer:
    by_inst: dict[str, list[SearchHit]] = defaultdict(list)
    for h in hits:
        by_inst[version_display(h.clause)].append(h)
    if coverage is not None:
        def rank(item_: tuple[str, list[SearchHit]]) -> tuple[int, int, float]:
            _name, hs = item_
            return (0 if _about(hs, coverage) else 1, -len(_naming(hs, coverage)), -max(h.score for h in hs))

        # Only instruments with a clause naming the topic, or about it: a near miss in meaning is not a
        # resolution "on" it.
        kept = {n: hs for n, hs in by_inst.items() if _naming(hs, coverage) or _titled(hs, coverage)}
        by_inst = dict(sorted((kept or by_inst).items(), key=rank))
    what = [em(topic)] if topic else ["this"]
    if coverage is not None and not any(_about(hs, coverage) for hs in by_inst.values()):
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
