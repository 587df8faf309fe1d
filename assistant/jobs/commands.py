"""The work behind each command: wires settings, sources, store and the pure core together."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from assistant.config import Settings, load_settings
from assistant.digest.events import event_texts
from assistant.digest.meaning import Vectors, role_texts, title_of, with_meant_roles
from assistant.errors import MessageRefused, ModelError, UserError
from assistant.jobs import act as act_job
from assistant.jobs import digest as digest_job
from assistant.jobs.credentials import mailbox_secret
from assistant.jobs.meanings import vectors_for
from assistant.jobs.network import load_network, warm_network
from assistant.jobs.sync import Stopping, SyncReport, sync_once
from assistant.jobs.understanding import load_model
from assistant.mailbox import make_source
from assistant.mailbox.maildir import MaildirSource
from assistant.models import FINDING_KINDS, Message, Owner, StoredMessage
from assistant.network import views as contacts_view
from assistant.network.build import Network, build_network
from assistant.network.identity import canonical
from assistant.network.owner import OwnerProof
from assistant.network.summary import summarize
from assistant.reading.parse import parse_message
from assistant.state.keys import load_or_create_key
from assistant.state.store import Store
from assistant.understanding.message import understand
from assistant.understanding.model import SentenceModel

logger = logging.getLogger(__name__)

SAMPLE_MAILDIR = Path(__file__).resolve().parents[1] / "sample" / "Maildir"
SAMPLE_OWNER = Owner("Alex Morgan", "alex@morgan-advisory.example", ("alex.morgan@mail.example",))
SAMPLE_NOW = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # the sample mailbox's "today"
SAMPLE_ZONE = ZoneInfo("America/Los_Angeles")  # where the sample's owner lives (Portland, Oregon)


def load(path: Path) -> Settings:
    settings = load_settings(path)
    for warning in settings.warnings:
        logger.warning("%s: %s", path, warning)
    return settings


def inspect_file(path: Path, model: Callable[[], SentenceModel | None] = lambda: None) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return {"file": str(path), "ok": False, "error": f"cannot read file: {exc.strerror or exc}"}
    try:
        message = parse_message(raw)
    except MessageRefused as exc:
        return {"file": str(path), "ok": False, "error": str(exc).splitlines()[0] if str(exc) else "refused"}
    return {"file": str(path), "ok": True, **message.to_json(), **_said(message, model())}


def reader_of(message: Message) -> Owner:
    """Whose mailbox a lone message file was read in: its first recipient's (inspect needs no settings)."""
    first = message.to[0] if message.to else None
    return Owner(first.name if first else "", first.email if first else "owner@unknown.invalid")


def _said(message: Message, model: SentenceModel | None = None) -> dict[str, Any]:
    """What the sender says of themselves, as inspect --json shows it: {text, what, score} per finding."""
    reader = reader_of(message)
    found = understand(StoredMessage.from_message(message, reader, "inbox:"), reader, model=model)
    out: dict[str, Any] = {}
    for kind in FINDING_KINDS:
        out[kind] = [{"text": f.text, "what": f.what, **({"confidential": f.confidential} if kind == "news" else {}),
                      "score": f.score} for f in getattr(found, kind)]
    return out


class _ModelOnce:
    """The sentence model, loaded on first use and kept; the cue patterns alone if it cannot load."""

    def __init__(self, wanted: bool) -> None:
        self.wanted, self.tried = wanted, False
        self.model: SentenceModel | None = None

    def __call__(self) -> SentenceModel | None:
        if self.wanted and not self.tried:
            self.tried = True
            try:
                self.model = load_model()
            except ModelError as exc:
                logger.warning("%s; inspect reads with the cue patterns alone", exc)
        return self.model


def inspect(files: list[str], *, as_json: bool, out: IO[str], use_model: bool = True) -> int:
    unreadable = 0
    model = _ModelOnce(use_model)
    for name in files:
        result = inspect_file(Path(name), model)
        result["file"] = name
        if not result["ok"] and result["error"].startswith("cannot read"):
            unreadable += 1
        if as_json:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            out.write(_describe(result) + "\n")
        out.flush()
    return 1 if unreadable else 0


