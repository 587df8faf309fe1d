"""A real SMTP server for the integration tests: aiosmtpd on 127.0.0.1 with a throwaway CA, AUTH,
and scripted answers (temporary and permanent refusals, a connection dropped after DATA).

Under CI=true a server that cannot start fails the test instead of skipping it."""

from __future__ import annotations

import base64
import os
import ssl
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from tests.integration.dovecot import free_port, make_certificates

USER, PASSWORD = "ana", "correct horse battery staple"


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"SMTP test server did not start: {reason}")
    pytest.skip(f"SMTP test server unavailable: {reason}")


@dataclass
class Handler:
    """Keeps every envelope the server accepted and every AUTH attempt it saw.

    script: how the next messages are answered, one entry each ("250 OK" once the script is used up):
    an SMTP reply ("451 4.3.0 try later"), or "drop" (close the connection without answering, after
    the whole message arrived). on_data runs before each answer (a test fills the disk there)."""

    envelopes: list[Envelope] = field(default_factory=list)
    logins: list[bytes] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    script: list[str] = field(default_factory=list)
    on_data: Callable[[Envelope], None] | None = None
    seen: int = 0  # messages that arrived whole, whatever the answer

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:  # noqa: N802
        with self.lock:
            self.seen += 1
            answer = self.script.pop(0) if self.script else "250 OK"
            if answer.startswith("250"):
                self.envelopes.append(envelope)
        if self.on_data is not None:
            self.on_data(envelope)
        if answer == "drop":
            server.transport.close()
            return "250 OK"  # never reaches the client: the connection is gone
        return answer

    credentials: tuple[str, str] = (USER, PASSWORD)  # the one login AUTH PLAIN/LOGIN accepts
    oauth_check: Callable[[str, str], bool] | None = None  # (user, bearer token) -> accepted?
    challenged: int = 0  # refused XOAUTH2 logins whose error challenge the client answered with an empty line

    async def auth_XOAUTH2(self, server: Any, args: list[str]) -> AuthResult:  # noqa: N802
        """SASL XOAUTH2 with the initial response on the AUTH line (as the assistant sends it)."""
        try:
            raw = base64.b64decode(args[1], validate=True).decode() if len(args) > 1 else ""
        except (ValueError, UnicodeDecodeError):
            raw = ""
        fields = dict(part.split("=", 1) for part in raw.split("\x01") if "=" in part)
        user, token = fields.get("user", ""), fields.get("auth", "").removeprefix("Bearer ")
        with self.lock:
            self.logins.append(user.encode())
        accepted = bool(user and token and self.oauth_check is not None and self.oauth_check(user, token))
        if not accepted:  # as Gmail and Outlook do: a 334 with the error in JSON, then 535 after the empty answer
            error = base64.b64encode(b'{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}')
            answer = await server.challenge_auth(error.decode(), encode_to_b64=False)
            with self.lock:
                self.challenged += answer == b""
        return AuthResult(success=accepted, handled=False)

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        with self.lock:
            self.logins.append(data.login)
        # handled=False: aiosmtpd sends the 235/535 reply itself
        user, password = self.credentials
        return AuthResult(success=data.login == user.encode() and data.password == password.encode(),
                          handled=False)


@dataclass
class Server:
    port: int
    handler: Handler
    ca_file: str


def certificates_dir() -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix="smtp-test-"))
    try:
        make_certificates(directory)
    except (OSError, subprocess.CalledProcessError) as exc:
        unavailable(f"openssl could not make a test CA: {exc}")
    yield directory
    for child in directory.iterdir():
        child.unlink()
    directory.rmdir()


def server_context(certificates: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / "server.crt", certificates / "server.key")
    return context


def server_starter(certificates: Path) -> Iterator[Callable[..., Server]]:
    """Starts an aiosmtpd Controller on a free loopback port; stopped after the test."""
    running: list[Controller] = []

    def start(mode: str = "starttls") -> Server:
        handler = Handler()
        port = free_port()  # Controller cannot take port 0
        options: dict[str, Any] = {"authenticator": handler.authenticate, "auth_required": True}
        if mode == "starttls":
            options.update(tls_context=server_context(certificates), require_starttls=True)
        elif mode == "implicit":
            # aiosmtpd counts only STARTTLS as TLS for AUTH; this whole connection is TLS
            options.update(ssl_context=server_context(certificates), auth_require_tls=False)
        else:  # "plain": offers AUTH without any TLS, which the client must refuse to use
            options.update(auth_require_tls=False)
        controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=10, **options)
        try:
            controller.start()
        except (OSError, RuntimeError, TimeoutError) as exc:
            unavailable(f"aiosmtpd on 127.0.0.1:{port}: {exc}")
        running.append(controller)
        return Server(port, handler, str(certificates / "ca.crt"))

    yield start
    for controller in running:
        controller.stop()


