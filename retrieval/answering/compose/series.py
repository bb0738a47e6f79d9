"""What an ITU-T series letter stands for: "what's the K series for?" is answered from the line of the
series table that gives it (Recommendation ITU-T A.12, clause 2.2: "K Protection against interference").
A single letter is no search term (the tokenizer drops it, and a long table embeds poorly), so the table
is found by its shape: a clause about series with one line per letter."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from retrieval.answering.compose import lead
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, Clause
from retrieval.core.text import quoted

# "the K series", "K-series Recs", "series K", "Series K Recommendations" (the letter as ITU writes it)
# … "what's letter W for" (in A.12's table, a letter is a series)
_SERIES_Q_RE = re.compile(r"\b(?P<a>[A-Z])[-\s]series\b|\b[Ss]eries\s+(?P<b>[A-Z])\b(?![.\d])"
                          r"|\b[Ll]etter\s+(?P<c>[A-Z])\b(?![.\d])")
MIN_LETTERS = 3  # lines of the form "K<tab>title" that make a clause a series table
_ROW_RE = re.compile(r"(?m)^[ \t]*(?P<letter>[A-Z])\t\S[^\n]*")  # one series: "K<tab>Protection against …"


# The words of a question about what a series is; anything more ("how many Recommendations of the X
# series did TAP approve?") asks something else and is searched.
_ABOUT_WORDS = frozenset(re.findall(r"\S+", """what what's whats which is are was does do the a an of for about
cover covers covered mean means stand stands again itu-t itu recs rec recommendations recommendation series letter
its scope topic topics subject deal deals with on in remind me pls please quick q a.12 used according to per under
say says tell"""))


def series_asked(question: str) -> str | None:
    """The series letter a question asking what that series is about names, or None."""
    m = _SERIES_Q_RE.search(question)
    if not m:
        return None
    # A guess after it ("…, is that the environment stuff?") is answered by the same line of the table.
    after = re.sub(r"[,;-]\s*(?:or\s+)?(?:is|isn't|was)\s+(?:that|it|this)\b[^?]*\??\s*$", "", question[m.end():],
                   flags=re.IGNORECASE)
    rest = (question[: m.start()] + " " + after).lower()
    if len([w for w in re.findall(r"[\w'-]+", rest) if w not in _ABOUT_WORDS]) > 1:
        return None
    return m.group("a") or m.group("b") or m.group("c")


_WHICH_SERIES_RE = re.compile(r"\b(?:which|what)\s+(?:letter\s+|ITU-T\s+)?(?:rec(?:ommendation)?s?\s+)?series\b"
                              r"|\bseries\s+letter\b", re.IGNORECASE)
TOPIC_COVERAGE = 0.5  # a series line holding this share of the question's words is the series it asks for


def asks_which_series(question: str) -> bool:
    """"What letter series would an IoT Recommendation go in?": a series by its topic, no letter given."""
    return bool(_WHICH_SERIES_RE.search(question)) and series_asked(question) is None


def series_table(clauses: Iterable[Clause]) -> Clause | None:
    """The clause with the most "<letter><tab>title" lines (A.12's list of series), if any has a few."""
    best: tuple[int, Clause] | None = None
    for c in clauses:
        rows = len(_ROW_RE.findall(c.text))
        if rows >= MIN_LETTERS and (best is None or rows > best[0]):
            best = (rows, c)
    return best[1] if best else None


def _rows(table: Clause) -> list[tuple[str, str]]:
    """(letter, verbatim line) of each series in the table."""
    return [(m.group("letter"), m.group(0).strip()) for m in _ROW_RE.finditer(table.text)]


def series_line(letter: str, clauses: Iterable[Clause]) -> tuple[Clause, str] | None:
    """The clause of a series table and its verbatim line for the letter."""
    table = series_table(clauses)
    line = next((text for at, text in _rows(table) if at == letter), None) if table else None
    return (table, line) if table and line else None


def series_for(coverage: Callable[[str], float], clauses: Iterable[Clause]) -> tuple[str, Clause, str] | None:
    """The series whose title speaks most of the question (`coverage` scores a text against it)."""
    table = series_table(clauses)
    if table is None:
        return None
    best = max(_rows(table), key=lambda row: coverage(row[1]), default=None)
    if best is None or coverage(best[1]) < TOPIC_COVERAGE:
        return None
    return best[0], table, best[1]


def compose_series(question: str, letter: str, clause: Clause, line: str) -> Answer:
    return Answer(question=question, intent="ask",
                  lines=[lead(f"Series {letter}: {display(clause)}: {quoted(line)}")],
                  citations=[citation(clause, line)])
