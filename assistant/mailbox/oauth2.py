"""OAuth2 sign-in for IMAP and SMTP (XOAUTH2). IO.

`run.py auth` runs the consent flow once: a device code (the user opens a page anywhere and types a
code) or a browser redirected to 127.0.0.1 with PKCE. The tokens are kept by a TokenStore (the 0600
`<state>.oauth` file of state/tokens.py). An access token is refreshed shortly before it expires,
under the store's lock so that the service and a command run by hand do not race, and a refresh
token the provider rotates is written back at once. Tokens never reach a log or an error message.

TokenSource plugs in where a password callable goes: calling it returns a fresh access token, its
`mechanism` is "XOAUTH2", its `source` names the file for a refused login's message.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import http.server
import json
import logging
import secrets
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from assistant.errors import OAuth2Error

logger = logging.getLogger(__name__)

REFRESH_MARGIN = 120.0  # seconds: an access token this close to expiry is refreshed first
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


@dataclass(frozen=True)
class Client:
    """The user's own OAuth2 client at one provider."""

    provider: str
    client_id: str
    token_url: str
    scope: str
    authorize_url: str = ""
    device_url: str = ""
    client_secret: Callable[[], str] | None = None  # fetched only when a request needs it


TIMEOUT = 30.0  # seconds for one request to the provider


# -- talking to the provider ---------------------------------------------------------------------


