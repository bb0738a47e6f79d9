"""Server mode: a real `chroma run` on 127.0.0.1, ingestion into it, search and cite from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.servers import chroma_process, free_port
from retrieval.answering.query import parse_reference
from retrieval.answering.search import Engine
from retrieval.indexing.ingest import ingest
from tests.conftest import SEED, make_settings


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    with chroma_process(tmp_path / "server") as port:
        yield port


@pytest.mark.slow
def test_ingest_and_query_through_a_chroma_server(chroma_server: int, tmp_path: Path, model_dir: Path) -> None:
    settings = make_settings(tmp_path / "a", chroma_mode="http", chroma_port=chroma_server)
    writer = Engine(settings)
    report = ingest(writer.index, writer.embedder, [SEED])
    assert [r.status for r in report.results] == ["added"]
    # A second process-like engine with its own data dir sees the same registry and clauses.
    reader = Engine(make_settings(tmp_path / "b", chroma_mode="http", chroma_port=chroma_server))
    assert set(reader.index.registry()) == {"rcc-47a4@wtsa-16"}
    res = reader.cite(parse_reference("Res 57 resolves 3"))  # type: ignore[arg-type]
    assert [c.clause_id for c in res.clauses] == ["rcc-47a4@wtsa-16#proposal.1/resolves.3"]
    hits = reader.search("team for emergency telecommunications across the Union", k=5)
    assert any(h.clause.clause_id.endswith("recognizing.b") for h in hits)


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    from retrieval.core.errors import StoreUnavailable

    engine = Engine(make_settings(tmp_path, chroma_mode="http", chroma_port=free_port(), embedder="hash"))
    with pytest.raises(StoreUnavailable, match=r"cannot open the Chroma server at 127\.0\.0\.1"):
        engine.index.registry()
