"""PDF text, laid out: PDFium (pypdfium2) reads each page's lines with their positions; running
headers, footers and page numbers are dropped, lines are merged into paragraphs, end-of-line
hyphenation is undone, and lines set in fonts whose text cannot be decoded are reported per page and
left out.

Chosen by measurement on U.1 (03/93): pdfplumber (pdfminer.six) turns the Symbol font's "±" into "–"
and interleaves table cells row by row; pypdf splits words ("TABLE  1a/U.1"); PDFium keeps "±", reads
each table cell whole and marks line-end hyphens (U+FFFE), in ~15 ms a page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.core.errors import DocumentError
from retrieval.parsing.grammar import VERB_RE
from retrieval.parsing.source import SourceText

# A new paragraph starts at a clause number, a list label, a note, a table or figure caption, or a
# bibliography entry, whatever the previous line's length.
_STARTS_BLOCK = re.compile(
    r"^(?:\d+(?:\.\d+)*\s|\(?[a-z]\)\s|\(?[ivx]+\)\s|NOTE|TABLE|Table|FIGURE|Figure|\[\d+\]|ANNEX|Annex"
    r"|APPENDIX|Appendix|References|[•\-–—]\s)"
)
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*[-–])?\s*$", re.IGNORECASE)
# ITU's running headers ("Res. 41", "Rec. ITU-T A.1", "Dec. 5"), dropped from a margin even when a
# two-page document prints them only once.
_SHORT_HEADER = re.compile(r"^(?:Res|Rec|Dec)\.\s+(?:ITU-[RTD]\s+)?[\w.\-/]+(?:\s+\(\S+\))?$")
_HYPHEN_MARK = "\ufffe"  # PDFium's mark for a hyphen at a line end


@dataclass
class _Line:
    text: str
    top: float  # distance from the top of the page
    bottom: float
    left: float
    right: float


def read(name: str, data: bytes) -> SourceText:
    if not data.startswith(b"%PDF"):
        raise DocumentError(name, "not a PDF (no %PDF header); the file is corrupt or misnamed")
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise DocumentError(name, "encrypted PDF; remove the password first") from e
        raise DocumentError(name, f"corrupt PDF ({msg})") from e
    try:
        pages = [_page_lines(doc[i]) for i in range(len(doc))]
    except (pypdfium2.PdfiumError, ValueError) as e:
        raise DocumentError(name, f"corrupt PDF ({type(e).__name__}: {e})") from e
    finally:
        doc.close()
    text, warnings = layout(pages)
    return SourceText(text=text, format="pdf", warnings=warnings)


def _page_lines(page: object) -> tuple[float, list[_Line]]:
    _w, height = page.get_size()  # type: ignore[attr-defined]
    tp = page.get_textpage()  # type: ignore[attr-defined]
    raw = tp.get_text_range()
    lines: list[_Line] = []
    pos = 0
    for piece in raw.split("\r\n"):
        idx = [i for i in range(pos, pos + len(piece)) if not piece[i - pos].isspace()]
        if idx:
            boxes = [tp.get_charbox(i) for i in idx]
            top = height - max(b[3] for b in boxes)
            bottom = height - min(b[1] for b in boxes)
            lines.append(_Line(piece, top, bottom, min(b[0] for b in boxes), max(b[2] for b in boxes)))
        pos += len(piece) + 2
    return height, lines


def undecodable(text: str) -> bool:
    """Text in a font with no usable encoding comes out as control characters or runs of ASCII
    punctuation and digits standing in for letters ("4%,%'2!0(37)4#()."): few letters, no words."""
    t = re.sub(r"(?:\.\s?){4,}", " ", text).strip()  # a table of contents' dot leaders are not text
    if not t:
        return False
    if any(ord(c) < 32 and c not in "\t" for c in t) or "(cid:" in t:
        return True
    letters = sum(c.isalpha() for c in t)
    visible = sum(not c.isspace() for c in t)
    return visible >= 4 and letters / visible < 0.5 and len(re.findall(r"[!\"#$%&'*<>?@^{}|~]", t)) >= 2


def _running_key(line: str) -> str:
    """A running header or footer without its page number ("2 Recommendation U.1 (03/93)", "… i")."""
    return re.sub(r"\s(?:\d{1,4}|[ivxlc]{1,6})\s*$|^\s*(?:\d{1,4}|[ivxlc]{1,6})\s", "", line.strip()).strip()


def _running(pages: list[tuple[float, list[_Line]]]) -> set[str]:
    """Lines in the top or bottom margin that recur on several pages once digits are ignored."""
    seen: dict[str, int] = {}
    for height, lines in pages:
        for ln in lines:
            if ln.top < 0.08 * height or ln.bottom > 0.92 * height:
                key = _running_key(ln.text)
                seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= 2 and k}


def layout(pages: list[tuple[float, list[_Line]]]) -> tuple[str, list[str]]:
    """Pages of positioned lines → text with one paragraph per line, and warnings per page."""
    running = _running(pages)
    paragraphs: list[str] = []
    warnings: list[str] = []
    para = ""
    prev: _Line | None = None
    prev_right = 0.0
    prev_centred = False
    for n, (height, lines) in enumerate(pages, start=1):
        body: list[_Line] = []
        bad = 0
        for ln in lines:
            in_margin = ln.top < 0.08 * height or ln.bottom > 0.92 * height
            key = _running_key(ln.text)
            if in_margin and (key in running or _PAGE_NUMBER.match(ln.text) or _SHORT_HEADER.match(ln.text.strip())):
                continue
            if undecodable(ln.text):
                bad += 1
                continue
            body.append(ln)
        if bad:
            warnings.append(f"page {n}: {bad} line(s) in a font whose text cannot be decoded; not indexed")
        if not body:
            continue
        rights = sorted(ln.right for ln in body)
        right = rights[int(0.8 * (len(rights) - 1))]  # the column's right edge, robust to a stray wide line
        left = sorted(ln.left for ln in body)[int(0.2 * (len(body) - 1))]
        for k, ln in enumerate(body):
            t = ln.text.strip()
            centred = _centred(ln, left, right)
            # A paragraph runs on across a page break when the page starts mid-sentence: in lower
            # case, after a line that ended full and without a stop.
            page_break = k == 0 and prev is not None and not (
                t[:1].islower() and not prev.text.rstrip().endswith((".", ";", ":")))
            # Each line of a centred heading or title is its own paragraph, however wide.
            if prev is None or page_break or _STARTS_BLOCK.match(t) or centred or prev_centred \
                    or (not centred and _ended_short(prev, t, prev_right)) or _part_heading(prev, ln, body[k + 1] if k + 1 < len(body) else None, right) \
                    or (k > 0 and ln.top - prev.bottom > 1.2 * (prev.bottom - prev.top)):
                if para:
                    paragraphs.append(para)
                para = t
            else:
                para = _join(para, t)
            prev, prev_right, prev_centred = ln, right, centred
    if para:
        paragraphs.append(para)
    text = _dehyphenate("\n".join(paragraphs))
    return re.sub(r"[ \t]+\n", "\n", text), warnings


def _centred(ln: _Line, left: float, right: float) -> bool:
    before, after = ln.left - left, right - ln.right
    return before > 20 and after > 20 and abs(before - after) < 12


def _part_heading(prev: _Line, ln: _Line, nxt: _Line | None, right: float) -> bool:
    """A resolution's part heading ("resolves", "instructs the Director of …") after a clause's end:
    a short line, or one whose next line starts a clause; not a sentence wrapped at "taking into
    account …"."""
    if not (prev.text.rstrip().endswith((",", ";", ":", ".")) and VERB_RE.match(ln.text.strip())):
        return False
    return ln.right < right - 40 or nxt is None or bool(_STARTS_BLOCK.match(nxt.text.strip()))


