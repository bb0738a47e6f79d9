"""all-MiniLM-L6-v2 as an ONNX graph written directly from its safetensors weights, with the `onnx`
package the app already has. The BERT encoder is six identical layers; writing its graph node by node
takes a second, where exporting it through torch needed a throwaway environment with torch (a minute
of the first run). The graph computes what the torch export computes (the encoder, mean pooling over
the attention mask, L2 normalisation), with the same inputs and output, so indexes built by either
read the same; `tests/test_minilm_graph.py` holds vectors the torch export produced and checks this
graph against them, and `reference_embed` is a numpy forward pass the provisioning checks it against.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import numpy as np

HIDDEN, HEADS, LAYERS, EPS = 384, 12, 6, 1e-12
HEAD_DIM = HIDDEN // HEADS
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


class WeightsError(ValueError):
    """The weights file is not the safetensors of a BERT the size of MiniLM-L6."""


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors by name. The format is an 8-byte header length, a JSON header, then raw buffers."""
    raw = path.read_bytes()
    if len(raw) < 8:
        raise WeightsError(f"{path}: too short for safetensors")
    (size,) = struct.unpack("<Q", raw[:8])
    try:
        header = json.loads(raw[8:8 + size])
    except ValueError as e:
        raise WeightsError(f"{path}: unreadable safetensors header ({e})") from e
    body = memoryview(raw)[8 + size:]
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise WeightsError(f"{path}: tensor {name} has dtype {info['dtype']}")
        out[name] = np.frombuffer(body[start:end], dtype=dtype).reshape(info["shape"]).astype(
            np.float32 if dtype == np.float16 else dtype)
    return out


def _check_shapes(w: dict[str, np.ndarray]) -> None:
    """Every tensor the graph reads, with the dimensions it relies on (None: any size)."""
    want: dict[str, tuple[int | None, ...]] = {
        "embeddings.word_embeddings.weight": (None, HIDDEN), "embeddings.position_embeddings.weight": (None, HIDDEN),
        "embeddings.token_type_embeddings.weight": (None, HIDDEN),
        "embeddings.LayerNorm.weight": (HIDDEN,), "embeddings.LayerNorm.bias": (HIDDEN,)}
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        for n in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"):
            want |= {p + n + ".weight": (HIDDEN, HIDDEN), p + n + ".bias": (HIDDEN,)}
        want |= {p + "intermediate.dense.weight": (None, HIDDEN), p + "intermediate.dense.bias": (None,),
                 p + "output.dense.weight": (HIDDEN, None), p + "output.dense.bias": (HIDDEN,)}
        for n in ("attention.output.LayerNorm", "output.LayerNorm"):
            want |= {p + n + ".weight": (HIDDEN,), p + n + ".bias": (HIDDEN,)}
    for name, shape in want.items():
        if name not in w:
            raise WeightsError(f"missing tensor {name}")
        got = w[name].shape
        if len(got) != len(shape) or any(s is not None and s != g for s, g in zip(shape, got, strict=True)):
            raise WeightsError(f"tensor {name} has shape {got}, expected {shape}")


