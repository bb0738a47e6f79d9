"""Who may ask, how often, and whether a request was already handled. Front-end neutral: the Slack
app runs it as Bolt middleware; a web front end would call the same methods."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, defaultdict, deque

from retrieval import Settings


class Guard:
    """Channel allow-list, per-user rate limit, and de-duplication of redelivered requests."""

    def __init__(self, settings: Settings) -> None:
        self.allowed = set(settings.allowed_channels)
        self.per_minute = settings.rate_limit_per_minute
        self.calls: dict[str, deque[float]] = defaultdict(deque)
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.lock = threading.Lock()

    def channel_ok(self, channel: str) -> bool:
        # Direct messages (D…) are always allowed: the allow-list is about where answers are shown.
        return not self.allowed or channel in self.allowed or channel.startswith("D")

    def rate_ok(self, user: str) -> bool:
        now = time.monotonic()
        with self.lock:
            q = self.calls[user]
            while q and now - q[0] > 60:
                q.popleft()
            if self.per_minute and len(q) >= self.per_minute:
                return False
            q.append(now)
            return True

    def first_time(self, request_id: str | None) -> bool:
        if not request_id:
            return True
        with self.lock:
            if request_id in self.seen:
                return False
            self.seen[request_id] = None
            if len(self.seen) > 5000:
                self.seen.popitem(last=False)
            return True
