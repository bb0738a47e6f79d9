"""Real ITU files from ../shared/itu (skipped cleanly when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.parsing.extract import extract
from retrieval.parsing.structure import parse


@pytest.fixture
def res1(shared_itu: Path):  # type: ignore[no-untyped-def]
    path = shared_itu / "WTSA-RES-1-2016-E.docx"
    src = extract(path, 10**8)
    return src, parse(src, str(path))


def test_res1_metadata(res1) -> None:  # type: ignore[no-untyped-def]
    _, doc = res1
    assert doc.meta.doc_id == "wtsa-res-1@hammamet-2016"
    assert doc.meta.number == "1" and doc.meta.body == "WTSA"
    assert doc.meta.revision and (doc.meta.revision.place, doc.meta.revision.year) == ("Hammamet", 2016)


def test_res1_considering_and_sections(res1) -> None:  # type: ignore[no-untyped-def]
    _, doc = res1
    considering = [c.label for c in doc.clauses if c.part == "considering"]
    assert considering == ["a)", "b)", "b)bis", "c)", "d)", "e)", "f)", "g)", "h)", "i)"]
    assert any(c.part == "resolves" for c in doc.clauses)
    sections = {c.part for c in doc.clauses if c.part.startswith("section ")}
    assert {f"section {n}" for n in range(1, 10)} <= sections
    by_label = {c.label: c for c in doc.clauses if c.part.startswith("section ")}
    for label in ("1.11.3", "2.1.5", "4.2", "5.5", "6.1"):
        assert label in by_label, label
        assert by_label[label].clause_id.endswith(f"#s{label}")
    assert by_label["4.2"].text.startswith("TSAG's principal duties")
    # 1.11.3 is its own clause, not swallowed by 1.11
    assert "1.11.3" not in by_label["1.11"].text


def test_res1_appendices_footnotes_and_hyphens(res1) -> None:  # type: ignore[no-untyped-def]
    src, doc = res1
    parts = {c.part for c in doc.clauses}
    assert {"appendix I", "appendix II"} <= parts
    assert sum(bool(c.footnotes) for c in doc.clauses) >= 3
    assert any("special cases" in f for c in doc.clauses for f in c.footnotes)
    assert not any("ITUT" in c.text for c in doc.clauses)
    assert any("ITU\u2011T" in c.text for c in doc.clauses)  # the w:noBreakHyphen survives
    # the mark typed after a footnote reference (customMarkFollows) stays the superscript it is in Word:
    # shown without it, searched as "year", never read as the number 3
    from retrieval.core.text import readable
    from retrieval.indexing.lexical import lexical_tokens

    meets = next(c for c in doc.clauses if c.clause_id.endswith("#s4.5"))
    assert "at least once a year\u00b3." in meets.text
    assert readable(meets.text).endswith("at least once a year.") and "year" in lexical_tokens(meets.text)
    for c in doc.clauses:
        assert src.text[c.span[0] : c.span[1]] == c.text


@pytest.mark.parametrize("name", ["T-REC-A.1-201610-E.docx", "T-REC-A.12-201611-E.docx",
                                  "T-REC-A.Sup5-201607-E.docx", "T-REC-D.000-201005-E.docx",
                                  "T-REC-U.1-199303-E.pdf"])
def test_recommendations_drop_no_body_text(shared_itu: Path, name: str) -> None:
    """The cover, the contents and the back cover are left out; nothing of the body is: every line
    from the first numbered clause to the back cover lies inside a clause."""
    from retrieval.parsing.kinds.numbered import is_toc
    from retrieval.parsing.kinds.recommendation import BACK_COVER_RE

    src = extract(shared_itu / name, 10**8)
    doc = parse(src, str(shared_itu / name))
    assert doc.meta.kind in ("recommendation", "supplement")
    assert len(doc.clauses) > 20
    for c in doc.clauses:
        assert src.text[c.span[0]:c.span[1]] == c.text
    body_start = min(c.span[0] for c in doc.clauses if c.part == "clause")
    lines = src.text[body_start:].split("\n")
    back = next((i for i, ln in enumerate(lines) if BACK_COVER_RE.match(ln.strip())), len(lines))
    covered = [(c.span[0] - 12, c.span[1]) for c in doc.clauses]  # a clause's number is before its span
    pos = body_start
    missing = []
    for line in lines[:back]:
        s, pos = pos, pos + len(line) + 1
        s, e = s + len(line) - len(line.lstrip()), s + len(line.rstrip())
        if line.strip() and not is_toc(line) and not any(a <= s and e <= b for a, b in covered):
            missing.append(line)
    assert not missing, missing[:5]


def test_res1_figure_notes_are_the_figures_not_the_last_clauses(res1) -> None:  # type: ignore[no-untyped-def]
    from retrieval.core.citations import display

    _, doc = res1
    by_id = {c.clause_id.split("#")[1]: c for c in doc.clauses}
    # §9.8.2.2 ends where its text ends; NOTE 1 … NOTE 10 and the caption are Figure 9.1's.
    assert by_id["s9.8.2.2"].text.rstrip().endswith("middle of a study period."), by_id["s9.8.2.2"].text[-120:]
    fig = by_id["figure-9.1"]
    assert fig.text.startswith("NOTE 1 –") and "NOTE 8 – DEADLINE FOR MEMBER STATES' REPLIES" in fig.text
    assert fig.text.rstrip().endswith("Sequence of events")
    assert display(fig) == "WTSA Resolution 1 (Rev. Hammamet, 2016), Figure 9.1"
