"""Choosing what to quote from a clause: always a verbatim slice of its text. Pure functions."""

from __future__ import annotations

import re

from retrieval.core.text import FOOTNOTE_MARK_RE
from retrieval.indexing.lexical import lexical_tokens

MAX_QUOTE = 600
MIN_QUOTE = 100
_ABBREV = re.compile(r"(?:\bNos?|\be\.g|\bi\.e|\bRev|\bArt|\bres|\bResp|\bcf|\bvol|\bpara|\b[A-Z])\.$")
# … and before the row labels of a table flattened into one paragraph (PP Res 71's strategic plan: "Target
# 1.2: By 2023, 70% of individuals …", "T.3-a: …", "T.3 Telecommunication resources: …", "Table 6: …"), where
# no full stop ends a row.
_ROW_RE = (r"\s+(?=(?:Target|Goal|Objective|Table)\s+\d+(?:\.\d+)?:\s|[A-Z]\.\d+(?:-[a-z0-9]+)?:\s"
           r"|[A-Z]\.\d+\s+[A-Z][^:.;]{2,60}:\s)")
_BREAK_RE = re.compile(r"(?<=[;.])\s+|" + FOOTNOTE_MARK_RE.pattern + "|" + _ROW_RE)
_ROW_START_RE = re.compile(_ROW_RE.replace(r"\s+(?=", "(?=", 1))


def segments(text: str) -> list[tuple[int, int]]:
    """Spans of sentence-like pieces, cut at ';', '.' and footnote marks."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BREAK_RE.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 6) : m.start()]):
            continue  # "No. 187", "e.g. in", "Rev. Dubai": not a sentence end
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            out.append((s, e))
    return out


def best_quote(text: str, question: str) -> str:
    """The whole clause when short; otherwise the piece that shares most words with the question."""
    if len(text) <= MAX_QUOTE and not FOOTNOTE_MARK_RE.search(text):
        return text
    q = set(lexical_tokens(question))
    best: tuple[float, int, int] | None = None
    for s, e in segments(text):
        words = lexical_tokens(text[s:e])
        overlap = len(q.intersection(words)) / (1 + 0.002 * len(text[s:e]))
        if best is None or overlap > best[0]:
            best = (overlap, s, e)
    if best is None:
        return text[:MAX_QUOTE].rstrip()
    _, s, e = best
    # A bare list item ("emergency communications;") says little: widen it to the sentence around it.
    spans = segments(text)
    i = spans.index((s, e))
    # (a table's row stands alone: "Target 3.2: By 2023, increase the global e-waste recycling rate to 30%")
    while e - s < MIN_QUOTE and (i > 0 or i < len(spans) - 1) and not _ROW_START_RE.match(text, s):
        if i > 0:
            i -= 1
            s = spans[i][0]
        else:
            e = spans[min(len(spans) - 1, spans.index((spans[i][0], spans[i][1])) + 1)][1]
            break
    if e - s > MAX_QUOTE:
        cut = text.rfind(" ", s, s + MAX_QUOTE)
        e = cut if cut > s else s + MAX_QUOTE
    return text[s:e]