def _ended_short(prev: _Line, nxt: str, right: float) -> bool:
    """The line before ended a paragraph if the next line's first word would have fitted after it:
    a typesetter wraps a line only when the next word does not fit, however ragged the margin."""
    text = prev.text.strip()
    char = (prev.right - prev.left) / max(1, len(text))
    word = len(nxt.split(" ", 1)[0]) if nxt else 0
    return right - prev.right > min(40.0, char * (word + 1.5))


def _join(para: str, nxt: str) -> str:
    if para.endswith(_HYPHEN_MARK) or para.endswith("-"):
        return para[:-1] + _HYPHEN_MARK + nxt
    return f"{para} {nxt}"


_SPLIT_RE = re.compile(r"(\S*)" + _HYPHEN_MARK + r"(\w*)")


def _dehyphenate(text: str) -> str:
    """A hyphen at a line end is the typesetter's ("Telecom-/munication") unless the document writes
    the word with a hyphen elsewhere ("call-confirmation") or it joins compounds ("proceed-to-/select")."""
    words = set(re.findall(r"[\w\-\u2011]+", text.replace(_HYPHEN_MARK, " ")))

    def fix(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if f"{a}-{b}" in words or (f"{a}{b}" not in words and not (a.isalpha() and b[:1].islower())):
            return f"{a}-{b}"
        return a + b

    return _SPLIT_RE.sub(fix, text)
