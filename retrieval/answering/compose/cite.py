"""A reference looked up: the clause verbatim, or the clauses of a part, or what a proposal changes."""

from __future__ import annotations

from retrieval.answering.cite import CiteResult
from retrieval.answering.compose import MAX_CITATIONS, lead, note, ordered_sectors
from retrieval.answering.query import Query
from retrieval.core.citations import citation, display, instrument_display
from retrieval.core.models import Answer, AnswerLine, Clause, Reference
from retrieval.core.text import quoted


def compose_cite(query: Query, res: CiteResult, coverage: str) -> Answer:
    ref = query.reference
    assert ref is not None
    if not res.clauses:
        text = res.message or "That reference is not in the corpus."
        return Answer(question=query.text, intent="cite", abstained=True,
                      lines=[lead(f"{text} {coverage}".strip())])
    clauses = res.clauses
    cits = [citation(c, c.text) for c in clauses[:MAX_CITATIONS]]
    lines: list[AnswerLine]
    if ref.symbol:
        lines = proposal_summary(clauses, ref)
    elif len(clauses) == 1:
        c = clauses[0]
        lines = [lead(f"{display(c)}:"), lead(quoted(c.text))]
        if c.previous_text:
            lines.append(lead(f"Before the tracked changes it read: {quoted(c.previous_text)}"))
    else:
        lines = [lead(f"{instrument_display(clauses[0].instrument)}: {len(clauses)} clauses match; "
                      f"the first {len(cits)} are cited below.")]
    if res.message:
        lines.append(note(res.message))
    return Answer(question=query.text, intent="cite", lines=lines, citations=cits,
                  sectors=ordered_sectors(s for c in clauses for s in c.sectors))


def proposal_summary(clauses: list[Clause], ref: Reference) -> list[AnswerLine]:
    props = list(dict.fromkeys(c.proposal for c in clauses if c.proposal))
    lines = []
    for p in props:
        inst = next(c.instrument for c in clauses if c.proposal == p)
        action = {"MOD": "modify", "ADD": "add", "SUP": "suppress"}[p.split()[0]]
        parts = list(dict.fromkeys(c.part for c in clauses if c.proposal == p))
        lines.append(lead(f"{p} proposes to {action} {instrument_display(inst)}"
                          + (f" ({inst.title})" if inst.title else "")
                          + (f", with text under {', '.join(parts)}." if parts else ".")))
    if not lines:
        return [lead(f"{ref.symbol}: {len(clauses)} clauses in the corpus.")]
    return lines
