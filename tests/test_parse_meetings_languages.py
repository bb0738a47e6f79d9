"""Meeting documents (SG17 TD 2484, C 823), E.119 in five languages and `parse --summary`, on the real
files in ../shared/itu (skipped cleanly when it is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from retrieval.answering.cite import resolve
from retrieval.answering.query import parse_reference
from retrieval.core.citations import display
from retrieval.core.models import ParsedDocument
from retrieval.parsing.extract import extract
from retrieval.parsing.structure import parse
from retrieval.parsing.summary import summarize, summary_table

C823 = "meetings/T17-SG17-C-0823!!MSW-E.docx"
TD2484 = "meetings/T17-SG17-190827-TD-PLEN-2484!!MSW-E.docx"


def _doc(shared_itu: Path, name: str) -> ParsedDocument:
    path = shared_itu / name
    return parse(extract(path, 10**8), str(path))


def test_contribution_cover_table_is_metadata(shared_itu: Path) -> None:
    doc = _doc(shared_itu, C823)
    m = doc.meta
    assert (m.doc_id, m.kind, m.symbol) == ("sg17-c823", "contribution", "SG17-C823")
    assert m.details["study_group"] == "SG17" and m.details["questions"] == "4/17"
    assert m.details["meeting"] == "Geneva, 17-26 March 2020"
    assert m.details["source"] == "Broadcom Inc." and m.details["purpose"] == "Proposal"
    assert m.details["keywords"].startswith("Innovation; Incubation")
    assert m.title.startswith("2nd revised baseline text for TP.inno")
    # contact details are metadata, never indexed text
    assert "Arnaud.Taddei@broadcom.com" in m.details["contacts"]
    for c in doc.clauses:
        assert "@broadcom.com" not in c.text and "+41795061129" not in c.text
        assert not c.text.startswith(("Question(s):", "Source:", "Contact:"))


def test_td_metadata_abstract_and_editors_notes(shared_itu: Path) -> None:
    doc = _doc(shared_itu, TD2484)
    m = doc.meta
    assert (m.doc_id, m.kind, m.symbol) == ("sg17-td2484", "td", "SG17-TD2484")
    assert m.details["source"] == "Rapporteur Q4/17" and m.details["purpose"] == "Discussion"
    assert "27 August" in m.details["meeting"]
    assert "jhk@etri.re.kr" in m.details["contacts"]
    assert not any("jhk@etri.re.kr" in c.text for c in doc.clauses)
    abstract = [c for c in doc.clauses if c.part == "abstract"]
    assert abstract and abstract[0].text.startswith("This document contains the revision")
    notes = [c for c in doc.clauses if c.part == "editor's notes"]
    assert len(notes) >= 5 and notes[0].text.startswith("This contribution received positive comments")


@pytest.mark.parametrize("name", [C823, TD2484])
def test_meeting_sections_numbered_as_word_shows_them(shared_itu: Path, name: str) -> None:
    doc = _doc(shared_itu, name)
    labels = [c.label for c in doc.clauses if c.part.startswith("section ")]
    for label in ("1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.2.1", "2.3.1", "3"):
        assert label in labels, label
    if name == C823:  # as its contents list numbers them; a heading deleted by a tracked change takes no number
        assert {"1.6", "4.3.2", "4.4"} <= set(labels) and "4.5" not in labels
    c = next(c for c in doc.clauses if c.label == "2.2.1")
    assert c.text.startswith("The incubation work item")
    sym = doc.meta.symbol
    assert display(c) == f"{sym} §2.2.1"
    assert c.clause_id == f"{doc.meta.doc_id}#s2.2.1"
    # the contents list is not text
    assert not any(re.search(r"\t\d+$", c.text) for c in doc.clauses)


def test_cite_meeting_sections(shared_itu: Path) -> None:
    clauses = _doc(shared_itu, C823).clauses + _doc(shared_itu, TD2484).clauses
    for text, doc_id in [("SG17-C823 §2.2.1", "sg17-c823"), ("C823 2.2.1", "sg17-c823"),
                         ("TD2484 2.2.1", "sg17-td2484")]:
        ref = parse_reference(text)
        assert ref is not None, text
        got = resolve(ref, clauses)
        assert [(c.doc_id, c.label) for c in got.clauses] == [(doc_id, "2.2.1")], text


def test_e119_five_languages_line_up(shared_itu: Path) -> None:
    docs = {x: _doc(shared_itu, f"languages/T-REC-E.119-201704-I!!MSW-{x}.docx") for x in "AEFRS"}
    langs = {x: d.meta.language for x, d in docs.items()}
    assert langs == {"A": "ar", "E": "en", "F": "fr", "R": "ru", "S": "es"}
    ids = {d.meta.doc_id for d in docs.values()}
    assert ids == {"itu-t-rec-e.119@2017-04", "itu-t-rec-e.119@2017-04~ar", "itu-t-rec-e.119@2017-04~fr",
                   "itu-t-rec-e.119@2017-04~ru", "itu-t-rec-e.119@2017-04~es"}
    numbered = {x: [c.label for c in d.clauses if c.part == "clause"] for x, d in docs.items()}
    assert "3.2.2" in numbered["E"] and len(numbered["E"]) >= 20
    for x in "AFRS":
        assert numbered[x] == numbered["E"], x
    by = {x: {c.label: c.text for c in d.clauses if c.part == "clause"} for x, d in docs.items()}
    assert re.search(r"[\u0600-\u06ff]{4}", by["A"]["3.1.2"])  # Arabic intact
    assert re.search(r"[\u0400-\u04ff]{4}", by["R"]["3.1.2"])  # Cyrillic intact
    assert "(disaster)" in by["A"]["3.1.2"] or "disaster" in by["A"]["3.1.2"]
    for x in "AEFRS":
        assert any(c.part == "Bibliography" for c in docs[x].clauses), x


def test_summary_rows(shared_itu: Path) -> None:
    a1 = _doc(shared_itu, "T-REC-A.1-201610-E.docx")
    s = summarize(a1)
    assert (s.kind, s.body, s.number, s.revision, s.language) == ("recommendation", "ITU-T", "A.1", "10/2016", "en")
    assert s.clauses == len(a1.clauses) and s.parts >= 5
    assert s.numbered_share > 0.8
    table = summary_table([s, summarize(_doc(shared_itu, C823))])
    lines = table.splitlines()
    assert lines[0].split() == ["document", "kind", "body", "number", "revision", "lang", "parts", "clauses",
                                "numbered"]
    assert lines[1].startswith("itu-t-rec-a.1@2016-10") and "sg17-c823" in lines[2]


def test_cli_parse_summary_over_a_folder(shared_itu: Path) -> None:
    from bot.cli import cli

    out = CliRunner().invoke(cli, ["parse", "--summary", str(shared_itu / "languages"),
                                   str(shared_itu / "T-REC-A.8-200810-E.doc")])
    assert out.exit_code == 0, out.output  # the Word 97-2003 .doc is read like the rest
    assert any(ln.startswith("itu-t-rec-a.8@2008-10 ") and " recommendation " in ln for ln in out.output.splitlines())
    rows = [ln for ln in out.output.splitlines() if ln.startswith("itu-t-rec-e.119")]
    assert len(rows) == 5 and all(" recommendation " in r for r in rows)


def test_a_meeting_documents_sector_is_read_from_its_header(shared_itu: Path, tmp_path: Path) -> None:
    from retrieval.parsing.mandates import document_sector

    for f in sorted((shared_itu / "meetings").glob("*.docx")):
        doc = parse(extract(f, 10**8), str(f))
        assert doc.clauses[0].instrument.sector == "ITU-T", f.name
        assert document_sector(doc.clauses[0].instrument) == "ITU-T"
        # the header, not the file name: the same file under another name is still ITU-T's
        renamed = tmp_path / "contribution.docx"
        renamed.write_bytes(f.read_bytes())
        assert parse(extract(renamed, 10**8), str(renamed)).clauses[0].instrument.sector == "ITU-T", f.name
