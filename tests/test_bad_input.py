"""Bad files: one clear line each, naming the file; the other files still parse."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from retrieval.core.errors import DocumentError
from retrieval.parsing.extract import extract
from tests.conftest import SEED


def _bad_files(d: Path) -> dict[str, str]:
    (d / "empty.txt").write_bytes(b"")
    good = d / "good.docx"
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='http://schemas.openxmlformats.org/"
                   "wordprocessingml/2006/main'><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>")
    data = good.read_bytes()
    (d / "truncated.docx").write_bytes(data[: len(data) // 2])
    (d / "garbage.pdf").write_bytes(bytes(range(256)) * 40)
    with (d / "huge.txt").open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (d / "latin1.txt").write_bytes("Résolution 57 : coopération".encode("latin-1"))
    (d / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    return {
        "empty.txt": "empty file",
        "truncated.docx": "corrupt .docx",
        "garbage.pdf": "not a PDF",
        "huge.txt": "over the 50 MB limit",
        "latin1.txt": "not valid UTF-8",
        "legacy.doc": "convert it to .docx",
    }


def test_each_bad_file_raises_a_named_error(tmp_path: Path) -> None:
    for name, reason in _bad_files(tmp_path).items():
        with pytest.raises(DocumentError) as err:
            extract(tmp_path / name, 50_000_000)
        assert name in str(err.value) and reason in str(err.value), str(err.value)


def test_unreadable_file(tmp_path: Path) -> None:
    # Permission bits do not stop root (CI runs as root), so use what stops everyone.
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(DocumentError, match=r"dangling\.txt: cannot read file"):
        extract(dangling, 10**6)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    (folder / "x").write_text("x")
    with pytest.raises(DocumentError, match=r"folder\.txt: cannot read file"):
        extract(folder, 10**6)


def test_cli_parse_reports_each_and_continues(tmp_path: Path) -> None:
    expected = _bad_files(tmp_path)
    files = [str(tmp_path / n) for n in expected] + [str(SEED)]
    res = CliRunner().invoke(cli, ["parse", *files])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    err_lines = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(err_lines) == len(expected)
    for name, reason in expected.items():
        assert any(name in ln and reason in ln for ln in err_lines), name
    assert "rcc-47a4@wtsa-16#proposal.1/resolves.3" in res.stdout  # the good file still parsed
