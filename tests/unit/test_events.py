"""Calendar files and announcement texts -> Event, as tables of inputs and expected values."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from assistant.reading.announcements import event_from_text
from assistant.reading.dates import find_dates, find_times
from assistant.reading.ics import events_from_ics

SENT = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)  # a Monday


def ics(*body: str, method: str = "") -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"] + ([f"METHOD:{method}"] if method else [])
    return "\r\n".join([*head, *body, "END:VCALENDAR", ""])


def vevent(*props: str) -> str:
    return "\r\n".join(["BEGIN:VEVENT", "UID:1@test", "DTSTAMP:20260101T000000Z", *props, "END:VEVENT"])


NY = ZoneInfo("America/New_York")

ICS_CASES = [
    # (id, calendar text, expected (title, start, end, location, url) of each event)
    ("tzid", ics(vevent("SUMMARY:Founders dinner", "DTSTART;TZID=America/New_York:20261210T183000",
                        "DTEND;TZID=America/New_York:20261210T210000", "LOCATION:The Foundry\\, Boston")),
     [("Founders dinner", datetime(2026, 12, 10, 23, 30, tzinfo=UTC), datetime(2026, 12, 11, 2, 0, tzinfo=UTC),
       "The Foundry, Boston", None)]),
    ("windows zone name", ics(vevent("SUMMARY:Sync", "DTSTART;TZID=W. Europe Standard Time:20260610T100000")),
     [("Sync", datetime(2026, 6, 10, 8, 0, tzinfo=UTC), None, None, None)]),
    ("utc", ics(vevent("SUMMARY:Call", "DTSTART:20260610T100000Z", "DTEND:20260610T103000Z")),
     [("Call", datetime(2026, 6, 10, 10, 0, tzinfo=UTC), datetime(2026, 6, 10, 10, 30, tzinfo=UTC), None, None)]),
    ("floating is read as utc", ics(vevent("SUMMARY:Call", "DTSTART:20260610T100000")),
     [("Call", datetime(2026, 6, 10, 10, 0, tzinfo=UTC), None, None, None)]),
    ("unknown tzid is read as utc", ics(vevent("SUMMARY:Call", "DTSTART;TZID=Nowhere/Special:20260610T100000")),
     [("Call", datetime(2026, 6, 10, 10, 0, tzinfo=UTC), None, None, None)]),
    ("all-day single day", ics(vevent("SUMMARY:Conf", "DTSTART;VALUE=DATE:20261210", "DTEND;VALUE=DATE:20261211")),
     [("Conf", date(2026, 12, 10), None, None, None)]),
    ("all-day end is inclusive", ics(vevent("SUMMARY:Conf", "DTSTART;VALUE=DATE:20261210",
                                            "DTEND;VALUE=DATE:20261213")),
     [("Conf", date(2026, 12, 10), date(2026, 12, 12), None, None)]),
    ("duration", ics(vevent("SUMMARY:Talk", "DTSTART:20260610T100000Z", "DURATION:PT1H30M")),
     [("Talk", datetime(2026, 6, 10, 10, 0, tzinfo=UTC), datetime(2026, 6, 10, 11, 30, tzinfo=UTC), None, None)]),
    ("url property", ics(vevent("SUMMARY:Meetup", "DTSTART:20260610T180000Z", "URL:https://meetup.com/x/1")),
     [("Meetup", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, "https://meetup.com/x/1")]),
    ("meeting link in description", ics(vevent("SUMMARY:Demo", "DTSTART:20260610T180000Z",
                                               "DESCRIPTION:Join: https://zoom.us/j/123\\, see you")),
     [("Demo", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, "https://zoom.us/j/123")]),
    ("escaped and folded summary", ics(vevent("SUMMARY:Q3 review\\, planning\\; and\\n drinks", " (tentative)",
                                              "DTSTART:20260610T180000Z")),
     [("Q3 review, planning; and drinks(tentative)", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, None)]),
    ("missing summary", ics(vevent("DTSTART:20260610T180000Z")),
     [("Untitled event", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, None)]),
    ("status cancelled", ics(vevent("SUMMARY:Gone", "STATUS:CANCELLED", "DTSTART:20260610T180000Z")), []),
    ("method cancel", ics(vevent("SUMMARY:Gone", "DTSTART:20260610T180000Z"), method="CANCEL"), []),
    ("recurring keeps the series start", ics(vevent("SUMMARY:Weekly", "DTSTART:20260105T180000Z",
                                                    "RRULE:FREQ=WEEKLY")),
     [("Weekly", datetime(2026, 1, 5, 18, 0, tzinfo=UTC), None, None, None)]),
    ("overridden instance dropped", ics(vevent("SUMMARY:Weekly", "DTSTART:20260105T180000Z", "RRULE:FREQ=WEEKLY"),
                                        vevent("SUMMARY:Weekly (moved)", "RECURRENCE-ID:20260112T180000Z",
                                               "DTSTART:20260113T180000Z")),
     [("Weekly", datetime(2026, 1, 5, 18, 0, tzinfo=UTC), None, None, None)]),
    ("two events", ics(vevent("SUMMARY:One", "DTSTART:20260610T180000Z"),
                       vevent("SUMMARY:Two", "DTSTART:20260611T180000Z").replace("UID:1@", "UID:2@")),
     [("One", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, None),
      ("Two", datetime(2026, 6, 11, 18, 0, tzinfo=UTC), None, None, None)]),
    ("todo and journal skipped", ics("BEGIN:VTODO\r\nUID:t\r\nSUMMARY:Todo\r\nEND:VTODO",
                                     "BEGIN:VJOURNAL\r\nUID:j\r\nSUMMARY:Journal\r\nEND:VJOURNAL"), []),
    ("junk line between components", ics(vevent("SUMMARY:Kept", "DTSTART:20260610T180000Z"), "X"),
     [("Kept", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, None)]),
    ("truncated file", ics(vevent("SUMMARY:Cut short", "DTSTART:20260610T180000Z")).split("END:VEVENT")[0],
     [("Cut short", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, None)]),
    ("impossible vtimezone", ics("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:18930401T000000"
                                 "\r\nTZOFFSETFROM:+5328\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE",
                                 vevent("SUMMARY:Berlin", "DTSTART;TZID=Europe/Berlin:20261202T080000")),
     [("Berlin", datetime(2026, 12, 2, 7, 0, tzinfo=UTC), None, None, None)]),
    ("impossible duration", ics(vevent("SUMMARY:Long", "DTSTART:20260610T180000Z", "DURATION:P999999999999999999W")),
     [("Long", datetime(2026, 6, 10, 18, 0, tzinfo=UTC), None, None, None)]),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in ICS_CASES], ids=[c[0] for c in ICS_CASES])
def test_events_from_ics(data: str, expected: list[tuple]) -> None:
    events = events_from_ics(data)
    assert [(e.title, e.start, e.end, e.location, e.url) for e in events] == expected
    assert all(e.source == "ics" for e in events)
    assert events_from_ics(data.encode()) == events


@pytest.mark.parametrize("data", [
    b"", "", "not a calendar", "/etc/passwd", b"\xff\xfe\x00garbage", "BEGIN:VEVENT", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT",
    ics(vevent("SUMMARY", "DTSTART:notadate")).encode(), b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 2000,
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:99991231T235959Z\nDURATION:P9999W\nEND:VEVENT\nEND:VCALENDAR",
])
def test_unreadable_calendar_gives_no_events_and_never_raises(data: bytes | str) -> None:
    assert isinstance(events_from_ics(data), list)


def test_a_calendar_file_name_is_never_opened() -> None:
    assert events_from_ics("/work/shared/corpora/calendar/khal-ics/tests/ics/event_dt_simple.ics") == []


# (id, subject, text, links, expected (title, start, end, location, url))
TEXT_CASES = [
    ("invitation with labels", "You're invited: Spring Founders Dinner",
     "Hi Pat,\n\nWe'd love to see you at our founders dinner.\n\nWhen: Thursday, May 14, 2026, 6:30 PM – 9:00 PM EDT\n"
     "Where: The Foundry, 123 Main St, Boston\n\nRSVP: https://lu.ma/founders-dinner\n", [],
     ("Spring Founders Dinner", datetime(2026, 5, 14, 18, 30, tzinfo=NY), datetime(2026, 5, 14, 21, 0, tzinfo=NY),
      "The Foundry, 123 Main St, Boston", "https://lu.ma/founders-dinner")),
    ("google calendar text", "Invitation: Team dinner @ Thu Dec 10, 2026 6:30pm - 8:30pm (EST) (pat@owner.example)",
     "You have been invited to the following event.\n\nTeam dinner\nWhen\tThu Dec 10, 2026 6:30pm – 8:30pm "
     "Eastern Time - New York\nWhere\tChez Panisse\n", [],
     ("Team dinner", datetime(2026, 12, 10, 18, 30, tzinfo=NY), datetime(2026, 12, 10, 20, 30, tzinfo=NY),
      "Chez Panisse", None)),
    ("meetup sentence with range and place", "AI Meetup Boston — June 3",
     "Join us for the next AI Meetup Boston on Wednesday, June 3 from 6-8pm at The Engine, 750 Main St, Cambridge. "
     "Pizza provided!\nRegister here: https://www.meetup.com/ai-boston/events/123/", [],
     ("AI Meetup Boston", datetime(2026, 6, 3, 18, 0, tzinfo=UTC), datetime(2026, 6, 3, 20, 0, tzinfo=UTC),
      "The Engine, 750 Main St, Cambridge", "https://www.meetup.com/ai-boston/events/123/")),
    ("save the date, day-first, all day", "Save the date!",
     "SAVE THE DATE\n\nAnnual Climate Summit 2026\n10 December 2026\n\nMore details soon.", [],
     ("Annual Climate Summit 2026", date(2026, 12, 10), None, None, None)),
    ("forwarded webinar uses the inner subject and the registration link", "Fwd: webinar",
     "---------- Forwarded message ---------\nFrom: Events <events@x.example>\nDate: Mon, May 4, 2026 at 9:00 AM\n"
     "Subject: Webinar: Scaling Postgres\nTo: pat@owner.example\n\nJoin us online for Scaling Postgres, a free "
     "webinar on 12/10/2026 at 18:00 UTC.\n",
     [("Unsubscribe", "https://x.example/u"), ("Register now", "https://zoom.us/webinar/register/abc")],
     ("Webinar: Scaling Postgres", datetime(2026, 12, 10, 18, 0, tzinfo=UTC), None, "Online",
      "https://zoom.us/webinar/register/abc")),
    ("dinner invitation, relative weekday", "Dinner?",
     "Hey, would you like to join us for dinner next Thursday at 7pm? Sam is cooking.", [],
     ("Dinner", datetime(2026, 5, 7, 19, 0, tzinfo=UTC), None, None, None)),
    ("newsletter names the event above its date", "Weekly newsletter #42",
     "Hello!\n\nThis week in the community...\n\nUpcoming events\n\nRust Hack Night\nTuesday, May 12 · 6:30 PM\n"
     "Online\nRSVP: https://lu.ma/rust-hack\n", [],
     ("Rust Hack Night", datetime(2026, 5, 12, 18, 30, tzinfo=UTC), None, "Online", "https://lu.ma/rust-hack")),
    ("yearless date later in the year, ISO date", "Fall Product Summit",
     "Our summit is back. Registration is open!\nDate: 2026-10-01\nVenue: Pier 27, San Francisco", [],
     ("Fall Product Summit", date(2026, 10, 1), None, "Pier 27, San Francisco", None)),
    ("yearless date already passed this year is next year", "Winter gala — Feb 12",
     "You're invited to our winter gala on Feb 12 at 7:00 PM at the Grand Hotel.", [],
     ("Winter gala", datetime(2027, 2, 12, 19, 0, tzinfo=UTC), None, "Grand Hotel", None)),
    ("german", "Einladung: Sommerfest",
     "Liebe Kolleginnen,\nwir laden Sie herzlich zu unserem Sommerfest ein.\nDatum: Freitag, 19. Juni 2026\n"
     "Uhrzeit: 18:00 - 22:00 Uhr\nOrt: Biergarten am See, Seestraße 5\n", [],
     ("Sommerfest", datetime(2026, 6, 19, 18, 0, tzinfo=UTC), datetime(2026, 6, 19, 22, 0, tzinfo=UTC),
      "Biergarten am See, Seestraße 5", None)),
    ("french", "Invitation : soirée networking",
     "Vous êtes invités à notre soirée networking le jeudi 11 juin 2026 à 19h30.\n"
     "Lieu : Le Comptoir, 12 rue de la Paix, Paris", [],
     ("Soirée networking", datetime(2026, 6, 11, 19, 30, tzinfo=UTC), None, "Le Comptoir, 12 rue de la Paix, Paris",
      None)),
    ("a place label's value stops at the next label on its line", "Save the date: Health Innovation Day",
     "Save the date!\n\nWhen: Wednesday, January 13, 2027, 8:30 AM - 4:00 PM\nWhere: Learning Center, 1800 NW "
     "Marshall St, Portland, OR What: 12 startups pitch; Applications: due Dec 15\n", [],
     ("Health Innovation Day", datetime(2027, 1, 13, 8, 30, tzinfo=UTC), datetime(2027, 1, 13, 16, 0, tzinfo=UTC),
      "Learning Center, 1800 NW Marshall St, Portland, OR", None)),
    ("a colon inside the place is kept", "You're invited: Board dinner",
     "You're invited to our board dinner.\nWhen: Thursday, May 14, 2026, 7 PM\nWhere: Hotel Nova, Room: Aurora "
     "Suite, Boston\n", [],
     ("Board dinner", datetime(2026, 5, 14, 19, 0, tzinfo=UTC), None, "Hotel Nova, Room: Aurora Suite, Boston",
      None)),
    ("a named evening with applications open", "December Pitch Night - founder applications open",
     "Dear members,\n\nOur December Pitch Night is on Tuesday, December 15, 2026, 5:30-8:30 PM,\nat Gardner "
     "Hall, 1120 NW Couch St, Portland.\n\nSix founders will present. Founder applications are open until "
     "December 1.\n", [],
     ("December Pitch Night - founder applications open", datetime(2026, 12, 15, 17, 30, tzinfo=UTC),
      datetime(2026, 12, 15, 20, 30, tzinfo=UTC), "Gardner Hall, 1120 NW Couch St, Portland", None)),
    ("a flyer in capitals, its order deadline before it", "Aggie Night at Enron Field - May 15",  # a probe mailbox
     "HOWDY AGS!\n\nThe Houston A&M Club is sponsoring\n\nAGGIE NIGHT AT ENRON FIELD\n\nIt's the Astros vs. the "
     "Rangers on Friday, May 15, 2026, starting at 7:05 pm.\n\nTickets in the Mezzanine are $12. Information and "
     "checks are due\nby 2 pm Monday, May 11 to receive your tickets.\n\nCome join other Aggies at Irma's Grill "
     "before the game on May 15.\n", [],
     ("Aggie Night at Enron Field", datetime(2026, 5, 15, 19, 5, tzinfo=UTC), None, None, None)),
    ("a deadline with a clock time is not the event", "Spring Gala",
     "Please RSVP by 2 pm Monday, May 11.\n\nThe Spring Gala is on Friday, May 15, 2026 at 7 pm at Hall A.\n", [],
     ("Spring Gala", datetime(2026, 5, 15, 19, 0, tzinfo=UTC), None, "Hall A", None)),
    ("a time range with 'until' is the event's", "Open studio",  # review: lost when 'until 6 pm' read as a deadline
     "Join us for our open studio, 2 until 6 pm Saturday, June 8.\nRSVP at https://x.example/rsvp\n", [],
     ("Open studio", datetime(2026, 6, 8, 14, 0, tzinfo=UTC), datetime(2026, 6, 8, 18, 0, tzinfo=UTC), None,
      "https://x.example/rsvp")),
    ("the subject names the event and its day, the text asks to come", "Founders Breakfast - May 21",
     "Please make plans to attend our founders breakfast, moved from April.\nDetails are in the attached flyer.\n",
     [], ("Founders Breakfast", date(2026, 5, 21), None, None, None)),
    ("a course to pass on", "Last seats: June negotiation courses",
     "Our public negotiation courses will be held at the Midtown Hilton on June 9, 10 and 11.\n\n"
     "Please forward this note to anyone on your team who might benefit.\n", [],
     ("Last seats: June negotiation courses", date(2026, 6, 9), None, "Midtown Hilton", None)),
    ("an early-bird rate beside a class's days", "Two-day pricing workshop",
     "Pricing for Consultants\nTwo full days, June 16-17, 2026\nEarly bird rate until May 20\n", [],
     ("Two-day pricing workshop", date(2026, 6, 16), date(2026, 6, 17), None, None)),
    ("a place whose name holds 'on' keeps it", "Founders mixer",  # review: "on Sunset" was read as a date
     "Join us for the founders mixer at Bistro on Sunset Boulevard, June 9, 2026 at 6 pm.", [],
     ("Founders mixer", datetime(2026, 6, 9, 18, 0, tzinfo=UTC), None, "Bistro on Sunset Boulevard", None)),
    ("asked to attend to meet someone", "Board reception",  # review: "attend to" once read as "attend to it"
     "We encourage you to attend to meet the new board. Thursday, June 11, 2026 at 6 pm at City Club.", [],
     ("Board reception", datetime(2026, 6, 11, 18, 0, tzinfo=UTC), None, "City Club", None)),
    ("one course", "Leadership",
     "Our leadership course starts June 9, 2026 at 6 pm. Registration is now open.", [],
     ("Leadership", datetime(2026, 6, 9, 18, 0, tzinfo=UTC), None, None, None)),
    ("a place before an abbreviated weekday", "Mixer", "Join us at the Hilton on Thu, June 9, 2026 for the mixer.",
     [], ("Mixer", date(2026, 6, 9), None, "Hilton", None)),
    ("spanish", "Invitación: Cena de fin de año",
     "Te invitamos a nuestra cena de fin de año el 18 de diciembre de 2026 a las 20:30.\nLugar: Casa Lucio, Madrid",
     [], ("Cena de fin de año", datetime(2026, 12, 18, 20, 30, tzinfo=UTC), None, "Casa Lucio, Madrid", None)),
]


@pytest.mark.parametrize(("subject", "text", "links", "expected"), [c[1:] for c in TEXT_CASES],
                         ids=[c[0] for c in TEXT_CASES])
def test_event_from_text(subject: str, text: str, links: list[tuple[str, str]], expected: tuple) -> None:
    event = event_from_text(text, SENT, subject, links)
    assert event is not None
    assert (event.title, event.start, event.end, event.location, event.url) == expected
    assert event.source == "text"
    if isinstance(event.start, datetime):
        assert event.start.utcoffset() == timedelta(0)


def test_clock_times_without_a_zone_are_read_in_the_given_zone() -> None:
    event = event_from_text("Join us for the launch party on June 3, 2026 at 18:30.", SENT, "Launch party",
                            tz=ZoneInfo("Europe/Berlin"))
    assert event is not None and event.start == datetime(2026, 6, 3, 16, 30, tzinfo=UTC)


def test_without_sent_only_dates_with_a_year_count() -> None:
    assert event_from_text("Join us for our gala on Dec 10 at 7pm.", None, "Winter gala") is None
    event = event_from_text("Join us for our gala on Dec 10, 2026 at 7pm.", None, "Winter gala")
    assert event is not None and event.start == datetime(2026, 12, 10, 19, 0, tzinfo=UTC)


NOT_ANNOUNCEMENTS = [
    ("quick question", "Can we talk on Tuesday?"),
    ("draft", "I'll send it by Dec 3."),
    ("travel", "My flight lands March 4 at 6:30 PM."),
    ("Lunch", "Lunch next week? Tuesday works for me."),
    ("Conference call", "The conference call is moved to Dec 3 at 10am."),
    ("Re: You're invited: Spring Founders Dinner", "Thanks, I'll be there on May 14!"),
    ("Accepted: Team dinner @ Thu Dec 10, 2026", "Pat has accepted this invitation. When: Thu Dec 10, 2026 6:30pm"),
    ("Canceled event: Team dinner", "This event has been cancelled. When: Thu Dec 10, 2026 6:30pm"),
    ("Your order has shipped", "Your order #1234 will be delivered on Dec 3."),
    ("Receipt for your tickets", "Thanks for your purchase. Conference ticket, Dec 10, 2026. Total $20."),
    ("Your package", "Your package is out for delivery on Thursday, May 7 between 2-4pm."),
    ("Thanks for attending", "Thanks for joining us at the meetup on April 30. Slides attached."),
    ("Pat wants to connect", "Pat sent you an invitation to connect on LinkedIn. Accept by May 10, 2026."),
    ("Doc shared", "Sam invited you to edit the document 'Conference plan' (due Dec 3, 2026)."),
    ("Past event", "Join us for the 2025 holiday party on December 12, 2025 at 7pm!"),
    ("Registration closes", "Register by May 20 for our summit. Tickets are limited."),
    ("Newsletter", "Join us in welcoming our new CEO.\n\n" + "Lorem ipsum dolor sit amet. " * 40
     + "\n\nQuarterly results will be published on June 30, 2026."),
    ("Dinner last night", "Last Night was great. Let's pick up the review on May 12, 2026."),
    ("LAST NIGHT", "LAST NIGHT was great. Let's pick up the review on May 12, 2026."),
    ("Hotel", "ROOMS ARE $150 PER NIGHT, JOIN US FRIDAY MAY 31 IN DALLAS."),
    ("Report", "Please send the numbers, they are due by 2 pm Monday, May 11. Come join the review if you like."),
    ("Accelerator", "Applications are open until May 20, 2026 for our spring accelerator program."),
    ("Re: Board dinner - May 21", "Please make plans to attend, we need a quorum."),  # a reply names no event
    ("Status - May 21", "Please make plans to attend the call."),  # no event word anywhere
    ("Of course", "Of course I can forward this to anyone you like. It is on May 21, 2026."),
    ("Notice", "In the course of the merger, closing is June 3, 2026. Please forward this to anyone who asks."),
    ("Status", "The Sanders camp expects the vote on June 3, 2026. Please forward this to anyone interested."),
    ("Vacation - May 21", "I'll be at camp with the kids on June 3, 2026. Forward this to anyone who needs me."),
    # the subject's day, when it belongs to a reply or is a deadline, is no event's
    ("[team] Re: Dinner - May 21", "Please make plans to attend, we need a quorum for the dinner."),
    ("Antwort: Dinner - May 21", "Please make plans to attend the dinner."),
    # a reply, whatever its language or list tag, answers an event: it announces none
    ("[club] Re: Spring Gala", "Join us for the Spring Gala on May 20, 2026 at 7pm. Tickets at the door."),
    ("Antwort: Spring Gala", "Join us for the Spring Gala on May 20, 2026 at 7pm. Tickets at the door."),
    ("VS: Spring Gala", "Join us for the Spring Gala on May 20, 2026 at 7pm. Tickets at the door."),
    ("Gala RSVP by May 21", "Please make plans to attend our gala."),
    ("Training budget", "The training budget for June 9, 2026 is attached; we plan to attend to it later."),
    ("Quoted invitation", "Sounds good!\n\nOn Mon, May 4, 2026 at 9:00 AM Sam <s@x.example> wrote:\n"
     "> You're invited to our Spring Gala on May 20 at 7pm.\n"),
]


@pytest.mark.parametrize(("subject", "text"), NOT_ANNOUNCEMENTS, ids=[s for s, _ in NOT_ANNOUNCEMENTS])
def test_text_that_is_not_an_announcement_gives_no_event(subject: str, text: str) -> None:
    assert event_from_text(text, SENT, subject) is None


DATES = [
    ("Thursday, December 10, 2026", date(2026, 12, 10)),
    ("Dec 10", date(2026, 12, 10)),
    ("10 December", date(2026, 12, 10)),
    ("the 10th of Dec", date(2026, 12, 10)),
    ("12/10/2026", date(2026, 12, 10)),
    ("13/10/2026", date(2026, 10, 13)),
    ("10.12.2026", date(2026, 12, 10)),
    ("2026-12-10", date(2026, 12, 10)),
    ("10. Dezember 2026", date(2026, 12, 10)),
    ("le 10 décembre 2026", date(2026, 12, 10)),
    ("10 de diciembre de 2026", date(2026, 12, 10)),
    ("next Thursday", date(2026, 5, 7)),
    ("on Monday", date(2026, 5, 11)),
    ("this Monday", date(2026, 5, 4)),
    ("tomorrow", date(2026, 5, 5)),
    ("Thu, May 6", date(2027, 5, 6)),  # May 6, 2027 is the Thursday
    ("May 1", date(2026, 5, 1)),  # three days ago: a past reference, not next year
]


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[t for t, _ in DATES])
def test_find_dates(text: str, expected: date) -> None:
    assert [h.day for h in find_dates(text, SENT.date())] == [expected]


@pytest.mark.parametrize("text", ["version 2.07.59", "24/7 support", "Room 12-10", "1.5.3", "March 2026 report"])
def test_find_dates_ignores_lookalikes(text: str) -> None:
    assert find_dates(text, SENT.date()) == []


TIMES = [
    ("6:30 PM", (18, 30), None, None),
    ("18:30", (18, 30), None, None),
    ("6-8pm", (18, 0), (20, 0), None),
    ("11-1pm", (11, 0), (13, 0), None),
    ("6:00 – 8:30 PM EST", (18, 0), (20, 30), "America/New_York"),
    ("19h30", (19, 30), None, None),
    ("18 Uhr", (18, 0), None, None),
    ("noon", (12, 0), None, None),
    ("7pm (UTC+2)", (19, 0), None, "UTC+02:00"),
]


@pytest.mark.parametrize(("text", "begin", "finish", "zone"), TIMES, ids=[t[0] for t in TIMES])
def test_find_times(text: str, begin: tuple[int, int], finish: tuple[int, int] | None, zone: str | None) -> None:
    [hit] = find_times(text)
    assert (hit.begin.hour, hit.begin.minute) == begin
    assert (hit.finish and (hit.finish.hour, hit.finish.minute)) == finish
    assert (str(hit.zone) if hit.zone else None) == zone


@pytest.mark.parametrize("text", ["room 6", "2026-12-10", "call 555-1234", "version 3.11", "6-8 people"])
def test_find_times_ignores_numbers_that_are_not_times(text: str) -> None:
    assert find_times(text) == []


def test_the_reference_day_is_the_day_sent_in_the_given_zone() -> None:
    late = datetime(2026, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))  # Jan 1 in UTC
    event = event_from_text("You're invited to our New Year brunch on Jan 1 at 11am.", late, "New Year brunch")
    assert event is not None and event.start == datetime(2027, 1, 1, 11, 0, tzinfo=UTC)


# --- the cheaper paths decide as the full ones would -------------------------------------

def test_links_may_be_a_function_called_once_and_only_when_a_url_could_matter() -> None:
    calls: list[int] = []

    def links() -> list[tuple[str, str]]:
        calls.append(1)
        return [("Register here", "https://lu.ma/spring-gala")]

    text = "You're invited to our Spring Gala on June 3, 2026 at 18:30 at The Foundry."
    eager = event_from_text(text, SENT, "Spring Gala", links())
    calls.clear()
    lazy = event_from_text(text, SENT, "Spring Gala", links)
    assert lazy == eager and lazy is not None and lazy.url == "https://lu.ma/spring-gala"
    assert len(calls) == 1
    calls.clear()
    assert event_from_text("Lunch on June 3, 2026?", SENT, "lunch", links) is None
    assert event_from_text("Here is your invoice for the dinner on June 3, 2026.", SENT, "Dinner", links) is None
    assert calls == []  # no cue, or vetoed: the HTML need not be parsed


def test_without_cues_near_enough_the_dates_are_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.reading.announcements as events

    monkeypatch.setattr(events, "find_dates", lambda *a: pytest.fail("dates searched"))
    # "party" passes the cue check, but a noun alone (1) and a link (1) cannot lift a date to 3
    assert event_from_text("Our third-party audit closes on June 3, 2026.", SENT, "Audit") is None
    assert event_from_text("The dinner is on June 3, 2026.", SENT, "Hello", [("Book", "https://lu.ma/x")]) is None


@pytest.mark.parametrize("phrase", [
    "You're invited", "you are cordially invited", "an invitation", "we invite you", "Save  the\ndate", "join us",
    "RSVP", "r.s.v.p", "register now", "registration is now open", "sign up today", "get your tickets",
    "reserve your seat", "claim your spot", "book your place", "Einladung", "laden Sie herzlich ein",
    "vous êtes invités", "nous vous invitons", "invitación", "te invitamos", "acompáñanos", "Come join"])
def test_every_strong_cue_holds_a_strong_cue_word(phrase: str) -> None:
    import assistant.reading.announcements as events

    assert events._STRONG.search(phrase)
    folded = " ".join(phrase.split()).lower()
    assert any(word in folded for word in events._STRONG_CUES)


@pytest.mark.parametrize("phrase", [
    "meetup", "meet-ups", "webinars", "conference", "workshop", "summit", "hackathon", "symposia", "seminar",
    "lectures", "tech  talk", "panel", "keynote", "fireside chats", "happy hour", "mixer", "networking", "reception",
    "gala", "fundraiser", "party", "parties", "dinner", "brunch", "breakfast", "luncheon", "launch", "demo day",
    "open house", "concert", "festival", "exhibition", "screening", "meet & greet", "celebration", "ceremony",
    "retreat", "expo", "bootcamp", "masterclasses", "roundtable", "forum", "tasting", "vernissage",
    "Veranstaltung", "Vortrag", "Konferenz", "Stammtisch", "Abendessen", "Sommerfest", "soirée", "conférence",
    "atelier", "rencontre", "dîner", "evento", "conferencia", "taller", "cena", "charla"])
def test_every_noun_holds_a_noun_cue_word(phrase: str) -> None:
    import assistant.reading.announcements as events

    assert events._NOUN.search(phrase)
    folded = " ".join(phrase.split()).lower()
    assert any(word in folded for word in events._NOUN_CUES)


@pytest.mark.parametrize("phrase", [
    "receipt", "invoice", "order #12", "your order", "has shipped", "out for delivery", "tracking number",
    "refund", "verify your email", "reset your password", "invitation to connect", "wants to connect",
    "connection request", "invited you to join the workspace", "shared a document", "has been cancelled",
    "is postponed", "Bestellung", "Rechnung", "commande", "facture", "pedido", "factura"])
def test_every_veto_holds_a_veto_cue_word(phrase: str) -> None:
    import assistant.reading.announcements as events

    assert events._VETO.search(phrase)
    assert any(word in phrase.lower() for word in events._VETO_CUES)


def test_letters_that_only_fold_in_patterns_take_the_full_path() -> None:
    # "ı" (dotless i) matches "i" under re.IGNORECASE but str.lower() keeps it: the veto must still apply
    assert event_from_text("Your ınvoice for the gala on June 3, 2026 at 7pm", SENT, "Spring gala") is None


def test_date_words_as_a_prefix_tree_match_what_the_word_list_matches() -> None:
    import re

    import assistant.reading.dates as dt
    from assistant.reading.words import alternation, word_tree

    flat = alternation(dt._MONTHS)
    for word in [*dt._MONTHS, *dt._WEEKDAYS, "Sept.", "MÄRZ", "junio", "jul", "juillet", "sab", "mayor"]:
        for text in (word, word.upper(), word.title(), word + "x"):
            expected = re.match(f"(?:{flat})", text, re.I)
            got = re.match(word_tree(dt._MONTHS), text, re.I)
            assert (expected and expected.group()) == (got and got.group()), text


@pytest.mark.parametrize("text", [
    "Thu, Dec. 10th - 12, 2026", "le 10 décembre", "the 3rd of June", "12/10/2026 and 10.12.26",
    "Sáb 3 de mayo de 2026", "next Thursday or this coming Friday", "aujourd'hui et demain", "Mittwoch, 3. Juni",
    "2026-06-03 at noon"])
def test_find_dates_with_guards_finds_the_same_dates(text: str) -> None:
    import re

    import assistant.reading.dates as dt

    def flat(words: dict) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    # the patterns as they were written before the guards and the prefix trees
    mon, wday = rf"(?P<mon>{flat(dt._MONTHS)})\.?", rf"(?:(?P<wd>{flat(dt._WEEKDAYS)})\.?,?\s+)?"
    plain = [
        dt._DATE_RES[0],
        re.compile(rf"\b{wday}{mon}\s+{dt._DAY}(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?(?![\d:]){dt._YEAR}\b",
                   re.I),
        re.compile(rf"\b{wday}(?:the\s+|le\s+|el\s+)?{dt._DAY}\.?\s+(?:of\s+|de\s+)?{mon}{dt._YEAR}\b", re.I),
        re.compile(rf"\b{wday}(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\d/.]\d)",
                   re.I),
        re.compile(rf"\b(?:(?P<rel>next|this|coming|this\s+coming|on|nächsten|kommenden|diesen|am|ce|el\s+próximo"
                   rf"|este)\s+)?(?P<wd>{flat(dt._FULL_WEEKDAYS)})(?:\s+(?P<post>prochain))?\b"
                   r"|\b(?P<word>today|tonight|tomorrow|this\s+evening|heute|aujourd'hui|demain|mañana)\b", re.I),
    ]
    for old, new in zip(plain, [*dt._DATE_RES, dt._RELATIVE_RE], strict=True):
        assert [(m.span(), m.groupdict()) for m in old.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in new.finditer(text)]
    assert find_dates(text, date(2026, 5, 4))


@pytest.mark.parametrize("subject, text", [
    # a call to apply in the subject announces a deadline, not an event
    ("Applications are now open for our Spring 2027 cohort", "The deadline is January 15, 2027. Apply online."),
    ("Thanks For Last Night", "What a dinner! Let's meet again on May 20, 2026 to go over the plan."),
    ("Saturday Night", "Are you around on May 16, 2026? Could use help moving boxes."),
])
def test_title_case_subjects_and_calls_to_apply_are_not_announcements(subject, text):
    assert event_from_text(text, SENT, subject) is None


@pytest.mark.parametrize("name", ["AI Night", "Founders' Night", "Demo Night"])
def test_a_named_evening_is_what_makes_an_announcement(name):
    # no invitation word: the evening's name, in the subject and beside the date, and its page decide
    text = f"{name} is back: demos and drinks on June 4, 2026 at 6 PM at The Foundry.\nDetails: https://lu.ma/x\n"
    event = event_from_text(text, SENT, f"{name}, June 4")
    assert event is not None and event.start == datetime(2026, 6, 4, 18, 0, tzinfo=UTC)
    plain = text.replace(name, "The community")
    assert event_from_text(plain, SENT, "The community, June 4") is None


@pytest.mark.parametrize(("text", "named"), [
    ("AGGIE NIGHT AT ENRON FIELD", True), ("TRIVIA NIGHT", True), ("Pitch Night", True),
    ("LAST NIGHT", False), ("PER NIGHT", False), ("AT NIGHT", False), ("SAT NIGHT", False), ("GOOD NIGHT", False),
    ("YESTERDAY NIGHT", False)])
def test_a_named_evening_in_capitals_is_an_event_word(text: str, named: bool) -> None:
    import assistant.reading.announcements as events

    assert bool(events._NOUN.search(text)) is named


def test_a_time_belongs_to_the_date_of_its_own_clause() -> None:
    # a probe mailbox: "In conjunction with the meeting on November 9, Calpine would like to invite each
    # of you to the open house ... The open house will be held on November 8 from 3:00 - 6:00 p.m." in one
    # paragraph became an open house on November 9 at 3 pm
    text = ("Sorry you can't make the board meeting on the 21st. In conjunction with the board meeting on May 21, "
            "Acme would like to invite each of you to the open house of their new office downtown.  The open "
            "house will be held on May 20 from 3:00 - 6:00 p.m. (see the attached invitation for details).")
    event = event_from_text(text, SENT, "A special invitation for board members", tz=UTC)
    assert event is not None
    assert event.start == datetime(2026, 5, 20, 15, 0, tzinfo=UTC)
    assert event.end == datetime(2026, 5, 20, 18, 0, tzinfo=UTC)



def test_a_time_after_another_date_is_not_this_dates() -> None:
    text = ("You're invited to our spring gala on May 20, with the board meeting on May 21 from 9:00 to 11:00 am "
            "for those who stay.")
    event = event_from_text(text, SENT, "Spring gala", tz=UTC)
    assert event is not None and event.start == date(2026, 5, 20)


REVIEWED = [  # review: dates and times the first version of the "held on" rule got wrong
    ("Holiday party", "You're invited to our holiday party on Dec 12 at 7pm. The RSVP deadline is set for Dec 1.",
     datetime(2026, 12, 12, 19, 0, tzinfo=UTC), None),
    ("Gala", "Join us for the spring gala on June 5 at 7pm. The payment for tables is scheduled for May 20.",
     datetime(2026, 6, 5, 19, 0, tzinfo=UTC), None),
    ("Open house", "Join us for the open house on June 5 at 4pm. A walkthrough for staff will be held on June 3 "
     "at 9am.", datetime(2026, 6, 5, 16, 0, tzinfo=UTC), None),
    ("Workshop", "Join us for our workshop on June 5 - June 6, 9:00 am to 5:00 pm.",
     datetime(2026, 6, 5, 9, 0, tzinfo=UTC), datetime(2026, 6, 5, 17, 0, tzinfo=UTC)),
    ("Dinner", "Join us for dinner at 7 p.m. on Fri. May 22 at the club.", datetime(2026, 5, 22, 19, 0, tzinfo=UTC),
     None),
]


@pytest.mark.parametrize(("subject", "text", "start", "end"), REVIEWED, ids=[c[0] for c in REVIEWED])
def test_the_events_own_date_and_time(subject, text, start, end) -> None:
    event = event_from_text(text, SENT, subject, tz=UTC)
    assert event is not None and (event.start, event.end) == (start, end)
