"""A tiny scripted IMAP server for cases Dovecot will not play: no STARTTLS, a silent server."""

from __future__ import annotations

import socket
import threading


class FakeImapServer:
    """Greets with capabilities (or stays silent) and records every line a client sends."""

    def __init__(self, capabilities: str = "IMAP4rev1 AUTH=PLAIN LOGIN", greet: bool = True) -> None:
        self.capabilities, self.greet = capabilities, greet
        self.received: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._stop = threading.Event()

    def __enter__(self) -> FakeImapServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                continue
            with connection:
                self._talk(connection)

    def _talk(self, connection: socket.socket) -> None:
        connection.settimeout(5)
        stream = connection.makefile("rwb")
        if not self.greet:
            self._stop.wait(10)
            return
        stream.write(f"* OK [CAPABILITY {self.capabilities}] fake ready\r\n".encode())
        stream.flush()
        try:
            for line in stream:
                self.received.append(line)
                tag, _, rest = line.decode(errors="replace").strip().partition(" ")
                command = rest.split(" ")[0].upper()
                if command == "CAPABILITY":
                    stream.write(f"* CAPABILITY {self.capabilities}\r\n{tag} OK done\r\n".encode())
                elif command == "LOGOUT":
                    stream.write(f"* BYE bye\r\n{tag} OK done\r\n".encode())
                    stream.flush()
                    return
                else:
                    stream.write(f"{tag} BAD not here\r\n".encode())
                stream.flush()
        except OSError:
            return
