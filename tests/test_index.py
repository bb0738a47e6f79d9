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
from retrieval.core.models import ParsedDocument
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


# ---- identity, sources, prune (issue 14 items 2-4) ------------------------------------------------

def _hash_engine(tmp_path: Path) -> Engine:
    return Engine(make_settings(tmp_path / "hidx", embedder="hash"))


def test_same_file_names_are_distinct_documents_with_stable_ids(tmp_path: Path) -> None:
    """a/notes.txt, b/notes.txt and a/notes.md were one document; 文件.txt and ملف.txt both `document`."""
    d = tmp_path / "docs"
    names = ["a/notes.txt", "b/notes.txt", "a/notes.md", "文件.txt", "ملف.txt"]
    for n in names:
        (d / n).parent.mkdir(parents=True, exist_ok=True)
        (d / n).write_text(f"Minutes\nThe group met and agreed on {n}.\n", encoding="utf-8")
    engine = _hash_engine(tmp_path)
    first = ingest(engine.index, engine.embedder, [d])
    assert [r.status for r in first.results] == ["added"] * 5, first.results
    ids = {Path(r.path).relative_to(d).as_posix(): r.doc_id for r in first.results}
    assert len(set(ids.values())) == 5 and set(engine.index.registry()) == set(ids.values())
    again = ingest(engine.index, engine.embedder, [d])
    assert [r.status for r in again.results] == ["unchanged"] * 5
    assert {Path(r.path).relative_to(d).as_posix(): r.doc_id for r in again.results} == ids


