"""ITU meeting documents (contributions "SG17-C823" and TDs "SG17-TD2484"): the cover table becomes
metadata (symbol, study group, Questions, meeting, source, title, purpose, keywords, contacts); then
the abstract, editor's notes and the numbered sections as clauses (`SG17-C823 §2.2.1`). The cover's
Question(s), Source, Title, Purpose and Keywords rows are clauses too (`SG17-C823, cover page, Source`),
so "who submitted C823?" is answered from the document's own words. Contact details (names, phone
numbers, e-mail addresses) are metadata only, never clauses."""

from __future__ import annotations

import re

from retrieval.core.ids import slug
from retrieval.core.models import DocumentMeta, Instrument, Kind, Sector
from retrieval.core.text import norm_hyphens
from retrieval.parsing.grammar import Context, Draft
from retrieval.parsing.kinds.numbered import Walker, walk
from retrieval.parsing.language import language_of

SYMBOL_RE = re.compile(r"\b(?P<group>SG\d{1,2}|TSAG|TDAG|RAG)-(?P<type>C|TD|R|LS|DOC)\s?0*(?P<n>\d+)(?P<rev>R\d+)?\b")
# T17-SG17-C-0823!!MSW-E.docx, T17-SG17-190827-TD-PLEN-2484!!MSW-E.docx
FILE_RE = re.compile(r"T\d{2}-(?P<group>SG\d{1,2}|TSAG)-(?:\d{6}-)?(?P<type>C|TD)-(?:[A-Z]+-)?0*(?P<n>\d+)",
                     re.IGNORECASE)
FIELD_RE = re.compile(r"^\s*(?P<name>Question\(s\)|Questions?|Source|Title|Purpose|Contact|Keywords|Abstract"
                      r"|Study Group|Meeting|Date)\s*:\s*(?:\|\s*)?(?P<value>.*)$", re.IGNORECASE)
EDITOR_RE = re.compile(r"^\s*\[?\s*Editor[’']?s?[’']?\s+notes?\s*:?", re.IGNORECASE)
PLACE_DATE_RE = re.compile(r"\b[A-Z][a-zA-Zé .-]+,\s*\d{1,2}(?:\s*[A-Z][a-z]+)?\s*[-–]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}")


# The header of ITU's template names the Sector ("TELECOMMUNICATION STANDARDIZATION SECTOR"); the file name
# starts with its letter ("T17-…"); an advisory group is its Sector's.
_SECTOR_HEADERS: list[tuple[re.Pattern[str], Sector]] = [
    (re.compile(r"\bSTANDARDIZATION\s+SECTOR\b", re.IGNORECASE), "ITU-T"),
    (re.compile(r"\bDEVELOPMENT\s+SECTOR\b", re.IGNORECASE), "ITU-D"),
    (re.compile(r"\bRADIOCOMMUNICATION\s+(?:SECTOR|STUDY\s+GROUPS|ASSEMBLY)\b", re.IGNORECASE), "ITU-R"),
]
_SECTOR_OF_GROUP: dict[str, Sector] = {"TSAG": "ITU-T", "TDAG": "ITU-D", "RAG": "ITU-R"}
_SECTOR_OF_FILE: dict[str, Sector] = {"T": "ITU-T", "D": "ITU-D", "R": "ITU-R"}


def _sector(ctx: Context, symbol: str) -> Sector | None:
    head = " ".join(ln.text for ln in ctx.lines[:12])
    for rx, sector in _SECTOR_HEADERS:
        if rx.search(head):
            return sector
    if (group := symbol.split("-")[0]) in _SECTOR_OF_GROUP:
        return _SECTOR_OF_GROUP[group]
    m = re.match(r"([TDR])\d{2}-", ctx.source.rsplit("/", 1)[-1])
    return _SECTOR_OF_FILE[m.group(1)] if m else None


def _symbol(ctx: Context) -> tuple[str, str] | None:
    for ln in ctx.lines[:12]:
        m = SYMBOL_RE.search(norm_hyphens(ln.text))
        if m:
            return f"{m.group('group')}-{m.group('type')}{m.group('n')}{m.group('rev') or ''}", m.group("type")
    m = FILE_RE.search(ctx.source.rsplit("/", 1)[-1])
    if m:
        return f"{m.group('group').upper()}-{m.group('type').upper()}{m.group('n')}", m.group("type").upper()
    return None


def detect(ctx: Context) -> bool:
    head = [ln.text for ln in ctx.lines[:30]]
    fields = {m.group("name").lower() for t in head if (m := FIELD_RE.match(t))}
    return _symbol(ctx) is not None and len(fields & {"question(s)", "questions", "source", "title"}) >= 2


