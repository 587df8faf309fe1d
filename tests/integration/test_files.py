"""Maildir and mbox specifics: renames, partial appends, Thunderbird edits, big files, errors."""

from __future__ import annotations

import mailbox
import os
import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import assistant.mailbox.mbox as mbox_module
from assistant.errors import MailboxError
from assistant.mailbox import make_source
from assistant.mailbox.base import INBOX, SENT, Folder
from assistant.mailbox.imap import ImapSource
from assistant.mailbox.maildir import MaildirSource
from assistant.mailbox.mbox import MboxSource
from tests.integration.corpus import SIZE_CAP, inbox_messages, lf, message

FROM_LINE = b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n"


def maildir(root: Path, *subfolders: str) -> Path:
    for folder in (root, *(root / f".{name}" for name in subfolders)):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    return root


def mbox_bytes(messages: list[bytes]) -> bytes:
    """mboxrd, as Gmail Takeout writes it: every ^>*From line gets one more '>'."""
    return b"".join(FROM_LINE + re.sub(rb"(?m)^(>*From )", rb">\1", lf(raw)) + b"\n" for raw in messages)


def quiet(path: Path) -> None:
    """As if the file had last been written an hour ago."""
    old = time.time() - 3600
    os.utime(path, (old, old))


def test_maildir_message_read_and_flagged_elsewhere_is_not_listed_again(tmp_path: Path) -> None:
    root = maildir(tmp_path / "Maildir")
    (root / "new" / "1700000000.M1P1.host").write_bytes(lf(message(1)))
    source = MaildirSource(root)
    inbox = source.folders()[0]
    listing = source.list_new(inbox, None)
    cursor = source.advance(listing.cursor, listing.keys)
    # a mail client reads it (new/ -> cur/) and flags it, then replies
    os.rename(root / "new" / "1700000000.M1P1.host", root / "cur" / "1700000000.M1P1.host:2,FRS")
    assert source.list_new(inbox, cursor).keys == []
    assert next(source.fetch_messages(inbox, listing.keys, SIZE_CAP)).flags == ("\\Flagged", "\\Answered", "\\Seen")


def test_maildir_file_renamed_between_list_and_fetch_is_still_read(tmp_path: Path) -> None:
    root = maildir(tmp_path / "Maildir")
    (root / "new" / "1700000000.M1P1.host").write_bytes(lf(message(1)))
    source = MaildirSource(root)
    inbox = source.folders()[0]
    keys = source.list_new(inbox, None).keys
    fetched = source.fetch_messages(inbox, keys, SIZE_CAP)
    os.rename(root / "new" / "1700000000.M1P1.host", root / "cur" / "1700000000.M1P1.host:2,S")
    assert [lf(m.raw) for m in fetched] == [lf(message(1))]


def test_maildir_sent_folder_found_by_name_or_setting(tmp_path: Path) -> None:
    root = maildir(tmp_path / "Maildir", "Sent Items", "Archive", "Archive.Sent")
    assert MaildirSource(root).folders() == [Folder("", INBOX), Folder("Sent Items", SENT)]
    assert MaildirSource(root, sent_folder="INBOX.Archive", extra_folders=[".Archive.Sent"]).folders() == [
        Folder("", INBOX), Folder("Archive", SENT), Folder("Archive.Sent", "other")]


@pytest.mark.parametrize("options", [{"sent_folder": "Gesendet"}, {"extra_folders": ["Projects"]}])
def test_maildir_missing_configured_folder_is_named(tmp_path: Path, options: dict) -> None:
    with pytest.raises(MailboxError, match="'(Gesendet|Projects)' does not exist"):
        MaildirSource(maildir(tmp_path / "Maildir"), **options).folders()


def test_maildir_missing_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(MailboxError, match=f"^{tmp_path}/nowhere: no such Maildir$"):
        MaildirSource(tmp_path / "nowhere").open()


def test_maildir_damaged_cursor_relists_everything(tmp_path: Path) -> None:
    root = maildir(tmp_path / "Maildir")
    (root / "cur" / "1700000000.M1P1.host:2,S").write_bytes(lf(message(1)))
    source = MaildirSource(root)
    listing = source.list_new(source.folders()[0], {**source.list_new(Folder("", INBOX), None).cursor, "seen": "!"})
    assert listing.reset and len(listing.keys) == 1


def test_mbox_single_takeout_file_is_the_inbox(tmp_path: Path) -> None:
    path = tmp_path / "All mail Including Spam and Trash.mbox"
    path.write_bytes(mbox_bytes(inbox_messages()))
    source = MboxSource(path, settle_seconds=0)
    [folder] = source.folders()
    assert folder == Folder(str(path), INBOX)
    fetched = list(source.fetch_messages(folder, source.list_new(folder, None).keys, 10**9))
    assert [m.raw for m in fetched] == [lf(raw) for raw in inbox_messages()]


