"""Numbered clauses as ITU Recommendations, Supplements, contributions and TDs write them: `1`, `1.3`,
`3.1.8`, `A.1`, `I.2`; annexes, appendices and bibliographies as parts; a table as one clause with its
caption. Shared by the Recommendation and meeting-document kinds. Pure."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.core.models import Instrument
from retrieval.parsing.grammar import Context, Draft, Line

# "1<tab>Scope", "3.1.8<tab>contribution: …", "A.1<tab>…"; PDFs give a space instead of the tab, and
# some Word paragraphs both ("2.3.3.8 <tab>Rapporteurs …", "1.8.2.10<tab>  work item: …").
NUMBER_RE = re.compile(r"^\s*(?P<num>(?:\d+|[A-Z]|[IVX]+)(?:\.\d+)+|\d+)\.?(?P<sep>[\t \u00a0]+)(?P<rest>\S.*)$")
# Annex A, Appendix I, Bibliography, in the five languages of E.119 too; "Annex  1 - References".
PART_RE = re.compile(
    r"^\s*(?P<kind>Annex|Appendix|Attachment|Bibliography|Annexe|Appendice|Bibliographie|Anexo|Apéndice"
    r"|Bibliografía|Приложение|Дополнение|Библиография|الملحق|التذييل|ببليوغرافيا|بيبليوغرافيا)"
    r"(?:\s+(?P<n>[A-Z0-9]{1,4}|[IVX]{1,5}))?\s*(?:$|[\u2013\u2014:-]\s*(?P<title>.*)$)",
    re.IGNORECASE,
)
# A contents line: "1.3<tab>Preparation of studies<tab><tab>1" or "5.1 Proceed-to-select ....... 4".
TOC_RE = re.compile(r"(?:\t\s*\d{1,3}|\.{4,}\s*\d{1,3}|\t\s*[ivx]{1,5})\s*$")
CAPTION_RE = re.compile(
    r"^\s*(?P<what>Table|TABLE|Figure|FIGURE|Tableau|Figura|Cuadro|Таблица|Рисунок|الجدول|الشكل)"
    r"\s+(?P<n>[A-Z]?[\d.\-\u2011]*\d[a-z]?(?:/[A-Z]\.\d+)?)"
)
NOTE_RE = re.compile(r"^\s*(?:NOTE|Note|NOTA|ПРИМЕЧАНИЕ|ملاحظة)\b")
# Parts are named in English whatever the language, so the clause ids of the five language versions line up.
CANONICAL_PART = {
    "annexe": "Annex", "anexo": "Annex", "приложение": "Annex", "الملحق": "Annex",
    "appendice": "Appendix", "apéndice": "Appendix", "дополнение": "Appendix", "التذييل": "Appendix",
    "bibliographie": "Bibliography", "bibliografía": "Bibliography", "библиография": "Bibliography",
    "ببليوغرافيا": "Bibliography", "بيبليوغرافيا": "Bibliography",
}
LARGE_TABLE = 3000  # characters; past this a table's rows are clauses of their own, under the table


def is_toc(text: str) -> bool:
    return bool(TOC_RE.search(text)) and not text.rstrip().endswith((".", ";", ":"))


def _key(num: str) -> list[str]:
    return num.split(".")


def _follows(prev: list[str] | None, new: list[str]) -> bool:
    """Is `new` a plausible next clause number after `prev`? Rejects list items and notes numbered
    1, 2 … inside a clause, and dates or figures at a line start."""
    if prev is None:
        return new[-1] in ("1", "0") or len(new) == 1
    if len(new) == len(prev) + 1 and new[:-1] == prev and new[-1] in ("1", "0"):
        return True
    for i in range(min(len(prev), len(new))):
        if new[:i] != prev[:i]:
            return False
        if len(new) >= i + 1 and new[:i] == prev[:i] and _succ(prev[i], new[i]):
            return all(x in ("1", "0") for x in new[i + 1:])
    return False


def _succ(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return 1 <= int(b) - int(a) <= 2
    return False


def is_heading(rest: str) -> bool:
    return len(rest) <= 160 and not re.search(r"[.;:,]\s*$", rest) and not rest[:1].islower()


class Walker:
    """Walks lines into drafts: numbered clauses, continuation text, parts, tables."""

    def __init__(self, ctx: Context, inst: Instrument, prefix: str = "",
                 clause_part: Callable[[str], str] = lambda num: "clause", rtl: bool = False) -> None:
        self.ctx = ctx
        # Arabic files keep clause numbers in display order, "1.3" for clause 3.1
        self.rtl = rtl
        self.clause_part = clause_part
        self.inst = inst
        self.prefix = prefix
        self.drafts: list[Draft] = []
        self.part = "text"
        self.last: list[str] | None = None
        self.current: Draft | None = None
        self.counters: dict[str, int] = {}
        self.resume: Draft | None = None
        self.tables = sorted(ctx.src.tables)

    def table_at(self, ln: Line) -> tuple[int, int] | None:
        return next(((s, e) for s, e in self.tables if s <= ln.start <= e), None)

    def start_part(self, name: str, heading: Line | None = None) -> None:
        self.part = name
        self.last = None
        self.current = None
        self.resume = None
        if heading is not None:
            self._new(name, "", heading.start + _lead(heading), heading.end, heading)

    def _new(self, part: str, label: str, start: int, end: int, ln: Line) -> Draft:
        d = Draft(part=part, label=label, start=start, end=end, line_ranges=[(ln.start, ln.end)],
                  instrument=self.inst, prefix=self.prefix)
        self.drafts.append(d)
        return d

    def numbered(self, ln: Line, allow_top_paragraph: bool = False) -> bool:
        m = NUMBER_RE.match(ln.text)
        if not m or is_toc(ln.text):
            return False
        num, rest = m.group("num"), m.group("rest")
        if self.rtl:
            num = ".".join(reversed(num.split(".")))
        key = _key(num)
        if len(key) == 1 and not (is_heading(rest) or allow_top_paragraph):
            return False
        if not _follows(self.last, key):
            return False
        if key[0].isalpha() and not self.part.lower().startswith(("annex", "appendix")):
            return False
        self.last = key
        self.resume = None
        self.current = self._new(self.clause_part(num), num, ln.start + m.start("rest"), ln.end, ln)
        return True

    def paragraph(self, ln: Line, skip: int | None = None) -> None:
        """Text under the current clause, or else a paragraph of the current part; `skip` leaves out a
        row's first cell (the "Summary" of "Summary | text")."""
        if self.current is not None:
            self.current.end = ln.end
            self.current.line_ranges.append((ln.start, ln.end))
            return
        if self.resume is not None:
            # text after a table or figure inside a clause goes on with that clause ("clause 1.5.1~2")
            self.current = self._new(self.resume.part, self.resume.label, ln.start + _lead(ln), ln.end, ln)
            self.resume = None
            return
        n = self.counters[self.part] = self.counters.get(self.part, 0) + 1
        self._new(self.part, f"p{n}", ln.start + (skip if skip is not None else _lead(ln)), ln.end, ln)

    def field(self, label: str, ln: Line, skip: int) -> None:
        """One row of a cover table as a clause of the current part, named by the row's label
        ("Source"), its text the value after it."""
        self._new(self.part, label, ln.start + skip, ln.end, ln)

    def block(self, rows: list[Line]) -> None:
        """Lines that make one clause of the current part (a table under a front-matter heading)."""
        d = self._new(self.part, "", rows[0].start + _lead(rows[0]), rows[-1].end, rows[0])
        d.line_ranges = [(r.start, r.end) for r in rows]

    def table(self, lines: list[Line], caption: Line | None, caption_after: bool) -> None:
        """A table is one clause named by its caption, or, when large, one clause per row under it."""
        name = None
        if caption is not None:
            m = CAPTION_RE.match(caption.text)
            assert m
            name = f"{m.group('what').capitalize()} {m.group('n')}"
        if name is None:
            n = self.counters["table"] = self.counters.get("table", 0) + 1
            name = f"untitled table {n}"  # never "table 1", which a caption may name
        first = caption if caption is not None and not caption_after else lines[0]
        last = caption if caption is not None and caption_after else lines[-1]
        size = last.end - first.start
        if size <= LARGE_TABLE:
            d = self._new(name, "", first.start + _lead(first), last.end, first)
            d.line_ranges = [(x.start, x.end) for x in ([caption] if caption and not caption_after else [])
                             + lines + ([caption] if caption and caption_after else [])]
        else:
            if caption is not None:
                self._new(name, "", caption.start + _lead(caption), caption.end, caption)
            for i, row in enumerate(lines, start=1):
                self._new(name, f"row {i}", row.start + _lead(row), row.end, row)
        self.resume = self.current if self.current is not None else self.resume
        self.current = None