def parse(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
    sym = _symbol(ctx)
    assert sym
    symbol, typ = sym
    kind: Kind = "contribution" if typ == "C" else "td" if typ == "TD" else "report"
    lines = ctx.lines
    tables = sorted(ctx.src.tables)
    # The cover is the tables at the top (ITU's template has two: header and fields, then keywords and
    # abstract), with the lines between them ("CONTRIBUTION", "TD").
    top = lines[min(len(lines) - 1, 30)].start
    cover_end = max((e for s, e in tables if s <= top), default=-1)
    details: dict[str, str] = {"study_group": re.sub(r"-.*", "", symbol)}
    contacts: list[str] = []
    field = None
    abstract: list[int] = []
    cover: list[tuple[str, int, int]] = []  # (row label, line, where its value starts)
    j = 0
    # The cover table: one field per row; a contact's lines run on until the next field.
    while j < len(lines) and (lines[j].start <= cover_end or (field == "abstract" and not lines[j].text.strip())):
        t = lines[j].text
        m = FIELD_RE.match(t)
        if m:
            field = m.group("name").lower().replace("question(s)", "questions").replace("question", "questions") \
                .replace("questionss", "questions")
            value = m.group("value").strip()
            if field in _COVER_ROWS and value:
                cover.append((_COVER_ROWS[field], j, m.start("value")))
            if field == "questions":
                cells = [c.strip() for c in value.split(" | ")]
                details["questions"] = cells[0]
                if len(cells) > 1:
                    details["meeting"] = cells[-1]
            elif field == "contact":
                contacts.append(value)
            elif field == "abstract":
                abstract.append(j)
            else:
                details[field] = value
        elif field == "contact":
            contacts.append(t.strip())
        elif field == "abstract":
            abstract.append(j)
        elif not details.get("meeting") and PLACE_DATE_RE.search(t):
            details["meeting"] = PLACE_DATE_RE.search(t).group(0)  # type: ignore[union-attr]
        j += 1
    if contacts:
        details["contacts"] = "; ".join(" ".join(c.replace(" | ", " ").split()) for c in contacts if c.strip())
    title = details.get("title", symbol)
    inst = Instrument(body="other", kind=kind, number=symbol, symbol=symbol, title=title, sector=_sector(ctx, symbol))
    w = Walker(ctx, inst, clause_part=lambda num: f"section {num.split('.')[0]}")
    if cover:
        w.start_part("cover page")
        for label, k, skip in cover:
            w.field(label, lines[k], skip)
    if abstract:
        w.start_part("abstract")
        first = lines[abstract[0]]
        m = FIELD_RE.match(first.text)
        skip = m.start("value") if m else 0
        w.paragraph(first, skip=skip)
        for k in abstract[1:]:
            w.paragraph(lines[k])
    # Editor's notes, then the text (its contents list skipped, its sections numbered).
    w.start_part("text")
    while j < len(lines):
        ln = lines[j]
        if EDITOR_RE.match(ln.text):
            w.start_part("editor's notes")
            rest = ln.text[EDITOR_RE.match(ln.text).end():]  # type: ignore[union-attr]
            if rest.strip():
                w.paragraph(ln, skip=len(ln.text) - len(rest) + len(rest) - len(rest.lstrip()))
            j += 1
            bracketed = ln.text.lstrip().startswith("[")  # "[Editor's Note: …]" is one paragraph
            while not bracketed and j < len(lines) and not _starts_text(lines[j].text) \
                    and "\n" not in ctx.src.text[lines[j - 1].end + 1:lines[j].start]:
                w.paragraph(lines[j])
                j += 1
            w.start_part("text")
            continue
        break
    walk(ctx, j, len(lines), w, allow_top_paragraph=False)
    doc_id = slug(symbol)
    language = language_of(source, ctx.src.text)
    if language != "en":
        doc_id += f"~{language}"
    meta = DocumentMeta(doc_id=doc_id, body="other", kind=kind, number=symbol, title=title, source=source,
                        language=language, symbol=symbol, details=details)
    return meta, w.drafts


# Cover rows kept as clauses, by FIELD_RE's field name ("Question(s)" labelled "Questions", which makes
# a clean id); "contact" never is.
_COVER_ROWS = {"questions": "Questions", "source": "Source", "title": "Title", "purpose": "Purpose",
               "keywords": "Keywords"}


def _starts_text(t: str) -> bool:
    return bool(re.match(r"^\s*(?:\d+(?:\.\d+)*\t|Annex|Appendix)", t))
