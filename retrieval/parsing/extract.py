"""Files → SourceText: checks a file (format, size, emptiness), reads it, and hands the bytes to its
format reader. The only parsing module that does I/O."""

from __future__ import annotations

import hashlib
from pathlib import Path

from retrieval.core.errors import DocumentError, DocumentTooLarge, EmptyDocument, UnsupportedFormat
from retrieval.parsing.formats import akn, docx, html, pdf, plain
from retrieval.parsing.source import SourceText

READERS = {".docx": docx.read, ".pdf": pdf.read, ".html": html.read, ".htm": html.read, ".xml": akn.read}
SUPPORTED = {".docx", ".pdf", ".html", ".htm", ".txt", ".md", ".xml"}
LEGACY = {".doc": "a legacy Word .doc", ".rtf": "RTF", ".odt": "OpenDocument", ".xls": "a spreadsheet"}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def extract(path: Path, max_bytes: int) -> SourceText:
    """Read one file. Raises a DocumentError naming the file and the reason; never a bare exception."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in LEGACY:
        raise UnsupportedFormat(name, f"unsupported format ({LEGACY[suffix]}); convert it to .docx")
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            name, f"unsupported format '{suffix or 'no extension'}'; use .docx, .pdf, .html, .txt or .md"
        )
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DocumentError(name, f"cannot read file ({e.strerror or e})") from e
    if size == 0:
        raise EmptyDocument(name, "empty file")
    if size > max_bytes:
        raise DocumentTooLarge(
            name, f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit "
            "(SECTORBOT_MAX_FILE_MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(name, f"cannot read file ({e.strerror or e})") from e
    reader = READERS.get(suffix)
    result = reader(name, data) if reader else plain.read(name, data, suffix.lstrip("."))
    if not result.text.strip():
        raise EmptyDocument(name, "no text found in the document")
    return result
