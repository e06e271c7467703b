"""The OAuth2 pieces that need no server: the token cache's renewal, the SASL strings, what a
token command may print, and the `?auth=` URLs."""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest

from mailroom.errors import ConfigError, TransientError
from mailroom.oauth2 import AccessToken, SaslExchange, TokenError, Tokens, oauthbearer, xoauth2
from mailroom.token_providers import CommandProvider, MsalProvider
from mailroom.urls import parse_mail_url

URLS = frozenset({"imap", "imaps", "smtp", "smtps"})


class CountingProvider:
    """Hands out token-1, token-2, ... each living `lifetime` seconds on the test's clock."""

    name = "counting"

    def __init__(self, clock: list[float], lifetime: float | None) -> None:
        self.clock, self.lifetime, self.asked = clock, lifetime, []

    def fetch(self, *, fresh: bool) -> AccessToken:
        self.asked.append(fresh)
        now = self.clock[0]
        return AccessToken(f"token-{len(self.asked)}", None if self.lifetime is None else now + self.lifetime, now)


def _tokens(lifetime: float | None) -> tuple[Tokens, CountingProvider, list[float]]:
    clock = [1000.0]
    provider = CountingProvider(clock, lifetime)
    return Tokens(provider, clock=lambda: clock[0]), provider, clock


def test_a_token_is_kept_until_five_minutes_before_it_expires_then_renewed() -> None:
    tokens, provider, clock = _tokens(3600)
    assert tokens.current().value == "token-1"
    clock[0] += 3600 - 301
    assert tokens.current().value == "token-1"
    clock[0] += 2  # 299 s left
    assert tokens.current().value == "token-2"
    assert provider.asked == [False, False]


def test_a_short_lived_token_is_renewed_when_a_fifth_of_its_life_is_left() -> None:
    tokens, _, clock = _tokens(10)
    tokens.current()
    clock[0] += 7.9
    assert tokens.current().value == "token-1"
    clock[0] += 0.2
    assert tokens.current().value == "token-2"


def test_a_token_without_a_lifetime_is_asked_for_again_after_five_minutes() -> None:
    tokens, _, clock = _tokens(None)
    tokens.current()
    clock[0] += 299
    assert tokens.current().value == "token-1"
    clock[0] += 2
    assert tokens.current().value == "token-2"


def test_a_refused_token_is_renewed_fresh_once_even_when_two_connections_report_it() -> None:
    tokens, provider, _ = _tokens(3600)
    refused = tokens.current()
    assert tokens.renew(refused).value == "token-2"
    assert tokens.renew(refused).value == "token-2"  # the other connection gets the new one
    assert provider.asked == [False, True]


def test_a_token_never_shows_in_a_repr() -> None:
    token = AccessToken("eyJ-very-secret", 1.0, 0.0)
    assert "eyJ" not in repr(token)
    assert "eyJ" not in repr(Tokens(CountingProvider([0.0], 1)))


def test_the_sasl_strings_are_those_of_xoauth2_and_rfc_7628() -> None:
    assert xoauth2("jc@albertslund.dk", "T") == b"user=jc@albertslund.dk\x01auth=Bearer T\x01\x01"
    assert oauthbearer("jc", "T", "imap.example", 993) == b"n,a=jc,\x01host=imap.example\x01port=993\x01auth=Bearer T\x01\x01"


@pytest.mark.parametrize(("mechanism", "answer"), [("XOAUTH2", b""), ("OAUTHBEARER", b"\x01")])
def test_an_error_challenge_gets_the_dummy_answer_and_is_kept_for_the_message(mechanism: str, answer: bytes) -> None:
    exchange = SaslExchange(mechanism, "jc", "T", "h", 1)  # type: ignore[arg-type]
    assert exchange(b"").startswith(b"user=" if mechanism == "XOAUTH2" else b"n,a=")
    error = b'{"status":"401","schemes":"bearer"}'
    assert exchange(base64.b64encode(error)) == answer  # smtplib hands the challenge on encoded
    assert exchange.challenged and '"401"' in exchange.error


