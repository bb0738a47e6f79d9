"""Plain text and Markdown: UTF-8, or UTF-16 with its byte-order mark, with a clear error for
anything else. A NUL byte anywhere refuses the file: text editors never write one, so it means a
binary or corrupt file (or UTF-16 saved without a byte-order mark), and NULs kept in a clause would
reach the index, the answers and Slack."""

from __future__ import annotations

from retrieval.core.errors import DocumentError
from retrieval.parsing.source import SourceText

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(name: str, data: bytes) -> str:
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], enc
            break
    if encoding == "utf-8" and b"\x00" in data:
        at = data.index(b"\x00")
        hint = "binary data, not text" if at < 4096 else "a NUL byte inside the text (a corrupt file?)"
        raise DocumentError(name, f"{hint} (NUL at offset {at}); if it is UTF-16 text, save it as UTF-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DocumentError(
            name, f"not valid {encoding.upper()} (byte 0x{data[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from e
    if "\x00" in text:
        raise DocumentError(name, f"a NUL character inside the text (character {text.index(chr(0))}); "
                            "a corrupt file?")
    return text


def read(name: str, data: bytes, fmt: str = "txt") -> SourceText:
    return SourceText(text=decode(name, data), format=fmt)
