""""Which Sector handles X?" from the mandates: who is given work on X, and who is merely named.

Only clauses that speak of X count (X's rare words, or its synonyms the corpus uses, in the clause or
in its instrument's title). Each Sector gets weight from them:
- an operative mandate (instructed, invited, requested, resolved, responsible) in a clause naming X: 3;
  via the instrument's title only: 2; X only one item of a list in that clause: 1; a mandate shared by
  all three Sectors ("the Directors of the Bureaux") counts half, so a Sector singled out leads;
- a clause with no mandate naming a Sector in the sentence about X: 1.5 (0.5 when X is listed there);
- X listed as of mutual interest to all Sectors: 0.5 each.
Each instrument counts once per Sector, by its strongest clause. The lead is every Sector within 60 % of the best; the others are involved. Operative evidence is cited
first, recitals after."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from retrieval.answering.compose import MAX_CITATIONS, em, item, lead, note
from retrieval.answering.compose.topic import listed, segment_at, speaks_of, topic_position
from retrieval.answering.query import Query
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, AnswerLine, Citation, Clause
from retrieval.indexing.lexical import lexical_tokens
from retrieval.parsing.sectors import SECTOR_NAMES, mechanisms_in, sectors_in

THREE = ("ITU-R", "ITU-T", "ITU-D")
OPERATIVE = frozenset({"instructed", "invited", "requested", "encouraged", "resolved", "responsible", "reports"})
LEAD_SHARE = 0.6
MUTUAL_RE = re.compile(r"\b(?:all|three)\s+(?:ITU\s+)?Sectors\b|\bmutual interest\b", re.IGNORECASE)
_ROLE_WORDS = {"instructed": "instructed", "invited": "invited", "requested": "asked", "encouraged": "encouraged",
               "resolved": "given the task", "responsible": "responsible", "reports": "reports"}


class _Evidence:
    def __init__(self) -> None:
        self.score: dict[str, float] = defaultdict(float)
        self.clauses: dict[str, list[tuple[float, Clause, str]]] = defaultdict(list)  # sector → (w, clause, how)
        self.listing: Clause | None = None
        self.supporting: list[Clause] = []  # every clause that speaks of the topic

    def add(self, sector: str, w: float, c: Clause, how: str) -> None:
        self.clauses[sector].append((w, c, how))
        # Each instrument counts once, by its strongest clause: nine tasks for BDT in one resolution do not
        # outweigh TSB's three in the same resolution.
        best: dict[str, float] = {}
        for weight, clause, _how in self.clauses[sector]:
            best[clause.doc_id] = max(best.get(clause.doc_id, 0.0), weight)
        self.score[sector] = sum(best.values())


def weigh(clauses: list[Clause], terms: list[str], coverage: Callable[[str], float]) -> _Evidence:
    ev = _Evidence()
    for c in clauses:
        in_text, via_title = speaks_of(c, coverage)
        if not (in_text or via_title):
            continue
        if in_text:
            ev.supporting.append(c)
        pos = topic_position(c.text, terms) if in_text else None
        is_listed = pos is not None and listed(c.text, pos)
        ops = [m for m in c.mandates if m.role in OPERATIVE and m.sector in THREE]
        op_sectors = {m.sector for m in ops if m.sector}
        joint = len(op_sectors) >= 3
        if ops:
            for s in op_sectors:
                m = next(m for m in ops if m.sector == s)
                w = 3.0 if m.role == "responsible" and in_text else (1.0 if is_listed else 3.0 if in_text else 2.0)
                ev.add(s, w * (0.5 if joint else 1.0), c, f"{m.actor} {_ROLE_WORDS[m.role]}")
            continue
        if pos is None:
            continue
        s0, e0 = segment_at(c.text, pos)
        seg = c.text[s0:e0]
        if MUTUAL_RE.search(c.text) and is_listed:
            ev.listing = ev.listing or c
            for sec in THREE:
                ev.add(sec, 0.5, c, "listed as of mutual interest")
            continue
        for s in sectors_in(seg):
            if s in THREE:
                ev.add(s, 0.5 if is_listed else 1.5, c, "named")
    return ev


def compose_sector(query: Query, clauses: list[Clause], terms: list[str], coverage: Callable[[str], float],
                   topic: str) -> Answer | None:
    """None when no clause speaks of the topic (the caller abstains, naming it)."""
    ev = weigh(clauses, terms, coverage)
    if not ev.supporting and not ev.score:
        return None
    best = max(ev.score.values(), default=0.0)
    lead_s = [s for s in THREE if ev.score.get(s, 0) >= LEAD_SHARE * best and best >= 1.5]
    # A Sector the question itself names ("… set up jointly with ITU-R") is the partner, not the answer.
    partners = [s for s in sectors_in(topic) if s in lead_s]
    if partners and len(partners) < len(lead_s):
        lead_s = [s for s in lead_s if s not in partners]
    involved = [s for s in THREE if ev.score.get(s, 0) > 0 and s not in lead_s]
    lines: list[AnswerLine] = []
    if re.match(r"^\s*who\b", query.text, re.IGNORECASE):
        # "Who is responsible for …?" names the actor before the Sector.
        resp = [(c, md) for c in ev.supporting for md in c.mandates if md.role == "responsible"]
        if resp:
            rc, rm = resp[0]
            lines.append(lead(f"{rm.actor}: {rm.what} ({display(rc)})."))
    if lead_s:
        names = " and ".join(SECTOR_NAMES[s] for s in lead_s)
        top = max(ev.clauses[lead_s[0]], key=lambda x: x[0])
        lines.append(lead(names, " ", "lead" if len(lead_s) > 1 else "leads", " on ", em(topic),
                          f": {top[2]} in {display(top[1])}."))
    elif ev.listing is not None:
        lines.append(lead(em(topic), " is listed as a matter of mutual interest to all three Sectors "
                          f"(ITU-R, ITU-T, ITU-D) in {display(ev.listing)}; no text found gives one Sector the lead."))
    elif involved:
        where = display(max((x for s in involved for x in ev.clauses[s]), key=lambda x: x[0])[1])
        lines.append(lead(em(topic), f" is named with {', '.join(involved)} in {where}; "
                          "no text found gives one Sector the lead."))
    else:
        lines.append(lead("The corpus speaks of ", em(topic), f" in {display(ev.supporting[0])}, "
                          "but names no Sector for it."))
    for s in lead_s + involved:
        _w, c, how = max(ev.clauses[s], key=lambda x: x[0])
        role = "lead" if s in lead_s else "involved"
        lines.append(item(f"{s} ({role}): {how} — {display(c)}"))
    if ev.listing is not None and lead_s:
        lines.append(item(f"Listed as a matter of mutual interest to all three Sectors: {display(ev.listing)}"))
    mechs: dict[str, Clause] = {}
    for c in ev.supporting + [c for s in ev.clauses for _w, c, _h in ev.clauses[s]]:
        for mech in mechanisms_in(c.text):
            if mech != "liaison":
                mechs.setdefault(mech, c)
    if mechs:
        lines.append(note("Coordination: " + "; ".join(f"{m} ({display(c)})" for m, c in mechs.items()) + "."))
    # Operative evidence first (by weight), recitals and listings after.
    ranked = sorted(((w, c) for s in lead_s + involved for w, c, _h in ev.clauses[s]),
                    key=lambda x: (-x[0], _recital(x[1])))
    ranked += [(0.0, c) for c in ev.supporting]
    cits: list[Citation] = []
    for _w, c in ranked:
        if all(x.clause_id != c.clause_id for x in cits):
            cits.append(citation(c, best_quote(c.text, topic)))
        if len(cits) >= MAX_CITATIONS:
            break
    return Answer(question=query.text, intent="sector", lines=lines, citations=cits,
                  sectors=lead_s + involved, lead_sectors=lead_s, involved_sectors=involved)


def _recital(c: Clause) -> bool:
    return all(m.role == "noted" for m in c.mandates)


def topic_terms(topic: str) -> list[str]:
    from retrieval.answering.compose.evidence import GENERIC

    return [t for t in dict.fromkeys(lexical_tokens(topic)) if t not in GENERIC]
