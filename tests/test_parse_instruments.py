"""Instrument kinds beyond PP/WTSA/WTDC resolutions in Word and plain-text layouts: Decisions, assembly
Recommendations, Resolutions ITU-R and WRC resolutions, with body, kind, number and revision in the
metadata and ITU's display forms. Pure parsing of small texts written in ITU's layout."""

from __future__ import annotations

from pathlib import Path

from retrieval.core.citations import display
from retrieval.parsing.read import read_documents

LIMIT = 10 * 1024 * 1024


def _read(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    docs = read_documents(path, LIMIT)
    assert len(docs) == 1
    return docs[0]


def test_pp_decision(tmp_path: Path) -> None:
    doc = _read(tmp_path, "decision.txt", (
        "DECISION 5 (REV. DUBAI, 2018)\n"
        "Revenue and expenses for the Union for the period 2020-2023\n"
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n"
        "considering\n"
        "a)\tthe strategic plan of the Union for 2020-2023;\n"
        "b)\tResolution 91 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference,\n"
        "decides\n"
        "1\tthat the ITU Council is authorized to draw up the two biennial budgets;\n"
        "2\tthat the Council may authorize expenses,\n"
        "instructs the Secretary-General\n"
        "to prepare draft balanced biennial budgets.\n"))
    m = doc.meta
    assert (m.doc_id, m.kind, m.body, m.number) == ("pp-dec-5@dubai-2018", "decision", "PP", "5")
    assert m.title == "Revenue and expenses for the Union for the period 2020-2023"
    assert [display(c) for c in doc.clauses] == [
        "PP Decision 5 (Rev. Dubai, 2018), considering a)",
        "PP Decision 5 (Rev. Dubai, 2018), considering b)",
        "PP Decision 5 (Rev. Dubai, 2018), decides 1",
        "PP Decision 5 (Rev. Dubai, 2018), decides 2",
        "PP Decision 5 (Rev. Dubai, 2018), instructs the Secretary-General",
    ]
    assert doc.clauses[1].references == ["PP Resolution 91 (Rev. Guadalajara, 2010)"]


def test_pp_recommendation_is_not_an_itu_t_recommendation(tmp_path: Path) -> None:
    doc = _read(tmp_path, "rec7.txt", (
        "RECOMMENDATION 7 (DUBAI, 2018)\n"
        "The role of ITU in supporting the use of ICTs to combat trafficking in persons\n"
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n"
        "recommends\n"
        "1\tthat Member States work with ITU;\n"
        "2\tthat Member States engage with relevant international organizations,\n"))
    assert (doc.meta.kind, doc.meta.body, doc.meta.doc_id) == ("recommendation", "PP", "pp-rec-7@dubai-2018")
    assert display(doc.clauses[1]) == "PP Recommendation 7 (Dubai, 2018), recommends 2"


def test_resolution_itu_r_with_a_year_only(tmp_path: Path) -> None:
    doc = _read(tmp_path, "R-RES-75.txt", (
        "RESOLUTION ITU-R 75\n"
        "Strengthening the coordination and cooperation among the three ITU Sectors\n"
        "(2023)\n"
        "The ITU Radiocommunication Assembly,\n"
        "considering\n"
        "a)\tthat ITU-R, ITU-T and ITU-D work on matters of mutual interest;\n"
        "resolves\n"
        "1\tto continue the coordination among the three Sectors;\n"
        "2\tto report to the next assembly.\n"))
    m = doc.meta
    assert (m.body, m.kind, m.number, m.revision and m.revision.year) == ("RA", "resolution", "ITU-R 75", 2023)
    assert display(doc.clauses[-1]) == "Resolution ITU-R 75 (2023), resolves 2"


def test_resolution_itu_r_history_of_years(tmp_path: Path) -> None:
    doc = _read(tmp_path, "R-RES-6.txt", (
        "RESOLUTION ITU-R 6-3\n"
        "Liaison and collaboration with the ITU Telecommunication Standardization Sector\n"
        "(1993-2000-2007-2012-2015)\n"
        "The ITU Radiocommunication Assembly,\n"
        "resolves\n"
        "1\tthat liaison with ITU-T shall be maintained.\n"))
    assert doc.meta.number == "ITU-R 6-3" and doc.meta.revision and doc.meta.revision.year == 2015
    assert display(doc.clauses[0]).startswith("Resolution ITU-R 6-3 (")


def test_wrc_resolution(tmp_path: Path) -> None:
    doc = _read(tmp_path, "WRC-RES-95.txt", (
        "RESOLUTION 95 (REV.WRC-19)\n"
        "General review of the resolutions and recommendations of world administrative radio conferences\n"
        "The World Radiocommunication Conference (Sharm el-Sheikh, 2019),\n"
        "considering\n"
        "a)\tthat it is important to keep resolutions up to date;\n"
        "resolves\n"
        "1\tto review the resolutions.\n"))
    assert (doc.meta.body, doc.meta.number, doc.meta.revision and doc.meta.revision.year) == ("WRC", "95", 2019)
    assert display(doc.clauses[-1]) == "Resolution 95 (Rev.WRC-19), resolves 1"
