"""int8 weights for the ONNX MiniLM: dynamic quantization, per output channel. On real ITU clauses it
embeds about twice as fast as float32 (the embedder is what bounds ingest here) with a mean cosine of
0.99 to the float32 vectors and the same evaluation figures (README). Run at setup, in the app's own
environment: it needs onnx and onnxruntime, no torch."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

from retrieval.core.errors import ModelNotProvisioned

INT8_FILE = "model-int8.onnx"
# Sentences the way ITU texts and questions read; the quantized model must agree with float32 on them.
_CHECK = [
    "instructs the Director of the Telecommunication Standardization Bureau to report annually to TSAG",
    "Which Sector handles emergency telecommunications?",
    "considering that the Plenipotentiary Conference established the Inter-Sector Coordination Group",
    "Study Group 17 is responsible for building confidence and security in the use of ICTs.",
    "resolves 3 that the ITU-T, ITU-R and ITU-D advisory groups continue to identify topics of mutual interest",
    "Les messages de diffusion doivent être dans la langue du pays visité.",
    "A.1", "budget",
]
MIN_MEAN_COSINE, MIN_COSINE = 0.98, 0.95


def quantize(model_dir: Path) -> float:
    """Write model-int8.onnx beside model.onnx and return its mean cosine to float32 on the check
    sentences; refuse (and leave nothing) when the two disagree."""
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as e:
        raise ModelNotProvisioned(f"cannot quantize the embedding model: {e} (pip install onnx)") from e
    from retrieval.indexing.embedders import OnnxMiniLM

    target = model_dir / INT8_FILE
    partial = model_dir / f"{INT8_FILE}.{os.getpid()}.partial"  # two setups at once never share one
    logging.disable(logging.WARNING)  # its advice to pre-process is for static quantization of vision models
    try:
        quantize_dynamic(str(model_dir / "model.onnx"), str(partial), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        logging.disable(logging.NOTSET)
    try:
        want = OnnxMiniLM(model_dir, onnx_file="model.onnx").embed(_CHECK)
        got = OnnxMiniLM(model_dir, onnx_file=partial.name).embed(_CHECK)
        cosines = np.sum(want * got, axis=1)
        if cosines.mean() < MIN_MEAN_COSINE or cosines.min() < MIN_COSINE:
            raise ModelNotProvisioned(f"the int8 model disagrees with float32 (cosine mean {cosines.mean():.4f}, "
                                      f"min {cosines.min():.4f}); use SECTORBOT_EMBEDDER=onnx-minilm-fp32")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return float(cosines.mean())
