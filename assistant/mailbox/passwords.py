"""Passwords from a password command or the environment; never from the settings file."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Mapping

from assistant.errors import CommandError

logger = logging.getLogger(__name__)


def password_source(command: tuple[str, ...], env_name: str, timeout: float,
                    environ: Mapping[str, str], what: str = "mailbox", key: str = "password_command"
                    ) -> Callable[[], str]:
    """A callable that fetches the password when a login needs it (and caches it). Its `source`
    attribute says where the password comes from, for a refused login's message."""
    cache: list[str] = []

    def fetch() -> str:
        if not cache:
            cache.append(_fetch(command, env_name, timeout, environ, what, key))
        return cache[0]

    fetch.source = (f"the password from [{what}] {key} ({command[0]})" if command  # type: ignore[attr-defined]
                    else f"the password in the environment variable {env_name}")
    return fetch


def source_of(password: Callable[[], str]) -> str:
    """Where a password callable gets its password ("the password" when it does not say)."""
    return str(getattr(password, "source", "the password"))


def _fetch(command: tuple[str, ...], env_name: str, timeout: float,
           environ: Mapping[str, str], what: str, key: str = "password_command") -> str:
    if command:
        logger.debug("running [%s] password_command %s", what, command[0])
        try:
            proc = subprocess.run(list(command), capture_output=True, timeout=timeout, check=False,
                                  stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise CommandError(f"[{what}] {key}: program {command[0]!r} not found") from None
        except PermissionError:
            raise CommandError(f"[{what}] {key}: {command[0]!r} is not executable") from None
        except subprocess.TimeoutExpired:
            raise CommandError(f"[{what}] {key} did not finish within {timeout:g} s") from None
        if proc.returncode != 0:
            # stderr is not echoed: some password managers print hints that are secrets themselves
            raise CommandError(f"[{what}] {key} failed with exit status {proc.returncode}")
        lines = proc.stdout.decode("utf-8", "replace").splitlines()
        if not lines or not lines[0]:
            raise CommandError(f"[{what}] {key} printed no {'password' if key == 'password_command' else 'secret'} "
                               "on its first line")
        return lines[0]
    value = environ.get(env_name, "")
    if not value:
        raise CommandError(f"[{what}] no password: set password_command, or the environment variable {env_name}")
    return value
