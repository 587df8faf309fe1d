"""Exceptions named after what failed; cli.py is the one place they become messages."""

from __future__ import annotations

import socket
import ssl


class AssistantError(Exception):
    """Base of every error the user is meant to see as one clear line."""


class UserError(AssistantError):
    """Bad settings or arguments; carries every problem found at once."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


class MailboxError(AssistantError):
    """The mailbox could not be read (host, login, certificate, folder, path)."""


class AuthenticationError(MailboxError):
    """The server refused the credentials."""


class OAuth2Error(AuthenticationError):
    """The OAuth2 sign-in cannot be used: no tokens yet, revoked, refused, or the provider unreachable."""


class DeliveryError(AssistantError):
    """Mail could not be sent.

    maybe_delivered: the connection failed after the whole message was sent and before the
    server answered, so it may have been delivered (never retry such a send on its own).
    permanent: the server refused with a 5xx code (retrying will not help)."""

    def __init__(self, message: str, *, maybe_delivered: bool = False, permanent: bool = False) -> None:
        super().__init__(message)
        self.maybe_delivered = maybe_delivered
        self.permanent = permanent


class StoreError(AssistantError):
    """The state file is unreadable, locked by another process or could not be written."""


class CommandError(AssistantError):
    """A password command or other helper program failed."""


class MessageRefused(AssistantError):
    """A message the parser will not understand (not an email, too deeply nested, ...).

    internal: the refusal comes from an unexpected error in the assistant's own code, not from
    the message; the pipeline stops rather than record many of those as refused.
    """

    def __init__(self, reason: str, internal: bool = False) -> None:
        super().__init__(reason)
        self.internal = internal


def network_problem(exc: BaseException, host: str, port: int, *, timeout: float, ca_file: str | None) -> str | None:
    """One line for a failure to reach a server or set up TLS with it, naming host and port (never a
    secret); None when exc is not such a failure. Shared by the IMAP and SMTP edges."""
    where = f"{host}:{port}"
    if isinstance(exc, socket.gaierror):
        return f"{where}: cannot resolve host {host}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        if "mismatch" in str(exc.verify_message):
            return f"{where}: certificate not trusted (it is not for host {host})"
        hint = f"; CA file {ca_file}" if ca_file else "; set ca_file if the server uses its own CA"
        return f"{where}: certificate not trusted ({exc.verify_message}{hint})"
    if isinstance(exc, ConnectionRefusedError):
        return f"{where}: connection refused"
    if isinstance(exc, ssl.SSLError):
        if "WRONG_VERSION_NUMBER" in str(exc) or "wrong version number" in str(exc):
            return (f"{where}: the server answers in plain text here, not TLS: use imap:// or smtp:// "
                    "(STARTTLS) for this port, or the TLS port (993 for IMAP, 465 for SMTP)")
        return f"{where}: TLS handshake failed ({exc.reason or exc}; is the port/security right?)"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return (f"{where}: no answer within {timeout:g} s (if this port expects TLS from the first byte, "
                "use imaps:// or smtps://; otherwise check the host, port and firewall)")
    return None


class ModelError(AssistantError):
    """The sentence model is missing, altered or cannot run (its package, its hash, its runtime)."""
