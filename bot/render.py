"""The terminal rendering of an Answer: plain text, emphasis in bold when the output is a terminal,
citations numbered with their quotes. No Slack markup ever reaches a terminal."""

from __future__ import annotations

import click

from retrieval import Answer
from retrieval.core.citations import quote_display
from retrieval.core.models import AnswerLine
from retrieval.core.text import quoted


def _line(line: AnswerLine, color: bool) -> str:
    text = "".join(click.style(s.text, bold=True) if s.emphasis and color else s.text for s in line.spans)
    if line.kind == "item":
        return f"  • {text}"
    if line.kind == "note":
        return click.style(text, fg="yellow") if color else text
    return text


def render_terminal(answer: Answer, color: bool = False) -> str:
    out = [_line(ln, color) for ln in answer.lines]
    if answer.citations:
        out.append("")
        for n, c in enumerate(answer.citations, 1):
            ref = f"[{n}] {c.display}" + (f" <{c.url}>" if c.url else "")
            out.append(click.style(ref, bold=True) if color else ref)
            out.append(f"    {quoted(quote_display(c))}")
            if c.truncated:  # the whole clause is one command away
                hint = f"    (shortened; the full clause: sectorbot cite {c.clause_id})"
                out.append(click.style(hint, fg="bright_black") if color else hint)
    for note in answer.notes:
        out.append(click.style(note, fg="yellow") if color else note)
    if answer.lead_sectors:
        out.append("Lead: " + ", ".join(answer.lead_sectors)
                   + ("; involved: " + ", ".join(answer.involved_sectors) if answer.involved_sectors else ""))
    status = (f"({answer.mode}{', no evidence' if answer.abstained else ''}"
              f"{', thin evidence' if answer.thin_evidence else ''})")
    out.append(click.style(status, fg="bright_black") if color else status)
    return "\n".join(out)
