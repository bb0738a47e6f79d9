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
import os
import random
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from retrieval.answering.query import parse_reference
from retrieval.answering.search import Engine
from retrieval.core.config import Settings
from retrieval.core.models import ParsedDocument
from retrieval.evaluation import DEFAULT_SET, expect_matches, load_items, needs_met
from retrieval.indexing.catalog import search_text
from retrieval.indexing.embedders import make_embedder
from retrieval.indexing.ingest import ingest
from retrieval.indexing.store import ClauseIndex
from retrieval.parsing.extract import extract
from retrieval.parsing.source import SourceText
from retrieval.parsing.structure import parse
from retrieval.service import Service

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed-rcc-47a4.txt"
ITU = ROOT.parent / "shared" / "itu"
RES1 = ITU / "WTSA-RES-1-2016-E.docx"
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
    doc_ids = {c.doc_id for c in catalog.clauses}
    # Only questions answerable from what this benchmark indexes (the seed and WTSA Resolution 1).
    items = [i for i in load_items(DEFAULT_SET) if i.expect and not i.abstain
             and needs_met(i.needs, doc_ids) and parse_reference(i.q) is None]
    expected_text = {}
    for i in items:
        expected_text[i.q] = [c.text[:60] for c in catalog.clauses if any(expect_matches(e, c.clause_id) for e in i.expect)]

    def score(ranks: list[int | None]) -> dict[str, float]:
        n = len(ranks)
        return {"recall@1": sum(r == 1 for r in ranks) / n, "recall@5": sum(r is not None and r <= 5 for r in ranks) / n,
                "mrr": sum(1 / r for r in ranks if r) / n, "questions": n}

    def rank_of(ids: list[str], expect: list[str]) -> int | None:
        return next((n for n, cid in enumerate(ids, 1) if any(expect_matches(e, cid) for e in expect)), None)

    variants: dict[str, list[int | None]] = {"answer": [], "convex": [], "rrf": [], "dense": []}
    # What `ask` shows: the answer's citations in order (reranking, Sector and mandate evidence included).
    service = Service(settings)
    service.engine = engine
    for i in items:
        variants["answer"].append(rank_of([c.clause_id for c in service.answer(i.q).citations][:5], i.expect))
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


# Words per clause in the real ITU documents of ../shared/itu (6,402 clauses: deciles 0..100, then the
# 95th and 99th percentiles); synthetic clauses are drawn from this, so batches, BM25 and the catalog
# see real lengths (mean 25.6 words), not one-line stubs.
REAL_WORD_QUANTILES = [1, 2, 4, 8, 12, 17, 22, 28, 37, 52, 70, 136, 400]
WORDS = ["coordination", "study", "groups", "report", "annual", "Bureau", "Director", "Sector", "Member", "States", "cooperation", "standards", "telecommunication", "development", "radiocommunication", "assembly", "conference", "resolution", "recommendation", "spectrum", "satellite", "emergency", "accessibility", "cybersecurity", "numbering", "tariffs", "climate", "measures", "developing", "countries", "participation", "liaison", "activities", "programme", "budget", "implementation"]


def real_length(rng: random.Random) -> int:
    q = REAL_WORD_QUANTILES
    bucket = rng.randrange(len(q) - 1)
    return rng.randint(q[bucket], q[bucket + 1])


def synthetic_clause(rng: random.Random) -> str:
    words = [rng.choice(TOPICS if n % 7 == 0 else WORDS) for n in range(real_length(rng))]
    return f"to {rng.choice(VERBS)} {rng.choice(ACTORS)} " + " ".join(words) + ";"


def synthetic_resolution_real(n: int, clauses: int, rng: random.Random) -> str:
    lines = [f"RESOLUTION {n} (Rev. Geneva, 2024)", f"Work on {rng.choice(TOPICS)}", "(Geneva, 2020; Geneva, 2024)",
             "The World Telecommunication Standardization Assembly (Geneva, 2024),", "resolves"]
    lines += [f"{i + 1}\t{synthetic_clause(rng)}" for i in range(clauses)]
    return "\n".join(lines)


def spread(values: list[float], digits: int = 1) -> str:
    """min/median/max of the runs."""
    return f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f} / {max(values):.{digits}f}"


