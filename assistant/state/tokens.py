"""The OAuth2 tokens beside the state: `<state>.oauth`, 0600, written whole or not at all
(files.atomic_write), changed only under an flock so that the service and a command run by hand never
race. IO. What is in them and when to refresh is mailbox/oauth2.py's business."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import OAuth2Error
from assistant.state.files import atomic_write


def token_path(state_path: Path) -> Path:
    return state_path.with_name(state_path.name + ".oauth")


def read_tokens(path: Path) -> dict[str, Any] | None:
    """The tokens, or None before the first sign-in."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OAuth2Error(f"OAuth2 token file {path} cannot be read ({type(exc).__name__}); "
                          "run `python run.py auth` again") from None
    if not isinstance(data, dict) or not isinstance(data.get("refresh_token"), str):
        raise OAuth2Error(f"OAuth2 token file {path} holds no refresh token; run `python run.py auth` again")
    return data


def write_tokens(path: Path, data: dict[str, Any]) -> None:
    """Whole or not at all, 0600; the old file stays until the new one is on disk."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))


class TokenFile:
    """One token file: what TokenSource (mailbox/oauth2.py) reads, locks and rewrites."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, Any] | None:
        return read_tokens(self.path)

    def write(self, data: dict[str, Any]) -> None:
        write_tokens(self.path, data)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Held by one process at a time (a refresh, a new sign-in); closing the file releases it."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path.with_name(self.path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
