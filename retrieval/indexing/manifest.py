"""The curated list of official sources (`corpus/manifest.json`): which ITU instruments sectorbot is
meant to hold, in which versions, and where ITU publishes each. Used by `fetch` (what to download)
and by citations (what to link to). Pure functions over the loaded list."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from retrieval.core.errors import SectorbotError
from retrieval.core.models import Body, Instrument, Revision

Access = Literal["direct", "landing"]


class ManifestError(SectorbotError):
    """The manifest file is missing or malformed."""


class Source(BaseModel):
    """One version of one instrument at its official address."""

    model_config = ConfigDict(extra="ignore")
    id: str
    title: str = ""
    body: Body = "other"
    kind: str = "other"
    number: str | None = None
    symbol: str | None = None
    revision: Revision | None = None
    url: str
    access: Access = "landing"
    landing: str | None = None  # the publication page beside a direct file
    bundled: str | None = None  # a file shipped in corpus/
    note: str = ""

    @property
    def filename(self) -> str:
        """Where `fetch` stores a direct file: the id (unique) plus the address's extension."""
        ext = Path(self.url.split("?")[0]).suffix.lower() or ".bin"
        return re.sub(r"[^a-z0-9.@-]+", "-", self.id.lower()) + ext

    def matches(self, name: str) -> bool:
        """`fetch` names: the id ("wtsa-res-57@hammamet-2016"), its base ("wtsa-res-57") or a bare
        number with the body ("PP-191", "ITU-R 6")."""
        n = name.strip().lower().replace(" ", "-")
        base = self.id.split("@")[0]
        if n in (self.id, base):
            return True
        if self.number:
            num = self.number.lower().replace(" ", "-")
            return n in (f"{self.body.lower()}-{num}", num if self.body == "RA" else f"{self.body.lower()}{num}")
        return False


class Manifest(BaseModel):
    documents: list[Source]

    def select(self, names: list[str]) -> tuple[list[Source], list[str]]:
        """The sources named (all when none), and the names that matched nothing."""
        if not names:
            return list(self.documents), []
        chosen: list[Source] = []
        unknown: list[str] = []
        for name in names:
            hits = [s for s in self.documents if s.matches(name)]
            if not hits:
                unknown.append(name)
            chosen.extend(h for h in hits if h not in chosen)
        return chosen, unknown

    def url_for(self, inst: Instrument) -> str | None:
        """The official address of an instrument: the same revision if listed, else none (a link to
        another version would mislead)."""
        for s in self.documents:
            if inst.symbol and s.symbol and s.symbol.upper() == inst.symbol.upper():
                return s.url
            if s.number is None or inst.number is None or s.number.upper() != inst.number.upper():
                continue
            if s.body != inst.body or s.kind != inst.kind:
                continue
            if s.revision is None or inst.revision is None:
                if s.revision is None and inst.revision is None:
                    return s.landing or s.url
                continue
            if s.revision.year == inst.revision.year and s.revision.place.lower() == inst.revision.place.lower():
                return s.url
        return self._final_acts(inst)

    def _final_acts(self, inst: Instrument) -> str | None:
        """A Plenipotentiary instrument adopted or revised at a conference is a chapter of that conference's
        Final Acts: their volume's address, when the manifest lists it for another chapter."""
        if inst.body != "PP" or inst.revision is None:
            return None
        for s in self.documents:
            if s.body == "PP" and s.revision is not None and "S-CONF-ACTF" in (s.url or "") \
                    and s.revision.year == inst.revision.year \
                    and s.revision.place.lower() == inst.revision.place.lower():
                return s.url
        return None


def load(path: Path) -> Manifest:
    try:
        return Manifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise ManifestError(f"{path}: {e}") from e


@lru_cache(maxsize=4)
def load_cached(path: str) -> Manifest | None:
    try:
        return load(Path(path))
    except ManifestError:
        return None


_MEETING = re.compile(r"^(?:(?P<period>T\d{2})-)?SG(?P<sg>\d{1,2})-(?P<type>C|TD|R|LS)-?(?:PLEN-|GEN-|WP\d-)?"
                      r"(?P<num>\d{1,4})(?:R\d+)?$", re.IGNORECASE)


def meeting_url(symbol: str, period: str = "T17") -> str | None:
    """ITU's document page for an ITU-T study-group document symbol: "SG17-C823" →
    https://www.itu.int/md/T17-SG17-C-0823/en. Only contributions (C) and reports (R) have a page
    address computable from the symbol alone; a TD's address needs the meeting date, so none."""
    m = _MEETING.match(symbol.strip().replace(" ", ""))
    if not m or m.group("type").upper() not in ("C", "R"):
        return None
    p = (m.group("period") or period).upper()
    return f"https://www.itu.int/md/{p}-SG{int(m.group('sg')):02d}-{m.group('type').upper()}-{int(m.group('num')):04d}/en"
