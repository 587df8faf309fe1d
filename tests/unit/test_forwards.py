"""Inline forward extraction: plain-text bodies from many clients in, the original out."""

from __future__ import annotations

import pytest

from assistant.models import Address
from assistant.reading.forwards import find_forward, strip_forward_prefixes, subject_kind

GMAIL = """Thought you two should meet.

---------- Forwarded message ---------
From: Maria Lopez <maria@lopezdesign.example>
Date: Mon, Mar 4, 2024 at 10:15 AM
Subject: Looking for a React contractor
To: Sam Patel <sam@example.org>
Cc: Li Wei <li.wei@example.net>

Hi Sam,
Do you know anyone?
"""

OUTLOOK_DESKTOP = """Can you help her?

From: Patel, Sam [mailto:sam@example.org]
Sent: Tuesday, March 5, 2024 9:02 AM
To: 'Maria Lopez' <maria@lopezdesign.example>; Li Wei <li.wei@example.net>
Subject: Intro request

Maria, meet Li.
"""

OUTLOOK_CLASSIC = """-----Original Message-----
From: Sam Patel <sam@example.org>
Sent: 05 March 2024 09:02
To: Maria Lopez
Subject: Intro request

Maria, meet Li.
"""

OUTLOOK_WEB = """FYI

________________________________
From: Tom Baker <tom@bakery.example>
Sent: Wednesday, March 6, 2024 16:40
To: sam@example.org <sam@example.org>
Subject: Bread fair next week

We have a stall, come by!
"""

APPLE_MAIL = """Begin forwarded message:

> From: "Nora Quinn" <nora@quinn.example>
> Subject: Board seat
> Date: 4 March 2024 at 10:15:00 CET
> To: Sam Patel <sam@example.org>
>
> Would you join our board?
> Nora
"""

THUNDERBIRD = """-------- Forwarded Message --------
Subject: \tConference talk
Date: \tMon, 4 Mar 2024 10:15:00 +0100
From: \tOwen Reyes <owen@reyes.example>
To: \tsam@example.org



Slides attached.
"""

GERMAN_OUTLOOK = """Von: Müller, Hans <hans.mueller@firma.example>
Gesendet: Montag, 4. März 2024 10:15
An: Anna Schmidt <anna@beispiel.example>
Betreff: Kooperation

Hallo Anna,
wollen wir zusammenarbeiten?
"""

FRENCH_GMAIL = """---------- Message transféré ---------
De : Claire Dubois <claire@exemple.example>
Date : mar. 5 mars 2024 à 14:30
Objet : Réunion
À : Paul <paul@exemple.example>

Bonjour Paul,
"""

SPANISH_GMAIL = """---------- Mensaje reenviado ---------
De: Lucía Gómez <lucia@ejemplo.example>
Date: mié, 6 mar 2024 a las 9:05
Subject: Presupuesto
To: Diego <diego@ejemplo.example>

Hola Diego,
"""

JAPANESE = """---------- 転送されたメッセージ ----------
差出人: 山田太郎 <taro@example.jp>
日付: 2024年3月4日 10:15
件名: ご相談
宛先: 佐藤 <sato@example.jp>

よろしくお願いします。
"""

RUSSIAN_OUTLOOK = """От: Иван Петров <ivan@example.ru>
Отправлено: 4 марта 2024 г. 10:15
Кому: Анна <anna@example.ru>
Тема: Встреча

Добрый день!
"""

NESTED = """See the thread below.

---------- Forwarded message ---------
From: Li Wei <li.wei@example.net>
Date: Tue, Mar 5, 2024 at 8:00 AM
Subject: Fwd: Looking for a React contractor
To: Sam Patel <sam@example.org>

Passing this on.

---------- Forwarded message ---------
From: Maria Lopez <maria@lopezdesign.example>
Date: Mon, Mar 4, 2024 at 10:15 AM
Subject: Looking for a React contractor
To: Li Wei <li.wei@example.net>

Do you know anyone?
"""

QUOTED_FORWARD = """Adding my notes inline later.

> ---------- Forwarded message ---------
> From: Maria Lopez <maria@lopezdesign.example>
> Date: Mon, Mar 4, 2024 at 10:15 AM
> Subject: Looking for a React contractor
> To: Sam Patel <sam@example.org>
>
> Hi Sam,
> Do you know anyone?
"""

