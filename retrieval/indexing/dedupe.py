"""A record of deliveries already handled (Slack event ids), shared by every replica through the
Chroma server, so a retry that lands on another replica is not answered twice.

Claiming is one id-keyed `add`: Chroma keeps the first record under an id and ignores later adds of
it, so each claimant writes its own token and reads back whose token stands; only that writer goes
on. Records expire after a TTL (Slack retries within minutes). With the embedded store there is one
process by construction, and the front end's in-memory record is the whole story."""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from typing import Any

from retrieval.core.config import Settings

log = logging.getLogger(__name__)
TTL = 3600.0  # Slack's last retry comes about 5 minutes after the event
PURGE_EVERY = 600.0


class DeliveryRecord:
    def __init__(self, settings: Settings, ttl: float = TTL) -> None:
        self.settings = settings
        self.ttl = ttl
        self._collection: Any = None
        self._lock = threading.Lock()
        self._next_purge = 0.0

    @property
    def shared(self) -> bool:
        return self.settings.chroma_mode == "http"

    def _records(self) -> Any:
        with self._lock:
            if self._collection is None:
                os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
                import chromadb
                from chromadb.config import Settings as ChromaSettings

                client = chromadb.HttpClient(host=self.settings.chroma_host, port=self.settings.chroma_port,
                                             settings=ChromaSettings(anonymized_telemetry=False))
                self._collection = client.get_or_create_collection(f"{self.settings.collection}_deliveries",
                                                                   embedding_function=None)
            return self._collection

    def first(self, key: str) -> bool:
        """True for exactly one caller per key within the TTL, across replicas. If the record cannot
        be reached, True: answering twice is better than not answering."""
        if not self.shared or not key:
            return True
        token = uuid.uuid4().hex
        now = time.time()
        try:
            records = self._records()
            records.add(ids=[key], embeddings=[[1.0]], metadatas=[{"at": now, "by": token}])
            got = records.get(ids=[key], include=["metadatas"])
            metas = got.get("metadatas") or []
            holder = metas[0] if metas else None
            stale = holder is not None and float(holder.get("at", now)) < now - self.ttl
            if stale:  # an expired claim not purged yet: take it over, once
                records.delete(ids=[key])
                return self.first(key)
            self._purge(records, now)
            return holder is None or holder.get("by") == token
        except Exception as e:  # the store is down: say so, and answer
            log.warning("delivery record unavailable, answering anyway: %s", type(e).__name__)
            with self._lock:
                self._collection = None
            return True

    def _purge(self, records: Any, now: float) -> None:
        if now < self._next_purge:
            return
        self._next_purge = now + PURGE_EVERY
        records.delete(where={"at": {"$lt": now - self.ttl}})
