"""Glue for the weekly digest: plan it from the stored network, render it, send it when due."""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import IO, Any

from assistant.config import Settings
from assistant.digest import intros
from assistant.digest.drafts import TEMPLATE_DIR, TemplateDraftWriter, make_text_environment
from assistant.digest.events import event_texts
from assistant.digest.meaning import Vectors
from assistant.digest.plan import Digest, DigestSettings, digest_people, plan_digest
from assistant.digest.render import digest_json, make_environments, render_digest
from assistant.digest.schedule import is_digest_due, latest_slot
from assistant.digest.tokens import message_id_for, new_digest_id
from assistant.errors import AssistantError, DeliveryError, UserError
from assistant.jobs.credentials import mailbox_secret, smtp_secret
from assistant.jobs.meanings import vectors_for
from assistant.jobs.network import load_network
from assistant.jobs.outgoing import deliver
from assistant.jobs.second_opinion import vetoed_intros, wanted
from assistant.mailbox.sent_copy import SentCopySettings, provider_saves_sent, save_to_sent
from assistant.models import Address, Owner
from assistant.network.build import Network
from assistant.smtp import Mailer, SmtpMailer
from assistant.state.outbox import FAILED, SENT, UNCERTAIN, Outbox, OutboxRow
from assistant.state.store import Store

logger = logging.getLogger(__name__)

DIGEST = "digest"


@dataclass(frozen=True)
class Prepared:
    digest: Digest
    message: EmailMessage
    digest_id: str


def template_dirs(settings: Settings | None) -> list[Path]:
    override = settings.digest.templates if settings else None
    return [override, TEMPLATE_DIR] if override else [TEMPLATE_DIR]


def plan(network: Network, owner: Owner, now: datetime, *, settings: Settings | None,
         history: Mapping[str, Mapping[str, Any]], last_gathering: datetime | None,
         vectors: Vectors | None = None) -> Digest:
    writer = TemplateDraftWriter(make_text_environment(template_dirs(settings)))
    found, vetoed = None, frozenset[str]()
    if settings is not None and wanted(settings):  # the candidates the model judges are the ones planned
        found = intros.candidates(digest_people(network, vectors, settings.digest.zone), network.acquainted, now,
                                  vectors)
        vetoed = vetoed_intros(found, settings, now, writer, history)
    cfg = settings.digest if settings else None
    digest_settings = DigestSettings(caps=dict(cfg.caps), horizon_days=cfg.horizon_days,
                                     gathering_every_days=cfg.gathering_every_days, tz=cfg.zone) \
        if cfg else DigestSettings()
    return plan_digest(network, now, writer=writer, history=history, settings=digest_settings,
                       last_gathering=last_gathering, owner_name=owner.name, vectors=vectors, vetoed=vetoed,
                       intro_candidates=found)


def prepare(network: Network, owner: Owner, now: datetime, *, settings: Settings | None, key: bytes,
            history: Mapping[str, Mapping[str, Any]], last_gathering: datetime | None,
            followups: list[str] | None = None, vectors: Vectors | None = None) -> Prepared:
    """Plan and render one digest; nothing is sent or recorded. vectors: for matching by meaning."""
    digest = plan(network, owner, now, settings=settings, history=history, last_gathering=last_gathering,
                  vectors=vectors)
    digest_id = new_digest_id(now, os.urandom(10))
    domain = owner.email.rsplit("@", 1)[1]
    html_env, text_env = make_environments(template_dirs(settings))
    tz = settings.digest.zone if settings else None
    message = render_digest(digest, owner=Address(owner.name, owner.email),
                            sender_name=settings.digest.sender_name if settings else "Networking assistant",
                            html_env=html_env, text_env=text_env,
                            message_id=message_id_for(digest_id, key, domain),
                            now=now.astimezone(tz) if tz else now, followups=followups or [])
    return Prepared(digest, message, digest_id)