def _describe(r: dict[str, Any]) -> str:
    if not r["ok"]:
        return f"{r['file']}\n  refused: {r['error']}\n"

    def who(a: dict[str, str] | None) -> str:
        return f"{a['name']} <{a['email']}>" if a and a.get("name") else (a or {}).get("email", "-")

    lines = [r["file"], f"  kind:      {r['kind']}", f"  from:      {who(r['from'])}",
             f"  to:        {', '.join(who(a) for a in r['to']) or '-'}", f"  subject:   {r['subject']}",
             f"  date:      {r['date'] or '-'}"]
    reply = " ".join((r["reply_text"] or "").split())
    lines.append(f"  reply:     {reply[:300] + ('...' if len(reply) > 300 else '') or '-'}")
    if r["signature"]:
        lines.append("  signature: " + ", ".join(v for v in r["signature"].values() if v))
    if r["forwarded"]:
        f = r["forwarded"]
        lines.append(f"  forwarded: {who(f['from'])} - {f['subject']} ({f['date'] or 'no date'})")
    if r["event"]:
        e = r["event"]
        lines.append(f"  event:     {e['title']} - {e['start'] or 'no date'}"
                     + (f" at {e['location']}" if e["location"] else ""))
    return "\n".join(lines) + "\n"


def sync(settings: Settings, *, now: datetime, environ: Mapping[str, str], interactive: bool,
         stopping: Callable[[], bool] = lambda: False) -> SyncReport:
    """One pass over the mailbox; `stopping` (the service's stop flag) ends it between two committed
    batches with Stopping."""
    box = settings.mailbox
    shown = _progress(interactive)

    def progress(folder: str, done: int, total: int) -> None:
        shown(folder, done, total)
        if stopping():
            raise Stopping()

    password = mailbox_secret(settings, environ)
    source = make_source(box, password)
    with Store(settings.store.path) as store, source:
        report = sync_once(source, store, settings.owner, now, size_cap=box.size_cap, batch_size=box.batch_size,
                           machine_days=box.bulk_body_days, progress=progress,
                           understanding=settings.understanding,
                           assistant_address=settings.actions.assistant_address(settings.owner.email))
        digest_job.reconcile(store, now)  # a send the last run could not confirm may show up in the mail now
        warm_network(store, settings.owner, now, box.trusted_authserv_id,
                     use_model=settings.understanding == "model")
        return report


