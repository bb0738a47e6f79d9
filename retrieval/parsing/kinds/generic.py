"""Everything else: a heading-path fallback, so no text is ever dropped; Recommendations and meeting
reports recognised by file name or symbol."""

from __future__ import annotations

import hashlib
import re

from retrieval.core.ids import slug
from retrieval.core.models import Body, DocumentMeta, Instrument, Kind, Revision
from retrieval.core.text import norm_hyphens
from retrieval.parsing.grammar import REC_FILE_RE, SYMBOL_RE, Context, Draft, Line

# ---- generic heading-path fallback -------------------------------------------------------------

def _is_heading(t: str, nxt: str | None) -> tuple[int, str] | None:
    m = re.match(r"^(\d+(?:\.\d+)*)\.?[ \t]+(\S.{0,100})$", t)
    if m and not re.search(r"[.;:,]$", m.group(2)) and m.group(2)[0].isupper():
        return m.group(1).count(".") + 1, f"{m.group(1)} {m.group(2).strip()}"
    if (len(t) <= 70 and not re.search(r"[.;:,]$", t) and re.match(r"^[A-Z][A-Za-z]", t)
            and (nxt is None or len(nxt) > len(t))):
        return 1, t
    return None


def generic_drafts(ctx: Context, start: int, end: int, inst: Instrument, prefix: str,
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


def parse_generic(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
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
            # The file name alone collides (a/notes.txt, b/notes.txt, 文件.txt, ملف.txt): add the source path's hash.
            doc_id = (f"{slug(re.sub(r'[.][A-Za-z0-9]+$', '', name)) or 'document'}-"
                      f"{hashlib.sha1(source.encode()).hexdigest()[:8]}")
            inst = Instrument(kind=kind, title=name)
    drafts = generic_drafts(ctx, 0, len(ctx.lines), inst, "")
    meta = DocumentMeta(doc_id=doc_id, body=inst.body, kind=kind, number=inst.number, revision=inst.revision,
                        title=inst.title, source=source)
    return meta, drafts




def parse(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
    return parse_generic(ctx, source)
