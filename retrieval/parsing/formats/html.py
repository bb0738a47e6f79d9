"""HTML: the text of headings, paragraphs, list items and cells, without scripts or navigation."""

from __future__ import annotations

from retrieval.parsing.formats.plain import decode
from retrieval.parsing.source import SourceText


def read(name: str, data: bytes) -> SourceText:
    from bs4 import BeautifulSoup

    text = decode(name, data)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    blocks: list[str] = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "pre"]):
        if el.find(["p", "li", "td"]):
            continue
        line = el.get_text(" ", strip=True)
        if line:
            blocks.append(line)
    return SourceText(text="\n".join(blocks), format="html")
