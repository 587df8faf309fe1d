"""The error boundary: one clear line per problem, non-zero exit, no traceback, no secret."""

import email
import email.policy
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # every test runs run.py in a subprocess
ROOT = Path(__file__).resolve().parents[2]


def run(*args, env=None, cwd=None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("ASSISTANT_CONFIG", None)
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=120)


def write_settings(tmp_path, mailbox_lines, extra=""):
    f = tmp_path / "settings.toml"
    f.write_text('[owner]\nname = "Pat"\nemail = "pat@example.com"\n[mailbox]\n' + mailbox_lines +
                 f'\n[store]\npath = "{tmp_path}/state/state.json"\n' + extra)
    return f


def test_bad_settings_list_every_problem_without_traceback(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text('[owner]\nemail = "nope"\n[mailbox]\nurl = "ftp://x"\ntimeout = "long"\n')
    proc = run("--config", str(f), "sync")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr
    assert any("[owner] name is missing" in ln for ln in lines)
    assert any("[owner] email" in ln for ln in lines)
    assert any("[mailbox] url" in ln for ln in lines)
    assert any("[mailbox] timeout" in ln for ln in lines)
    assert all(ln.startswith("error: ") for ln in lines)


def test_missing_settings_file_names_it(tmp_path):
    proc = run("--config", str(tmp_path / "absent.toml"), "sync")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: settings file {tmp_path / 'absent.toml'} not found " \
                                  "(use --config PATH or $ASSISTANT_CONFIG)"


def test_unreadable_mailbox_path_is_one_line(tmp_path):
    f = write_settings(tmp_path, f'url = "maildir://{tmp_path}/NoSuchMaildir"')
    proc = run("--config", str(f), "sync")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "NoSuchMaildir" in proc.stderr.strip().splitlines()[-1]


def test_unreachable_server_is_one_line_and_no_secret(tmp_path):
    f = write_settings(tmp_path, 'url = "imap://pat@127.0.0.1:9"\n'
                                 'password_command = ["sh", "-c", "echo s3cr3t-hint >&2; exit 4"]')
    proc = run("--config", str(f), "sync")
    assert proc.returncode == 1
    assert "s3cr3t" not in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr


def test_unknown_keys_are_warned_about(tmp_path):
    f = write_settings(tmp_path, f'url = "maildir://{tmp_path}/Mail"\ntimeuot = 5')
    (tmp_path / "Mail" / "cur").mkdir(parents=True)
    (tmp_path / "Mail" / "new").mkdir()
    proc = run("--config", str(f), "sync")
    assert "unknown key [mailbox] timeuot" in proc.stderr
    assert proc.returncode == 0, proc.stderr


def test_inspect_needs_no_settings_and_prints_json_lines(tmp_path):
    good = tmp_path / "a.eml"
    good.write_bytes(b"From: Lena <lena@kestrel.example>\nTo: pat@example.com\nSubject: Hi\n"
                     b"Date: Tue, 10 Nov 2026 09:00:00 -0800\nMessage-ID: <a@b>\n\nHello Pat!\n")
    junk = tmp_path / "b.eml"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n binary")
    proc = run("inspect", "--json", str(good), str(junk), str(tmp_path / "missing.eml"), cwd=tmp_path)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["ok"] for r in rows] == [True, False, False]
    assert rows[0]["from"] == {"name": "Lena", "email": "lena@kestrel.example"}
    assert rows[0]["kind"] == "personal" and rows[0]["reply_text"].strip() == "Hello Pat!"
    assert rows[0]["date"] == "2026-11-10T17:00:00+00:00"
    assert all("\n" not in r.get("error", "") for r in rows)
    assert proc.returncode == 1  # one file could not be read at all


