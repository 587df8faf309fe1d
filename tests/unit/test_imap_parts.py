"""Planning which parts of a large message to fetch, and rebuilding it: structures as imapclient gives them."""

import pytest
from imapclient.response_types import BodyData

from assistant.mailbox.imap_parts import PartsPlan, plan_parts, rebuild

TEXT = (b"text", b"plain", (b"charset", b"utf-8"), None, None, b"7bit", 120, 3, None, None, None, None)
HTML = (b"text", b"html", (b"charset", b"utf-8"), None, None, b"quoted-printable", 900, 20, None, None, None, None)
PDF = (b"application", b"pdf", (b"name", b"deck.pdf"), None, None, b"base64", 200_000, None,
       (b"attachment", (b"filename", b"deck.pdf")), None, None)
ICS_AS_OCTETS = (b"application", b"octet-stream", None, None, None, b"base64", 90_000, None,
                 (b"attachment", (b"filename", b"Invite.ICS")), None, None)
SMALL_PNG = (b"image", b"png", None, None, None, b"base64", 2_000, None, None, None, None)


def multipart(*parts, subtype=b"mixed", boundary=b"b1"):
    return BodyData.create((*parts, subtype, (b"boundary", boundary) if boundary else None, None, None, None))


def forward_of(inner):
    return (b"message", b"rfc822", None, None, None, b"7bit", 250_000, (b"envelope",), inner, 4000, None, None)


@pytest.mark.parametrize("structure, expected", [
    (multipart(TEXT, PDF), PartsPlan(("1.MIME", "1", "2.MIME"), 200_000)),
    (multipart(multipart(TEXT, HTML, subtype=b"alternative", boundary=b"b2"), PDF, ICS_AS_OCTETS),
     PartsPlan(("1.MIME", "1.1.MIME", "1.1", "1.2.MIME", "1.2", "2.MIME", "3.MIME", "3"), 200_000)),
    (BodyData.create(PDF), PartsPlan((), 200_000)),  # a lone attachment: the header is all there is to read
    # a forward: the message inside is opened up, its own attachment left out too
    (multipart(TEXT, forward_of((TEXT, PDF, b"mixed", (b"boundary", b"in"), None, None, None))),
     PartsPlan(("1.MIME", "1", "2.MIME", "2.HEADER", "2.1.MIME", "2.1", "2.2.MIME"), 200_000)),
    # a base64-encoded message part cannot be opened up on the server: fetched whole
    (multipart(TEXT, (b"message", b"rfc822", None, None, None, b"base64", 250_000, (b"envelope",),
                      (TEXT, PDF, b"mixed", (b"boundary", b"in"), None, None, None), 4000, None, None)), None),
    (multipart(TEXT, SMALL_PNG), None),  # nothing worth leaving out
    (multipart(TEXT, PDF, boundary=None), None),  # cannot be rebuilt without its boundary
    (multipart(TEXT, PDF, boundary=b"ab\xe9c"), None),  # nor with one it cannot write back byte for byte
    (BodyData.create(TEXT), None),
    ((b"garbage",), None),
    (None, None),
])
def test_plan_parts(structure, expected):
    assert plan_parts(structure) == expected


def test_rebuild_keeps_the_tree_and_empties_what_was_left_out():
    structure = multipart(TEXT, forward_of((TEXT, PDF, b"mixed", (b"boundary", b"in"), None, None, None)))
    sections = {"1.MIME": b"Content-Type: text/plain\r\n\r\n", "1": b"FYI",
                "2.MIME": b"Content-Type: message/rfc822\r\n\r\n", "2.HEADER": b"Subject: Q4\r\n"
                b"Content-Type: multipart/mixed; boundary=in\r\n\r\n",
                "2.1.MIME": b"Content-Type: text/plain\r\n\r\n", "2.1": b"Numbers",
                "2.2.MIME": b"Content-Type: application/pdf\r\n\r\n"}
    raw = rebuild(structure, b"Subject: Fwd: Q4\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n", sections)
    assert raw == (b"Subject: Fwd: Q4\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n"
                   b"--b1\r\nContent-Type: text/plain\r\n\r\nFYI\r\n"
                   b"--b1\r\nContent-Type: message/rfc822\r\n\r\n"
                   b"Subject: Q4\r\nContent-Type: multipart/mixed; boundary=in\r\n\r\n"
                   b"--in\r\nContent-Type: text/plain\r\n\r\nNumbers\r\n"
                   b"--in\r\nContent-Type: application/pdf\r\n\r\n\r\n--in--\r\n\r\n--b1--\r\n")
