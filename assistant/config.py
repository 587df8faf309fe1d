"""settings.toml -> frozen dataclasses. Every problem is reported at once, naming section and key."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import time as dt_time
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.addresses import is_valid_email
from assistant.errors import UserError
from assistant.models import Owner

DEFAULT_PASSWORD_ENV = "ASSISTANT_MAILBOX_PASSWORD"
DEFAULT_SMTP_PASSWORD_ENV = "ASSISTANT_SMTP_PASSWORD"
DEFAULT_STORE = "~/.local/share/assistant/state.json"


@dataclass(frozen=True)
class OAuth2Settings:
    """[mailbox] oauth2: sign in with OAuth2 (XOAUTH2) instead of a password. The endpoints come from
    the provider ("google", "microsoft") or are given ("custom"); the client is the user's own."""

    provider: str
    client_id: str
    client_secret_command: tuple[str, ...] = ()  # Google's desktop clients have a secret; Microsoft's do not
    token_url: str = ""
    authorize_url: str = ""  # consent in a browser, redirected to 127.0.0.1 ("" = not offered)
    device_url: str = ""  # consent on any device with a code ("" = not offered)
    scope: str = ""


# Each provider's endpoints and the scope that covers IMAP and SMTP. Google does not allow the mail
# scope in its device flow, so Gmail consents in a browser; Microsoft offers both.
OAUTH2_PROVIDERS: dict[str, dict[str, str]] = {
    "google": {"authorize_url": "https://accounts.google.com/o/oauth2/v2/auth", "device_url": "",
               "token_url": "https://oauth2.googleapis.com/token", "scope": "https://mail.google.com/"},
    "microsoft": {"authorize_url": "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
                  "device_url": "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode",
                  "token_url": "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                  "scope": "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send "
                           "offline_access"},
}
_OAUTH2_KEYS = {"provider", "client_id", "client_secret_command", "tenant", "token_url", "authorize_url",
                "device_url", "scope"}


@dataclass(frozen=True)
class MailboxSettings:
    url: str
    scheme: str  # imaps | imap | maildir | mbox
    host: str = ""
    port: int = 0
    username: str = ""
    path: str = ""
    password_command: tuple[str, ...] = ()
    password_env: str = DEFAULT_PASSWORD_ENV
    password_timeout: float = 20.0
    ca_file: str | None = None
    timeout: float = 30.0
    sent_folder: str | None = None
    folders: list[str] = field(default_factory=list)
    batch_size: int = 500
    size_cap: int = 5_000_000
    bulk_body_days: int = 90
    trusted_authserv_id: str | None = None  # the owner's provider, as it signs Authentication-Results
    poll_minutes: int = 5  # the service looks for new mail this often (IMAP IDLE wakes it sooner)
    oauth2: OAuth2Settings | None = None  # sign in with OAuth2 (tokens from `run.py auth`), not a password

    @property
    def where(self) -> str:
        """Host:port or path, for messages (never a secret)."""
        return f"{self.host}:{self.port}" if self.host else self.path


@dataclass(frozen=True)
class StoreSettings:
    path: Path


