"""One mailbox content behind IMAP (Dovecot), Maildir and mbox, for the contract suite.

Each harness stores messages the way that kind of mailbox really holds them, makes a listed
message vanish, and invalidates a folder the way that kind of mailbox can (IMAP: new
UIDVALIDITY; mbox: file rewritten; Maildir: a cursor made for another directory).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import shutil
import time
from pathlib import Path
from typing import Any

from assistant.mailbox.base import INBOX, SENT, Folder, MailSource
from assistant.mailbox.imap import ImapSource
from assistant.mailbox.maildir import MaildirSource
from assistant.mailbox.mbox import MboxSource
from tests.integration.corpus import lf
from tests.integration.dovecot import Dovecot

_unique = itertools.count(1)


class Harness:
    kind = ""

    def __init__(self, directory: Path, dovecot: Dovecot | None) -> None:
        self.directory, self.dovecot = directory, dovecot

    def source(self) -> MailSource:
        raise NotImplementedError

    def store(self, role: str, messages: list[bytes]) -> None:
        raise NotImplementedError

    def vanish(self, folder: Folder, key: Any) -> None:
        """Makes the message at key (the last one listed) disappear."""
        raise NotImplementedError

    def invalidate(self, folder: Folder) -> None:
        raise NotImplementedError

    def snapshot(self) -> Any:
        """Everything a read could change: flags, file names, bytes."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class ImapHarness(Harness):
    kind = "imap"

    def __init__(self, directory: Path, dovecot: Dovecot | None) -> None:
        super().__init__(directory, dovecot)
        assert dovecot is not None
        self.server = dovecot
        self.user = dovecot.add_user()

    def source(self, **options: Any) -> ImapSource:
        password = self.user.password
        return ImapSource(self.server.host, self.server.imaps_port, username=self.user.name,
                          password=lambda: password, ca_file=self.server.ca_file, timeout=10,
                          backoff=0.05, **options)

    def _folder(self, role: str) -> str:
        return "Sent" if role == SENT else "INBOX"

    def store(self, role: str, messages: list[bytes]) -> None:
        self.server.append(self.user, self._folder(role), messages)

    def vanish(self, folder: Folder, key: Any) -> None:
        self.server.expunge(self.user, folder.name, [key])

    def invalidate(self, folder: Folder) -> None:
        validity = self.server.uidvalidity(self.user, folder.name)
        self.server.set_uidvalidity(self.user, folder.name, validity + 1000)
        self.server.kick(self.user)  # a connected session keeps its view until it reselects

    def snapshot(self) -> Any:
        with self.server.client(self.user) as client:
            state = {}
            for name in ("INBOX", "Sent"):
                client.select_folder(name, readonly=True)
                flags = client.get_flags(client.search("ALL"))
                state[name] = {uid: sorted(set(f) - {b"\\Recent"}) for uid, f in flags.items()}
            return state


class MaildirHarness(Harness):
    kind = "maildir"

    def __init__(self, directory: Path, dovecot: Dovecot | None) -> None:
        super().__init__(directory, dovecot)
        self.root = directory / "Maildir"
        for folder in (self.root, self.root / ".Sent", self.root / ".Drafts"):
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True)

    def source(self) -> MaildirSource:
        return MaildirSource(self.root)

    def store(self, role: str, messages: list[bytes]) -> None:
        folder = self.root / ".Sent" if role == SENT else self.root
        for number, raw in enumerate(messages):
            name = f"{int(time.time())}.M{next(_unique)}P1.testhost,S={len(lf(raw))}"
            # half in new/ (just delivered), half in cur/ already read, as a real client leaves them
            target = folder / "new" / name if number % 2 == 0 else folder / "cur" / f"{name}:2,S"
            target.write_bytes(lf(raw))

    def vanish(self, folder: Folder, key: Any) -> None:
        directory = self.root / f".{folder.name}" if folder.name else self.root
        for path in [*directory.glob(f"new/{key}*"), *directory.glob(f"cur/{key}*")]:
            path.unlink()

    def invalidate(self, folder: Folder) -> None:
        moved = self.directory / "Maildir-restored"
        shutil.move(self.root, moved)
        self.root = moved

    def snapshot(self) -> Any:
        return sorted((str(p.relative_to(self.root)), p.stat().st_mtime_ns)
                      for p in self.root.rglob("*"))


class MboxHarness(Harness):
    kind = "mbox"

    def __init__(self, directory: Path, dovecot: Dovecot | None) -> None:
        super().__init__(directory, dovecot)
        self.root = directory / "Local Folders"
        self.root.mkdir()
        for name in ("Inbox", "Sent", "Archive.mbox"):
            (self.root / name).write_bytes(b"")
            (self.root / f"{name}.msf").write_bytes(b"")

    def source(self) -> MboxSource:
        return MboxSource(self.root, settle_seconds=0)  # written by the test itself, just now

    def _path(self, role: str) -> Path:
        return self.root / ("Sent" if role == SENT else "Inbox")

    def store(self, role: str, messages: list[bytes]) -> None:
        with self._path(role).open("ab") as mbox:
            for raw in messages:
                body = re.sub(rb"(?m)^(>*From )", rb">\1", lf(raw))
                mbox.write(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n" + body + b"\n")

    def vanish(self, folder: Folder, key: Any) -> None:
        with open(folder.name, "r+b") as mbox:
            mbox.truncate(key)

    def invalidate(self, folder: Folder) -> None:
        path = Path(folder.name)
        data = path.read_bytes()
        second = data.index(b"\nFrom ") + 1
        path.write_bytes(data[second:] + data[:second])  # compacted and re-ordered

    def snapshot(self) -> Any:
        return sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
                      for p in self.root.iterdir())


HARNESSES: dict[str, type[Harness]] = {h.kind: h for h in (ImapHarness, MaildirHarness, MboxHarness)}
ROLES = (INBOX, SENT)