def introductions_so_far(store: Store, now: datetime) -> list[str]:
    """How the introductions the user started went, for the digest: answers, introductions made,
    and notes without an answer for a week (a reminder to the user, never to the helper)."""
    outbox = Outbox(store)
    lines = []
    since = now - timedelta(days=28)
    for row in outbox.rows(SENT):
        if row.kind != "action" or datetime.fromisoformat(row.sent_at or row.updated) < since:
            continue
        who = ", ".join(row.recipients)
        kind, answer = row.data.get("kind"), row.data.get("answer")
        if kind == "intro_connect":
            lines.append(f"You introduced {who} to each other on {(row.sent_at or row.updated)[:10]}.")
        elif kind == "intro_ask" and answer:
            lines.append(f"{who} answered your note \"{row.subject}\": {answer}.")
        elif kind == "intro_ask" and datetime.fromisoformat(row.sent_at or row.updated) < now - timedelta(days=7):
            lines.append(f"No answer yet from {who} to \"{row.subject}\" (sent {(row.sent_at or row.updated)[:10]}).")
    return lines


def from_store(store: Store, settings: Settings, now: datetime, key: bytes) -> Prepared:
    network = load_network(store, settings.owner, now, settings.mailbox.trusted_authserv_id,
                           use_model=settings.understanding == "model")
    meta = store.meta()
    last_gathering = datetime.fromisoformat(meta["last_gathering"]) if meta.get("last_gathering") else None
    vectors = vectors_for(network.people, settings.store.path, use_model=settings.understanding == "model",
                          others=event_texts(network.events))
    return prepare(network, settings.owner, now, settings=settings, key=key, history=store.history(),
                   last_gathering=last_gathering, followups=introductions_so_far(store, now), vectors=vectors)


def key_path(settings: Settings) -> Path:
    """The HMAC key that signs digest Message-IDs: its own 0600 file, never in the state file."""
    path = settings.store.path
    return path.with_name(path.stem + ".key")


def write(prepared: Prepared, *, as_json: bool, html: Path | None, eml: Path | None, text: bool,
          out: IO[str]) -> None:
    if as_json:
        out.write(json.dumps(digest_json(prepared.digest), ensure_ascii=False, indent=1) + "\n")
    try:
        if html:
            html.write_text(html_part(prepared.message), encoding="utf-8")
        if eml:
            eml.write_bytes(prepared.message.as_bytes())
    except OSError as exc:
        raise UserError(f"cannot write {exc.filename}: {exc.strerror}") from None
    if text or not (as_json or html or eml):
        out.write(text_part(prepared.message))


