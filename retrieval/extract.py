"""Files → plain text with footnotes and tracked changes. The only parsing module that does I/O."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

from lxml import etree
from pydantic import BaseModel, Field

from .errors import DocumentError, DocumentTooLarge, EmptyDocument, UnsupportedFormat

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SUPPORTED = {".docx", ".pdf", ".html", ".htm", ".txt", ".md"}
LEGACY = {".doc": "a legacy Word .doc", ".rtf": "RTF", ".odt": "OpenDocument", ".xls": "a spreadsheet"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class SourceText(BaseModel):
    """A document's text as one string; offsets in the other fields point into it."""

    text: str
    format: str
    footnotes: dict[str, str] = Field(default_factory=dict)
    footnote_refs: list[tuple[int, str]] = Field(default_factory=list)
    # (start, end, previous reading) for paragraphs that tracked changes altered
    changes: list[tuple[int, int, str]] = Field(default_factory=list)


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
    if suffix == ".docx":
        result = _docx(name, data)
    elif suffix == ".pdf":
        result = _pdf(name, data)
    elif suffix in (".html", ".htm"):
        result = _html(name, data)
    else:
        result = SourceText(text=_decode(name, data), format=suffix.lstrip("."))
    if not result.text.strip():
        raise EmptyDocument(name, "no text found in the document")
    return result


def _decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise DocumentError(name, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DocumentError(
            name, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from e


# ---- .docx -------------------------------------------------------------------------------------

def _docx(name: str, data: bytes) -> SourceText:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            try:
                body = z.read("word/document.xml")
            except KeyError as e:
                raise DocumentError(name, "not a Word document (no word/document.xml)") from e
            notes = z.read("word/footnotes.xml") if "word/footnotes.xml" in z.namelist() else None
    except zipfile.BadZipFile as e:
        raise DocumentError(name, "corrupt .docx (not a valid zip archive; truncated?)") from e
    except (zipfile.LargeZipFile, OSError, EOFError) as e:
        raise DocumentError(name, f"corrupt .docx ({e})") from e
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
        footnotes = _docx_footnotes(etree.fromstring(notes, parser)) if notes else {}
    except etree.XMLSyntaxError as e:
        raise DocumentError(name, f"corrupt .docx (bad XML: {e})") from e

    parts: list[str] = []
    refs: list[tuple[int, str]] = []
    changes: list[tuple[int, int, str]] = []
    offset = 0
    for para in root.iter(W + "p"):
        if _inside(para, (W + "footnote",)) or _ancestor_is_paragraph(para):
            continue
        current, previous, para_refs = _paragraph(para, footnotes)
        if not current.strip() and not previous.strip():
            continue
        for rel, fid in para_refs:
            refs.append((offset + rel, fid))
        if previous != current:
            changes.append((offset, offset + len(current), previous))
        parts.append(current)
        offset += len(current) + 1
    return SourceText(text="\n".join(parts), format="docx", footnotes=footnotes, footnote_refs=refs,
                      changes=changes)


def _inside(el: etree._Element, tags: tuple[str, ...]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _ancestor_is_paragraph(el: etree._Element) -> bool:
    # Text boxes nest paragraphs inside a paragraph; the outer one already carries their text.
    return _inside(el, (W + "p",))


def _paragraph(para: etree._Element, footnotes: dict[str, str]) -> tuple[str, str, list[tuple[int, str]]]:
    """Return (current reading, previous reading, footnote refs with offsets into the current one)."""
    current: list[str] = []
    previous: list[str] = []
    refs: list[tuple[int, str]] = []
    cur_len = 0
    for el in para.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        in_del = _inside_until(el, W + "del", para)
        in_ins = _inside_until(el, W + "ins", para)
        piece = ""
        if tag in (W + "t", W + "delText"):
            piece = el.text or ""
        elif tag == W + "tab":
            piece = "\t"
        elif tag in (W + "br", W + "cr"):
            piece = "\n"
        elif tag == W + "noBreakHyphen":
            piece = "\u2011"
        elif tag == W + "softHyphen":
            piece = "\u00ad"
        elif tag == W + "footnoteReference":
            fid = el.get(W + "id") or ""
            if fid in footnotes and not in_del:
                refs.append((cur_len, fid))
                # ITU documents set their own marks ("1", "bis") as text right after the reference.
                if el.get(W + "customMarkFollows") not in ("1", "true", "on"):
                    piece = fid.translate(_SUPERSCRIPT)
        if not piece:
            continue
        if not in_del:
            current.append(piece)
            cur_len += len(piece)
        if not in_ins:
            previous.append(piece)
    return "".join(current), "".join(previous), refs


def _inside_until(el: etree._Element, tag: str, stop: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _docx_footnotes(root: etree._Element) -> dict[str, str]:
    notes: dict[str, str] = {}
    for fn in root.iter(W + "footnote"):
        fid = fn.get(W + "id") or ""
        if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = []
        for p in fn.iter(W + "p"):
            cur, _prev, _refs = _paragraph(p, {})
            texts.append(cur)
        body = " ".join(t.strip() for t in texts if t.strip())
        if body:
            notes[fid] = body
    return notes


# ---- .pdf and .html ----------------------------------------------------------------------------

def _pdf(name: str, data: bytes) -> SourceText:
    if not data.startswith(b"%PDF"):
        raise DocumentError(name, "not a PDF (no %PDF header); the file is corrupt or misnamed")
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(name, "encrypted PDF; remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        raise DocumentError(name, f"corrupt PDF ({type(e).__name__}: {e})") from e
    text = "\n".join(p.strip("\n") for p in pages)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return SourceText(text=text, format="pdf")


def _html(name: str, data: bytes) -> SourceText:
    from bs4 import BeautifulSoup

    text = _decode(name, data)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    blocks: list[str] = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "pre"]):
        if el.find(["p", "li", "td"]):
            continue
        line = el.get_text(" ", strip=True)
        if line:
            blocks.append(line)
    return SourceText(text="\n".join(blocks), format="html")
