"""Any other question: one sentence that answers when the clause holds a short answer, then the best
clauses, each with the part of it that answers."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.answering.compose import asks_who, lead, note, ordered_sectors
from retrieval.answering.compose.direct import answer_with_actor, doer, question_named, states_quantity_of
from retrieval.answering.query import Query, without_alternatives
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, Clause, SearchHit
from retrieval.core.text import quoted
from retrieval.parsing.mandates import gives_task


def compose_ask(query: Query, hits: list[SearchHit]) -> Answer:
    top = hits[:3]
    lines = []
    cits = []
    # "…, BDT or the Secretary-General?": the actors offered are candidates, not actors the answer excludes.
    asked = without_alternatives(query.text)
    if asks_who(query.text):
        # "Who appoints …?": a clause saying who does that verb answers before one that only mentions it.
        top = _promoted(top, top, lambda c: doer(asked, c) is not None)
    elif (naming := _promoted(top, hits[:5], lambda c: question_named(asked, c.text) is not None)) is not top:
        # "which question in SG17 hosts the incubation queue?": the clause naming the Question that does it
        # (from the first five: the general description of the mechanism ranks above it on meaning)
        top = naming
    else:
        # "How long does the Last Call run?": a clause whose span is about the thing asked ("The last call
        # encompasses the four-week time period") answers before one giving another step's span that
        # mentions it ("The additional review encompasses a three-week time period … comments from the last call").
        top = _promoted(top, top, lambda c: states_quantity_of(asked, c.text))
    found = answer_with_actor(asked, top[0].clause, best=True) if top else None
    if found is None:
        # "Who has to …?": the best clause may only describe the task; the next that gives it to someone
        # answers, and leads. "How often …?": the next that gives a frequency about the same thing.
        who = asks_who(query.text)
        for h in top[1:]:
            if not who or any(gives_task(m) for m in h.clause.mandates):
                found = answer_with_actor(asked, h.clause)
                if found:
                    top = [h, *[x for x in top if x is not h]]
                    break
    short, leads = found or (None, [])
    if short:
        lines.append(lead(f"{short} — {display(top[0].clause)}."))
    for h in top:
        q = best_quote(h.clause.text, query.text)
        lines.append(lead(f"{display(h.clause)}: {quoted(q)}"))
        cits.append(citation(h.clause, q))
    # "Who runs the forums, TSB or BDT?" answered by the Director of BDT: ITU-D leads, as a Sector answer would say.
    return Answer(question=query.text, intent=query.intent, lines=lines, citations=cits, lead_sectors=leads,
                  sectors=ordered_sectors([*leads, *(s for h in top[:1] for s in h.clause.sectors)]))


def _promoted(top: list[SearchHit], candidates: list[SearchHit], ok: Callable[[Clause], bool]) -> list[SearchHit]:
    """`top` led by the first of `candidates` whose clause is `ok`, three at most; `top` itself when that is
    already its first, or none is."""
    chosen = next((h for h in candidates if ok(h.clause)), None)
    if chosen is None or chosen is top[0]:
        return top
    return [chosen, *[x for x in top if x is not chosen]][:3]


def compose_abstain(query: Query, coverage: str, reason: str = "", missing: list[str] | None = None) -> Answer:
    """No answer: say what is missing first, then what the corpus does cover."""
    lines = [lead(f"I found no clause in the corpus that answers this. {reason}".strip())]
    lines.append(note(coverage))
    return Answer(question=query.text, intent=query.intent, abstained=True, lines=lines,
                  missing=list(missing or []))


def thin_note(uncovered: list[str]) -> str:
    if not uncovered:
        return "Thin evidence: the clauses below match only part of the question; check them before relying on this."
    words = ", ".join(f"“{w}”" for w in uncovered)
    return f"Thin evidence: the clauses below do not mention {words}; check them before relying on this."
