"""Question → Answer with verified citations. Extractive by default; an LLM phrases the answer when
one is configured, and every citation it makes is checked before anyone sees it."""

from __future__ import annotations

import logging
import re
from collections import defaultdict

from .errors import LLMError
from .ids import display, instrument_display
from .intent import Intent, detect, topic_of
from .llm import ChatLLM
from .models import SECTORS, Answer, Citation, Clause, SearchHit
from .quotes import best_quote
from .references import Reference, references_named
from .search import Engine, Filters
from .sectors import SECTOR_NAMES, groups_in, mechanisms_in, sectors_in
from .text import quoted
from .verify import keep_verified

log = logging.getLogger(__name__)
# Wording that puts a topic with every Sector; the first pattern is the stronger statement.
ALL_SECTORS_RES = (
    re.compile(r"\b(?:all|three)\s+(?:ITU\s+)?Sectors\b|\bmutual interest\b", re.IGNORECASE),
    re.compile(r"\bITU as a whole\b|\bwithin the Union as a whole\b", re.IGNORECASE),
)
MAX_CITATIONS = 5
COVERAGE_FLOOR = 0.75  # share of the query's idf mass a clause must hold to count as lexical evidence
RESOLUTIONS_RE = re.compile(r"\bresolutions?\b", re.IGNORECASE)


def cite_clause(clause: Clause, quote: str) -> Citation:
    return Citation(clause_id=clause.clause_id, display=display(clause), doc_id=clause.doc_id,
                    part=clause.part, label=clause.label, quote=quote, url=None)


