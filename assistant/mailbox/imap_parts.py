"""Which parts of a large message to fetch over IMAP, and the message rebuilt from them. Pure.

The assistant reads text, calendars and forwarded messages, never the contents of a PDF or a
photo. For a message over a size threshold the source asks for its BODYSTRUCTURE first, then
fetches the header, every part's MIME header and the bodies of the parts worth reading. The
message is rebuilt with the same MIME tree and boundaries, the left-out parts keeping their
headers (type, file name) with an empty body, so the parser sees the same message minus the
attachment data (and minus the multipart preamble and epilogue, which no reader shows).

A structure is imapclient's BodyData: a multipart is ([children], subtype, (params), ...), a
leaf is (type, subtype, (params), id, description, encoding, size, ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SMALL_PART = 8 * 1024  # leaves this small are fetched whatever they are: not worth a decision
WORTH_IT = 32 * 1024  # a plan must leave at least this much on the server, else fetch the whole
READ_TYPES = frozenset({("text", "plain"), ("text", "html"), ("text", "calendar"), ("application", "ics")})
MAX_DEPTH = 20


@dataclass(frozen=True)
class PartsPlan:
    sections: tuple[str, ...]  # sections to fetch besides HEADER: "1.MIME", "1", "2.MIME", ...
    skipped: int  # octets of part bodies left on the server


def plan_parts(structure: Any) -> PartsPlan | None:
    """The sections to fetch, or None when the whole message should be fetched (nothing big to
    leave out, or a structure this module does not understand)."""
    sections: list[str] = []
    try:
        skipped = _plan_body(_normal(structure), "", sections, 0)
    except (TypeError, ValueError, IndexError, AttributeError):
        return None
    if skipped is None or skipped < WORTH_IT:
        return None
    return PartsPlan(tuple(sections), skipped)


# Section numbers (RFC 3501 6.4.5): the body of a message (the top level, or one inside a
# message/rfc822 part "2") is "1" / "2.1" when it is not multipart; else its parts are
# "1", "2", ... / "2.1", "2.2", ...; each part has a "<n>.MIME" header, an encapsulated message
# a "<n>.HEADER".
def _plan_body(node: Any, container: str, sections: list[str], depth: int) -> int | None:
    """Sections for the body of the message at container; the octets left out, None: cannot."""
    prefix = f"{container}." if container else ""
    if not _is_multipart(node):
        if _worth_reading(node):
            sections.append(f"{prefix}1")
            return 0
        return int(node[6])
    return _plan_children(node, prefix, sections, depth)


def _plan_children(node: Any, prefix: str, sections: list[str], depth: int) -> int | None:
    if depth > MAX_DEPTH or _boundary(node) is None:
        return None
    total = 0
    for i, child in enumerate(node[0], 1):
        found = _plan_part(_normal(child), f"{prefix}{i}", sections, depth + 1)
        if found is None:
            return None
        total += found
    return total


def _plan_part(node: Any, path: str, sections: list[str], depth: int) -> int | None:
    sections.append(f"{path}.MIME")
    if _is_multipart(node):
        return _plan_children(node, f"{path}.", sections, depth)
    inner = _encapsulated(node)
    if inner is not None:
        sections.append(f"{path}.HEADER")
        return _plan_body(inner, path, sections, depth + 1)
    if _worth_reading(node):
        sections.append(path)
        return 0
    return int(node[6])


def _worth_reading(leaf: Sequence[Any]) -> bool:
    kind, subtype = _text(leaf[0]).lower(), _text(leaf[1]).lower()
    size = int(leaf[6] or 0)
    if size <= SMALL_PART or (kind, subtype) in READ_TYPES or kind == "message":
        return True
    return any(name.lower().endswith((".ics", ".vcs")) for name in _file_names(leaf))


def _file_names(leaf: Sequence[Any]) -> list[str]:
    """The Content-Type name and Content-Disposition filename parameters."""
    names = [value for key, value in _params(leaf[2]).items() if key.startswith("name")]
    for extra in leaf[7:]:
        # the disposition: ("attachment", ("FILENAME", "x.pdf")) somewhere in the extension data
        if isinstance(extra, tuple) and len(extra) == 2 and isinstance(extra[0], bytes | str):
            names += [value for key, value in _params(extra[1]).items() if key.startswith("filename")]
    return names


def rebuild(structure: Any, header: bytes, sections: Mapping[str, bytes]) -> bytes:
    """The message from its HEADER and fetched sections; parts not fetched have empty bodies."""
    return _ensure_blank_line(header) + _body(_normal(structure), "", sections)


def _body(node: Any, container: str, sections: Mapping[str, bytes]) -> bytes:
    prefix = f"{container}." if container else ""
    if not _is_multipart(node):
        return sections.get(f"{prefix}1", b"")
    return _children(node, prefix, sections)


def _children(node: Any, prefix: str, sections: Mapping[str, bytes]) -> bytes:
    boundary = _boundary(node)
    assert boundary is not None  # plan_parts refused structures without one
    out: list[bytes] = []
    for i, child in enumerate(node[0], 1):
        path = f"{prefix}{i}"
        out += [b"--", boundary, b"\r\n", _ensure_blank_line(sections.get(f"{path}.MIME", b"")),
                _part(_normal(child), path, sections), b"\r\n"]
    out += [b"--", boundary, b"--\r\n"]
    return b"".join(out)


def _part(node: Any, path: str, sections: Mapping[str, bytes]) -> bytes:
    if _is_multipart(node):
        return _children(node, f"{path}.", sections)
    inner = _encapsulated(node)
    if inner is not None:
        return _ensure_blank_line(sections.get(f"{path}.HEADER", b"")) + _body(inner, path, sections)
    return sections.get(path, b"")


def _encapsulated(leaf: Sequence[Any]) -> Any | None:
    """The structure of the message inside a message/rfc822 part (its 9th field), if any."""
    if _text(leaf[0]).lower() != "message" or _text(leaf[1]).lower() != "rfc822" or len(leaf) < 9:
        return None
    if _text(leaf[5]).lower() not in ("", "7bit", "8bit", "binary"):
        return None  # an encoded message part (not allowed, but seen): fetched whole
    inner = leaf[8]
    return _normal(inner) if isinstance(inner, tuple | list) and len(inner) > 0 else None


def _normal(node: Any) -> Any:
    """imapclient nests the parts of a multipart in a list at [0], but leaves the structure
    inside a message/rfc822 part as the raw tuple (parts first): both read the same here."""
    if isinstance(node, tuple) and node and isinstance(node[0], tuple):
        count = next((i for i, x in enumerate(node) if not isinstance(x, tuple)), len(node))
        return ([*node[:count]], *node[count:])
    return node


def _ensure_blank_line(header: bytes) -> bytes:
    """A header block as servers return it ends with an empty line; make sure of it."""
    if header.endswith(b"\r\n\r\n") or header.endswith(b"\n\n"):
        return header
    return header.rstrip(b"\r\n") + b"\r\n\r\n" if header.strip() else b"\r\n"


def _is_multipart(node: Any) -> bool:
    return isinstance(node, Sequence) and len(node) > 0 and isinstance(node[0], list)


def _boundary(node: Sequence[Any]) -> bytes | None:
    value = _params(node[2]).get("boundary") if len(node) > 2 else None
    if not value:
        return None
    if not value.isascii() or "\r" in value or "\n" in value:
        return None  # not rebuilt faithfully: fetched whole
    return value.encode("ascii")


def _params(raw: Any) -> dict[str, str]:
    """A BODYSTRUCTURE parameter list (k1, v1, k2, v2, ...) as a dict, keys lower case."""
    if not isinstance(raw, tuple | list):
        return {}
    items = [_text(x) for x in raw]
    return {items[i].lower(): items[i + 1] for i in range(0, len(items) - 1, 2)}


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)
