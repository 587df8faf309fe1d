"""Sending mail: the Mailer interface and SmtpMailer (implicit TLS or required STARTTLS). IO.

Certificates are always verified (smtplib does not verify unless given a context), the password is
fetched only once TLS is up, and the envelope recipients are always the explicit `to` list, never
taken from the message's headers. Every failure is one DeliveryError line naming host:port.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from typing import Literal, Protocol

from assistant.addresses import is_valid_email
from assistant.errors import DeliveryError, network_problem

logger = logging.getLogger(__name__)

Security = Literal["ssl", "starttls"]


class Mailer(Protocol):
    """Something that delivers a finished message to explicit envelope recipients."""

    def send(self, message: EmailMessage, to: Sequence[str]) -> None: ...


class SmtpMailer:
    """Delivers over SMTP with TLS: "ssl" (implicit TLS, usually 465) or "starttls" (587, required)."""

    def __init__(self, host: str, port: int, security: Security, username: str, password: Callable[[], str],
                 ca_file: str | None = None, timeout: float = 30.0, envelope_from: str | None = None) -> None:
        if security not in ("ssl", "starttls"):
            raise ValueError(f"security must be 'ssl' or 'starttls', not {security!r}")
        self.host, self.port, self.security = host, port, security
        self.username, self._password = username, password
        self.ca_file, self.timeout = ca_file, timeout
        self.envelope_from = envelope_from  # None: smtplib uses the From address we wrote ourselves
        self.where = f"{host}:{port}"

    def send(self, message: EmailMessage, to: Sequence[str]) -> None:
        """Deliver message to exactly the addresses in `to`; raises DeliveryError."""
        recipients = list(to)
        if not recipients or not all(is_valid_email(r) for r in recipients):
            raise DeliveryError(f"{self.where}: refusing to send: invalid or missing recipients")
        context = self._context()
        try:
            client = self._connect(context)
        except DeliveryError:
            raise
        except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
            raise self._error(exc) from None
        try:
            self._deliver(client, context, message, recipients)
        except DeliveryError:
            client.close()
            raise
        except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
            client.close()
            raise self._error(exc) from None
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):  # the message was accepted; a rude goodbye changes nothing
            client.close()
        logger.info("%s: digest delivered to %d recipient(s)", self.where, len(recipients))

    def _context(self) -> ssl.SSLContext:
        try:
            return ssl.create_default_context(cafile=self.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise DeliveryError(f"{self.where}: cannot read CA file {self.ca_file} ({exc})") from None

    def _connect(self, context: ssl.SSLContext) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def _deliver(self, client: smtplib.SMTP, context: ssl.SSLContext, message: EmailMessage,
                 recipients: list[str]) -> None:
        client.ehlo()
        if self.security == "starttls":
            if not client.has_extn("starttls"):
                raise DeliveryError(f"{self.where}: server does not offer STARTTLS; refusing to send "
                                    "unencrypted (use security = \"ssl\" if the server has implicit TLS)")
            client.starttls(context=context)
            client.ehlo()
        if self.username:
            self._login(client)
        refused = client.send_message(message, from_addr=self.envelope_from, to_addrs=recipients)
        if refused:
            raise DeliveryError(f"{self.where}: server refused {len(refused)} of {len(recipients)} recipient(s)")

    def _login(self, client: smtplib.SMTP) -> None:
        if not client.has_extn("auth"):
            raise DeliveryError(f"{self.where}: server offers no AUTH after TLS; cannot log in as {self.username}")
        secret = self._password()  # only now: TLS is up and the certificate verified
        try:
            client.login(self.username, secret)
        except smtplib.SMTPAuthenticationError as exc:
            reason = _server_text(exc).replace(secret, "***") if secret else _server_text(exc)
            raise DeliveryError(f"{self.where}: login failed for {self.username} "
                                f"(check the password command; server said: {reason})") from None
        except smtplib.SMTPException as exc:
            reason = _server_text(exc).replace(secret, "***") if secret else _server_text(exc)
            raise DeliveryError(f"{self.where}: login as {self.username} not possible ({reason})") from None
        finally:
            del secret

    def _error(self, exc: BaseException) -> DeliveryError:
        where = self.where
        problem = network_problem(exc, self.host, self.port, timeout=self.timeout, ca_file=self.ca_file)
        if problem:
            return DeliveryError(problem)
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            return DeliveryError(f"{where}: server refused the recipient")
        if isinstance(exc, smtplib.SMTPSenderRefused):
            return DeliveryError(f"{where}: server refused the sender ({_server_text(exc)})")
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return DeliveryError(f"{where}: server closed the connection")
        if isinstance(exc, smtplib.SMTPResponseException):
            return DeliveryError(f"{where}: server said {_server_text(exc)}")
        if isinstance(exc, OSError):
            return DeliveryError(f"{where}: {exc.strerror or type(exc).__name__}")
        return DeliveryError(f"{where}: {type(exc).__name__}")


def _server_text(exc: BaseException) -> str:
    """The server's reply as one short line."""
    code = getattr(exc, "smtp_code", None)
    raw = getattr(exc, "smtp_error", b"")
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw or "")
    text = " ".join(text.split())[:200]
    return f"{code} {text}".strip() if code else (text or type(exc).__name__)
