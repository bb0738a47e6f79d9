"""The seed contribution (RCC proposal to modify WTSA Resolution 57) parses into the clauses
delegates cite."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.core.citations import display
from retrieval.core.models import ParsedDocument
from retrieval.parsing.extract import extract
from retrieval.parsing.structure import parse
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed() -> tuple[str, ParsedDocument]:
    src = extract(SEED, 10**8)
    return src.text, parse(src, str(SEED))


def labels(doc: ParsedDocument, part: str) -> list[str]:
    return [c.label for c in doc.clauses if c.part == part and c.proposal]


def test_document_is_the_contribution_with_res57_inside(seed: tuple[str, ParsedDocument]) -> None:
    _, doc = seed
    assert doc.meta.doc_id == "rcc-47a4@wtsa-16"
    assert doc.meta.kind == "contribution"
    proposed = [c for c in doc.clauses if c.proposal]
    assert proposed and all(c.proposal == "MOD RCC/47A4/1" for c in proposed)
    inst = proposed[0].instrument
    assert (inst.body, inst.kind, inst.number) == ("WTSA", "resolution", "57")
    # Merged revision marks "REV. DUBAI, 2012HAMMAMET, 2016": metadata takes the later reading.
    assert inst.revision is not None and (inst.revision.place, inst.revision.year) == ("Hammamet", 2016)
    assert inst.revised


def test_parts_and_items(seed: tuple[str, ParsedDocument]) -> None:
    _, doc = seed
    assert labels(doc, "noting") == ["a)", "b)", "c)"]
    assert labels(doc, "considering") == ["a)", "b)"]
    assert labels(doc, "recognizing") == ["a)", "b)", "c)"]
    assert labels(doc, "taking into account") == ["a)", "b)", "c)"]
    assert labels(doc, "resolves") == ["1", "2", "3", "4"]


def test_clause_ids_and_display(seed: tuple[str, ParsedDocument]) -> None:
    _, doc = seed
    by_id = {c.clause_id: c for c in doc.clauses}
    c = by_id["rcc-47a4@wtsa-16#proposal.1/resolves.3"]
    assert display(c) == "WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3 (as proposed in MOD RCC/47A4/1)"
    assert c.text.startswith("to propose to the ITU") and c.text.endswith("those two Sectors;")


def test_every_clause_is_verbatim(seed: tuple[str, ParsedDocument]) -> None:
    text, doc = seed
    for c in doc.clauses:
        assert text[c.span[0] : c.span[1]] == c.text
        assert c.text in text


def test_footnote_attached_to_recognizing_a(seed: tuple[str, ParsedDocument]) -> None:
    _, doc = seed
    rec_a = next(c for c in doc.clauses if c.part == "recognizing" and c.label == "a)")
    assert len(rec_a.footnotes) == 1 and "least developed countries" in rec_a.footnotes[0]
    # The inline footnote body is not part of the clause text.
    assert "These include" not in rec_a.text
    assert rec_a.text.endswith("World Telecommunication Development Conference;")
    others = [c for c in doc.clauses if c is not rec_a]
    assert not any(c.footnotes for c in others)


def test_sectors_and_references(seed: tuple[str, ParsedDocument]) -> None:
    _, doc = seed
    cons_a = next(c for c in doc.clauses if c.part == "considering" and c.label == "a)")
    # The seed writes ITU‑R with U+2011; all three must still be recognised.
    assert "\u2011" in cons_a.text
    assert {"ITU-R", "ITU-T", "ITU-D"} <= set(cons_a.sectors)
    noting_a = next(c for c in doc.clauses if c.part == "noting" and c.label == "a)")
    assert noting_a.references == ["PP Resolution 191 (Busan, 2014)"]
    noting_b = next(c for c in doc.clauses if c.part == "noting" and c.label == "b)")
    assert "Resolution ITU-R 6-1 (Rev. Geneva, 2007)" in noting_b.references


def test_cover_is_kept(seed: tuple[str, ParsedDocument]) -> None:
    _, doc = seed
    abstract = [c for c in doc.clauses if c.part == "abstract"]
    assert abstract and "Intersector Coordination Task Force" in abstract[0].text
    assert any(c.part == "Introduction" for c in doc.clauses)


def test_cli_parse_shows_structure(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import cli

    res = CliRunner().invoke(cli, ["parse", str(SEED)])
    assert res.exit_code == 0, res.output
    assert "rcc-47a4@wtsa-16#proposal.1/resolves.3" in res.output
    res = CliRunner().invoke(cli, ["parse", "--json", str(SEED)])
    doc = ParsedDocument.model_validate_json(res.output.strip().splitlines()[0])
    assert len(doc.clauses) > 20
