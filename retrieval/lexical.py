"""BM25 over clause text (bm25s). Chroma's own sparse index and Search API are not implemented for the
embedded client in chromadb 1.5.9 ("Search is not implemented for Local Chroma"), so the lexical side
lives here, persisted next to the Chroma data."""

from __future__ import annotations

from pathlib import Path

from .text import tokens

STOPWORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "which", "with", "what", "who", "whom", "does", "do", "did", "how", "why", "where", "when", "there", "their", "these", "those", "than", "then", "into", "about", "any", "all", "can", "could", "should", "would", "may", "might", "will", "shall", "our", "your", "they", "them", "we", "you", "he", "she", "his", "her"]
)


def lexical_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


class LexicalIndex:
    def __init__(self, ids: list[str], token_lists: list[list[str]]) -> None:
        import bm25s

        self.ids = ids
        self.bm25 = bm25s.BM25()
        if ids:
            # bm25s rejects an empty vocabulary; a placeholder token keeps one-clause corpora valid.
            self.bm25.index([t or ["\x00"] for t in token_lists], show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        q = lexical_tokens(query)
        if not self.ids or not q:
            return []
        k = min(k, len(self.ids))
        docs, scores = self.bm25.retrieve([q], k=k, show_progress=False)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def save(self, path: Path) -> None:
        import json

        path.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.bm25.save(str(path / "bm25"))
        (path / "ids.json").write_text(json.dumps(self.ids))

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        import json

        import bm25s

        ids = json.loads((path / "ids.json").read_text())
        if not ids:
            return cls([], [])
        obj = cls.__new__(cls)
        obj.ids = ids
        obj.bm25 = bm25s.BM25.load(str(path / "bm25"))
        return obj
