"""Settings: the three required sections suffice; every problem is reported at once."""

from pathlib import Path

import pytest

from assistant.config import DEFAULT_PASSWORD_ENV, load_settings, parse_settings
from assistant.errors import UserError

MINIMAL = {
    "owner": {"name": "Alex Morgan", "email": "Alex@Example.com", "aliases": ["alex.morgan@gmail.com"]},
    "mailbox": {"url": "imaps://alex@imap.example.com:993"},
    "store": {"path": "~/.local/share/assistant/state.json"},
}


def test_minimal_file_gets_sensible_defaults():
    s = parse_settings(MINIMAL)
    assert s.owner.email == "alex@example.com"
    assert s.owner.identities == {"alex@example.com", "alex.morgan@gmail.com"}
    m = s.mailbox
    assert (m.scheme, m.host, m.port, m.username) == ("imaps", "imap.example.com", 993, "alex")
    assert m.password_env == DEFAULT_PASSWORD_ENV and m.password_command == ()
    assert m.timeout == 30 and m.batch_size == 500 and m.size_cap == 5_000_000
    assert s.store.path == Path.home() / ".local/share/assistant/state.json"
    assert s.warnings == ()


@pytest.mark.parametrize("url, scheme, host, port, path", [
    ("imap://bob@mail.example.org", "imap", "mail.example.org", 143, ""),
    ("imaps://bob%40corp.com@outlook.office365.com", "imaps", "outlook.office365.com", 993, ""),
    ("maildir:///home/bob/Maildir", "maildir", "", 0, "/home/bob/Maildir"),
    ("mbox:///data/takeout/All%20mail.mbox", "mbox", "", 0, "/data/takeout/All mail.mbox"),
])
def test_mailbox_urls(url, scheme, host, port, path):
    m = parse_settings({**MINIMAL, "mailbox": {"url": url}}).mailbox
    assert (m.scheme, m.host, m.port, m.path) == (scheme, host, port, path)


def test_every_problem_is_reported_at_once_naming_section_and_key():
    bad = {
        "owner": {"name": "A", "email": "not-an-address", "aliases": ["ok@example.com", 5]},
        "mailbox": {"url": "imaps://imap.example.com", "timeout": "soon", "folders": "Archive",
                    "password_command": "pass show mail"},
        "store": {"path": 3},
    }
    with pytest.raises(UserError) as err:
        parse_settings(bad)
    problems = "\n".join(err.value.problems)
    for expected in ("[owner] email", "[owner] aliases", "[mailbox] url", "names no user",
                     "[mailbox] timeout", "[mailbox] folders", "[mailbox] password_command", "[store] path"):
        assert expected in problems
    assert len(err.value.problems) == 7


def test_password_in_url_is_refused_without_echoing_it():
    with pytest.raises(UserError) as err:
        parse_settings({**MINIMAL, "mailbox": {"url": "imaps://alex:hunter2@imap.example.com"}})
    assert "hunter2" not in str(err.value)
    assert "password" in str(err.value)


def test_unknown_keys_and_sections_are_warnings():
    s = parse_settings({**MINIMAL, "mailbx": {}, "owner": {**MINIMAL["owner"], "nmae": "x"}})
    assert any("[mailbx]" in w for w in s.warnings)
    assert any("[owner] nmae" in w for w in s.warnings)


def test_missing_sections_are_named():
    with pytest.raises(UserError) as err:
        parse_settings({"store": {}})
    assert "[owner] section is missing" in err.value.problems
    assert "[mailbox] section is missing" in err.value.problems


def test_unsupported_scheme():
    with pytest.raises(UserError, match=r"\[mailbox\] url must start with"):
        parse_settings({**MINIMAL, "mailbox": {"url": "pop3://x@y.com"}})


