"""A real Dovecot on 127.0.0.1 for tests: own config, throwaway CA, one user per test.

Started as a plain process (`dovecot -F -c OWN.conf`), nothing read from /etc/dovecot. Needs
root (Dovecot refuses otherwise); mail is owned by `nobody`. Users are added to the passwd-file
at run time (Dovecot re-reads it), so every test gets an empty mailbox of its own.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from imapclient import IMAPClient

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{root}/server.crt
ssl_key = <{root}/server.key
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login{oauth2_mechanisms}
auth_verbose = yes
auth_failure_delay = 0
auth_cache_size = 0
{oauth2_passdb}passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
  default_fields = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
mail_max_userip_connections = 200
first_valid_uid = 1
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


USER_POOL = 300


class DovecotUnavailable(RuntimeError):
    """Dovecot cannot run here (not installed, not root, did not start)."""


@dataclass(frozen=True)
class User:
    name: str
    password: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_certificates(directory: Path) -> None:
    """A throwaway CA (ca.crt) and a server certificate for localhost / 127.0.0.1 signed by it."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    run = lambda *args: subprocess.run(["openssl", *args], cwd=directory, check=True,  # noqa: E731
                                       capture_output=True)
    run("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    (directory / "server.ext").write_text(
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.crt", "-days", "2", "-extfile", "server.ext")


OAUTH2_PASSDB = """passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
"""
OAUTH2_CONF = """introspection_mode = post
introspection_url = {url}
username_attribute = username
active_attribute = active
active_value = true
"""


class Dovecot:
    host = "127.0.0.1"

    def __init__(self, oauth2_introspection_url: str | None = None) -> None:
        """oauth2_introspection_url: also accept XOAUTH2, asking that endpoint (RFC 7662) whether a token
        is active and whose it is."""
        self.binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
        self.doveadm_binary = shutil.which("doveadm") or "/usr/bin/doveadm"
        if not os.path.exists(self.binary):
            raise DovecotUnavailable("dovecot is not installed (apt-get install dovecot-imapd)")
        if os.geteuid() != 0:
            raise DovecotUnavailable("Dovecot needs root to start as a test server")
        # not under pytest's 0700 tmp dirs: the mail uid must traverse every parent (o+x)
        self.root = Path(tempfile.mkdtemp(prefix="dovecot-test-"))
        self.root.chmod(0o755)
        self.ca_file = str(self.root / "ca.crt")
        # Dovecot notices passwd-file changes by mtime (1 s resolution): write every user up front
        self._pool = [User(f"user{n}", f"pw-{os.urandom(6).hex()}") for n in range(1, USER_POOL + 1)]
        self.users_file = self.root / "users"
        self.users_file.write_text("".join(f"{u.name}:{{PLAIN}}{u.password}::::::\n" for u in self._pool))
        nobody = pwd.getpwnam("nobody")
        self.uid, self.gid = nobody.pw_uid, nobody.pw_gid
        (self.root / "home").mkdir(mode=0o755)
        make_certificates(self.root)
        self.imap_port, self.imaps_port = free_port(), free_port()
        self.config = self.root / "dovecot.conf"
        if oauth2_introspection_url:
            (self.root / "oauth2.conf.ext").write_text(OAUTH2_CONF.format(url=oauth2_introspection_url))
        self.config.write_text(CONFIG.format(
            root=self.root, uid=self.uid, gid=self.gid, imap_port=self.imap_port, imaps_port=self.imaps_port,
            oauth2_mechanisms=" xoauth2 oauthbearer" if oauth2_introspection_url else "",
            oauth2_passdb=OAUTH2_PASSDB.format(root=self.root) if oauth2_introspection_url else ""))
        self.process: subprocess.Popen[bytes] | None = None
        self._next_user = iter(self._pool)

    # -- life cycle -------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> None:
        # its own process group: in the foreground (-F) the master exits on SIGTERM without
        # waiting for its children, which stop() then ends through the group
        self.process = subprocess.Popen([self.binary, "-F", "-c", str(self.config)], start_new_session=True,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise DovecotUnavailable(f"dovecot exited with {self.process.returncode}: {error.strip()}"
                                         f"\n{self.log()[-2000:]}")
            if self._answers(self.imap_port) and self._answers(self.imaps_port):
                return
            time.sleep(0.03)
        self.stop()
        raise DovecotUnavailable(f"dovecot did not answer within {timeout} s\n{self.log()[-2000:]}")

    def _answers(self, port: int) -> bool:
        try:
            with socket.create_connection((self.host, port), timeout=0.5):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """SIGTERM to the master, then to what is left of its process group; waits for all."""
        if self.process is None:
            return
        group = self.process.pid  # start_new_session: the group id is the master's pid
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for sig, patience in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            if self._group_gone(group, sig, patience):
                break
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    @staticmethod
    def _group_gone(group: int, sig: signal.Signals, patience: float) -> bool:
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return True
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return True
            time.sleep(0.02)
        return False

    def restart(self) -> None:
        self.stop()
        self.start()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        try:
            return (self.root / "dovecot.log").read_text(errors="replace")
        except FileNotFoundError:
            return ""

    # -- users and mail ---------------------------------------------------------------------

    def add_user(self, sent: str | None = "Sent") -> User:
        """A fresh user with an empty INBOX and, if sent is given, that (empty) Sent folder."""
        user = next(self._next_user)
        home = self.root / "home" / user.name
        home.mkdir(mode=0o700)
        os.chown(home, self.uid, self.gid)
        if sent:
            self.create_folder(user, sent)
        return user

    def maildir(self, user: User) -> Path:
        return self.root / "home" / user.name / "Maildir"

    def client(self, user: User) -> IMAPClient:
        """A logged-in, read-write admin connection for preparing test mail."""
        context = ssl.create_default_context(cafile=self.ca_file)
        client = IMAPClient(self.host, self.imaps_port, ssl_context=context, timeout=10)
        client.login(user.name, user.password)
        return client

    def append(self, user: User, folder: str, messages: list[bytes],
               flags: tuple[str, ...] = ()) -> list[int]:
        """Stores messages with MULTIAPPEND; returns their UIDs."""
        with self.client(user) as client:
            before = client.folder_status(folder, ["UIDNEXT"])[b"UIDNEXT"]
            client.multiappend(folder, [{"msg": m, "flags": flags} if flags else m for m in messages])
            after = client.folder_status(folder, ["UIDNEXT"])[b"UIDNEXT"]
        return list(range(before, after))

    def create_folder(self, user: User, folder: str) -> None:
        self.doveadm("mailbox", "create", "-u", user.name, folder)

    def recreate_folder(self, user: User, folder: str) -> None:
        """Delete and create folder again: a new UIDVALIDITY, the same name, no messages."""
        self.doveadm("mailbox", "delete", "-u", user.name, folder)
        self.create_folder(user, folder)

    def set_uidvalidity(self, user: User, folder: str, value: int) -> None:
        self.doveadm("mailbox", "update", "-u", user.name, "--uid-validity", str(value), folder)

    def uidvalidity(self, user: User, folder: str) -> int:
        return int(self.doveadm("-f", "flow", "mailbox", "status", "-u", user.name, "uidvalidity",
                                folder).split("=", 1)[1])

    def flags(self, user: User, folder: str, uid: int) -> set[str]:
        out = self.doveadm("-f", "flow", "fetch", "-u", user.name, "flags", "mailbox", folder, "uid", str(uid))
        return set(out.split("=", 1)[1].split()) if "=" in out else set()

    def add_flags(self, user: User, folder: str, uids: list[int], *flags: str) -> None:
        self.doveadm("flags", "add", "-u", user.name, " ".join(flags), "mailbox", folder,
                     "uid", ",".join(map(str, uids)))

    def expunge(self, user: User, folder: str, uids: list[int]) -> None:
        self.doveadm("expunge", "-u", user.name, "mailbox", folder, "uid", ",".join(map(str, uids)))

    def kick(self, user: User) -> None:
        """Drops every connection of user (the server stays up)."""
        self.doveadm("kick", user.name, ok=(0, 68))  # 68: nobody was connected

    def doveadm(self, *args: str, ok: tuple[int, ...] = (0,)) -> str:
        result = subprocess.run([self.doveadm_binary, "-c", str(self.config), *args],
                                capture_output=True, text=True, timeout=30)
        if result.returncode not in ok:
            raise RuntimeError(f"doveadm {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout.strip()


@contextmanager
def running_dovecot(**options: str) -> Iterator[Dovecot]:
    """A started Dovecot for a test fixture, removed afterwards. One that cannot start fails the test
    under CI=true (an integration test never skips silently there) and skips it elsewhere."""
    import pytest

    server = None
    try:
        server = Dovecot(**options)
        server.start()
    except (DovecotUnavailable, OSError, subprocess.CalledProcessError) as exc:
        if server is not None:
            server.cleanup()
        if os.environ.get("CI") == "true":
            pytest.fail(f"Dovecot test server did not start: {exc}")
        pytest.skip(f"Dovecot test server unavailable: {exc}")
    try:
        yield server
    finally:
        server.cleanup()
