"""Fake HTTP servers on loopback for integration tests (the OAuth2 provider, the [llm] model server)."""

from __future__ import annotations

import http.server
import json
import threading
from typing import Any


class JsonHandler(http.server.BaseHTTPRequestHandler):
    """A quiet request handler that answers in JSON or with a redirect; nothing is logged."""

    def send_json(self, status: int, data: dict[str, Any]) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def serve(handler: type[http.server.BaseHTTPRequestHandler]) -> http.server.ThreadingHTTPServer:
    """The handler on 127.0.0.1 at a free port, served from a daemon thread (shutdown() stops it)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
