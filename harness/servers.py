"""Small real HTTP servers on 127.0.0.1 for tests and benchmarks: an OpenAI-compatible chat endpoint
with scripted replies, a Slack Web API that records the calls it receives, a real `chroma run`
process, and Slack's request signing."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from slack_sdk.signature import SignatureVerifier


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 60, proc: subprocess.Popen[Any] | None = None) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before listening on {port}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout} s")


@contextlib.contextmanager
def chroma_process(path: Path) -> Iterator[int]:
    """A real `chroma run` (from the installed chromadb package) on loopback; yields its port."""
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, proc=proc)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@contextlib.contextmanager
def running(server: Any) -> Iterator[int]:
    """Serve `server` (anything with serve_forever / shutdown / server_close / server_address, as
    http.server's servers and bot.slack.server.HttpServer have) on a thread for the block; yields its port."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def mention(text: str, event_id: str = "Ev1", channel: str = "C1", user: str = "U123",
            ts: str = "1700000000.000100", thread_ts: str | None = None) -> str:
    """The Events API body Slack sends when someone @mentions the bot."""
    event: dict[str, Any] = {"type": "app_mention", "user": user, "text": f"<@UBOT> {text}", "ts": ts,
                             "channel": channel, "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": 1, "event": event})


def signed_headers(body: str, secret: str, ts: int | None = None, content_type: str = "application/json",
                   retry: str | None = None) -> dict[str, str]:
    """The headers Slack sends with a request signed by `secret`."""
    stamp = str(ts or int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body) or ""
    headers = {"X-Slack-Request-Timestamp": stamp, "Content-Type": content_type, "X-Slack-Signature": signature}
    if retry:
        headers |= {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"}
    return headers


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler, bind_and_activate=False)
        self.httpd.request_queue_size = 128  # benchmarks open many connections at once
        self.httpd.server_bind()
        self.httpd.server_activate()
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Any:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class FakeOpenAI(_Server):
    """Replies are queued: a dict is sent as the assistant's JSON content, ("raw", text) as plain
    content, ("status", n) as an HTTP error, ("sleep", s) as a slow reply, ("body", ctype, text) as
    the whole HTTP 200 body (not a chat completion), ("trickle", s) as a valid completion sent one
    byte every s seconds."""

    def __init__(self) -> None:
        self.replies: list[Any] = []
        self.requests: list[dict[str, Any]] = []
        self.serve_models = True  # False: GET /models is a 404, as on servers that only do chat completions
        super().__init__(_OpenAIHandler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


class _OpenAIHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        owner: FakeOpenAI = self.server.owner  # type: ignore[attr-defined]
        if self.path.endswith("/models") and owner.serve_models:
            self._send(200, {"object": "list", "data": [{"id": "scripted", "object": "model", "created": 0,
                                                          "owned_by": "tests"}]})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        owner: FakeOpenAI = self.server.owner  # type: ignore[attr-defined]
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        owner.requests.append(body)
        reply = owner.replies.pop(0) if owner.replies else {"claims": []}
        if isinstance(reply, tuple) and reply[0] == "status":
            self._send(reply[1], {"error": {"message": "scripted failure"}})
            return
        if isinstance(reply, tuple) and reply[0] == "body":
            self._send_raw(200, reply[1], reply[2].encode())
            return
        if isinstance(reply, tuple) and reply[0] == "trickle":
            self._trickle(reply[1], body)
            return
        if isinstance(reply, tuple) and reply[0] == "sleep":
            time.sleep(reply[1])
            reply = {"claims": []}
        content = reply[1] if isinstance(reply, tuple) and reply[0] == "raw" else json.dumps(reply)
        self._send(200, _completion(body, content))

    def _trickle(self, interval: float, body: dict[str, Any]) -> None:
        data = json.dumps(_completion(body, json.dumps({"claims": []}))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        for i in range(len(data)):
            try:
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
            except OSError:  # the client gave up: that is the point
                return
            time.sleep(interval)

    def _send(self, status: int, obj: dict[str, Any]) -> None:
        self._send_raw(status, "application/json", json.dumps(obj).encode())

    def _send_raw(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(data)


def _completion(request: dict[str, Any], content: str) -> dict[str, Any]:
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": request.get("model", "m"),
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


class FakeSlack(_Server):
    """Records every Web API call as (method, params). Checks blocks as Slack does (a section's text
    at most 3,000 characters, at most 50 blocks): `invalid_blocks` otherwise, or always when
    `fail_blocks` is set, so tests can see what the bot does when a post is refused."""

    def __init__(self) -> None:
        self.fail_blocks = False
        self.fail_methods: dict[str, str] = {}  # method → the error Slack answers it with ("not_in_channel")
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.received_at: list[float] = []  # time.perf_counter() of each call, for benchmarks
        self.lock = threading.Lock()
        super().__init__(_SlackHandler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def response_url(self) -> str:
        """A slash command's response_url: what is posted there is recorded as method "response"."""
        return f"http://127.0.0.1:{self.port}/hooks/response"

    def named(self, method: str) -> list[dict[str, Any]]:
        with self.lock:
            return [p for m, p in self.calls if m == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 30) -> list[dict[str, Any]]:
        end = time.time() + timeout
        while time.time() < end:
            got = self.named(method)
            if len(got) >= count:
                return got
            time.sleep(0.02)
        return self.named(method)


class _SlackHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        owner: FakeSlack = self.server.owner  # type: ignore[attr-defined]
        method = self.path.rsplit("/", 1)[-1]
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if "json" in (self.headers.get("Content-Type") or ""):
            params = json.loads(raw or "{}")
        else:
            params = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
        with owner.lock:
            owner.calls.append((method, params))
            owner.received_at.append(time.perf_counter())
        reply: dict[str, Any] = {"ok": True}
        problem = owner.fail_methods.get(method) or _blocks_problem(params.get("blocks"), owner.fail_blocks)
        if problem:
            reply = {"ok": False, "error": problem}
        elif method == "auth.test":
            reply.update(user_id="UBOT", bot_id="BBOT", team_id="T1", user="sectorbot", team="itu")
        elif method in ("chat.postMessage", "chat.update"):
            reply.update(channel=params.get("channel"), ts=f"{time.time():.6f}", message={"text": params.get("text")})
        elif method == "views.open":
            reply.update(view={"id": "V1"})
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _blocks_problem(blocks: Any, refuse: bool) -> str | None:
    if isinstance(blocks, str):
        blocks = json.loads(blocks or "[]")
    if not blocks:
        return None
    if refuse or len(blocks) > 50:
        return "invalid_blocks"
    for block in blocks:
        text = block.get("text") if isinstance(block, dict) else None
        if block.get("type") == "section" and isinstance(text, dict) and len(text.get("text", "")) > 3000:
            return "invalid_blocks"
    return None


class FileServer(_Server):
    """Static files by path, with HTTP Range support. `truncate[path] = n` makes the next full
    (non-Range) response for that path announce the whole length but close after n bytes, once;
    unknown paths are 404. Every request is recorded as (path, Range header or None)."""

    def __init__(self, files: dict[str, bytes] | None = None) -> None:
        self.files: dict[str, bytes] = dict(files or {})
        self.truncate: dict[str, int] = {}
        self.requests: list[tuple[str, str | None]] = []
        super().__init__(_FileHandler)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"


class _FileHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        owner: FileServer = self.server.owner  # type: ignore[attr-defined]
        path = urllib.parse.urlparse(self.path).path.lstrip("/")
        rng = self.headers.get("Range")
        owner.requests.append((path, rng))
        body = owner.files.get(path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()
            return
        start = 0
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0] or 0)
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        chunk = body[start:]
        self.send_header("Content-Length", str(len(chunk)))
        self.send_header("Accept-Ranges", "bytes")
        cut = owner.truncate.pop(path, None) if not rng else None
        if cut is not None:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(chunk if cut is None else chunk[:cut])
        self.wfile.flush()
        if cut is not None:
            self.close_connection = True
