"""The server fixtures themselves: a missing server skips here but fails under CI."""

from __future__ import annotations

import pytest

from tests.servers.mail import unavailable


def test_a_missing_server_fails_loudly_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        unavailable("Dovecot is not installed")


def test_a_missing_server_skips_with_its_reason_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Dovecot is not installed"):
        unavailable("Dovecot is not installed")