def _post(client: Client, url: str, fields: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """POST a form; (HTTP status, JSON answer). OAuth2 errors come back as 400 with a JSON body."""
    host = urllib.parse.urlsplit(url).netloc
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                     headers={"Accept": "application/json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    context = ssl.create_default_context() if url.startswith("https:") else None
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT, context=context) as answer:  # noqa: S310
            status, body = answer.status, answer.read(1_000_000)
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read(1_000_000)
    except ssl.SSLCertVerificationError as exc:
        raise OAuth2Error(f"{host}: certificate not trusted ({exc.verify_message})") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OAuth2Error(f"{host}: the OAuth2 provider cannot be reached ({reason})") from None
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise OAuth2Error(f"{host}: the OAuth2 provider answered {status} without JSON") from None
    if not isinstance(data, dict):
        raise OAuth2Error(f"{host}: the OAuth2 provider answered {status} with unexpected JSON")
    return status, data


def _with_secret(client: Client, fields: dict[str, str]) -> dict[str, str]:
    fields = {"client_id": client.client_id, **fields}
    if client.client_secret is not None:
        fields["client_secret"] = client.client_secret()
    return fields


def _problem(data: dict[str, Any]) -> str:
    """The provider's error code and description, one short line (they never hold a token)."""
    code = str(data.get("error") or "error")
    text = " ".join(str(data.get("error_description") or "").split())[:160]
    return f"{code}: {text}" if text else code


def _tokens_from(answer: dict[str, Any], client: Client, account: str, now: float,
                 refresh_token: str | None = None) -> dict[str, Any]:
    access = answer.get("access_token")
    if not isinstance(access, str) or not access:
        raise OAuth2Error(f"{_host(client.token_url)}: the provider's answer has no access token")
    refresh = answer.get("refresh_token") or refresh_token
    if not isinstance(refresh, str) or not refresh:
        raise OAuth2Error(f"{_host(client.token_url)}: the provider gave no refresh token, so the sign-in would "
                          "last an hour only (Microsoft: the scope needs offline_access; Google: remove the app's "
                          "access in your Google account and run `auth` again)")
    try:
        lifetime = max(60.0, float(answer.get("expires_in", 3600)))
    except (TypeError, ValueError):
        lifetime = 3600.0
    return {"provider": client.provider, "client_id": client.client_id, "token_url": client.token_url,
            "account": account, "scope": str(answer.get("scope") or client.scope), "refresh_token": refresh,
            "access_token": access, "expires_at": now + lifetime, "written_at": now}


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


# -- the access token, refreshed when due --------------------------------------------------------


class TokenStore(Protocol):
    """Where the tokens are kept (state/tokens.py's TokenFile)."""

    path: Path

    def read(self) -> dict[str, Any] | None: ...

    def write(self, data: dict[str, Any]) -> None: ...

    def locked(self) -> contextlib.AbstractContextManager[None]: ...


class TokenSource:
    """Calling it returns an access token valid for at least REFRESH_MARGIN seconds."""

    mechanism = "XOAUTH2"

    def __init__(self, client: Client, store: TokenStore, account: str,
                 clock: Callable[[], float] = time.time) -> None:
        self.client, self.store, self.account, self.clock = client, store, account, clock
        self.path = store.path
        self.source = f"the OAuth2 sign-in in {self.path} (run `python run.py auth` again if it was revoked)"

    def __call__(self) -> str:
        return self.token()

    def token(self, force_refresh: bool = False) -> str:
        data = self._stored()
        if not force_refresh and self._fresh(data):
            return str(data["access_token"])
        with self.store.locked():
            data = self._stored()  # another process may have refreshed while this one waited
            if not force_refresh and self._fresh(data):
                return str(data["access_token"])
            return self._refresh(data)

    def _stored(self) -> dict[str, Any]:
        data = self.store.read()
        if data is None:
            raise OAuth2Error(f"no OAuth2 sign-in yet ({self.path} does not exist): run `python run.py auth`")
        if data.get("client_id") != self.client.client_id or data.get("account") != self.account:
            raise OAuth2Error(f"{self.path} was signed in for another client or account than the settings name: "
                              "run `python run.py auth` again")
        return data

    def _fresh(self, data: dict[str, Any]) -> bool:
        expires = data.get("expires_at")
        return (isinstance(data.get("access_token"), str) and isinstance(expires, (int, float))
                and expires - REFRESH_MARGIN > self.clock())

    def _refresh(self, data: dict[str, Any]) -> str:
        now = self.clock()
        status, answer = _post(self.client, self.client.token_url,
                               _with_secret(self.client, {"grant_type": "refresh_token",
                                                          "refresh_token": str(data["refresh_token"])}))
        if status != 200 or "error" in answer:
            if answer.get("error") == "invalid_grant":
                raise OAuth2Error(f"{_host(self.client.token_url)}: the OAuth2 sign-in was revoked or has expired "
                                  f"({_problem(answer)}); run `python run.py auth` again")
            raise OAuth2Error(f"{_host(self.client.token_url)}: refreshing the OAuth2 access token failed "
                              f"({status} {_problem(answer)})")
        fresh = _tokens_from(answer, self.client, self.account, now, refresh_token=str(data["refresh_token"]))
        self.store.write(fresh)
        if fresh["refresh_token"] != data["refresh_token"]:
            logger.info("the OAuth2 provider rotated the refresh token; %s rewritten", self.path)
        else:
            logger.debug("OAuth2 access token refreshed")
        return str(fresh["access_token"])


# -- the consent flows (run once by `auth`) -------------------------------------------------------


def device_flow(client: Client, account: str, out: IO[str], *, sleep: Callable[[float], None] = time.sleep,
                clock: Callable[[], float] = time.time) -> dict[str, Any]:
    """RFC 8628: show a code, poll until the user has consented; the tokens."""
    status, start = _post(client, client.device_url, {"client_id": client.client_id, "scope": client.scope})
    device_code, user_code = start.get("device_code"), start.get("user_code")
    page = start.get("verification_uri") or start.get("verification_url")
    if status != 200 or not isinstance(device_code, str) or not isinstance(user_code, str) or not page:
        raise OAuth2Error(f"{_host(client.device_url)}: the device sign-in could not start "
                          f"({status} {_problem(start)})")
    out.write(f"Open {page} in any browser, sign in as {account} and enter the code {user_code}\n")
    out.flush()
    interval = _seconds(start.get("interval"), 5.0)
    deadline = clock() + _seconds(start.get("expires_in"), 900.0)
    while clock() < deadline:
        sleep(interval)
        status, answer = _post(client, client.token_url, _with_secret(client, {"grant_type": DEVICE_GRANT,
                                                                                "device_code": device_code}))
        error = answer.get("error")
        if status == 200 and not error:
            return _tokens_from(answer, client, account, clock())
        if error == "authorization_pending":
            continue
        if error == "slow_down":
            interval += 5
            continue
        if error == "access_denied":
            raise OAuth2Error("the sign-in was declined at the provider; nothing was written")
        if error == "expired_token":
            break
        raise OAuth2Error(f"{_host(client.token_url)}: the sign-in failed ({status} {_problem(answer)}); "
                          "nothing was written")
    raise OAuth2Error("the code expired before the sign-in was finished: run `python run.py auth` again")


def _seconds(value: Any, default: float) -> float:
    try:
        return max(0.0, float(value)) if value is not None else default
    except (TypeError, ValueError):
        return default


def browser_flow(client: Client, account: str, out: IO[str], *, open_browser: Callable[[str], object] | None = None,
                 wait: float = 300.0, clock: Callable[[], float] = time.time) -> dict[str, Any]:
    """Authorization code with PKCE (RFC 7636), redirected to a one-shot listener on 127.0.0.1."""
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state = secrets.token_urlsafe(24)
    catcher = _RedirectCatcher(state)
    server = http.server.HTTPServer(("127.0.0.1", 0), catcher.handler())
    server.timeout = 1.0
    redirect_uri = f"http://127.0.0.1:{server.server_address[1]}/"
    query = {"response_type": "code", "client_id": client.client_id, "redirect_uri": redirect_uri,
             "scope": client.scope, "state": state, "code_challenge": challenge, "code_challenge_method": "S256",
             "access_type": "offline", "prompt": "consent", "login_hint": account}
    sep = "&" if "?" in client.authorize_url else "?"
    url = f"{client.authorize_url}{sep}{urllib.parse.urlencode(query)}"
    out.write(f"Open this page in a browser on this machine and sign in as {account}:\n\n  {url}\n\n"
              "Waiting for the provider to send the browser back here ...\n")
    out.flush()
    if open_browser is not None:
        open_browser(url)
    deadline = clock() + wait
    try:
        while catcher.result is None and clock() < deadline:
            server.handle_request()
    finally:
        server.server_close()
    if catcher.result is None:
        raise OAuth2Error(f"no answer from the browser within {wait:g} s: run `python run.py auth` again")
    kind, value = catcher.result
    if kind == "error":
        raise OAuth2Error(f"the provider refused the sign-in ({value}); nothing was written")
    status, answer = _post(client, client.token_url, _with_secret(client, {
        "grant_type": "authorization_code", "code": value, "redirect_uri": redirect_uri, "code_verifier": verifier}))
    if status != 200 or "error" in answer:
        raise OAuth2Error(f"{_host(client.token_url)}: the sign-in code was refused ({status} {_problem(answer)}); "
                          "nothing was written")
    return _tokens_from(answer, client, account, clock())


class _RedirectCatcher:
    """Takes the first redirect that carries our state; anything else is answered 400 and ignored."""

    def __init__(self, state: str) -> None:
        self.state = state
        self.result: tuple[str, str] | None = None

    def handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        catcher = self

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 5  # a connection that sends nothing (a browser's preconnect) cannot hold the wait

            def do_GET(self) -> None:  # noqa: N802
                params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                first = {k: v[0] for k, v in params.items() if v}
                if first.get("state") != catcher.state or catcher.result is not None:
                    self._answer(400, "This is not the sign-in this assistant is waiting for.")
                    return
                if "code" in first:
                    catcher.result = ("code", first["code"])
                    self._answer(200, "Signed in. You can close this tab and go back to the terminal.")
                else:
                    reason = " ".join(first.get("error_description", first.get("error", "no code")).split())[:160]
                    catcher.result = ("error", reason)
                    self._answer(200, "The sign-in did not complete; see the terminal.")

            def _answer(self, code: int, text: str) -> None:
                body = f"<!doctype html><meta charset=utf-8><p>{text}</p>".encode()
                self.send_response(code)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                logger.debug("redirect listener answered a %s", self.command)  # the path holds the code

        return Handler
