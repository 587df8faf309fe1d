"""Bulk, automated, forwarded, event or personal: decided from headers and content, as a table."""

import pytest

from assistant.reading import classify

NONE = frozenset()


@pytest.mark.parametrize("headers, sender, subject, types, expected_tag", [
    ({"list-id": "<founders.lists.example.org>"}, "ann@example.org", "Re: meetup", NONE, "list-id"),
    ({"list-unsubscribe": "<mailto:u@x.com>"}, "news@shop.example", "Sale", NONE, "list-unsubscribe"),
    ({"precedence": "bulk"}, "a@b.com", "x", NONE, "precedence:bulk"),
    ({"auto-submitted": "auto-replied"}, "lena@clinic.example", "Out of office", NONE, "auto-submitted:auto-replied"),
    ({"x-mailchimp-campaign": "1"}, "hi@brand.example", "Our news", NONE, "esp"),
    ({"feedback-id": "a:b:c"}, "x@y.com", "z", NONE, "feedback-id"),
    ({}, "no-reply@calendar.example", "Reminder", NONE, "noreply-sender"),
    ({}, "MAILER-DAEMON@mx.example", "Undelivered Mail Returned to Sender", frozenset({"multipart/report"}),
     "delivery-report"),
    ({}, "billing@saas.example", "Your receipt", NONE, "role-sender"),
    ({}, "omar@law.example", "Automatic reply: Lunch?", NONE, "auto-subject"),
    ({"x-mailer": "Mailchimp Mailer - **CID1**"}, "x@y.com", "z", NONE, "bulk-mailer"),
])
def test_signals(headers, sender, subject, types, expected_tag):
    assert expected_tag in classify.signals(headers, sender, subject, types)


@pytest.mark.parametrize("headers, sender, subject", [
    ({}, "lena.fischer@kestrel.example", "Re: patent question"),
    ({"auto-submitted": "no"}, "omar@law.example", "Lunch next week?"),
    ({"precedence": "normal"}, "a@b.com", "Out of curiosity"),  # "Out of" alone is not an auto-reply
    ({"x-auto-response-suppress": "All"}, "sam@corp.example", "Intro"),  # Outlook sets it on everything
])
def test_personal_mail_has_no_signals(headers, sender, subject):
    assert classify.signals(headers, sender, subject, NONE) == ()


@pytest.mark.parametrize("tags, forward, event, invite, kind", [
    ((), False, False, False, "personal"),
    (("list-id",), False, False, False, "bulk"),
    (("list-id",), False, True, False, "event"),  # a newsletter announcing an event
    (("auto-submitted:auto-replied",), True, False, False, "automated"),
    (("noreply-sender",), False, False, True, "event"),  # calendar systems send invitations
    ((), True, True, False, "forwarded"),  # a forwarded event stays a forward
    (("role-sender",), False, False, False, "bulk"),
])
def test_kind_of(tags, forward, event, invite, kind):
    assert classify.kind_of(tags, forward, event, invite) == kind
