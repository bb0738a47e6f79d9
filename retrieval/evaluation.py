"""The evaluation harness: a labelled question set → hit@k, MRR, sector accuracy, lead-Sector accuracy,
abstention, answer-sentence accuracy, citation verification and latency.

An item names the clauses that answer it (`expect`: a fragment after '#', or a whole-id pattern with
'*' such as "pp-res-191@*#invites.2"), the documents it needs (`needs`: doc-id prefixes or patterns;
skipped when one is not indexed), and what a right answer holds: `lead` Sectors, `abstain`, or
`answer` (short strings, one of which the answer's first sentence must contain)."""

from __future__ import annotations

import json
import time
from fnmatch import fnmatchcase
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from retrieval.answering.verify import verify
from retrieval.service import Service

DEFAULT_SET = Path(__file__).resolve().parent.parent / "evaluation" / "questions.jsonl"


class EvalItem(BaseModel):
    q: str
    expect: list[str] = Field(default_factory=list)  # clause id fragments (after '#'); any one counts
    sectors: list[str] | None = None  # Sectors the answer must name (any role)
    lead: list[str] | None = None  # the lead Sector(s) the answer must give, exactly
    involved: list[str] | None = None  # informative: others the evidence involves
    abstain: bool = False
    answer: list[str] | None = None  # short answers; the first sentence must contain one (case-insensitive)
    needs: list[str] = Field(default_factory=list)  # doc-id prefixes or patterns ("pp-res-191@", "*823*")
    kind: str = ""  # who asks how: sector, mandate, lookup, chat, noisy, unanswerable

    @field_validator("needs", mode="before")
    @classmethod
    def _needs_list(cls, v: object) -> object:
        if v is None:
            return []
        if v == "res1":  # the first form of the field
            return ["wtsa-res-1@"]
        return [v] if isinstance(v, str) else v


def _plain(text: str) -> str:
    """Lower case, any run of spaces one space: the texts write "70\u00a0per cent" with a no-break space."""
    return " ".join(text.lower().split())


def expect_matches(pattern: str, clause_id: str) -> bool:
    if "*" in pattern or "@" in pattern:
        return fnmatchcase(clause_id, pattern)
    # a whole id ("sg17-c823#cover-page.source": meeting documents have no "@") or the part after '#'
    return clause_id == pattern or clause_id.endswith("#" + pattern)


def needs_met(needs: list[str], doc_ids: set[str]) -> bool:
    def one(n: str) -> bool:
        if "*" in n:
            return any(fnmatchcase(d, n) for d in doc_ids)
        return any(d.startswith(n) for d in doc_ids)

    return all(one(n) for n in needs)


class EvalRow(BaseModel):
    q: str
    rank: int | None
    abstained: bool
    should_abstain: bool
    sectors_ok: bool | None
    lead_ok: bool | None = None
    answer_ok: bool | None = None
    lead_sectors: list[str] = Field(default_factory=list)
    first_line: str = ""
    kind: str = ""
    citations: int
    verified: int
    latency_ms: float


class EvalResult(BaseModel):
    questions: int
    skipped: int
    hit_at_1: float
    hit_at_3: float
    hit_at_5: float
    mrr: float
    sector_accuracy: float | None
    lead_sector_accuracy: float | None = None
    answer_accuracy: float | None = None
    abstention_precision: float
    abstention_recall: float
    citation_verification: float
    unknown_clause_ids: int
    latency_p50_ms: float
    latency_p95_ms: float
    rows: list[EvalRow]

    def table(self) -> str:
        def pct(x: float | None) -> str:
            return "n/a" if x is None else f"{100 * x:.1f}%"

        lines = [
            f"questions            {self.questions} (skipped {self.skipped}: their documents are not indexed)",
            f"hit@1 / @3 / @5      {pct(self.hit_at_1)} / {pct(self.hit_at_3)} / {pct(self.hit_at_5)}",
            f"MRR                  {self.mrr:.3f}",
            f"sector accuracy      {pct(self.sector_accuracy)}",
            f"lead-Sector accuracy {pct(self.lead_sector_accuracy)}",
            f"answer sentence      {pct(self.answer_accuracy)}",
            f"abstention P / R     {pct(self.abstention_precision)} / {pct(self.abstention_recall)}",
            f"citations verified   {pct(self.citation_verification)} ({self.unknown_clause_ids} unknown clause ids)",
            f"latency p50 / p95    {self.latency_p50_ms:.0f} ms / {self.latency_p95_ms:.0f} ms",
        ]
        misses = [r.q for r in self.rows if not r.should_abstain and (r.rank is None or r.rank > 3)]
        if misses:
            lines.append("missed (not in top 3): " + " | ".join(misses))
        wrong_abst = [r.q for r in self.rows if r.abstained != r.should_abstain]
        if wrong_abst:
            lines.append("abstention wrong: " + " | ".join(wrong_abst))
        wrong_lead = [f"{r.q} → {r.lead_sectors}" for r in self.rows if r.lead_ok is False]
        if wrong_lead:
            lines.append("lead Sector wrong: " + " | ".join(wrong_lead))
        wrong_answer = [f"{r.q} → {r.first_line[:90]}" for r in self.rows if r.answer_ok is False]
        if wrong_answer:
            lines.append("answer sentence wrong: " + " | ".join(wrong_answer))
        return "\n".join(lines)


