"""The bundled sample mailbox: reproducible by tools/make_sample.py, parseable, and as documented."""

from __future__ import annotations

import email
import re
import subprocess
import sys
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "tools" / "make_sample.py"
SAMPLE = REPO / "assistant" / "sample"
MAILDIR = SAMPLE / "Maildir"
README = (SAMPLE / "README.md").read_text(encoding="utf-8")
NAME = re.compile(r"^\d{10}\.\d+\.sample:2,S?$")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _messages(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "cur").iterdir())}


def _problems(data: bytes) -> list[str]:
    """Why a message is not clean, well-formed mail (empty list: it is)."""
    if not data.strip():
        return ["empty"]
    msg: EmailMessage = email.message_from_bytes(data, policy=policy.default)
    found = [f"no {name}" for name in ("From", "Date", "Message-ID") if msg[name] is None]
    if not msg.is_multipart() and not msg.get_payload():
        found.append("no body")
    for part in msg.walk():
        if not part.is_multipart():
            part.get_content()  # decoding is what records payload defects
        found += [type(d).__name__ for d in part.defects]
    for name in ("From", "To", "Subject"):
        if msg[name] is not None:
            found += [type(d).__name__ for d in msg[name].defects]
    return found


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    subprocess.run([sys.executable, str(GENERATOR), str(out)], check=True, capture_output=True)
    return out / "Maildir"


def test_generator_reproduces_the_committed_maildir_byte_for_byte(regenerated: Path) -> None:
    committed, fresh = _tree(MAILDIR), _tree(regenerated)
    assert sorted(fresh) == sorted(committed)
    assert [name for name in fresh if fresh[name] != committed[name]] == []


def test_maildir_layout_has_inbox_and_sent_with_maildir_names() -> None:
    for folder in (MAILDIR, MAILDIR / ".Sent"):
        for sub in ("cur", "new", "tmp"):
            assert (folder / sub).is_dir()
        assert [p.name for p in (folder / "new").iterdir()] == [".gitkeep"]
        assert all(NAME.match(name) for name in _messages(folder))
    assert (MAILDIR / ".Sent" / "maildirfolder").is_file()


def test_counts_match_the_readme() -> None:
    documented = re.search(r"Counts: INBOX (\d+) messages, Sent (\d+) messages, (\d+) in total", README)
    assert documented is not None
    inbox, sent, total = map(int, documented.groups())
    assert len(_messages(MAILDIR)) == inbox
    assert len(_messages(MAILDIR / ".Sent")) == sent
    assert inbox + sent == total


def test_every_message_parses_or_is_one_of_the_documented_malformed_ones() -> None:
    malformed = {name for name, data in _messages(MAILDIR).items() if _problems(data)}
    documented = set(re.findall(r"^\| `(\d{10}\.\d+\.sample:2,S?)` \|", README, re.M))
    assert len(documented) == 6
    assert malformed == documented
    assert [name for name, data in _messages(MAILDIR / ".Sent").items() if _problems(data)] == []


def test_replies_point_at_messages_in_the_mailbox() -> None:
    parsed = [email.message_from_bytes(data, policy=policy.compat32)
              for folder in (MAILDIR, MAILDIR / ".Sent") for data in _messages(folder).values() if data.strip()]
    known = {m["Message-ID"] for m in parsed if m["Message-ID"]}
    replies = [m for m in parsed if m["In-Reply-To"]]
    assert len(replies) > 50
    assert [m["Subject"] for m in replies if m["In-Reply-To"] not in known] == []


def test_the_sample_only_uses_reserved_domains() -> None:
    address = re.compile(rb"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
    reserved = (b".example", b"example.com", b"example.org", b"example.net")
    # undo quoted-printable soft breaks and iCalendar line folding
    texts = [data.replace(b"=\r\n", b"").replace(b"\r\n ", b"") for data in _tree(MAILDIR).values()]
    domains = {d.lower() for text in texts for d in address.findall(text)}
    assert sorted(d for d in domains if not d.endswith(reserved)) == []


def test_sent_mail_comes_from_alex_or_his_alias() -> None:
    senders = {email.message_from_bytes(data, policy=policy.default)["From"].addresses[0].addr_spec
               for data in _messages(MAILDIR / ".Sent").values()}
    assert senders == {"alex@morgan-advisory.example", "alex.morgan@mail.example"}
