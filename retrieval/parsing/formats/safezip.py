"""Zip archives read with caps: a .docx is a zip, and a 3.9 MB one can expand to 4 GB. Each part is
read in blocks against the decompressed-size cap (headers can lie about sizes), and its XML is
parsed incrementally against the element cap, so a bomb stops at the limit with one error line
instead of taking the memory of the machine."""

from __future__ import annotations

import io
import zipfile
from types import TracebackType

from lxml import etree

from retrieval.core.errors import DocumentError
from retrieval.parsing import limits

BLOCK = 1 << 20


class SafeZip:
    """The part of zipfile.ZipFile a format reader needs (`namelist`, `read`), with the caps."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.cap = limits.current().max_unzipped_bytes
        self.total = 0

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.zip.close()

    def namelist(self) -> list[str]:
        return self.zip.namelist()

    def _over(self) -> DocumentError:
        return DocumentError(self.name, f"expands to more than {self.cap / 1e6:.0f} MB when unzipped "
                             "(SECTORBOT_MAX_UNZIPPED_MB); a zip bomb or an unusually large document")

    def read(self, member: str) -> bytes:
        """Raises KeyError for a missing member, like ZipFile.read."""
        info = self.zip.getinfo(member)
        if self.total + info.file_size > self.cap:
            raise self._over()
        out = bytearray()
        with self.zip.open(info) as f:
            while block := f.read(BLOCK):
                self.total += len(block)
                if self.total > self.cap:
                    raise self._over()
                out += block
        return bytes(out)


def parse_xml(name: str, data: bytes, parser_options: dict[str, object] | None = None) -> etree._Element:
    """Parse XML counting elements as they arrive; raises DocumentError past the element cap and
    etree.XMLSyntaxError for bad XML (as etree.fromstring does)."""
    cap = limits.current().max_xml_elements
    options: dict[str, object] = {"resolve_entities": False, "no_network": True, "huge_tree": False}
    options.update(parser_options or {})
    parser = etree.XMLPullParser(events=("start",), **options)
    count = 0
    for b in range(0, len(data), BLOCK):
        parser.feed(data[b : b + BLOCK])
        count += sum(1 for _ in parser.read_events())
        if count > cap:
            raise DocumentError(name, f"more than {cap:,} XML elements in one part (SECTORBOT_MAX_XML_ELEMENTS); "
                                "a zip bomb or an unusually large document")
    root: etree._Element = parser.close()
    return root
