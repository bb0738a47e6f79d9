"""Server mode: a real `chroma run` on 127.0.0.1, ingestion into it, search and cite from it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.ingest import ingest
from retrieval.references import parse_reference
from retrieval.search import Engine
from tests.conftest import SEED, make_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma run did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_ingest_and_query_through_a_chroma_server(chroma_server: int, tmp_path: Path, model_dir: Path) -> None:
    settings = make_settings(tmp_path / "a", chroma_mode="http", chroma_port=chroma_server)
    writer = Engine(settings)
    report = ingest(writer, [SEED])
    assert [r.status for r in report.results] == ["added"]
    # A second process-like engine with its own data dir sees the same registry and clauses.
    reader = Engine(make_settings(tmp_path / "b", chroma_mode="http", chroma_port=chroma_server))
    assert set(reader.index.registry()) == {"rcc-47a4@wtsa-16"}
    res = reader.cite(parse_reference("Res 57 resolves 3"))  # type: ignore[arg-type]
    assert [c.clause_id for c in res.clauses] == ["rcc-47a4@wtsa-16#proposal.1/resolves.3"]
    hits = reader.search("team for emergency telecommunications across the Union", k=5)
    assert any(h.clause.clause_id.endswith("recognizing.b") for h in hits)


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    from retrieval.errors import StoreUnavailable

    engine = Engine(make_settings(tmp_path, chroma_mode="http", chroma_port=_free_port(), embedder="hash"))
    with pytest.raises(StoreUnavailable, match=r"cannot open the Chroma server at 127\.0\.0\.1"):
        engine.index.registry()
