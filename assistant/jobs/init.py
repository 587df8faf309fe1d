"""`init`: a private settings file in a minute, by questions and answers.

It recognises the common providers from the address (Gmail, Microsoft 365 / Outlook, Fastmail,
iCloud, Yahoo) and fills in their IMAP and SMTP hosts, asks how the password is to be found (a
command such as `pass show mail/me`, or an environment variable: never the password itself), tests
the login read-only, writes the file 0600 (refusing to overwrite one), and offers a first sync. It
never writes a secret into the file.
"""

from __future__ import annotations

import os
import shlex
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from imapclient.exceptions import IMAPClientError

from assistant.addresses import is_valid_email
from assistant.config import ENV_NAME, load_settings, parse_settings
from assistant.errors import AssistantError, UserError
from assistant.mailbox.connect import DROPS, Endpoint, connection_error, open_client, shutdown_quietly
from assistant.mailbox.passwords import password_source
from assistant.state.files import atomic_create


@dataclass(frozen=True)
class Provider:
    name: str
    imap: str
    smtp: str  # smtps://HOST:465 or smtp://HOST:587
    note: str = ""
    oauth2: str = ""  # the [mailbox] oauth2 provider name, where the provider signs in with OAuth2


PROVIDERS: Mapping[str, Provider] = {
    "gmail": Provider("Gmail", "imap.gmail.com", "smtps://smtp.gmail.com:465",
                      "Gmail takes an app password (Google Account > Security > App passwords) or OAuth2.",
                      "google"),
    "microsoft": Provider("Microsoft 365 / Outlook.com", "outlook.office365.com", "smtp://smtp.office365.com:587",
                          "Microsoft 365 signs in with OAuth2; an app password works only where the "
                          "organisation allows one.", "microsoft"),
    "fastmail": Provider("Fastmail", "imap.fastmail.com", "smtps://smtp.fastmail.com:465",
                         "Fastmail needs an app password (Settings > Privacy & Security > App passwords)."),
    "icloud": Provider("iCloud", "imap.mail.me.com", "smtp://smtp.mail.me.com:587",
                       "iCloud needs an app-specific password (appleid.apple.com > Sign-In and Security)."),
    "yahoo": Provider("Yahoo", "imap.mail.yahoo.com", "smtps://smtp.mail.yahoo.com:465",
                      "Yahoo needs an app password (Account security > Generate app password)."),
}
DOMAINS = {"gmail.com": "gmail", "googlemail.com": "gmail", "outlook.com": "microsoft", "hotmail.com": "microsoft",
           "live.com": "microsoft", "msn.com": "microsoft", "office365.com": "microsoft",
           "fastmail.com": "fastmail", "fastmail.fm": "fastmail", "icloud.com": "icloud", "me.com": "icloud",
           "mac.com": "icloud", "yahoo.com": "yahoo", "ymail.com": "yahoo"}
DEFAULT_PATH = Path("~/.config/assistant/settings.toml")


def provider_for(email: str) -> Provider | None:
    return PROVIDERS.get(DOMAINS.get(email.rpartition("@")[2].lower(), ""))


