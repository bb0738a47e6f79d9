"""The production topology without containers: a real `chroma run` on loopback, `sectorbot ingest`
into it, and two `sectorbot slack --http` processes answering the same question from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from harness.servers import FakeSlack, chroma_process, free_port, mention, signed_headers, wait_for_port
from tests.conftest import MODEL_DIR, SEED

SECRET = "0123456789abcdef0123456789abcdef"
SECTORBOT = [sys.executable, "-m", "bot.cli"]


def _env(data_dir: Path, chroma_port: int, slack: FakeSlack) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SECTORBOT_", "SLACK_", "OPENAI_"))}
    return {**keep, "SECTORBOT_DATA_DIR": str(data_dir), "SECTORBOT_MODEL_DIR": str(MODEL_DIR),
            "SECTORBOT_CHROMA_MODE": "http", "SECTORBOT_CHROMA_PORT": str(chroma_port),
            "SECTORBOT_SLACK_API_URL": slack.base_url, "SECTORBOT_LOG_FORMAT": "json",
            "SLACK_BOT_TOKEN": "xoxb-1111-2222-topology", "SLACK_SIGNING_SECRET": SECRET,
            "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def _post(port: int, body: str) -> int:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(), method="POST",
                                 headers=signed_headers(body, SECRET))
    with urllib.request.urlopen(req, timeout=10) as r:
        return int(r.status)


def _cited(update: dict[str, Any]) -> list[str]:
    blocks = update["blocks"] if isinstance(update["blocks"], list) else json.loads(update["blocks"])
    return [e["text"] for b in blocks if b["type"] == "context" for e in b.get("elements", [])
            if "Resolution" in e.get("text", "")]


@pytest.fixture
def bots(tmp_path: Path, model_dir: Path) -> Iterator[tuple[list[int], FakeSlack, Path]]:
    with FakeSlack() as slack, chroma_process(tmp_path / "chroma") as chroma_port:
        ingest = subprocess.run([*SECTORBOT, "ingest", "--quiet", str(SEED)], capture_output=True, text=True,
                                env=_env(tmp_path / "ingest", chroma_port, slack), timeout=180)
        assert ingest.returncode == 0, ingest.stderr
        ports = [free_port(), free_port()]
        logs = [tmp_path / f"bot{n}.log" for n in range(2)]
        procs = [subprocess.Popen([*SECTORBOT, "slack", "--http", "--port", str(p)],
                                  env=_env(tmp_path / f"bot{n}", chroma_port, slack),
                                  stdout=subprocess.DEVNULL, stderr=log.open("w"))
                 for n, (p, log) in enumerate(zip(ports, logs, strict=True))]
        try:
            for p, proc in zip(ports, procs, strict=True):
                wait_for_port(p, timeout=120, proc=proc)
            yield ports, slack, tmp_path
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=20)


@pytest.mark.slow
def test_two_replicas_on_one_chroma_server_give_the_same_citations(bots: tuple[list[int], FakeSlack, Path]) -> None:
    ports, slack, tmp = bots
    for n, port in enumerate(ports):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=10) as r:
            assert json.loads(r.read()) == {"ok": True, "documents": 1}
        assert _post(port, mention("What does Res 57 resolves 3 say?", f"Ev{n}", channel=f"C{n}")) == 200
    updates = slack.wait_for("chat.update", count=2, timeout=60)
    assert len(updates) == 2
    by_channel = {u["channel"]: _cited(u) for u in updates}
    assert by_channel["C0"] == by_channel["C1"]
    assert any("resolves 3" in c for c in by_channel["C0"]), by_channel
    # Structured logs: JSON lines with fields, and never the question text. The bot logs "answered" just
    # after its chat.update returns, so the line may land a moment after the fake Slack saw the update.
    answered: list[dict[str, Any]] = []
    deadline = time.monotonic() + 20
    while not answered and time.monotonic() < deadline:
        # Only whole lines: the last one may still be being written.
        lines = [json.loads(line) for line in (tmp / "bot0.log").read_text().split("\n")[:-1] if line.startswith("{")]
        answered = [r for r in lines if r["message"].startswith("answered")]
        if not answered:
            time.sleep(0.1)
    assert answered and answered[0]["citations"] >= 1 and "latency_ms" in answered[0]
    assert "Res 57" not in (tmp / "bot0.log").read_text()
