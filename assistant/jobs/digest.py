"""Glue for the weekly digest: plan it from the stored network, render it, send it when due."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import IO, Any

from assistant.config import Settings
from assistant.digest.drafts import TEMPLATE_DIR, TemplateDraftWriter, make_text_environment
from assistant.digest.plan import Digest, DigestSettings, plan_digest
from assistant.digest.render import digest_json, make_environments, render_digest
from assistant.digest.schedule import is_digest_due
from assistant.digest.tokens import message_id_for, new_digest_id
from assistant.errors import AssistantError, UserError
from assistant.jobs.workers import process_map
from assistant.mailbox.passwords import password_source
from assistant.mailbox.sent_copy import SentCopySettings, provider_saves_sent, save_to_sent
from assistant.models import Address, Owner
from assistant.network.build import Network, build_network
from assistant.smtp import Mailer, SmtpMailer
from assistant.state.store import Store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    digest: Digest
    message: EmailMessage
    digest_id: str


def template_dirs(settings: Settings | None) -> list[Path]:
    override = settings.digest.templates if settings else None
    return [override, TEMPLATE_DIR] if override else [TEMPLATE_DIR]


def plan(network: Network, owner: Owner, now: datetime, *, settings: Settings | None,
         history: Mapping[str, Mapping[str, Any]], last_gathering: datetime | None) -> Digest:
    cfg = settings.digest if settings else None
    digest_settings = DigestSettings(caps=dict(cfg.caps), horizon_days=cfg.horizon_days,
                                     gathering_every_days=cfg.gathering_every_days, tz=cfg.zone) \
        if cfg else DigestSettings()
    writer = TemplateDraftWriter(make_text_environment(template_dirs(settings)))
    return plan_digest(network, now, writer=writer, history=history, settings=digest_settings,
                       last_gathering=last_gathering, owner_name=owner.name)


def prepare(network: Network, owner: Owner, now: datetime, *, settings: Settings | None, key: bytes,
            history: Mapping[str, Mapping[str, Any]], last_gathering: datetime | None) -> Prepared:
    """Plan and render one digest; nothing is sent or recorded."""
    digest = plan(network, owner, now, settings=settings, history=history, last_gathering=last_gathering)
    digest_id = new_digest_id(now, os.urandom(10))
    domain = owner.email.rsplit("@", 1)[1]
    html_env, text_env = make_environments(template_dirs(settings))
    tz = settings.digest.zone if settings else None
    message = render_digest(digest, owner=Address(owner.name, owner.email),
                            sender_name=settings.digest.sender_name if settings else "Networking assistant",
                            html_env=html_env, text_env=text_env,
                            message_id=message_id_for(digest_id, key, domain),
                            now=now.astimezone(tz) if tz else now)
    return Prepared(digest, message, digest_id)


def from_store(store: Store, settings: Settings, now: datetime, key: bytes) -> Prepared:
    with process_map() as mapper:
        network = build_network(store.records(), settings.owner, now, mapper=mapper)
    meta = store.meta()
    last_gathering = datetime.fromisoformat(meta["last_gathering"]) if meta.get("last_gathering") else None
    return prepare(network, settings.owner, now, settings=settings, key=key, history=store.history(),
                   last_gathering=last_gathering)


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
    password = password_source(smtp.password_command, smtp.password_env, smtp.password_timeout, environ, "smtp")
    return SmtpMailer(smtp.host, smtp.port, smtp.security, smtp.username, password, ca_file=smtp.ca_file,
                      timeout=smtp.timeout)


def send(prepared: Prepared, store: Store, settings: Settings, now: datetime, outgoing: Mailer,
         environ: Mapping[str, str]) -> None:
    """Deliver to the owner only, then record it (so a week never gets two) and file a Sent copy."""
    outgoing.send(prepared.message, [settings.owner.email])
    items = [{"id": s.id, "key": s.key, "section": s.section} for s in prepared.digest.items()]
    store.record_digest(prepared.digest_id, str(prepared.message["Message-ID"]), items, now,
                        gathering=bool(prepared.digest.sections.get("gathering")))
    logger.info("digest %s sent to %s with %d items", prepared.digest_id, settings.owner.email, len(items))
    _sent_copy(prepared.message, settings, now, environ)


def _sent_copy(message: EmailMessage, settings: Settings, now: datetime, environ: Mapping[str, str]) -> None:
    smtp, box = settings.smtp, settings.mailbox
    if smtp.save_to_sent == "never" or box.scheme not in ("imap", "imaps"):
        return
    if smtp.save_to_sent == "auto" and provider_saves_sent(smtp.host, box.host):
        return  # Gmail files SMTP-sent mail in Sent itself: a second copy would be a duplicate
    password = password_source(box.password_command, box.password_env, box.password_timeout, environ)
    copy = SentCopySettings(box.host, box.port, "tls" if box.scheme == "imaps" else "starttls", box.username,
                            password, ca_file=box.ca_file, timeout=box.timeout, folder=box.sent_folder)
    try:
        save_to_sent(message, copy, smtp_host=smtp.host, now=now, force=smtp.save_to_sent == "always")
    except AssistantError as exc:
        # delivered already: a missing Sent copy is worth a warning, not a failure
        logger.warning("digest delivered, but no copy was saved to Sent: %s", exc)


def due(store: Store, settings: Settings, now: datetime) -> bool:
    last = store.meta().get("last_digest_sent")
    cfg = settings.digest
    return is_digest_due(now, datetime.fromisoformat(last) if last else None, cfg.day, cfg.time, cfg.zone)