BOLD_LABELS = """*From:* Sam Patel <sam@example.org>
*Sent:* Tuesday, March 5, 2024 9:02 AM
*To:* Maria Lopez <maria@lopezdesign.example>
*Subject:* Intro request

Maria, meet Li.
"""

WRAPPED_VALUES = """________________________________
From: Sam Patel <sam@example.org>
Sent: Tuesday, March 5, 2024 9:02 AM
To: Maria Lopez <maria@lopezdesign.example>; Li Wei
<li.wei@example.net>
Subject: Quarterly numbers for
  the board
Numbers attached.
"""

LABELS_ANY_ORDER = """---------- Forwarded message ---------
Subject: Venue options
To: sam@example.org
Date: Thu, 7 Mar 2024 18:00:00 +0000
From: Kim Lee <kim@venues.example>

Three options below.
"""

YAHOO_ONE_LINE = (
    "----- Forwarded Message ----- From: Ada Byron <ada@engine.example>To: Sam Patel "
    "<sam@example.org>Sent: Friday, March 8, 2024, 11:00:00 AM GMT+1Subject: Analytical engine\n"
    "Have a look.\n")

OUTLOOK_MAC_ATTRIBUTION = """On 04/03/2024 10:15, "Sam Patel" <sam@example.org> wrote:

    Hi Maria,
    happy to help.
"""

NAME_WITHOUT_EMAIL = """-----Original Message-----
From: Sam Patel
Sent: 05 March 2024 09:02
To: Maria Lopez
Subject: Intro request

Hello.
"""


def _who(addrs: tuple[Address, ...]) -> list[str]:
    return [a.email for a in addrs]


