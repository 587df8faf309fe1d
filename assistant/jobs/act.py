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

from assistant.actions.compose import act_message_id, draft_message, receipt_message, recipients
from assistant.actions.grammar import read_commands
from assistant.actions.inbound import ACT, IGNORE, REFUSE, WAIT, check_reply
from assistant.actions.plan import ShownDigest, plan_actions, sent_by_hand
from assistant.config import Settings
from assistant.crashpoints import crash_point
from assistant.digest.drafts import make_text_environment
from assistant.jobs.digest import sent_copy, template_dirs
from assistant.jobs.network import owner_proof
from assistant.jobs.outgoing import deliver
from assistant.models import StoredMessage
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
    proof = owner_proof(owner, store, settings.mailbox.trusted_authserv_id)
    digests = {d["digest_id"]: d for d in store.rows("digests")}
    ours = {r.message_id for r in outbox.rows()} | {d["message_id"] for d in digests.values()}
    waiting = sorted((r for r in store.rows(INBOUND) if r.get("status") in (NEW, WAITING)),
                     key=lambda r: (r["first_seen"], r["key"]))
    for row in waiting:
        message = StoredMessage.from_json(row["record"])
        if "delivery-report" in message.signals and not dry_run:
            _record_bounce(store, outbox, message, now)
        verdict = check_reply(
            message, owner=owner, proof=proof, key=key, now=now, token_days=cfg.token_days,
            digest_sent=lambda d: datetime.fromisoformat(digests[d]["sent_at"]) if d in digests else None,
            ours=ours.__contains__, first_seen=datetime.fromisoformat(row["first_seen"]))
        if verdict.action == WAIT:
            if not dry_run and row["status"] != WAITING:
                store.put(INBOUND, row["key"], {**row, "status": WAITING})
                store.save()
            continue
        if verdict.action == IGNORE:
            if not dry_run:
                store.put(INBOUND, row["key"], {**row, "status": IGNORED, "why": verdict.reason})
                store.save()
            continue
        report.replies += 1
        if verdict.action == REFUSE:
            logger.warning("a reply to the digest was refused: %s", verdict.reason)
            report.lines.append(f"refused {message.message_id}: {verdict.reason}")
            if not dry_run:
                store.put(INBOUND, row["key"], {**row, "status": ACTING if verdict.tell_user else REFUSED,
                                                 "why": verdict.reason, "refused": True, "keys": [], "notes": []})
                store.save()
            continue
        assert verdict.action == ACT and verdict.digest_id is not None
        digest = ShownDigest.from_json(digests[verdict.digest_id])
        reading = read_commands(command_text(message))
        plan = plan_actions(reading, digest, mode=cfg.mode, now=now, already=lambda k: _already(outbox, k))
        if dry_run:
            for outgoing in plan.sends:
                report.lines.append(f"would send item {outgoing.item}: \"{outgoing.draft.get('subject')}\" to "
                                    f"{', '.join(recipients(outgoing.draft))}")
            report.lines.extend(plan.notes)
            continue
        keys = []
        for outgoing in plan.sends:
            if outbox.get(outgoing.key) is None:
                message_id = act_message_id(os.urandom(15), owner.email.rsplit("@", 1)[1], "note")
                try:
                    built = draft_message(outgoing.draft, owner, now, message_id)
                except ValueError as exc:
                    plan = replace(plan, notes=(*plan.notes, f"Item {outgoing.item} was not sent: {exc}."))
                    continue
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
            subject = message.subject if message.subject.lower().startswith("re:") else f"Re: {message.subject}"
            built = receipt_message(env, context, owner=settings.owner, sender_name=settings.digest.sender_name,
                                    now=now, message_id=message_id, in_reply_to=message.message_id,
                                    references=message.references, subject=subject)
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
    for action in outbox.rows():
        if action.data.get("bounced") and not action.data.get("bounce_reported"):
            bounced.append(f"\"{action.subject}\" to {', '.join(action.recipients)}: {action.data.get('bounce', '')}")
            outbox.store.put("outbox", action.key, {**action.to_json(),
                                                     "data": {**action.data, "bounce_reported": True}})
    return {"refused": row.get("why") if row.get("refused") else "", "sent": sent, "waiting": waiting,
            "failed": failed, "uncertain": uncertain, "notes": row.get("notes", []), "bounced": bounced,
            "quoted": row.get("quoted", [])}


# -- pending --------------------------------------------------------------------------------------------

def pending(store: Store) -> dict[str, Any]:
    """What is queued, waiting, failed or in doubt: actions in the outbox and replies not done yet."""
    outbox = Outbox(store)
    rows = [r for r in outbox.rows(PLANNED, SENDING, FAILED, UNCERTAIN) if r.kind in (ACTION, RECEIPT)]
    replies = [r for r in store.rows(INBOUND) if r.get("status") in (NEW, WAITING, ACTING)]
    rows += [r for r in outbox.rows(SENT) if r.data.get("bounced") and not r.data.get("bounce_reported")]
    return {"actions": [{"key": r.key, "kind": r.kind, "status": "bounced" if r.data.get("bounced") else r.status,
                         "subject": r.subject, "recipients": list(r.recipients),
                         "error": r.data.get("bounce") or r.error, "updated": r.updated} for r in rows],
            "replies": [{"message_id": r["key"], "status": r["status"], "first_seen": r["first_seen"],
                         "subject": r["record"].get("subject", "")} for r in replies]}


def show_pending(data: dict[str, Any], as_json: bool, out: IO[str]) -> None:
    if as_json:
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    if not data["actions"] and not data["replies"]:
        out.write("Nothing pending.\n")
        return
    for a in data["actions"]:
        out.write(f"{a['status']:9s} {a['kind']:8s} \"{a['subject']}\" to {', '.join(a['recipients'])}"
                  + (f" - {a['error']}" if a["error"] else "") + "\n")
    for r in data["replies"]:
        out.write(f"{r['status']:9s} reply    \"{r['subject']}\" (first seen {r['first_seen'][:16]})\n")
