"""One file → its documents. Most files hold one document; a collection (e.g. the Akoma Ntoso Final
Acts of a conference) holds many, so every caller gets a list."""

from __future__ import annotations

from pathlib import Path

from retrieval.core.models import ParsedDocument
from retrieval.parsing.extract import extract
from retrieval.parsing.structure import parse


def read_documents(path: Path, max_bytes: int, sha256: str = "", url: str | None = None) -> list[ParsedDocument]:
    """Raises DocumentError naming the file and the reason."""
    return [parse(extract(path, max_bytes), str(path), sha256=sha256, url=url)]