def run_init(*, ask: Callable[[str], str], out: IO[str], path: Path | None, environ: Mapping[str, str],
             test_login: bool = True, offer_sync: Callable[[Path], None] | None = None,
             offer_digest: Callable[[Path], None] | None = None) -> int:
    target = (path or DEFAULT_PATH).expanduser()
    if target.exists():
        raise UserError(f"{target} exists already; init never overwrites settings (give another --path)")

    def question(prompt: str, default: str = "", check: Callable[[str], str | None] | None = None) -> str:
        while True:
            try:
                answer = ask(f"{prompt}{f' [{default}]' if default else ''}: ").strip() or default
            except EOFError:
                raise UserError("init asks questions: run it in a terminal (its input ended); nothing was "
                                "written") from None
            problem = check(answer) if check else (None if answer else "an answer is needed")
            if problem is None:
                return answer
            out.write(f"  {problem}\n")

    email = question("Your email address", check=lambda a: None if is_valid_email(a) else
                     f"{a!r} is not an e-mail address").lower()
    name = question("Your name (as people see it)", default=email.split("@")[0].replace(".", " ").title())
    provider = provider_for(email)
    if provider:
        out.write(f"  {provider.name}: IMAP {provider.imap}:993, SMTP {provider.smtp.split('://')[1]}\n")
        if provider.note:
            out.write(f"  {provider.note}\n")
        imap_host, imap_port, smtp_url, ca_file, imaps = provider.imap, 993, provider.smtp, "", True
    else:
        domain = email.rpartition("@")[2]
        imap_host = question("IMAP server", default=f"imap.{domain}")
        imap_port = int(question("IMAP port (993: TLS)", default="993", check=_port))
        tls = question("Does that port speak TLS from the first byte (imaps)? [Y/n]",
                       default="y" if imap_port != 143 else "n",
                       check=lambda a: None if a.lower() in ("y", "n", "yes", "no") else "answer y or n")
        imaps = tls.lower().startswith("y")
        smtp_host = question("SMTP server", default=f"smtp.{domain}")
        smtp_port = int(question("SMTP port (465: TLS, 587: STARTTLS)", default="465", check=_port))
        smtp_url = f"{'smtps' if smtp_port == 465 else 'smtp'}://{smtp_host}:{smtp_port}"
        ca_file = question("CA file, only for a server with its own certificate authority (blank: the system's)",
                           check=lambda a: None if not a or Path(a).expanduser().is_file() else f"no file {a}")
    username = question("Login name", default=email)
    choices = "(1) a command such as `pass show mail/me`, (2) an environment variable, or (3) OAuth2 sign-in"
    how = question(f"Sign in with {choices}", default="3" if provider and provider.oauth2 else "1",
                   check=lambda a: None if a in ("1", "2", "3") else "answer 1, 2 or 3")
    oauth2 = _ask_oauth2(question, provider, out) if how == "3" else ""
    if how == "1":
        command = shlex.split(question("Password command (its first line of output is the password)"))
        password_lines = f"password_command = {_toml_list(command)}\n"
        password = password_source(tuple(command), "", 20.0, environ)
    elif how == "2":
        variable = question("Environment variable", default="ASSISTANT_MAILBOX_PASSWORD",
                            check=lambda a: None if ENV_NAME.fullmatch(a) else "not a name")
        password_lines = f'password_env = "{variable}"\n'
        password = password_source((), variable, 20.0, environ)
    else:
        password_lines = ""
    zone = question("Your time zone", default=_local_zone(), check=_zone)
    state = question("Where to keep the assistant's state", default="~/.local/share/assistant/state.json")
    if test_login and not oauth2:  # an OAuth2 login is tested by the sign-in, once the file exists
        out.write(f"Testing the login to {imap_host}:{imap_port} (read-only) ...\n")
        try:
            endpoint = Endpoint(imap_host, imap_port, "tls" if imaps else "starttls", username, password,
                                ca_file or None, 20.0)
            client = open_client(endpoint)
            shutdown_quietly(client)
        except AssistantError as exc:
            raise UserError(f"the login did not work: {exc}; nothing was written") from None
        except (*DROPS, IMAPClientError) as exc:
            raise UserError(f"{connection_error(exc, endpoint)}; nothing was written") from None
        out.write("  the login works.\n")
    scheme = "imaps" if imaps else "imap"
    login = quote(username, safe="@")
    smtp_with_login = smtp_url.replace("://", f"://{login}@")
    text = (f"# Written by `run.py init`. Every key is explained in the settings.toml that comes with the\n"
            f"# assistant. No password is kept here: see password_command / password_env.\n\n"
            f'[owner]\nname = "{_toml(name)}"\nemail = "{email}"\n\n'
            f'[mailbox]\nurl = "{scheme}://{_toml(login)}@{_toml(imap_host)}:{imap_port}"\n'
            f'{password_lines}'
            + (f'ca_file = "{_toml(ca_file)}"\n' if ca_file else "")
            + oauth2
            + f'\n[store]\npath = "{_toml(state)}"\n\n[digest]\nday = "monday"\ntime = "08:00"\n'
            f'timezone = "{zone}"\n\n[smtp]\nurl = "{_toml(smtp_with_login)}"\n'
            + (password_lines or "oauth2 = true\n")
            + (f'ca_file = "{_toml(ca_file)}"\n' if ca_file else ""))
    parse_settings(tomllib.loads(text), base=target.parent)  # what is written must read back
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not atomic_create(target, text.encode("utf-8")):  # 0600, whole or not at all
        raise UserError(f"{target} appeared meanwhile; init never overwrites settings (give another --path)")
    out.write(f"Wrote {target} (readable by you only).\n")
    if oauth2:
        _sign_in(target, environ, out, test_login)
    if offer_sync is not None and question("Read your mailbox now (read-only) and show your network? [y/N]",
                                           default="n", check=_yes_or_no).lower().startswith("y"):
        offer_sync(target)
        if offer_digest is not None and question(f"Send yourself a first digest now (to {email} only)? [y/N]",
                                                 default="n", check=_yes_or_no).lower().startswith("y"):
            offer_digest(target)
            out.write(f"Next: python run.py --config {target} run keeps it going (see the README, \"Running it "
                      "as a service\")\n")
            return 0
    out.write(f"Next: python run.py --config {target} sync, then contacts, then digest --send\n")
    return 0


