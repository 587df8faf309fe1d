"""The integration tests' Dovecot fixture: a server that cannot start fails the test under CI=true
(never a silent skip there) and skips it elsewhere."""

import pytest

from tests.integration import dovecot


class _Broken:
    def __init__(self, **_options: str) -> None:
        self.cleaned = False

    def start(self) -> None:
        raise dovecot.DovecotUnavailable("no dovecot binary")

    def cleanup(self) -> None:
        self.cleaned = True


def _enter() -> None:
    with dovecot.running_dovecot():
        pass


def test_under_ci_a_server_that_cannot_start_fails_the_test(monkeypatch):
    monkeypatch.setattr(dovecot, "Dovecot", _Broken)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="did not start: no dovecot binary"):
        _enter()


def test_elsewhere_it_skips_the_test(monkeypatch):
    monkeypatch.setattr(dovecot, "Dovecot", _Broken)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="unavailable: no dovecot binary"):
        _enter()
