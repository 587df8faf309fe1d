"""A copy of the sent digest in the owner's Sent folder, over IMAP with verified TLS. IO.

This is the only write the assistant ever makes to the mailbox: one APPEND of its own digest, with
\\Seen set, after the digest was delivered. Providers that file SMTP-sent mail themselves (Gmail)
get no APPEND, or the digest would show up twice. A failure here is a MailboxError: the digest has
been delivered already, so the caller logs it and goes on.
"""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Literal

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientError
from imapclient.imapclient import SEEN
from imapclient.imapclient import SENT as SENT_FLAG

from .errors import MailboxError

logger = logging.getLogger(__name__)

# Gmail saves SMTP-sent mail to Sent itself: no APPEND
SAVES_SENT_ITSELF = ("gmail.com", "googlemail.com")


@dataclass(frozen=True)
class SentCopySettings:
    """Where the Sent folder lives. folder None: the one flagged \\Sent (SPECIAL-USE), else a common name."""

    host: str
    port: int
    security: Literal["tls", "starttls"]
    username: str
    password: Callable[[], str]
    ca_file: str | None = None
    timeout: float = 30.0
    folder: str | None = None
    enabled: bool = True

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def provider_saves_sent(*hosts: str) -> bool:
    """True if any of these SMTP/IMAP hosts belongs to a provider that files sent mail itself."""
    for host in hosts:
        name = host.strip().lower().rstrip(".")
        if any(name == domain or name.endswith("." + domain) for domain in SAVES_SENT_ITSELF):
            return True
    return False


def save_to_sent(message: EmailMessage, settings: SentCopySettings, *, smtp_host: str, now: datetime,
                 force: bool = False) -> bool:
    """APPEND the delivered digest to Sent with \\Seen; False when skipped (disabled or provider does it).

    Raises MailboxError (host:port, never the password) if the copy could not be stored.
    """
    if not settings.enabled:
        return False
    if not force and provider_saves_sent(smtp_host, settings.host):
        logger.debug("%s files sent mail itself; no copy appended", smtp_host)
        return False
    try:
        client = _connect(settings)
    except MailboxError:
        raise
    except (IMAPClientError, ssl.SSLError, OSError) as exc:
        raise MailboxError(f"{settings.where}: cannot store the digest in Sent ({_reason(exc)})") from None
    try:
        folder = settings.folder or client.find_special_folder(SENT_FLAG)
        if not folder:
            raise MailboxError(f"{settings.where}: no Sent folder found; set sent_folder")
        client.append(folder, message.as_bytes(), flags=(SEEN,), msg_time=now)
        logger.info("%s: digest copied to %s", settings.where, folder)
        return True
    except (IMAPClientError, ssl.SSLError, OSError) as exc:
        raise MailboxError(f"{settings.where}: cannot store the digest in Sent ({_reason(exc)})") from None
    finally:
        try:
            client.logout()
        except (IMAPClientError, OSError):
            client.shutdown()


def _connect(settings: SentCopySettings) -> IMAPClient:
    context = ssl.create_default_context(cafile=settings.ca_file)
    client = IMAPClient(settings.host, settings.port, ssl=settings.security == "tls", ssl_context=context,
                        timeout=SocketTimeout(connect=settings.timeout, read=settings.timeout))
    try:
        if settings.security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise MailboxError(f"{settings.where}: server does not offer STARTTLS; refusing to log in "
                                   "unencrypted")
            client.starttls(context)
        secret = settings.password()  # only now: TLS is up and the certificate verified
        try:
            client.login(settings.username, secret)
        except IMAPClientError:
            raise MailboxError(f"{settings.where}: login failed for {settings.username}") from None
        finally:
            del secret
    except BaseException:
        try:
            client.shutdown()
        except OSError:
            pass
        raise
    return client


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"certificate not trusted: {exc.verify_message}"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "no answer in time"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__
