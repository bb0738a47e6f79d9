"""Files → SourceText: checks a file (format, size, emptiness), reads it, and hands the bytes to its
format reader. The only parsing module that does I/O."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from retrieval.core.errors import DocumentError, DocumentTooLarge, EmptyDocument, UnsupportedFormat
from retrieval.parsing import limits
from retrieval.parsing.formats import akn, doc, docx, html, pdf, plain
from retrieval.parsing.source import SourceText

READERS = {".docx": docx.read, ".doc": doc.read, ".pdf": pdf.read, ".html": html.read, ".htm": html.read,
           ".xml": akn.read}
SUPPORTED = {".docx", ".doc", ".pdf", ".html", ".htm", ".txt", ".md", ".xml"}
LEGACY = {".rtf": "RTF", ".odt": "OpenDocument", ".xls": "a spreadsheet"}


def sha256_file(path: Path) -> str:
    """Raises DocumentError when the file cannot be read (e.g. deleted since it was listed): a
    document is never recorded without the hash of what was read."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except FileNotFoundError as e:
        raise DocumentError(str(path), "no such file (deleted while indexing?)") from e
    except OSError as e:
        raise DocumentError(str(path), f"cannot read file ({e.strerror or e})") from e
    return h.hexdigest()


def extract(path: Path, max_bytes: int) -> SourceText:
    """Read one file. Raises a DocumentError naming the file and the reason; never a bare exception."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in LEGACY:
        raise UnsupportedFormat(name, f"unsupported format ({LEGACY[suffix]}); convert it to .docx")
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            name, f"unsupported format '{suffix or 'no extension'}'; use .docx, .doc, .pdf, .html, .xml, .txt or .md"
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
    if "\x00" in result.text:
        if result.format != "pdf":  # other formats carry offsets into the text: no character may go
            raise DocumentError(name, "a NUL character inside the text (a corrupt file?)")
        # PDF text extraction yields stray NULs for some fonts; they carry nothing.
        result = result.model_copy(update={"text": result.text.replace("\x00", "")})
    if not result.text.strip():
        raise EmptyDocument(name, "no text found in the document")
    text = split_long_lines(result.text, limits.current().max_clause_chars)
    longest = max(text.split("\n"), key=len)
    if len(longest) > limits.current().max_clause_chars:
        raise DocumentTooLarge(
            name, f"a paragraph of {len(longest):,} characters with no sentence end to split it at, over the "
            f"{limits.current().max_clause_chars:,}-character clause limit (SECTORBOT_MAX_CLAUSE_CHARS)")
    return result.model_copy(update={"text": text}) if text is not result.text else result


_SENTENCE_END = re.compile(r"[.;:!?\u3002][)\]\"'\u201d\u2019]*[ \t]")


def split_long_lines(text: str, max_chars: int) -> str:
    """Break lines longer than `max_chars` at sentence ends, so no paragraph becomes one huge clause.
    The space after the sentence becomes a line break: same length, so every offset into the text
    (footnotes, tracked changes) still holds."""
    if all(len(line) <= max_chars for line in text.split("\n")):
        return text
    chars = list(text)
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pos = start
        while end - pos > max_chars:
            cut = None
            for m in _SENTENCE_END.finditer(text, pos, pos + max_chars + 1):
                cut = m.end() - 1
            if cut is None or cut <= pos:
                break  # no sentence end within reach: the caller refuses the document
            chars[cut] = "\n"
            pos = cut + 1
        start = end + 1
    return "".join(chars)
