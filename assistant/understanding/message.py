"""What one stored message says of its writer: the per-message findings, as stored at ingest. Pure.

`understand` is the one entry point: the sync's workers call it on every new message, later syncs
call it again when EXTRACTOR_VERSION changes, `inspect --json` shows it, and the evaluation in
benchmarks/bench_understanding.py measures it. Decisions that need other messages (bulk senders,
delegates, the owner proof, merges) are made when the network is built, from these findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.models import StoredMessage
from assistant.reading.classify import is_automated, is_bulk
from assistant.understanding.extract import findings
from assistant.understanding.phrases import Found

# Bump when what understand() finds changes: stored findings of another version are re-extracted.
EXTRACTOR_VERSION = 1
KINDS = ("asks", "offers", "news", "helped")
_KIND_OF = {"ask": "asks", "offer": "offers", "news": "news", "helped": "helped"}


@dataclass(frozen=True)
class Findings:
    asks: tuple[Found, ...] = ()
    offers: tuple[Found, ...] = ()
    news: tuple[Found, ...] = ()
    helped: tuple[Found, ...] = ()
    version: int = EXTRACTOR_VERSION

    def all(self) -> tuple[Found, ...]:
        return (*self.asks, *self.offers, *self.news, *self.helped)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"v": self.version}
        for kind in KINDS:
            items = getattr(self, kind)
            if items:
                out[kind] = [_found_json(f) for f in items]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Findings:
        asks, offers, news, helped = (tuple(_found_from(kind, f) for f in data.get(kind) or ()) for kind in KINDS)
        return cls(asks, offers, news, helped, version=int(data.get("v", 0)))


def understand(message: StoredMessage, owner_names: Sequence[str]) -> Findings:
    """The asks, offers, news and favours the writer states in their own words in this message."""
    if message.refused is not None or message.sender is None or not message.reply_text.strip():
        return Findings()
    if is_automated(message.signals) or is_bulk(message.signals):
        return Findings()  # newsletters and notifications speak for no one the owner could help
    title = message.signature.title if message.signature else None
    found = findings(message.reply_text, title=title, owner_names=owner_names,
                     sent=message.date.date() if message.date else None)
    grouped: dict[str, list[Found]] = {kind: [] for kind in KINDS}
    for item in found:
        grouped[_KIND_OF[item.kind]].append(item)
    return Findings(tuple(grouped["asks"]), tuple(grouped["offers"]), tuple(grouped["news"]),
                    tuple(grouped["helped"]))


def _found_json(found: Found) -> dict[str, Any]:
    out: dict[str, Any] = {"text": found.text, "what": found.what}
    if found.qualifiers:
        out["q"] = list(found.qualifiers)
    if found.kind == "news":
        out["confidential"] = found.confidential
        if found.until:
            out["until"] = found.until.isoformat()
    if found.about:
        out["about"] = found.about
    return out


def _found_from(kind: str, data: dict[str, Any]) -> Found:
    single = {"asks": "ask", "offers": "offer", "news": "news", "helped": "helped"}[kind]
    until = data.get("until")
    return Found(single, data["text"], data.get("what"), tuple(data.get("q") or ()), bool(data.get("confidential")),
                 data.get("about"), date.fromisoformat(until) if until else None)