def real_ingest(settings: Settings, runs: int, limit: int) -> list[str]:
    """Ingest real ITU files end to end against the embedder alone on the same clause texts (the physical
    limit: ingest cannot beat it), and against per-file unsorted embedding (the way ingest worked before)."""
    if not ITU.exists():
        return ["(../shared/itu absent: real-document ingest skipped)"]
    from retrieval.indexing.ingest import expand
    from retrieval.parsing.read import read_documents

    files: list[Path] = []
    docs = []
    for f in expand([ITU]):
        try:
            got = [d for d in read_documents(f, 10**9) if d.clauses]
        except Exception:  # a file the parser rejects is not part of this measurement
            continue
        files.append(f)
        docs += got
        if sum(len(d.clauses) for d in docs) >= limit:
            break
    texts = [search_text(c) for d in docs for c in d.clauses]
    engine = Engine(settings)
    embedder = engine.embedder
    embedder.embed(texts[:8])
    alone, naive, end2end, threads, fp32 = [], [], [], [], []
    # The float32 model the int8 default replaced, on the same texts: what the quantization bought.
    full = make_embedder(settings.model_copy(update={"embedder": "onnx-minilm-fp32"})) \
        if settings.embedder == "onnx-minilm" else None
    for run in range(runs):
        t0 = time.perf_counter()
        embedder.embed(sorted(texts, key=len))
        alone.append(len(texts) / (time.perf_counter() - t0))
        if full is not None:
            t0 = time.perf_counter()
            full.embed(sorted(texts, key=len))
            fp32.append(len(texts) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for d in docs:  # per file, in document order, 128 at a time: the old ingest
            ts = [search_text(c) for c in d.clauses]
            for b in range(0, len(ts), 128):
                embedder.embed(ts[b : b + 128])
        naive.append(len(texts) / (time.perf_counter() - t0))
        fresh = Engine(settings.model_copy(update={"data_dir": settings.data_dir / f"real-{run}"}), embedder=embedder)
        t0 = time.perf_counter()
        report = ingest(fresh.index, fresh.embedder, files)
        end2end.append(sum(r.clauses for r in report.results) / (time.perf_counter() - t0))
        threads.append(float(getattr(embedder, "threads", 0)))
    ratio = [e / a for e, a in zip(end2end, alone, strict=True)]
    return [
        f"Real ITU ingest ({len(files)} files, {len(texts)} clauses, {runs} runs, min / median / max):", "",
        "| measure | clauses/s |", "|---|---|",
        f"| embedder alone, length-sorted (the physical limit) | {spread(alone)} |",
        *([f"| float32 MiniLM alone, length-sorted (the default before int8) | {spread(fp32)} |"] if fp32 else []),
        f"| naive: per file, unsorted, embedder only (no parse, no writes) | {spread(naive)} |",
        f"| `ingest` end to end (parse, embed, write) | {spread(end2end)} |",
        f"| end to end ÷ embedder alone | {spread([100 * r for r in ratio])} % |",
        f"| end to end ÷ naive | {spread([e / n for e, n in zip(end2end, naive, strict=True)])} × |",
        "", f"threads chosen by measurement: {sorted(set(threads))}", ""]


def write_many(index: ClauseIndex, docs: list[tuple[ParsedDocument, np.ndarray]]) -> None:
    """Fill the store fast: records of many fresh documents in one upsert, then their registry entries
    (what write_document does per document, minus replacing an older generation: there is none)."""
    from retrieval.indexing.store import RegistryEntry, clause_metadata

    records = []
    entries = []
    for doc, vecs in docs:
        gen = f"g{doc.meta.doc_id}"[:12]
        records += [(f"{c.clause_id}|{gen}", v, c, gen) for c, v in zip(doc.clauses, vecs, strict=True)]
        entries.append(RegistryEntry(doc_id=doc.meta.doc_id, sha256=doc.meta.doc_id, gen=gen, source=doc.meta.source,
                                     clauses=len(doc.clauses), embedder=index.embedder_name, meta=doc.meta))
    for b in range(0, len(records), 2000):
        chunk = records[b : b + 2000]
        # As write_document stores them: no Chroma document (the text is in the metadata's clause JSON).
        index.clauses_collection.upsert(ids=[r[0] for r in chunk], embeddings=np.stack([r[1] for r in chunk]),
                                        metadatas=[clause_metadata(r[2], r[3]) for r in chunk])
    index.write_segments([(doc, f"g{doc.meta.doc_id}"[:12]) for doc, _ in docs])
    index.docs_collection.upsert(ids=[e.doc_id for e in entries], embeddings=[[1.0]] * len(entries),
                                 documents=[e.model_dump_json() for e in entries])


def scale(settings: Settings, sizes: list[int], runs: int) -> list[dict[str, object]]:
    rng = random.Random(7)
    engine = Engine(settings)
    rows: list[dict[str, object]] = []
    pool_docs = [parse(SourceText(text=synthetic_resolution_real(1000 + n, 40, rng), format="txt"), f"pool-{n}.txt")
                 for n in range(25)]
    pool_texts = [search_text(c) for d in pool_docs for c in d.clauses]
    pool_vecs = engine.embedder.embed(pool_texts)
    for size in sizes:
        s = settings.model_copy(update={"data_dir": settings.data_dir / f"scale-{size}"})
        index = ClauseIndex(s, engine.embedder.name)
        written = 0
        n = 0
        t0 = time.perf_counter()
        group: list[tuple[ParsedDocument, np.ndarray]] = []
        while written < size:
            clauses = min(100, size - written)
            doc = parse(SourceText(text=synthetic_resolution_real(n + 1, clauses, rng), format="txt"), f"syn-{n}.txt")
            idx = [rng.randrange(len(pool_vecs)) for _ in doc.clauses]
            group.append((doc, (pool_vecs[idx] + rng.random() * 1e-4).astype(np.float32)))
            written += len(doc.clauses)
            n += 1
            if len(group) == 20 or written >= size:
                write_many(index, group)
                group = []
        write_s = time.perf_counter() - t0
        # A replica with no catalog cache, `runs` times (the first right after the writes).
        rebuilds = []
        for _ in range(runs):
            shutil.rmtree(s.data_dir / "cache", ignore_errors=True)
            eng = Engine(s, embedder=engine.embedder)
            eng._index = index
            index._catalog = None
            t0 = time.perf_counter()
            eng.catalog(fresh=True)
            rebuilds.append(time.perf_counter() - t0)
        cached = Engine(s, embedder=engine.embedder)
        t0 = time.perf_counter()
        cached.catalog(fresh=True)
        load_s = time.perf_counter() - t0
        queries = [f"who reports on {t}?" for t in TOPICS] * 3
        p50s, p95s = [], []
        stages: dict[str, list[float]] = {}
        for _ in range(runs):
            for q in queries[:5]:
                eng.search(q, k=5)  # warm
            lat = []
            for q in queries:
                t = time.perf_counter()
                eng.search(q, k=5)
                lat.append(1000 * (time.perf_counter() - t))
                for stage, ms in eng.last_timings.items():
                    stages.setdefault(stage, []).append(ms)
            p50s.append(pct(lat, 0.5))
            p95s.append(pct(lat, 0.95))
        ref = parse_reference("Res 5 resolves 3")
        assert ref is not None
        cite_lat = []
        for _ in range(50):
            t = time.perf_counter()
            eng.cite(ref)
            cite_lat.append(1000 * (time.perf_counter() - t))
        embed_q = statistics.median(stages.get("embed query", [0.0]))
        rows.append({"clauses": written, "p50": p50s, "p95": p95s, "cite_p50_ms": statistics.median(cite_lat),
                     "store_write_clauses_s": written / write_s, "rebuild_s": rebuilds, "load_s": load_s,
                     "stages": {k: statistics.median(v) for k, v in stages.items()}, "embed_query_ms": embed_q,
                     "data_dir": s.data_dir})
    return rows


def process_times(data_dir: Path, runs: int) -> list[str]:
    """`ask`, `cite`, `status` and `parse` as fresh processes against an index (warm catalog cache), wall time
    and peak RSS."""
    import subprocess
    import sys

    env = {**os.environ, "SECTORBOT_DATA_DIR": str(data_dir), "SECTORBOT_MODEL_DIR": str(Settings().models_path)}
    exe = str(Path(sys.executable).with_name("sectorbot"))
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "p=subprocess.run(sys.argv[1:],capture_output=True);"
             "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024, p.returncode)")
    out = ["| process | wall s (min / median / max) | peak RSS MB |", "|---|---|---|"]
    for name, cmd in (("ask", [exe, "ask", "Who reports on cybersecurity?"]), ("cite", [exe, "cite", "Res 5 resolves 3"]),
                      ("status", [exe, "status"]), ("parse", [exe, "parse", str(SEED)]), ("--help", [exe, "--help"])):
        walls, rss = [], []
        for _ in range(runs):
            got = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env)
            wall, mb, _code = got.stdout.split()
            walls.append(float(wall))
            rss.append(float(mb))
        out.append(f"| `sectorbot {name}` | {spread(walls, 2)} | {max(rss):.0f} |")
    return out