@pytest.mark.parametrize(("text", "subject", "sender", "original_subject", "to", "cc", "date", "body"), [
    pytest.param(GMAIL, "Fwd: Looking for a React contractor",
                 Address("Maria Lopez", "maria@lopezdesign.example"), "Looking for a React contractor",
                 ["sam@example.org"], ["li.wei@example.net"], "2024-03-04T10:15:00",
                 "Hi Sam,\nDo you know anyone?", id="gmail-with-note-above"),
    pytest.param(OUTLOOK_DESKTOP, "FW: Intro request", Address("Sam Patel", "sam@example.org"),
                 "Intro request", ["maria@lopezdesign.example", "li.wei@example.net"], [],
                 "2024-03-05T09:02:00", "Maria, meet Li.", id="outlook-desktop-mailto"),
    pytest.param(OUTLOOK_CLASSIC, "FW: Intro request", Address("Sam Patel", "sam@example.org"),
                 "Intro request", [], [], "2024-03-05T09:02:00", "Maria, meet Li.",
                 id="outlook-original-message"),
    pytest.param(OUTLOOK_WEB, "Fw: Bread fair next week", Address("Tom Baker", "tom@bakery.example"),
                 "Bread fair next week", ["sam@example.org"], [], "2024-03-06T16:40:00",
                 "We have a stall, come by!", id="outlook-web-divider"),
    pytest.param(APPLE_MAIL, "Fwd: Board seat", Address("Nora Quinn", "nora@quinn.example"), "Board seat",
                 ["sam@example.org"], [], "2024-03-04T10:15:00+01:00", "Would you join our board?\nNora",
                 id="apple-mail-quoted-headers"),
    pytest.param(THUNDERBIRD, "Fwd: Conference talk", Address("Owen Reyes", "owen@reyes.example"),
                 "Conference talk", ["sam@example.org"], [], "2024-03-04T10:15:00+01:00", "Slides attached.",
                 id="thunderbird-tabs"),
    pytest.param(GERMAN_OUTLOOK, "WG: Kooperation", Address("Hans Müller", "hans.mueller@firma.example"),
                 "Kooperation", ["anna@beispiel.example"], [], "2024-03-04T10:15:00",
                 "Hallo Anna,\nwollen wir zusammenarbeiten?", id="german-outlook"),
    pytest.param(FRENCH_GMAIL, "TR: Réunion", Address("Claire Dubois", "claire@exemple.example"), "Réunion",
                 ["paul@exemple.example"], [], "2024-03-05T14:30:00", "Bonjour Paul,", id="french"),
    pytest.param(SPANISH_GMAIL, "RV: Presupuesto", Address("Lucía Gómez", "lucia@ejemplo.example"),
                 "Presupuesto", ["diego@ejemplo.example"], [], "2024-03-06T09:05:00", "Hola Diego,",
                 id="spanish"),
    pytest.param(JAPANESE, "", Address("山田太郎", "taro@example.jp"), "ご相談", ["sato@example.jp"], [],
                 "2024-03-04T10:15:00", "よろしくお願いします。", id="japanese"),
    pytest.param(RUSSIAN_OUTLOOK, "FW: Встреча", Address("Иван Петров", "ivan@example.ru"), "Встреча",
                 ["anna@example.ru"], [], "2024-03-04T10:15:00", "Добрый день!", id="russian-outlook"),
    pytest.param(NESTED, "Fwd: Fwd: Looking for a React contractor", Address("Li Wei", "li.wei@example.net"),
                 "Fwd: Looking for a React contractor", ["sam@example.org"], [], "2024-03-05T08:00:00",
                 None, id="nested-returns-outermost"),
    pytest.param(QUOTED_FORWARD, "Fwd: Looking for a React contractor",
                 Address("Maria Lopez", "maria@lopezdesign.example"), "Looking for a React contractor",
                 ["sam@example.org"], [], "2024-03-04T10:15:00", "Hi Sam,\nDo you know anyone?",
                 id="quoted-and-forwarded"),
    pytest.param(BOLD_LABELS, "FW: Intro request", Address("Sam Patel", "sam@example.org"), "Intro request",
                 ["maria@lopezdesign.example"], [], "2024-03-05T09:02:00", "Maria, meet Li.", id="bold-labels"),
    pytest.param(WRAPPED_VALUES, "FW: Quarterly numbers for the board", Address("Sam Patel", "sam@example.org"),
                 "Quarterly numbers for the board", ["maria@lopezdesign.example", "li.wei@example.net"], [],
                 "2024-03-05T09:02:00", "Numbers attached.", id="values-wrapped-over-two-lines"),
    pytest.param(LABELS_ANY_ORDER, "", Address("Kim Lee", "kim@venues.example"), "Venue options",
                 ["sam@example.org"], [], "2024-03-07T18:00:00+00:00", "Three options below.",
                 id="labels-in-any-order"),
    pytest.param(YAHOO_ONE_LINE, "Fwd: Analytical engine", Address("Ada Byron", "ada@engine.example"),
                 "Analytical engine", ["sam@example.org"], [], "2024-03-08T11:00:00+01:00", "Have a look.",
                 id="yahoo-headers-on-one-line"),
    pytest.param(OUTLOOK_MAC_ATTRIBUTION, "Fwd: Intro", Address("Sam Patel", "sam@example.org"), "Intro",
                 [], [], "2024-03-04T10:15:00", "Hi Maria,\nhappy to help.", id="outlook-mac-attribution"),
    pytest.param(NAME_WITHOUT_EMAIL, "FW: Intro request", None, "Intro request", [], [],
                 "2024-03-05T09:02:00", "Hello.", id="sender-without-email"),
])
def test_forward_is_found(text: str, subject: str, sender: Address | None, original_subject: str,
                          to: list[str], cc: list[str], date: str, body: str | None) -> None:
    fwd = find_forward(text, subject)
    assert fwd is not None
    assert fwd.sender == sender
    assert fwd.subject == original_subject
    assert _who(fwd.to) == to
    assert _who(fwd.cc) == cc
    assert fwd.date == date
    if body is not None:
        assert fwd.body == body


def test_nested_forward_body_keeps_the_inner_forward() -> None:
    fwd = find_forward(NESTED, "Fwd: Fwd: Looking for a React contractor")
    assert fwd is not None
    assert fwd.body.startswith("Passing this on.")
    assert "From: Maria Lopez" in fwd.body


def test_unreadable_date_is_kept_as_written() -> None:
    text = GMAIL.replace("Mon, Mar 4, 2024 at 10:15 AM", "sometime last week")
    fwd = find_forward(text, "Fwd: x")
    assert fwd is not None and fwd.date == "sometime last week"


REPLY = """Sounds good, see you then.

On Mon, 4 Mar 2024 at 10:15, Sam Patel <sam@example.org> wrote:
> Shall we meet on Thursday?
> Sam
"""

REPLY_QUOTING_A_FORWARD = """Thanks, I'll take a look.

On Tue, Mar 5, 2024 at 8:00 AM Li Wei <li.wei@example.net> wrote:
> ---------- Forwarded message ---------
> From: Maria Lopez <maria@lopezdesign.example>
> Date: Mon, Mar 4, 2024 at 10:15 AM
> Subject: Looking for a React contractor
>
> Do you know anyone?
"""