def test_mbox_message_still_being_appended_waits_for_the_next_pass(tmp_path: Path) -> None:
    path = tmp_path / "Inbox"
    complete = mbox_bytes([message(1)])
    path.write_bytes(complete + FROM_LINE + lf(message(2))[:80])  # a writer half way through
    source = MboxSource(path, settle_seconds=60)
    folder = source.folders()[0]
    listing = source.list_new(folder, None)
    assert listing.keys == [0]
    cursor = source.advance(listing.cursor, listing.keys)
    path.write_bytes(complete + mbox_bytes([message(2)]))
    assert source.list_new(folder, cursor).keys == []  # finished, but only just
    quiet(path)
    later = source.list_new(folder, cursor)
    assert later.keys == [len(complete)] and not later.reset
    assert lf(next(source.fetch_messages(folder, later.keys, SIZE_CAP)).raw) == lf(message(2))


def test_mbox_quiet_file_without_final_blank_line_lists_its_last_message(tmp_path: Path) -> None:
    path = tmp_path / "Inbox"
    path.write_bytes(mbox_bytes([message(1), message(2)]).rstrip(b"\n") + b"\n")
    quiet(path)
    source = MboxSource(path)
    assert len(source.list_new(source.folders()[0], None).keys) == 2


def test_mbox_thunderbird_marking_mail_read_is_not_a_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "Inbox"
    raws = [b"X-Mozilla-Status: 0000\r\nX-Mozilla-Status2: 00000000\r\n" + message(n) for n in (1, 2)]
    path.write_bytes(mbox_bytes(raws))
    source = MboxSource(path, settle_seconds=0)
    folder = source.folders()[0]
    listing = source.list_new(folder, None)
    cursor = source.advance(listing.cursor, listing.keys)
    path.write_bytes(path.read_bytes().replace(b"X-Mozilla-Status: 0000", b"X-Mozilla-Status: 0001"))
    again = source.list_new(folder, cursor)
    assert again.keys == [] and not again.reset


def test_mbox_shrunk_file_resets(tmp_path: Path) -> None:
    path = tmp_path / "Inbox"
    path.write_bytes(mbox_bytes([message(1), message(2), message(3)]))
    source = MboxSource(path, settle_seconds=0)
    folder = source.folders()[0]
    listing = source.list_new(folder, None)
    cursor = source.advance(listing.cursor, listing.keys)
    path.write_bytes(mbox_bytes([message(1), message(3)]))  # message 2 deleted, file compacted
    again = source.list_new(folder, cursor)
    assert again.reset and len(again.keys) == 2


def test_mbox_streaming_finds_every_message_across_read_chunks(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(mbox_module, "CHUNK", 97)  # separators straddle chunk edges
    path = tmp_path / "big.mbox"
    messages = [message(n, body=f"Body {n}\nFrom the start\n" + "y" * (n * 7)) for n in range(1, 120)]
    path.write_bytes(mbox_bytes(messages))
    source = MboxSource(path, settle_seconds=0)
    folder = source.folders()[0]
    keys = source.list_new(folder, None).keys
    expected = [lf(m.as_bytes()) for m in mailbox.mbox(path)]
    assert len(keys) == len(messages) == len(expected)
    assert [m.raw for m in source.fetch_messages(folder, keys, 10**9)] == [lf(raw) for raw in messages]


def test_thunderbird_profile_folder_roles_come_from_file_names(tmp_path: Path) -> None:
    root = tmp_path / "Local Folders"
    (root / "Lists.sbd").mkdir(parents=True)
    for name in ("Inbox", "Sent", "Trash", "Lists.sbd/Python"):
        (root / name).write_bytes(mbox_bytes([message(1)]))
        (root / f"{name}.msf").write_bytes(b"// mork")
    (root / "Gesendet").write_bytes(b"")  # an empty folder: no .msf, not an mbox yet
    roles = [(Path(f.name).name, f.role) for f in MboxSource(root).folders()]
    assert roles == [("Inbox", INBOX), ("Sent", SENT), ("Python", "other"), ("Trash", "other")]


def test_mbox_missing_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(MailboxError, match=f"^{tmp_path}/gone.mbox: no such mbox file or folder$"):
        MboxSource(tmp_path / "gone.mbox").folders()


def settings(**values: object) -> SimpleNamespace:
    defaults = {"scheme": "imaps", "host": "imap.example.com", "port": 993, "username": "alex", "path": "",
                "ca_file": None, "timeout": 30.0, "sent_folder": None, "folders": [], "batch_size": 500,
                "size_cap": 5_000_000}
    return SimpleNamespace(**{**defaults, **values})


def test_make_source_builds_each_kind(tmp_path: Path) -> None:
    imaps = make_source(settings(), lambda: "secret")
    starttls = make_source(settings(scheme="imap", port=143, folders=["Lists"]), lambda: "secret")
    assert isinstance(imaps, ImapSource) and imaps.security == "tls" and imaps.description == "imap.example.com:993"
    assert isinstance(starttls, ImapSource) and starttls.security == "starttls" and starttls.extra_folders == ["Lists"]
    assert isinstance(make_source(settings(scheme="maildir", path=str(tmp_path)), lambda: ""), MaildirSource)
    assert isinstance(make_source(settings(scheme="mbox", path=str(tmp_path)), lambda: ""), MboxSource)


def test_mbox_folder_without_mbox_files_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here")
    with pytest.raises(MailboxError, match=f"^{tmp_path}: no mbox files in this folder$"):
        MboxSource(tmp_path).folders()
