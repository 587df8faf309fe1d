"""Command line: argparse parser and main(argv). The one place errors become messages."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import warnings
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant import __version__
from assistant.errors import AssistantError, UserError
from assistant.jobs import commands as jobs

logger = logging.getLogger("assistant")


def build_parser(prog: str = "run.py") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Networking assistant: reads your mailbox, suggests ways to help others.")
    parser.add_argument("--config", metavar="PATH", type=Path,
                        help="settings file (default: $ASSISTANT_CONFIG, else ./settings.toml)")
    parser.add_argument("--debug", action="store_true", help="verbose logs and tracebacks")
    parser.add_argument("--quiet", action="store_true", help="only warnings and errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # the global options are accepted after the command too ("run.py sync --config X"): SUPPRESS keeps a
    # subcommand from resetting what was given before it
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    class _Sub:
        def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
            return subparsers.add_parser(name, parents=[common], **kwargs)

    sub = _Sub()

    p = sub.add_parser("demo", help="ingest the bundled sample mailbox into a throw-away state and summarise it")
    p.add_argument("--now", metavar="ISO", help="pretend it is this time (default: the sample's own date)")

    p = sub.add_parser("sync", help="one pass over the configured mailbox")
    p.add_argument("--now", metavar="ISO", help=argparse.SUPPRESS)

    p = sub.add_parser("contacts", help="the people in your network, strongest first")
    p.add_argument("--json", action="store_true", help="a JSON list of people (schema in the README)")
    p.add_argument("--person", metavar="EMAIL", help="explain one person: the evidence behind every field")
    p.add_argument("--now", metavar="ISO", help="compute as of this time (default: now)")

    p = sub.add_parser("digest", help="this week's digest: ways to help, with ready-to-send drafts")
    p.add_argument("--now", metavar="ISO", help="build it as of this time (reproducible; default: now)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="the digest as JSON (schema in the README)")
    out.add_argument("--html", metavar="FILE", type=Path, help="write the HTML version to FILE")
    out.add_argument("--eml", metavar="FILE", type=Path, help="write the whole email (.eml) to FILE")
    out.add_argument("--text", action="store_true", help="the plain-text version on stdout (the default)")
    out.add_argument("--send", action="store_true", help="send it to yourself now over [smtp]")
    p.add_argument("--force", action="store_true", help="with --send: send even if this week's digest went out")

    p = sub.add_parser("run", aliases=["daemon"], help="the service: new mail within a minute (IMAP IDLE), "
                       "replies acted on, the digest once a week; stop with Ctrl-C or SIGTERM")

    p = sub.add_parser("status", help="last sync, last and next digest, what waits, what needs you "
                       "(exit 0: all is well, 1: something needs you, 2: settings or state unreadable)")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.add_argument("--now", metavar="ISO", help=argparse.SUPPRESS)

    p = sub.add_parser("init", help="write a private settings file by questions and answers, and test the login")
    p.add_argument("--path", metavar="FILE", type=Path, help="where to write it (default ~/.config/assistant/"
                   "settings.toml); an existing file is never overwritten")
    p.add_argument("--no-test", action="store_true", help="do not test the login")

    p = sub.add_parser("auth", help="sign in with OAuth2 once ([mailbox] oauth2: Gmail, Microsoft 365); the "
                       "tokens are kept 0600 beside the state and refreshed on their own")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--device", action="store_true", help="show a code to enter on any device (Microsoft)")
    how.add_argument("--browser", action="store_true", help="sign in in a browser on this machine (Google)")
    p.add_argument("--no-open", action="store_true", help="print the sign-in page's address, do not open a browser")
    p.add_argument("--no-test", action="store_true", help="do not test the IMAP login afterwards")

    p = sub.add_parser("reset-suggestions", help="bring back suggestions resting after being shown twice "
                       "(never undoes skip, never or snooze)")

    p = sub.add_parser("act", help="act on replies to the digest that are waiting (the daemon does this itself)")
    p.add_argument("--dry-run", action="store_true", help="print what would be sent to whom; send and record nothing")
    p.add_argument("--now", metavar="ISO", help=argparse.SUPPRESS)

    p = sub.add_parser("pending", help="actions queued, waiting, failed or in doubt, and replies not handled yet")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.add_argument("--now", metavar="ISO", help=argparse.SUPPRESS)

    p = sub.add_parser("inspect", help="show what the assistant understands of message files")
    p.add_argument("files", nargs="+", metavar="FILE", help=".eml files (RFC 5322 messages)")
    p.add_argument("--json", action="store_true", help="JSON Lines: one object per file")
    p.add_argument("--no-model", action="store_true", help="read with the cue patterns alone (no sentence model)")
    return parser


def console() -> None:
    """The `assistant` command (installed by pip from pyproject.toml): the same as `python run.py`."""
    raise SystemExit(main(prog="assistant"))


def parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise UserError(f"--now {value!r} is not an ISO 8601 date or time") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def config_path(arg: Path | None) -> Path:
    if arg is not None:
        return arg
    env = os.environ.get("ASSISTANT_CONFIG")
    return Path(env) if env else Path("settings.toml")


def _setup_logging(debug: bool, quiet: bool, service: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    stamp = "%(asctime)s " if service else ""  # a service's log is read later: every line says when
    handler.setFormatter(logging.Formatter(stamp + ("%(levelname)s %(name)s: %(message)s" if debug
                                                    else "%(levelname)s: %(message)s")))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO)
    # the libraries' own chatter (mail-parser warns on every calendar part, icalendar guesses
    # zones) is not the user's business; imapclient's debug trace shows headers and addresses,
    # so it stays quiet even under --debug
    for noisy in ("mailparser", "icalendar", "tinydb"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.ERROR)
    logging.getLogger("imapclient").setLevel(logging.WARNING)
    if not debug:
        warnings.filterwarnings("ignore", module=r"icalendar(\.|$)")


def main(argv: Sequence[str] | None = None, prog: str = "run.py") -> int:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    args.prog = prog
    _setup_logging(args.debug, args.quiet, service=args.command in ("run", "daemon"))
    try:
        return _dispatch(args)
    except UserError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except AssistantError as exc:
        if args.debug:
            logger.exception("failed")
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; everything committed so far is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the error boundary: no traceback unless --debug
        if args.debug:
            raise
        print(f"error: unexpected {exc.__class__.__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "inspect":
        return jobs.inspect(args.files, as_json=args.json, out=sys.stdout, use_model=not args.no_model)
    if args.command == "demo":
        return jobs.demo(now=parse_now(args.now) if args.now else None, out=sys.stdout,
                         command="assistant" if args.prog == "assistant" else "python run.py")
    if args.command == "sync":
        settings = jobs.load(config_path(args.config))
        report = jobs.sync(settings, now=parse_now(args.now), environ=os.environ,
                               interactive=sys.stderr.isatty() and not args.quiet)
        print(report.summary())
        return 0
    if args.command == "digest":
        settings = jobs.load(config_path(args.config))
        return jobs.digest(settings, now=parse_now(args.now), as_json=args.json, html=args.html, eml=args.eml,
                           text=args.text, send=args.send, environ=os.environ, out=sys.stdout, force=args.force)
    if args.command in ("run", "daemon"):
        from assistant.jobs.service import run_service

        return run_service(jobs.load(config_path(args.config)), environ=os.environ)
    if args.command == "status":
        from assistant.jobs import status as status_job

        try:
            data, code = status_job.status(jobs.load(config_path(args.config)), parse_now(args.now))
        except AssistantError as exc:  # settings or state unreadable: status's own exit code 2
            for problem in getattr(exc, "problems", [str(exc)]):
                print(f"error: {problem}", file=sys.stderr)
            return 2
        status_job.show(data, args.json, sys.stdout)
        return code
    if args.command == "init":
        from assistant.jobs.init import run_init

        def first_sync(path: Path) -> None:
            settings = jobs.load(path)
            print(jobs.sync(settings, now=parse_now(None), environ=os.environ,
                            interactive=sys.stderr.isatty()).summary())
            jobs.contacts(settings, now=parse_now(None), as_json=False, person=None, out=sys.stdout)

        def first_digest(path: Path) -> None:
            jobs.digest(jobs.load(path), now=parse_now(None), as_json=False, html=None, eml=None, text=False,
                        send=True, environ=os.environ, out=sys.stdout, force=False)

        return run_init(ask=input, out=sys.stdout, path=args.path, environ=os.environ, test_login=not args.no_test,
                        offer_sync=first_sync, offer_digest=first_digest)
    if args.command == "auth":
        from assistant.jobs.credentials import auth

        return auth(jobs.load(config_path(args.config)), how="device" if args.device else "browser" if args.browser
                    else "auto", environ=os.environ, out=sys.stdout, open_browser=not args.no_open,
                    test_login=not args.no_test)
    if args.command == "reset-suggestions":
        from assistant.jobs import status as status_job

        count = status_job.reset_suggestions(jobs.load(config_path(args.config)), parse_now(None))
        print(f"{count} resting suggestion(s) may come back in the next digest")
        return 0
    if args.command == "act":
        settings = jobs.load(config_path(args.config))
        return jobs.act_on_replies(settings, now=parse_now(args.now), dry_run=args.dry_run, environ=os.environ,
                                   out=sys.stdout)
    if args.command == "pending":
        return jobs.pending(jobs.load(config_path(args.config)), now=parse_now(args.now), as_json=args.json,
                            out=sys.stdout)
    if args.command == "contacts":
        settings = jobs.load(config_path(args.config))
        return jobs.contacts(settings, now=parse_now(args.now), as_json=args.json, person=args.person,
                             out=sys.stdout)
    raise UserError(f"unknown command {args.command!r}")

