"""What a document write stores (issue 15's ingest speed): clause records without a Chroma document (full-text
indexing nobody read), catalog segments as a metadata value, and stores written the older way still read
from their segments rather than from 100k clause records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.indexing.catalog import Catalog
from retrieval.indexing.embedders import HashEmbedder, embedder_name
from retrieval.indexing.ingest import ingest
from retrieval.indexing.segments import encode
from retrieval.indexing.store import SEGMENT_KEY, ClauseIndex, reading_hash
from retrieval.parsing.read import read_documents
from tests.conftest import SEED, make_settings


def _indexed(tmp_path: Path) -> ClauseIndex:
    settings = make_settings(tmp_path / "data", embedder="hash")
    index = ClauseIndex(settings, embedder_name(settings))
    assert not ingest(index, HashEmbedder(), [SEED]).failed
    return index


def test_records_and_segments_as_written(tmp_path: Path) -> None:
    index = _indexed(tmp_path)
    clauses = index.clauses_collection.get(include=["documents", "metadatas"])
    assert clauses["ids"] and not any(clauses["documents"])
    assert all(m["clause_json"] and m["lex"] for m in clauses["metadatas"])
    segments = index.segments_collection.get(include=["documents", "metadatas"])
    assert segments["ids"] and not any(segments["documents"])
    assert all(m[SEGMENT_KEY] for m in segments["metadatas"])


def test_the_generation_is_what_it_was(tmp_path: Path) -> None:
    """Forms worked out once give the same reading hash, so an unchanged file keeps its generation."""
    import hashlib

    doc = read_documents(SEED, 10**9)[0]
    h = hashlib.sha256()
    for c in doc.clauses:
        h.update(c.model_dump_json().encode() + b"\0")
    assert reading_hash(doc) == h.hexdigest()


def test_segments_stored_as_documents_by_an_older_version_are_still_read(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    index = _indexed(tmp_path)
    reg = index.registry()
    expected = index.catalog(reg)
    # Rewrite every segment the old way: the encoded text as the Chroma document, no metadata value.
    col = index.segments_collection
    got = col.get(include=["metadatas"])
    doc = read_documents(SEED, 10**9)[0]
    assert len(got["ids"]) == len(encode(doc.clauses))
    col.delete(ids=got["ids"])
    col.upsert(ids=got["ids"], embeddings=[[1.0]] * len(got["ids"]), documents=encode(doc.clauses),
               metadatas=[{"doc_id": m["doc_id"], "gen": m["gen"]} for m in got["metadatas"]])
    shutil.rmtree(index.settings.data_dir / "cache")
    index._catalog = None

    def no_scan(*_: object) -> None:
        raise AssertionError("the catalog was read from clause records, not from the segments")

    monkeypatch.setattr(ClauseIndex, "_live_records", no_scan)
    rebuilt = index.catalog(reg)
    assert isinstance(rebuilt, Catalog)
    assert rebuilt.ids == expected.ids
    assert all(rebuilt.raw_line(i) == expected.raw_line(i) for i in range(len(expected.ids)))


def test_a_collection_stopped_between_two_instruments_is_completed_by_the_next_ingest(tmp_path: Path) -> None:
    """An ingest killed after some of the PP-18 Final Acts' instruments were committed left the file
    registered: the next ingest took the whole file as unchanged and the rest were never indexed."""
    from tests.conftest import SHARED_ITU

    acts = SHARED_ITU / "pp-18" / "PP-18-final-acts-akn.xml"
    if not acts.exists():
        pytest.skip("../shared/itu is absent")
    settings = make_settings(tmp_path / "data", embedder="hash")
    index = ClauseIndex(settings, embedder_name(settings))
    first = ingest(index, HashEmbedder(), [acts])
    assert not first.failed
    held = index.registry()
    assert len(held) == 64 and {e.file_docs for e in held.values()} == {64}
    # as a kill between two instruments leaves it: some committed, the rest not
    for doc_id in sorted(held)[:10]:
        index.remove_document(doc_id)
    again = ingest(index, HashEmbedder(), [acts])
    assert len(index.registry()) == 64, [r.status for r in again.results][:5]
    assert sum(r.status == "added" for r in again.results) == 10
    # and a complete file is still skipped whole, as one unchanged line
    third = ingest(index, HashEmbedder(), [acts])
    assert [r.status for r in third.results] == ["unchanged"]
