"""How the assistant proves who it is to the mail servers: a password (a command or the environment)
or, with `[mailbox] oauth2`, an OAuth2 access token from the sign-in `run.py auth` made. Either way a
callable that yields the secret only when a login needs it. Also the `auth` command itself."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Mapping
from typing import IO

from imapclient.exceptions import IMAPClientError

from assistant.config import Settings
from assistant.errors import AssistantError, UserError
from assistant.mailbox.connect import DROPS, Endpoint, connection_error, open_client, shutdown_quietly
from assistant.mailbox.oauth2 import Client, TokenSource, browser_flow, device_flow
from assistant.mailbox.passwords import password_source
from assistant.state.tokens import TokenFile, token_path


def oauth2_client(settings: Settings, environ: Mapping[str, str]) -> Client:
    box = settings.mailbox
    if box.oauth2 is None:
        raise UserError("[mailbox] oauth2 is not set: `auth` signs in with OAuth2 (see the README, "
                        "\"Signing in with OAuth2\"); a password needs no sign-in")
    auth = box.oauth2
    secret = (password_source(auth.client_secret_command, "", box.password_timeout, environ, "mailbox",
                              key="oauth2.client_secret_command")
              if auth.client_secret_command else None)
    return Client(auth.provider, auth.client_id, auth.token_url, auth.scope, auth.authorize_url, auth.device_url,
                  secret)


def _token_source(settings: Settings, environ: Mapping[str, str]) -> TokenSource:
    """The mailbox account's OAuth2 tokens (SMTP signs in as the same account)."""
    return TokenSource(oauth2_client(settings, environ), TokenFile(token_path(settings.store.path)),
                       settings.mailbox.username)


def mailbox_secret(settings: Settings, environ: Mapping[str, str]) -> Callable[[], str]:
    """The mailbox password, or the OAuth2 token source (its `mechanism` is XOAUTH2)."""
    box = settings.mailbox
    if box.oauth2 is not None:
        return _token_source(settings, environ)
    return password_source(box.password_command, box.password_env, box.password_timeout, environ)


def smtp_secret(settings: Settings, environ: Mapping[str, str]) -> Callable[[], str]:
    smtp = settings.smtp
    if smtp.oauth2:  # the same account's tokens as the mailbox (the settings make sure there are some)
        return _token_source(settings, environ)
    return password_source(smtp.password_command, smtp.password_env, smtp.password_timeout, environ, "smtp")


def auth(settings: Settings, *, how: str, environ: Mapping[str, str], out: IO[str],
         open_browser: bool = True, test_login: bool = True) -> int:
    """`run.py auth`: the consent flow once, the tokens kept 0600 beside the state, then the IMAP login
    tested with them. how: "auto" (device code where the provider has it, else the browser),
    "device" or "browser"."""
    client = oauth2_client(settings, environ)
    box = settings.mailbox
    if how == "auto":
        how = "device" if client.device_url else "browser"
    if how == "device" and not client.device_url:
        raise UserError(f"[mailbox] oauth2: provider {client.provider!r} has no device sign-in; use `auth --browser`")
    if how == "browser" and not client.authorize_url:
        raise UserError(f"[mailbox] oauth2: provider {client.provider!r} has no browser sign-in; use `auth --device`")
    if how == "device":
        tokens = device_flow(client, box.username, out)
    else:
        tokens = browser_flow(client, box.username, out, open_browser=_browser if open_browser else None)
    path = token_path(settings.store.path)
    if test_login:  # before anything is saved: a sign-in as another account must not be kept
        endpoint = Endpoint(box.host, box.port, "tls" if box.scheme == "imaps" else "starttls", box.username,
                            _Granted(str(tokens["access_token"])), box.ca_file, box.timeout)
        try:
            shutdown_quietly(open_client(endpoint))
        except AssistantError as exc:
            raise AssistantError(f"signed in, but {endpoint.where} refused the token for {box.username} (was the "
                                 f"sign-in made as another account?); nothing was saved: {exc}") from None
        except (*DROPS, IMAPClientError) as exc:
            raise connection_error(exc, endpoint) from None
        out.write(f"The IMAP login to {endpoint.where} works with it.\n")
    store = TokenFile(path)
    with store.locked():
        store.write(tokens)
    out.write(f"Signed in; the tokens are in {path} (readable by you only; no password is kept).\n")
    return 0


class _Granted:
    """The access token just granted, for the login test before the tokens are saved."""

    mechanism = "XOAUTH2"
    source = "the OAuth2 sign-in just made"

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self) -> str:
        return self._token

    def token(self, force_refresh: bool = False) -> str:
        return self._token


def _browser(url: str) -> None:
    try:
        webbrowser.open(url, new=1)
    except webbrowser.Error:  # no browser here: the URL is printed for the user to open
        pass
