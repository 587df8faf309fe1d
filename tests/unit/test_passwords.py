"""Passwords come from a command or the environment; failures never echo what the command printed."""

import pytest

from assistant.errors import CommandError
from assistant.mailbox.passwords import password_source


def test_first_line_of_the_command_output():
    fetch = password_source(("printf", "s3cret\\nsecond line\\n"), "UNUSED", 5, {})
    assert fetch() == "s3cret"


def test_command_runs_once_and_is_cached(tmp_path):
    counter = tmp_path / "n"
    fetch = password_source(("sh", "-c", f"echo x >> {counter}; echo pw"), "UNUSED", 5, {})
    assert fetch() == fetch() == "pw"
    assert counter.read_text().count("x") == 1


def test_environment_variable_when_no_command():
    assert password_source((), "MY_PW", 5, {"MY_PW": "from-env"})() == "from-env"


@pytest.mark.parametrize("command, env, message", [
    (("sh", "-c", "echo leaked-hint >&2; exit 3"), {}, "failed with exit status 3"),
    (("sh", "-c", "sleep 5"), {}, "did not finish within 0.5 s"),
    (("/nonexistent/pass",), {}, "not found"),
    (("true",), {}, "printed no password"),
    ((), {}, "no password: set password_command, or the environment variable MY_PW"),
])
def test_failures_are_one_clear_line(command, env, message):
    with pytest.raises(CommandError) as err:
        password_source(command, "MY_PW", 0.5, env)()
    assert message in str(err.value)
    assert "leaked-hint" not in str(err.value)