@dataclass(frozen=True)
class DigestConfig:
    day: str = "monday"
    time: dt_time = dt_time(8, 0)
    timezone: str = "UTC"
    sender_name: str = "Networking assistant"
    caps: dict[str, int] = field(default_factory=dict)
    horizon_days: int = 60
    gathering_every_days: int = 30
    templates: Path | None = None  # a folder whose templates override the bundled ones

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class SmtpSettings:
    url: str = ""
    security: Literal["ssl", "starttls"] = "ssl"
    host: str = ""
    port: int = 0
    username: str = ""
    password_command: tuple[str, ...] = ()
    password_env: str = DEFAULT_SMTP_PASSWORD_ENV
    password_timeout: float = 20.0
    ca_file: str | None = None
    timeout: float = 30.0
    save_to_sent: str = "auto"  # auto (not on Gmail, which saves it itself) | always | never
    oauth2: bool = False  # sign in with the [mailbox] OAuth2 tokens (the same account)

    @property
    def configured(self) -> bool:
        return bool(self.host)

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class ActionSettings:
    """[actions]: what replies to the digest may do."""

    mode: str = "opt-in"  # "opt-in": `send N` on an intro asks the helper first; "direct": introduces at once
    daily_cap: int = 20  # drafts sent to other people in any 24 hours (receipts do not count)
    paused: bool = False  # nothing is sent to anyone but the owner; acted-on drafts wait
    token_days: int = 14  # replies to a digest older than this are refused
    address: str = ""  # where the user forwards events ("" = the owner's plus-address local+assistant@domain)
    auto_connect: bool = False  # a helper's authenticated yes sends the introduction without `connect N`

    def assistant_address(self, owner_email: str) -> str:
        if self.address:
            return self.address.lower()
        local, _, domain = owner_email.partition("@")
        return f"{local}+assistant@{domain}".lower()


@dataclass(frozen=True)
class LlmSettings:
    """[llm]: an optional second opinion from a language model on the best introductions (off: url "")."""

    url: str = ""  # an OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1 (Ollama)
    model: str = ""
    max_calls: int = 50
    timeout: float = 30.0
    api_key_env: str = ""  # the environment variable holding an API key, if the server wants one
    allow_remote: bool = False  # a URL off this machine sends mail text there

    @property
    def on(self) -> bool:
        return bool(self.url)


@dataclass(frozen=True)
class Settings:
    owner: Owner
    mailbox: MailboxSettings
    store: StoreSettings
    digest: DigestConfig = field(default_factory=DigestConfig)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    warnings: tuple[str, ...] = ()
    understanding: str = "model"  # "model": the sentence model judges; "rules": the cue patterns alone
    actions: ActionSettings = field(default_factory=ActionSettings)
    llm: LlmSettings = field(default_factory=LlmSettings)


_KNOWN = {
    "owner": {"name", "email", "aliases", "delegates"},
    "mailbox": {"url", "password_command", "password_env", "password_timeout", "ca_file", "timeout",
                "sent_folder", "folders", "batch_size", "size_cap", "bulk_body_days", "trusted_authserv_id",
                "poll_minutes", "oauth2"},
    "store": {"path"},
    "digest": {"day", "time", "timezone", "sender_name", "caps", "horizon_days", "gathering_every_days",
               "templates"},
    "smtp": {"url", "password_command", "password_env", "password_timeout", "ca_file", "timeout", "save_to_sent",
             "oauth2"},
    "understanding": {"model"},
    "actions": {"mode", "daily_cap", "paused", "token_days", "address", "auto_connect"},
    "llm": {"url", "model", "max_calls", "timeout", "api_key_env", "allow_remote"},
}
_MODELS = {"minilm": "model", "off": "rules"}
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SECTIONS = ("intros", "events", "stories", "gathering", "reconnect")
_SCHEMES = {"imaps": 993, "imap": 143, "maildir": 0, "mbox": 0}


class _Problems:
    """Collects problems while reading values, so they are all reported together."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def get(self, table: dict[str, Any], section: str, key: str, kind: type | tuple[type, ...],
            default: Any = None, required: bool = False, prefix: str = "") -> Any:
        name = f"{prefix}{key}"  # prefix names a key inside an inline table: "oauth2."
        if key not in table:
            if required:
                self.errors.append(f"[{section}] {name} is missing")
            return default
        value = table[key]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            self.errors.append(f"[{section}] {name} must be a number, not {value!r}")
            return default
        if not isinstance(value, kind):
            want = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            self.errors.append(f"[{section}] {name} must be a {want}, not {type(value).__name__}")
            return default
        return value


ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # an environment variable's name
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})  # hosts that are this machine


def load_settings(path: Path, environ: dict[str, str] | None = None) -> Settings:
    """Read and validate a settings file. Raises UserError listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"settings file {path} not found (use --config PATH or $ASSISTANT_CONFIG)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"settings file {path} cannot be read: {exc.__class__.__name__}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"settings file {path} is not valid TOML: {exc}") from None
    return parse_settings(data, base=path.parent, environ=environ)


