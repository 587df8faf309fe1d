"""What the fault tests share: a private copy of the sample mailbox, settings for it, run.py in a
subprocess (crash hooks in its environment), a small real filesystem to fill, and /proc look-ups."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assistant" / "sample" / "Maildir"
NOW = "2026-11-25T17:00:00+00:00"  # a Wednesday, 09:00 in Portland: after the weekly slot
SMTP_PASSWORD = "correct horse battery staple"


def copy_sample(tmp_path: Path) -> Path:
    target = tmp_path / "Maildir"
    shutil.copytree(SAMPLE, target)
    return target


def settings_file(tmp_path: Path, maildir: Path, *, state: Path | None = None, smtp_port: int | None = None,
                  ca_file: str = "", batch_size: int = 500) -> Path:
    path = tmp_path / "settings.toml"
    smtp = f'[smtp]\nurl = "smtp://ana@127.0.0.1:{smtp_port}"\nca_file = "{ca_file}"\ntimeout = 10\n' \
        if smtp_port else ""
    path.write_text(f'''
[owner]
name = "Alex Morgan"
email = "alex@morgan-advisory.example"
aliases = ["alex.morgan@mail.example"]
[mailbox]
url = "maildir://{maildir}"
batch_size = {batch_size}
[store]
path = "{state or tmp_path / 'state' / 'state.json'}"
[digest]
day = "wednesday"
time = "08:00"
timezone = "America/Los_Angeles"
{smtp}''')
    return path


def run(config: Path, *args: str, env: dict[str, str] | None = None,
        timeout: float = 180) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if k not in ("ASSISTANT_CRASH_AT", "ASSISTANT_CONFIG")}
    full = {**inherited, "ASSISTANT_SMTP_PASSWORD": SMTP_PASSWORD, **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "run.py"), "--config", str(config), *args],
                          capture_output=True, text=True, env=full, timeout=timeout, cwd=ROOT)


def deliver_to_maildir(maildir: Path, raw: bytes) -> None:
    """As the owner's server would: the message lands in INBOX."""
    name = f"{uuid.uuid4().hex}.test:2,"
    (maildir / "cur" / name).write_bytes(raw)


@contextmanager
def small_disk(where: Path, size_kb: int) -> Iterator[Path]:
    """A real tmpfs of size_kb mounted at where: writes beyond it fail with ENOSPC, as on a full disk."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        reason = f"cannot mount a tmpfs at {where} (needs root): {done.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(directory: Path) -> Path:
    """Fill the filesystem under directory to the last byte; returns the filler to remove."""
    filler = directory / f"filler-{uuid.uuid4().hex[:8]}"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):  # big blocks, then the last scraps
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    state = next((ln.split()[1] for ln in status.splitlines() if ln.startswith("State:")), "X")
    return state not in ("Z", "X")
