"""One writer at a time. Two ingests writing one embedded Chroma store at once corrupt it for good
(each process rewrites the vector index files it holds in memory, so records the other wrote lose
their embeddings); two ingests on one Chroma server interleave a document's records.

- embedded store: an exclusive `flock` on `<data dir>/ingest.lock`, held for the whole ingest. The
  kernel drops it when the process dies, so a killed ingest never leaves a stale lock behind.
- Chroma server (several machines, no shared file system): a lease record in the collection
  `<collection>_lease` naming its owner and an expiry, renewed by a thread while the ingest runs.
  Chroma has no compare-and-set, so a writer that takes the lease reads it back after a pause and
  proceeds only if it still names it; the ingest checks the lease again before each document's
  commit, so a writer that lost it (paused past the expiry) stops before it flips a document.

A second writer waits (saying so once) up to `SECTORBOT_INGEST_WAIT` seconds, then fails with a
clear message naming who holds the lock."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from retrieval.core.config import Settings
from retrieval.core.errors import SectorbotError

POLL = 0.5  # seconds between attempts while another writer holds the lock


class WriterBusy(SectorbotError):
    """Another ingest holds the writer lock (or lease) longer than we were willing to wait."""


class Holder(Protocol):
    def check(self) -> None:
        """Raise WriterBusy if this writer no longer holds the lock (a lease that expired)."""


class _FileHolder:
    def check(self) -> None:  # a held flock cannot be taken away
        return None


def _owner() -> str:
    return f"{socket.gethostname()} pid {os.getpid()}"


@contextlib.contextmanager
def file_lock(settings: Settings, say: Callable[[str], None]) -> Iterator[Holder]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = settings.data_dir / "ingest.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + settings.ingest_wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_holder(fd)
                if time.monotonic() >= deadline:
                    raise WriterBusy(
                        f"another ingest ({holder}) is writing {settings.data_dir}; waited "
                        f"{settings.ingest_wait:.0f} s (SECTORBOT_INGEST_WAIT). Try again when it has finished"
                    ) from None
                if not told:
                    say(f"another ingest ({holder}) is writing {settings.data_dir}; waiting for it to finish "
                        f"(up to {settings.ingest_wait:.0f} s, SECTORBOT_INGEST_WAIT)")
                    told = True
                time.sleep(POLL)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{_owner()} since {time.strftime('%H:%M:%S')}".encode(), 0)
        try:
            yield _FileHolder()
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown process"
    except OSError:
        return "unknown process"


class Lease:
    """A writer lease kept in a Chroma collection: {owner, token, expires (epoch seconds)}."""

    KEY = "writer"

    def __init__(self, collection: Any, ttl: float) -> None:
        self.col = collection
        self.ttl = ttl
        self.token = uuid.uuid4().hex
        self.owner = _owner()
        self._stop = threading.Event()
        self._lost = False

    def current(self) -> dict[str, Any] | None:
        got = self.col.get(ids=[self.KEY], include=["documents"])
        if not got["ids"]:
            return None
        try:
            value: dict[str, Any] = json.loads(got["documents"][0])
            return value
        except (TypeError, ValueError):
            return None  # a damaged lease record is treated as free

    def _write(self, expires: float) -> None:
        doc = json.dumps({"owner": self.owner, "token": self.token, "expires": expires})
        self.col.upsert(ids=[self.KEY], embeddings=[[1.0]], documents=[doc])

    def try_take(self, settle: float) -> dict[str, Any] | None:
        """Take the lease if free; returns None when taken, or the record of whoever holds it."""
        cur = self.current()
        if cur and cur.get("token") != self.token and float(cur.get("expires", 0)) > time.time():
            return cur
        self._write(time.time() + self.ttl)
        time.sleep(settle)  # another writer may have written in the same instant: the last one wins
        cur = self.current()
        if cur and cur.get("token") != self.token:
            return cur
        return None

    def check(self) -> None:
        cur = self.current()
        if self._lost or not cur or cur.get("token") != self.token:
            self._lost = True
            who = cur.get("owner", "another writer") if cur else "nobody"
            raise WriterBusy(f"lost the writer lease on the Chroma server (now held by {who}); "
                             "stopped before committing the next document")

    def keep_alive(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            try:
                cur = self.current()
                if not cur or cur.get("token") != self.token:
                    self._lost = True
                    return
                self._write(time.time() + self.ttl)
            except Exception:  # server briefly unreachable: the next renewal or check() decides
                continue

    def release(self) -> None:
        self._stop.set()
        with contextlib.suppress(Exception):
            cur = self.current()
            if cur and cur.get("token") == self.token:
                self.col.delete(ids=[self.KEY])


@contextlib.contextmanager
def lease_lock(settings: Settings, collection: Any, say: Callable[[str], None],
               ttl: float | None = None, settle: float = 0.5) -> Iterator[Holder]:
    lease = Lease(collection, ttl or settings.ingest_lease_seconds)
    deadline = time.monotonic() + settings.ingest_wait
    told = False
    while True:
        holder = lease.try_take(settle)
        if holder is None:
            break
        who = holder.get("owner", "another writer")
        if time.monotonic() >= deadline:
            raise WriterBusy(f"another ingest ({who}) holds the writer lease on the Chroma server; waited "
                             f"{settings.ingest_wait:.0f} s (SECTORBOT_INGEST_WAIT). Try again when it has finished")
        if not told:
            say(f"another ingest ({who}) holds the writer lease on the Chroma server; waiting for it to "
                f"finish (up to {settings.ingest_wait:.0f} s, SECTORBOT_INGEST_WAIT)")
            told = True
        time.sleep(POLL)
    renewer = threading.Thread(target=lease.keep_alive, daemon=True, name="ingest-lease")
    renewer.start()
    try:
        yield lease
    finally:
        lease.release()
        renewer.join(timeout=5)


def writer_lock(settings: Settings, lease_collection: Callable[[], Any],
                say: Callable[[str], None]) -> contextlib.AbstractContextManager[Holder]:
    """The lock that fits the store: a file lock beside an embedded store, a lease on a server."""
    if settings.chroma_mode == "http":
        return lease_lock(settings, lease_collection(), say)
    return file_lock(settings, say)
