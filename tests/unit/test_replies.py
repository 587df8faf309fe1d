"""split_reply: the sender's own words, without quoted history, footers or signature."""

from __future__ import annotations

import re

import pytest

from assistant.models import Address, Signature
from assistant.reading.replies import is_attribution, split_reply

ANA = Address("Ana Lima", "ana@northwind.io")
JOE = Address("Joe Park", "joe@gmail.com")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


REPLY_CASES = [
    ("gmail_top_post",
     "Sounds good, see you Tuesday.\n\nOn Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\n\n"
     "> Shall we meet on Tuesday?\n>\n> Joe\n",
     "Sounds good, see you Tuesday."),
    ("gmail_header_wrapped_over_two_lines",
     "Yes, that works.\n\nOn Mon, Mar 4, 2024 at 9:12 AM Joseph Alexander Park <\njoe@gmail.com> wrote:\n\n"
     "> Does 3pm work?\n",
     "Yes, that works."),
    ("apple_mail_quoted_header",
     "Great news!\n\n> On 4 Mar 2024, at 09:12, Joe Park <joe@gmail.com> wrote:\n>\n> We got the grant.\n",
     "Great news!"),
    ("french",
     "Merci, c'est noté.\n\nLe lun. 4 mars 2024 à 09:12, Joe Park <joe@gmail.com> a écrit :\n> Bonjour\n",
     "Merci, c'est noté."),
    ("german",
     "Passt mir gut.\n\nAm 04.03.2024 um 09:12 schrieb Joe Park <joe@gmail.com>:\n> Hallo\n",
     "Passt mir gut."),
    ("german_gmail_name_first",
     "Bis morgen.\n\nJoe Park <joe@gmail.com> schrieb am Mo., 4. März 2024 um\n09:12 Uhr:\n\n> Hallo\n",
     "Bis morgen."),
    ("spanish",
     "De acuerdo.\n\nEl lun, 4 mar 2024 a las 9:12, Joe Park (<joe@gmail.com>) escribió:\n> Hola\n",
     "De acuerdo."),
    ("portuguese_wrapped",
     "Combinado.\n\nEm seg., 4 de mar. de 2024 às 09:12, Joe Park <\njoe@gmail.com> escreveu:\n\n> Olá\n",
     "Combinado."),
    ("dutch",
     "Prima.\n\nOp 4 mrt. 2024 om 09:12 heeft Joe Park <joe@gmail.com> het volgende geschreven:\n\n> Hoi\n",
     "Prima."),
    ("russian",
     "Да, конечно.\n\n4 марта 2024 г., в 9:12, Joe Park <joe@gmail.com> написал(а):\n\n> Привет\n",
     "Да, конечно."),
    ("outlook_original_message",
     "Approved.\n\n-----Original Message-----\nFrom: Joe Park [mailto:joe@gmail.com]\n"
     "Sent: Monday, March 4, 2024 9:12 AM\nTo: Ana Lima\nSubject: Budget\n\nPlease approve.\n",
     "Approved."),
    ("outlook_underscore_header_block",
     "Done, thanks.\n________________________________\nFrom: Joe Park <joe@gmail.com>\n"
     "Sent: Monday, March 4, 2024 9:12 AM\nTo: Ana Lima <ana@northwind.io>\nSubject: Slides\n\nCan you send them?\n",
     "Done, thanks."),
    ("outlook_german_header_block",
     "Erledigt.\n\nVon: Joe Park <joe@gmail.com>\nGesendet: Montag, 4. März 2024 09:12\nAn: Ana Lima\n"
     "Betreff: Folien\n\nKannst du sie schicken?\n",
     "Erledigt."),
    ("yahoo_dashed_original",
     "Fine by me.\n\n\n----- Original Message -----\nFrom: Joe Park <joe@gmail.com>\nTo: ana@northwind.io\n"
     "Sent: Monday, March 4, 2024 9:12 AM\nSubject: Lunch\n\nLunch?\n",
     "Fine by me."),
    ("unquoted_history_after_header",
     "Thank you.\n\nOn Sun, Feb 7, 2016 at 12:12 AM -0800, \"Joe Park\" <joe@gmail.com> wrote:\n\n"
     "Hi Ana,\n\nThe release is out.\n",
     "Thank you."),
    ("inline_reply_keeps_the_senders_lines",
     "Hi Joe,\n\nOn Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\n> Can you come on Tuesday?\n\n"
     "Yes, after 2pm.\n\n> Will you bring the slides?\n\nOf course.\n\n> Joe\n",
     "Hi Joe, > Can you come on Tuesday? Yes, after 2pm. > Will you bring the slides? Of course."),
    ("bottom_post",
     "On Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\n> Are you coming?\n\nI am.\n",
     "I am."),
    ("only_thanks",
     "Thanks!\n\nOn Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\n> Here is the deck.\n",
     "Thanks!"),
    ("mobile_footer_english",
     "On my way.\n\nSent from my iPhone\n\n> On Mar 4, 2024, at 9:12 AM, Joe Park <joe@gmail.com> wrote:\n"
     "> Where are you?\n",
     "On my way."),
    ("mobile_footer_german_and_french",
     "Ok.\n\nVon meinem iPhone gesendet\nEnvoyé de mon iPad\n",
     "Ok."),
    ("mobile_footer_outlook_app",
     "Will do.\n\nGet Outlook for Android\n",
     "Will do."),
    ("dash_dash_signature",
     "See attached.\n\n-- \nAna Lima\nHead of Partnerships, Northwind\n+1 (415) 555-0134\n",
     "See attached."),
    ("sign_off_name_is_kept",
     "See you there.\n\nBest,\nAna\n",
     "See you there. Best, Ana"),
    ("sign_off_then_contact_block",
     "See you there.\n\nBest regards,\nAna Lima\nHead of Partnerships\nNorthwind Traders\n+44 20 7946 0958\n"
     "www.northwind.io\n",
     "See you there. Best regards,"),
    ("legal_disclaimer",
     "Let's talk next week.\n\nThis e-mail and any attachments are confidential and intended solely for the "
     "addressee. If you are not the intended recipient, please delete it.\n",
     "Let's talk next week."),
    ("disclaimer_under_a_heading",  # the heading would make the sender's news "confidential"
     "I made the jump...the new job is hectic.\n\nEric J. Munion\n\n\n\nIMPORTANT INFORMATION & CONFIDENTIALITY "
     "NOTICE\n\nThe information in this Email is confidential and may be legally privileged.\nIt is intended "
     "solely for the named recipient.\n",
     "I made the jump...the new job is hectic. Eric J. Munion"),
    ("a_line_about_a_confidentiality_notice_is_the_senders",  # review: these were cut as disclaimers
     "Jeff,\n\nAttached is the revised confidentiality notice\n\nAlso, I'm looking for an employment lawyer.\n",
     "Jeff, Attached is the revised confidentiality notice Also, I'm looking for an employment lawyer."),
    ("confidential_news_is_not_a_disclaimer",
     "The information in this email is confidential until Monday: I got the VP job!\n",
     "The information in this email is confidential until Monday: I got the VP job!"),
    ("forward_note",
     "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Joe Park <joe@gmail.com>\n"
     "Date: Mon, Mar 4, 2024 at 9:12 AM\nSubject: Offer\nTo: <ana@northwind.io>\n\nThe offer text.\n",
     "FYI, see below."),
    ("quote_only_without_author_is_kept",
     "> Just a quote.\n",
     "> Just a quote."),
    ("code_block_is_not_a_footer",
     "Try this:\n\n```\n# Sent from my iPhone\n--\n```\n\nIt works.\n",
     "Try this: ``` # Sent from my iPhone -- ``` It works."),
    ("sentence_mentioning_on_and_wrote_is_text",
     "On Monday I wrote 3 tests for this:\n\n- parsing\n- trimming\n",
     "On Monday I wrote 3 tests for this: - parsing - trimming"),
    ("windows_line_endings",
     "Line one\r\nLine two\r\n\r\nOn Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\r\n> x\r\n",
     "Line one Line two"),
    ("empty_body", "", ""),
]