OUTLOOK_REPLY = """Thursday works.

From: Sam Patel <sam@example.org>
Sent: Monday, March 4, 2024 10:15 AM
To: Maria Lopez <maria@lopezdesign.example>
Subject: Meeting

Shall we meet on Thursday?
"""

TALKS_ABOUT_FORWARDING = """Hi Sam,

Could you forward me the message from Anna? I think the forwarded message got lost,
and the original message never reached me either.

Thanks
"""


@pytest.mark.parametrize(("text", "subject"), [
    pytest.param(REPLY, "Re: Thursday", id="ordinary-reply"),
    pytest.param(REPLY, "", id="ordinary-reply-without-subject"),
    pytest.param(REPLY, "Fwd: Thursday", id="reply-attribution-below-a-note"),
    pytest.param(REPLY_QUOTING_A_FORWARD, "Re: Fwd: Looking for a React contractor",
                 id="reply-quoting-a-forward"),
    pytest.param(OUTLOOK_REPLY, "RE: Meeting", id="outlook-reply-header-block"),
    pytest.param(OUTLOOK_REPLY, "AW: Meeting", id="german-outlook-reply"),
    pytest.param(OUTLOOK_REPLY, "Meeting", id="header-block-below-text-without-forward-subject"),
    pytest.param(TALKS_ABOUT_FORWARDING, "Forwarding question", id="talks-about-forwarding"),
    pytest.param("", "Fwd: something", id="empty-body"),
    pytest.param("   \n\n  ", "", id="blank-body"),
])
def test_not_a_forward(text: str, subject: str) -> None:
    assert find_forward(text, subject) is None


@pytest.mark.parametrize(("subject", "kind"), [
    ("Fwd: x", "forward"), ("FW: x", "forward"), ("TR: x", "forward"), ("WG: x", "forward"),
    ("RV: x", "forward"), ("Doorst: x", "forward"), ("VS: x", "forward"), ("İLT: x", "forward"),
    ("Redir.: x", "forward"), ("[EXTERNAL] FW: x", "forward"), ("Fwd: Re: x", "forward"),
    ("Re: x", "reply"), ("AW: x", "reply"), ("SV: x", "reply"), ("Re: Fwd: x", "reply"),
    ("Meeting at 10:30", None), ("", None), ("Update: new venue", None),
])
def test_subject_kind(subject: str, kind: str | None) -> None:
    assert subject_kind(subject) == kind


@pytest.mark.parametrize(("subject", "stripped"), [
    ("Fwd: Hello", "Hello"), ("Fwd: TR: Hello", "Hello"), ("FW: Re: Hello", "Re: Hello"),
    ("Hello", "Hello"), ("Fwd:Hello", "Hello"),
])
def test_strip_forward_prefixes(subject: str, stripped: str) -> None:
    assert strip_forward_prefixes(subject) == stripped


def test_every_label_and_separator_phrase_passes_the_first_letter_guards() -> None:
    from assistant.reading import forward_labels as vocab
    from assistant.reading.forwards import _DASHED_SEPARATOR, _LABEL_LINE, _SEPARATOR

    for _, labels in vocab.FIELD_LABELS:
        for label in labels:
            for written in (label, label.upper(), label.lower()):
                assert _LABEL_LINE.match(f"{written}: value"), written
    for phrase in vocab.FORWARD_PHRASES + vocab.ORIGINAL_PHRASES:
        for written in (phrase, phrase.upper(), phrase.title()):
            assert _SEPARATOR.match(written), written
            assert _DASHED_SEPARATOR.match(f"---------- {written} ----------"), written


@pytest.mark.slow  # an equivalence test over every corpus file
def test_under_a_reply_subject_the_quick_refusal_never_changes_the_answer(monkeypatch):
    """find_forward skips a reply whose text has no line that may name a forward; run both ways
    on every text of the shared corpora and the sample mailbox, under reply subjects."""
    import re
    from email import message_from_bytes
    from email.policy import compat32

    from assistant.reading import forwards
    from tests.corpora import CORPORA, SAMPLE_MAILDIR

    texts = [p.read_text(errors="replace") for p in sorted(CORPORA.rglob("*.txt"))] if CORPORA.is_dir() else []
    for path in sorted(SAMPLE_MAILDIR.rglob("*")):
        if path.is_file():
            for part in message_from_bytes(path.read_bytes(), policy=compat32).walk():
                if part.get_content_type() == "text/plain":
                    payload = part.get_payload(decode=True)
                    texts.append(payload.decode("utf-8", "replace") if isinstance(payload, bytes) else "")
    subjects = ("Re: Quarterly plan", "AW: Angebot", "RE: RE: lunch")
    quick = [[forwards.find_forward(t, s) for s in subjects] for t in texts]
    monkeypatch.setattr(forwards, "_SEPARATOR_LINE", re.compile(""))  # every text takes the long way
    slow = [[forwards.find_forward(t, s) for s in subjects] for t in texts]
    assert quick == slow
    # the long way does find forwards (the corpora hold many; the sample mailbox a few)
    assert sum(f is not None for row in slow for f in row) >= (20 if CORPORA.is_dir() else 1)


