"""[llm] against a live model server, only when ASSISTANT_LLM_LIVE_URL and ASSISTANT_LLM_LIVE_MODEL
name one (conftest.py collects this file only then: it is not a test that skips in CI)."""

from __future__ import annotations

import os

import pytest

from tests.integration.test_llm import digest, synced  # noqa: F401 - the module's fixture, used below

pytestmark = pytest.mark.integration


def test_a_live_server_answers_within_the_schema(synced):  # noqa: F811
    url, model = os.environ["ASSISTANT_LLM_LIVE_URL"], os.environ["ASSISTANT_LLM_LIVE_MODEL"]
    _, proc = digest(synced, f'[llm]\nurl = "{url}"\nmodel = "{model}"\nmax_calls = 3\nallow_remote = true\n')
    assert "introduction(s) checked" in proc.stderr and "no usable answer" not in proc.stderr
