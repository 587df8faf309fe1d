"""Sending mail: the Mailer interface and SmtpMailer (implicit TLS or required STARTTLS). IO.

Certificates are always verified (smtplib does not verify unless given a context), the password is
fetched only once TLS is up, and the envelope recipients are always the explicit `to` list, never
taken from the message's headers. Every failure is one DeliveryError line naming host:port, and
says whether the message may have been delivered anyway: only a failure after the whole message
went out and before the server's answer leaves that doubt (see DeliveryError.maybe_delivered).
"""

from __future__ import annotations

import copy
import io
import logging
import re
import smtplib
import ssl
from collections.abc import Callable, Sequence
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from typing import Any, Literal, Protocol

from assistant.addresses import is_valid_email, xoauth2
from assistant.errors import AssistantError, DeliveryError, network_problem

logger = logging.getLogger(__name__)

Security = Literal["ssl", "starttls"]
_DOT_AT_LINE_START = re.compile(rb"^\.", re.M)
_CRLF = re.compile(rb"\r?\n")


class Mailer(Protocol):
    """Something that delivers a finished message to explicit envelope recipients."""

    def send(self, message: EmailMessage | bytes, to: Sequence[str]) -> None: ...


class SmtpMailer:
    """Delivers over SMTP with TLS: "ssl" (implicit TLS, usually 465) or "starttls" (587, required)."""

    def __init__(self, host: str, port: int, security: Security, username: str, password: Callable[[], str],
                 ca_file: str | None = None, timeout: float = 30.0, envelope_from: str | None = None) -> None:
        if security not in ("ssl", "starttls"):
            raise ValueError(f"security must be 'ssl' or 'starttls', not {security!r}")
        self.host, self.port, self.security = host, port, security
        self.username, self._password = username, password
        self.ca_file, self.timeout = ca_file, timeout
        self.envelope_from = envelope_from  # None: the From address we wrote ourselves
        self.where = f"{host}:{port}"

    def send(self, message: EmailMessage | bytes, to: Sequence[str]) -> None:
        """Deliver message (bytes are sent exactly as they are) to exactly the addresses in `to`;
        raises DeliveryError."""
        recipients = list(to)
        if not recipients or not all(is_valid_email(r) for r in recipients):
            raise DeliveryError(f"{self.where}: refusing to send: invalid or missing recipients")
        raw = _CRLF.sub(b"\r\n", message if isinstance(message, bytes) else _flatten(message))
        sender = self.envelope_from or _from_address(raw)
        if not is_valid_email(sender):
            raise DeliveryError(f"{self.where}: refusing to send: the message has no valid From address")
        context = self._context()
        try:
            client = self._connect(context)
        except DeliveryError:
            raise
        except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
            raise self._error(exc) from None
        phase = _Phase()
        try:
            self._deliver(client, context, raw, sender, recipients, phase)
        except DeliveryError:
            client.close()
            raise
        except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
            client.close()
            error = self._error(exc)
            error.maybe_delivered = phase.awaiting_answer
            raise error from None
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):  # the message was accepted; a rude goodbye changes nothing
            client.close()
        logger.info("%s: message delivered to %d recipient(s)", self.where, len(recipients))

    def _context(self) -> ssl.SSLContext:
        try:
            return ssl.create_default_context(cafile=self.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise DeliveryError(f"{self.where}: cannot read CA file {self.ca_file} ({exc})") from None

    def _connect(self, context: ssl.SSLContext) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def _deliver(self, client: smtplib.SMTP, context: ssl.SSLContext, message: bytes, sender: str,
                 recipients: list[str], phase: _Phase) -> None:
        client.ehlo()
        if self.security == "starttls":
            if not client.has_extn("starttls"):
                raise DeliveryError(f"{self.where}: server does not offer STARTTLS; refusing to send "
                                    "unencrypted (use an smtps:// url if the server has implicit TLS)")
            client.starttls(context=context)
            client.ehlo()
        if self.username:
            self._login(client)
        self._envelope(client, sender, recipients)
        self._data(client, message, phase)

    def _envelope(self, client: smtplib.SMTP, sender: str, recipients: list[str]) -> None:
        code, reply = client.mail(sender)
        if code != 250:
            raise self._refused(code, reply, f"refused the sender {sender}")
        answers = [(r, *client.rcpt(r)) for r in recipients]
        refused = [(r, code, reply) for r, code, reply in answers if code not in (250, 251)]
        if refused:
            # all or nothing: a partial delivery would leave the message half sent and unrepeatable
            _, code, reply = refused[0]
            client.rset()
            raise self._refused(code, reply, f"refused {len(refused)} of {len(recipients)} recipient(s)")

    def _data(self, client: smtplib.SMTP, message: bytes, phase: _Phase) -> None:
        code, reply = client.docmd("DATA")
        if code != 354:
            raise self._refused(code, reply, "refused to take the message")
        body = _DOT_AT_LINE_START.sub(b"..", message)  # RFC 5321 4.5.2 dot-stuffing
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        client.send(body + b".\r\n")
        phase.awaiting_answer = True  # from here on, a lost answer leaves delivery in doubt
        code, reply = client.getreply()
        phase.awaiting_answer = False
        if code != 250:
            raise self._refused(code, reply, "did not accept the message")

    def _refused(self, code: int, reply: bytes, what: str) -> DeliveryError:
        text = " ".join(reply.decode("utf-8", "replace").split())[:200]
        error = DeliveryError(f"{self.where}: server {what} ({code} {text})")
        error.permanent = 500 <= code < 600
        return error

    def _login(self, client: smtplib.SMTP) -> None:
        if not client.has_extn("auth"):
            raise DeliveryError(f"{self.where}: server offers no AUTH after TLS; cannot log in as {self.username}")
        if getattr(self._password, "mechanism", "") == "XOAUTH2":
            self._oauth2_login(client)
            return
        secret = self._password()  # only now: TLS is up and the certificate verified
        try:
            client.login(self.username, secret)
        except smtplib.SMTPAuthenticationError as exc:
            reason = _server_text(exc).replace(secret, "***") if secret else _server_text(exc)
            raise DeliveryError(f"{self.where}: login failed for {self.username} "
                                f"(check {getattr(self._password, 'source', 'the password')}; "
                                f"server said: {reason})") from None
        except smtplib.SMTPException as exc:
            reason = _server_text(exc).replace(secret, "***") if secret else _server_text(exc)
            raise DeliveryError(f"{self.where}: login as {self.username} not possible ({reason})") from None
        finally:
            del secret

    def _oauth2_login(self, client: smtplib.SMTP) -> None:
        """AUTH XOAUTH2 (RFC 4954 initial response); once more with a refreshed token if refused."""
        if "XOAUTH2" not in client.esmtp_features.get("auth", "").upper().split():
            raise DeliveryError(f"{self.where}: the server does not offer XOAUTH2 sign-in; use a password for [smtp]")
        tokens: Any = self._password
        for attempt in (1, 2):
            try:
                token = tokens.token(force_refresh=attempt == 2)
            except AssistantError as exc:  # no sign-in yet, revoked, provider unreachable: nothing was sent
                raise DeliveryError(f"{self.where}: {exc}") from None
            response = xoauth2(self.username, token)

            def answer(challenge: bytes | None = None, response: str = response) -> str:
                return response if challenge is None else ""  # after an error challenge: end the exchange

            try:
                client.auth("XOAUTH2", answer)
                return
            except smtplib.SMTPAuthenticationError as exc:
                if attempt == 2:
                    reason = _server_text(exc).replace(token, "***")
                    raise DeliveryError(f"{self.where}: XOAUTH2 sign-in failed for {self.username} "
                                        f"(check {getattr(self._password, 'source', 'the OAuth2 sign-in')}; "
                                        f"server said: {reason})") from None
                logger.info("%s: XOAUTH2 token refused; refreshing it once", self.where)
            finally:
                del token, response

    def _error(self, exc: BaseException) -> DeliveryError:
        where = self.where
        problem = network_problem(exc, self.host, self.port, timeout=self.timeout, ca_file=self.ca_file)
        if problem:
            return DeliveryError(problem)
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return DeliveryError(f"{where}: server closed the connection")
        if isinstance(exc, smtplib.SMTPResponseException):
            error = DeliveryError(f"{where}: server said {_server_text(exc)}")
            error.permanent = 500 <= exc.smtp_code < 600
            return error
        if isinstance(exc, OSError):
            return DeliveryError(f"{where}: {exc.strerror or type(exc).__name__}")
        return DeliveryError(f"{where}: {type(exc).__name__}")


class _Phase:
    awaiting_answer = False


def _flatten(message: EmailMessage) -> bytes:
    """The message as it goes on the wire; Bcc lines never do (as smtplib.send_message)."""
    if message.get_all("Bcc") or message.get_all("Resent-Bcc"):
        message = copy.copy(message)
        del message["Bcc"], message["Resent-Bcc"]
    out = io.BytesIO()
    BytesGenerator(out, policy=message.policy.clone(linesep="\r\n")).flatten(message, linesep="\r\n")
    return out.getvalue()


def _from_address(raw: bytes) -> str:
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw)
    found = getaddresses([str(headers.get("Sender") or headers.get("From") or "")])
    return found[0][1].lower() if found else ""


def _server_text(exc: BaseException) -> str:
    """The server's reply as one short line."""
    code = getattr(exc, "smtp_code", None)
    raw = getattr(exc, "smtp_error", b"")
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw or "")
    text = " ".join(text.split())[:200]
    return f"{code} {text}".strip() if code else (text or type(exc).__name__)
