"""One bad file must not take the service down (issue 14 items 5 and 6): generated zip bombs and a
10 MB single line, through the real `sectorbot ingest`, each refused with one clear line while the
good file beside it is indexed."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT, SEED

SECTORBOT = str(Path(sys.executable).parent / "sectorbot")
HEAD = (b"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w="
        b"'http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>")
TAIL = b"</w:body></w:document>"


def _docx(path: Path, pieces: int, piece: bytes, head: bytes = HEAD, tail: bytes = TAIL) -> Path:
    """A .docx whose word/document.xml is head + piece * pieces + tail, streamed into the archive."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z, \
            z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(head)
        block = piece * max(1, (1 << 20) // len(piece))
        per = (1 << 20) // len(piece) or 1
        done = 0
        while done + per <= pieces:
            f.write(block)
            done += per
        f.write(piece * (pieces - done))
        f.write(tail)
    return path


def _ingest(folder: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SECTORBOT_DATA_DIR": str(data), "SECTORBOT_EMBEDDER": "hash"}
    return subprocess.run([SECTORBOT, "ingest", "-q", str(folder)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=900)


def _failed_lines(stderr: str) -> list[str]:
    return [ln.strip() for ln in stderr.splitlines() if ln.strip().startswith("failed")]


def test_zip_bombs_are_refused_with_one_line_each(tmp_path: Path) -> None:
    d = tmp_path / "docs"
    d.mkdir()
    shutil.copy(SEED, d / "seed.txt")
    # 250 MB of text in one run: a few hundred KB on disk.
    size = _docx(d / "size-bomb.docx", 250_000_000, b"a", head=HEAD + b"<w:p><w:r><w:t>",
                 tail=b"</w:t></w:r></w:p>" + TAIL)
    # 3 million empty paragraphs: 18 MB of XML, under the size cap, over the element cap.
    elements = _docx(d / "element-bomb.docx", 3_000_000, b"<w:p/>")
    # 25,000 short paragraphs: under both caps, over the clause cap.
    clauses = _docx(d / "clause-bomb.docx", 25_000, b"<w:p><w:r><w:t>Agreed.</w:t></w:r></w:p>")
    assert max(p.stat().st_size for p in (size, elements, clauses)) < 2_000_000
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = _ingest(d, tmp_path / "data")
    peak_kb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    lines = _failed_lines(r.stderr)
    assert len(lines) == 3, r.stderr
    expect = {"size-bomb.docx": "more than 200 MB when unzipped (SECTORBOT_MAX_UNZIPPED_MB)",
              "element-bomb.docx": "more than 2,000,000 XML elements",
              "clause-bomb.docx": "25,000 clauses, over the 20,000-clause limit per document (SECTORBOT_MAX_CLAUSES)"}
    for name, reason in expect.items():
        assert any(name in ln and reason in ln for ln in lines), (name, lines)
    assert "1 added" in r.stderr  # the seed beside them
    assert peak_kb < 2_500_000, f"peak RSS {peak_kb / 1e6:.1f} GB"


def test_a_10_mb_single_line(tmp_path: Path) -> None:
    """A 10 MB line became one 10 MB clause. Split at sentence ends; without any, refuse the file."""
    d = tmp_path / "docs"
    d.mkdir()
    sentence = "The Study Group agreed to continue the work on emergency telecommunications. "
    (d / "sentences.txt").write_text("Minutes\n" + sentence * (10_000_000 // len(sentence)), encoding="utf-8")
    (d / "no-breaks.txt").write_text("Minutes\n" + "word " * 2_000_000, encoding="utf-8")
    data = tmp_path / "data"
    r = _ingest(d, data)
    lines = _failed_lines(r.stderr)
    assert r.returncode == 1 and len(lines) == 1 and "no-breaks.txt" in lines[0], r.stderr[-3000:]
    assert "10,000,000 characters with no sentence end" in lines[0] and "SECTORBOT_MAX_CLAUSE_CHARS" in lines[0]
    env = {**os.environ, "SECTORBOT_DATA_DIR": str(data), "SECTORBOT_EMBEDDER": "hash"}
    out = subprocess.run([SECTORBOT, "search", "emergency telecommunications work", "--k", "3", "--json"], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    import json

    hits = json.loads(out.stdout)
    assert hits and all(len(h["text"]) <= 20_000 for h in hits)
    assert all(h["text"] in (d / "sentences.txt").read_text(encoding="utf-8").replace("\n", " ") for h in hits)
