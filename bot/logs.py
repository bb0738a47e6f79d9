"""Logging set-up: plain or JSON lines. Message text and tokens are never passed to the logger."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from retrieval import Settings

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line; fields given with `extra=` (source, latency_ms, …) become keys, so
    a log pipeline can aggregate them without parsing the message."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(),
                                  "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        out.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if settings.log_format == "json"
                         else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    for noisy in ("httpx", "chromadb", "bm25s", "urllib3", "slack_sdk", "slack_bolt"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # waitress warns whenever a request waits for a worker; a burst of Slack events does that by
    # design (acks take a millisecond), 100 lines per 250 events in bench/slack_bench.py.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
