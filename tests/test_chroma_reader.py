"""Reading the store without chromadb (retrieval/indexing/chroma_reader.py): the same records, vectors and
neighbours as chromadb's client, and everything it does not do (writing, a store not created yet, another
embedder's index) still done by chromadb, with chromadb's errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from retrieval.core.errors import StoreUnavailable
from retrieval.indexing.chroma_reader import Reader
from retrieval.indexing.embedders import HashEmbedder, embedder_name
from retrieval.indexing.ingest import ingest
from retrieval.indexing.store import ClauseIndex
from tests.conftest import MODEL_DIR, ROOT, SEED, make_settings


@pytest.fixture
def hashed(tmp_path: Path) -> ClauseIndex:
    """The seed indexed with the hashing embedder, through chromadb."""
    settings = make_settings(tmp_path / "data", embedder="hash")
    index = ClauseIndex(settings, embedder_name(settings))
    report = ingest(index, HashEmbedder(), [SEED])
    assert not report.failed
    return index


def _same(a: object, b: object) -> None:
    """Equal results; arrays compared element by element."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        assert isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
        assert a.dtype == b.dtype and np.array_equal(a, b)
    elif isinstance(a, list | tuple):
        assert isinstance(b, list | tuple) and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    else:
        assert a == b


def test_the_reader_reads_what_chromadb_reads(hashed: ClauseIndex) -> None:
    name = hashed.settings.collection
    reader = Reader(hashed.settings.chroma_path)
    direct = {n: reader.collection(n) for n in (name, f"{name}_documents", f"{name}_segments")}
    client = {name: hashed.clauses_collection, f"{name}_documents": hashed.docs_collection,
              f"{name}_segments": hashed.segments_collection}
    for n, col in client.items():
        assert direct[n].count() == col.count() > 0
        assert direct[n].metadata == col.metadata
    clauses, mine = client[name], direct[name]
    ids = clauses.get(include=[], limit=40)["ids"]
    doc_id = ids[0].split("#", 1)[0]
    for kw in ({"include": ["documents"]}, {"include": ["metadatas"], "limit": 7, "offset": 5},
               {"ids": ids[3:9], "include": ["embeddings", "documents"]}, {"ids": ["no-such-id"], "include": ["embeddings"]},
               {"where": {"doc_id": doc_id}, "include": []}, {"where": {"$and": [{"doc_id": doc_id}, {"pos": {"$gt": 0}}]},
                                                              "include": ["metadatas"]}):
        want, got = clauses.get(**kw), mine.get(**kw)
        for key in ("ids", "documents", "metadatas", "embeddings"):
            _same(got[key], want[key])
    vec = HashEmbedder().embed_query("coordination among the Sectors on emergency telecommunications")
    for kw in ({"n_results": 10, "include": ["distances"]},
               {"n_results": 5, "where": {"doc_id": doc_id}, "include": ["distances", "documents", "metadatas"]},
               {"n_results": 3, "include": ["embeddings", "distances"]}):
        # The store's own call passes a list of Python floats, as chromadb is handed it there.
        want, got = clauses.query(query_embeddings=[vec.tolist()], **kw), mine.query(query_embeddings=[vec], **kw)
        for key in ("ids", "distances", "documents", "metadatas", "embeddings"):
            _same(got[key], want[key])


def test_a_search_reads_directly_and_finds_what_chromadb_finds(hashed: ClauseIndex) -> None:
    from retrieval.answering.search import Engine

    settings = hashed.settings
    plain = Engine(settings, embedder=HashEmbedder())
    warmed = Engine(settings, embedder=HashEmbedder())
    warmed.warm()
    assert warmed.index._direct and not plain.index._direct
    assert warmed.documents() == plain.documents() == len(hashed.registry())
    for q in ("coordination among the Sectors", "Resolution 57", "who reports to TSAG?"):
        assert [h.model_dump() for h in warmed.search(q, k=8)] == [h.model_dump() for h in plain.search(q, k=8)]


def test_ask_does_not_import_chromadb(hashed: ClauseIndex) -> None:
    """The point of the reader: a one-shot `ask` against an embedded store never pays for chromadb's import."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(hashed.settings.data_dir), "SECTORBOT_DATA_DIR": str(hashed.settings.data_dir),
           "SECTORBOT_EMBEDDER": "hash", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "PYTHONPATH": str(ROOT)}
    probe = ("import sys, json\nfrom bot.cli import cli\n"
             "try:\n    cli.main(sys.argv[1:], standalone_mode=False)\nfinally:\n"
             "    print('CHROMADB=' + json.dumps('chromadb' in sys.modules))\n")
    got = subprocess.run([sys.executable, "-c", probe, "ask", "--json", "Who coordinates emergency telecommunications?"],
                         capture_output=True, text=True, env=env, cwd=hashed.settings.data_dir, timeout=120)
    assert got.returncode == 0, got.stderr[-800:]
    assert json.loads(got.stdout.rsplit("CHROMADB=", 1)[1]) is False
    assert json.loads(got.stdout.split("\nCHROMADB=", 1)[0])["citations"]


def test_a_write_after_reading_directly_goes_through_chromadb(hashed: ClauseIndex, tmp_path: Path) -> None:
    settings = hashed.settings
    index = ClauseIndex(settings, embedder_name(settings))
    assert index.read_directly()
    before = index.registry()
    other = tmp_path / "other.txt"
    other.write_text(SEED.read_text(encoding="utf-8").replace("47A4", "48A4"), encoding="utf-8")
    report = ingest(index, HashEmbedder(), [other])
    assert [r.status for r in report.results] == ["added"]
    assert not index._direct
    assert len(index.registry()) == len(before) + 1
    assert index.clauses_collection.count() == sum(e.clauses for e in index.registry().values())


def test_what_the_reader_does_not_open_is_left_to_chromadb(tmp_path: Path, hashed: ClauseIndex) -> None:
    # No store yet: nothing is created by trying, and chromadb creates it on first use as before.
    fresh = ClauseIndex(make_settings(tmp_path / "fresh", embedder="hash"), "hash")
    assert not fresh.read_directly()
    assert not fresh.settings.chroma_path.exists()
    assert fresh.registry() == {} and fresh.settings.chroma_path.exists()
    # A Chroma server is chromadb's to reach.
    server = ClauseIndex(make_settings(tmp_path / "srv", chroma_mode="http"), "hash")
    assert not server.read_directly() and server._client is None
    # An index built with another embedder: chromadb opens it and says so, as before.
    other = ClauseIndex(hashed.settings, "onnx:some-other-model")
    assert not other.read_directly()
    for _ in range(2):  # to every caller, not only the first (a warm-up thread may be the first)
        with pytest.raises(StoreUnavailable, match="built with embedder"):
            other.registry()


def test_ask_on_an_index_of_another_embedder_says_so(hashed: ClauseIndex) -> None:
    """The warm-up thread now reaches the store first; the question must still fail with chromadb's check,
    not be answered from vectors of another model."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(hashed.settings.data_dir), "SECTORBOT_DATA_DIR": str(hashed.settings.data_dir),
           "SECTORBOT_MODEL_DIR": str(MODEL_DIR), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "PYTHONPATH": str(ROOT)}
    got = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "Who coordinates emergency telecommunications?"],
                         capture_output=True, text=True, env=env, cwd=hashed.settings.data_dir, timeout=120)
    assert got.returncode == 1 and got.stdout == "", got.stdout[:300]
    assert "error: the index was built with embedder 'hash:" in got.stderr, got.stderr[-800:]
