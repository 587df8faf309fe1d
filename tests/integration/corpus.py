"""The same test messages for every source; stored with CRLF (IMAP) or LF (Maildir, mbox)."""

from __future__ import annotations

BIG_BODY_LINES = 2500  # ~120 KB: above SIZE_CAP, so fetched as headers only
SIZE_CAP = 50_000


def message(number: int, *, sender: str = "ada@example.org", to: str = "alex@example.com",
            subject: str | None = None, body: str | None = None) -> bytes:
    """One RFC 5322 message with CRLF line endings and a unique Message-ID."""
    lines = [
        f"From: Ada Lovelace <{sender}>",
        f"To: Alex <{to}>",
        f"Subject: {subject or f'Test message {number}'}",
        f"Date: Mon, 0{1 + number % 9} Jan 2024 10:00:00 +0000",
        f"Message-ID: <test-{number}@example.org>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        *(body or f"Hello number {number}.\nSee you soon.").split("\n"),
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def inbox_messages() -> list[bytes]:
    return [
        message(1),
        message(2, subject="Grüße aus Köln", body="Schöne Grüße,\nJörg"),
        # body lines that look like mbox separators: must survive >From quoting
        message(3, body="Hi,\nFrom here it looks fine.\n>From the archive too.\nBye"),
        message(4, subject="Big one", body="\n".join(f"line {i} " + "x" * 40 for i in range(BIG_BODY_LINES))),
        message(5, sender="bob@example.net"),
    ]


def sent_messages() -> list[bytes]:
    return [message(100, sender="alex@example.com", to="ada@example.org", subject="Re: Test message 1")]


def lf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n")


def header_block(raw: bytes) -> bytes:
    """The header block of raw, with the blank line that ends it, in LF form."""
    text = lf(raw)
    return text[: text.index(b"\n\n") + 2]
