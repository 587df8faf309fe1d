"""Read-only IMAP source (imapclient): EXAMINE + BODY.PEEK only, TLS always, reconnect on drops.

Cursor: {"uidvalidity": int, "last_uid": int}. A UIDVALIDITY change between passes gives a
reset listing; a change in the middle of a pass (after a reconnect) raises MailboxError asking
for another sync, because the UIDs the pipeline holds no longer name the same messages.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError
from imapclient.imapclient import SENT as SENT_FLAG

from assistant.errors import MailboxError
from assistant.mailbox.base import (
    INBOX,
    OTHER,
    SENT,
    Folder,
    HeaderInfo,
    Listing,
    MailSource,
    RawMessage,
)
from assistant.mailbox.connect import DROPS, Endpoint, connection_error, open_client, server_text, shutdown_quietly
from assistant.mailbox.folders import GMAIL_PREFIXES, is_sent_name
from assistant.mailbox.imap_parts import plan_parts, rebuild

logger = logging.getLogger(__name__)

T = TypeVar("T")
BODY_BATCH_BYTES = 64 * 1024 * 1024  # keep one FETCH of full bodies bounded in memory
PARTS_OVER = 64 * 1024  # messages larger than this are fetched part by part, attachments left out


class ImapSource(MailSource):
    def __init__(self, host: str, port: int, *, username: str, password: Callable[[], str],
                 security: str = "tls", ca_file: str | None = None, timeout: float = 60.0,
                 sent_folder: str | None = None, extra_folders: Iterable[str] = (),
                 batch_size: int = 500, max_retries: int = 4, backoff: float = 1.0,
                 backoff_max: float = 30.0) -> None:
        if security not in ("tls", "starttls"):
            raise ValueError(f"security must be 'tls' or 'starttls', not {security!r}")
        self.host, self.port, self.security = host, port, security
        self.username = username
        self._password = password
        self.ca_file = ca_file
        self.timeout = timeout
        self.sent_folder = sent_folder
        self.extra_folders = list(extra_folders)
        self.batch_size = max(1, batch_size)
        self.max_retries, self.backoff, self.backoff_max = max_retries, backoff, backoff_max
        self.description = f"{host}:{port}"
        self._client: IMAPClient | None = None
        self._selected: str | None = None
        self._uidvalidity: dict[str, int] = {}  # per folder, as first seen in this pass
        self._status: dict[bytes, Any] = {}  # the last EXAMINE response
        self._sleep: Callable[[float], None] = time.sleep

    # -- connection -------------------------------------------------------------------------

    def open(self) -> None:
        if self._client is None:
            self._client = self._connect()

    def close(self) -> None:
        client, self._client, self._selected = self._client, None, None
        if client is None:
            return
        try:
            client.logout()
        except (*DROPS, IMAPClientError):  # already gone: nothing left to release but the socket
            shutdown_quietly(client)

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint(self.host, self.port, self.security, self.username, self._password, self.ca_file,
                        self.timeout)

    def _connect(self) -> IMAPClient:
        """A logged-in client; every failure becomes one MailboxError line without secrets."""
        try:
            return self._open_client()
        except (*DROPS, IMAPClientError) as exc:  # e.g. a "* BYE" greeting: too many connections
            raise self._connection_error(exc) from None

    def _open_client(self) -> IMAPClient:
        """A logged-in client; network failures are raised as they are (see _run)."""
        return open_client(self.endpoint)

    def _connection_error(self, exc: BaseException) -> MailboxError:
        return connection_error(exc, self.endpoint)

    # -- retry ------------------------------------------------------------------------------

    def _run(self, folder: str | None, operation: Callable[[IMAPClient], T]) -> T:
        """operation on a connected client (folder selected); drops reconnect with backoff."""
        attempt = 0
        while True:
            try:
                if self._client is None:
                    self._client = self._open_client()
                if folder is not None:
                    self._select(self._client, folder)
                return operation(self._client)
            except DROPS as exc:
                if isinstance(exc, ssl.SSLCertVerificationError):
                    raise self._connection_error(exc) from None
                attempt += 1
                self._forget_connection()
                if attempt > self.max_retries:
                    raise MailboxError(f"{self._connection_error(exc)} (gave up after "
                                       f"{self.max_retries} reconnect attempts)") from None
                delay = min(self.backoff * 2 ** (attempt - 1), self.backoff_max)
                logger.warning("%s: connection lost (%s); reconnecting in %.1f s (attempt %d of %d)",
                               self.description, type(exc).__name__, delay, attempt, self.max_retries)
                self._sleep(delay)
            except IMAPClientError as exc:
                where = f"{self.description}: folder {folder}" if folder else self.description
                raise MailboxError(f"{where}: {server_text(exc)}") from None

    def _forget_connection(self) -> None:
        client, self._client, self._selected = self._client, None, None
        if client is not None:
            shutdown_quietly(client)

    def _select(self, client: IMAPClient, folder: str) -> None:
        if self._selected == folder:
            return
        try:
            status = client.select_folder(folder, readonly=True)  # EXAMINE: nothing can change
        except DROPS:
            raise
        except IMAPClientError as exc:
            raise MailboxError(f"{self.description}: cannot open folder {folder} ({server_text(exc)})") from None
        validity = int(status.get(b"UIDVALIDITY", 0))
        known = self._uidvalidity.setdefault(folder, validity)
        if known != validity:
            raise MailboxError(f"{self.description}: folder {folder} was re-created on the server during "
                               "the sync (UIDVALIDITY changed); run sync again")
        self._selected = folder
        self._status = status

    # -- MailSource -------------------------------------------------------------------------

    def folders(self) -> list[Folder]:
        listing = self._run(None, lambda client: client.list_folders())
        names = {name: tuple(flags) for flags, _delimiter, name in listing}
        result = [Folder("INBOX", INBOX)]
        sent = self._sent_folder(names)
        if sent:
            result.append(Folder(sent, SENT))
        for extra in self.extra_folders:
            if extra not in names and extra.upper() != "INBOX":
                raise MailboxError(f"{self.description}: folder {extra!r} does not exist (check folders)")
            if all(f.name != extra for f in result):
                result.append(Folder(extra, OTHER))
        return result

    def _sent_folder(self, names: dict[str, tuple[bytes, ...]]) -> str | None:
        if self.sent_folder:
            if self.sent_folder not in names:
                raise MailboxError(f"{self.description}: sent folder {self.sent_folder!r} does not exist "
                                   "(check sent_folder)")
            return self.sent_folder
        flagged = [name for name, flags in names.items() if SENT_FLAG in flags]
        if flagged:
            return flagged[0]
        for name in sorted(names, key=lambda n: (n.count("/") + n.count("."), n)):
            leaf = name
            for prefix in (*GMAIL_PREFIXES, "INBOX.", "INBOX/"):
                leaf = leaf.removeprefix(prefix)
            if is_sent_name(leaf):
                return name
        logger.warning("%s: no Sent folder found; set sent_folder to read sent mail", self.description)
        return None

    def list_new(self, folder: Folder, cursor: dict[str, Any] | None) -> Listing:
        def search(client: IMAPClient) -> tuple[int, list[int]]:
            validity = int(self._status.get(b"UIDVALIDITY", 0))
            last = cursor["last_uid"] if cursor and cursor.get("uidvalidity") == validity else 0
            uidnext = self._status.get(b"UIDNEXT")
            if last and uidnext is not None and int(uidnext) <= last + 1:
                return validity, []
            # "UID n:*" always matches the highest UID, even one below n: filter
            found = client.search(["UID", f"{last + 1}:*"]) if last else client.search("ALL")
            return validity, sorted(uid for uid in found if uid > last)

        self._selected = None  # re-EXAMINE: a selected folder's UIDNEXT is stale
        self._uidvalidity.pop(folder.name, None)  # a new pass may see a new UIDVALIDITY
        validity, uids = self._run(folder.name, search)
        reset = cursor is not None and cursor.get("uidvalidity") != validity
        if reset:
            logger.info("%s: folder %s has a new UIDVALIDITY; listing everything", self.description, folder.name)
            fresh = {"uidvalidity": validity, "last_uid": 0}
        else:
            fresh = {"uidvalidity": validity, "last_uid": (cursor or {}).get("last_uid", 0)}
        return Listing(keys=uids, cursor=fresh, reset=reset)

    def advance(self, cursor: dict[str, Any], keys: Iterable[Any]) -> dict[str, Any]:
        last = max((int(k) for k in keys), default=0)
        return {"uidvalidity": cursor["uidvalidity"], "last_uid": max(int(cursor.get("last_uid", 0)), last)}

    def fetch_headers(self, folder: Folder, keys: Iterable[Any]) -> Iterator[HeaderInfo]:
        for batch in _batches([int(k) for k in keys], self.batch_size):
            data = self._fetch(folder.name, batch, ["BODY.PEEK[HEADER]", "RFC822.SIZE"])
            for uid in batch:
                item = data.get(uid)
                if item is not None and b"BODY[HEADER]" in item:
                    yield HeaderInfo(uid, item[b"BODY[HEADER]"] or b"", int(item.get(b"RFC822.SIZE", 0)))

    def fetch_messages(self, folder: Folder, keys: Iterable[Any], size_cap: int,
                       sizes: Mapping[Any, int] | None = None) -> Iterator[RawMessage]:
        for batch in _batches([int(k) for k in keys], self.batch_size):
            if sizes is not None and all(uid in sizes for uid in batch):
                known = {uid: int(sizes[uid]) for uid in batch}  # from fetch_headers: no round trip
            else:
                meta = self._fetch(folder.name, batch, ["RFC822.SIZE"])
                known = {uid: int(meta[uid].get(b"RFC822.SIZE", 0)) for uid in batch if uid in meta}
            present = [uid for uid in batch if uid in known]
            big = [uid for uid in present if known[uid] > size_cap]
            large = [uid for uid in present if PARTS_OVER < known[uid] <= size_cap]
            found = self._in_parts(folder.name, large, known)
            whole = [uid for uid in present if known[uid] <= size_cap and uid not in found]
            for part in _batches_by_size(whole, known):
                found.update(self._bodies(folder.name, part, "BODY[]"))
            if big:
                found.update(self._bodies(folder.name, big, "BODY[HEADER]"))
            for uid in present:
                if uid in found:  # missing: expunged meanwhile
                    raw, flags = found[uid]
                    yield RawMessage(uid, raw, known[uid], truncated=uid in big, flags=flags)

    def _in_parts(self, folder: str, uids: list[int],
                  sizes: Mapping[int, int]) -> dict[int, tuple[bytes, tuple[str, ...]]]:
        """Large messages without the bodies of attachments the assistant never reads: their
        BODYSTRUCTURE says which parts to fetch (see imap_parts). What cannot be planned or
        rebuilt is left out of the result, to be fetched whole."""
        if not uids:
            return {}
        structures = self._fetch(folder, uids, ["BODYSTRUCTURE"])
        groups: dict[tuple[str, ...], list[int]] = {}
        plans: dict[int, int] = {}  # octets each planned message leaves on the server
        for uid in uids:
            structure = structures.get(uid, {}).get(b"BODYSTRUCTURE")
            plan = plan_parts(structure) if structure is not None else None
            if plan is not None:
                groups.setdefault(plan.sections, []).append(uid)
                plans[uid] = plan.skipped
        found: dict[int, tuple[bytes, tuple[str, ...]]] = {}
        for sections, members in groups.items():
            items = ["BODY.PEEK[HEADER]", *(f"BODY.PEEK[{s}]" for s in sections), "FLAGS"]
            data: dict[int, dict[bytes, Any]] = {}
            for part in _batches_by_size(members, {uid: sizes[uid] - plans[uid] for uid in members}):
                data.update(self._fetch(folder, part, items))  # at most BODY_BATCH_BYTES at a time
            for uid, item in data.items():
                got = {s: item.get(f"BODY[{s}]".encode()) for s in sections}
                if item.get(b"BODY[HEADER]") is None or any(v is None for v in got.values()):
                    continue  # the server did not answer as asked: fetched whole instead
                try:
                    raw = rebuild(structures[uid][b"BODYSTRUCTURE"], item[b"BODY[HEADER]"],
                                  {s: v or b"" for s, v in got.items()})
                except (TypeError, ValueError, IndexError, AttributeError, AssertionError):
                    logger.debug("%s: UID %s could not be rebuilt from its parts", folder, uid, exc_info=True)
                    continue  # fetched whole instead
                found[uid] = (raw, _flags(item))
        return found

    def _bodies(self, folder: str, uids: list[int], section: str) -> dict[int, tuple[bytes, tuple[str, ...]]]:
        """section (BODY[] or BODY[HEADER]) and flags of uids, fetched with PEEK."""
        data = self._fetch(folder, uids, [section.replace("BODY[", "BODY.PEEK[", 1), "FLAGS"])
        key = section.encode()
        return {uid: (item[key] or b"", _flags(item)) for uid, item in data.items() if key in item}

    def _fetch(self, folder: str, uids: list[int], items: list[str]) -> dict[int, dict[bytes, Any]]:
        """UID FETCH of items (PEEK only); messages expunged meanwhile are simply missing."""
        def fetch(client: IMAPClient) -> dict[int, dict[bytes, Any]]:
            try:
                answer: dict[int, dict[bytes, Any]] = client.fetch(uids, items)
                return answer
            except IMAPClientAbortError:
                raise
            except IMAPClientError as exc:
                # RFC 2180 4.1.3: some servers answer NO when part of the set was expunged
                logger.info("%s: folder %s: FETCH refused (%s); fetching one by one",
                            self.description, folder, server_text(exc))
            client.noop()
            found: dict[int, dict[bytes, Any]] = {}
            for uid in uids:
                try:
                    found.update(client.fetch([uid], items))
                except IMAPClientAbortError:
                    raise
                except IMAPClientError as exc:
                    logger.warning("%s: folder %s: UID %s cannot be read (%s); skipped",
                                   self.description, folder, uid, server_text(exc))
            return found

        return self._run(folder, fetch)


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _batches_by_size(uids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    part: list[int] = []
    total = 0
    for uid in uids:
        if part and total + sizes[uid] > BODY_BATCH_BYTES:
            yield part
            part, total = [], 0
        part.append(uid)
        total += sizes[uid]
    if part:
        yield part


def _flags(item: dict[bytes, Any]) -> tuple[str, ...]:
    return tuple(_text(f) for f in item.get(b"FLAGS", ()))


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