@pytest.mark.parametrize("name,text,expected", REPLY_CASES, ids=[c[0] for c in REPLY_CASES])
def test_reply_text(name: str, text: str, expected: str) -> None:
    reply, _ = split_reply(text, ANA)
    assert norm(reply) == norm(expected)


def test_reply_keeps_own_line_structure() -> None:
    reply, _ = split_reply("First line\nSecond line\n\n- a\n- b\n\n> On Mon, Joe wrote:\n> hi\n")
    assert reply == "First line\nSecond line\n\n- a\n- b"


SIGNATURE_CASES = [
    ("dash_dash_block",
     "See attached.\n\n-- \nAna Lima\nHead of Partnerships, Northwind\n+1 (415) 555-0134\nhttps://northwind.io\n",
     Signature("Ana Lima", "Head of Partnerships", "Northwind", "+1 (415) 555-0134")),
    ("pipe_separated",
     "Thanks for the intro.\n\n--\nAna Lima | CTO | Northwind Traders\nMobile: 07700 900123\n",
     Signature("Ana Lima", "CTO", "Northwind Traders", "07700 900123")),
    ("title_at_company",
     "Looking forward.\n\nKind regards,\nAna Lima\nVP Engineering at Northwind\nT: +49 30 1234567\n",
     Signature("Ana Lima", "VP Engineering", "Northwind", "+49 30 1234567")),
    ("phone_with_dots_and_no_title",
     "Call me.\n\nCheers,\nAna Lima\nNorthwind\n415.555.0134\n",
     Signature("Ana Lima", None, "Northwind", "415.555.0134")),
    ("unsigned_contact_block_naming_the_sender",
     "The deck is attached.\n\nAna Lima\nProduct Manager\nNorthwind Traders Ltd\n",
     Signature("Ana Lima", "Product Manager", "Northwind Traders Ltd", None)),
    ("bare_name_after_sign_off", "Sure.\n\nThanks,\nAna\n", Signature(name="Ana")),
    # a probe mailbox: the address line that spells her name became her name, and "Sr. HR Rep" her company
    ("address_line_and_abbreviated_title",
     "Please call me.\n\nThanks,\n\nAna Lima\nSr. HR Rep\nNorthwind Transportation Services\n713.555.0134\n"
     "ana.lima@northwind.io\n",
     Signature("Ana Lima", "Sr. HR Rep", "Northwind Transportation Services", "713.555.0134")),
    ("no_signature", "Sure, Tuesday works.\n", None),
    ("sign_off_and_name_on_one_line", "Please turn it in by Friday.\n\nMany thanks, Ana Lima\n",
     Signature(name="Ana Lima")),
    # review: with a display name, a name that is not the sender's thanks the reader ("Thanks, Alex")
    ("sign_off_thanking_the_reader", "Got the file.\n\nThanks, Alex\n", None),
    ("sign_off_and_a_greeting", "Got the file.\n\nThanks, Happy Friday\n", None),
    ("sign_off_and_dash_name", "See you then.\n\nCheers - Ana\n", Signature(name="Ana")),
    ("sign_off_and_words_on_one_line", "Got it.\n\nThanks, see you Monday\n", None),
    ("sign_off_to_everyone", "Got it.\n\nThanks, everyone\n", None),
    ("aol_inline_attachment_is_history",
     "Please turn it in.\n\nMany thanks, Tami Grubb\n\n\n--------- Inline attachment follows ---------\n\n"
     "From:  <jg@aol.example>\nTo: ana@northwind.io\nSubject: OBRs\n\nWell hello again.\n\nJoe Park\nCTO, Contoso\n",
     None),
]


