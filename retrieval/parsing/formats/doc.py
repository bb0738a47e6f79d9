"""Word 97-2003 .doc read from its binary streams ([MS-DOC]) with olefile: the FIB locates the piece
table, the pieces give the main document's characters, and Word's control characters become what the
.docx reader would have produced from the same document: field results without their codes, `ITU‑T`
with its non-breaking hyphen (U+2011), optional hyphens as U+00AD, tables one row a line with cells
joined by " | " (a row's end is read from the paragraph properties, since an empty cell and a row end
are the same character), footnotes with their references. Headers, footers, comments and text boxes
are separate stories in the file and are left out."""

from __future__ import annotations

import bisect
import io
import struct
from typing import NamedTuple

import olefile

from retrieval.core.errors import DocumentError, UnsupportedFormat
from retrieval.parsing.source import SourceText

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_IDENT = 0xA5EC
_NFIB_WORD97 = 0x00C1
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
# indices of (fc, lcb) pairs in FibRgFcLcb97
_PLCF_FND_REF, _PLCF_FND_TXT, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _CLX = 2, 3, 12, 13, 33

_PARA_END, _CELL_END, _LINE_BREAK, _PAGE_BREAK = "\r", "\x07", "\x0b", "\x0c"
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
_FOOTNOTE_MARK = "\x02"
_CHARS = {_LINE_BREAK: "\n", _PAGE_BREAK: "\n", "\t": "\t", "\x1e": "\u2011", "\x1f": "\u00ad"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
CELL_SEP = " | "

# 8-bit pieces are cp1252 ([MS-DOC] 2.4.1); its five unassigned bytes keep their Latin-1 reading
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}

# property modifiers (sprms) read here ([MS-DOC] 2.6): those placing a paragraph in a table, a
# character's symbol, and two whose operand size is not the usual count byte
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_INNER_CELL, _SPRM_INNER_TTP = 0x2416, 0x2417, 0x244B, 0x244C
_SPRM_ITAP, _SPRM_HUGE_PAPX, _SPRM_SYMBOL = 0x6649, 0x6646, 0x6A09
_SPRM_TDEF_TABLE, _SPRM_CHG_TABS = 0xD608, 0xC615


class _Damaged(Exception):
    """A structure points outside its stream; `read` turns it into a DocumentError."""


class _Fib(NamedTuple):
    flags: int
    ccp_text: int
    ccp_ftn: int
    fc_lcb: tuple[int, ...]

    def pair(self, index: int) -> tuple[int, int]:
        if 2 * index + 1 >= len(self.fc_lcb):
            return 0, 0
        return self.fc_lcb[2 * index], self.fc_lcb[2 * index + 1]


class _Piece(NamedTuple):
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the piece's first character in the WordDocument stream
    compressed: bool


class _Para(NamedTuple):
    text: str
    mark: str  # _PARA_END or _CELL_END
    fc: int  # byte offset of the mark, to look up its paragraph properties
    refs: list[tuple[int, str]]  # footnote references: offset into text, footnote id


def read(name: str, data: bytes) -> SourceText:
    _refuse_other_formats(name, data)
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error) as e:
        raise DocumentError(name, f"damaged .doc ({_reason(e)}; truncated?)") from e
    try:
        return _read_streams(name, ole)
    except _Damaged as e:
        raise DocumentError(name, f"damaged .doc: {e}") from e
    except (OSError, ValueError, IndexError, struct.error, UnicodeError) as e:
        raise DocumentError(name, f"damaged .doc ({_reason(e)})") from e
    finally:
        ole.close()


def _refuse_other_formats(name: str, data: bytes) -> None:
    # Word saved RTF and .docx under a .doc name for years; say what the file is rather than "damaged".
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFormat(name, "unsupported format (RTF saved with a .doc name); convert it to .docx")
    if data.startswith(b"PK\x03\x04"):
        raise DocumentError(name, "a .docx (zip) file named .doc; rename it to .docx")
    if not data.startswith(_OLE_MAGIC):
        raise DocumentError(name, "not a Word 97-2003 document (no OLE compound file header)")


def _reason(e: Exception) -> str:
    return (str(e) or type(e).__name__).splitlines()[0]