def build_graph(weights: dict[str, np.ndarray]) -> Any:
    """The ONNX model (opset 17): inputs input_ids, attention_mask, token_type_ids (int64, [batch, seq]);
    output `embedding` ([batch, 384], unit length)."""
    from onnx import TensorProto, helper, numpy_helper

    _check_shapes(weights)
    nodes: list[Any] = []
    inits: list[Any] = []
    count = [0]

    def fresh(stem: str) -> str:
        count[0] += 1
        return f"{stem}_{count[0]}"

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, *inputs: str, **attrs: Any) -> str:
        out = fresh(kind.lower())
        nodes.append(helper.make_node(kind, list(inputs), [out], name=out, **attrs))
        return out

    def w(name: str) -> str:
        return const(name, weights[name])

    def linear(x: str, prefix: str) -> str:
        # torch keeps Linear weights as [out, in]; MatMul wants [in, out]. A MatMul on an initializer
        # is what dynamic quantization turns into int8.
        kernel = const(prefix + ".weight_t", weights[prefix + ".weight"].T)
        return op("Add", op("MatMul", x, kernel), w(prefix + ".bias"))

    def norm(x: str, prefix: str) -> str:
        return op("LayerNormalization", x, w(prefix + ".weight"), w(prefix + ".bias"), axis=-1, epsilon=EPS)

    one = const("one_1d", np.array([1], np.int64))
    two = const("two_1d", np.array([2], np.int64))
    # Positions by Gather, as the torch export has them: dynamic quantization then treats all three
    # embedding tables alike and the int8 model matches the one quantized from the torch export.
    seq_len = op("Slice", op("Shape", "input_ids"), one, two)
    steps = op("Slice", const("position_ids", np.arange(weights["embeddings.position_embeddings.weight"].shape[0],
                                                         dtype=np.int64)[None, :]),
               const("zero_1d", np.array([0], np.int64)), seq_len, one)
    positions = op("Gather", w("embeddings.position_embeddings.weight"), steps)
    x = op("Add", op("Add", op("Gather", w("embeddings.word_embeddings.weight"), "input_ids"), positions),
           op("Gather", w("embeddings.token_type_embeddings.weight"), "token_type_ids"))
    x = norm(x, "embeddings.LayerNorm")

    mask = op("Cast", "attention_mask", to=TensorProto.FLOAT)
    # As transformers does: padded keys get the most negative float before the softmax.
    one_f = const("one_f", np.array(1.0, np.float32))
    bias = op("Mul", op("Sub", one_f, mask),
              const("neg_f", np.array(np.finfo(np.float32).min, np.float32)))
    bias = op("Unsqueeze", bias, const("axes_1_2", np.array([1, 2], np.int64)))
    heads = const("heads_shape", np.array([0, 0, HEADS, HEAD_DIM], np.int64))
    merged = const("merged_shape", np.array([0, 0, HIDDEN], np.int64))
    scale = const("scale_f", np.array(1.0 / np.sqrt(HEAD_DIM), np.float32))
    sqrt2 = const("sqrt2_f", np.array(np.sqrt(2.0), np.float32))
    half = const("half_f", np.array(0.5, np.float32))

    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        q = op("Transpose", op("Reshape", linear(x, p + "attention.self.query"), heads), perm=[0, 2, 1, 3])
        k = op("Transpose", op("Reshape", linear(x, p + "attention.self.key"), heads), perm=[0, 2, 3, 1])
        v = op("Transpose", op("Reshape", linear(x, p + "attention.self.value"), heads), perm=[0, 2, 1, 3])
        scores = op("Add", op("Mul", op("MatMul", q, k), scale), bias)
        ctx = op("MatMul", op("Softmax", scores, axis=-1), v)
        ctx = op("Reshape", op("Transpose", ctx, perm=[0, 2, 1, 3]), merged)
        x = norm(op("Add", linear(ctx, p + "attention.output.dense"), x), p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        h = op("Mul", op("Mul", h, half), op("Add", op("Erf", op("Div", h, sqrt2)), one_f))  # exact GELU
        x = norm(op("Add", linear(h, p + "output.dense"), x), p + "output.LayerNorm")

    # Mean over the real tokens, then unit length (sentence-transformers' pooling and Normalize).
    m = op("Unsqueeze", mask, two)
    total = op("ReduceSum", op("Mul", x, m), one, keepdims=0)
    counted = op("Max", op("ReduceSum", m, one, keepdims=0), const("tiny_f", np.array(1e-9, np.float32)))
    pooled = op("Div", total, counted)
    length = op("Max", op("Sqrt", op("ReduceSum", op("Mul", pooled, pooled), one, keepdims=1)),
                const("eps_f", np.array(1e-12, np.float32)))
    nodes.append(helper.make_node("Div", [pooled, length], ["embedding"], name="embedding"))

    ints = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"])
            for n in ("input_ids", "attention_mask", "token_type_ids")]
    out = [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN])]
    graph = helper.make_graph(nodes, "all-MiniLM-L6-v2", ints, out, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="sectorbot")
    model.ir_version = 8
    return model


def reference_embed(weights: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray,
                    types: np.ndarray) -> np.ndarray:
    """The same encoder in plain numpy (float64), written independently of the graph above: the
    provisioning refuses a graph that disagrees with it."""
    from math import erf

    vec_erf = np.vectorize(erf)

    def get(name: str) -> np.ndarray:
        return weights[name].astype(np.float64)

    def layer_norm(x: np.ndarray, prefix: str) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + EPS) * get(prefix + ".weight") + get(prefix + ".bias")

    def dense(x: np.ndarray, prefix: str) -> np.ndarray:
        return x @ get(prefix + ".weight").T + get(prefix + ".bias")

    batch, seq = ids.shape
    x = (get("embeddings.word_embeddings.weight")[ids] + get("embeddings.position_embeddings.weight")[:seq]
         + get("embeddings.token_type_embeddings.weight")[types])
    x = layer_norm(x, "embeddings.LayerNorm")
    keep = mask.astype(bool)[:, None, None, :]
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(batch, seq, HEADS, HEAD_DIM).transpose(0, 2, 1, 3)

        q, k, v = (split(dense(x, p + f"attention.self.{n}")) for n in ("query", "key", "value"))
        scores = np.where(keep, q @ k.transpose(0, 1, 3, 2) / np.sqrt(HEAD_DIM), -np.inf)
        probs = np.exp(scores - scores.max(-1, keepdims=True))
        probs /= probs.sum(-1, keepdims=True)
        ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, seq, HIDDEN)
        x = layer_norm(dense(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = dense(x, p + "intermediate.dense")
        h = 0.5 * h * (1.0 + vec_erf(h / np.sqrt(2.0)))
        x = layer_norm(dense(h, p + "output.dense") + x, p + "output.LayerNorm")
    m = mask[:, :, None].astype(np.float64)
    pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)
