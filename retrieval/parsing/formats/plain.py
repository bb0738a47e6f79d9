"""Plain text and Markdown: UTF-8, with a clear error for anything else."""

from __future__ import annotations

from retrieval.core.errors import DocumentError
from retrieval.parsing.source import SourceText


def decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise DocumentError(name, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DocumentError(
            name, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from e


def read(name: str, data: bytes, fmt: str = "txt") -> SourceText:
    return SourceText(text=decode(name, data), format=fmt)
