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
    for c in doc.clauses:
        assert src.text[c.span[0] : c.span[1]] == c.text


@pytest.mark.parametrize("name", ["T-REC-A.1-201610-E.docx", "T-REC-A.12-201611-E.docx",
                                  "T-REC-A.Sup5-201607-E.docx", "T-REC-D.000-201005-E.docx",
                                  "T-REC-U.1-199303-E.pdf"])
def test_recommendations_parse_into_heading_paths(shared_itu: Path, name: str) -> None:
    src = extract(shared_itu / name, 10**8)
    doc = parse(src, str(shared_itu / name))
    assert doc.meta.kind == "recommendation"
    assert len(doc.clauses) > 20
    for c in doc.clauses:
        assert c.text in src.text
    # No text dropped: every non-blank line of the source is inside some clause or is a heading.
    covered = "\n".join(c.text for c in doc.clauses) + "\n" + "\n".join(c.part for c in doc.clauses)
    lines = [ln.strip() for ln in src.text.splitlines() if ln.strip()]
    missing = [ln for ln in lines if ln not in covered]
    assert len(missing) <= len(lines) * 0.02, missing[:5]
