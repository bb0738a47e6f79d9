"""Legacy Word 97-2003 .doc: the real Recommendation ITU-T A.8 (10/2008) in ../shared/itu (skipped
cleanly when it is absent) parsed through the same structure parsing as the .docx Recommendations, its
damaged and encrypted variants refused with one line naming the file, and the CLI ingest → ask path."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.core.errors import DocumentError
from retrieval.core.models import ParsedDocument
from retrieval.parsing.extract import extract
from retrieval.parsing.formats import doc
from retrieval.parsing.source import SourceText
from retrieval.parsing.structure import parse
from tests.conftest import MODEL_DIR, ROOT, SHARED_ITU

A8 = SHARED_ITU / "T-REC-A.8-200810-E.doc"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


@pytest.fixture(scope="module")
def a8() -> tuple[SourceText, ParsedDocument]:
    if not A8.exists():
        pytest.skip("../shared/itu is absent")
    src = extract(A8, 10**8)
    return src, parse(src, str(A8))


def test_a8_metadata(a8) -> None:  # type: ignore[no-untyped-def]
    src, d = a8
    assert src.format == "doc" and d.meta.format == "doc"
    assert d.meta.doc_id == "itu-t-rec-a.8@2008-10" and d.meta.kind == "recommendation"
    assert (d.meta.body, d.meta.number, d.meta.language) == ("ITU-T", "A.8", "en")
    assert d.meta.revision is not None and d.meta.revision.place == "10/2008"


def test_a8_numbered_clauses_with_their_text(a8) -> None:  # type: ignore[no-untyped-def]
    _, d = a8
    by_label = {c.label: c for c in d.clauses if c.part == "clause"}
    for label in ("1", "1.1", "2.1", "3.6.1", "4.4.3", "5.6.1", "8.2.2"):
        assert label in by_label, label
    assert len(by_label) == 51
    assert by_label["1"].text == "General"
    assert by_label["1.1"].clause_id == "itu-t-rec-a.8@2008-10#clause.1.1"
    assert by_label["1.1"].text.startswith("Recommendations of the ITU Telecommunication Standardization Sector "
                                           "(ITU-T) will be approved using this alternative approval process (AAP)")
    assert by_label["1.1"].text.endswith("The competent study group may also seek approval at a WTSA.")
    assert by_label["4.1"].text == ("The last call encompasses the four-week time period and procedures beginning "
                                    "with the Director's announcement of the intention to apply the alternative "
                                    "approval process (clause 3.1).")
    # the list items of 4.4.2 stay in their clause
    assert "1)\ta planned study group meeting" in by_label["4.4.2"].text
    assert "2)\tto save time" in by_label["4.4.2"].text
    # the contents list is a field result, not clauses: each number once
    labels = [c.label for c in d.clauses if c.part == "clause"]
    assert len(labels) == len(set(labels))


def test_a8_text_is_plain(a8) -> None:  # type: ignore[no-untyped-def]
    src, d = a8
    assert not _CONTROL.search(src.text), repr(_CONTROL.search(src.text))
    for c in d.clauses:
        assert not _CONTROL.search(c.text), c.clause_id
    # field codes are gone, their results stay
    assert "HYPERLINK" not in src.text and "PAGEREF" not in src.text and "EMBED" not in src.text
    assert "consult the TSB patent database at http://www.itu.int/ITU-T/ipr/." in src.text
    # Word's non-breaking hyphen is U+2011, as the .docx reader keeps it; the optional hyphen U+00AD likewise
    assert "Recommendation ITU\u2011T A.8 was prepared by TSAG" in src.text
    assert "tele\u00adcom\u00admu\u00adni\u00adca\u00adtions" in src.text
    # the "(" Word stores for an inserted symbol (here the © of the copyright line) is not text
    assert "(\xa0\xa0ITU" not in src.text


def test_a8_tables_are_rows_of_cells(a8) -> None:  # type: ignore[no-untyped-def]
    src, _ = a8
    lines = src.text.split("\n")
    assert lines[:2] == ["International Telecommunication Union", "ITU-T | A.8"]
    assert "Series A | Organization of the work of ITU-T" in lines
    tables = [src.text[s:e] for s, e in src.tables]
    assert tables[0].startswith("International Telecommunication Union\nITU-T | A.8")
    assert any("Series A | Organization of the work of ITU-T" in t and t.endswith("Series Z | Languages and general "
               "software aspects for telecommunication systems") for t in tables)


def _encrypted(data: bytes) -> bytes:
    at = data.find(b"\xec\xa5\xc1\x00")  # the FIB at the start of the WordDocument stream
    assert at >= 0
    flags = bytearray(data)
    flags[at + 0x0B] |= 0x01  # fEncrypted (0x0100 of the 16-bit flags at 0x0A)
    return bytes(flags)


def test_damaged_and_encrypted_doc_give_a_named_error(tmp_path: Path) -> None:
    if not A8.exists():
        pytest.skip("../shared/itu is absent")
    data = A8.read_bytes()
    cases = {
        "truncated.doc": (data[:2000], "damaged .doc"),
        "half.doc": (data[: len(data) // 2], "damaged .doc"),
        "random.doc": (os.urandom(4096), "not a Word 97-2003 document"),
        "encrypted.doc": (_encrypted(data), "encrypted .doc"),
        "renamed.doc": (b"PK\x03\x04" + b"\0" * 200, "rename it to .docx"),
        "rtf.doc": (b"{\\rtf1\\ansi hello}", "RTF"),
    }
    for name, (content, reason) in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(DocumentError) as err:
            extract(tmp_path / name, 10**8)
        message = str(err.value)
        assert name in message and reason in message, message
        assert "\n" not in message


def test_per_file_size_limit_holds_for_doc(tmp_path: Path) -> None:
    if not A8.exists():
        pytest.skip("../shared/itu is absent")
    with pytest.raises(DocumentError, match=r"T-REC-A\.8-200810-E\.doc: file is .* limit \(SECTORBOT_MAX_FILE_MB\)"):
        extract(A8, 100_000)


def test_fields_and_control_characters() -> None:
    """Only a field's result is text (fields nest); cell marks end paragraphs; anchors are dropped."""
    raw = ("1\tScope\x13 PAGEREF _Toc1 \\h \x01\x144\x15\r"
           "see \x13 HYPERLINK \"x\" \x13 nested \x14y\x15\x14the site\x15.\x01\x08\r"
           "a\x0bb\x1ec\x1fd\xa0e\x0c\x07")
    paras = doc._paragraphs(raw, 0, [], {}, {})
    assert [(p.text, p.mark) for p in paras] == [
        ("1\tScope4", "\r"), ("see the site.", "\r"), ("a\nb\u2011c\u00add\xa0e\n", "\x07")]


def test_cli_ingest_and_ask_cite_a8(tmp_path: Path, model_dir: Path) -> None:
    if not A8.exists():
        pytest.skip("../shared/itu is absent")
    env = {**os.environ, "SECTORBOT_DATA_DIR": str(tmp_path / "data"), "SECTORBOT_MODEL_DIR": str(MODEL_DIR)}
    ingest = subprocess.run([sys.executable, "-m", "bot.cli", "ingest", "-q", str(A8)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=240)
    assert ingest.returncode == 0, ingest.stderr
    ask = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json",
                          "what does A.8 say about the alternative approval process?"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert ask.returncode == 0, ask.stderr
    answer = json.loads(ask.stdout)
    assert not answer["abstained"]
    cited = [c["clause_id"] for c in answer["citations"]]
    assert cited and all(c.startswith("itu-t-rec-a.8@2008-10#") for c in cited), cited
    assert any("#clause." in c for c in cited), cited