@pytest.mark.parametrize("name,text,expected", SIGNATURE_CASES, ids=[c[0] for c in SIGNATURE_CASES])
def test_signature(name: str, text: str, expected: Signature | None) -> None:
    _, signature = split_reply(text, ANA)
    assert signature == expected


def test_signature_inside_quoted_history_is_not_returned() -> None:
    text = ("Sounds good.\n\nOn Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\n"
            "> Let's meet.\n>\n> --\n> Joe Park\n> Director, Contoso\n> +1 212 555 0100\n")
    reply, signature = split_reply(text, ANA)
    assert norm(reply) == "Sounds good."
    assert signature is None


def test_signature_in_unquoted_outlook_history_is_not_returned() -> None:
    text = ("Sounds good.\n\n-----Original Message-----\nFrom: Joe Park <joe@gmail.com>\n"
            "Sent: Monday, March 4, 2024 9:12 AM\nSubject: Meet\n\nLet's meet.\n\n--\nJoe Park\nDirector, Contoso\n")
    assert split_reply(text, ANA) == ("Sounds good.", None)


def test_groupwise_history_and_its_signature_are_not_the_senders() -> None:
    # GroupWise keeps the history unquoted below one chevron line; the quoted writer's signature
    # (title, company) had become the replier's profile in a probe mailbox
    for header in ('>>> "Park, Joe" <Joe.Park@contoso.example> 3/4/24 9:12AM >>>',
                   ">>> Joe Park 04.03.2024 09:12 >>>", ">>> <joe@contoso.example> 2024-03-04 9:12 AM >>>"):
        text = (f"Thanks, and love to all.\n\n{header}\n\nAna,\n\nHappy holidays to you all.\n\n"
                "Regards,\nJoe Park\nSenior Legal Specialist\nContoso Legal\nphone: (713) 555-0100\n")
        assert split_reply(text, ANA) == ("Thanks, and love to all.", None), header


