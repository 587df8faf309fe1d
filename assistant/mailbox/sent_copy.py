"""A copy of the sent digest in the owner's Sent folder, over IMAP with verified TLS. IO.

This is the only write the assistant ever makes to the mailbox: one APPEND of its own digest, with
\\Seen set, after the digest was delivered. Providers that file SMTP-sent mail themselves (Gmail)
get no APPEND, or the digest would show up twice. A failure here is a MailboxError: the digest has
been delivered already, so the caller logs it and goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Literal

from imapclient.exceptions import IMAPClientError
from imapclient.imapclient import SEEN
from imapclient.imapclient import SENT as SENT_FLAG

from assistant.errors import MailboxError
from assistant.mailbox.connect import DROPS, Endpoint, connection_error, open_client, shutdown_quietly

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

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint(self.host, self.port, self.security, self.username, self.password, self.ca_file,
                        self.timeout)


def provider_saves_sent(*hosts: str) -> bool:
    """True if any of these SMTP/IMAP hosts belongs to a provider that files sent mail itself."""
    for host in hosts:
        name = host.strip().lower().rstrip(".")
        if any(name == domain or name.endswith("." + domain) for domain in SAVES_SENT_ITSELF):
            return True
    return False


def save_to_sent(message: EmailMessage | bytes, settings: SentCopySettings, *, smtp_host: str, now: datetime,
                 force: bool = False) -> bool:
    """APPEND the delivered digest to Sent with \\Seen; False when skipped (disabled or provider does it).

    Raises MailboxError (host:port, never the password) if the copy could not be stored.
    """
    if not settings.enabled:
        return False
    if not force and provider_saves_sent(smtp_host, settings.host):
        logger.debug("%s files sent mail itself; no copy appended", smtp_host)
        return False
    endpoint = settings.endpoint
    try:
        client = open_client(endpoint)  # a MailboxError (login, STARTTLS, CA file) goes up as it is
    except (*DROPS, IMAPClientError) as exc:
        raise connection_error(exc, endpoint) from None
    try:
        folder = settings.folder or client.find_special_folder(SENT_FLAG)
        if not folder:
            raise MailboxError(f"{settings.where}: no Sent folder found; set sent_folder")
        raw = message if isinstance(message, bytes) else message.as_bytes()
        client.append(folder, raw, flags=(SEEN,), msg_time=now)
        logger.info("%s: digest copied to %s", settings.where, folder)
        return True
    except (*DROPS, IMAPClientError) as exc:
        raise connection_error(exc, endpoint) from None
    finally:
        try:
            client.logout()
        except (*DROPS, IMAPClientError):
            shutdown_quietly(client)
