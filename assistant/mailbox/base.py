"""The one interface every mail source implements (IMAP, Maildir, mbox).

The pipeline only sees this: it asks for new keys since a cursor, fetches headers first,
decides which bodies it needs, then fetches those. Cursors are JSON-able dicts owned by the
source; the pipeline stores them opaquely and hands them back on the next pass.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

INBOX, SENT, OTHER = "inbox", "sent", "other"


@dataclass(frozen=True)
class Folder:
    name: str  # the source's own name: IMAP folder, Maildir++ subfolder ("" = INBOX), mbox path
    role: str  # INBOX, SENT or OTHER


@dataclass(frozen=True)
class Listing:
    """What is new in a folder since a cursor."""

    keys: list[Any]  # source-specific message keys (IMAP UIDs, Maildir names, mbox offsets), ascending
    cursor: dict[str, Any]  # the cursor to advance from (fresh when reset)
    reset: bool = False  # validity changed (UIDVALIDITY, mbox rewritten): keys are everything


@dataclass(frozen=True)
class HeaderInfo:
    key: Any
    header: bytes  # the raw header block
    size: int  # full message size in bytes


@dataclass(frozen=True)
class RawMessage:
    key: Any
    raw: bytes
    size: int
    truncated: bool = False  # over the size cap: raw holds the header block only
    flags: tuple[str, ...] = field(default=())


class MailSource(ABC):
    """A read-only view of a mailbox. Implementations never change the user's mail."""

    description: str = ""  # for messages: host or path, never a secret
    # X-Gmail-Labels written by the provider (a Gmail Takeout mbox), not by whoever sent the message
    trusts_labels: bool = False

    def __enter__(self) -> MailSource:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def open(self) -> None:
        """Connect / check the path. Raises MailboxError naming host or path."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def folders(self) -> list[Folder]:
        """INBOX, the Sent folder and any configured extra folders, in that order."""

    @abstractmethod
    def list_new(self, folder: Folder, cursor: dict[str, Any] | None) -> Listing: ...

    @abstractmethod
    def fetch_headers(self, folder: Folder, keys: Iterable[Any]) -> Iterator[HeaderInfo]:
        """Header blocks of keys; keys that vanished meanwhile are silently absent."""

    @abstractmethod
    def fetch_messages(self, folder: Folder, keys: Iterable[Any], size_cap: int,
                       sizes: Mapping[Any, int] | None = None) -> Iterator[RawMessage]:
        """Full messages (headers only above size_cap); vanished keys are silently absent.

        sizes: the sizes fetch_headers reported, so a source need not ask for them again."""

    @abstractmethod
    def advance(self, cursor: dict[str, Any], keys: Iterable[Any]) -> dict[str, Any]:
        """The cursor after keys (a processed batch) have been ingested."""
