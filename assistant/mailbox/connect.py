"""Opening an IMAP session: verified TLS, STARTTLS required on plain ports, the password asked
for only once TLS is up, and failures as one line naming the host. IO.

Used by the mail source (mailbox/imap.py) and by the Sent copy of the digest (mailbox/sent_copy.py).
"""

from __future__ import annotations

import logging
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from assistant.addresses import xoauth2
from assistant.errors import AuthenticationError, MailboxError, network_problem
from assistant.mailbox.passwords import source_of

logger = logging.getLogger(__name__)

# What a dropped or timed-out connection looks like; IMAPClientAbortError is not an OSError.
DROPS = (IMAPClientAbortError, OSError, ssl.SSLError, socket.timeout, EOFError)


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    security: str  # "tls" (implicit) or "starttls"
    username: str
    password: Callable[[], str]  # asked only after TLS is up and the certificate verified
    ca_file: str | None = None
    timeout: float = 60.0

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def ssl_context(endpoint: Endpoint) -> ssl.SSLContext:
    """The system trust store, plus the configured CA file; never unverified."""
    context = ssl.create_default_context()
    if endpoint.ca_file:
        try:
            context.load_verify_locations(cafile=endpoint.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise MailboxError(f"{endpoint.where}: cannot read CA file {endpoint.ca_file} ({exc})") from None
    return context


def open_client(endpoint: Endpoint) -> IMAPClient:
    """A logged-in client. Network failures are raised as they are (see connection_error);
    a refused login is an AuthenticationError; the socket is closed on any failure."""
    context = ssl_context(endpoint)
    client = IMAPClient(endpoint.host, endpoint.port, ssl=endpoint.security == "tls", ssl_context=context,
                        timeout=SocketTimeout(connect=endpoint.timeout, read=endpoint.timeout))
    try:
        if endpoint.security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise MailboxError(f"{endpoint.where}: server does not offer STARTTLS; refusing to send the "
                                   "password unencrypted (use imaps if the server has it)")
            client.starttls(context)
        _login(client, endpoint)
    except BaseException:
        shutdown_quietly(client)
        raise
    logger.info("%s: logged in as %s", endpoint.where, endpoint.username)
    return client


def _login(client: IMAPClient, endpoint: Endpoint) -> None:
    if getattr(endpoint.password, "mechanism", "") == "XOAUTH2":
        _oauth2_login(client, endpoint)
        return
    secret = endpoint.password()
    try:
        if not secret.isascii():  # LOGIN cannot carry it; AUTH=PLAIN sends UTF-8
            if not client.has_capability("AUTH=PLAIN"):
                raise AuthenticationError(f"{endpoint.where}: the password has non-ASCII characters and the server "
                                          "offers no AUTH=PLAIN to send them")
            client.plain_login(endpoint.username, secret)
        else:
            client.login(endpoint.username, secret)
    except IMAPClientAbortError:
        raise
    except IMAPClientError as exc:
        reason = server_text(exc)
        if secret:
            reason = reason.replace(secret, "***")
        raise AuthenticationError(f"{endpoint.where}: login failed for {endpoint.username} "
                                  f"(check {source_of(endpoint.password)}; server said: {reason})") from None
    finally:
        del secret


def _oauth2_login(client: IMAPClient, endpoint: Endpoint) -> None:
    """AUTHENTICATE XOAUTH2 with a fresh access token; once more with a newly refreshed one if the
    server refuses a token that was still within its lifetime (revoked early, clock skew)."""
    if not client.has_capability("AUTH=XOAUTH2"):
        raise AuthenticationError(f"{endpoint.where}: the server does not offer XOAUTH2 sign-in; "
                                  "use a password instead of [mailbox] oauth2")
    tokens: Any = endpoint.password
    for attempt in (1, 2):
        token = tokens.token(force_refresh=attempt == 2)
        answered: list[bool] = []

        def respond(challenge: bytes, token: str = token, answered: list[bool] = answered) -> bytes:
            if answered:  # the server's error details: an empty answer ends the exchange
                return b""
            answered.append(True)
            return xoauth2(endpoint.username, token).encode()

        try:
            client._command_and_check("authenticate", "XOAUTH2", respond)
            return
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            reason = server_text(exc).replace(token, "***")
            if attempt == 2:
                raise AuthenticationError(f"{endpoint.where}: XOAUTH2 sign-in failed for {endpoint.username} "
                                          f"(check {source_of(endpoint.password)}; server said: {reason})") from None
            logger.info("%s: XOAUTH2 token refused; refreshing it once", endpoint.where)
        finally:
            del token


def connection_error(exc: BaseException, endpoint: Endpoint) -> MailboxError:
    """One line for a failure to reach or talk to the server: host and port, never a secret."""
    where = endpoint.where
    if isinstance(exc, MailboxError):
        return exc
    problem = network_problem(exc, endpoint.host, endpoint.port, timeout=endpoint.timeout, ca_file=endpoint.ca_file)
    if problem:
        return MailboxError(problem)
    if isinstance(exc, OSError):
        return MailboxError(f"{where}: {exc.strerror or exc}")
    return MailboxError(f"{where}: {server_text(exc) or type(exc).__name__}")


def server_text(exc: BaseException) -> str:
    """The server's words from an imaplib error, without Python's b'...' wrapping."""
    parts = []
    for arg in exc.args:
        text = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)
        parts.append(re.sub(r"""b(['"])(.*?)\1""", r"\2", text))
    return " ".join(parts).strip() or type(exc).__name__


def shutdown_quietly(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except (*DROPS, IMAPClientError) as exc:  # the socket may already be closed: nothing to do
        logger.debug("shutdown after failure: %s", exc)
