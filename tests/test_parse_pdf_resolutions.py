"""Resolutions as PDFs: real PP-18 instruments, read from the Akoma Ntoso Final Acts, are typeset the way
ITU prints them (centred heading and title, italic part headings on their own line, a label then the
clause, a running header "Res. N" from page 2 and a page number) and read back through the PDF path.
Each must give the same clause ids and the same text as its Akoma Ntoso parse: operative numbers
separated by a space, not a tab ("1 to collaborate …"), "8.1" under "8", headings such as "conscious"
or "having noted", a heading after a page break, paragraphs running on across pages, a ragged right
margin, and a running header printed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.core.models import ParsedDocument
from retrieval.parsing.read import read_documents

LIMIT = 50 * 1024 * 1024

# Each one exercises something the PDF path got wrong: operative numbers after a space (136, 41),
# "resolves 8.1" under 8 (11), "conscious" (2), "having noted" (30), "resolves" after a page break
# (180), a long heading with "Recommendation ITU-T A.5" (177 is left out: its nested "a)" items are
# printed as "2 a)" by this typesetter, not as ITU prints them), a once-printed running header (146, 186).
INSTRUMENTS = ["pp-res-136@dubai-2018", "pp-res-11@dubai-2018", "pp-res-2@dubai-2018",
               "pp-res-30@dubai-2018", "pp-res-180@dubai-2018", "pp-res-41@dubai-2018",
               "pp-res-146@dubai-2018", "pp-res-186@dubai-2018", "pp-res-191@dubai-2018"]

# The PDF core fonts are Latin-1; both sides are compared in that alphabet.
_LATIN1 = str.maketrans({"\u2011": "-", "\u2010": "-", "\u2013": "-", "\u2014": "-", "\u2018": "'",
                         "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u00a0": " ",
                         "\u2022": "-", "\u2212": "-"})


def _latin1(text: str) -> str:
    return " ".join(text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1").split())


@pytest.fixture(scope="module")
def final_acts() -> dict[str, ParsedDocument]:
    from tests.conftest import SHARED_ITU

    path = SHARED_ITU / "pp-18" / "PP-18-final-acts-akn.xml"
    if not path.exists():
        pytest.skip("../shared/itu/pp-18 is absent")
    return {d.meta.doc_id: d for d in read_documents(path, LIMIT)}


def _typeset(doc: ParsedDocument, out: Path) -> None:
    from fpdf import FPDF

    number = doc.meta.number

    class Printed(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("Times", "", 9)
                self.set_y(10)
                self.cell(0, 5, f"Res. {number}", align="R" if self.page_no() % 2 else "L")
                self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Times", "", 9)
            self.cell(0, 5, str(self.page_no()), align="C")

    pdf = Printed(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    inst = doc.clauses[0].instrument
    assert inst is not None
    rev = "REV. " if inst.revised else ""
    pdf.set_font("Times", "", 12)
    pdf.multi_cell(0, 6, f"{doc.meta.kind.upper()} {number} ({rev}DUBAI, 2018)", align="C")
    pdf.ln(2)
    pdf.set_font("Times", "B", 12)
    pdf.multi_cell(0, 6, _latin1(doc.meta.title), align="C")
    pdf.ln(3)
    pdf.set_font("Times", "", 11)
    pdf.multi_cell(0, 5.5, "The Plenipotentiary Conference of the International Telecommunication Union "
                           "(Dubai, 2018),", align="L")
    part = None
    for c in doc.clauses:
        if c.part != part:
            part = c.part
            pdf.ln(2)
            pdf.set_font("Times", "I", 11)
            pdf.multi_cell(0, 5.5, _latin1(part), align="L")
            pdf.ln(1)
            pdf.set_font("Times", "", 11)
        if c.label:
            pdf.cell(10, 5.5, c.label)
        pdf.multi_cell(0, 5.5, _latin1(c.text), align="L")  # ragged right, as ITU's Word files print
        pdf.ln(1.5)
    pdf.output(str(out))


@pytest.mark.parametrize("doc_id", INSTRUMENTS)
def test_a_printed_resolution_reads_back_clause_for_clause(final_acts: dict[str, ParsedDocument],
                                                           doc_id: str, tmp_path: Path) -> None:
    pytest.importorskip("fpdf")
    akn = final_acts[doc_id]
    path = tmp_path / f"{doc_id.split('@')[0]}.pdf"
    _typeset(akn, path)
    [pdf] = read_documents(path, LIMIT)
    assert pdf.meta.doc_id == doc_id
    assert pdf.meta.title == _latin1(akn.meta.title)
    want = {c.clause_id: _latin1(c.text) for c in akn.clauses}
    got = {c.clause_id: _latin1(c.text) for c in pdf.clauses}
    assert list(got) == list(want)
    assert got == want
