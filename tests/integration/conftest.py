"""Integration fixtures: one real Dovecot per session, one fresh mailbox per test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.integration.dovecot import Dovecot, running_dovecot
from tests.integration.harnesses import HARNESSES, Harness
from tests.integration.smtp_server import certificates_dir, server_starter

# a live language-model server is the user's own: its test is collected only when one is named
collect_ignore = [] if os.environ.get("ASSISTANT_LLM_LIVE_URL") and os.environ.get("ASSISTANT_LLM_LIVE_MODEL") \
    else ["test_llm_live.py"]


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    with running_dovecot() as server:
        yield server


@pytest.fixture(params=sorted(HARNESSES))
def harness(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """The same mailbox content behind each kind of source."""
    kind = request.param
    server = request.getfixturevalue("dovecot") if kind == "imap" else None
    instance = HARNESSES[kind](tmp_path_factory.mktemp(kind), server)
    yield instance
    instance.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything here talks to a real server: `-m 'not integration'` leaves it out of the fast loop."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.integration)


# a real SMTP server on loopback (see smtp_server.py), for any integration test that asks for it
certificates = pytest.fixture(scope="module", name="certificates")(certificates_dir)
start_server = pytest.fixture(name="start_server")(server_starter)
