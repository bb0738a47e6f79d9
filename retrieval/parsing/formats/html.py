"""HTML: the text of each block (headings, paragraphs, list items, cells, and the divs and spans of
pages built without them), without scripts or navigation. One line per block; inline elements join
the line of the block they sit in."""

from __future__ import annotations

from typing import Any

from retrieval.parsing.formats.plain import decode
from retrieval.parsing.source import SourceText

_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre", "div", "section", "article",
           "main", "aside", "blockquote", "dd", "dt", "caption", "figcaption", "address", "table", "tr",
           "tbody", "thead", "ul", "ol", "dl", "body", "html", "form", "fieldset", "figure", "details",
           "summary", "br", "hr"}
_DROP = ["script", "style", "nav", "header", "footer", "noscript", "template", "head"]


def read(name: str, data: bytes) -> SourceText:
    from bs4 import BeautifulSoup

    text = decode(name, data)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    blocks: list[str] = []
    _walk(soup, blocks, [])
    return SourceText(text="\n".join(blocks), format="html")


def _walk(el: Any, blocks: list[str], line: list[str]) -> None:
    from bs4 import Comment, NavigableString, Tag

    for child in el.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            line.append(str(child))
        elif isinstance(child, Tag):
            if child.name in _BLOCKS:
                _flush(blocks, line)
                _walk(child, blocks, line)
                _flush(blocks, line)
            else:
                _walk(child, blocks, line)


def _flush(blocks: list[str], line: list[str]) -> None:
    text = " ".join("".join(line).split())
    if text:
        blocks.append(text)
    line.clear()
