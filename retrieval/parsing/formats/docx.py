"""Word .docx read from its XML: footnotes from footnotes.xml, tracked changes as both readings,
`w:noBreakHyphen` kept as U+2011."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from retrieval.core.errors import DocumentError
from retrieval.parsing.source import SourceText

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def read(name: str, data: bytes) -> SourceText:
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
