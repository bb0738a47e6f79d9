"""Slack HTTP-mode benchmark: N signed events sent at once to a real `sectorbot slack --http` process.

    python -m bench.slack_bench [--events 50] [--rounds 5] [--corpus corpus/]

Measures, per event, the ack latency (request sent → HTTP 200 back; Slack needs it within 3 s) and
the time to the posted answer (request sent → the `chat.update` carrying the answer reaches the Slack
Web API, served by a local recording server on 127.0.0.1). Prints a table and writes
bench/results/slack.md. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import selectors
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from harness.servers import FakeSlack, free_port, mention, signed_headers, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
SECRET = "0123456789abcdef0123456789abcdef"
QUESTIONS = ["Which Sector handles emergency telecommunications?", "What does Res 57 resolves 3 say?",
             "Who coordinates the work of the three Sectors?", "What did RCC propose to change in Resolution 57?",
             "Which groups deal with matters of mutual interest?"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def event_body(i: int) -> str:
    return mention(QUESTIONS[i % len(QUESTIONS)], f"EvBench{i:04d}", channel=f"C{i:04d}", user=f"U{i:04d}",
                   ts=f"1700000000.{i:06d}")


def raw_request(port: int, body: str) -> bytes:
    headers = {**signed_headers(body, SECRET), "Host": f"127.0.0.1:{port}", "Content-Length": str(len(body.encode())),
               "Connection": "close"}
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return f"POST /slack/events HTTP/1.1\r\n{head}\r\n".encode() + body.encode()


def burst(port: int, first: int, count: int) -> tuple[dict[str, float], list[float]]:
    """Send events first … first+count−1 at once from one thread (connections opened beforehand), so
    the client adds no thread contention of its own; an ack is the status line arriving."""
    payloads = [raw_request(port, event_body(first + i)) for i in range(count)]
    socks = [socket.create_connection(("127.0.0.1", port)) for _ in payloads]
    sel = selectors.DefaultSelector()
    sent: dict[str, float] = {}
    acks: list[float] = []
    for i, (sock, data) in enumerate(zip(socks, payloads, strict=True)):
        sent[f"C{first + i:04d}"] = time.perf_counter()
        sock.sendall(data)
        sock.setblocking(False)
        sel.register(sock, selectors.EVENT_READ, i)
    buffers = [b""] * len(socks)
    while len(acks) < len(socks):
        for key, _ in sel.select(timeout=30):
            i = key.data
            chunk = key.fileobj.recv(65536)  # type: ignore[union-attr]
            buffers[i] += chunk
            if b"\r\n" in buffers[i] or not chunk:
                status = buffers[i].split(b"\r\n", 1)[0]
                if b" 200 " not in status + b" ":
                    raise SystemExit(f"event {i} was not acknowledged: {status!r}")
                acks.append((time.perf_counter() - sent[f"C{first + i:04d}"]) * 1000)
                sel.unregister(key.fileobj)
                key.fileobj.close()  # type: ignore[union-attr]
    return sent, acks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=50, help="events sent at once (default 50)")
    ap.add_argument("--rounds", type=int, default=5, help="bursts, each after the previous answers are posted")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="folder to index first")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "slack.md")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="sectorbot-slack-bench-") as tmp, FakeSlack() as slack:
        env = {**os.environ, "SECTORBOT_DATA_DIR": tmp, "SECTORBOT_SLACK_API_URL": slack.base_url,
               "SLACK_BOT_TOKEN": "xoxb-bench-0000-token", "SLACK_SIGNING_SECRET": SECRET,
               "SECTORBOT_RATE_LIMIT_PER_MINUTE": "1000", "HF_HUB_OFFLINE": "1", "SECTORBOT_LOG_LEVEL": "WARNING"}
        if "SECTORBOT_MODEL_DIR" not in os.environ:
            from retrieval.core.config import Settings

            env["SECTORBOT_MODEL_DIR"] = str(Settings().models_path)  # reuse the provisioned model
        cmd = [sys.executable, "-m", "bot.cli"]
        subprocess.run([*cmd, "ingest", "--quiet", str(args.corpus)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        port = free_port()
        bot = subprocess.Popen([*cmd, "slack", "--http", "--port", str(port)], env=env)
        try:
            wait_for_port(port, timeout=120, proc=bot)
            url = f"http://127.0.0.1:{port}/slack/events"
            # One warm-up event, so the figures are for a running bot, not its first request.
            warm = event_body(99999)
            urllib.request.urlopen(urllib.request.Request(url, warm.encode(), signed_headers(warm, SECRET)))
            slack.wait_for("chat.update", 1, timeout=60)
            before = len(slack.named("chat.update"))

            sent: dict[str, float] = {}
            acks: list[float] = []
            round_p95: list[float] = []
            for r in range(args.rounds):
                round_sent, round_acks = burst(port, r * args.events, args.events)
                sent |= round_sent
                acks += round_acks
                round_p95.append(pct(round_acks, 95))
                slack.wait_for("chat.update", before + (r + 1) * args.events, timeout=300)
            with slack.lock:
                calls = list(zip(slack.calls, slack.received_at, strict=True))
            posted = [(at - sent[params["channel"]]) * 1000 for (method, params), at in calls
                      if method == "chat.update" and params.get("channel") in sent]
        finally:
            bot.terminate()
            bot.wait(timeout=20)

    rows = [("ack latency", acks), ("time to posted answer", posted)]
    total = args.events * args.rounds
    lines = [f"# Slack HTTP mode: {args.rounds} bursts of {args.events} signed events at once "
             f"({os.cpu_count()} cores)", "",
             f"Answers posted: {len(posted)}/{total}. Ack p95 per burst: "
             + ", ".join(f"{v:.0f}" for v in round_p95) + " ms.", "",
             "| measure (all bursts) | p50 ms | p95 ms | max ms |", "|---|---|---|---|"]
    lines += [f"| {name} | {pct(v, 50):.0f} | {pct(v, 95):.0f} | {max(v):.0f} |" for name, v in rows if v]
    lines += ["", "Target: ack p95 ≤ 100 ms (Slack's limit is 3,000 ms)."]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    if len(posted) < total:
        sys.exit(f"only {len(posted)} of {total} answers were posted")


if __name__ == "__main__":
    main()
