"""Word .docx read from its XML: footnotes from footnotes.xml, tracked changes as both readings,
`w:noBreakHyphen` kept as U+2011."""

from __future__ import annotations

import re
import zipfile
from typing import NamedTuple

from lxml import etree

from retrieval.core.errors import DocumentError
from retrieval.parsing.formats.safezip import SafeZip, parse_xml
from retrieval.parsing.source import SourceText

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def read(name: str, data: bytes) -> SourceText:
    try:
        with SafeZip(name, data) as z:
            try:
                body = z.read("word/document.xml")
            except KeyError as e:
                raise DocumentError(name, "not a Word document (no word/document.xml)") from e
            notes = z.read("word/footnotes.xml") if "word/footnotes.xml" in z.namelist() else None
            styles_xml = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else None
    except zipfile.BadZipFile as e:
        raise DocumentError(name, "corrupt .docx (not a valid zip archive; truncated?)") from e
    except (zipfile.LargeZipFile, OSError, EOFError) as e:
        raise DocumentError(name, f"corrupt .docx ({e})") from e
    try:
        root = parse_xml(name, body)
        footnotes = _docx_footnotes(parse_xml(name, notes)) if notes else {}
        styles = _styles(parse_xml(name, styles_xml)) if styles_xml else {}
    except etree.XMLSyntaxError as e:
        raise DocumentError(name, f"corrupt .docx (bad XML: {e})") from e

    parts: list[str] = []
    refs: list[tuple[int, str]] = []
    changes: list[tuple[int, int, str]] = []
    tables: list[tuple[int, int]] = []
    offset = 0

    def emit(current: str, previous: str, para_refs: list[tuple[int, str]]) -> None:
        nonlocal offset
        for rel, fid in para_refs:
            refs.append((offset + rel, fid))
        if previous != current:
            changes.append((offset, offset + len(current), previous))
        parts.append(current)
        offset += len(current) + 1

    heading_numbers = _HeadingNumbers()
    for el in root.iter(W + "p", W + "tbl"):
        if el.tag == W + "tbl":
            if _inside(el, (W + "tbl",)) or _inside(el, (W + "footnote",)):
                continue
            rows = _table_rows(el, footnotes)
            if rows:
                start = offset
                for row in rows:
                    emit(*row)
                tables.append((start, offset - 1))
            continue
        if _inside(el, (W + "footnote", W + "tbl")) or _ancestor_is_paragraph(el):
            continue
        current, previous, para_refs = _paragraph(el, footnotes)
        if not current.strip() and not previous.strip():
            continue
        # a long paragraph in a heading style is body text restyled by mistake; Word's contents list skips it
        # a heading deleted by a tracked change is not numbered (Word skips it too)
        number = heading_numbers.next(el, styles) if current.strip() and len(current) <= 250 else None
        if number and not re.match(r"\s*\d", current):
            # Word numbers these headings itself ("1.1 Context" shows as "Context" in the XML)
            current, previous = f"{number}\t{current}", f"{number}\t{previous}"
            para_refs = [(rel + len(number) + 1, fid) for rel, fid in para_refs]
        emit(current, previous, para_refs)
    return SourceText(text="\n".join(parts), format="docx", footnotes=footnotes, footnote_refs=refs,
                      changes=changes, tables=tables)


class _Style(NamedTuple):
    based_on: str | None
    num_id: str | None
    ilvl: int | None


def _styles(root: etree._Element) -> dict[str, _Style]:
    out: dict[str, _Style] = {}
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId") or ""
        based = st.find(W + "basedOn")
        num = st.find(f"{W}pPr/{W}numPr/{W}numId")
        lvl = st.find(f"{W}pPr/{W}numPr/{W}ilvl")
        out[sid] = _Style(based.get(W + "val") if based is not None else None,
                          num.get(W + "val") if num is not None else None,
                          int(lvl.get(W + "val") or 0) if lvl is not None else None)
    return out