def _ask_oauth2(question: Callable[..., str], provider: Provider | None, out: IO[str]) -> str:
    """The [mailbox.oauth2] table: the user's own client (a self-hosted tool has no shared one)."""
    out.write("  OAuth2 needs a client of your own at the provider; the README (\"Signing in with OAuth2\") "
              "says how to register one.\n")
    lines = ""
    if provider is None or not provider.oauth2:
        lines += (f'token_url = "{_toml(question("Token endpoint (https://...)"))}"\n'
                  f'device_url = "{_toml(question("Device authorization endpoint (blank: none)", check=_any))}"\n'
                  f'authorize_url = "{_toml(question("Authorization endpoint (blank: none)", check=_any))}"\n'
                  f'scope = "{_toml(question("Scope that covers IMAP and SMTP"))}"\n')
        name = "custom"
    else:
        name = provider.oauth2
    client_id = question("OAuth2 client ID")
    secret = shlex.split(question("Command that prints the client secret (blank: the client has none)", check=_any))
    return (f'\n[mailbox.oauth2]\nprovider = "{name}"\nclient_id = "{_toml(client_id)}"\n'
            + (f"client_secret_command = {_toml_list(secret)}\n" if secret else "") + lines)


def _sign_in(target: Path, environ: Mapping[str, str], out: IO[str], test_login: bool) -> None:
    from assistant.jobs.credentials import auth

    out.write("Signing in with OAuth2 ...\n")
    try:
        auth(load_settings(target), how="auto", environ=environ, out=out, test_login=test_login)
    except AssistantError as exc:
        raise UserError(f"the OAuth2 sign-in did not work: {exc}; {target} is kept: fix it or run "
                        f"`python run.py --config {target} auth` again") from None


def _yes_or_no(answer: str) -> str | None:
    return None if answer.lower() in ("y", "n", "yes", "no") else "answer y or n"


def _any(answer: str) -> str | None:
    return None


def _zone(answer: str) -> str | None:
    try:
        ZoneInfo(answer)
    except (ZoneInfoNotFoundError, ValueError):
        return f"{answer!r} is not a time zone name such as Europe/Berlin or America/New_York"
    return None


def _port(answer: str) -> str | None:
    return None if answer.isdigit() and 0 < int(answer) < 65536 else "a port is a number from 1 to 65535"


def _toml(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{_toml(v)}"' for v in values) + "]"


def _local_zone() -> str:
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        return os.environ.get("TZ", "UTC") or "UTC"
    return link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "UTC"