def evaluation_corpus(corpus_dir: Path) -> list[Path]:
    """What the evaluation set is written over: the bundled corpus and ../shared/itu beside the checkout."""
    shared = corpus_dir.resolve().parent.parent / "shared" / "itu"
    return [corpus_dir] + ([shared] if shared.is_dir() else [])


def load_items(path: Path) -> list[EvalItem]:
    return [EvalItem.model_validate(json.loads(line)) for line in path.read_text().splitlines() if line.strip()]


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def run_eval(service: Service, path: Path = DEFAULT_SET) -> EvalResult:
    catalog = service.engine.catalog(fresh=True)
    doc_ids = {c.doc_id for c in catalog.clauses}
    items = load_items(path)
    usable = [i for i in items if needs_met(i.needs, doc_ids)]
    rows: list[EvalRow] = []
    unknown = 0
    for item in usable:
        t0 = time.perf_counter()
        ans = service.answer(item.q)
        ms = 1000 * (time.perf_counter() - t0)
        rank = None
        for n, c in enumerate(ans.citations, 1):
            if any(expect_matches(e, c.clause_id) for e in item.expect):
                rank = n
                break
        given = {c.clause_id: catalog.by_id[c.clause_id] for c in ans.citations if c.clause_id in catalog.by_id}
        unknown += sum(c.clause_id not in catalog.by_id for c in ans.citations)
        verified = sum(verify(c, given) for c in ans.citations)
        sectors_ok = None if item.sectors is None else set(item.sectors) <= set(ans.sectors)
        lead_ok = None if item.lead is None else set(item.lead) == set(ans.lead_sectors)
        first = ans.lines[0].plain if ans.lines else ans.text
        answer_ok = None if item.answer is None else (
            not ans.abstained and any(_plain(a) in _plain(first) for a in item.answer))
        rows.append(EvalRow(q=item.q, rank=rank, abstained=ans.abstained, should_abstain=item.abstain,
                            sectors_ok=sectors_ok, lead_ok=lead_ok, answer_ok=answer_ok,
                            lead_sectors=list(ans.lead_sectors), first_line=first, kind=item.kind,
                            citations=len(ans.citations), verified=verified, latency_ms=ms))
    answerable = [r for r in rows if not r.should_abstain]
    n = max(1, len(answerable))
    abst = [r for r in rows if r.abstained]
    should = [r for r in rows if r.should_abstain]
    sector_rows = [r for r in rows if r.sectors_ok is not None]
    lead_rows = [r for r in rows if r.lead_ok is not None]
    answer_rows = [r for r in rows if r.answer_ok is not None]
    total_cits = sum(r.citations for r in rows)
    lat = [r.latency_ms for r in rows]
    return EvalResult(
        questions=len(rows), skipped=len(items) - len(usable),
        hit_at_1=sum(r.rank is not None and r.rank <= 1 for r in answerable) / n,
        hit_at_3=sum(r.rank is not None and r.rank <= 3 for r in answerable) / n,
        hit_at_5=sum(r.rank is not None and r.rank <= 5 for r in answerable) / n,
        mrr=sum(1 / r.rank for r in answerable if r.rank) / n,
        sector_accuracy=(sum(bool(r.sectors_ok) for r in sector_rows) / len(sector_rows)) if sector_rows else None,
        lead_sector_accuracy=(sum(bool(r.lead_ok) for r in lead_rows) / len(lead_rows)) if lead_rows else None,
        answer_accuracy=(sum(bool(r.answer_ok) for r in answer_rows) / len(answer_rows)) if answer_rows else None,
        abstention_precision=(sum(r.should_abstain for r in abst) / len(abst)) if abst else 1.0,
        abstention_recall=(sum(r.abstained for r in should) / len(should)) if should else 1.0,
        citation_verification=(sum(r.verified for r in rows) / total_cits) if total_cits else 1.0,
        unknown_clause_ids=unknown, latency_p50_ms=_pct(lat, 0.5), latency_p95_ms=_pct(lat, 0.95), rows=rows,
    )