def test_chevrons_that_open_no_history_stay_quotes() -> None:
    text = "I agree with this part:\n\n>>> the plan ships in May\n\nSo let's go.\n"
    assert norm(split_reply(text, ANA)[0]) == "I agree with this part: >>> the plan ships in May So let's go."


def test_signature_below_fully_quoted_history_is_the_senders() -> None:
    text = ("Agreed.\n\nOn Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:\n> Deal?\n\n"
            "-- \nAna Lima\nCOO, Northwind\n")
    reply, signature = split_reply(text, ANA)
    assert norm(reply) == "Agreed."
    assert signature == Signature("Ana Lima", "COO", "Northwind", None)


def test_organization_read_from_the_senders_company_domain() -> None:
    _, signature = split_reply("Ok.\n\n-- \nAna Lima\nCOO\nnorthwind trading desk\n", ANA)
    assert signature == Signature("Ana Lima", "COO", "northwind trading desk", None)


def test_freemail_domain_never_names_the_organization() -> None:
    _, signature = split_reply("Ok.\n\n-- \nJoe Park\nFounder\ngmail fan club member\n", JOE)
    assert signature is not None and signature.name == "Joe Park" and signature.title == "Founder"
    assert signature.organization is None


def test_quote_only_with_author_header_is_empty() -> None:
    text = "> On Thu, Apr 30, 2020 at 10:07 AM, Joe <joe@gmail.com> wrote:\n>\n>> Hello\n"
    assert split_reply(text) == ("", None)


@pytest.mark.parametrize("line", [
    "On Mon, Mar 4, 2024 at 9:12 AM Joe Park <joe@gmail.com> wrote:",
    "Le 4 mars 2024 à 09:12, Joe Park a écrit :",
    "Am 04.03.2024 um 09:12 schrieb Joe Park:",
    "El 4 mar 2024, a las 9:12, Joe Park escribió:",
    "Il giorno 4 mar 2024, alle ore 09:12, Joe Park ha scritto:",
    "Dnia 4 mar 2024 o godz. 09:12 Joe Park napisał(a):",
    "Den 4. mar. 2024 kl. 09.12 skrev Joe Park <joe@gmail.com>:",
    "2024-03-04 9:12 GMT+01:00 Joe Park <joe@gmail.com>:",
    "在 2024年3月4日，上午9:12，Joe Park <joe@gmail.com> 写道：",
])
def test_attribution_lines_in_many_languages(line: str) -> None:
    assert is_attribution(line)


@pytest.mark.parametrize("line", [
    "I wrote 3 tests for this:",
    "On Monday we met at 10:00.",
    "He wrote a great article about it.",
])
def test_sentences_are_not_attributions(line: str) -> None:
    assert not is_attribution(line)


# --- classification on demand gives what classifying every line gives ---------------------

OUTLOOK_THREAD = """Sounds good, see you then.

Ana

From: Bob Stone <bob@example.com>
Sent: Monday, June 3, 2024 10:00 AM
To: Ana Lima <ana@northwind.io>
Subject: Lunch

Are you free on Thursday?
--
Bob Stone
"""

GMAIL_THREAD = """Yes, Thursday works.

On Mon, Jun 3, 2024 at 10:00 AM Bob Stone <bob@example.com> wrote:
> Are you free on Thursday?
> &gt; and an escaped quote
>
> Bob

--
Ana Lima
Northwind
"""


