"""A LangChain retriever over the clause index, so it drops into any LangChain chain."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from retrieval.answering.search import Engine, Filters
from retrieval.core.citations import display


class ClauseRetriever(BaseRetriever):
    engine: Any  # retrieval.search.Engine; Any keeps pydantic from validating it
    k: int = 5
    filters: Filters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        engine: Engine = self.engine
        return [
            Document(page_content=h.clause.text, id=h.clause.clause_id,
                     metadata={"clause_id": h.clause.clause_id, "citation": display(h.clause),
                               "doc_id": h.clause.doc_id, "part": h.clause.part, "label": h.clause.label,
                               "score": h.score, "similarity": h.similarity})
            for h in engine.search(query, k=self.k, filters=self.filters)
        ]