def _read_streams(name: str, ole: olefile.OleFileIO) -> SourceText:
    if not ole.exists("WordDocument"):
        raise DocumentError(name, "not a Word document: no WordDocument stream")
    word = ole.openstream("WordDocument").read()
    fib = _parse_fib(name, word)
    table_name = "1Table" if fib.flags & _F_WHICH_TABLE else "0Table"
    if not ole.exists(table_name):
        raise _Damaged(f"no {table_name} stream")
    table = ole.openstream(table_name).read()
    data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""

    pieces = _piece_table(table, *fib.pair(_CLX), len(word))
    raw = _characters(word, pieces, fib.ccp_text + fib.ccp_ftn)
    symbols = _symbol_cps(_symbols(_fkp_runs(word, table, fib.pair(_PLCF_BTE_CHPX), paragraphs=False)), pieces)
    notes, ref_at = _footnotes(fib, table, raw, pieces, symbols)
    paras = _paragraphs(raw[: fib.ccp_text], 0, pieces, ref_at, symbols)
    papx = _fkp_runs(word, table, fib.pair(_PLCF_BTE_PAPX), paragraphs=True)
    text, refs, tables = _layout(paras, [_place(papx.at(p.fc), p.mark, data_stream) for p in paras])
    return SourceText(text=text, format="doc", footnotes=notes, footnote_refs=refs, tables=tables)


def _parse_fib(name: str, word: bytes) -> _Fib:
    if len(word) < 0x22:
        raise _Damaged("WordDocument stream too short for its header")
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != _WORD_IDENT:
        raise DocumentError(name, "not a Word document (bad signature in the WordDocument stream)")
    if nfib < _NFIB_WORD97:
        raise UnsupportedFormat(name, "unsupported format (a Word 6/95 .doc, older than Word 97); convert it to .docx")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & _F_ENCRYPTED:
        raise DocumentError(name, "encrypted .doc (password-protected); remove the password and save it again")
    # FibBase (32 bytes), then three counted arrays: 16-bit words, 32-bit longs, (fc, lcb) pairs
    (csw,) = struct.unpack_from("<H", word, 32)
    lw_at = 34 + 2 * csw
    (cslw,) = struct.unpack_from("<H", word, lw_at)
    if cslw < 5:
        raise _Damaged("file information block too short")
    ccps = struct.unpack_from("<5i", word, lw_at + 2)
    pairs_at = lw_at + 2 + 4 * cslw
    (cb_pairs,) = struct.unpack_from("<H", word, pairs_at)
    if pairs_at + 2 + 8 * cb_pairs > len(word) or cb_pairs <= _CLX:
        raise _Damaged("file information block out of range")
    fc_lcb = struct.unpack_from(f"<{2 * cb_pairs}I", word, pairs_at + 2)
    ccp_text, ccp_ftn = ccps[3], ccps[4]  # FibRgLw97: cbMac, 2 reserved, ccpText, ccpFtn
    if ccp_text < 0 or ccp_ftn < 0:
        raise _Damaged("negative text length in the file information block")
    return _Fib(flags, ccp_text, ccp_ftn, fc_lcb)


