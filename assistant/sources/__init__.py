"""Mail sources (IMAP, Maildir, mbox) behind one MailSource interface, and the factory.

Implementations are imported inside make_source so that a Maildir user never imports imapclient.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.errors import MailboxError
from assistant.sources.base import MailSource

# Names a Sent folder goes by when the server does not flag it \Sent (SPECIAL-USE), including
# Gmail's localized "[Gmail]/..." and "[Google Mail]/..." variants and common client defaults.
SENT_NAMES: tuple[str, ...] = (
    "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Sent-Mail", "Sent Email",
    "Gesendet", "Gesendete Objekte", "Gesendete Elemente", "Gesendete Nachrichten",
    "Envoyés", "Messages envoyés", "Éléments envoyés", "Elementos enviados", "Enviados",
    "Itens enviados", "Enviadas", "Posta inviata", "Inviati", "Elementi inviati",
    "Verzonden", "Verzonden items", "Verzonden berichten", "Skickat", "Skickade objekt",
    "Sendt", "Sendte elementer", "Sendt post", "Lähetetyt", "Wysłane", "Elementy wysłane",
    "Odeslané", "Отправленные", "Gönderilmiş Öğeler", "Gönderilenler",
)
GMAIL_PREFIXES: tuple[str, ...] = ("[Gmail]/", "[Google Mail]/")


def is_sent_name(name: str) -> bool:
    """Whether a folder or file name (without any parent path) is a usual Sent folder name."""
    wanted = name.strip().casefold()
    return any(wanted == candidate.casefold() for candidate in SENT_NAMES)


def make_source(settings: Any, password: Callable[[], str]) -> MailSource:
    """The MailSource described by mailbox settings (see config.py for the attribute names)."""
    scheme = settings.scheme
    if scheme in ("imaps", "imap"):
        from assistant.sources.imap import ImapSource

        return ImapSource(
            host=settings.host,
            port=settings.port,
            security="tls" if scheme == "imaps" else "starttls",
            username=settings.username,
            password=password,
            ca_file=settings.ca_file,
            timeout=settings.timeout,
            sent_folder=settings.sent_folder,
            extra_folders=list(settings.folders),
            batch_size=settings.batch_size,
        )
    if scheme == "maildir":
        from assistant.sources.maildir import MaildirSource

        return MaildirSource(settings.path, sent_folder=settings.sent_folder,
                             extra_folders=tuple(settings.folders))
    if scheme == "mbox":
        from assistant.sources.mbox import MboxSource

        return MboxSource(settings.path)
    raise MailboxError(f"unknown mailbox scheme {scheme!r} (use imaps, imap, maildir or mbox)")
