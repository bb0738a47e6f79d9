"""The clause index with the real ONNX model and a real Chroma store on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.answering.query import parse_reference
from retrieval.answering.search import Engine, Filters
from retrieval.indexing.ingest import ingest
from tests.conftest import RES1, ROOT, SEED, make_settings


def test_cite_res57_resolves3_is_verbatim(corpus_engine: Engine) -> None:
    ref = parse_reference("Res 57 resolves 3")
    assert ref is not None
    res = corpus_engine.cite(ref)
    assert [c.clause_id for c in res.clauses] == ["rcc-47a4@wtsa-16#proposal.1/resolves.3"]
    assert res.clauses[0].text in SEED.read_text(encoding="utf-8")
    assert "only as proposed in MOD RCC/47A4/1" in res.message


def test_cite_res1_section(corpus_engine: Engine) -> None:
    if not RES1.exists():
        pytest.skip("../shared/itu is absent")
    ref = parse_reference("Resolution 1 section 4.2")
    assert ref is not None
    res = corpus_engine.cite(ref)
    assert [c.clause_id for c in res.clauses] == ["wtsa-res-1@hammamet-2016#s4.2"]
    assert res.clauses[0].text.startswith("TSAG's principal duties")


@pytest.mark.parametrize("ref", ["Res 57 resolves 3", "Resolution 57", "WTSA Resolution 57 (Rev. Hammamet, 2016)",
                                 "RCC/47A4/1", "RCC/47A4", "RCC/47A4/9", "Resolution 1 section 4.2",
                                 "WTDC Resolution 59", "Res 99", "Res 57 instructs 7"])
def test_cite_lookup_equals_a_full_scan(corpus_engine: Engine, ref: str) -> None:
    """The dictionary lookup behind cite must give exactly what resolving against every clause gives."""
    from retrieval.answering.cite import resolve

    parsed = parse_reference(ref)
    assert parsed is not None
    catalog = corpus_engine.catalog()
    assert corpus_engine.cite(parsed) == resolve(parsed, catalog.clauses)


def test_unknown_reference(corpus_engine: Engine) -> None:
    ref = parse_reference("PP Res 191")
    assert ref is not None
    res = corpus_engine.cite(ref)
    assert not res.clauses and "not in the corpus" in res.message
    res = corpus_engine.cite(parse_reference("Res 57 resolves 9"))  # type: ignore[arg-type]
    assert not res.clauses and "has no resolves 9" in res.message


@pytest.mark.parametrize(("question", "expected"), [
    ("who should keep helping the inter-sector group find common subjects?", "proposal.1/resolves.1"),
    ("which team was created for disaster telecommunications across ITU?", "proposal.1/recognizing.b"),
    ("who must tell TSAG every year how the intersector coordination resolution is being implemented?",
     "proposal.1/resolves.4"),
])
def test_paraphrase_finds_clause_in_top5(corpus_engine: Engine, question: str, expected: str) -> None:
    hits = corpus_engine.search(question, k=5)
    assert any(h.clause.clause_id.endswith(expected) for h in hits), [h.clause.clause_id for h in hits]


def test_filters(corpus_engine: Engine) -> None:
    hits = corpus_engine.search("coordination among Sectors", k=5, filters=Filters(part="resolves"))
    assert hits and all(h.clause.part == "resolves" for h in hits)
    hits = corpus_engine.search("coordination", k=5, filters=Filters(sector="ITU-D"))
    assert hits and all("ITU-D" in h.clause.sectors for h in hits)


def _engine(tmp_path: Path) -> Engine:
    return Engine(make_settings(tmp_path / "idx"))


def test_reingest_is_idempotent_and_changes_replace_whole(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "seed.txt"
    doc.parent.mkdir()
    shutil.copy(SEED, doc)
    engine = _engine(tmp_path)
    first = ingest(engine.index, engine.embedder, [doc.parent])
    assert [r.status for r in first.results] == ["added"]
    n = engine.index.clauses_collection.count()
    again = ingest(engine.index, engine.embedder, [doc.parent])
    assert [r.status for r in again.results] == ["unchanged"]
    assert engine.index.clauses_collection.count() == n
    # Change one clause: the document is replaced whole, no stale records left behind.
    doc.write_text(doc.read_text(encoding="utf-8").replace("report annually to TSAG", "report biennially to TSAG"),
                   encoding="utf-8")
    third = ingest(engine.index, engine.embedder, [doc.parent])
    assert [r.status for r in third.results] == ["updated"]
    assert engine.index.clauses_collection.count() == n
    clause = engine.catalog(fresh=True).by_id["rcc-47a4@wtsa-16#proposal.1/resolves.4"]
    assert "biennially" in clause.text
    # --prune removes documents whose files are gone.
    doc.unlink()
    pruned = ingest(engine.index, engine.embedder, [doc.parent], prune=True)
    assert [r.status for r in pruned.results] == ["removed"]
    assert engine.index.clauses_collection.count() == 0 and not engine.index.registry()


def test_another_process_ingesting_never_blocks_answers(tmp_path: Path) -> None:
    """A serving engine sees documents another engine (process) ingests into the same store, and
    keeps answering from the catalog in hand while the new one loads."""
    import threading
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / "seed.txt")
    settings = make_settings(tmp_path / "idx", embedder="hash")
    serving = Engine(settings)
    ingest(serving.index, serving.embedder, [docs])
    before = serving.catalog()
    serving.REFRESH_SECONDS = 0.0  # type: ignore[misc]

    release = threading.Event()
    real_catalog = serving.index.catalog

    def slow_catalog(*args: object, **kw: object) -> object:
        release.wait(30)
        return real_catalog(*args, **kw)  # type: ignore[arg-type]

    serving.index.catalog = slow_catalog  # type: ignore[method-assign]
    other = tmp_path / "other.txt"
    other.write_text("RESOLUTION 999 (Geneva, 2024)\nTesting\nresolves\n1\tto test background refresh;\n")
    writer = Engine(settings)  # another engine, as another process would
    ingest(writer.index, writer.embedder, [other])

    assert serving.catalog() is before, "a question must not wait for the rebuild"
    assert serving.search("test background refresh", k=3) is not None
    release.set()
    deadline = time.monotonic() + 20
    while serving.catalog() is before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(c.instrument.number == "999" for c in serving.catalog().clauses)


def test_failed_document_leaves_nothing_and_others_index(tmp_path: Path) -> None:
    d = tmp_path / "docs"
    d.mkdir()
    shutil.copy(SEED, d / "seed.txt")
    (d / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (d / "empty.md").write_text("")
    engine = _engine(tmp_path)
    report = ingest(engine.index, engine.embedder, [d])
    status = {Path(r.path).name: r.status for r in report.results}
    assert status == {"broken.docx": "failed", "empty.md": "failed", "seed.txt": "added"}
    assert set(engine.index.registry()) == {"rcc-47a4@wtsa-16"}
    docs_in_store = {m["doc_id"] for m in engine.index.clauses_collection.get(include=["metadatas"])["metadatas"]}
    assert docs_in_store == {"rcc-47a4@wtsa-16"}


def test_crash_mid_document_keeps_previous_clauses(tmp_path: Path) -> None:
    """Kill the process after new records are written but before the commit: the old text stays."""
    doc = tmp_path / "seed.txt"
    shutil.copy(SEED, doc)
    data = tmp_path / "idx"
    engine = _engine(tmp_path)
    ingest(engine.index, engine.embedder, [doc])
    before = engine.index.catalog().by_id["rcc-47a4@wtsa-16#proposal.1/resolves.4"].text
    count = engine.index.clauses_collection.count()
    doc.write_text(doc.read_text(encoding="utf-8").replace("report annually", "report monthly"), encoding="utf-8")
    env = {**os.environ, "SECTORBOT_DATA_DIR": str(data)}
    # The fault is injected by the caller: the production write path reads no test switch.
    crash = ("import os, sys; from pathlib import Path; from retrieval import Service; "
             "Service().ingest([Path(sys.argv[1])], after_write=lambda: os._exit(17))")
    proc = subprocess.run([sys.executable, "-c", crash, str(doc)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 17, proc.stderr
    # Reopen as a restarted process would: this process's cached Chroma client predates the other
    # process's writes and cannot read (or safely delete) the records it wrote.
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    reopened = _engine(tmp_path)
    clause = reopened.catalog(fresh=True).by_id["rcc-47a4@wtsa-16#proposal.1/resolves.4"]
    assert clause.text == before and "monthly" not in clause.text
    hits = reopened.search("report monthly to TSAG", k=10)
    assert all("monthly" not in h.clause.text for h in hits)
    # The next ingest collects the orphans and applies the change.
    report = ingest(reopened.index, reopened.embedder, [doc])
    assert report.orphans_collected > 0
    assert [r.status for r in report.results] == ["updated"]
    assert reopened.index.clauses_collection.count() == count
    assert "monthly" in reopened.catalog(fresh=True).by_id["rcc-47a4@wtsa-16#proposal.1/resolves.4"].text


def test_langchain_retriever(corpus_engine: Engine) -> None:
    from retrieval.answering.retriever import ClauseRetriever

    docs = ClauseRetriever(engine=corpus_engine, k=3).invoke("Res 57 team for emergency telecommunications")
    assert len(docs) == 3
    assert any(d.metadata["clause_id"].endswith("recognizing.b") for d in docs)
    assert all(d.page_content == corpus_engine.catalog().by_id[d.metadata["clause_id"]].text for d in docs)