def test_file_errors_name_the_file(tmp_path):
    with pytest.raises(UserError, match="not found"):
        load_settings(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[owner\nname=")
    with pytest.raises(UserError, match="broken.toml is not valid TOML"):
        load_settings(broken)


def test_relative_paths_resolve_against_the_settings_file(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text('[owner]\nname="A"\nemail="a@example.com"\n[mailbox]\nurl="maildir://Mail"\n'
                 '[store]\npath="state/state.json"\n')
    s = load_settings(f)
    assert s.store.path == tmp_path / "state/state.json"
    assert s.mailbox.path == str(tmp_path / "Mail")


def test_the_shipped_example_settings_file_is_valid():
    s = load_settings(Path(__file__).resolve().parents[2] / "settings.toml")
    assert s.warnings == ()


@pytest.mark.parametrize("url", ["imaps://alex:hunter2@imap.example.com:99999", "//alex:hunter2@imap.example.com",
                                 "imaps://alex:hunter2@imap.example.com", "smtp://alex:hunter2@[::1"])
@pytest.mark.parametrize("section", ["mailbox", "smtp"])
def test_a_password_in_any_url_is_never_echoed(url, section):
    data = {**MINIMAL, section: {"url": url}}
    with pytest.raises(UserError) as err:
        parse_settings(data)
    assert "hunter2" not in str(err.value)


def _with_oauth2(oauth2, mailbox=None, smtp=None):
    data = {**MINIMAL, "mailbox": {"url": "imaps://alex@outlook.office365.com", "oauth2": oauth2, **(mailbox or {})}}
    if smtp is not None:
        data["smtp"] = smtp
    return parse_settings(data)


def test_oauth2_providers_fill_in_their_endpoints_and_the_tenant():
    s = _with_oauth2({"provider": "microsoft", "client_id": "abc", "tenant": "contoso.onmicrosoft.com"},
                     smtp={"url": "smtp://alex@smtp.office365.com:587", "oauth2": True})
    auth = s.mailbox.oauth2
    assert auth is not None and auth.client_id == "abc" and auth.client_secret_command == ()
    assert auth.device_url == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"
    assert "IMAP.AccessAsUser.All" in auth.scope and "SMTP.Send" in auth.scope and "offline_access" in auth.scope
    assert s.smtp.oauth2
    google = _with_oauth2({"provider": "google", "client_id": "x.apps.googleusercontent.com",
                           "client_secret_command": ["pass", "show", "google/client"]}).mailbox.oauth2
    assert google is not None and google.device_url == "" and google.scope == "https://mail.google.com/"
    assert google.client_secret_command == ("pass", "show", "google/client")


@pytest.mark.parametrize("oauth2, mailbox, smtp, problem", [
    ({"provider": "yahoo", "client_id": "a"}, None, None, "oauth2.provider must be one of"),
    ({"provider": "google"}, None, None, "[mailbox] oauth2.client_id is missing"),
    ({"provider": "google", "client_id": "a"}, {"password_command": ["pass", "x"]}, None, "without a password"),
    ({"provider": "custom", "client_id": "a", "token_url": "https://id.example/token"}, None, None,
     "custom provider needs"),
    ({"provider": "custom", "client_id": "a", "token_url": "http://id.example/token", "scope": "mail",
      "device_url": "https://id.example/device"}, None, None, "oauth2.token_url must be an https:// URL"),
    ({"provider": "google", "client_id": "a", "secret": "x"}, None, None, "unknown key 'secret'"),
    ({"provider": "google", "client_id": "a"}, {"url": "maildir:///tmp/Maildir"}, None, "oauth2 is for IMAP"),
    ("google", None, None, "oauth2 must be a table"),
])
def test_oauth2_settings_problems_are_named(oauth2, mailbox, smtp, problem):
    with pytest.raises(UserError) as error:
        _with_oauth2(oauth2, mailbox, smtp)
    assert problem in str(error.value)


def test_smtp_oauth2_needs_the_mailbox_sign_in():
    with pytest.raises(UserError, match=r"\[smtp\] oauth2 = true signs in with the \[mailbox\] oauth2 tokens"):
        parse_settings({**MINIMAL, "smtp": {"url": "smtps://alex@smtp.example.com", "oauth2": True}})


@pytest.mark.parametrize("llm, problem", [
    ({"url": "https://api.example.com/v1", "model": "m"}, "points off this machine (api.example.com)"),
    ({"url": "http://127.0.0.1:11434/v1"}, "[llm] model is missing"),
    ({"url": "ftp://127.0.0.1/v1", "model": "m"}, "must be an http:// or https:// URL"),
    ({"url": "http://me:pw@127.0.0.1/v1", "model": "m"}, "must not contain a user or password"),
    ({"url": "http://127.0.0.1/v1", "model": "m", "max_calls": 5000}, "max_calls must be between 0 and 1000"),
    ({"url": "http://127.0.0.1/v1", "model": "m", "api_key_env": "not a name"}, "not an environment variable"),
])
def test_llm_settings_problems_are_named(llm, problem):
    with pytest.raises(UserError) as error:
        parse_settings({**MINIMAL, "llm": llm})
    assert problem in str(error.value) and "pw" not in str(error.value)


def test_llm_is_off_by_default_and_remote_only_when_allowed():
    assert not parse_settings(MINIMAL).llm.on
    llm = parse_settings({**MINIMAL, "llm": {"url": "https://api.example.com/v1", "model": "m",
                                             "allow_remote": True}}).llm
    assert llm.on and llm.allow_remote and llm.max_calls == 50
