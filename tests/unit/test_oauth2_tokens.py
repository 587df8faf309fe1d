"""The OAuth2 token file and TokenSource without a provider: 0600, whole-or-nothing, a fresh token used
as it is (no request), one clear line for a file that cannot be used. The flows against a token
endpoint are in tests/integration/test_oauth2.py."""

from __future__ import annotations

import base64
import json

import pytest

from assistant.addresses import xoauth2
from assistant.errors import OAuth2Error
from assistant.mailbox.oauth2 import Client, TokenSource
from assistant.state.tokens import TokenFile, read_tokens, token_path, write_tokens

CLIENT = Client("custom", "client-1", "http://127.0.0.1:9/token", "mail")  # port 9: nothing listens


def saved(expires_at: float, **extra: object) -> dict[str, object]:
    return {"client_id": "client-1", "account": "alex", "refresh_token": "rt-1", "access_token": "at-1",
            "expires_at": expires_at, **extra}


def test_the_token_file_is_private_and_sits_beside_the_state(tmp_path):
    path = token_path(tmp_path / "state.json")
    assert path.name == "state.json.oauth"
    write_tokens(path, saved(1000.0))
    assert path.stat().st_mode & 0o777 == 0o600 and read_tokens(path)["refresh_token"] == "rt-1"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json.oauth"]  # no draft left behind


def test_a_fresh_access_token_is_used_without_asking_the_provider(tmp_path):
    path = tmp_path / "s.oauth"
    write_tokens(path, saved(10_000.0))
    assert TokenSource(CLIENT, TokenFile(path), "alex", clock=lambda: 1_000.0)() == "at-1"


def test_a_token_near_expiry_is_refreshed_and_an_unreachable_provider_is_one_line(tmp_path):
    path = tmp_path / "s.oauth"
    write_tokens(path, saved(1_060.0))  # within the refresh margin at t=1000
    with pytest.raises(OAuth2Error, match=r"127\.0\.0\.1:9: the OAuth2 provider cannot be reached"):
        TokenSource(CLIENT, TokenFile(path), "alex", clock=lambda: 1_000.0)()
    assert read_tokens(path)["access_token"] == "at-1"  # the file is left as it was


@pytest.mark.parametrize("content, problem", [
    ("{not json", "cannot be read"),
    (json.dumps({"access_token": "x"}), "holds no refresh token"),
])
def test_an_unusable_token_file_says_to_run_auth(tmp_path, content, problem):
    path = tmp_path / "s.oauth"
    path.write_text(content)
    with pytest.raises(OAuth2Error, match=problem) as error:
        TokenSource(CLIENT, TokenFile(path), "alex")()
    assert "run.py auth" in str(error.value)


def test_tokens_of_another_account_or_client_are_not_used(tmp_path):
    path = tmp_path / "s.oauth"
    write_tokens(path, saved(10_000.0))
    with pytest.raises(OAuth2Error, match="another client or account"):
        TokenSource(CLIENT, TokenFile(path), "someone-else", clock=lambda: 1_000.0)()
    with pytest.raises(OAuth2Error, match="no OAuth2 sign-in yet"):
        TokenSource(CLIENT, TokenFile(tmp_path / "missing.oauth"), "alex")()


def test_the_xoauth2_response_is_the_one_gmail_and_outlook_expect():
    raw = xoauth2("alex@example.com", "ya29.token")
    assert raw == "user=alex@example.com\x01auth=Bearer ya29.token\x01\x01"
    assert base64.b64encode(raw.encode()).startswith(b"dXNlcj1hbGV4QGV4YW1wbGUuY29t")


@pytest.mark.slow
def test_a_silent_connection_cannot_hold_the_browser_sign_in_past_its_wait():
    """A browser's preconnect (a connection that sends nothing) must not keep the listener waiting."""
    import io
    import re
    import socket
    import threading
    import time

    from assistant.mailbox.oauth2 import browser_flow

    out = io.StringIO()
    outcome: list[BaseException] = []
    client = Client("custom", "client-1", "http://127.0.0.1:9/token", "mail",
                    authorize_url="http://127.0.0.1:9/authorize")

    def flow() -> None:
        try:
            browser_flow(client, "alex", out, wait=3)
        except OAuth2Error as exc:
            outcome.append(exc)

    worker = threading.Thread(target=flow, daemon=True)
    started = time.monotonic()
    worker.start()
    while "redirect_uri" not in out.getvalue():
        time.sleep(0.05)
    port = int(re.search(r"redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A(\d+)", out.getvalue()).group(1))
    with socket.create_connection(("127.0.0.1", port)):
        worker.join(15)
    assert not worker.is_alive() and time.monotonic() - started < 12
    assert outcome and "no answer from the browser within 3 s" in str(outcome[0])