def test_two_sources_with_one_document_id_is_an_error_naming_both(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "seed.txt", tmp_path / "two" / "seed-copy.txt"
    for p in (first, second):
        p.parent.mkdir()
        shutil.copy(SEED, p)
    # The second file says something else under the same id: an error naming both files.
    second.write_text(SEED.read_text(encoding="utf-8").replace("report annually", "report monthly"), encoding="utf-8")
    engine = _hash_engine(tmp_path)
    report = ingest(engine.index, engine.embedder, [first, second])
    assert [r.status for r in report.results] == ["added", "failed"]
    reason = report.results[1].reason
    assert "rcc-47a4@wtsa-16" in reason and str(first.resolve()) in reason, reason
    assert engine.index.registry()["rcc-47a4@wtsa-16"].source == str(first.resolve())
    # An exact copy is the same document, not a collision: said so, naming the indexed file, nothing lost.
    twin = tmp_path / "three" / "seed.txt"
    twin.parent.mkdir()
    shutil.copy(SEED, twin)
    copy = ingest(engine.index, engine.embedder, [twin])
    assert [r.status for r in copy.results] == ["unchanged"]
    assert str(first.resolve()) in copy.results[0].reason
    assert engine.index.registry()["rcc-47a4@wtsa-16"].source == str(first.resolve())
    # When the first file is gone, the second one is a move, not a collision.
    first.unlink()
    moved = ingest(engine.index, engine.embedder, [second])
    assert [r.status for r in moved.results] == ["updated"]
    assert engine.index.registry()["rcc-47a4@wtsa-16"].source == str(second.resolve())


def test_prune_from_another_directory_keeps_live_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ingest --prune /some/dir` run from / removed corpus/seed.txt although the file existed."""
    (tmp_path / "corpus").mkdir()
    shutil.copy(SEED, tmp_path / "corpus" / "seed.txt")
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Minutes\nThe group met.\n", encoding="utf-8")
    engine = _hash_engine(tmp_path)
    monkeypatch.chdir(tmp_path)
    ingest(engine.index, engine.embedder, [Path("corpus")])  # relative, as typed
    assert engine.index.registry()["rcc-47a4@wtsa-16"].source == str((tmp_path / "corpus" / "seed.txt").resolve())
    monkeypatch.chdir("/")
    report = ingest(engine.index, engine.embedder, [other], prune=True)
    assert [r.status for r in report.results] == ["added"]
    assert "rcc-47a4@wtsa-16" in engine.index.registry()
    # A file that is provably gone (its folder was listed and no longer holds it) is pruned.
    (tmp_path / "corpus" / "seed.txt").unlink()
    assert [r.status for r in ingest(engine.index, engine.embedder, [other], prune=True).results] == ["unchanged"]
    assert "rcc-47a4@wtsa-16" in engine.index.registry(), "prune of another folder must not touch this one"
    pruned = ingest(engine.index, engine.embedder, [tmp_path / "corpus"], prune=True)
    assert [(r.status, r.doc_id) for r in pruned.results] == [("removed", "rcc-47a4@wtsa-16")]


def test_prune_a_deleted_folder_or_sub_folder(tmp_path: Path) -> None:
    """From a new-user trial: after `rm -r d/A`, `--prune d` removed nothing (the file's own folder was
    gone), and after `rm -r d`, `--prune d` failed with "no such file"."""
    engine = _hash_engine(tmp_path)
    d = tmp_path / "d"
    (d / "A").mkdir(parents=True)
    (d / "B").mkdir()
    shutil.copy(SEED, d / "A" / "seed.txt")
    (d / "B" / "note.txt").write_text("Minutes\nThe group met.\n", encoding="utf-8")
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "other.txt").write_text("Minutes\nAnother group met.\n", encoding="utf-8")
    ingest(engine.index, engine.embedder, [d, tmp_path / "keep"])
    assert len(engine.index.registry()) == 3
    shutil.rmtree(d / "A")
    pruned = ingest(engine.index, engine.embedder, [d], prune=True)
    assert sorted(r.status for r in pruned.results) == ["removed", "unchanged"]
    assert "rcc-47a4@wtsa-16" not in engine.index.registry()
    shutil.rmtree(d)
    pruned = ingest(engine.index, engine.embedder, [d], prune=True)
    assert [r.status for r in pruned.results] == ["removed"] and not pruned.failed
    assert len(engine.index.registry()) == 1  # the folder not named is untouched
    # without --prune a path that is not there is still an error
    assert ingest(engine.index, engine.embedder, [d]).failed


def test_file_deleted_between_listing_and_hashing(tmp_path: Path) -> None:
    from retrieval.core.errors import DocumentError
    from retrieval.indexing.ingest import Progress
    from retrieval.parsing.extract import sha256_file

    d = tmp_path / "docs"
    d.mkdir()
    shutil.copy(SEED, d / "a-seed.txt")
    (d / "b-gone.txt").write_text("Minutes\nThe group met.\n", encoding="utf-8")
    (d / "c-note.txt").write_text("Minutes\nThe group met again.\n", encoding="utf-8")

    class DeleteAfterListing(Progress):
        def files(self, total: int) -> None:
            (d / "b-gone.txt").unlink()

    engine = _hash_engine(tmp_path)
    report = ingest(engine.index, engine.embedder, [d], progress=DeleteAfterListing())
    assert [(Path(r.path).name, r.status) for r in report.results] == [
        ("a-seed.txt", "added"), ("b-gone.txt", "failed"), ("c-note.txt", "added")]
    assert "no such file" in report.results[1].reason
    assert all(e.sha256 for e in engine.index.registry().values())
    with pytest.raises(DocumentError, match=r"gone\.txt: no such file"):  # was a bare FileNotFoundError
        sha256_file(d / "b-gone.txt")


def test_one_instrument_in_a_collection_and_in_its_own_file_is_indexed_once(shared_itu: Path, tmp_path: Path) -> None:
    """PP-18's Final Acts hold Decision 5 and Resolution 2, which also come as single files with the same
    text: the collection's other instruments are indexed, the two are recognised as the same text (not a
    collision), and a real collision costs only that instrument."""
    from retrieval import Service

    pp18 = shared_itu / "pp-18"
    service = Service(make_settings(tmp_path / "idx", embedder="hash"))
    report = service.ingest([pp18 / "PP-18-DEC-5-akn.xml", pp18 / "PP-18-RES-2-akn.xml",
                             pp18 / "PP-18-final-acts-akn.xml"])
    assert not report.failed, report.failed
    from_collection = [r for r in report.results if r.path.endswith("final-acts-akn.xml")]
    assert len(from_collection) == 64
    same = [r for r in from_collection if r.status == "unchanged"]
    assert {r.doc_id for r in same} == {"pp-dec-5@dubai-2018", "pp-res-2@dubai-2018"}
    assert all("same text as" in r.reason for r in same)
    assert len(service.engine.index.registry()) == 64
    # Another file claiming Decision 5 with other text fails alone; the rest of its file is indexed.
    other = tmp_path / "other.xml"
    xml = (pp18 / "PP-18-final-acts-akn.xml").read_text(encoding="utf-8")
    other.write_text(xml.replace("shall remain unchanged", "shall be doubled", 1), encoding="utf-8")
    again = service.ingest([other])
    failed = [r for r in again.results if r.status == "failed"]
    assert [r.doc_id for r in failed] == ["pp-dec-5@dubai-2018"], failed
    assert "PP-18-DEC-5-akn.xml" in failed[0].reason


def test_a_file_indexed_by_an_older_parser_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parser improvements reach an existing index: the registry records the parser version, and an
    unchanged file indexed by another version is parsed again (its unchanged texts keep their vectors)."""
    from retrieval import Service
    from retrieval.indexing import ingest as ingest_module

    doc = tmp_path / "seed.txt"
    shutil.copy(SEED, doc)
    service = Service(make_settings(tmp_path / "idx", embedder="hash"))
    assert [r.status for r in service.ingest([doc]).results] == ["added"]
    assert [r.status for r in service.ingest([doc]).results] == ["unchanged"]
    monkeypatch.setattr(ingest_module, "PARSER_VERSION", "a-newer-parser")
    again = service.ingest([doc])
    assert [r.status for r in again.results] == ["updated"]
    assert again.reused > 0 and again.embedded == 0


def test_a_new_parse_of_the_same_file_replaces_its_clauses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsed again with a parser that cuts clauses differently, the same file's old clauses are gone and
    the catalog shows the new ones (the generation follows the clauses, not only the file)."""
    from retrieval import Service
    from retrieval.indexing import ingest as ingest_module
    from retrieval.parsing import read as read_module

    doc = tmp_path / "seed.txt"
    shutil.copy(SEED, doc)
    service = Service(make_settings(tmp_path / "idx", embedder="hash"))
    service.ingest([doc])
    before = set(service.engine.catalog().by_id)
    real = read_module.read_documents

    def fewer(*a: object, **kw: object) -> list[ParsedDocument]:
        docs = real(*a, **kw)  # type: ignore[arg-type]
        return [d.model_copy(update={"clauses": d.clauses[:-1]}) for d in docs]

    monkeypatch.setattr(ingest_module, "read_documents", fewer)
    monkeypatch.setattr(ingest_module, "PARSER_VERSION", "a-newer-parser")
    service.ingest([doc])
    after = set(service.engine.catalog(fresh=True).by_id)
    assert after < before and len(before - after) == 1
    assert service.engine.index.clauses_collection.count() == len(after)


def test_bm25_matrix_scores_exactly_as_bm25s_does() -> None:
    """The array-built BM25 matrix must score every clause as bm25s's own index does, empty clauses and
    repeated query words included."""
    import random

    import bm25s
    import numpy as np

    from retrieval.indexing.lexical import LexicalIndex

    rng = random.Random(7)
    words = [f"w{i}" for i in range(800)]
    docs = [[rng.choice(words[: rng.randint(3, 800)]) for _ in range(rng.randint(0, 40))] for _ in range(1500)]
    ours = LexicalIndex([str(i) for i in range(len(docs))], docs)
    theirs = bm25s.BM25()
    theirs.index([d or ["\x00"] for d in docs], show_progress=False)
    for query in (["w1", "w2"], ["w10", "w200", "w7"], ["w799"], ["unknown"], ["w5", "w5"], ["w3", "w0", "w1"]):
        assert np.allclose(ours.bm25.get_scores(query), theirs.get_scores(query), atol=1e-6), query
    assert ours.search("w1 w2", 5) and [i for i, _ in ours.search("w1 w2", 5)] == [
        str(int(d)) for d, s in zip(*(a[0] for a in theirs.retrieve([["w1", "w2"]], k=5, show_progress=False)),
                                    strict=True) if s > 0]


def test_catalog_from_segments_equals_the_catalog_from_clause_records(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A replica rebuilds its catalog from one segment per document. It must hold exactly what the
    clause records hold (ids, order, JSON, lookups, BM25 ranking); a store without segments (written
    before they existed) still rebuilds, from its clause records."""
    from retrieval.indexing import segments
    from retrieval.indexing.catalog import Catalog

    monkeypatch.setattr(segments, "PER_RECORD", 40)  # long documents span several stored segments

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / "seed.txt")
    if RES1.exists():
        shutil.copy(RES1, docs / RES1.name)
    engine = _engine(tmp_path)
    ingest(engine.index, engine.embedder, [docs])
    index = engine.index
    reg = index.registry()
    from_segments = index.catalog(reg)
    from_records = Catalog.from_records(index._live_records(reg))
    assert from_segments.ids == from_records.ids and len(from_segments.ids) == sum(e.clauses for e in reg.values())
    assert all(from_segments.raw_line(i) == from_records.raw_line(i) for i in range(len(from_segments.ids)))
    assert from_segments._tables() == from_records._tables()
    for q in ("report annually to TSAG", "emergency telecommunications", "study group chairmen", "zzzz"):
        assert from_segments.lexical.search(q, 10) == from_records.lexical.search(q, 10), q
    # Without its segments the store still gives the same catalog.
    index.segments_collection.delete(ids=index.segments_collection.get(include=[])["ids"])
    shutil.rmtree(index.settings.data_dir / "cache")
    index._catalog = None
    fallback = index.catalog(reg)
    assert fallback.ids == from_records.ids
    assert fallback.lexical.search("report annually to TSAG", 10) == from_records.lexical.search(
        "report annually to TSAG", 10)


def test_segments_follow_their_document(tmp_path: Path) -> None:
    """A replaced document leaves only its new generation's segment; a removed one leaves none."""
    doc = tmp_path / "docs" / "seed.txt"
    doc.parent.mkdir()
    shutil.copy(SEED, doc)
    engine = _engine(tmp_path)
    ingest(engine.index, engine.embedder, [doc.parent])
    segments = engine.index.segments_collection
    gen = next(iter(engine.index.registry().values())).gen
    assert [m["gen"] for m in segments.get(include=["metadatas"])["metadatas"]] == [gen]
    doc.write_text(doc.read_text(encoding="utf-8").replace("report annually to TSAG", "report biennially to TSAG"),
                   encoding="utf-8")
    ingest(engine.index, engine.embedder, [doc.parent])
    new_gen = next(iter(engine.index.registry().values())).gen
    assert new_gen != gen
    assert [m["gen"] for m in segments.get(include=["metadatas"])["metadatas"]] == [new_gen]
    assert "biennially" in engine.catalog(fresh=True).by_id["rcc-47a4@wtsa-16#proposal.1/resolves.4"].text
    doc.unlink()
    ingest(engine.index, engine.embedder, [doc.parent], prune=True)
    assert segments.count() == 0


def test_an_unreadable_segment_is_read_from_the_clause_records() -> None:
    from retrieval.indexing.segments import decode

    assert decode("not base64 at all!") is None
    assert decode("aGVsbG8=") is None  # base64 of "hello": not zlib


def test_prune_leaves_what_an_empty_mount_point_would_hide(tmp_path: Path) -> None:
    """From a review: an unmounted drive leaves its mount point as an empty folder; `--prune` of it, or of
    the folder above it, must not take the drive's documents for deleted. A mistyped folder stays an error."""
    engine = _hash_engine(tmp_path)
    nas = tmp_path / "data" / "nas"
    (nas / "wtsa").mkdir(parents=True)
    shutil.copy(SEED, nas / "wtsa" / "seed.txt")
    (tmp_path / "data" / "notes.txt").write_text("Minutes\\nThe group met.\\n", encoding="utf-8")
    ingest(engine.index, engine.embedder, [tmp_path / "data"])
    shutil.rmtree(nas / "wtsa")  # "unmounted": the mount point stays, empty
    kept = ingest(engine.index, engine.embedder, [tmp_path / "data"], prune=True)
    assert "rcc-47a4@wtsa-16" in engine.index.registry() and not any(r.status == "removed" for r in kept.results)
    kept = ingest(engine.index, engine.embedder, [nas / "wtsa"], prune=True)
    assert "rcc-47a4@wtsa-16" in engine.index.registry() and kept.failed  # "no such file", nothing removed
    assert ingest(engine.index, engine.embedder, [tmp_path / "no-such-folder"], prune=True).failed
