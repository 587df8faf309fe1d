"""Digest ids signed into the Message-ID: only our key verifies, whatever header carries them back."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta, timezone

import pytest

from assistant.digest.tokens import message_id_for, new_digest_id, verify
from assistant.errors import StoreError
from assistant.state.keys import KEY_BYTES, load_or_create_key

KEY = b"k" * 32
NOW = datetime(2026, 3, 2, 8, 0, 5, tzinfo=UTC)
ENTROPY = bytes(range(16))


def test_digest_id_is_readable_time_plus_randomness_in_utc():
    berlin = NOW.astimezone(timezone(timedelta(hours=1)))
    digest_id = new_digest_id(berlin, ENTROPY)
    assert digest_id.startswith("20260302t080005z-")
    assert digest_id == digest_id.lower() and len(digest_id) == len("20260302t080005z-") + 26
    assert new_digest_id(NOW, os.urandom(16)) != new_digest_id(NOW, os.urandom(16))


@pytest.mark.parametrize("now, entropy", [(datetime(2026, 3, 2), ENTROPY), (NOW, b"short")])
def test_digest_id_refuses_naive_time_and_little_entropy(now, entropy):
    with pytest.raises(ValueError):
        new_digest_id(now, entropy)


def test_message_id_has_the_documented_shape_and_verifies():
    digest_id = new_digest_id(NOW, ENTROPY)
    message_id = message_id_for(digest_id, KEY, "Owner.Example")
    prefix, mac = message_id[1:].split("@")[0].rsplit(".", 1)
    assert prefix == f"digest.{digest_id}" and len(mac) == 16 and int(mac, 16) >= 0
    assert message_id.endswith("@owner.example>")
    assert verify(message_id, KEY) == digest_id


@pytest.mark.parametrize("carrier", [
    "{mid}",
    "  {mid}  ",
    "<CAF123@mail.gmail.com> {mid} <other@x.example>",
    "<a@b.example>\r\n {mid}",
    "{upper}",  # some clients change the case of ids they copy
])
def test_verify_finds_the_id_in_in_reply_to_or_references(carrier):
    digest_id = new_digest_id(NOW, ENTROPY)
    mid = message_id_for(digest_id, KEY, "owner.example")
    assert verify(carrier.format(mid=mid, upper=mid.upper()), KEY) == digest_id


def test_verify_returns_the_newest_digest_in_references():
    older, newer = new_digest_id(NOW, b"\x01" * 16), new_digest_id(NOW + timedelta(days=7), b"\x02" * 16)
    refs = f"{message_id_for(older, KEY, 'a.example')} {message_id_for(newer, KEY, 'a.example')}"
    assert verify(refs, KEY) == newer


@pytest.mark.parametrize("text", [
    "", "<plain@example.org>", "digest.20260302t080005z-aaaaaaaaaaaaa.0000000000000000@x",
    "<digest.20260302t080005z-aaaaaaaaaaaaa.0000000000000000@owner.example>",
])
def test_verify_rejects_unsigned_and_forged_ids(text):
    assert verify(text, KEY) is None


def test_verify_rejects_another_key_a_changed_id_and_a_changed_mac():
    digest_id = new_digest_id(NOW, ENTROPY)
    mid = message_id_for(digest_id, KEY, "owner.example")
    assert verify(mid, b"x" * 32) is None
    assert verify(mid.replace("20260302", "20260303"), KEY) is None
    mac = mid.split("@")[0][-16:]
    flipped = mac[:-1] + ("0" if mac[-1] != "0" else "1")
    assert verify(mid.replace(mac, flipped), KEY) is None


@pytest.mark.parametrize("digest_id, domain", [
    ("not-an-id", "owner.example"), ("20260302t080005z-AAAAAAAAAAAAA", "owner.example"),
    (new_digest_id(NOW, ENTROPY), "evil.example>\r\nBcc: x@y"), (new_digest_id(NOW, ENTROPY), ""),
])
def test_message_id_for_refuses_bad_ids_and_domains(digest_id, domain):
    with pytest.raises(ValueError):
        message_id_for(digest_id, KEY, domain)


def test_short_keys_are_refused():
    with pytest.raises(ValueError):
        message_id_for(new_digest_id(NOW, ENTROPY), b"short", "owner.example")


# -- the key file ---------------------------------------------------------------------------------

def test_key_is_created_once_0600_and_read_back(tmp_path):
    path = tmp_path / "state" / "digest.key"
    key = load_or_create_key(path)
    assert len(key) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(path) == key
    assert [p.name for p in path.parent.iterdir()] == ["digest.key"]  # no temporary file left


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_key_readable_by_others_is_refused(tmp_path, mode):
    path = tmp_path / "digest.key"
    load_or_create_key(path)
    path.chmod(mode)
    with pytest.raises(StoreError, match="may have leaked: remove it"):
        load_or_create_key(path)


def test_damaged_key_is_refused_without_showing_its_content(tmp_path):
    path = tmp_path / "digest.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"secret-ish")
    os.close(fd)
    with pytest.raises(StoreError) as info:
        load_or_create_key(path)
    assert "secret-ish" not in str(info.value)


def test_key_that_is_a_symlink_is_refused(tmp_path):
    target = tmp_path / "real.key"
    load_or_create_key(target)
    link = tmp_path / "digest.key"
    link.symlink_to(target)
    with pytest.raises(StoreError):
        load_or_create_key(link)
