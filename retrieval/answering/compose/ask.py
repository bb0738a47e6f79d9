"""Any other question: one sentence that answers when the clause holds a short answer, then the best
clauses, each with the part of it that answers."""

from __future__ import annotations

from retrieval.answering.compose import asks_who, lead, note, ordered_sectors
from retrieval.answering.compose.direct import answer_with_actor, doer, question_named, states_quantity_of
from retrieval.answering.query import Query, without_alternatives
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, SearchHit
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
        says = next((h for h in top if doer(asked, h.clause) is not None), None)
        if says is not None:
            top = [says, *[x for x in top if x is not says]]
    elif top and question_named(asked, top[0].clause.text) is None and \
            (naming := next((h for h in hits[1:5] if question_named(asked, h.clause.text) is not None), None)):
        # "which question in SG17 hosts the incubation queue?": the clause naming the Question that does it
        # (from the first five: the general description of the mechanism ranks above it on meaning)
        top = [naming, *[x for x in top if x is not naming]][:3]
    elif top and not states_quantity_of(asked, top[0].clause.text):
        # "How long does the Last Call run?": a clause whose span is about the thing asked ("The last call
        # encompasses the four-week time period") answers before one giving another step's span that
        # mentions it ("The additional review encompasses a three-week time period … comments from the last call").
        about = next((h for h in top[1:] if states_quantity_of(asked, h.clause.text)), None)
        if about is not None:
            top = [about, *[x for x in top if x is not about]]
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
