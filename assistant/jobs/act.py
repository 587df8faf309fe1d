"""Acting on replies to the digest: the glue between the inbound table, the pure rules in actions/,
the outbox and SMTP.

One pass (`run.py act`, and the daemon after every sync):
  1. each waiting inbound reply is checked (actions/inbound.py); refused ones get a receipt when the
     user should know, ignored ones are set aside; a reply that may act is read (actions/grammar.py)
     and planned (actions/plan.py): every draft to send becomes an outbox row first (planned), the
     history is updated, and the reply is marked `acting`, all in one write;
  2. planned action rows are delivered, unless [actions] paused or the daily cap holds them;
  3. each `acting` reply gets its receipt (to the owner only; receipts ignore the cap and pause),
     and is marked done with the same write that records the receipt as sent.
A crash anywhere leaves a state the next pass finishes: outbox keys make every draft go out at
most once, an interrupted send is `uncertain` (reported, never repeated on its own).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import IO, Any

from assistant.actions.answers import LATER, NO, YES, read_answer
from assistant.actions.compose import act_message_id, draft_message, receipt_message, recipients
from assistant.actions.grammar import read_commands
from assistant.actions.inbound import (
    ACT,
    IGNORE,
    REFUSE,
    WAIT,
    Verdict,
    authenticated_for,
    check_answer,
    check_forward,
    check_reply,
)
from assistant.actions.plan import ShownDigest, plan_actions, sent_by_hand
from assistant.addresses import clean_text
from assistant.config import Settings
from assistant.crashpoints import crash_point
from assistant.digest.candidates import Drafting, never_key, refused
from assistant.digest.drafts import TemplateDraftWriter, make_text_environment
from assistant.digest.events import event_texts, guests_for
from assistant.digest.plan import digest_people
from assistant.digest.render import clean_body, reply_example
from assistant.digest.tokens import message_id_for, new_digest_id
from assistant.errors import AssistantError
from assistant.jobs.digest import sent_copy, template_dirs
from assistant.jobs.meanings import vectors_for
from assistant.jobs.network import load_network
from assistant.jobs.outgoing import deliver
from assistant.models import StoredMessage
from assistant.network.build import SeenEvent
from assistant.network.identity import canonical
from assistant.network.owner import OwnerProof
from assistant.smtp import Mailer
from assistant.state.outbox import FAILED, PLANNED, SENDING, SENT, UNCERTAIN, Outbox, OutboxRow
from assistant.state.store import Store

logger = logging.getLogger(__name__)

INBOUND = "inbound"
ACTION, RECEIPT = "action", "receipt"
NEW, WAITING, ACTING, DONE, REFUSED, IGNORED = "new", "wait", "acting", "done", "refused", "ignored"


@dataclass
class ActReport:
    replies: int = 0  # replies read this pass (acted on or refused)
    sent: int = 0
    held: int = 0  # waiting for the cap or the pause
    failed: int = 0
    receipts: int = 0
    lines: list[str] = field(default_factory=list)  # what --dry-run would do

    def summary(self) -> str:
        return (f"{self.replies} repl{'y' if self.replies == 1 else 'ies'} handled, {self.sent} sent, "
                f"{self.held} waiting, {self.failed} not sent, {self.receipts} receipt(s)")


def act(store: Store, settings: Settings, now: datetime, *, key: bytes, mailer: Mailer | None,
        environ: Mapping[str, str], dry_run: bool = False) -> ActReport:
    """One pass over what is waiting. With dry_run nothing is sent or recorded: report.lines says
    what would be sent to whom. mailer None (no [smtp]): plans and records, delivers nothing."""
    report = ActReport()
    outbox = Outbox(store)
    if not dry_run:
        _mark_sent_by_hand(store, settings, now)
    _read_replies(store, settings, now, key, outbox, report, dry_run)
    if dry_run:
        return report
    if mailer is not None:
        _deliver_actions(store, settings, now, outbox, mailer, report, environ)
        _send_receipts(store, settings, now, outbox, mailer, report)
    return report


def _mark_sent_by_hand(store: Store, settings: Settings, now: datetime) -> None:
    """Drafts the user sent from their mail program (the digest's mailto: links) are done."""
    log = store.rows("sent_log")
    if not log:
        return
    history = store.history()
    changed = False
    for doc in store.rows("digests"):
        for key in sent_by_hand(ShownDigest.from_json(doc), log, now=now, token_days=settings.actions.token_days):
            if (history.get(key) or {}).get("status") not in ("done", "sent"):
                store.put("history", key, {"status": "done", "at": now.isoformat(), "by": "your mail program"})
                changed = True
    if changed:
        store.save()


# -- 1. reading replies --------------------------------------------------------------------------------

def _read_replies(store: Store, settings: Settings, now: datetime, key: bytes, outbox: Outbox, report: ActReport,
                  dry_run: bool) -> None:
    owner, cfg = settings.owner, settings.actions
    # a reply's own record says if it came from Sent; a copy seen there later is in sent_copies: no need
    # to read every stored message (store.in_sent) to prove a new reply
    proof = OwnerProof(owner.identities, store.sent_copies().__contains__, settings.mailbox.trusted_authserv_id)
    digests = {d["digest_id"]: d for d in store.rows("digests")}
    ours = {r.message_id for r in outbox.rows()} | {d["message_id"] for d in digests.values()}
    waiting = sorted((r for r in store.rows(INBOUND) if r.get("status") in (NEW, WAITING)),
                     key=lambda r: (r["first_seen"], r["key"]))
    notes = {r.message_id: r for r in outbox.rows() if r.kind == ACTION and r.data.get("kind") == "intro_ask"}
    address = cfg.assistant_address(owner.email)
    for row in waiting:
        try:
            _read_one(store, settings, now, key, outbox, report, dry_run, row, proof, digests, ours, notes, address)
        except AssistantError:
            raise  # the state or the network: every row would fail the same way
        except Exception as exc:  # noqa: BLE001 - one strange reply must not block every other one
            logger.exception("a reply could not be handled; it is set aside")
            if not dry_run:
                _set(store, row, status="error", why=f"{type(exc).__name__}: {exc}"[:300])


def _read_one(store: Store, settings: Settings, now: datetime, key: bytes, outbox: Outbox, report: ActReport,
              dry_run: bool, row: dict[str, Any], proof: OwnerProof, digests: dict[str, dict[str, Any]],
              ours: set[str], notes: dict[str, OutboxRow], address: str) -> None:
    owner, cfg = settings.owner, settings.actions
    message = StoredMessage.from_json(row["record"])
    if "delivery-report" in message.signals and not dry_run:
        _record_bounce(store, outbox, message, now)
    refs = {f"<{r.strip('<> ')}>" for r in (message.in_reply_to or "", *message.references) if r}
    note = next((notes[r] for r in refs if r in notes), None)
    mine = message.sender is not None and canonical(message.sender.email) in {
        canonical(a) for a in owner.identities}
    if note is not None and not mine and not ours.__contains__(message.message_id):
        _read_answer(store, settings, now, outbox, row, message, note, digests, report, dry_run)
        return
    if address in {a.email.lower() for a in (*message.to, *message.cc)} and not any(
            r.lower().startswith("<digest.") for r in refs):
        _read_forward(store, settings, now, key, outbox, row, message, report, dry_run, proof, ours)
        return
    verdict = check_reply(
        message, owner=owner, proof=proof, key=key, now=now, token_days=cfg.token_days,
        digest_sent=lambda d: datetime.fromisoformat(digests[d]["sent_at"]) if d in digests else None,
        ours=ours.__contains__, first_seen=datetime.fromisoformat(row["first_seen"]))
    if _settled(store, row, message, verdict, report, dry_run, "a reply to the digest"):
        return
    assert verdict.action == ACT and verdict.digest_id is not None
    digest = ShownDigest.from_json(digests[verdict.digest_id])
    reading = read_commands(command_text(message))
    history = store.history()
    plan = plan_actions(reading, digest, mode=cfg.mode, now=now, already=lambda k: _already(outbox, k),
                        done=lambda key: (history.get(key) or {}).get("by") == "your mail program")
    if dry_run:
        for outgoing in plan.sends:
            report.lines.append(f"would send item {outgoing.item}: \"{outgoing.draft.get('subject')}\" to "
                                f"{', '.join(recipients(outgoing.draft))}")
        report.lines.extend(plan.notes)
        return
    keys = []
    for outgoing in plan.sends:
        if outbox.get(outgoing.key) is None:
            message_id = act_message_id(os.urandom(15), owner.email.rsplit("@", 1)[1], "note")
            try:
                built = draft_message(outgoing.draft, owner, now, message_id)
            except ValueError as exc:
                plan = replace(plan, notes=(*plan.notes, f"Item {outgoing.item} was not sent: {exc}."))
                return
            outbox.plan(outgoing.key, ACTION, built.as_bytes(), message_id, recipients(outgoing.draft),
                        str(built["Subject"]), now, data={"item": outgoing.item, "reply": message.message_id,
                                                          "digest_id": digest.digest_id,
                                                          "kind": outgoing.draft.get("kind", "")})
        keys.append(outgoing.key)
    for history_key, entry in plan.history:
        store.put("history", history_key, entry)
    store.put(INBOUND, row["key"], {**row, "status": ACTING, "keys": keys, "notes": list(plan.notes),
                                    "quoted": command_text(message).splitlines()[:20]})
    store.save()
    crash_point("act.planned")


def _set(store: Store, row: dict[str, Any], **changes: Any) -> None:
    store.put(INBOUND, row["key"], {**row, **changes})
    store.save()


def _settled(store: Store, row: dict[str, Any], message: StoredMessage, verdict: Verdict, report: ActReport,
             dry_run: bool, what: str) -> bool:
    """Everything but ACT ends here: WAIT keeps the row for the next pass, IGNORE sets it aside
    silently, REFUSE sets it aside and, when the user should know, leaves it for a receipt."""
    if verdict.action in (ACT, REFUSE):
        report.replies += 1  # read this pass, acted on or refused
    if verdict.action == ACT:
        return False
    if dry_run:
        if verdict.action == REFUSE:
            report.lines.append(f"refused {message.message_id}: {verdict.reason}")
        return True
    if verdict.action == WAIT:
        if row["status"] != WAITING:
            _set(store, row, status=WAITING)
    elif verdict.action == IGNORE:
        _set(store, row, status=IGNORED, why=verdict.reason)
    else:
        logger.warning("%s was refused: %s", what, verdict.reason)
        report.lines.append(f"refused {message.message_id}: {verdict.reason}")
        _set(store, row, status=ACTING if verdict.tell_user else REFUSED, refused=True, why=verdict.reason,
             keys=[], notes=[])
    return True


def _read_answer(store: Store, settings: Settings, now: datetime, outbox: Outbox, row: dict[str, Any],
                 message: StoredMessage, note: OutboxRow, digests: dict[str, dict[str, Any]], report: ActReport,
                 dry_run: bool) -> None:
    """A helper answering the opt-in note: its meaning goes to the user; only `connect N` (or an
    authenticated yes with auto_connect) sends the introduction."""
    helper = note.recipients[0]
    verdict = check_answer(message, helper=helper)
    if _settled(store, row, message, verdict, report, dry_run, "an answer to an opt-in note"):
        return
    meaning = read_answer(command_text(message))
    digest = ShownDigest.from_json(digests[note.data["digest_id"]]) if note.data.get("digest_id") in digests else None
    item = digest.item(int(note.data.get("item", 0))) if digest else None
    who = message.sender.name if message.sender and message.sender.name else helper
    number = note.data.get("item")
    keys: list[str] = []
    lines: list[str] = []
    connect = next(((i, d) for i, d in enumerate(item.drafts) if d.get("kind") == "intro_connect"), None) \
        if item else None
    if dry_run:
        report.lines.append(f"answer from {helper} to \"{note.subject}\": {meaning}")
        return
    history = store.history()
    closed = item is not None and ((history.get(item.key) or {}).get("status") in ("skipped", "done")
                                   or refused(history, list(item.people)))
    if closed and item is not None:
        lines.append(f"{who} answered your note about item {number} ({meaning}), but you had closed it: nothing "
                     f"was sent. Reply \"connect {number}\" if you want the introduction after all.")
    elif meaning == YES and connect is not None and item is not None:
        names = " and ".join(a.get("name") or a.get("email", "") for a in connect[1].get("to") or ())
        key = f"action:{item.key}:{connect[0]}"
        domain = helper.rpartition("@")[2]
        if settings.actions.auto_connect and authenticated_for(message, domain,
                                                               settings.mailbox.trusted_authserv_id):
            if outbox.get(key) is None:
                message_id = act_message_id(os.urandom(15), settings.owner.email.rsplit("@", 1)[1], "intro")
                built = draft_message(connect[1], settings.owner, now, message_id)
                outbox.plan(key, ACTION, built.as_bytes(), message_id, recipients(connect[1]), str(built["Subject"]),
                            now, data={"item": number, "reply": message.message_id, "digest_id": note.data["digest_id"],
                                       "kind": "intro_connect"})
            keys.append(key)
            lines.append(f"{who} said yes (authenticated by your provider), so the introduction to {names} "
                         "is sent ([actions] auto_connect).")
        else:
            lines.append(f"{who} said yes to your note about item {number}. Reply \"connect {number}\" to send the "
                         f"introduction to {names} (subject \"{connect[1].get('subject', '')}\").")
    elif meaning == NO and item is not None:
        store.put("history", never_key(list(item.people)), {"status": "never", "at": now.isoformat(),
                                                             "why": f"{helper} said no"})
        store.put("history", item.key, {"status": "done", "at": now.isoformat(), "by": f"{helper}: no"})
        lines.append(f"{who} said no to your note about item {number}: nothing more is sent, and they will not "
                     "be suggested to each other again.")
    elif meaning == LATER and item is not None:
        until = (now + timedelta(weeks=LATER_WEEKS)).date().isoformat()
        store.put("history", item.key, {"status": "snoozed", "until": until, "at": now.isoformat(),
                                        "by": f"{helper}: not now"})
        lines.append(f"{who} said not now to your note about item {number}: nothing more is sent, and the "
                     f"introduction may be suggested again after {until}.")
    else:
        lines.append(f"{who} answered your note about item {number}, and I cannot tell whether it is a yes, so "
                     f"nothing was sent. If it is, reply \"connect {number}\"; if not, \"close {number}\".")
    store.put("outbox", note.key, {**note.to_json(), "data": {**note.data, "answer": meaning,
                                                              "answered_at": now.isoformat(),
                                                              "answer_id": message.message_id}})
    references = [digest.message_id] if digest else []
    references += [note.message_id, message.message_id]
    _set(store, row, status=ACTING, keys=keys, notes=lines, quoted=command_text(message).splitlines()[:15],
         quoted_label=f"{who} wrote:", references=references,
         subject=f"{who} answered: {note.subject}")


def _read_forward(store: Store, settings: Settings, now: datetime, key: bytes, outbox: Outbox,
                  row: dict[str, Any], message: StoredMessage, report: ActReport, dry_run: bool, proof: Any,
                  ours: set[str]) -> None:
    """An event the user forwarded to the assistant: guests from the network, numbered like a digest."""
    owner = settings.owner
    verdict = check_forward(message, owner=owner, proof=proof, ours=ours.__contains__, now=now,
                            first_seen=datetime.fromisoformat(row["first_seen"]))
    if _settled(store, row, message, verdict, report, dry_run, "a forward to the assistant"):
        return
    tz = settings.digest.zone
    items: list[Any] = []
    understood: dict[str, Any] | None = None
    if message.event is not None:
        network = load_network(store, owner, now, settings.mailbox.trusted_authserv_id,
                               use_model=settings.understanding == "model", recent_enough=True)
        writer = TemplateDraftWriter(make_text_environment(template_dirs(settings)))
        # the original's sighting: its sender (the organizer) knows already and is never a guest
        original = message.forwarded.sender.email if message.forwarded and message.forwarded.sender else owner.email
        seen = SeenEvent(message.event, message.message_id, canonical(original), message.date, message.subject,
                         False, False)
        vectors = vectors_for(network.people, settings.store.path, use_model=settings.understanding == "model",
                              others=event_texts([seen]), prune=False)
        # the contacts as the digest reads them: excluded addresses left out, dates in the digest's zone
        understood, items = guests_for(seen, digest_people(network, vectors, tz), now, Drafting(writer, owner.name),
                                       tz=tz, vectors=vectors)
    if dry_run:
        report.lines.append(f"forwarded event {message.subject!r}: " + (
            f"{len(items)} guest(s)" if understood else "no event found"))
        return
    digest_id = new_digest_id(now, os.urandom(10))
    message_id = message_id_for(digest_id, key, owner.email.rsplit("@", 1)[1])
    shown = [{"id": s.id, "key": s.key, "section": s.section, "people": [p.email for p in s.people],
              "drafts": [d.to_json() for d in s.drafts]} for s in items]
    if shown:
        store.record_digest(digest_id, message_id, shown, now, gathering=False, weekly=False)
    view = [{"id": s.id, "reason": clean_text(s.reason, 2000),
             "drafts": [{"to": ", ".join(f"{a.name} <{a.email}>" if a.name else a.email for a in d.to),
                         "subject": clean_text(d.subject), "body": clean_body(d.body)} for d in s.drafts]}
            for s in items]
    fwd = message.forwarded
    found = (f"a forward of \"{clean_text(fwd.subject)}\"" + (f" from {fwd.sender.email}" if fwd.sender else "")) \
        if fwd else ""
    context = {"event": understood, "items": view, "example": reply_example([s.id for s in items]),
               "subject": clean_text(message.subject), "found": found}
    env = make_text_environment(template_dirs(settings))
    subject = f"Guests for: {understood['title']}" if understood else f"Re: {message.subject}"
    built = receipt_message(env, context, owner=owner, sender_name=settings.digest.sender_name, now=now,
                            message_id=message_id, in_reply_to=message.message_id, references=message.references,
                            subject=subject, template="guests.txt.j2")
    outbox.plan(f"{RECEIPT}:{row['key']}", RECEIPT, built.as_bytes(), message_id, (owner.email,), subject, now,
                data={"reply": row["key"], "guests": len(items)})
    _set(store, row, status=ACTING, keys=[], notes=[])


def _record_bounce(store: Store, outbox: Outbox, message: StoredMessage, now: datetime) -> None:
    """A delivery report returning mail the assistant sent: the row is marked, the next receipt says so."""
    returned = {f"<{ref.strip('<> ')}>" for ref in message.returned}
    for row in outbox.rows():
        if row.message_id in returned and not row.data.get("bounced"):
            excerpt = " ".join(message.reply_text.split())[:200]
            store.put("outbox", row.key, {**row.to_json(), "data": {**row.data, "bounced": now.isoformat(),
                                                                    "bounce": excerpt}})
            logger.warning("%s to %s was returned as undeliverable", row.key, ", ".join(row.recipients))
    store.save()


def command_text(message: StoredMessage) -> str:
    """The reply's own unquoted lines: quoted history, a signature and inline-quoted lines never count."""
    return "\n".join(line for line in message.reply_text.splitlines() if not line.lstrip().startswith(">"))


def _already(outbox: Outbox, key: str) -> str | None:
    row = outbox.get(key)
    if row is None:
        return None
    if row.status == SENT:
        return f"sent on {row.sent_at[:10] if row.sent_at else row.updated[:10]}"
    if row.status == UNCERTAIN:
        return "sent once in doubt (it may have gone out)"
    if row.retryable:
        return "asked for in an earlier reply, and is on its way"
    return f"{row.status}"


# -- 2. delivering ------------------------------------------------------------------------------------

def _deliver_actions(store: Store, settings: Settings, now: datetime, outbox: Outbox, mailer: Mailer,
                     report: ActReport, environ: Mapping[str, str]) -> None:
    cfg = settings.actions
    for row in outbox.rows(PLANNED, FAILED):
        if row.kind != ACTION or not row.retryable:
            continue
        if cfg.paused:
            report.held += 1
            continue
        if sent_today(outbox, now) >= cfg.daily_cap:
            report.held += 1
            continue
        ended = deliver(outbox, row, mailer, now)
        if ended.status == SENT:
            report.sent += 1
            sent_copy(outbox.message(ended), settings, now, environ)
        else:
            report.failed += 1


def sent_today(outbox: Outbox, now: datetime) -> int:
    """Drafts sent to other people in the last 24 hours (the daily cap counts these, not receipts)."""
    since = now - timedelta(hours=24)
    return sum(1 for r in outbox.rows(SENT, SENDING, UNCERTAIN)
               if r.kind == ACTION and datetime.fromisoformat(r.updated) > since)


# -- 3. receipts --------------------------------------------------------------------------------------

def _send_receipts(store: Store, settings: Settings, now: datetime, outbox: Outbox, mailer: Mailer,
                   report: ActReport) -> None:
    env = make_text_environment(template_dirs(settings))
    for row in sorted((r for r in store.rows(INBOUND) if r.get("status") == ACTING), key=lambda r: r["first_seen"]):
        key = f"{RECEIPT}:{row['key']}"
        receipt = outbox.get(key)
        if receipt is None:
            message = StoredMessage.from_json(row["record"])
            context = _receipt_context(row, outbox, settings)
            message_id = act_message_id(os.urandom(15), settings.owner.email.rsplit("@", 1)[1], "receipt")
            subject = row.get("subject") or (message.subject if message.subject.lower().startswith("re:")
                                             else f"Re: {message.subject}")
            built = receipt_message(env, context, owner=settings.owner, sender_name=settings.digest.sender_name,
                                    now=now, message_id=message_id, in_reply_to=message.message_id,
                                    references=row.get("references") or message.references, subject=subject)
            receipt = outbox.plan(key, RECEIPT, built.as_bytes(), message_id, (settings.owner.email,),
                                  subject, now, data={"reply": row["key"]})
        if not receipt.retryable:
            _finish(store, row, receipt)
            continue
        ended = deliver(outbox, receipt, mailer, now, on_sent=_marks_done(store, row))
        if ended.status == SENT:
            report.receipts += 1


def _marks_done(store: Store, row: dict[str, Any]) -> Callable[[], None]:
    """The reply is done in the same write that records its receipt as sent."""
    def done() -> None:
        store.put(INBOUND, row["key"], {**row, "status": REFUSED if row.get("refused") else DONE})
    return done


def _finish(store: Store, row: dict[str, Any], receipt: OutboxRow) -> None:
    if receipt.status in (SENT, UNCERTAIN) or (receipt.status == FAILED and receipt.permanent):
        store.put(INBOUND, row["key"], {**row, "status": REFUSED if row.get("refused") else DONE})
        store.save()


def _receipt_context(row: dict[str, Any], outbox: Outbox, settings: Settings) -> dict[str, Any]:
    sent, waiting, failed, uncertain = [], [], [], []
    for key in row.get("keys", []):
        action = outbox.get(key)
        if action is None:
            continue
        line = f"item {action.data.get('item')}: \"{action.subject}\" to {', '.join(action.recipients)}"
        if action.status == SENT:
            sent.append(line)
        elif action.status == UNCERTAIN:
            uncertain.append(f"{line} ({action.error})")
        elif action.status == FAILED:
            failed.append(f"{line}: {action.error}" + ("" if action.permanent else " (it is tried again)"))
        else:
            why = "sending is paused ([actions] paused)" if settings.actions.paused else \
                f"today's limit of {settings.actions.daily_cap} is reached; it goes out within a day"
            waiting.append(f"{line}: {why}")
    bounced = []
    silent = unanswered(outbox, datetime.fromisoformat(row["first_seen"]))
    for note in silent:
        outbox.store.put("outbox", note.key, {**note.to_json(), "data": {**note.data, "reminded": True}})
    for action in outbox.rows():
        if action.data.get("bounced") and not action.data.get("bounce_reported"):
            bounced.append(f"\"{action.subject}\" to {', '.join(action.recipients)}: {action.data.get('bounce', '')}")
            outbox.store.put("outbox", action.key, {**action.to_json(),
                                                     "data": {**action.data, "bounce_reported": True}})
    return {"refused": row.get("why") if row.get("refused") else "", "sent": sent, "waiting": waiting,
            "failed": failed, "uncertain": uncertain, "notes": row.get("notes", []), "bounced": bounced,
            "quoted": row.get("quoted", []), "quoted_label": row.get("quoted_label", "Your reply, as I read it:"),
            "silent": [f"{', '.join(n.recipients)} has not answered your note \"{n.subject}\" (sent "
                       f"{(n.sent_at or n.updated)[:10]})" for n in silent]}


FOLLOW_UP_DAYS = 7
LATER_WEEKS = 8  # a helper's "not now": the pair may be suggested again after this


def unanswered(outbox: Outbox, now: datetime, reminded: bool = False) -> list[OutboxRow]:
    """Opt-in notes sent more than FOLLOW_UP_DAYS ago that got no answer (not yet mentioned, unless
    reminded=True). The reminder goes to the user only, never to the helper."""
    since = now - timedelta(days=FOLLOW_UP_DAYS)
    return [r for r in outbox.rows(SENT) if r.kind == ACTION and r.data.get("kind") == "intro_ask"
            and not r.data.get("answer") and (reminded or not r.data.get("reminded"))
            and datetime.fromisoformat(r.sent_at or r.updated) < since]


# -- pending --------------------------------------------------------------------------------------------

def pending(store: Store, now: datetime) -> dict[str, Any]:
    """What is queued, waiting, failed or in doubt: actions in the outbox and replies not done yet."""
    outbox = Outbox(store)
    rows = [r for r in outbox.rows(PLANNED, SENDING, FAILED, UNCERTAIN) if r.kind in (ACTION, RECEIPT)]
    replies = [r for r in store.rows(INBOUND) if r.get("status") in (NEW, WAITING, ACTING)]
    rows += [r for r in outbox.rows(SENT) if r.data.get("bounced") and not r.data.get("bounce_reported")]
    silent = unanswered(outbox, now, reminded=True)
    return {"actions": [{"key": r.key, "kind": r.kind, "status": "bounced" if r.data.get("bounced") else r.status,
                         "subject": r.subject, "recipients": list(r.recipients),
                         "error": r.data.get("bounce") or r.error, "updated": r.updated} for r in rows],
            "replies": [{"message_id": r["key"], "status": r["status"], "first_seen": r["first_seen"],
                         "subject": r["record"].get("subject", "")} for r in replies],
            "unanswered": [{"to": list(r.recipients), "subject": r.subject, "sent_at": r.sent_at} for r in silent]}


def show_pending(data: dict[str, Any], as_json: bool, out: IO[str]) -> None:
    if as_json:
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    if not data["actions"] and not data["replies"] and not data["unanswered"]:
        out.write("Nothing pending.\n")
        return
    for n in data["unanswered"]:
        sent = (n["sent_at"] or "")[:10]
        out.write(f"no answer  note     \"{n['subject']}\" to {', '.join(n['to'])} (sent {sent})\n")
    for a in data["actions"]:
        out.write(f"{a['status']:9s} {a['kind']:8s} \"{a['subject']}\" to {', '.join(a['recipients'])}"
                  + (f" - {a['error']}" if a["error"] else "") + "\n")
    for r in data["replies"]:
        out.write(f"{r['status']:9s} reply    \"{r['subject']}\" (first seen {r['first_seen'][:16]})\n")