def _command(tmp_path: Path, output: str, code: int = 0) -> CommandProvider:
    script = tmp_path / "token.py"
    script.write_text(f"import sys\nsys.stdout.write({output!r})\nsys.stderr.write('vault: not logged in\\n')\nsys.exit({code})\n")
    return CommandProvider(f"{sys.executable} {script}")


def test_a_command_may_print_a_bare_token_or_json_with_its_lifetime(tmp_path: Path) -> None:
    bare = _command(tmp_path, "abc.def-ghi\n").fetch(fresh=False)
    assert (bare.value, bare.expires_at) == ("abc.def-ghi", None)
    timed = _command(tmp_path, '{"access_token": "xyz", "expires_in": 3599}').fetch(fresh=False)
    assert timed.value == "xyz" and timed.expires_at is not None
    assert timed.expires_at - timed.issued_at == pytest.approx(3599)
    at = _command(tmp_path, '{"access_token": "xyz", "expires_at": 1900000000}').fetch(fresh=False)
    assert at.expires_at == 1900000000


@pytest.mark.parametrize("output", ["", "two words\n", '{"token": "x"}'])
def test_a_command_that_prints_no_token_is_a_setting_to_fix(tmp_path: Path, output: str) -> None:
    with pytest.raises(TokenError, match="CLAIMS_OAUTH2_COMMAND"):
        _command(tmp_path, output).fetch(fresh=False)


def test_a_failing_command_says_its_exit_code_and_its_last_line(tmp_path: Path) -> None:
    with pytest.raises(TokenError) as caught:
        _command(tmp_path, "", code=3).fetch(fresh=False)
    assert "exited with 3: vault: not logged in" in str(caught.value)


def test_a_command_that_hangs_is_a_transient_failure(tmp_path: Path) -> None:
    script = tmp_path / "slow.py"
    script.write_text("import time\ntime.sleep(5)\n")
    with pytest.raises(TransientError):
        CommandProvider(f"{sys.executable} {script}", timeout=0.5).fetch(fresh=False)


def test_msal_needs_a_client_and_exactly_one_credential() -> None:
    with pytest.raises(TokenError, match="CLIENT_ID"):
        MsalProvider(tenant="t", client_id="", scope="s", secret="x")
    with pytest.raises(TokenError, match="either a client secret"):
        MsalProvider(tenant="t", client_id="c", scope="s")
    with pytest.raises(TokenError, match="PEM"):
        MsalProvider(tenant="t", client_id="c", scope="s", certificate_pem=b"not a pem")
    assert MsalProvider(tenant="t", client_id="c", scope="s", secret="x").authority == "https://login.microsoftonline.com/t"


def test_an_oauth2_url_names_the_user_and_mechanism_and_never_a_token() -> None:
    url = parse_mail_url("imaps://jobcenter%40albertslund.dk@outlook.office365.com/INBOX?auth=xoauth2", allowed=URLS)
    assert (url.user, url.auth, url.tls, url.port) == ("jobcenter@albertslund.dk", "xoauth2", "implicit", 993)
    smtp = parse_mail_url("smtp://jc%40albertslund.dk@smtp.office365.com:587?auth=oauthbearer", allowed=URLS)
    assert smtp.tls == "starttls"  # a token goes encrypted to a host that is not loopback


@pytest.mark.parametrize(("url", "says"), [
    ("imap://jc@outlook.office365.com/INBOX?auth=xoauth2&tls=none", "refusing to send a token unencrypted"),
    ("imap://jc:pw@outlook.office365.com/INBOX?auth=xoauth2", "leave the password out"),
    ("imap://outlook.office365.com/INBOX?auth=xoauth2", "needs the mailbox user"),
    ("smtp://jc@smtp.office365.com:587?auth=basic", "xoauth2 or oauthbearer"),
])
def test_an_oauth2_url_that_cannot_work_is_refused_before_anything_connects(url: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        parse_mail_url(url, allowed=URLS)
