"""Extracted text → typed clauses: resolutions, contributions with proposals, meeting outputs, and a
heading-path fallback so no text is dropped. Pure functions: no I/O, no store, no model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract import SourceText
from .ids import fragment, instrument_id, slug
from .models import Body, Clause, DocumentMeta, Instrument, Kind, ParsedDocument, Revision
from .references import later_reading, references_in, revision_is_rev
from .sectors import sectors_in
from .text import norm_hyphens

# ---- grammar ------------------------------------------------------------------------------------

HEADING_RE = re.compile(
    r"^\s*RESOLUTION\s+(?P<num>ITU[-\u2011]R\s+\d+(?:-\d+)?|\d+[A-Z]?)\s*(?:\((?P<rev>[^()]*)\))?"
    r"[\s\d,\u00b9\u00b2\u00b3\u2070-\u2079*]*(?:bis)?\s*$",
    re.IGNORECASE,
)
HISTORY_RE = re.compile(r"^\s*\((?P<hist>[^()]*\d{4}[^()]*)\)")
PREAMBLE_RE = re.compile(
    r"^\s*The\s+(?P<who>World Telecommunication Standardi[sz]ation Assembly|Plenipotentiary Conference"
    r"|World Telecommunication Development Conference|Radiocommunication Assembly"
    r"|World Radiocommunication Conference|Council)\b",
)
BODY_OF: dict[str, Body] = {
    "World Telecommunication Standardization Assembly": "WTSA",
    "World Telecommunication Standardisation Assembly": "WTSA",
    "Plenipotentiary Conference": "PP",
    "World Telecommunication Development Conference": "WTDC",
    "Radiocommunication Assembly": "RA",
    "World Radiocommunication Conference": "WRC",
    "Council": "Council",
}
VERB_RE = re.compile(
    r"^(?:further\s+)?(?:noting|considering|recognizing|recognising|recalling|bearing in mind|taking into account"
    r"|having regard|aware|emphasizing|mindful|observing|convinced|resolves|decides|instructs|invites|requests"
    r"|encourages|urges|calls upon|appeals|reaffirms|noting further|considering further|recognizing further"
    r"|resolves further|acknowledging|welcoming|highlighting|concerned|taking note)\b[^;.]{0,160}$"
)
LABEL_RE = re.compile(
    r"^(?P<label>(?:[a-z]\)|[ivx]+\)|\d+(?:bis)?(?:\.\d+)+|\d+)(?:\s?(?:bis|ter|quater))?)"
    r"(?P<sep>[ \u00a0]*\t[ \t]*)"
)
# In PDFs and pasted text tabs turn into spaces; accept "a) text" and "1.2 text" there.
LOOSE_LABEL_RE = re.compile(r"^(?P<label>(?:[a-z]\)|[ivx]+\)|\d+\.\d+(?:\.\d+)*)(?:\s?bis)?)(?P<sep>[ \u00a0]+)(?=\S)")
BULLET_RE = re.compile(r"^[•\-–—·▪]\s*\t?")
SECTION_RE = re.compile(r"^\s*SECTION\s+(?P<n>\d+(?:bis)?)\s*$", re.IGNORECASE)
ANNEX_RE = re.compile(r"^\s*(?P<kind>ANNEX|APPENDIX|Annex|Appendix|ATTACHMENT|Attachment)\s*(?P<n>[A-Z0-9IVX]{0,5})\s*$")
PROPOSAL_RE = re.compile(r"^\s*(?P<action>MOD|ADD|SUP)\s*\t?\s*(?P<id>[A-Z][A-Za-z]*/\d+[A-Z0-9]*/\d+)\s*$")
REASONS_RE = re.compile(r"^\s*Reasons?\s*:", re.IGNORECASE)
INLINE_FOOTNOTE_RE = re.compile(r"\[(?P<id>\d+):[ \t]*(?P<body>[^\]]*)\]")
INLINE_REF_RE = re.compile(r"\[footnoteRef:(?P<id>\d+)\]\d*")
SYMBOL_RE = re.compile(
    r"^\s*(?P<sym>(?:TSAG|TDAG|RAG|ISCG|ISC-TF|CWG|SG\d+)[-\u2011 ]?(?:R|TD|LS|C|REP)?[-\u2011]?\d+(?:/\d+)?)\b"
)
REC_FILE_RE = re.compile(r"T-REC-(?P<num>[A-Z]\.[A-Za-z0-9.]+?)-(?P<y>\d{4})(?P<m>\d{2})", re.IGNORECASE)
RES_FILE_RE = re.compile(r"(?P<body>WTSA|PP|WTDC|RA)-RES-(?P<num>\d+)(?:-(?P<y>\d{4}))?", re.IGNORECASE)

PART_ALIASES = {
    "telecommunication standardization bureau": "TSB",
    "radiocommunication bureau": "BR",
    "telecommunication development bureau": "BDT",
}


@dataclass
class Line:
    start: int
    end: int
    text: str


@dataclass
class Draft:
    part: str
    label: str
    start: int  # offset where the clause text begins (after its label)
    end: int
    line_ranges: list[tuple[int, int]] = field(default_factory=list)
    instrument: Instrument | None = None
    proposal: str | None = None
    prefix: str = ""  # "proposal.1/" for text inside a contribution's proposal


@dataclass
class Context:
    src: SourceText
    lines: list[Line]
    excluded: list[tuple[int, int]]
    footnotes: dict[str, str]
    refs: list[tuple[int, str]]
    warnings: list[str] = field(default_factory=list)


# ---- entry point ----------------------------------------------------------------------------------

def parse(src: SourceText, source: str, sha256: str = "", url: str | None = None) -> ParsedDocument:
    ctx = _context(src)
    lines = ctx.lines
    proposals = [i for i, ln in enumerate(lines) if PROPOSAL_RE.match(ln.text)]
    headings = [i for i, ln in enumerate(lines) if HEADING_RE.match(ln.text)]
    drafts: list[Draft] = []

    if proposals:
        meta, drafts = _contribution(ctx, proposals, source)
    elif headings:
        meta, drafts = _resolution_document(ctx, headings, source)
    else:
        meta, drafts = _generic_document(ctx, source)
    meta.sha256 = sha256
    meta.url = url
    meta.format = src.format
    clauses = _finish(ctx, meta, drafts)
    if not clauses:
        ctx.warnings.append("no clauses found")
    return ParsedDocument(meta=meta, clauses=clauses, warnings=ctx.warnings)


def _context(src: SourceText) -> Context:
    text = src.text
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    footnotes = dict(src.footnotes)
    refs = list(src.footnote_refs)
    excluded: list[tuple[int, int]] = []
    for m in INLINE_FOOTNOTE_RE.finditer(text):
        footnotes.setdefault(m.group("id"), f"{m.group('body').strip()}")
        excluded.append((m.start(), m.end()))
    for m in INLINE_REF_RE.finditer(text):
        refs.append((m.start(), m.group("id")))
    lines = [ln for ln in lines if ln.text.strip() and not _is_excluded_line(ln, excluded)]
    return Context(src=src, lines=lines, excluded=excluded, footnotes=footnotes, refs=sorted(refs))


def _is_excluded_line(ln: Line, excluded: list[tuple[int, int]]) -> bool:
    stripped_start = ln.start + (len(ln.text) - len(ln.text.lstrip()))
    return any(s <= stripped_start and ln.end <= e + 1 for s, e in excluded)


# ---- resolutions ----------------------------------------------------------------------------------

def _resolution_header(ctx: Context, i: int, end: int, hint_body: Body | None) -> tuple[Instrument, int]:
    """Read heading, title, adoption history and preamble from line i; return where the parts begin."""
    lines = ctx.lines
    m = HEADING_RE.match(lines[i].text)
    assert m
    number = norm_hyphens(m.group("num")).upper().replace("ITU-R", "ITU-R")
    raw_rev = m.group("rev") or ""
    revision = later_reading(raw_rev) if raw_rev else None
    revised = revision_is_rev(raw_rev)
    title_parts: list[str] = []
    body = hint_body
    j = i + 1
    while j < end and j < i + 8:
        t = lines[j].text.strip()
        h = HISTORY_RE.match(t)
        p = PREAMBLE_RE.match(t)
        if p:
            body = BODY_OF.get(p.group("who"), body)
            if revision is None:
                pr = re.search(r"\(([^()]*\d{4})\)", t)
                revision = later_reading(pr.group(1)) if pr else None
            j += 1
            break
        if h:
            hist = [x for x in re.split(r";", h.group("hist")) if re.search(r"\d{4}", x)]
            if revision is None and hist:
                revision = later_reading(hist[-1])
            revised = revised or len(hist) > 1
        elif VERB_RE.match(t) or LABEL_RE.match(t):
            break
        else:
            title_parts.append(t)
        j += 1
    inst = Instrument(
        body=body or "other", kind="resolution", number=number, revision=revision, revised=revised,
        title=" ".join(" ".join(title_parts).split()),
    )
    return inst, j


def _canonical_part(line: str) -> str:
    part = " ".join(line.strip().rstrip(",:;").split())
    part = norm_hyphens(part)
    low = part.lower()
    for long, short in PART_ALIASES.items():
        if long in low:
            i = low.index(long)
            part = part[:i] + short + part[i + len(long):]
            part = re.sub(r"\bthe (TSB|BR|BDT)\b", r"\1", part)
            low = part.lower()
    return part[:1].lower() + part[1:]


def _label_style(label: str) -> str:
    if re.match(r"^[ivx]+\)", label) and label not in ("i)", "v)", "x)"):
        return "roman"
    if re.match(r"^[a-z]\)", label):
        return "letter"
    if "." in label:
        return "dotted"
    return "number"


def _resolution_body(ctx: Context, start: int, end: int, inst: Instrument, proposal: str | None,
                     prefix: str) -> list[Draft]:
    drafts: list[Draft] = []
    part = "preamble"
    style: str | None = None
    current: Draft | None = None
    para = 0
    in_annex = False
    section: str | None = None

    def new(label: str, ln: Line, content_start: int) -> Draft:
        d = Draft(part=part, label=label, start=content_start, end=ln.end, line_ranges=[(ln.start, ln.end)],
                  instrument=inst, proposal=proposal, prefix=prefix)
        drafts.append(d)
        return d

    j = start
    while j < end:
        ln = ctx.lines[j]
        t = ln.text.strip()
        lead = len(ln.text) - len(ln.text.lstrip())
        sec = SECTION_RE.match(t)
        annex = ANNEX_RE.match(t)
        if sec:
            section = sec.group("n")
            part, style, current, in_annex = f"section {section}", "section", None, False
            # The next line is the section title; keep it as the section's own clause.
            if j + 1 < end and not LABEL_RE.match(ctx.lines[j + 1].text):
                j += 1
                nxt = ctx.lines[j]
                new("", nxt, nxt.start + len(nxt.text) - len(nxt.text.lstrip()))
            j += 1
            continue
        if annex and (j + 1 >= end or not LABEL_RE.match(ctx.lines[j + 1].text) or annex.group("n")):
            part = f"{annex.group('kind').lower()} {annex.group('n')}".strip()
            style, current, in_annex, para = "annex", None, True, 0
            j += 1
            continue
        if not in_annex and VERB_RE.match(t) and not LABEL_RE.match(ln.text):
            part, style, current = _canonical_part(t), None, None
            j += 1
            continue
        lab = LABEL_RE.match(ln.text.lstrip()) or LOOSE_LABEL_RE.match(ln.text.lstrip())
        if lab:
            label = re.sub(r"\s+", "", lab.group("label"))
            lstyle = _label_style(label)
            content = ln.start + lead + lab.end()
            starts_clause = False
            if style in ("section", "annex"):
                starts_clause = lstyle in ("dotted", "number") and (
                    style == "annex" or section is None or label.split(".")[0] == section
                    or lstyle == "number")
            elif style is None:
                style, starts_clause = lstyle, lstyle != "roman"
            else:
                starts_clause = lstyle == style
            if starts_clause:
                current = new(label, ln, content)
                j += 1
                continue
        if current is None or (style == "annex" and not BULLET_RE.match(t) and not lab):
            if style == "annex":
                para += 1
                current = new(f"p{para}", ln, ln.start + lead)
            else:
                current = new("", ln, ln.start + lead)
        else:
            current.end = ln.end
            current.line_ranges.append((ln.start, ln.end))
        j += 1
    return drafts


def _resolution_document(ctx: Context, headings: list[int], source: str) -> tuple[DocumentMeta, list[Draft]]:
    hint = _body_hint(source)
    first = headings[0]
    drafts = _generic(ctx, 0, first, Instrument(kind="other", title=source), "") if first else []
    inst: Instrument | None = None
    for n, h in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(ctx.lines)
        this, body_start = _resolution_header(ctx, h, end, hint)
        inst = inst or this
        prefix = "" if n == 0 else f"{instrument_id(this)}/"
        drafts += _resolution_body(ctx, body_start, end, this, None, prefix)
    assert inst is not None
    for d in drafts:
        if d.instrument is not None and d.instrument.kind == "other":
            d.instrument = inst
            d.part = f"cover > {d.part}" if d.part else "cover"
    meta = DocumentMeta(doc_id=instrument_id(inst), body=inst.body, kind="resolution", number=inst.number,
                        revision=inst.revision, title=inst.title, source=source)
    return meta, drafts


def _body_hint(source: str) -> Body | None:
    m = RES_FILE_RE.search(source)
    return m.group("body").upper() if m else None  # type: ignore[return-value]


# ---- contributions --------------------------------------------------------------------------------

def _contribution(ctx: Context, proposals: list[int], source: str) -> tuple[DocumentMeta, list[Draft]]:
    lines = ctx.lines
    first = PROPOSAL_RE.match(lines[proposals[0]].text)
    assert first
    symbol = first.group("id").rsplit("/", 1)[0].upper()
    drafts: list[Draft] = []
    assembly: Instrument | None = None
    bounds = [*proposals, len(lines)]
    for n, p in enumerate(proposals):
        m = PROPOSAL_RE.match(lines[p].text)
        assert m
        pid = f"{m.group('action')} {m.group('id')}"
        pnum = m.group("id").rsplit("/", 1)[1]
        end = bounds[n + 1]
        reasons = next((k for k in range(p + 1, end) if REASONS_RE.match(lines[k].text)), end)
        heading = next((k for k in range(p + 1, reasons) if HEADING_RE.match(lines[k].text)), None)
        prefix = f"proposal.{pnum}/"
        if heading is not None:
            inst, body_start = _resolution_header(ctx, heading, reasons, None)
            assembly = assembly or inst
            if m.group("action") == "SUP" or body_start >= reasons:
                ln = lines[heading]
                drafts.append(Draft(part="proposal", label="", start=ln.start, end=ln.end, instrument=inst,
                                    proposal=pid, prefix=f"proposal.{pnum}", line_ranges=[(ln.start, ln.end)]))
            drafts += _resolution_body(ctx, body_start, reasons, inst, pid, prefix)
        else:
            drafts += _generic(ctx, p + 1, reasons, Instrument(kind="other"), prefix, proposal=pid)
        if reasons < end:
            drafts += _generic(ctx, reasons, end, Instrument(kind="other"), f"proposal.{pnum}/", proposal=None,
                               fixed_part="reasons")
    body: Body = assembly.body if assembly else "other"
    year = assembly.revision.year if assembly and assembly.revision else None
    cinst = Instrument(body=body, kind="contribution", symbol=symbol, title=f"Contribution {symbol}")
    drafts = _generic(ctx, 0, proposals[0], cinst, "") + drafts
    for d in drafts:
        if d.instrument is None or d.instrument.kind == "other":
            d.instrument = cinst
    doc_id = slug(symbol.replace("/", "-"))
    if body != "other" and year:
        doc_id += f"@{slug(body)}-{year % 100:02d}"
    meta = DocumentMeta(doc_id=doc_id, body=body, kind="contribution", number=symbol,
                        title=cinst.title, source=source)
    return meta, drafts


# ---- generic heading-path fallback -------------------------------------------------------------

def _is_heading(t: str, nxt: str | None) -> tuple[int, str] | None:
    m = re.match(r"^(\d+(?:\.\d+)*)\.?[ \t]+(\S.{0,100})$", t)
    if m and not re.search(r"[.;:,]$", m.group(2)) and m.group(2)[0].isupper():
        return m.group(1).count(".") + 1, f"{m.group(1)} {m.group(2).strip()}"
    if (len(t) <= 70 and not re.search(r"[.;:,]$", t) and re.match(r"^[A-Z][A-Za-z]", t)
            and (nxt is None or len(nxt) > len(t))):
        return 1, t
    return None


def _generic(ctx: Context, start: int, end: int, inst: Instrument, prefix: str,
             proposal: str | None = None, fixed_part: str | None = None) -> list[Draft]:
    drafts: list[Draft] = []
    path: list[tuple[int, str]] = []
    counters: dict[str, int] = {}
    pending_heading: Line | None = None
    for j in range(start, end):
        ln = ctx.lines[j]
        t = ln.text.strip()
        lead = len(ln.text) - len(ln.text.lstrip())
        nxt = ctx.lines[j + 1].text.strip() if j + 1 < end else None
        head = None if fixed_part else _is_heading(t, nxt)
        if head:
            if pending_heading is not None:
                _heading_clause(drafts, path, pending_heading, inst, prefix, proposal)
            level, name = head
            path = [p for p in path if p[0] < level] + [(level, name.rstrip(":"))]
            pending_heading = ln
            continue
        pending_heading = None
        part = fixed_part or (" > ".join(n for _, n in path) if path else "text")
        if part.lower().startswith("abstract") or t.lower().startswith("abstract:"):
            part = "abstract"
        if t.lower() in ("abstract:", "abstract"):
            path = [(1, "abstract")]
            continue
        counters[part] = counters.get(part, 0) + 1
        drafts.append(Draft(part=part, label=f"p{counters[part]}", start=ln.start + lead, end=ln.end,
                            line_ranges=[(ln.start, ln.end)], instrument=inst, proposal=proposal,
                            prefix=prefix))
    if pending_heading is not None:
        _heading_clause(drafts, path, pending_heading, inst, prefix, proposal)
    return drafts


def _heading_clause(drafts: list[Draft], path: list[tuple[int, str]], ln: Line, inst: Instrument,
                    prefix: str, proposal: str | None) -> None:
    """A heading with no text under it is kept as a clause of its own, so no text is dropped."""
    lead = len(ln.text) - len(ln.text.lstrip())
    part = " > ".join(n for _, n in path) or "text"
    drafts.append(Draft(part=part, label="", start=ln.start + lead, end=ln.end,
                        line_ranges=[(ln.start, ln.end)], instrument=inst, proposal=proposal, prefix=prefix))


def _generic_document(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
    name = source.rsplit("/", 1)[-1]
    inst = Instrument(kind="other", title=name)
    kind: Kind = "other"
    rec = REC_FILE_RE.search(name)
    if rec:
        month, year = rec.group("m"), int(rec.group("y"))
        inst = Instrument(body="ITU-T", kind="recommendation", number=rec.group("num"),
                          revision=Revision(place=f"{month}/{year}", year=year), title=name)
        kind = "recommendation"
        doc_id = f"itu-t-rec-{slug(rec.group('num'))}@{year}-{month}"
    else:
        head = "\n".join(ln.text for ln in ctx.lines[:15])
        sym = next((SYMBOL_RE.match(norm_hyphens(ln.text)) for ln in ctx.lines[:15]
                    if SYMBOL_RE.match(norm_hyphens(ln.text))), None)
        if re.search(r"LIAISON STATEMENT", head, re.IGNORECASE):
            kind = "liaison"
        elif re.search(r"\bREPORT\b|\bMeeting report\b", head, re.IGNORECASE):
            kind = "report"
        if sym:
            symbol = sym.group("sym")
            prefix_body = re.match(r"[A-Z]+", symbol)
            body: Body = "other"
            if prefix_body and prefix_body.group(0) in ("TSAG", "TDAG", "RAG", "ISCG"):
                body = prefix_body.group(0)  # type: ignore[assignment]
            inst = Instrument(body=body, kind=kind if kind != "other" else "report", symbol=symbol,
                              title=symbol)
            kind = inst.kind
            doc_id = slug(symbol.replace("/", "-"))
        else:
            doc_id = slug(re.sub(r"\.[A-Za-z0-9]+$", "", name)) or "document"
            inst = Instrument(kind=kind, title=name)
    drafts = _generic(ctx, 0, len(ctx.lines), inst, "")
    meta = DocumentMeta(doc_id=doc_id, body=inst.body, kind=kind, number=inst.number, revision=inst.revision,
                        title=inst.title, source=source)
    return meta, drafts


# ---- drafts → clauses ------------------------------------------------------------------------------

def _finish(ctx: Context, meta: DocumentMeta, drafts: list[Draft]) -> list[Clause]:
    text = ctx.src.text
    clauses: list[Clause] = []
    seen: dict[str, int] = {}
    for d in drafts:
        s, e = d.start, d.end
        for xs, xe in ctx.excluded:
            if s <= xs < e and not text[xe:e].strip():
                e = xs  # a footnote body written inline at the end of the clause
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        body = text[s:e]
        fid = d.prefix + fragment(d.part, d.label)
        if fid in seen:
            seen[fid] += 1
            fid = f"{fid}~{seen[fid]}"
        else:
            seen[fid] = 1
        notes = [ctx.footnotes[i] for off, i in ctx.refs if s <= off <= d.end and i in ctx.footnotes]
        inst = d.instrument or Instrument()
        clauses.append(Clause(
            clause_id=f"{meta.doc_id}#{fid}", doc_id=meta.doc_id, instrument=inst, proposal=d.proposal,
            part=d.part, label=d.label, text=body, previous_text=_previous(ctx, d, s, e),
            footnotes=list(dict.fromkeys(notes)), span=(s, e), sectors=sectors_in(body),
            references=references_in(body),
        ))
    return clauses


def _previous(ctx: Context, d: Draft, s: int, e: int) -> str | None:
    changed = {(cs, ce): prev for cs, ce, prev in ctx.src.changes}
    if not changed or not any((ls, le) in changed for ls, le in d.line_ranges):
        return None
    pieces = []
    for ls, le in d.line_ranges:
        piece = changed.get((ls, le), ctx.src.text[ls:le])
        pieces.append(piece)
    prev = "\n".join(pieces)
    if d.label:
        prev = re.sub(r"^\s*" + re.escape(d.label) + r"[ \u00a0]*\t?\s*", "", prev)
    prev = prev.strip()
    return prev if prev != ctx.src.text[s:e] else None