class _HeadingNumbers:
    """Numbers of headings that Word numbers from their style (Heading 1-9 linked to a list)."""

    def __init__(self) -> None:
        self.counters: list[int] = []

    def next(self, para: etree._Element, styles: dict[str, _Style]) -> str | None:
        ps = para.find(f"{W}pPr/{W}pStyle")
        sid = ps.get(W + "val") if ps is not None else None
        if not sid or not re.fullmatch(r"(?i)heading\s?\d", sid):
            return None
        num = para.find(f"{W}pPr/{W}numPr/{W}numId")
        lvl = para.find(f"{W}pPr/{W}numPr/{W}ilvl")
        num_id = num.get(W + "val") if num is not None else None
        ilvl = int(lvl.get(W + "val") or 0) if lvl is not None else None
        seen: set[str] = set()
        while sid and sid in styles and sid not in seen:
            seen.add(sid)
            st = styles[sid]
            num_id = num_id if num_id is not None else st.num_id
            ilvl = ilvl if ilvl is not None else st.ilvl
            sid = st.based_on
        if num_id in (None, "0"):
            return None
        level = ilvl or 0
        self.counters = (self.counters + [0] * (level + 1))[: level + 1]
        self.counters[level] += 1
        return ".".join(str(max(n, 1)) for n in self.counters)


CELL_SEP = " | "
_Para = tuple[str, str, list[tuple[int, str]]]  # current reading, previous reading, footnote refs


def _table_rows(tbl: etree._Element, footnotes: dict[str, str]) -> list[_Para]:
    """A table as one line per row, its cells joined by " | " (a cell's paragraphs by a space), so a row
    never reads as a heading or a numbered clause. A one-column table is a frame around ordinary
    paragraphs: those stay one line each."""
    rows = [r for r in tbl.iter(W + "tr") if _nearest(r, W + "tbl") is tbl]
    if any(_nearest(t, W + "tbl") is tbl for t in tbl.iter(W + "tbl") if t is not tbl):
        return _frame(tbl, footnotes)  # a layout table holding tables: its own cells are frames
    grid: list[list[list[_Para]]] = []  # rows → cells → paragraphs
    for r in rows:
        cells: list[list[_Para]] = []
        for tc in r.iter(W + "tc"):
            if _nearest(tc, W + "tr") is not r:
                continue
            paras = [_paragraph(p, footnotes) for p in tc.iter(W + "p") if not _ancestor_is_paragraph(p)]
            cells.append([p for p in paras if p[0].strip() or p[1].strip()])
        grid.append(cells)
    if all(len(row) <= 1 for row in grid):
        return [p for row in grid for cell in row for p in cell]
    out: list[_Para] = []
    for row in grid:
        joined = [_joined(cell, " ") for cell in row if cell]
        if joined:
            out.append(_joined(joined, CELL_SEP))
    return out


def _frame(tbl: etree._Element, footnotes: dict[str, str]) -> list[tuple[str, str, list[tuple[int, str]]]]:
    out: list[tuple[str, str, list[tuple[int, str]]]] = []
    for el in tbl.iter(W + "p", W + "tbl"):
        if el is tbl or _nearest(el, W + "tbl") is not tbl:
            continue
        if el.tag == W + "tbl":
            out += _table_rows(el, footnotes)
        elif not _ancestor_is_paragraph(el):
            para = _paragraph(el, footnotes)
            if para[0].strip() or para[1].strip():
                out.append(para)
    return out


def _joined(pieces: list[tuple[str, str, list[tuple[int, str]]]], sep: str) -> tuple[str, str, list[tuple[int, str]]]:
    current, previous, refs = "", "", []
    for cur, prev, prefs in pieces:
        if current or previous:
            current, previous = current + sep, previous + sep
        refs += [(len(current) + rel, fid) for rel, fid in prefs]
        current, previous = current + cur, previous + prev
    return current, previous, refs


def _nearest(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


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
    mark_follows = False
    for el in para.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        in_del = _inside_until(el, W + "del", para)
        in_ins = _inside_until(el, W + "ins", para)
        piece = ""
        if tag in (W + "t", W + "delText"):
            piece = el.text or ""
            if mark_follows and piece:
                # The mark an ITU document types after its footnote reference ("3") is set superscript in
                # Word: kept as the superscript it is, so "once a year3." reads "once a year³." (shown
                # and searched as "year") and is never the number 3.
                mark = re.match(r"\d{1,3}", piece)
                if mark:
                    piece = piece[:mark.end()].translate(_SUPERSCRIPT) + piece[mark.end():]
                mark_follows = False
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
                else:
                    mark_follows = True
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