@pytest.mark.parametrize("text", [
    OUTLOOK_THREAD, GMAIL_THREAD, "```\n> not a quote\n```\nplain", "one line", "> only a quote",
    "text\n> quoted line that is long enough to be wrapped by a client\ncontinued in lower case\n> more\nreply"])
def test_lazy_kinds_match_classify(text: str) -> None:
    from assistant.reading.replies import _Kinds, classify

    lines = text.split("\n")
    eager = classify(lines)
    lazy = _Kinds(lines)
    assert [lazy[i] for i in reversed(range(len(lines)))][::-1] == eager
    assert len(eager) == len(lines)


def test_a_signature_below_the_quoted_history_is_still_found() -> None:
    reply, signature = split_reply(GMAIL_THREAD, ANA)
    assert reply == "Yes, Thursday works."
    assert signature is not None


def test_disclaimer_and_mobile_footer_tests_agree_with_the_patterns() -> None:
    from assistant.reading import reply_labels as lab
    from assistant.reading.replies import _may_be_disclaimer, _mobile_footer

    for line in ["This email is confidential and may be privileged.", "If you are not the intended recipient",
                 "DISCLAIMER: nothing", "Diese E-Mail enthält vertrauliche Informationen",
                 "Ce message est confidentiel",
                 "Privileged & Confidential", "Important notice", "ordinary text", "thıs message is confıdential",
                 "IMPORTANT INFORMATION & CONFIDENTIALITY NOTICE",
                 "The information in this Email is confidential and may be legally privileged."]:
        assert bool(lab.DISCLAIMER.search(line)) <= _may_be_disclaimer(line), line
    for line in ["Sent from my iPhone", "iPhoneから送信", "-- Sent with Spark", "Gesendet von meinem iPad", "hello"]:
        assert bool(lab.MOBILE_FOOTER.search(line)) == _mobile_footer(line), line


@pytest.mark.parametrize("block, city", [
    ("Anika Sharma\nHealth Reporter\nThe Courier\n1200 SW Main St, Portland, OR 97205", "Portland"),
    ("Sophie Lefèvre\nExport Director | Maison Vautrin\nLyon, France", "Lyon"),
    ("Bob Ray\nCEO, Acme Inc\n(503) 555-0100", None),  # "CEO, Acme" is a title, not a town
])
def test_signature_city_comes_from_an_address_line(block, city):
    sender = Address(block.split("\n")[0], "x@firm.example")
    _, signature = split_reply("Hi Alex,\n\nSounds good.\n\nBest,\n" + block, sender)
    assert signature is not None and signature.city == city


def test_an_attachments_name_under_the_text_signs_nothing() -> None:
    # a probe mailbox: "- Open House Announcement.doc" below a note became the sender's sign-off name "Open"
    for line in (" - Open House Announcement.doc", "Budget.xlsx", "SCAN.PDF"):
        text = f"Hope to see you at the open house.\n\nTake care,\n{line}\n"
        _, signature = split_reply(text, ANA)
        assert signature is None or signature.name is None, line
    _, signature = split_reply("See you there.\n\nTake care,\nJ. R. Smith\n", ANA)
    assert signature is not None and signature.name == "J. R. Smith"


def test_an_address_without_a_display_name_signs_on_one_line():
    nameless = Address("", "jg77063@aol.example")
    for text, name in (("Please turn it in.\n\nMany thanks, Tami Grubb\n", "Tami Grubb"),
                       ("Please turn it in.\n\nMany thanks, Tami Grubb\n\n\n--------- Inline attachment follows "
                        "---------\n\nFrom:  <x@aol.example>\nSubject: OBRs\n\nHello again.\n\nJoe Park\n",
                        "Tami Grubb"),
                       ("Got it.\n\nBest, Merry Christmas\n", None)):
        _, signature = split_reply(text, nameless)
        assert (signature.name if signature else None) == name, text


def test_a_surname_that_is_also_a_trade_still_signs():
    # review: "Nurse" as a title word had made "Paul Nurse / Director, Crick Institute" no signature at all
    _, signature = split_reply("See you.\n\nBest,\nPaul Nurse\nDirector, Crick Institute\n",
                               Address("", "pn@crick.example"))
    assert signature == Signature("Paul Nurse", "Director", "Crick Institute", None)