def test_demo_runs_on_the_bundled_sample_without_settings(tmp_path):
    proc = run("demo", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Sample mailbox of Alex Morgan" in proc.stdout
    assert "Upcoming events" in proc.stdout
    assert (tmp_path / "outbox" / "digest-2026-11-25.eml").exists()
    assert (tmp_path / "outbox" / "digest-2026-11-25.html").exists()
    # times in the sample owner's zone (Portland), not UTC: the gala at 6 PM local, not 02:00
    assert "times in America/Los_Angeles" in proc.stdout and "2026-12-05 18:00  Winter Gala" in proc.stdout
    # next steps that work without a synced state: open the HTML, init, sync
    steps = proc.stdout.split("Next steps:")[1]
    assert "outbox/digest-2026-11-25.html" in steps and "python run.py init" in steps
    assert "python run.py sync" in steps
    commands = [line.split()[2] for line in steps.splitlines() if line.strip().startswith("python run.py")]
    assert commands == ["init", "sync", "contacts"]  # none needs more than the step before it


def test_contacts_after_a_sync_of_the_sample_maildir(tmp_path):
    sample = ROOT / "assistant" / "sample" / "Maildir"
    f = tmp_path / "s.toml"
    f.write_text('[owner]\nname = "Alex Morgan"\nemail = "alex@morgan-advisory.example"\n'
                 'aliases = ["alex.morgan@mail.example"]\n'
                 f'[mailbox]\nurl = "maildir://{sample}"\n[store]\npath = "{tmp_path}/state.json"\n')
    assert run("--config", str(f), "contacts").returncode == 2, "no state yet: says to sync first"
    assert run("--config", str(f), "sync").returncode == 0
    proc = run("--config", str(f), "contacts", "--json", "--now", "2026-11-25T17:00:00+00:00")
    assert proc.returncode == 0, proc.stderr
    people = json.loads(proc.stdout)
    required = {"email", "emails", "name", "organization", "title", "roles", "topics", "strength", "sent",
                "received", "last_contact", "asks", "offers", "news", "helped"}
    assert people and all(required <= set(p) for p in people)
    emails = {e for p in people for e in p["emails"]}
    assert "alex@morgan-advisory.example" not in emails and "alex.morgan@mail.example" not in emails
    assert not any(e.startswith(("noreply@", "newsletters@", "notifications@")) for e in emails)
    for person in people:
        for item in person["asks"] + person["offers"] + person["news"] + person["helped"]:
            assert {"text", "date", "message_id"} <= set(item)
    explain = run("--config", str(f), "contacts", "--person", people[0]["email"], "--now", "2026-11-25T17:00:00")
    assert explain.returncode == 0 and "Strength" in explain.stdout and "Addresses:" in explain.stdout
    # seen and set aside: explained, not an error (a real user read exit 2 as "bad settings")
    stranger = run("--config", str(f), "contacts", "--person", "newsletters@pdxledger.example")
    assert stranger.returncode == 0 and "is not a contact: " in stranger.stdout and not stranger.stderr
    as_json = run("--config", str(f), "contacts", "--person", "newsletters@pdxledger.example", "--json")
    assert json.loads(as_json.stdout)["contact"] is False and json.loads(as_json.stdout)["set_aside"]
    unknown = run("--config", str(f), "contacts", "--person", "nobody@nowhere.example")
    assert unknown.returncode == 2 and "never seen in the mail" in unknown.stderr


def test_digest_formats_and_the_demo_outbox(tmp_path):
    sample = ROOT / "assistant" / "sample" / "Maildir"
    f = tmp_path / "s.toml"
    f.write_text('[owner]\nname = "Alex Morgan"\nemail = "alex@morgan-advisory.example"\n'
                 'aliases = ["alex.morgan@mail.example"]\n'
                 f'[mailbox]\nurl = "maildir://{sample}"\n[store]\npath = "{tmp_path}/state.json"\n'
                 '[digest]\ntimezone = "America/Los_Angeles"\n')
    assert run("--config", str(f), "sync").returncode == 0
    now = "2026-11-25T17:00:00+00:00"
    text = run("--config", str(f), "digest", "--now", now)
    assert text.returncode == 0, text.stderr
    assert "Reply to act: send" in text.stdout and "== Introductions ==" in text.stdout
    again = run("--config", str(f), "digest", "--json", "--now", now)
    twice = run("--config", str(f), "digest", "--json", "--now", now)
    assert json.loads(again.stdout) == json.loads(twice.stdout), "--now makes the digest reproducible"
    eml, html = tmp_path / "d.eml", tmp_path / "d.html"
    assert run("--config", str(f), "digest", "--eml", str(eml), "--now", now).returncode == 0
    assert run("--config", str(f), "digest", "--html", str(html), "--now", now).returncode == 0
    parsed = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["alex@morgan-advisory.example"]
    assert "<script" not in html.read_text().lower()
    bad = run("--config", str(f), "digest", "--now", "next tuesday")
    assert bad.returncode == 2 and "--now" in bad.stderr


def test_daemon_refuses_to_start_without_smtp(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text(f'[owner]\nname = "A"\nemail = "a@example.com"\n[mailbox]\nurl = "maildir://{tmp_path}/M"\n'
                 f'[store]\npath = "{tmp_path}/s.json"\n')
    proc = run("--config", str(f), "daemon")
    assert proc.returncode == 2 and "[smtp] url is not set" in proc.stderr


def test_a_failing_daemon_job_backs_off_instead_of_retrying_every_minute():
    from assistant.jobs.service import guarded

    now = [0.0]
    calls = []

    def job():
        calls.append(now[0])
        raise RuntimeError("server down")

    tick = guarded("sync", job, clock=lambda: now[0])
    for minute in range(10):
        now[0] = minute * 60.0
        tick()
    assert calls == [0.0, 60.0, 180.0, 420.0]  # after 1, 2, 4 minutes


def test_global_options_work_after_the_command_too(tmp_path):
    from assistant.cli import build_parser

    args = build_parser().parse_args(["sync", "--config", str(tmp_path / "s.toml"), "--quiet"])
    assert args.config == tmp_path / "s.toml" and args.quiet
    args = build_parser().parse_args(["--config", str(tmp_path / "a.toml"), "contacts", "--debug"])
    assert args.config == tmp_path / "a.toml" and args.debug


def test_an_old_python_gets_one_clear_line(tmp_path):
    script = (ROOT / "run.py").read_text().replace("(3, 11)", "(99, 0)")
    fake = tmp_path / "run.py"
    fake.write_text(script)
    proc = subprocess.run([sys.executable, str(fake), "demo"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "needs Python 3.11 or newer" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(("url", "fix"), [
    ("imap://a@mail.example.com:993", "imaps://USER@mail.example.com:993"),
    ("imaps://a@mail.example.com:143", "imap://USER@mail.example.com:143"),
])
def test_a_tls_port_under_the_wrong_scheme_is_named_with_the_fix(url, fix):
    from assistant.config import parse_settings
    from assistant.errors import UserError

    with pytest.raises(UserError) as caught:
        parse_settings({"owner": {"name": "A", "email": "a@x.example"}, "mailbox": {"url": url}})
    assert fix in str(caught.value)


def test_a_refused_login_names_where_the_password_came_from():
    from assistant.mailbox.passwords import password_source, source_of

    assert "ASSISTANT_MAILBOX_PASSWORD" in source_of(password_source((), "ASSISTANT_MAILBOX_PASSWORD", 5, {}))
    assert "password_command (pass)" in source_of(password_source(("pass", "show", "x"), "X", 5, {}))


def test_the_progress_bar_shows_the_rate_and_the_time_left(monkeypatch):
    from assistant.jobs import commands

    now = [100.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: now[0])
    shown = io.StringIO()
    monkeypatch.setattr(commands.sys, "stderr", shown)
    bar = commands._progress(interactive=True)
    bar("INBOX", 0, 3000)
    now[0] = 110.0
    bar("INBOX", 500, 3000)  # 500 in 10 s: 50/s, 2,500 to go: 50 s
    now[0] = 160.0
    bar("INBOX", 3000, 3000)
    frames = shown.getvalue().split("\r")
    assert "500/3000 50/s, 50s left" in frames[2]
    assert frames[3].startswith("INBOX") and "3000/3000" in frames[3] and "left" not in frames[3]
    assert all(len(f.replace("\033[K", "").rstrip("\n")) <= 80 for f in frames)


def test_the_contacts_table_fits_80_columns():
    from assistant.jobs.commands import SAMPLE_NOW, demo

    out = io.StringIO()
    demo(now=SAMPLE_NOW, out=out, outbox=Path(tempfile.mkdtemp()))
    table = out.getvalue().split("strongest first:\n")[1].split("\n\n")[0]
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "times in America/Los_Angeles" in out.getvalue() and "python run.py init" in out.getvalue()


@pytest.mark.slow
def test_the_assistant_console_command_is_declared_and_installed():
    """pyproject declares `assistant` as cli.console; the install line (and .ci/run) puts it in the venv."""
    import os
    import shutil
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    from assistant import cli

    root = Path(__file__).resolve().parents[2]
    target = tomllib.loads((root / "pyproject.toml").read_text())["project"]["scripts"]["assistant"]
    module, _, function = target.partition(":")
    assert module == "assistant.cli" and callable(getattr(cli, function))
    assert "pip install --no-deps -e ." in (root / "README.md").read_text()
    command = shutil.which("assistant", path=str(Path(sys.executable).parent))
    if command is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the `assistant` command is not installed in the venv (.ci/run installs it)")
        pytest.skip("the `assistant` command is not installed here (pip install --no-deps -e .)")
    proc = subprocess.run([command, "status", "--config", "/nonexistent/settings.toml"], capture_output=True,
                          text=True, timeout=60, cwd="/")
    assert proc.returncode == 2 and "settings file /nonexistent/settings.toml not found" in proc.stderr
    assert "usage: assistant" in subprocess.run([command, "nonsense"], capture_output=True, text=True,
                                                 timeout=60).stderr


def test_the_contacts_summary_counts_in_good_english():
    # a probe mailbox's footer read "1 open asks, 0 offers, 1 pieces of news"
    from assistant.network.views import table

    from .test_suggest_support import NOW, ask, item, network, person

    one = network(person("Drew Fossum", asks=[ask("a speaker")], news=[item("news", "new role")]))
    summary = " ".join(table(one, NOW).split("\n\n")[-1].split())
    assert "1 person (0 weak ties" in summary and "0 addresses set aside" in summary
    assert "1 open ask, 0 offers, 1 piece of news" in summary
