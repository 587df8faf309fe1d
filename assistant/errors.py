"""Exceptions named after what failed; cli.py is the one place they become messages."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the user is meant to see as one clear line."""


class UserError(AssistantError):
    """Bad settings or arguments; carries every problem found at once."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


class MailboxError(AssistantError):
    """The mailbox could not be read (host, login, certificate, folder, path)."""


class AuthenticationError(MailboxError):
    """The server refused the credentials."""


class DeliveryError(AssistantError):
    """Mail could not be sent."""


class StoreError(AssistantError):
    """The state file is unreadable, locked by another process or could not be written."""


class CommandError(AssistantError):
    """A password command or other helper program failed."""


class MessageRefused(AssistantError):
    """A message the parser will not understand (not an email, too deeply nested, ...).

    internal: the refusal comes from an unexpected error in the assistant's own code, not from
    the message; the pipeline stops rather than record many of those as refused.
    """

    def __init__(self, reason: str, internal: bool = False) -> None:
        super().__init__(reason)
        self.internal = internal
