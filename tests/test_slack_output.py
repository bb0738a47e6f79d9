"""What the bot sends to Slack (issue 14, items 8 and 9): every string escaped the same way, whether it
came from a clause or a language model's claim; sections within Slack's limit however many `&<>`
they hold; a refused post never leaves the placeholder behind. Real Bolt app, real index, the
recording Slack Web API and the scripted OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt import BoltRequest

from bot.slack.app import build_app
from bot.slack.blocks import answer_blocks, fallback_text
from bot.slack.reply import SEARCHING, SORRY
from harness.fakes import FakeBackend
from harness.servers import FakeOpenAI, FakeSlack, mention, signed_headers
from retrieval import Service
from retrieval.core.models import Answer, Citation
from tests.conftest import make_settings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
HOSTILE = ["<@U0ADMIN>", "<!subteam^S0ADMINS|@admins>", "<#C0SECRET>", "<https://evil.example|click here>"]
CLAUSE = ("1 The monitoring of satellite spectrum interference is handled by ITU-R Study Group 1, and urgent "
          f"cases go to {HOSTILE[0]} and {HOSTILE[1]} in {HOSTILE[2]}; see {HOSTILE[3]} for the form.")
QUOTE = "The monitoring of satellite spectrum interference is handled by ITU-R Study Group 1"
QUESTION = "Who monitors satellite spectrum interference?"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _signed(body: str) -> BoltRequest:
    return BoltRequest(body=body, headers={k.lower(): [v] for k, v in signed_headers(body, SECRET).items()})


def _sent_to_slack(slack: FakeSlack) -> list[tuple[str, str]]:
    with slack.lock:
        return [(m, json.dumps(p, ensure_ascii=False)) for m, p in slack.calls if m.startswith("chat.")]


def _raw_markup(text: str) -> list[str]:
    # json.dumps of a params dict whose blocks are themselves a JSON string doubles the escaping of
    # quotes only; `<` and `>` stay as they are, so a raw mention shows up verbatim.
    return [h for h in HOSTILE if h in text or h.split("|")[0] in text]


def test_clause_text_and_llm_claims_are_escaped_everywhere(tmp_path: Path, slack: FakeSlack,
                                                           llm: FakeOpenAI) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hostile-note.txt").write_text("Coordination note on satellite spectrum monitoring\n\n" + CLAUSE
                                           + "\n\n2 Administrations report harmful interference to satellite "
                                             "networks through the Radiocommunication Bureau.\n")
    settings = make_settings(tmp_path / "data", slack_api_url=slack.base_url, SLACK_BOT_TOKEN="xoxb-test-token",
                             SLACK_SIGNING_SECRET=SECRET, openai_base_url=llm.base_url, llm_timeout=10)
    service = Service(settings)
    assert not service.ingest([docs / "hostile-note.txt"]).failed
    clause_id = next(c.clause_id for c in service.engine.catalog().clauses if "U0ADMIN" in c.text)
    claim = (f"Satellite spectrum interference monitoring is handled by ITU-R Study Group 1; ask {HOSTILE[0]} "
             f"or {HOSTILE[1]} in {HOSTILE[2]}, {HOSTILE[3]}.")
    llm.replies += [{"claims": [{"text": claim, "clause_id": clause_id, "quote": QUOTE}], "sectors": ["ITU-R"]},
                    ("status", 500)]  # the second question is answered extractively, from the clause text
    app = build_app(settings, service)
    for n in (1, 2):
        assert app.dispatch(_signed(mention(QUESTION, event_id=f"EvHostile{n}", channel=f"C{n}"))).status == 200
        slack.wait_for("chat.update", n, timeout=60)
    modes = [json.loads(p["blocks"]) if isinstance(p["blocks"], str) else p["blocks"]
             for p in slack.named("chat.update")]
    footers = [b["elements"][0]["text"] for m in modes for b in m if b["type"] == "context"]
    assert any("language model" in f for f in footers) and any("extractive answer" in f for f in footers)
    sent = _sent_to_slack(slack)
    assert all(not _raw_markup(params) for _, params in sent), [(m, _raw_markup(p)) for m, p in sent]
    updates = " ".join(p for m, p in sent if m == "chat.update")
    assert "&lt;@U0ADMIN&gt;" in updates and "&lt;#C0SECRET&gt;" in updates  # shown, as inert text
    texts = [p["text"] for p in slack.named("chat.update")]
    assert all("&lt;@U0ADMIN&gt;" in t and "<@" not in t for t in texts), texts  # the fallback text too
    # "Show clause" opens the full text in a modal: escaped the same way.
    payload = {"type": "block_actions", "user": {"id": "U42"}, "channel": {"id": "C1"}, "team": {"id": "T1"},
               "trigger_id": "trig", "api_app_id": "A1", "container": {"type": "message"},
               "actions": [{"action_id": "show_clause", "value": clause_id, "type": "button", "block_id": "b",
                            "action_ts": "1"}]}
    form = urllib.parse.urlencode({"payload": json.dumps(payload)})
    headers = signed_headers(form, SECRET, content_type="application/x-www-form-urlencoded")
    assert app.dispatch(BoltRequest(body=form, headers={k.lower(): [v] for k, v in headers.items()})).status == 200
    view = json.dumps(slack.wait_for("views.open")[0], ensure_ascii=False)
    assert "&lt;@U0ADMIN&gt;" in view and not _raw_markup(view), _raw_markup(view)


def test_escaping_heavy_text_stays_within_section_limits() -> None:
    heavy = "<&>" * 4000
    cit = Citation(clause_id="d#p1", display="Note, para. 1", doc_id="d", part="para", label="1",
                   quote="&" * 5000 + " <b>" * 800)
    blocks = [b for m in answer_blocks(Answer(question="q", text=heavy + "\n" + heavy, citations=[cit] * 3))
              for b in m]
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert sections and max(len(s) for s in sections) <= 3000, max(len(s) for s in sections)
    assert sum(s.count("&amp;") for s in sections) >= 2 * 4000 + 3 * 5000  # nothing dropped
    assert len(fallback_text(Answer(question="q", text=heavy))) <= 3000


def test_heavy_answer_is_accepted_by_slack(tmp_path: Path, slack: FakeSlack) -> None:
    heavy = "Clause text with <tags> & ampersands > everywhere. " * 200 + "<&>" * 3000
    cit = Citation(clause_id="d#p1", display="Note <&>, para. 1", doc_id="d", part="para", label="1",
                   quote="& < > " * 1500)
    app = _app(tmp_path, slack, lambda q: Answer(question=q, text=heavy, citations=[cit]))
    assert app.dispatch(_signed(mention("anything", event_id="EvHeavy"))).status == 200
    update = slack.wait_for("chat.update")[0]
    assert update["text"] != SORRY and "&amp;" in update["text"]


def test_refused_post_replaces_the_placeholder(tmp_path: Path, slack: FakeSlack) -> None:
    slack.fail_blocks = True  # Slack answers invalid_blocks to anything with blocks
    app = _app(tmp_path, slack, lambda q: Answer(question=q, text="a fine answer"))
    assert app.dispatch(_signed(mention("anything", event_id="EvRefused"))).status == 200
    placeholder = slack.wait_for("chat.postMessage")[0]
    assert placeholder["text"] == SEARCHING
    deadline = time.time() + 20
    while time.time() < deadline and not any(u.get("text") == SORRY for u in slack.named("chat.update")):
        time.sleep(0.05)
    updates = slack.named("chat.update")
    assert updates[-1]["text"] == SORRY, updates
    assert len(updates) == 2  # the refused answer, then the apology in its place


def _app(tmp_path: Path, slack: FakeSlack, answer: Any) -> Any:
    settings = make_settings(tmp_path, slack_api_url=slack.base_url, SLACK_BOT_TOKEN="xoxb-test-token",
                             SLACK_SIGNING_SECRET=SECRET)
    return build_app(settings, FakeBackend(answer=answer))


def test_a_slash_command_the_bot_cannot_post_for_is_answered_through_its_response_url(
        tmp_path: Path, slack: FakeSlack) -> None:
    """From a Slack/LLM trial: `/sector ask …` in a channel the bot has not joined (chat.postMessage →
    not_in_channel) got no reply at all."""
    slack.fail_methods = {"chat.postMessage": "not_in_channel"}
    app = _app(tmp_path, slack, lambda q: Answer(question=q, text="a fine answer"))
    form = urllib.parse.urlencode({"command": "/sector", "text": "ask who reports to TSAG?", "user_id": "U1",
                                   "channel_id": "C777", "team_id": "T1", "response_url": slack.response_url,
                                   "trigger_id": "t"})
    req = BoltRequest(body=form, headers={**{k.lower(): [v] for k, v in signed_headers(form, SECRET).items()},
                                          "content-type": ["application/x-www-form-urlencoded"]})
    assert app.dispatch(req).status == 200
    sent = slack.wait_for("response")
    assert sent and "a fine answer" in json.dumps(sent[0]), slack.calls


def test_a_refused_update_still_leaves_the_answer_not_the_placeholder(tmp_path: Path, slack: FakeSlack) -> None:
    """From a Slack/LLM trial: when chat.update failed twice the "Searching…" placeholder stayed for good."""
    slack.fail_methods = {"chat.update": "cant_update_message"}
    app = _app(tmp_path, slack, lambda q: Answer(question=q, text="a fine answer"))
    assert app.dispatch(_signed(mention("anything", event_id="EvNoUpdate"))).status == 200
    posts = slack.wait_for("chat.postMessage", count=2)
    assert posts[0]["text"] == SEARCHING and "a fine answer" in posts[1]["text"], posts
    assert slack.wait_for("chat.delete"), slack.calls  # the placeholder removed
