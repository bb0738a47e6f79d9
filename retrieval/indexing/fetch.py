"""Download the manifest's direct files into the data directory, politely and verifiably.

A download goes to `NAME.part` and resumes from its length with an HTTP Range request when a
transfer breaks off; only a complete file is renamed into place. The sha256 of each file is recorded
(`checksums.json`) the first time it is downloaded, and every later download or local copy is
checked against it, so a file that changed at its source is reported and not indexed. Landing
pages, and direct files when ITU cannot be reached, get one line saying what to download by hand and
where to put it; a file put there is picked up by the next `fetch`."""

from __future__ import annotations

import hashlib
import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from retrieval.indexing.manifest import Source

Outcome = Literal["downloaded", "present", "by-hand", "offline", "failed", "changed"]
USER_AGENT = "sectorbot-fetch/1 (+https://github.com/; one request at a time)"
CHUNK = 64 * 1024
ATTEMPTS = 4


class Fetched(BaseModel):
    id: str
    outcome: Outcome
    url: str
    path: str | None = None  # the file to ingest, when there is one
    message: str = ""


class FetchReport(BaseModel):
    results: list[Fetched] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)

    @property
    def files(self) -> list[Fetched]:
        return [r for r in self.results if r.path and r.outcome in ("downloaded", "present")]

    @property
    def problems(self) -> list[Fetched]:
        return [r for r in self.results if r.outcome in ("failed", "changed")]


class _Offline(Exception):
    pass


class _HTTPFailure(Exception):
    pass


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Fetcher:
    def __init__(self, dest: Path, pace: float = 1.0, timeout: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.dest = dest
        self.pace = pace  # seconds between two requests to the same site
        self.timeout = timeout
        self.sleep = sleep
        self._last_request = 0.0
        self.checksums_path = dest / "checksums.json"

    # ---- checksums --------------------------------------------------------------------------------
    def _checksums(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.checksums_path.read_text())
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _record(self, source: Source, sha: str) -> None:
        data = self._checksums()
        data[source.id] = {"sha256": sha, "url": source.url}
        tmp = self.checksums_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
        tmp.replace(self.checksums_path)

    # ---- the one entry point -------------------------------------------------------------------
    def fetch(self, sources: list[Source]) -> FetchReport:
        self.dest.mkdir(parents=True, exist_ok=True)
        report = FetchReport()
        offline = False
        for s in sources:
            target = self.dest / s.filename
            if s.access == "landing":
                report.results.append(self._landing(s))
                continue
            if target.exists():
                report.results.append(self._check(s, target, "present"))
                continue
            if offline:
                report.results.append(self._by_hand(s, target, "offline"))
                continue
            try:
                self._download(s.url, target)
            except _Offline:
                offline = True
                report.results.append(self._by_hand(s, target, "offline"))
                continue
            except _HTTPFailure as e:
                report.results.append(Fetched(id=s.id, outcome="failed", url=s.url, message=f"{s.id}: {e}"))
                continue
            report.results.append(self._check(s, target, "downloaded"))
        return report

    def _landing(self, s: Source) -> Fetched:
        # A file the user put here by hand, under the id with any extension, is indexed.
        stem = s.filename.rsplit(".", 1)[0]
        found = sorted(p for p in self.dest.glob(stem + ".*") if p.suffix not in (".part", ".tmp"))
        if found:
            return self._check(s, found[0], "present")
        return Fetched(id=s.id, outcome="by-hand", url=s.url,
                       message=f"{s.id}: {s.url} is a landing page, not a file; download "
                               f"{s.title or s.id} from it by hand and save it as {self.dest / stem}.pdf "
                               f"(or .docx), then run `sectorbot fetch {s.id}` again"
                               + (f" ({s.note})" if s.note else ""))

    def _by_hand(self, s: Source, target: Path, outcome: Outcome) -> Fetched:
        return Fetched(id=s.id, outcome=outcome, url=s.url,
                       message=f"{s.id}: cannot reach {s.url} (offline?); download it by hand, save it as "
                               f"{target}, then run `sectorbot fetch {s.id}` again")

    def _check(self, s: Source, path: Path, outcome: Outcome) -> Fetched:
        sha = sha256_of(path)
        known = self._checksums().get(s.id)
        if known is None:
            self._record(s, sha)
        elif known.get("sha256") != sha:
            bad = path.with_name(path.name + ".changed")
            path.replace(bad)
            return Fetched(id=s.id, outcome="changed", url=s.url,
                           message=f"{s.id}: sha256 {sha[:12]}… differs from the {known.get('sha256', '')[:12]}… "
                                   f"recorded at first download; not indexed (kept as {bad}). If the new "
                                   f"version is right, delete its entry in {self.checksums_path} and fetch again")
        return Fetched(id=s.id, outcome=outcome, url=s.url, path=str(path))

    # ---- HTTP -------------------------------------------------------------------------------------
    def _wait_turn(self) -> None:
        gap = self.pace - (time.monotonic() - self._last_request)
        if gap > 0 and self._last_request:
            self.sleep(gap)
        self._last_request = time.monotonic()

    def _download(self, url: str, target: Path) -> None:
        part = target.with_name(target.name + ".part")
        last: Exception | None = None
        for _ in range(ATTEMPTS):
            have = part.stat().st_size if part.exists() else 0
            self._wait_turn()
            req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
            if have:
                req.add_header("Range", f"bytes={have}-")
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    if have and resp.status != 206:
                        have = 0  # the server ignored the Range: start over
                    total = _expected_total(resp, have)
                    with part.open("ab" if have else "wb") as f:
                        while block := resp.read(CHUNK):
                            f.write(block)
                size = part.stat().st_size
                if total is not None and size < total:
                    last = _HTTPFailure(f"transfer ended at {size} of {total} bytes")
                    continue
                part.replace(target)
                return
            except urllib.error.HTTPError as e:
                if e.code == 416 and have:  # asked past the end: the part is whole
                    part.replace(target)
                    return
                raise _HTTPFailure(f"HTTP {e.code} {e.reason} from {url}") from e
            except (http.client.IncompleteRead, ConnectionResetError, TimeoutError) as e:
                last = e  # resume from what arrived
                continue
            except urllib.error.URLError as e:
                raise _Offline(str(e.reason)) from e
        raise _HTTPFailure(f"download from {url} kept breaking off ({last}); {part} is kept for the next try")


def _expected_total(resp: http.client.HTTPResponse, have: int) -> int | None:
    length = resp.headers.get("Content-Length")
    return have + int(length) if length and length.isdigit() else None
