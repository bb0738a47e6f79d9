"""Retrieval benchmark: quality against a naive baseline, and latency as the index grows.

    python -m bench.retrieval_bench [--sizes 1000,10000,100000] [--no-baseline]

Prints a table and writes it to bench/results/retrieval.md. Quality uses the labelled questions of
evaluation/ (over the seed, plus WTSA Resolution 1 when ../shared/itu is present). Scale uses synthetic
resolution-shaped documents; to keep a 100k run within minutes on 2 cores, clause vectors beyond a
pool of 2,000 really embedded clauses are reused from that pool (search cost does not depend on
what the vectors mean). Ingest throughput is measured on the really embedded pool.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from retrieval.answering.query import parse_reference
from retrieval.answering.search import Engine
from retrieval.core.config import Settings
from retrieval.evaluation import DEFAULT_SET, load_items
from retrieval.indexing.catalog import search_text
from retrieval.indexing.ingest import ingest
from retrieval.indexing.store import ClauseIndex
from retrieval.parsing.extract import extract
from retrieval.parsing.source import SourceText
from retrieval.parsing.structure import parse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed-rcc-47a4.txt"
RES1 = ROOT.parent / "shared" / "itu" / "WTSA-RES-1-2016-E.docx"
TOPICS = ["emergency telecommunications", "cybersecurity", "IMT", "accessibility", "climate change", "spectrum",
          "conformance testing", "numbering", "tariffs", "internet of things", "smart cities", "e-health",
          "digital financial services", "child online protection", "broadband", "satellite", "quantum",
          "artificial intelligence", "bridging the standardization gap", "gender equality"]
VERBS = ["invite", "instruct", "encourage", "request", "urge"]
ACTORS = ["the Director of TSB", "the ITU-T study groups", "TSAG", "the Director of BDT", "ITU-D study groups",
          "the Radiocommunication Bureau", "Member States", "Sector Members", "the Secretary-General"]


def synthetic_resolution(n: int, clauses: int, rng: random.Random) -> str:
    body = rng.choice(["WTSA", "WTDC", "PP"])
    who = {"WTSA": "The World Telecommunication Standardization Assembly",
           "WTDC": "The World Telecommunication Development Conference",
           "PP": "The Plenipotentiary Conference"}[body]
    lines = [f"RESOLUTION {n} (Rev. Geneva, 2024)", f"Work on {rng.choice(TOPICS)}", "(Geneva, 2020; Geneva, 2024)",
             f"{who} (Geneva, 2024),", "considering"]
    letters = "abcdefghijklmnopqrstuvwxyz"
    half = clauses // 2
    for i in range(half):
        lines.append(f"{letters[i % 26]}){'bis' * (i // 26)}\tthat {rng.choice(TOPICS)} requires "
                     f"{rng.choice(ACTORS)} to coordinate with {rng.choice(ACTORS)} on {rng.choice(TOPICS)};")
    lines.append("resolves")
    for i in range(clauses - half):
        lines.append(f"{i + 1}\tto {rng.choice(VERBS)} {rng.choice(ACTORS)} to study {rng.choice(TOPICS)} and "
                     f"report to {rng.choice(ACTORS)} on {rng.choice(TOPICS)};")
    return "\n".join(lines)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def quality(settings: Settings) -> dict[str, dict[str, float]]:
    engine = Engine(settings)
    paths = [SEED] + ([RES1] if RES1.exists() else [])
    ingest(engine.index, engine.embedder, paths)
    catalog = engine.catalog(fresh=True)
    items = [i for i in load_items(DEFAULT_SET) if i.expect and not i.abstain
             and (i.needs != "res1" or RES1.exists()) and parse_reference(i.q) is None]
    expected_text = {}
    for i in items:
        expected_text[i.q] = [c.text[:60] for c in catalog.clauses if any(c.clause_id.endswith("#" + e) for e in i.expect)]

    def score(ranks: list[int | None]) -> dict[str, float]:
        n = len(ranks)
        return {"recall@1": sum(r == 1 for r in ranks) / n, "recall@5": sum(r is not None and r <= 5 for r in ranks) / n,
                "mrr": sum(1 / r for r in ranks if r) / n}

    def rank_of(ids: list[str], expect: list[str]) -> int | None:
        return next((n for n, cid in enumerate(ids, 1) if any(cid.endswith("#" + e) for e in expect)), None)

    variants: dict[str, list[int | None]] = {"convex": [], "rrf": [], "dense": []}
    for i in items:
        for fusion in ("convex", "rrf"):
            engine.fusion = fusion
            variants[fusion].append(rank_of([h.clause.clause_id for h in engine.search(i.q, k=5)], i.expect))
        vec = engine.embedder.embed([i.q])[0]
        variants["dense"].append(rank_of([cid for cid, _ in engine.index.dense(vec, 5)], i.expect))
    engine.fusion = "convex"

    # Naive baseline: LangChain's splitter (1000/200) over the same files, dense-only Chroma, same embedder.
    import chromadb
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks: list[str] = []
    for p in paths:
        chunks += splitter.split_text(extract(p, 10**9).text)
    vecs = engine.embedder.embed(chunks)
    client = chromadb.PersistentClient(path=str(settings.data_dir / "baseline"))
    col = client.get_or_create_collection("baseline", embedding_function=None, metadata={"hnsw:space": "cosine"})
    col.add(ids=[str(n) for n in range(len(chunks))], embeddings=vecs.tolist(), documents=chunks)
    base: list[int | None] = []
    for i in items:
        res = col.query(query_embeddings=engine.embedder.embed([i.q]).tolist(), n_results=5)
        docs = (res["documents"] or [[]])[0]
        base.append(next((n for n, d in enumerate(docs, 1) if any(t in d for t in expected_text[i.q])), None))
    return {name: score(r) for name, r in variants.items()} | {"naive": score(base)}


def scale(settings: Settings, sizes: list[int]) -> list[dict[str, float]]:
    rng = random.Random(7)
    engine = Engine(settings)
    rows = []
    sources = [synthetic_resolution(1000 + n, 40, rng) for n in range(50)]
    pool_docs = [parse(SourceText(text=text, format="txt"), f"pool-{n}.txt") for n, text in enumerate(sources)]
    pool_texts = [search_text(c) for d in pool_docs for c in d.clauses]
    t0 = time.perf_counter()
    pool_vecs = engine.embedder.embed(pool_texts)
    embed_rate = len(pool_texts) / (time.perf_counter() - t0)
    # Ingest end to end, as `sectorbot ingest` does it: files → parse → embed (real model) → Chroma.
    pool_dir = settings.data_dir / "pool-files"
    pool_dir.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(sources):
        (pool_dir / f"res-{1000 + n}.txt").write_text(text)
    fresh = Engine(settings.model_copy(update={"data_dir": settings.data_dir / "ingest"}), embedder=engine.embedder)
    t0 = time.perf_counter()
    report = ingest(fresh.index, fresh.embedder, [pool_dir])
    ingest_rate = sum(r.clauses for r in report.results) / (time.perf_counter() - t0)
    for size in sizes:
        s = settings.model_copy(update={"data_dir": settings.data_dir / f"scale-{size}"})
        index = ClauseIndex(s, engine.embedder.name)
        written = 0
        n = 0
        t0 = time.perf_counter()
        while written < size:
            clauses = min(100, size - written)
            doc = parse(SourceText(text=synthetic_resolution(n + 1, clauses, rng), format="txt"), f"syn-{n}.txt")
            idx = rng.sample(range(len(pool_vecs)), len(doc.clauses)) if len(doc.clauses) <= len(pool_vecs) else []
            vecs = pool_vecs[idx] + rng.random() * 1e-4
            index.write_document(doc, vecs.astype(np.float32), f"sha-{n}")
            written += len(doc.clauses)
            n += 1
        write_s = time.perf_counter() - t0
        eng = Engine(s, embedder=engine.embedder)
        eng._index = index
        t0 = time.perf_counter()
        eng.catalog(fresh=True)
        load_s = time.perf_counter() - t0
        queries = [f"who reports on {t}?" for t in TOPICS] * 3
        for q in queries[:5]:
            eng.search(q, k=5)  # warm
        lat = []
        for q in queries:
            t = time.perf_counter()
            eng.search(q, k=5)
            lat.append(1000 * (time.perf_counter() - t))
        ref = parse_reference("Res 5 resolves 3")
        assert ref is not None
        cite_lat = []
        for _ in range(50):
            t = time.perf_counter()
            eng.cite(ref)
            cite_lat.append(1000 * (time.perf_counter() - t))
        rows.append({"clauses": written, "search_p50_ms": pct(lat, 0.5), "search_p95_ms": pct(lat, 0.95),
                     "cite_p50_ms": statistics.median(cite_lat), "store_write_clauses_s": written / write_s,
                     "catalog_load_s": load_s, "embed_clauses_s": embed_rate, "ingest_clauses_s": ingest_rate})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x]
    out: list[str] = ["# Retrieval benchmark", ""]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), model_dir=Settings().models_path)
        if not args.no_baseline:
            q = quality(settings.model_copy(update={"data_dir": Path(tmp) / "q"}))
            names = {"convex": "sectorbot: clauses, dense + BM25, convex fusion (default)",
                     "rrf": "clauses, dense + BM25, reciprocal rank fusion",
                     "dense": "clauses, dense only",
                     "naive": "naive: splitter 1000/200, dense-only Chroma"}
            out += ["| retriever | recall@1 | recall@5 | MRR |", "|---|---|---|---|"]
            out += [f"| {names[k]} | {v['recall@1']:.2f} | {v['recall@5']:.2f} | {v['mrr']:.3f} |" for k, v in q.items()]
            gain = 100 * (q["convex"]["recall@5"] - q["naive"]["recall@5"])
            out += ["", f"recall@5 gain over the naive baseline: {gain:+.0f} points", ""]
        rows = scale(settings, sizes)
        out += ["| clauses | search p50 ms | search p95 ms | cite p50 ms | store writes clauses/s | catalog load s |",
                "|---|---|---|---|---|---|"]
        for r in rows:
            out.append(f"| {r['clauses']:.0f} | {r['search_p50_ms']:.1f} | {r['search_p95_ms']:.1f} | {r['cite_p50_ms']:.2f} | "
                       f"{r['store_write_clauses_s']:.0f} | {r['catalog_load_s']:.1f} |")
        if rows:
            out += ["", f"Ingest end to end (50 files, 2,000 clauses: parse, embed with the real model, write): "
                        f"{rows[0]['ingest_clauses_s']:.0f} clauses/s; embedding alone {rows[0]['embed_clauses_s']:.0f} clauses/s."]
    out += ["", f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"]
    text = "\n".join(out)
    print(text)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "retrieval.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
