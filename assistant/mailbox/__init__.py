"""The mailbox: getting bytes. Mail sources (IMAP, Maildir, mbox) behind one MailSource interface,
the IMAP connection, passwords, and the one write the assistant makes (a copy in Sent). IO.

May import: the domain only. Implementations are imported inside make_source so that a Maildir
user never imports imapclient.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.errors import MailboxError
from assistant.mailbox.base import MailSource


def make_source(settings: Any, password: Callable[[], str]) -> MailSource:
    """The MailSource described by mailbox settings (see config.py for the attribute names)."""
    scheme = settings.scheme
    if scheme in ("imaps", "imap"):
        from assistant.mailbox.imap import ImapSource

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
        from assistant.mailbox.maildir import MaildirSource

        return MaildirSource(settings.path, sent_folder=settings.sent_folder,
                             extra_folders=tuple(settings.folders))
    if scheme == "mbox":
        from assistant.mailbox.mbox import MboxSource

        return MboxSource(settings.path)
    raise MailboxError(f"unknown mailbox scheme {scheme!r} (use imaps, imap, maildir or mbox)")
