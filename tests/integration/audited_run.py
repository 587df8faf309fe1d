"""run.py under an audit hook that writes every network connection and name lookup to $AUDIT_LOG.

Audit hooks survive fork, so the worker processes are watched too. Used by test_connections.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOG = os.environ["AUDIT_LOG"]


def hook(event: str, args: tuple) -> None:
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple):
            with open(LOG, "a") as out:
                out.write(f"connect {address[0]} {address[1]}\n")
    elif event == "socket.getaddrinfo":
        with open(LOG, "a") as out:
            out.write(f"lookup {args[0]} {args[1]}\n")


sys.addaudithook(hook)
sys.path.insert(0, str(ROOT))
from assistant.cli import main  # noqa: E402

raise SystemExit(main(sys.argv[1:]))