def text_part(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    return part.get_content() if part is not None else ""


def html_part(message: EmailMessage) -> str:
    part = message.get_body(("html",))
    return part.get_content() if part is not None else ""


def mailer(settings: Settings, environ: Mapping[str, str]) -> Mailer:
    smtp = settings.smtp
    if not smtp.configured:
        raise UserError("[smtp] url is not set: the digest cannot be sent (smtps://USER@HOST:465 or smtp://HOST:587)")
    password = smtp_secret(settings, environ)
    return SmtpMailer(smtp.host, smtp.port, smtp.security, smtp.username, password, ca_file=smtp.ca_file,
                      timeout=smtp.timeout)


def slot_of(settings: Settings, now: datetime) -> str:
    """The weekly slot `now` belongs to: one digest row per slot in the outbox."""
    cfg = settings.digest
    return latest_slot(now, cfg.day, cfg.time, cfg.zone).isoformat()


def this_weeks_row(store: Store, settings: Settings, now: datetime) -> OutboxRow | None:
    return Outbox(store).get(f"{DIGEST}:{slot_of(settings, now)}")


def due(store: Store, settings: Settings, now: datetime) -> bool:
    """A digest should go out now: none was sent, sent in doubt or refused for this week's slot, and
    the slot has come (a planned or temporarily failed one is resumed, with its own Message-ID)."""
    row = this_weeks_row(store, settings, now)
    if row is not None:
        return row.retryable
    meta = store.meta()
    last, started = meta.get("last_digest_sent"), meta.get("service_started")
    cfg = settings.digest
    return is_digest_due(now, datetime.fromisoformat(last) if last else None, cfg.day, cfg.time, cfg.zone,
                         datetime.fromisoformat(started) if started else None)


def send(prepare: Callable[[], Prepared], store: Store, settings: Settings, now: datetime, outgoing: Mailer,
         environ: Mapping[str, str], force: bool = False) -> OutboxRow:
    """Plan this week's digest in the outbox (or resume the planned one), deliver it to the owner only,
    record it with the same write that marks it sent, and file a Sent copy.

    A week that already has its digest gets a second one only with force (a new Message-ID, recorded
    as forced; the weekly schedule is not moved). Raises DeliveryError when it was not delivered,
    AssistantError when delivery is in doubt or the week has its digest, and StoreError, with nothing
    sent, when the state cannot be written first."""
    outbox = Outbox(store)
    key = f"{DIGEST}:{slot_of(settings, now)}"
    row = this_weeks_row(store, settings, now)
    if row is not None and not row.retryable:
        if not force:
            when = (row.sent_at or row.updated)[:16].replace("T", " ")
            raise AssistantError(f"this week's digest was already {row.status} ({when}, {row.message_id}); "
                                 "`digest --send --force` sends another")
        key, row = f"{key}:forced:{now.isoformat()}", None
    if row is None:
        prepared = prepare()
        # every draft as shown: `send N` sends exactly this, to exactly these recipients
        items = [{"id": s.id, "key": s.key, "section": s.section, "people": [p.email for p in s.people],
                  "drafts": [d.to_json() for d in s.drafts]} for s in prepared.digest.items()]
        row = outbox.plan(key, DIGEST, prepared.message.as_bytes(),
                          str(prepared.message["Message-ID"]), (settings.owner.email,),
                          str(prepared.message["Subject"]), now,
                          data={"digest_id": prepared.digest_id, "items": items, "forced": ":forced:" in key,
                                "gathering": bool(prepared.digest.sections.get("gathering"))})
    row = deliver(outbox, row, outgoing, now, on_sent=functools.partial(record, store, row, now))
    if row.status == UNCERTAIN:
        raise AssistantError(f"the digest may or may not have been delivered ({row.error}); it is not sent "
                             "again on its own")
    if row.status == FAILED:
        raise DeliveryError(f"the digest was not sent: {row.error}" + ("" if row.permanent else
                                                                         "; the next try sends the same digest"))
    logger.info("digest %s sent to %s with %d items", row.data.get("digest_id"), settings.owner.email,
                len(row.data.get("items", ())))
    sent_copy(outbox.message(row), settings, now, environ)
    return row


def record(store: Store, row: OutboxRow, now: datetime) -> None:
    """What a sent digest leaves behind: its numbers (for replies), and that its items were shown."""
    store.record_digest(str(row.data.get("digest_id")), row.message_id, list(row.data.get("items", [])), now,
                        gathering=bool(row.data.get("gathering")))


def reconcile(store: Store, now: datetime) -> list[OutboxRow]:
    """Rows an earlier process left `sending` or `uncertain`: sent when a copy is in the mailbox."""
    outbox = Outbox(store)
    settled = outbox.reconcile(store.known, now, also=lambda row: record(store, row, now)
                               if row.kind == DIGEST else None)
    for row in outbox.rows(UNCERTAIN):
        if store.known(row.message_id):
            settled.append(outbox.sent(row, now, also=functools.partial(record, store, row, now)
                                       if row.kind == DIGEST else None))
    for row in settled:
        log = logger.info if row.status == SENT else logger.warning
        log("%s: %s (%s)", row.key, row.status, "a copy is in the mailbox" if row.status == SENT else row.error)
    return settled


def sent_copy(message: bytes, settings: Settings, now: datetime, environ: Mapping[str, str]) -> None:
    smtp, box = settings.smtp, settings.mailbox
    if smtp.save_to_sent == "never" or box.scheme not in ("imap", "imaps"):
        return
    if smtp.save_to_sent == "auto" and provider_saves_sent(smtp.host, box.host):
        return  # Gmail files SMTP-sent mail in Sent itself: a second copy would be a duplicate
    password = mailbox_secret(settings, environ)
    copy = SentCopySettings(box.host, box.port, "tls" if box.scheme == "imaps" else "starttls", box.username,
                            password, ca_file=box.ca_file, timeout=box.timeout, folder=box.sent_folder)
    try:
        save_to_sent(message, copy, smtp_host=smtp.host, now=now, force=smtp.save_to_sent == "always")
    except AssistantError as exc:
        # delivered already: a missing Sent copy is worth a warning, not a failure
        logger.warning("delivered, but no copy was saved to Sent: %s", exc)
