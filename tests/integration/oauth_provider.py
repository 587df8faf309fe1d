"""An OAuth2 provider on 127.0.0.1 for the integration tests: the endpoints a real one has.

- POST /device (RFC 8628): a device code and a user code; the token endpoint answers
  authorization_pending `pending` times, then grants (or denies, when `deny` is set).
- GET /authorize: the consent page, approved at once: redirects (302) to the client's redirect_uri
  with a code and the client's state; the code's PKCE challenge is kept.
- POST /token: device_code, authorization_code (PKCE S256 checked, redirect_uri must match) and
  refresh_token grants. With `rotate`, each refresh hands out a new refresh token and the old one
  stops working; `revoke()` makes every refresh token invalid (invalid_grant).
- POST /introspect (RFC 7662): what Dovecot's oauth2 passdb asks; a token is active while it is
  the newest access token of its user and not expired.

Every request is recorded (path and form) so a test can check what the client sent.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from tests.integration.fake_http import JsonHandler, serve

CLIENT_ID = "test-client.apps.example"
CLIENT_SECRET = "s3cret-of-the-client"


@dataclass
class Provider:
    user: str
    pending: int = 1
    deny: bool = False
    rotate: bool = True
    lifetime: int = 3600
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    access: dict[str, float] = field(default_factory=dict)  # token -> expiry
    refresh: set[str] = field(default_factory=set)
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (challenge, redirect_uri)
    devices: dict[str, int] = field(default_factory=dict)  # device code -> polls left before a grant
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: http.server.ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Provider:
        provider = self

        class Handler(JsonHandler):
            def do_GET(self) -> None:  # noqa: N802
                parts = urllib.parse.urlsplit(self.path)
                query = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
                provider.requests.append((parts.path, query))
                if parts.path != "/authorize":
                    self.send_json(404, {"error": "not_found"})
                    return
                if query.get("client_id") != CLIENT_ID or query.get("code_challenge_method") != "S256":
                    self.send_json(400, {"error": "invalid_request"})
                    return
                code = secrets.token_urlsafe(16)
                provider.codes[code] = (query["code_challenge"], query["redirect_uri"])
                target = f"{query['redirect_uri']}?{urllib.parse.urlencode({'code': code, 'state': query['state']})}"
                self.send_redirect(302, target)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
                provider.requests.append((self.path, form))
                with provider.lock:
                    status, answer = provider.answer(self.path, form)
                self.send_json(status, answer)

        self.server = serve(Handler)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def revoke(self) -> None:
        with self.lock:
            self.refresh.clear()
            self.access.clear()

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access = dict.fromkeys(self.access, 0.0)

    # -- the endpoints -----------------------------------------------------------------------

    def answer(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if path == "/introspect":
            expiry = self.access.get(form.get("token", ""))
            if expiry is None or expiry < time.time():
                return 200, {"active": False}
            return 200, {"active": True, "username": self.user}
        if form.get("client_id") != CLIENT_ID:
            return 401, {"error": "invalid_client"}
        if path == "/device":
            code = secrets.token_urlsafe(16)
            self.devices[code] = self.pending
            return 200, {"device_code": code, "user_code": "WDJB-MJHT", "verification_uri": f"{self.url}/device-page",
                         "expires_in": 60, "interval": 0}
        if path != "/token":
            return 404, {"error": "not_found"}
        if form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client", "error_description": "client secret wrong or missing"}
        grant = form.get("grant_type")
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            return self._device(form)
        if grant == "authorization_code":
            return self._code(form)
        if grant == "refresh_token":
            old = form.get("refresh_token", "")
            if old not in self.refresh:
                return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
            if self.rotate:
                self.refresh.discard(old)
                return 200, self._grant(new_refresh=True)
            return 200, self._grant(new_refresh=False)
        return 400, {"error": "unsupported_grant_type"}

    def _device(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        left = self.devices.get(form.get("device_code", ""))
        if left is None:
            return 400, {"error": "expired_token"}
        if left > 0:
            self.devices[form["device_code"]] = left - 1
            return 400, {"error": "authorization_pending"}
        del self.devices[form["device_code"]]
        if self.deny:
            return 400, {"error": "access_denied", "error_description": "The user declined."}
        return 200, self._grant(new_refresh=True)

    def _code(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        found = self.codes.pop(form.get("code", ""), None)
        if found is None:
            return 400, {"error": "invalid_grant", "error_description": "unknown code"}
        challenge, redirect_uri = found
        verifier = form.get("code_verifier", "")
        computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if computed != challenge or form.get("redirect_uri") != redirect_uri:
            return 400, {"error": "invalid_grant", "error_description": "PKCE or redirect_uri mismatch"}
        return 200, self._grant(new_refresh=True)

    def _grant(self, *, new_refresh: bool) -> dict[str, Any]:
        access = f"at-{secrets.token_urlsafe(24)}"
        self.access = {access: time.time() + self.lifetime}  # only the newest access token is good
        answer: dict[str, Any] = {"access_token": access, "token_type": "Bearer", "expires_in": self.lifetime,
                                  "scope": "mail"}
        if new_refresh:
            refresh = f"rt-{secrets.token_urlsafe(24)}"
            self.refresh.add(refresh)
            answer["refresh_token"] = refresh
        return answer