def _piece_table(table: bytes, fc_clx: int, lcb_clx: int, word_len: int) -> list[_Piece]:
    """The PlcPcd inside the Clx: after any Prc records (0x01), the Pcdt (0x02)."""
    if lcb_clx == 0 or fc_clx + lcb_clx > len(table):
        raise _Damaged("piece table out of range")
    clx = table[fc_clx: fc_clx + lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:
        if at + 3 > len(clx):
            raise _Damaged("piece table out of range")
        (cb,) = struct.unpack_from("<h", clx, at + 1)
        at += 3 + max(cb, 0)
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise _Damaged("no piece table in the Clx")
    (lcb,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5: at + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n < 1 or lcb != len(plc):
        raise _Damaged("piece table out of range")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        _flags, fc_raw, _prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
        compressed = bool(fc_raw & 0x40000000)
        fc = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
        count = cps[i + 1] - cps[i]
        if count < 0 or fc + count * (1 if compressed else 2) > word_len:
            raise _Damaged("piece table out of range")
        pieces.append(_Piece(cps[i], cps[i + 1], fc, compressed))
    return pieces


def _characters(word: bytes, pieces: list[_Piece], cp_end: int) -> str:
    out: list[str] = []
    for p in pieces:
        if p.cp_start >= cp_end:
            break
        count = min(p.cp_end, cp_end) - p.cp_start
        if p.compressed:
            out.append(word[p.fc: p.fc + count].decode("latin-1").translate(_CP1252))
        else:
            out.append(word[p.fc: p.fc + 2 * count].decode("utf-16-le", errors="replace"))
    text = "".join(out)
    if len(text) < cp_end:
        raise _Damaged("piece table shorter than the text it should hold")
    return text


def _fc_of(pieces: list[_Piece], starts: list[int], cp: int) -> int:
    i = bisect.bisect_right(starts, cp) - 1
    if i < 0:
        return -1
    p = pieces[i]
    return p.fc + (cp - p.cp_start) * (1 if p.compressed else 2)


def _footnotes(fib: _Fib, table: bytes, raw: str, pieces: list[_Piece], symbols: dict[int, str]) -> tuple[dict[str, str], dict[int, str]]:
    """Footnote texts by id, and the id of each reference by its CP in the main text. Ids are the
    footnotes' order ("1", "2", …), as Word numbers them and the .docx reader names them."""
    fc_ref, lcb_ref = fib.pair(_PLCF_FND_REF)
    fc_txt, lcb_txt = fib.pair(_PLCF_FND_TXT)
    if fib.ccp_ftn == 0 or lcb_ref < 4 or lcb_txt < 4:
        return {}, {}
    n = (lcb_ref - 4) // 6  # n+1 CPs, then n 2-byte FRDs
    if fc_ref + lcb_ref > len(table) or fc_txt + lcb_txt > len(table) or (lcb_txt // 4) < n + 1:
        raise _Damaged("footnote tables out of range")
    ref_cps = struct.unpack_from(f"<{n}I", table, fc_ref)
    txt_cps = struct.unpack_from(f"<{n + 1}I", table, fc_txt)
    notes: dict[str, str] = {}
    ref_at: dict[int, str] = {}
    for i in range(n):
        start, end = fib.ccp_text + txt_cps[i], fib.ccp_text + txt_cps[i + 1]
        if not (0 <= ref_cps[i] < fib.ccp_text and start <= end <= len(raw)):
            raise _Damaged("footnote tables out of range")
        fid = str(i + 1)
        paras = _paragraphs(raw[start:end], start, pieces, {}, symbols)
        body = " ".join(p.text.strip() for p in paras if p.text.strip())
        if body:
            notes[fid] = body
            ref_at[ref_cps[i]] = fid
    return notes, ref_at


def _paragraphs(raw: str, first_cp: int, pieces: list[_Piece], ref_at: dict[int, str],
                symbols: dict[int, str]) -> list[_Para]:
    """Split a story (its first character at `first_cp`) into paragraphs at its marks, keeping only what
    Word shows: a field's result, not its code (fields nest, and a TOC's result holds whole
    paragraphs), no object anchors, a symbol's character instead of its placeholder."""
    starts = [p.cp_start for p in pieces]
    paras: list[_Para] = []
    buf: list[str] = []
    refs: list[tuple[int, str]] = []
    length = 0
    fields: list[bool] = []  # per open field: True once past its separator (showing its result)
    for cp, ch in enumerate(raw, first_cp):
        if ch == _FIELD_BEGIN:
            fields.append(False)
        elif ch == _FIELD_SEP and fields:
            fields[-1] = True
        elif ch == _FIELD_END and fields:
            fields.pop()
        elif ch in (_FIELD_SEP, _FIELD_END) or not all(fields):
            continue
        elif ch in (_PARA_END, _CELL_END):
            paras.append(_Para("".join(buf), ch, _fc_of(pieces, starts, cp), refs))
            buf, refs, length = [], [], 0
        else:
            if cp in ref_at:
                refs.append((length, ref_at[cp]))
            piece = _shown(ch, ref_at.get(cp), symbols.get(cp))
            buf.append(piece)
            length += len(piece)
    if buf:
        paras.append(_Para("".join(buf), _PARA_END, 0, refs))
    return paras


def _shown(ch: str, footnote: str | None, symbol: str | None) -> str:
    if footnote is not None and ch == _FOOTNOTE_MARK:
        return footnote.translate(_SUPERSCRIPT)  # as the .docx reader marks a numbered reference
    if symbol is not None:
        return symbol
    return _CHARS.get(ch, "" if ch < " " else ch)


class _Place(NamedTuple):
    """Where a paragraph sits in tables: nesting depth (0 outside), and whether its mark ends a cell or
    a row at that depth."""

    depth: int = 0
    cell_end: bool = False
    row_end: bool = False


class _Runs(NamedTuple):
    """Property runs from FKP pages: byte ranges of the WordDocument stream, each with its modifiers."""

    starts: list[int]
    ends: list[int]
    grpprls: list[bytes]

    def at(self, fc: int) -> bytes | None:
        i = bisect.bisect_right(self.starts, fc) - 1
        return self.grpprls[i] if i >= 0 and fc < self.ends[i] else None


def _fkp_runs(word: bytes, table: bytes, plcf: tuple[int, int], paragraphs: bool) -> _Runs:
    """A PlcBte's 512-byte FKP pages: crun+1 byte offsets, then an entry per run (13 bytes for
    paragraphs, 1 for characters) whose first byte locates the run's modifiers on the page, in 2-byte
    words."""
    fc, lcb = plcf
    if lcb < 8 or fc + lcb > len(table):
        raise _Damaged("formatting tables out of range")
    n = (lcb - 4) // 8
    found: list[tuple[int, int, bytes]] = []
    for pn in struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1)):
        at = (pn & 0x3FFFFF) * 512
        if at + 512 > len(word):
            raise _Damaged("formatting tables out of range")
        page = word[at: at + 512]
        crun = page[511]
        if 4 * (crun + 1) + (13 if paragraphs else 1) * crun > 511:
            raise _Damaged("formatting tables out of range")
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = 2 * page[4 * (crun + 1) + (13 if paragraphs else 1) * i]
            grpprl = (_papx_grpprl if paragraphs else _chpx_grpprl)(page, offset) if offset else b""
            found.append((fcs[i], fcs[i + 1], grpprl))
    found.sort(key=lambda r: r[0])
    return _Runs([r[0] for r in found], [r[1] for r in found], [r[2] for r in found])


def _papx_grpprl(page: bytes, at: int) -> bytes:
    """A PapxInFkp: a count of 16-bit words (a zero count is followed by the real one), the style
    index, then the property modifiers."""
    cb = page[at]
    start, size = (at + 2, 2 * page[at + 1]) if cb == 0 else (at + 1, 2 * cb - 1)
    return page[start + 2: start + size]  # past the 2-byte style index


def _chpx_grpprl(page: bytes, at: int) -> bytes:
    return page[at + 1: at + 1 + page[at]]


def _place(grpprl: bytes | None, mark: str, data_stream: bytes) -> _Place:
    """Depth 1 ends its cells and rows with the cell mark (a row end has sprmPFTtp); deeper tables end
    them with paragraph marks flagged as inner cell or inner row ends."""
    flags: dict[int, bytes] = {}
    for sprm, operand in _sprms(grpprl or b""):
        if sprm == _SPRM_HUGE_PAPX and len(operand) == 4:
            flags.update(_huge_papx(operand, data_stream))
        flags[sprm] = operand
    depth = int.from_bytes(flags[_SPRM_ITAP][:4], "little", signed=True) if _SPRM_ITAP in flags else 0
    if not depth and (_on(flags.get(_SPRM_IN_TABLE)) or mark == _CELL_END):
        depth = 1
    if depth <= 1:
        return _Place(depth, mark == _CELL_END and not _on(flags.get(_SPRM_TTP)),
                      mark == _CELL_END and _on(flags.get(_SPRM_TTP)))
    return _Place(depth, _on(flags.get(_SPRM_INNER_CELL)), _on(flags.get(_SPRM_INNER_TTP)))


def _on(operand: bytes | None) -> bool:
    return operand is not None and operand[:1] not in (b"", b"\x00")


def _huge_papx(operand: bytes, data_stream: bytes) -> dict[int, bytes]:
    # properties too large for their FKP page live in the Data stream, after a 2-byte count
    (at,) = struct.unpack("<I", operand)
    if at + 2 > len(data_stream):
        return {}
    (cb,) = struct.unpack_from("<H", data_stream, at)
    return dict(_sprms(data_stream[at + 2: at + 2 + cb]))


def _symbols(runs: _Runs) -> list[tuple[int, int, str]]:
    """Byte ranges of characters inserted as symbols (sprmCSymbol), with what each shows. Word stores
    such a character as a placeholder "(" and the glyph in the property; a symbol font's glyph
    (private-use code) names no character, and the .docx reader drops those too."""
    out = []
    for start, end, grpprl in zip(runs.starts, runs.ends, runs.grpprls, strict=True):
        for sprm, operand in _sprms(grpprl):
            if sprm == _SPRM_SYMBOL and len(operand) == 4:
                xchar = int.from_bytes(operand[2:4], "little")
                out.append((start, end, "" if 0xE000 <= xchar <= 0xF8FF or xchar < 0x20 else chr(xchar)))
    return out


def _symbol_cps(symbols: list[tuple[int, int, str]], pieces: list[_Piece]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start, end, shown in symbols:
        for p in pieces:
            width = 1 if p.compressed else 2
            lo = max(start, p.fc)
            hi = min(end, p.fc + (p.cp_end - p.cp_start) * width)
            for fc in range(lo - (lo - p.fc) % width, hi, width):
                out[p.cp_start + (fc - p.fc) // width] = shown
    return out


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """(sprm, operand) pairs; the operand's size comes from the sprm's spra bits. An unreadable
    modifier ends the list: what came before it still counts."""
    out = []
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        size = (1, 1, 2, 4, 2, 2, 0, 3)[sprm >> 13]
        if size == 0:  # variable: a count first
            if sprm == _SPRM_TDEF_TABLE and at + 2 <= len(grpprl):
                (cb,) = struct.unpack_from("<H", grpprl, at)
                size = cb + 1  # 2 count bytes, then cb - 1 bytes
            elif at < len(grpprl) and not (sprm == _SPRM_CHG_TABS and grpprl[at] == 255):
                size = 1 + grpprl[at]
            else:
                break
        out.append((sprm, grpprl[at: at + size]))
        at += size
    return out


_Line = tuple[str, list[tuple[int, str]]]  # text, footnote references (offset into text, id)


def _layout(paras: list[_Para], places: list[_Place]) -> tuple[str, list[tuple[int, str]], list[tuple[int, int]]]:
    """Lines as the .docx reader writes them: a paragraph a line (empty ones skipped), each table as
    one range of lines."""
    lines: list[_Line] = []
    tables: list[tuple[int, int]] = []
    offset = 0
    block: list[tuple[_Para, _Place]] = []

    def emit(line: _Line) -> None:
        nonlocal offset
        lines.append((line[0], [(offset + rel, fid) for rel, fid in line[1]]))
        offset += len(line[0]) + 1

    def flush() -> None:
        start = offset
        for line in _block_lines(block):
            emit(line)
        if offset > start:
            tables.append((start, offset - 1))
        block.clear()

    for p, place in zip(paras, places, strict=True):
        if place.depth:
            block.append((p, place))
            continue
        if block:
            flush()
        if p.text.strip():
            emit(_trimmed(p))
    if block:
        flush()
    return "\n".join(t for t, _ in lines), [r for _, refs in lines for r in refs], tables


def _block_lines(block: list[tuple[_Para, _Place]]) -> list[_Line]:
    """A table one row a line; a table holding tables (a layout frame) as its own paragraphs, one a
    line, and the tables inside it a row a line."""
    if all(place.depth <= 1 for _, place in block):
        return _table_lines(_grid(block))
    out: list[_Line] = []
    inner: list[tuple[_Para, _Place]] = []
    for p, place in block:
        if place.depth >= 2:
            inner.append((p, place if place.depth == 2 else _Place(2)))
            continue
        if inner:
            out += _table_lines(_grid(inner))
            inner = []
        if p.text.strip():
            out.append(_trimmed(p))
    return out + (_table_lines(_grid(inner)) if inner else [])


def _grid(block: list[tuple[_Para, _Place]]) -> list[list[list[_Para]]]:
    """Rows → cells → non-empty paragraphs. A cell's last paragraph ends with the cell's mark; a row
    end is a paragraph of its own."""
    rows: list[list[list[_Para]]] = []
    cells: list[list[_Para]] = []
    cell: list[_Para] = []
    for p, place in block:
        if place.row_end:
            rows.append(cells)
            cells, cell = [], []
            continue
        if p.text.strip():
            cell.append(p)
        if place.cell_end:
            cells.append(cell)
            cell = []
    if cells or cell:  # a table whose last row end was not found
        rows.append([*cells, cell] if cell else cells)
    return rows


def _table_lines(grid: list[list[list[_Para]]]) -> list[tuple[str, list[tuple[int, str]]]]:
    if all(len(row) <= 1 for row in grid):  # a frame around ordinary paragraphs
        return [_trimmed(p) for row in grid for c in row for p in c]
    lines = []
    for row in grid:
        joined = [_joined([_trimmed(p) for p in c], " ") for c in row if c]
        if joined:
            lines.append(_joined(joined, CELL_SEP))
    return lines


def _trimmed(p: _Para) -> tuple[str, list[tuple[int, str]]]:
    # A page or section break starts the paragraph that follows it; as a line break it would leave an
    # empty line where the .docx reader has none.
    text = p.text.strip("\n")
    cut = len(p.text) - len(p.text.lstrip("\n"))
    return text, [(rel - cut, fid) for rel, fid in p.refs]


def _joined(pieces: list[tuple[str, list[tuple[int, str]]]], sep: str) -> tuple[str, list[tuple[int, str]]]:
    text = ""
    refs: list[tuple[int, str]] = []
    for piece, piece_refs in pieces:
        if text:
            text += sep
        refs += [(len(text) + rel, fid) for rel, fid in piece_refs]
        text += piece
    return text, refs
