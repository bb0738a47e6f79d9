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
    (d / "damaged.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (d / "legacy.rtf").write_bytes(b"{\\rtf1\\ansi hello}")
    return {
        "empty.txt": "empty file",
        "truncated.docx": "corrupt .docx",
        "garbage.pdf": "not a PDF",
        "huge.txt": "over the 50 MB limit",
        "latin1.txt": "not valid UTF-8",
        "damaged.doc": "damaged .doc",
        "legacy.rtf": "convert it to .docx",
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


# ---- issue 14, "Smaller" ------------------------------------------------------------------------

def _ingest_cli(folder: Path, tmp_path: Path) -> tuple[int, str]:
    env = {"SECTORBOT_DATA_DIR": str(tmp_path / "data"), "SECTORBOT_EMBEDDER": "hash"}
    res = CliRunner(env=env).invoke(cli, ["ingest", "-q", str(folder)])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stderr


def test_symlinks_outside_the_tree_are_not_followed_and_bad_ones_reported(tmp_path: Path) -> None:
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "seed.txt").write_bytes(SEED.read_bytes())
    secret = tmp_path / "outside" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (d / "passwd.txt").symlink_to(secret)  # a link out of the tree
    (d / "outside-dir").symlink_to(secret.parent, target_is_directory=True)
    (d / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    (d / "sub" / "inside.txt").symlink_to(d / "seed.txt")  # inside the tree: the same document, once
    code, err = _ingest_cli(d, tmp_path)
    lines = [ln.strip() for ln in err.splitlines()]
    assert code == 1
    skipped = [ln for ln in lines if ln.startswith("skipped")]
    assert len(skipped) == 2 and any("passwd.txt" in ln for ln in skipped) and any("outside-dir" in ln for ln in skipped)
    assert sum(ln.startswith("skipped") and "not followed" in ln for ln in lines) == 2, err
    assert sum(ln.startswith("failed") and "dangling.txt" in ln and "dangling symbolic link" in ln for ln in lines) == 1
    assert sum(ln.startswith("failed") and "loop.txt" in ln and "symbolic link loop" in ln for ln in lines) == 1
    assert "root:x" not in err and "1 added" in err, err


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    text = "Résolution 57\nCoordination among the three Sectors.\n"
    for enc in ("utf-16", "utf-16-be"):
        f = tmp_path / f"{enc}.txt"
        data = text.encode(enc)
        f.write_bytes(data if enc == "utf-16" else b"\xfe\xff" + data)
        assert extract(f, 10**6).text == text


def test_html_with_text_only_in_div_and_span(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Home</nav>"
                 "<div><span>Resolution 57</span></div><div>The Sectors <span>coordinate</span> their work."
                 "<div>Nested block</div></div></body></html>", encoding="utf-8")
    assert extract(f, 10**6).text.split("\n") == ["Resolution 57", "The Sectors coordinate their work.",
                                                  "Nested block"]


def test_a_nul_byte_anywhere_refuses_the_file(tmp_path: Path) -> None:
    """A NUL after the first 4 KB used to be stored in a clause."""
    f = tmp_path / "late-nul.txt"
    f.write_bytes(b"Minutes\n" + b"The group met.\n" * 400 + b"bad\x00byte\n")
    with pytest.raises(DocumentError, match=r"late-nul\.txt: a NUL byte inside the text .*offset 6011"):
        extract(f, 10**6)
    early = tmp_path / "early-nul.txt"
    early.write_bytes(b"\x00\x01binary")
    with pytest.raises(DocumentError, match=r"early-nul\.txt: binary data, not text"):
        extract(early, 10**6)


@pytest.mark.parametrize("k", ["0", "-5", "101"])
def test_search_k_out_of_range_is_refused(k: str) -> None:
    res = CliRunner().invoke(cli, ["search", "coordination", "--k", k])
    assert res.exit_code == 2 and "Invalid value for '--k'" in res.output and "1<=x<=100" in res.output


def test_files_of_other_formats_in_a_folder_are_said_not_passed_over(tmp_path: Path) -> None:
    """A .yaml the user expected indexed gets a line; many of one format in one folder get one line; the
    folder's own README.md and manifest.json are passed over without a word."""
    from retrieval.indexing.ingest import list_files

    (tmp_path / "notes.yaml").write_text("a: b\n")
    (tmp_path / "README.md").write_text("# corpus\n")
    (tmp_path / "manifest.json").write_text("{}\n")
    (tmp_path / "res.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    meta = tmp_path / "meta"
    meta.mkdir()
    for n in range(5):
        (meta / f"r{n}.yaml").write_text("a: b\n")
    listing = list_files([tmp_path])
    assert [f.name for f in listing.files] == ["res.txt"]
    lines = {Path(p.path).name: p for p in listing.problems}
    assert set(lines) == {"notes.yaml", "meta"}
    assert all(p.status == "skipped" and ".yaml" in p.reason for p in lines.values())
    assert lines["meta"].reason.startswith("5 files")
