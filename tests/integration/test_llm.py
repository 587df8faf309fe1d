"""[llm] end to end: the digest asks an OpenAI-compatible server on 127.0.0.1 (a fake that replays
recorded answers) about its best introductions; a clear "no" leaves one out, max_calls holds, and a
server error or an answer off the schema changes nothing. A live test runs only when
ASSISTANT_LLM_LIVE_URL and ASSISTANT_LLM_LIVE_MODEL name a server."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.fake_http import JsonHandler, serve

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assistant" / "sample" / "Maildir"
RECORDED = json.loads((Path(__file__).parent / "data" / "llm_answers.json").read_text())
NOW = "2026-11-25T09:00:00+00:00"


class FakeLlm:
    def __init__(self, mode: str = "replay") -> None:
        self.mode, self.prompts = mode, []
        fake = self

        class Handler(JsonHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.prompts.append(body)
                if fake.mode == "error":
                    self.send_json(500, {"error": {"message": "model not loaded"}})
                    return
                if fake.mode == "redirect":  # never followed: the prompt goes to the configured URL only
                    self.send_redirect(307, "http://127.0.0.1:9/v1/chat/completions")
                    return
                prompt = body["messages"][-1]["content"]
                content = next((a["content"] for a in RECORDED["answers"] if a["when"] in prompt), RECORDED["default"])
                if fake.mode == "off-schema":
                    content = '{"verdict": "no"}'
                answer = copy.deepcopy(RECORDED["envelope"])
                answer["choices"][0]["message"]["content"] = content
                self.send_json(200, answer)

        self.server = serve(Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@pytest.fixture
def fake() -> Iterator[FakeLlm]:
    server = FakeLlm()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample mailbox synced once (cue patterns: quick), shared by the tests (each copies it)."""
    root = tmp_path_factory.mktemp("llm")
    config = root / "settings.toml"
    config.write_text(settings(root, ""))
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), "sync", "--now", NOW],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return root


def settings(root: Path, llm: str) -> str:
    return (f'[owner]\nname = "Alex Morgan"\nemail = "alex@morgan-advisory.example"\n'
            f'aliases = ["alex.morgan@mail.example"]\n[mailbox]\nurl = "maildir://{SAMPLE}"\n'
            f'[store]\npath = "{root / "state" / "state.json"}"\n[understanding]\nmodel = "off"\n{llm}')


def digest(synced: Path, llm: str) -> tuple[list[str], subprocess.CompletedProcess[str]]:
    config = synced / f"settings-{abs(hash(llm))}.toml"
    config.write_text(settings(synced, llm))
    # a proxy in the environment is never used: it would see the mail text and the key
    env = {**os.environ, "http_proxy": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "no_proxy": ""}
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), "digest", "--json",
                           "--now", NOW], capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    helpers = [d["to"][0]["email"] for item in json.loads(proc.stdout)["intros"] for d in item["drafts"][:1]]
    return helpers, proc


def test_a_clear_no_leaves_an_introduction_out(synced, fake):
    local, _ = digest(synced, "")
    assert "elena@petrovabooks.example" in local
    helpers, proc = digest(synced, f'[llm]\nurl = "{fake.url}"\nmodel = "llama3.1:8b"\n')
    assert "elena@petrovabooks.example" not in helpers and set(helpers) - set(local)  # the next one moves up
    assert all(h in helpers for h in local if h != "elena@petrovabooks.example")
    request = fake.prompts[0]
    assert request["model"] == "llama3.1:8b" and request["temperature"] == 0
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["schema"]["required"] == ["asks_for_help", "helper_fits",
                                                                                "reason"]
    assert "left out an introduction" in proc.stderr


def test_max_calls_is_a_hard_limit(synced, fake):
    digest(synced, f'[llm]\nurl = "{fake.url}"\nmodel = "m"\nmax_calls = 1\n')
    assert len(fake.prompts) == 1


@pytest.mark.parametrize("mode", ["error", "off-schema", "redirect"])
def test_a_failing_or_odd_server_changes_nothing_and_is_asked_once(synced, fake, mode):
    local, _ = digest(synced, "")
    fake.mode = mode
    helpers, proc = digest(synced, f'[llm]\nurl = "{fake.url}"\nmodel = "m"\n')
    assert helpers == local and len(fake.prompts) == 1
    assert "gave no usable answer" in proc.stderr and "keeps its own judgement" in proc.stderr


def test_with_llm_on_only_its_url_is_contacted(synced, fake, tmp_path):
    """The audit hook of test_connections.py: a digest with [llm] connects to the model server only."""
    port = fake.url.split(":")[2].split("/")[0]
    config = synced / "settings-audited.toml"
    config.write_text(settings(synced, f'[llm]\nurl = "{fake.url}"\nmodel = "m"\n'))
    log = tmp_path / "audit.log"
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "integration" / "audited_run.py"), "--config",
                           str(config), "digest", "--json", "--now", NOW], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, env={**os.environ, "AUDIT_LOG": str(log)})
    assert proc.returncode == 0, proc.stderr
    seen = set(log.read_text().splitlines())
    assert seen and seen <= {f"connect 127.0.0.1 {port}", f"lookup 127.0.0.1 {port}"}, seen
