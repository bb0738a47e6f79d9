"""PDF text."""

from __future__ import annotations

import io
import re

from retrieval.core.errors import DocumentError
from retrieval.parsing.source import SourceText


def read(name: str, data: bytes) -> SourceText:
    if not data.startswith(b"%PDF"):
        raise DocumentError(name, "not a PDF (no %PDF header); the file is corrupt or misnamed")
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(name, "encrypted PDF; remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        raise DocumentError(name, f"corrupt PDF ({type(e).__name__}: {e})") from e
    text = "\n".join(p.strip("\n") for p in pages)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return SourceText(text=text, format="pdf")
