"""Contributions with proposals (MOD/ADD/SUP RCC/47A4/1): each proposal's text, parsed as the
resolution it changes, then its reasons."""

from __future__ import annotations

from retrieval.core.ids import slug
from retrieval.core.models import Body, DocumentMeta, Instrument
from retrieval.parsing.grammar import HEADING_RE, PROPOSAL_RE, REASONS_RE, Context, Draft
from retrieval.parsing.kinds.generic import generic_drafts
from retrieval.parsing.kinds.resolution import resolution_body, resolution_header

# ---- contributions --------------------------------------------------------------------------------

def parse_contribution(ctx: Context, proposals: list[int], source: str) -> tuple[DocumentMeta, list[Draft]]:
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
            inst, body_start = resolution_header(ctx, heading, reasons, None)
            assembly = assembly or inst
            if m.group("action") == "SUP" or body_start >= reasons:
                ln = lines[heading]
                drafts.append(Draft(part="proposal", label="", start=ln.start, end=ln.end, instrument=inst,
                                    proposal=pid, prefix=f"proposal.{pnum}", line_ranges=[(ln.start, ln.end)]))
            drafts += resolution_body(ctx, body_start, reasons, inst, pid, prefix)
        else:
            drafts += generic_drafts(ctx, p + 1, reasons, Instrument(kind="other"), prefix, proposal=pid)
        if reasons < end:
            drafts += generic_drafts(ctx, reasons, end, Instrument(kind="other"), f"proposal.{pnum}/", proposal=None,
                               fixed_part="reasons")
    body: Body = assembly.body if assembly else "other"
    year = assembly.revision.year if assembly and assembly.revision else None
    cinst = Instrument(body=body, kind="contribution", symbol=symbol, title=f"Contribution {symbol}")
    drafts = generic_drafts(ctx, 0, proposals[0], cinst, "") + drafts
    for d in drafts:
        if d.instrument is None or d.instrument.kind == "other":
            d.instrument = cinst
    doc_id = slug(symbol.replace("/", "-"))
    if body != "other" and year:
        doc_id += f"@{slug(body)}-{year % 100:02d}"
    meta = DocumentMeta(doc_id=doc_id, body=body, kind="contribution", number=symbol,
                        title=cinst.title, source=source)
    return meta, drafts




def detect(ctx: Context) -> bool:
    return any(PROPOSAL_RE.match(ln.text) for ln in ctx.lines)


def parse(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
    return parse_contribution(ctx, [i for i, ln in enumerate(ctx.lines) if PROPOSAL_RE.match(ln.text)], source)