def _progress(interactive: bool) -> Any:
    started: dict[str, tuple[float, int]] = {}

    def bar(folder: str, done: int, total: int) -> None:
        width = 24
        at, first = started.setdefault(folder, (time.monotonic(), done))
        elapsed = time.monotonic() - at
        rate = (done - first) / elapsed if elapsed > 0.5 and done > first else 0.0
        left = f", {_duration((total - done) / rate)} left" if rate and done < total else ""
        speed = f" {rate:,.0f}/s{left}" if rate else ""
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{folder[:22]:22s} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{speed}\033[K")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def lines(folder: str, done: int, total: int) -> None:
        logger.info("%s: %d/%d messages", folder, done, total)

    return bar if interactive else lines


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def demo(*, now: datetime | None, out: IO[str], outbox: Path = Path("outbox"), command: str = "python run.py") -> int:
    now = now or SAMPLE_NOW
    with tempfile.TemporaryDirectory(prefix="assistant-demo-") as tmp:
        with Store(Path(tmp) / "state.json") as store, MaildirSource(str(SAMPLE_MAILDIR)) as source:
            report = sync_once(source, store, SAMPLE_OWNER, now, size_cap=5_000_000, batch_size=200)
            records = list(store.records())
            sent = frozenset(r.message_id for r in records if store.in_sent(r.message_id)).__contains__
        net = build_network(records, SAMPLE_OWNER, now, proof=OwnerProof(SAMPLE_OWNER.identities, sent))
        vectors = vectors_for(net.people, Path(tmp) / "state.json", use_model=True, others=event_texts(net.events))
    out.write(f"Sample mailbox of {SAMPLE_OWNER.name} <{SAMPLE_OWNER.email}>, as of {now:%Y-%m-%d}\n")
    out.write(f"Sync: {report.summary()}\n\n")
    for line in summarize(records, now, SAMPLE_ZONE):
        out.write(line + "\n")
    out.write("\nThe sample's network, strongest first:\n")
    out.write(contacts_view.table(net, now, limit=12) + "\n")
    # a throw-away signing key: the demo's digest is never replied to
    prepared = digest_job.prepare(net, SAMPLE_OWNER, now, settings=None, key=os.urandom(32), history={},
                                  last_gathering=None, vectors=vectors)
    outbox.mkdir(parents=True, exist_ok=True)
    eml, html = outbox / f"digest-{now:%Y-%m-%d}.eml", outbox / f"digest-{now:%Y-%m-%d}.html"
    digest_job.write(prepared, as_json=False, html=html, eml=eml, text=False, out=out)
    out.write(f"\nThis week's digest ({len(prepared.digest.items())} suggestions, "
              f"subject \"{prepared.message['Subject']}\"):\n  {eml}\n  {html}\n")
    out.write(f"\nNext steps:\n  open {html} in a browser to see the digest as it arrives\n"
              f"  {command + ' init':<27} set it up for your own mailbox (writes a private settings file)\n"
              f"  {command + ' sync':<27} then read your mailbox (read-only), and\n"
              f"  {command + ' contacts':<27} see your network; `contacts --person EMAIL` explains one person\n")
    return 0


def digest(settings: Settings, *, now: datetime, as_json: bool, html: Path | None, eml: Path | None,
           text: bool, send: bool, environ: Mapping[str, str], out: IO[str], force: bool = False) -> int:
    if not settings.store.path.exists():
        raise UserError(f"no state at {settings.store.path}: run `sync` first")
    outgoing = digest_job.mailer(settings, environ) if send else None  # bad [smtp] fails before any work
    key = load_or_create_key(digest_job.key_path(settings))
    with Store(settings.store.path) as store:
        if outgoing is not None:
            digest_job.reconcile(store, now)
            row = digest_job.send(lambda: digest_job.from_store(store, settings, now, key), store, settings, now,
                                  outgoing, environ, force=force)
            out.write(f"digest sent to {settings.owner.email}: {row.subject}\n")
            return 0
        prepared = digest_job.from_store(store, settings, now, key)
    digest_job.write(prepared, as_json=as_json, html=html, eml=eml, text=text, out=out)
    return 0


def act_on_replies(settings: Settings, *, now: datetime, dry_run: bool, environ: Mapping[str, str],
                   out: IO[str]) -> int:
    """`act`: replies to the digest that are waiting, once; the daemon runs the same after each sync."""
    if not settings.store.path.exists():
        raise UserError(f"no state at {settings.store.path}: run `sync` first")
    outgoing = None if dry_run else digest_job.mailer(settings, environ)
    key = load_or_create_key(digest_job.key_path(settings))
    with Store(settings.store.path) as store:
        if not dry_run:
            digest_job.reconcile(store, now)
        report = act_job.act(store, settings, now, key=key, mailer=outgoing, environ=environ, dry_run=dry_run)
    for line in report.lines:
        out.write(line + "\n")
    out.write(("dry run: nothing sent or recorded; " if dry_run else "") + report.summary() + "\n")
    return 0


def pending(settings: Settings, *, now: datetime, as_json: bool, out: IO[str]) -> int:
    if not settings.store.path.exists():
        raise UserError(f"no state at {settings.store.path}: run `sync` first")
    with Store(settings.store.path) as store:
        act_job.show_pending(act_job.pending(store, now), as_json, out)
    return 0


def network(settings: Settings, now: datetime) -> Network:
    if not settings.store.path.exists():
        raise UserError(f"no state at {settings.store.path}: run `sync` first")
    with Store(settings.store.path) as store:
        return load_network(store, settings.owner, now, settings.mailbox.trusted_authserv_id,
                            use_model=settings.understanding == "model")


def contacts(settings: Settings, *, now: datetime, as_json: bool, person: str | None, out: IO[str]) -> int:
    net = network(settings, now)
    vectors, pending = None, False
    if person and (found := net.find(person)) is not None and settings.understanding == "model":
        # the roles its title means, as the digest reads them: from the vector cache, never the model
        vectors = vectors_for([found], settings.store.path, use_model=True, encode_missing=False)
        if vectors is None or not all(text in vectors for text in [*role_texts(), title_of(found) or ""]):
            vectors, pending = None, title_of(found) is not None
    return show_contacts(net, now=now, as_json=as_json, person=person, out=out, vectors=vectors,
                         roles_pending=pending)


def show_contacts(net: Network, *, now: datetime, as_json: bool, person: str | None, out: IO[str],
                  vectors: Vectors | None = None, roles_pending: bool = False) -> int:
    """vectors: for the roles a person's title means (with_meant_roles), from the cache; roles_pending:
    the cache does not hold them yet (the next sync embeds them)."""
    if person:
        found = net.find(person)
        if found is None:
            why = net.excluded.get(canonical(person))
            if why is None:
                raise UserError(f"{person} is not a contact (never seen in the mail)")
            # seen and set aside: that is the explanation asked for, not a mistake in the command
            out.write((json.dumps({"email": person, "contact": False, "set_aside": why}, ensure_ascii=False)
                       if as_json else f"{person} is not a contact: {why}. The digest never suggests them.") + "\n")
            return 0
        [found] = with_meant_roles([found], vectors)
        pending = "\nRoles by meaning: not read yet (the next sync embeds the title)" if roles_pending else ""
        out.write((json.dumps(found.to_json() | {"evidence": found.evidence}, ensure_ascii=False, indent=1,
                              default=str) if as_json else contacts_view.explain(found, now) + pending) + "\n")
        return 0
    out.write((contacts_view.as_json(net) if as_json else contacts_view.table(net, now)) + "\n")
    return 0