def parse_settings(data: dict[str, Any], base: Path = Path("."),
                   environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    p = _Problems()
    for section, value in data.items():
        if section not in _KNOWN:
            p.warnings.append(f"unknown section [{section}] ignored")
        elif not isinstance(value, dict):
            p.errors.append(f"[{section}] must be a table")
        else:
            for key in value:
                if key not in _KNOWN[section]:
                    p.warnings.append(f"unknown key [{section}] {key} ignored")
    sections: dict[str, dict[str, Any]] = {s: _table(data.get(s)) for s in _KNOWN}
    for s in ("owner", "mailbox"):
        if s not in data:
            p.errors.append(f"[{s}] section is missing")
    owner = _owner(sections["owner"], p)
    mailbox = _mailbox(sections["mailbox"], p, base, env)
    store = _store(sections["store"], p, base)
    digest = _digest(sections["digest"], p, base)
    smtp = _smtp(sections["smtp"], p, base)
    model = p.get(sections["understanding"], "understanding", "model", str, "minilm")
    if model not in _MODELS:
        p.errors.append(f"[understanding] model must be one of {', '.join(map(repr, _MODELS))}, not {model!r}")
        model = "minilm"
    actions = _actions(sections["actions"], p)
    llm = _llm(sections["llm"], p)
    if smtp.oauth2 and mailbox is not None and mailbox.oauth2 is None:
        p.errors.append("[smtp] oauth2 = true signs in with the [mailbox] oauth2 tokens, but [mailbox] has no oauth2")
    elif smtp.oauth2 and mailbox is not None and smtp.username.lower() != mailbox.username.lower():
        p.errors.append(f"[smtp] oauth2 = true signs in as the mailbox's user ({mailbox.username}); the [smtp] url "
                        f"names {smtp.username or 'no user'}: write smtp://{mailbox.username}@HOST")
    if p.errors:
        raise UserError(p.errors)
    assert owner and mailbox
    return Settings(owner, mailbox, store, digest, smtp, tuple(p.warnings), _MODELS[model], actions, llm)


def _actions(t: dict[str, Any], p: _Problems) -> ActionSettings:
    mode = p.get(t, "actions", "mode", str, "opt-in")
    if mode not in ("opt-in", "direct"):
        p.errors.append(f"[actions] mode must be \"opt-in\" or \"direct\", not {mode!r}")
        mode = "opt-in"
    cap = p.get(t, "actions", "daily_cap", int, 20)
    days = p.get(t, "actions", "token_days", int, 14)
    if cap < 0:
        p.errors.append("[actions] daily_cap must be 0 or more")
    if not 1 <= days <= 90:
        p.errors.append("[actions] token_days must be between 1 and 90")
    address = p.get(t, "actions", "address", str, "").strip().lower()
    if address and not is_valid_email(address):
        p.errors.append(f"[actions] address {address!r} is not an e-mail address")
        address = ""
    return ActionSettings(mode, cap, p.get(t, "actions", "paused", bool, False), days, address,
                          p.get(t, "actions", "auto_connect", bool, False))



def _llm(t: dict[str, Any], p: _Problems) -> LlmSettings:
    url = p.get(t, "llm", "url", str, "").strip()
    model = p.get(t, "llm", "model", str, "").strip()
    calls = p.get(t, "llm", "max_calls", int, 50)
    timeout = p.get(t, "llm", "timeout", (int, float), 30.0)
    key_env = p.get(t, "llm", "api_key_env", str, "").strip()
    remote = p.get(t, "llm", "allow_remote", bool, False)
    if not 0 <= calls <= 1000:
        p.errors.append("[llm] max_calls must be between 0 and 1000")
    if timeout < 1:
        p.errors.append("[llm] timeout must be at least 1 second")
    if key_env and not ENV_NAME.fullmatch(key_env):
        p.errors.append(f"[llm] api_key_env {key_env!r} is not an environment variable name")
    if not url:
        return LlmSettings(model=model, max_calls=calls, timeout=float(timeout), api_key_env=key_env)
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or not host:
        p.errors.append("[llm] url must be an http:// or https:// URL such as http://127.0.0.1:11434/v1")
    elif parts.password is not None or parts.username is not None:
        p.errors.append("[llm] url must not contain a user or password: use api_key_env")
    elif host not in LOOPBACK and not remote:
        p.errors.append(f"[llm] url points off this machine ({host}): mail text would be sent there; set "
                        "allow_remote = true only if you accept that")
    elif host not in LOOPBACK and parts.scheme != "https":
        p.errors.append(f"[llm] url: a server off this machine ({host}) needs https://, or the mail text and the "
                        "key would cross the network in the clear")
    if not model:
        p.errors.append("[llm] model is missing (the model name the server knows, e.g. \"llama3.1:8b\")")
    return LlmSettings(url, model, calls, float(timeout), key_env, remote)


def _table(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _owner(t: dict[str, Any], p: _Problems) -> Owner | None:
    name = p.get(t, "owner", "name", str, "", required=True)
    email = p.get(t, "owner", "email", str, "", required=True)
    if email and not is_valid_email(email):
        p.errors.append(f"[owner] email {email!r} is not an e-mail address")
    return Owner(name.strip(), email.lower(), _addresses(t, "aliases", p), _addresses(t, "delegates", p))


def _addresses(t: dict[str, Any], key: str, p: _Problems) -> tuple[str, ...]:
    found = []
    for a in p.get(t, "owner", key, list, []):
        if not isinstance(a, str) or not is_valid_email(a):
            p.errors.append(f"[owner] {key}: {a!r} is not an e-mail address")
        else:
            found.append(a.lower())
    return tuple(found)


def _mailbox(t: dict[str, Any], p: _Problems, base: Path, env: Any) -> MailboxSettings | None:
    url = p.get(t, "mailbox", "url", str, "", required=True)
    command, ca_file = _login_files(t, "mailbox", p, base)
    extra = p.get(t, "mailbox", "folders", list, [])
    if any(not isinstance(f, str) or not f for f in extra):
        p.errors.append("[mailbox] folders must be a list of folder names")
        extra = []
    numbers = {}
    for key, default, low in (("timeout", 30.0, 1), ("password_timeout", 20.0, 1),
                              ("batch_size", 500, 1), ("size_cap", 5_000_000, 10_000),
                              ("bulk_body_days", 90, 0), ("poll_minutes", 5, 1)):
        value = p.get(t, "mailbox", key, (int, float), default)
        if value < low:
            p.errors.append(f"[mailbox] {key} must be at least {low}")
        numbers[key] = value
    common: dict[str, Any] = dict(
        password_command=tuple(command),
        password_env=p.get(t, "mailbox", "password_env", str, DEFAULT_PASSWORD_ENV) or DEFAULT_PASSWORD_ENV,
        password_timeout=float(numbers["password_timeout"]), ca_file=ca_file,
        timeout=float(numbers["timeout"]), sent_folder=p.get(t, "mailbox", "sent_folder", str, "") or None,
        folders=list(extra), batch_size=int(numbers["batch_size"]), size_cap=int(numbers["size_cap"]),
        bulk_body_days=int(numbers["bulk_body_days"]), poll_minutes=int(numbers["poll_minutes"]),
        trusted_authserv_id=_authserv_id(p.get(t, "mailbox", "trusted_authserv_id", str, ""), p),
        oauth2=_oauth2(t, p))
    if common["oauth2"] is not None and ("password_command" in t or "password_env" in t):
        p.errors.append("[mailbox] oauth2 signs in without a password: remove password_command / password_env")
    if not url:
        return MailboxSettings(url="", scheme="", **common)
    box = parse_mailbox_url(url, p, base, common)
    if box is not None and box.oauth2 is not None and box.scheme not in ("imap", "imaps"):
        p.errors.append(f"[mailbox] oauth2 is for IMAP servers; a {box.scheme} mailbox needs no sign-in")
    return box


def _oauth2(t: dict[str, Any], p: _Problems) -> OAuth2Settings | None:
    if "oauth2" not in t:
        return None
    table = t["oauth2"]
    if not isinstance(table, dict):
        p.errors.append('[mailbox] oauth2 must be a table: { provider = "microsoft", client_id = "..." }')
        return None
    for key in table:
        if key not in _OAUTH2_KEYS:
            p.errors.append(f"[mailbox] oauth2: unknown key {key!r} (one of {', '.join(sorted(_OAUTH2_KEYS))})")
    provider = p.get(table, "mailbox", "provider", str, "", required=True, prefix="oauth2.")
    known = (*OAUTH2_PROVIDERS, "custom")
    if provider and provider not in known:
        p.errors.append(f"[mailbox] oauth2.provider must be one of {', '.join(map(repr, known))}, not {provider!r}")
        return None
    client_id = p.get(table, "mailbox", "client_id", str, "", required=True, prefix="oauth2.").strip()
    secret = _argv(table, "mailbox", "client_secret_command", p, prefix="oauth2.")
    tenant = p.get(table, "mailbox", "tenant", str, "common", prefix="oauth2.").strip() or "common"
    if not re.fullmatch(r"[A-Za-z0-9.-]{1,100}", tenant):
        p.errors.append(f"[mailbox] oauth2.tenant {tenant!r} is not a tenant name or id")
        tenant = "common"
    urls = {k: v.replace("{tenant}", tenant) for k, v in OAUTH2_PROVIDERS.get(provider, {}).items()}
    for key in ("token_url", "authorize_url", "device_url", "scope"):
        given = p.get(table, "mailbox", key, str, None, prefix="oauth2.")
        if given is not None:
            urls[key] = given.strip()
    for key in ("token_url", "authorize_url", "device_url"):
        if urls.get(key) and not _safe_endpoint(urls[key]):
            p.errors.append(f"[mailbox] oauth2.{key} must be an https:// URL (http:// only on 127.0.0.1)")
    if provider == "custom" and not (urls.get("token_url") and urls.get("scope")
                                     and (urls.get("authorize_url") or urls.get("device_url"))):
        p.errors.append("[mailbox] oauth2: a custom provider needs token_url, scope, and authorize_url or device_url")
    if not provider or not client_id:
        return None
    return OAuth2Settings(provider, client_id, tuple(secret), urls.get("token_url", ""), urls.get("authorize_url", ""),
                          urls.get("device_url", ""), urls.get("scope", ""))


def _safe_endpoint(url: str) -> bool:
    """https, or http to this machine only (a token endpoint in tests, a local identity provider)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme == "https":
        return bool(parts.hostname)
    return parts.scheme == "http" and parts.hostname in LOOPBACK


def _authserv_id(value: str, p: _Problems) -> str | None:
    value = value.strip().lower()
    if value and not re.fullmatch(r"[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?", value):
        p.errors.append(f"[mailbox] trusted_authserv_id {value!r} is not a host name (e.g. mx.google.com)")
        return None
    return value or None


def _argv(t: dict[str, Any], section: str, key: str, p: _Problems, prefix: str = "") -> list[str]:
    """A command to run, as an argv list of non-empty strings (empty, with an error, when it is not)."""
    command = p.get(t, section, key, list, [], prefix=prefix)
    if any(not isinstance(a, str) or not a for a in command):
        p.errors.append(f"[{section}] {prefix}{key} must be a list of non-empty strings (argv)")
        return []
    return list(command)


def _login_files(t: dict[str, Any], section: str, p: _Problems, base: Path) -> tuple[list[str], str | None]:
    """password_command (an argv list) and ca_file (must exist), as both servers take them."""
    command = _argv(t, section, "password_command", p)
    ca_file = p.get(t, section, "ca_file", str, "") or None
    if ca_file:
        ca_path = (base / os.path.expanduser(ca_file)).resolve()
        if not ca_path.is_file():
            p.errors.append(f"[{section}] ca_file {ca_path} does not exist")
        ca_file = str(ca_path)
    return command, ca_file


def _split_url(url: str, section: str, schemes: tuple[str, ...], p: _Problems) -> tuple[Any, int | None] | None:
    """urlsplit with the checks both URLs need. A URL is never echoed whole: it may hold a password."""
    try:
        parts = urlsplit(url)
    except ValueError:
        p.errors.append(f"[{section}] url is not a valid URL")
        return None
    try:
        has_password = parts.password is not None
    except ValueError:
        has_password = ":" in parts.netloc.rpartition("@")[0]
    if has_password:
        p.errors.append(f"[{section}] url must not contain a password: use password_command or an environment "
                        "variable")
        return None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        shown = f"{scheme}://" if scheme else "no scheme"
        p.errors.append(f"[{section}] url must start with {', '.join(s + '://' for s in schemes)}; it has {shown}")
        return None
    try:
        port = parts.port
    except ValueError as exc:
        p.errors.append(f"[{section}] url has a bad port ({exc})")
        return None
    return parts, port


def parse_mailbox_url(url: str, p: _Problems, base: Path, common: dict[str, Any]) -> MailboxSettings | None:
    split = _split_url(url, "mailbox", tuple(_SCHEMES), p)
    if split is None:
        return None
    parts, port = split
    scheme = parts.scheme.lower()
    if scheme in ("maildir", "mbox"):
        raw = unquote((parts.netloc or "") + parts.path)
        path = Path(os.path.expanduser(raw))
        if not path.is_absolute():
            path = (base / path).resolve()
        return MailboxSettings(url=url, scheme=scheme, path=str(path), **common)
    if not parts.hostname:
        p.errors.append(f"[mailbox] url names no host ({scheme}://USER@HOST)")
        return None
    if scheme == "imap" and port == 993:
        p.errors.append(f"[mailbox] url: port 993 speaks TLS from the first byte; write "
                        f"imaps://USER@{parts.hostname}:993 (imap:// is for STARTTLS, usually port 143)")
        return None
    if scheme == "imaps" and port == 143:
        p.errors.append(f"[mailbox] url: port 143 starts in plain text and upgrades with STARTTLS; write "
                        f"imap://USER@{parts.hostname}:143 (imaps:// is for port 993)")
        return None
    if not parts.username:
        p.errors.append(f"[mailbox] url names no user ({scheme}://USER@{parts.hostname})")
    return MailboxSettings(url=url, scheme=scheme, host=parts.hostname, port=port or _SCHEMES[scheme],
                           username=unquote(parts.username or ""), **common)


def _digest(t: dict[str, Any], p: _Problems, base: Path) -> DigestConfig:
    day = str(p.get(t, "digest", "day", str, "monday")).strip().lower()
    if day not in _DAYS:
        p.errors.append(f"[digest] day must be one of {', '.join(_DAYS)}, not {day!r}")
        day = "monday"
    raw_time = p.get(t, "digest", "time", str, "08:00")
    try:
        at = dt_time.fromisoformat(raw_time)
    except ValueError:
        p.errors.append(f"[digest] time must be HH:MM (24-hour), not {raw_time!r}")
        at = dt_time(8, 0)
    zone = p.get(t, "digest", "timezone", str, "UTC")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        p.errors.append(f"[digest] timezone {zone!r} is not an IANA time zone (e.g. Europe/Berlin)")
        zone = "UTC"
    caps = p.get(t, "digest", "caps", dict, {})
    for section, cap in caps.items():
        if section not in _SECTIONS:
            p.errors.append(f"[digest] caps: unknown section {section!r} (one of {', '.join(_SECTIONS)})")
        elif isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
            p.errors.append(f"[digest] caps.{section} must be a whole number of at least 0")
    templates = p.get(t, "digest", "templates", str, "") or None
    template_dir = None
    if templates:
        template_dir = (base / os.path.expanduser(templates)).resolve()
        if not template_dir.is_dir():
            p.errors.append(f"[digest] templates folder {template_dir} does not exist")
    numbers = {}
    for key, default in (("horizon_days", 60), ("gathering_every_days", 30)):
        value = p.get(t, "digest", key, int, default)
        if value < 1:
            p.errors.append(f"[digest] {key} must be at least 1")
        numbers[key] = value
    return DigestConfig(day=day, time=at, timezone=zone,
                        sender_name=p.get(t, "digest", "sender_name", str, "Networking assistant"),
                        caps={k: v for k, v in caps.items() if k in _SECTIONS and isinstance(v, int)},
                        horizon_days=numbers["horizon_days"], gathering_every_days=numbers["gathering_every_days"],
                        templates=template_dir)


def _smtp(t: dict[str, Any], p: _Problems, base: Path) -> SmtpSettings:
    url = p.get(t, "smtp", "url", str, "")
    command, ca_file = _login_files(t, "smtp", p, base)
    save = p.get(t, "smtp", "save_to_sent", str, "auto")
    if save not in ("auto", "always", "never"):
        p.errors.append(f"[smtp] save_to_sent must be auto, always or never, not {save!r}")
    common = dict(password_command=tuple(command),
                  password_env=p.get(t, "smtp", "password_env", str, DEFAULT_SMTP_PASSWORD_ENV)
                  or DEFAULT_SMTP_PASSWORD_ENV,
                  password_timeout=float(p.get(t, "smtp", "password_timeout", (int, float), 20.0)),
                  ca_file=ca_file, timeout=float(p.get(t, "smtp", "timeout", (int, float), 30.0)),
                  save_to_sent=save, oauth2=p.get(t, "smtp", "oauth2", bool, False))
    if not url:
        return SmtpSettings(**common)
    split = _split_url(url, "smtp", ("smtps", "smtp"), p)
    if split is None:
        return SmtpSettings(**common)
    parts, port = split
    scheme = parts.scheme.lower()
    if not parts.hostname:
        p.errors.append(f"[smtp] url names no host ({scheme}://USER@HOST)")
        return SmtpSettings(**common)
    if scheme == "smtp" and port == 465:
        p.errors.append(f"[smtp] url: port 465 speaks TLS from the first byte; write smtps://USER@{parts.hostname}:465 "
                        "(smtp:// is for STARTTLS, usually port 587)")
        return SmtpSettings(**common)
    if scheme == "smtps" and port in (25, 587):
        p.errors.append(f"[smtp] url: port {port} starts in plain text and upgrades with STARTTLS; write "
                        f"smtp://USER@{parts.hostname}:{port} (smtps:// is for port 465)")
        return SmtpSettings(**common)
    return SmtpSettings(url=url, security="ssl" if scheme == "smtps" else "starttls", host=parts.hostname,
                        port=port or (465 if scheme == "smtps" else 587), username=unquote(parts.username or ""),
                        **common)


def _store(t: dict[str, Any], p: _Problems, base: Path) -> StoreSettings:
    raw = p.get(t, "store", "path", str, DEFAULT_STORE) or DEFAULT_STORE
    path = Path(os.path.expanduser(raw))
    if not path.is_absolute():
        path = (base / path).resolve()
    if path.exists() and path.is_dir():
        p.errors.append(f"[store] path {path} is a directory; it must name a file")
    return StoreSettings(path)