def load() -> str:
    """The machine's load average: figures from a shared host mean little without it."""
    return "load average " + " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--real-clauses", type=int, default=600, help="real ITU clauses to ingest (0: skip)")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x]
    started = time.perf_counter()
    out: list[str] = []
    printed = 0

    def emit() -> None:
        # Sections print as they finish: on a loaded machine a partial run still shows what it measured.
        nonlocal printed
        print("\n".join(out[printed:]), flush=True)
        printed = len(out)

    out += ["# Retrieval benchmark", "", f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"embedder {Settings().embedder}, {args.runs} runs per figure (min / median / max), {os.cpu_count()} cores, "
            f"at the start {load()}", ""]
    emit()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), model_dir=Settings().models_path)
        if not args.no_baseline:
            q = quality(settings.model_copy(update={"data_dir": Path(tmp) / "q"}))
            names = {"answer": "sectorbot `ask`: the answer's citations, in order",
                     "convex": "sectorbot `search`: clauses, dense + BM25, convex fusion (default)",
                     "rrf": "clauses, dense + BM25, reciprocal rank fusion",
                     "dense": "clauses, dense only",
                     "naive": "naive: splitter 1000/200, dense-only Chroma"}
            out += [f"{q['convex']['questions']:.0f} labelled questions answerable from the seed and WTSA "
                    "Resolution 1 (the documents this benchmark indexes)", "",
                    "| retriever | recall@1 | recall@5 | MRR |", "|---|---|---|---|"]
            out += [f"| {names[k]} | {v['recall@1']:.2f} | {v['recall@5']:.2f} | {v['mrr']:.3f} |" for k, v in q.items()]
            gain = {k: 100 * (q[k]["recall@5"] - q["naive"]["recall@5"]) for k in ("answer", "convex")}
            out += ["", f"recall@5 gain over the naive baseline: {gain['answer']:+.0f} points (`ask`), "
                    f"{gain['convex']:+.0f} (`search`)", ""]
            emit()
        if args.real_clauses:
            out += real_ingest(settings.model_copy(update={"data_dir": Path(tmp) / "real"}), args.runs,
                               args.real_clauses)
            emit()
        rows = scale(settings, sizes, args.runs)
        out += ["| clauses | search p50 ms | search p95 ms | p95 ÷ query embedding | cite p50 ms | "
                "store writes clauses/s | catalog rebuild s | catalog load (cache) s |",
                "|---|---|---|---|---|---|---|---|"]
        for r in rows:
            p95 = r["p95"]
            assert isinstance(p95, list)
            out.append(f"| {r['clauses']} | {spread(r['p50'])} | {spread(p95)} | "  # type: ignore[arg-type]
                       f"{statistics.median(p95) / max(float(r['embed_query_ms']), 1e-3):.1f} | "  # type: ignore[arg-type]
                       f"{r['cite_p50_ms']:.2f} | {r['store_write_clauses_s']:.0f} | {spread(r['rebuild_s'])} | "  # type: ignore[arg-type]
                       f"{r['load_s']:.2f} |")
        if rows:
            last = rows[-1]
            stages = last["stages"]
            assert isinstance(stages, dict)
            out += ["", f"Where a search's time goes at {last['clauses']} clauses (median ms per stage): "
                    + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()), ""]
            emit()
            out += [f"Processes against the {last['clauses']}-clause index (warm catalog cache):", ""]
            out += process_times(Path(str(last["data_dir"])), args.runs)
    out += ["", f"at the end {load()}; peak RSS of this benchmark: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
            f"whole run {time.perf_counter() - started:.0f} s"]
    text = "\n".join(out)
    emit()
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "retrieval.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
