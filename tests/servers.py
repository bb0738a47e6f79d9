"""Small real HTTP servers on 127.0.0.1 for tests: an OpenAI-compatible chat endpoint with scripted
replies, and a Slack Web API that records the calls it receives."""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
    content, ("status", n) as an HTTP error, ("sleep", s) as a slow reply."""

    def __init__(self) -> None:
        self.replies: list[Any] = []
        self.requests: list[dict[str, Any]] = []
        super().__init__(_OpenAIHandler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


class _OpenAIHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        owner: FakeOpenAI = self.server.owner  # type: ignore[attr-defined]
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        owner.requests.append(body)
        reply = owner.replies.pop(0) if owner.replies else {"claims": []}
        if isinstance(reply, tuple) and reply[0] == "status":
            self._send(reply[1], {"error": {"message": "scripted failure"}})
            return
        if isinstance(reply, tuple) and reply[0] == "sleep":
            time.sleep(reply[1])
            reply = {"claims": []}
        content = reply[1] if isinstance(reply, tuple) and reply[0] == "raw" else json.dumps(reply)
        self._send(200, {
            "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        })

    def _send(self, status: int, obj: dict[str, Any]) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(data)


class FakeSlack(_Server):
    """Records every Web API call as (method, params)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.lock = threading.Lock()
        super().__init__(_SlackHandler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

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
        reply: dict[str, Any] = {"ok": True}
        if method == "auth.test":
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