class Answerer:
    def __init__(self, engine: Engine, llm: ChatLLM | None = None) -> None:
        self.engine = engine
        settings = engine.settings
        self.llm = llm if llm is not None else (ChatLLM(settings) if settings.llm_configured else None)

    # ---- entry point ----------------------------------------------------------------------------
    def answer(self, question: str) -> Answer:
        question = question.strip()
        if not question:
            return Answer(question=question, text="Ask me a question, or give a reference such as "
                          "“Res 57 resolves 3”.", abstained=True)
        intent, ref = detect(question)
        if intent == "cite" and ref is not None:
            result = self._cite(question, ref)
        else:
            hits = self._evidence(question if intent == "ask" else topic_of(question), intent, question)
            if not hits:
                result = self._abstain(question, intent)
            elif intent == "sector":
                result = self._sector(question, hits)
            elif intent == "find":
                result = self._find(question, hits)
            else:
                result = self._ask(question, hits)
            if self.llm is not None and not result.abstained:
                result = self._with_llm(question, hits, result)
        return self._final_check(result)

    def _evidence(self, query: str, intent: Intent, question: str = "") -> list[SearchHit]:
        """Hits that clear the evidence floor. A question naming instruments ("… according to
        Resolution 57") searches the documents that hold them first (the resolution, and contributions
        proposing to change it), and the whole corpus only if those have nothing to say."""
        filters = Filters(kind="resolution") if intent == "find" and RESOLUTIONS_RE.search(question) else Filters()
        docs = self._documents_named(question)
        if docs:
            scoped = self._search(query, intent, filters.model_copy(update={"doc_ids": sorted(docs)}))
            if scoped:
                return scoped
        return self._search(query, intent, filters)

    def _documents_named(self, question: str) -> set[str]:
        """The documents holding the resolutions a question names (the resolution itself, and
        contributions proposing to change it)."""
        catalog = self.engine.catalog()
        return {c.doc_id for r in references_named(question) for c in catalog.cite_candidates(r)
                if r.body is None or c.instrument.body == r.body}

    def _search(self, query: str, intent: Intent, filters: Filters) -> list[SearchHit]:
        k = 10 if intent in ("find", "sector") else max(self.engine.settings.top_k, 5)
        hits = self.engine.search(query, k=k, filters=filters)
        floor = self.engine.settings.min_evidence
        coverage = self.engine.catalog().lexical.coverage_of(query)

        def covered(h: SearchHit) -> bool:
            # Short queries ("IMT") and long list-like clauses embed poorly; a clause holding the
            # query's rare words (most of its idf mass) is evidence too.
            return h.lexical_rank is not None and coverage(h.clause.text) >= COVERAGE_FLOOR

        return [h for h in hits if (h.similarity or 0.0) >= floor or covered(h)]

    # ---- intents ---------------------------------------------------------------------------------
    def _cite(self, question: str, ref: Reference) -> Answer:
        res = self.engine.cite(ref)
        if not res.clauses:
            text = res.message or "That reference is not in the corpus."
            return Answer(question=question, intent="cite", abstained=True,
                          text=f"{text} {self.coverage()}".strip())
        clauses = res.clauses
        cits = [cite_clause(c, c.text) for c in clauses[:MAX_CITATIONS]]
        if ref.symbol:
            lead = self._proposal_summary(clauses, ref)
        elif len(clauses) == 1:
            c = clauses[0]
            lead = f"{display(c)}:\n{quoted(c.text)}"
            if c.previous_text:
                lead += f"\nBefore the tracked changes it read: {quoted(c.previous_text)}"
        else:
            lead = f"{instrument_display(clauses[0].instrument)}: {len(clauses)} clauses match; " \
                   f"the first {len(cits)} are cited below."
        if res.message:
            lead += f"\n_{res.message}_"
        return Answer(question=question, intent="cite", text=lead, citations=cits,
                      sectors=_ordered(s for c in clauses for s in c.sectors))

    def _proposal_summary(self, clauses: list[Clause], ref: Reference) -> str:
        props = list(dict.fromkeys(c.proposal for c in clauses if c.proposal))
        lines = []
        for p in props:
            inst = next(c.instrument for c in clauses if c.proposal == p)
            action = {"MOD": "modify", "ADD": "add", "SUP": "suppress"}[p.split()[0]]
            parts = list(dict.fromkeys(c.part for c in clauses if c.proposal == p))
            lines.append(f"{p} proposes to {action} {instrument_display(inst)}"
                         + (f" ({inst.title})" if inst.title else "")
                         + (f", with text under {', '.join(parts)}." if parts else "."))
        if not lines:
            return f"{ref.symbol}: {len(clauses)} clauses in the corpus."
        return "\n".join(lines)

    def _sector(self, question: str, hits: list[SearchHit]) -> Answer:
        topic = topic_of(question).rstrip("?")
        evidence: dict[str, tuple[Clause, str]] = {}
        mechanisms: dict[str, Clause] = {}
        top = hits[:6]
        shared = next((h.clause for pattern in ALL_SECTORS_RES for h in top if pattern.search(h.clause.text)), None)
        if shared is not None:
            for s in ("ITU-R", "ITU-T", "ITU-D"):
                evidence[s] = (shared, best_quote(shared.text, question))
        for h in top:
            c = h.clause
            names = sectors_in(c.text)
            for s in names:
                evidence.setdefault(s, (c, best_quote(c.text, question)))
            for m in mechanisms_in(c.text):
                if m != "liaison":
                    mechanisms.setdefault(m, c)
        if not evidence:
            return self._ask(question, hits)
        sectors = [s for s in SECTORS if s in evidence]
        lines = []
        if shared is not None and all(s in evidence for s in ("ITU-R", "ITU-T", "ITU-D")):
            lines.append(f"*{topic}* is treated as a matter of mutual interest to all three Sectors "
                         f"(ITU-R, ITU-T, ITU-D), per {display(shared)}.")
        else:
            lines.append(f"The corpus links *{topic}* to: " + ", ".join(SECTOR_NAMES[s] for s in sectors) + ".")
        for s in sectors:
            c, _q = evidence[s]
            groups = [g for g in groups_in(c.text) if s in sectors_in(g) or g.startswith(s)]
            extra = f" (names {', '.join(groups)})" if groups else ""
            lines.append(f"• {s}: {display(c)}{extra}")
        if mechanisms:
            lines.append("Coordination: " + "; ".join(f"{m} ({display(c)})" for m, c in mechanisms.items()) + ".")
        cits: list[Citation] = []
        for c, q in [evidence[s] for s in sectors] + [(c, best_quote(c.text, m)) for m, c in mechanisms.items()]:
            if all(x.clause_id != c.clause_id for x in cits):
                cits.append(cite_clause(c, q))
        return Answer(question=question, intent="sector", text="\n".join(lines), citations=cits[:MAX_CITATIONS],
                      sectors=sectors)

    def _find(self, question: str, hits: list[SearchHit]) -> Answer:
        by_inst: dict[str, list[SearchHit]] = defaultdict(list)
        for h in hits:
            name = instrument_display(h.clause.instrument)
            if h.clause.proposal:
                name += f" (as proposed in {h.clause.proposal})"
            by_inst[name].append(h)
        lines = [f"{len(by_inst)} document(s) in the corpus deal with this:"]
        cits = []
        for name, hs in list(by_inst.items())[:MAX_CITATIONS]:
            c = hs[0].clause
            lines.append(f"• {name} — {c.part}{' ' + c.label if c.label else ''}")
            cits.append(cite_clause(c, best_quote(c.text, question)))
        return Answer(question=question, intent="find", text="\n".join(lines), citations=cits,
                      sectors=_ordered(s for h in hits[:3] for s in h.clause.sectors))

    def _ask(self, question: str, hits: list[SearchHit]) -> Answer:
        top = hits[:3]
        lines = []
        cits = []
        for h in top:
            q = best_quote(h.clause.text, question)
            lines.append(f"{display(h.clause)}: {quoted(q)}")
            cits.append(cite_clause(h.clause, q))
        return Answer(question=question, intent="ask", text="\n".join(lines), citations=cits,
                      sectors=_ordered(s for h in top[:1] for s in h.clause.sectors))

    def _abstain(self, question: str, intent: Intent) -> Answer:
        return Answer(question=question, intent=intent, abstained=True,
                      text=f"I found no clause in the corpus that answers this. {self.coverage()}")

    def coverage(self) -> str:
        names = []
        for c in self.engine.catalog().clauses:
            name = instrument_display(c.instrument) + (f" (as proposed in {c.proposal})" if c.proposal else "")
            if name not in names:
                names.append(name)
        if not names:
            return "The index is empty: run `sectorbot ingest corpus/` first."
        shown = "; ".join(names[:8]) + (f"; and {len(names) - 8} more" if len(names) > 8 else "")
        return f"The corpus covers: {shown}."

    # ---- LLM mode ---------------------------------------------------------------------------------
    def _with_llm(self, question: str, hits: list[SearchHit], extractive: Answer) -> Answer:
        assert self.llm is not None
        clauses = [h.clause for h in hits[:8]]
        given = {c.clause_id: c for c in clauses}
        shown = {c.clause_id: display(c) for c in clauses}
        try:
            reply = self.llm.ask(question, clauses, shown)
        except LLMError as e:
            log.warning("LLM failed, answering extractively: %s", e)
            # The reason is ours (LLMError wording), never the endpoint's raw text.
            note = f"The language model could not be used ({e}); this answer is extractive."
            return extractive.model_copy(update={"notes": [*extractive.notes, note]})
        cits: list[Citation] = []
        texts: list[str] = []
        dropped = 0
        for claim in reply.claims:
            clause = given.get(claim.clause_id)
            cit = cite_clause(clause, claim.quote) if clause else None
            kept, bad = keep_verified([cit], given) if cit else ([], 1)
            if bad:
                dropped += 1
                continue
            texts.append(claim.text.strip())
            if all(c.clause_id != kept[0].clause_id for c in cits):
                cits.extend(kept)
        if not cits:
            note = "The language model's answer could not be verified against the clauses; this answer is extractive."
            return extractive.model_copy(update={"notes": [*extractive.notes, note]})
        notes = [f"{dropped} claim(s) from the language model were dropped: their citation did not check out."] \
            if dropped else []
        sectors = [s for s in reply.sectors if s in SECTORS and any(s in given[c.clause_id].sectors
                                                                    or extractive.sectors for c in cits)]
        return Answer(question=question, intent=extractive.intent, mode="llm", text=" ".join(texts),
                      citations=cits[:MAX_CITATIONS], sectors=sectors or extractive.sectors, notes=notes)

    def _final_check(self, answer: Answer) -> Answer:
        """Last guard before any front end: every citation must name an indexed clause and quote it."""
        catalog = self.engine.catalog()
        ids = {c.clause_id for c in answer.citations}
        given = {i: catalog.by_id[i] for i in ids if i in catalog.by_id}
        kept, dropped = keep_verified(answer.citations, given)
        if dropped:
            log.error("dropped %d citation(s) that failed verification", dropped)
            answer = answer.model_copy(update={"citations": kept})
        return answer


def _ordered(sectors: object) -> list[str]:
    seen = set(sectors)  # type: ignore[call-overload]
    return [s for s in SECTORS if s in seen]

