"""Benchmark: hostile headers. Prints the CPU time to read messages whose Subject is 100,000 and
230,000 RFC 2047 encoded words (2.1 MB and 4.9 MB; the stdlib decodes them in quadratic time:
23 s and 166 s before the header caps), and a 1.8 MB header block of many fields. Target: < 2 s.

    cd /work/main && .venv/bin/python benchmarks/bench_limits.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.reading.parse import parse_message  # noqa: E402

WORD = b"=?UTF-8?Q?caf=C3=A9_news?="
TARGET = 2.0


def subject(words: int) -> bytes:
    return (b"From: Lena <lena@x.example>\r\nTo: alex@example.com\r\nSubject: " + b" ".join([WORD] * words)
            + b"\r\nMessage-ID: <big@x.example>\r\n\r\nThe body.\r\n")


def many_fields(count: int) -> bytes:
    return (b"From: a@b.example\r\nSubject: hi\r\n" + b"".join(b"X-Pad-%d: %s\r\n" % (i, WORD * 2400)
                                                          for i in range(count)) + b"\r\nbody\r\n")


def main() -> None:
    cases = [("Subject of 100,000 encoded words", subject(100_000)),
             ("Subject of 230,000 encoded words", subject(230_000)),
             ("30 fields of 60 KB each", many_fields(30))]
    print(f"hostile headers: Python {sys.version.split()[0]}; CPU time of parse_message (target < {TARGET:g} s)")
    for name, raw in cases:
        started = time.process_time()
        parse_message(raw)
        spent = time.process_time() - started
        print(f"  {name:36s} {len(raw) / 1e6:5.1f} MB  {spent:6.3f} s  {'met' if spent < TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
