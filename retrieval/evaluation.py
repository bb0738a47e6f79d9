"""The evaluation harness: a labelled question set → hit@k, MRR, sector accuracy, abstention,
citation verification and latency."""

from __future__ import annotations

import json
import time
from pathlib import Path

from pydantic import BaseModel, Field

from retrieval.answering.verify import verify
from retrieval.service import Service

DEFAULT_SET = Path(__file__).resolve().parent.parent / "evaluation" / "questions.jsonl"


class EvalItem(BaseModel):
    q: str
    expect: list[str] = Field(default_factory=list)  # clause id fragments (after '#'); any one counts
    sectors: list[str] | None = None
    abstain: bool = False
    needs: str | None = None  # "res1": only when WTSA Resolution 1 is indexed


class EvalRow(BaseModel):
    q: str
    rank: int | None
    abstained: bool
    should_abstain: bool
    sectors_ok: bool | None
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
            f"abstention P / R     {pct(self.abstention_precision)} / {pct(self.abstention_recall)}",
            f"citations verified   {pct(self.citation_verification)} ({self.unknown_clause_ids} unknown clause ids)",
            f"latency p50 / p95    {self.latency_p50_ms:.0f} ms / {self.latency_p95_ms:.0f} ms",
        ]
        misses = [r.q for r in self.rows if not r.should_abstain and (r.rank is None or r.rank > 5)]
        if misses:
            lines.append("missed (not in top 5): " + " | ".join(misses))
        return "\n".join(lines)


def load_items(path: Path) -> list[EvalItem]:
    return [EvalItem.model_validate(json.loads(line)) for line in path.read_text().splitlines() if line.strip()]


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def run_eval(service: Service, path: Path = DEFAULT_SET) -> EvalResult:
    catalog = service.engine.catalog(fresh=True)
    has_res1 = any(c.doc_id.startswith("wtsa-res-1@") for c in catalog.clauses)
    items = load_items(path)
    usable = [i for i in items if i.needs != "res1" or has_res1]
    rows: list[EvalRow] = []
    unknown = 0
    for item in usable:
        t0 = time.perf_counter()
        ans = service.answer(item.q)
        ms = 1000 * (time.perf_counter() - t0)
        rank = None
        for n, c in enumerate(ans.citations, 1):
            if any(c.clause_id.endswith("#" + e) for e in item.expect):
                rank = n
                break
        given = {c.clause_id: catalog.by_id[c.clause_id] for c in ans.citations if c.clause_id in catalog.by_id}
        unknown += sum(c.clause_id not in catalog.by_id for c in ans.citations)
        verified = sum(verify(c, given) for c in ans.citations)
        sectors_ok = None if item.sectors is None else set(item.sectors) <= set(ans.sectors)
        rows.append(EvalRow(q=item.q, rank=rank, abstained=ans.abstained, should_abstain=item.abstain,
                            sectors_ok=sectors_ok, citations=len(ans.citations), verified=verified,
                            latency_ms=ms))
    answerable = [r for r in rows if not r.should_abstain]
    n = max(1, len(answerable))
    abst = [r for r in rows if r.abstained]
    should = [r for r in rows if r.should_abstain]
    sector_rows = [r for r in rows if r.sectors_ok is not None]
    total_cits = sum(r.citations for r in rows)
    lat = [r.latency_ms for r in rows]
    return EvalResult(
        questions=len(rows), skipped=len(items) - len(usable),
        hit_at_1=sum(r.rank is not None and r.rank <= 1 for r in answerable) / n,
        hit_at_3=sum(r.rank is not None and r.rank <= 3 for r in answerable) / n,
        hit_at_5=sum(r.rank is not None and r.rank <= 5 for r in answerable) / n,
        mrr=sum(1 / r.rank for r in answerable if r.rank) / n,
        sector_accuracy=(sum(bool(r.sectors_ok) for r in sector_rows) / len(sector_rows)) if sector_rows else None,
        abstention_precision=(sum(r.should_abstain for r in abst) / len(abst)) if abst else 1.0,
        abstention_recall=(sum(r.abstained for r in should) / len(should)) if should else 1.0,
        citation_verification=(sum(r.verified for r in rows) / total_cits) if total_cits else 1.0,
        unknown_clause_ids=unknown, latency_p50_ms=_pct(lat, 0.5), latency_p95_ms=_pct(lat, 0.95), rows=rows,
    )