def _lead(ln: Line) -> int:
    return len(ln.text) - len(ln.text.lstrip())


def walk(ctx: Context, start: int, end: int, w: Walker, stop: re.Pattern[str] | None = None,
         allow_top_paragraph: bool = False) -> int:
    """Feed lines [start, end) to the walker; return where it stopped (a `stop` line, e.g. back cover)."""
    j = start
    lines = ctx.lines
    while j < end:
        ln = lines[j]
        t = ln.text.strip()
        if stop is not None and stop.match(t):
            return j
        span = w.table_at(ln)
        if span is not None:
            rows = []
            while j < end and span[0] <= lines[j].start <= span[1]:
                rows.append(lines[j])
                j += 1
            caption = None
            after = False
            prev = w.drafts[-1] if w.drafts else None
            if prev is not None and prev.label.startswith("p") and prev is not w.current \
                    and CAPTION_RE.match(ctx.src.text[prev.start:prev.end]) and prev.end == rows[0].start - 1:
                w.drafts.pop()  # the caption just read as a paragraph belongs to the table
                # (its number is freed in the part it was counted in, which a heading since may have changed)
                if w.counters.get(prev.part):
                    w.counters[prev.part] -= 1
                caption = next(x for x in lines if x.start <= prev.start <= x.end)
            elif w.current is not None and len(w.current.line_ranges) > 1 and w.current.end == rows[0].start - 1 \
                    and CAPTION_RE.match(ctx.src.text[_line_start(ctx, w.current.end):w.current.end]):
                caption = next(x for x in lines if x.start <= w.current.end <= x.end)
                w.current.end = caption.start - 1
                w.current.line_ranges = [r for r in w.current.line_ranges if r[0] < caption.start]
            elif j < end and CAPTION_RE.match(lines[j].text) and w.table_at(lines[j]) is None:
                caption, after = lines[j], True
                j += 1
            w.table(rows, caption, after)
            continue
        j += 1
        if not t or is_toc(ln.text):
            continue
        pm = PART_RE.match(t.replace("\u0640", ""))
        if pm and len(t) <= 160:
            kind = CANONICAL_PART.get(pm.group("kind").lower(), pm.group("kind").capitalize())
            name = kind + (f" {pm.group('n')}" if pm.group("n") else "")
            w.start_part(name, ln)
            continue
        if w.numbered(ln, allow_top_paragraph):
            continue
        w.paragraph(ln)
    return j


def _line_start(ctx: Context, end: int) -> int:
    return ctx.src.text.rfind("\n", 0, end) + 1
