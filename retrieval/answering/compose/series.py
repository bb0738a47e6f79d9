"""What an ITU-T series letter stands for: "what's the K series for?" is answered from the line of the
series table that gives it (Recommendation ITU-T A.12, clause 2.2: "K Protection against interference").
A single letter is no search term (the tokenizer drops it, and a long table embeds poorly), so the table
is found by its shape: a clause about series with one line per letter."""

from __future__ import annotations

import re
from collections.abc import Iterable

from retrieval.answering.compose import lead
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, Clause
from retrieval.core.text import quoted

# "the K series", "K-series Recs", "series K", "Series K Recommendations" (the letter as ITU writes it)
_SERIES_Q_RE = re.compile(r"\b(?P<a>[A-Z])[-\s]series\b|\b[Ss]eries\s+(?P<b>[A-Z])\b(?![.\d])")
MIN_LETTERS = 3  # lines of the form "K<tab>title" that make a clause a series table


# The words of a question about what a series is; anything more ("how many Recommendations of the X
# series did TAP approve?") asks something else and is searched.
_ABOUT_WORDS = frozenset(re.findall(r"\S+", """what what's whats which is are was does do the a an of for about
cover covers covered mean means stand stands again itu-t itu recs rec recommendations recommendation series letter
its scope topic topics subject deal deals with on in remind me pls please quick q"""))


def series_asked(question: str) -> str | None:
    """The series letter a question asking what that series is about names, or None."""
    m = _SERIES_Q_RE.search(question)
    if not m:
        return None
    rest = (question[: m.start()] + " " + question[m.end():]).lower()
    if len([w for w in re.findall(r"[\w'-]+", rest) if w not in _ABOUT_WORDS]) > 1:
        return None
    return m.group("a") or m.group("b")


def series_line(letter: str, clauses: Iterable[Clause]) -> tuple[Clause, str] | None:
    """The clause of a series table and its verbatim line for the letter."""
    best: tuple[int, Clause, str] | None = None
    for c in clauses:
        rows = re.findall(r"(?m)^[ \t]*[A-Z]\t\S", c.text)
        line = re.search(rf"(?m)^[ \t]*{letter}\t[^\n]+", c.text)
        if len(rows) >= MIN_LETTERS and line and (best is None or len(rows) > best[0]):
            best = (len(rows), c, line.group(0).strip())
    return (best[1], best[2]) if best else None


def compose_series(question: str, letter: str, clause: Clause, line: str) -> Answer:
    return Answer(question=question, intent="ask",
                  lines=[lead(f"Series {letter}: {display(clause)}: {quoted(line)}")],
                  citations=[citation(clause, line)])