# Lotus Notes forwards: the separator names who forwarded it and when (its time often wrapped onto
# the next line), then either a "From: X on DATE" block or the sender and date on lines of their own
LOTUS_NO_NOTE = """---------------------- Forwarded by Dana Whitfield/HOU/ACME on 03/02/2001
09:14 AM ---------------------------
From: Priya Raman on 03/01/2001 04:40 PM
To: Dana Whitfield/HOU/ACME@ACME, Owen Park/HOU/ACME@ACME
cc:

Subject: a former student

My former student Tomas is finishing his MBA in May and would love to talk to anyone hiring analysts.
Could you pass his name along?
"""

LOTUS_SENDER_LINES = (
    'Owen, see below.\n'
    '\n'
    '---------------------- Forwarded by Dana Whitfield/HOU/ACME on 03/02/2001 09:14 AM -----------\n'
    '\t"Raman, Priya" <priya.raman@college.example>\n'
    '\t03/01/2001 04:40 PM\n'
    '\n'
    '\t\t To: dana.whitfield@acme.example\n'
    '\t\t cc:\n'
    '\t\t Subject: a former student\n'
    '\n'
    'My former student Tomas is finishing his MBA in May and would love to talk to anyone hiring analysts.\n'
)


def test_a_lotus_forward_without_a_note_is_the_original_writers_letter() -> None:
    found = find_forward(LOTUS_NO_NOTE, "a former student")
    assert found is not None and found.sender is None  # Lotus names the writer without an address
    assert found.subject == "a former student"
    assert found.body.startswith("My former student Tomas") and "Could you pass" in found.body


def test_a_lotus_forward_with_the_sender_on_lines_of_their_own() -> None:
    found = find_forward(LOTUS_SENDER_LINES, "a former student")
    assert found is not None and found.sender == Address("Priya Raman", "priya.raman@college.example")
    assert found.body.startswith("My former student Tomas")


def test_a_sentence_about_forwarding_is_no_lotus_separator() -> None:
    assert find_forward("I forwarded by hand on 03/02/2001 the whole file.\n\nThanks", "") is None


def test_the_writer_and_date_of_the_note_a_reply_quotes() -> None:
    from assistant.reading.forwards import quoted_author
    outlook = ("Sounds good, talk soon.\n\n-----Original Message-----\n"
               "From: Okafor, Daniel [mailto:daniel@brightline.example]\nSent: Wednesday, October 17, 2001 3:49 PM\n"
               "To: Morgan, Alex\nSubject: RE: lunch\n\nHow about Thursday?\n")
    assert quoted_author(outlook) == (Address("Daniel Okafor", "daniel@brightline.example"), "2001-10-17T15:49:00")
    gmail = ("Thanks!\n\nOn Tue, Mar 5, 2024 at 10:15 AM, Maria Lopez <maria@lopezdesign.example> wrote:\n"
             "> Do you know anyone?\n")
    assert quoted_author(gmail) == (Address("Maria Lopez", "maria@lopezdesign.example"), "2024-03-05T10:15:00")
    assert quoted_author("Just a note, nothing quoted.\n\nBest,\nAlex") is None
    assert quoted_author(LOTUS_NO_NOTE) is None  # Lotus names the writer without an address: no one to count


def test_a_quote_that_names_no_writer_is_nobodys_and_lotus_quotes_keep_their_date() -> None:
    from assistant.reading.forwards import quoted_author
    bare = ("Sure.\n\n> no name above this one\n> hello\n\n"
            "On Jan 2, 2024 at 9:00 AM, Omar Haddad <omar@haddad.example> wrote:\n> an older note\n")
    assert quoted_author(bare) is None  # the older attribution further down wrote something else
    assert quoted_author(LOTUS_SENDER_LINES) == (Address("Priya Raman", "priya.raman@college.example"),
                                                 "2001-03-01T16:40:00")
