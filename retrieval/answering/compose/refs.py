"""What an instrument cites and what cites it, as an Answer: each edge with the clause it is in,
the citing clauses quoted verbatim. Pure functions over the reference graph."""

from __future__ import annotations

from retrieval.answering.compose import item, lead, note
from retrieval.answering.graph import Edge, Graph
from retrieval.answering.query import parse_reference
from retrieval.core.citations import citation, display, instrument_display
from retrieval.core.models import Answer, AnswerLine, Citation, Clause

MAX_REF_CITATIONS = 10


def documents_named(graph: Graph, reference: str) -> list[str]:
    """The indexed documents a reference names, latest first."""
    ref = parse_reference(reference)
    if ref is None:
        return []
    if ref.symbol:
        sym = ref.symbol.upper()
        return sorted({c.doc_id for cs in graph.clauses_of.values() for c in cs
                       if (c.instrument.symbol or "").upper() == sym
                       or (c.proposal or "").upper().split()[-1].startswith(sym + "/")})
    if not ref.number:
        return []
    kind = ref.kind or "resolution"
    docs = graph.documents_for(ref.body, ref.number, kind, ref.revision)
    if not docs and ref.body is None and kind not in ("resolution", "decision"):
        docs = [d for d, inst in graph.instruments.items() if (inst.symbol or "").upper() == ref.number.upper()]
    return docs


def _clause(graph: Graph, clause_id: str) -> Clause | None:
    doc = clause_id.split("#", 1)[0]
    return next((c for c in graph.clauses_of.get(doc, []) if c.clause_id == clause_id), None)


def _target_name(graph: Graph, e: Edge) -> str:
    if e.target_doc is None:
        return f"{e.text} (not indexed)"
    name = instrument_display(graph.instruments[e.target_doc])
    return name if e.exact else f"{e.text}, indexed as {name}"


def compose_refs(question: str, graph: Graph, doc_id: str, others: list[str]) -> Answer:
    inst = graph.instruments.get(doc_id) or graph.clauses_of[doc_id][0].instrument
    name = instrument_display(inst)
    out, inc = graph.out_edges(doc_id), graph.in_edges(doc_id)
    lines: list[AnswerLine] = [lead(
        f"{name} cites {len({e.text for e in out})} instrument(s) "
        f"({len({e.target_doc for e in out if e.target_doc})} of them indexed); "
        f"{len(inc)} reference(s) in {len({e.source_doc for e in inc})} indexed text(s) cite it.")]
    cits: list[Citation] = []

    def cite(clause_id: str) -> str:
        c = _clause(graph, clause_id)
        if c is None:
            return clause_id
        if len(cits) < MAX_REF_CITATIONS and all(x.clause_id != c.clause_id for x in cits):
            cits.append(citation(c, c.text))
        return display(c)

    if out:
        lines.append(lead("It cites:"))
        for e in out:
            lines.append(item(f"{_target_name(graph, e)} — in {cite(e.clause_id)}"))
    if inc:
        lines.append(lead("Cited by:"))
        for e in inc:
            lines.append(item(f"{cite(e.clause_id)}" + ("" if e.exact else f" (as {e.text})")))
    if not out and not inc:
        lines.append(lead("No references to or from it were found in the indexed texts."))
    if others:
        lines.append(note("Other indexed versions: " + "; ".join(others) + "."))
    return Answer(question=question, intent="refs", lines=lines, citations=cits)


def refs_answer(question: str, graph: Graph, reference: str) -> Answer:
    docs = documents_named(graph, reference)
    if not docs:
        return Answer(question=question, intent="refs", abstained=True,
                      lines=[lead(f"{reference} is not in the corpus.")])
    others = [instrument_display(graph.instruments[d]) for d in docs[1:] if d in graph.instruments]
    return compose_refs(question, graph, docs[0], others)
