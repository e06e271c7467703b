"""STARTTLS with certificate checks against real servers (issue 8, finding 5): aiosmtpd that
requires STARTTLS and offers AUTH only after it, and Dovecot with `ssl = yes`; the CA is made
in the test (tests/servers/tls.py) and trusted through the CA file setting."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailroom.errors import ConfigError
from mailroom.senders import open_sender
from mailroom.sources import open_source
from tests.integration.mailroom.messages import make_mail
from tests.servers.mail import PASSWORD, USER, DovecotServer, SaveEmlTls, SmtpSink, append, reset_account, uids
from tests.servers.tls import CertAuthority, make_ca

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
FROM = "jobcenter@albertslund.dk"


def _login_url(sink: SmtpSink, query: str = "") -> str:
    return f"smtp://{USER}:{PASSWORD}@{sink.host}:{sink.port}{query}"


def _sessions(sink: SmtpSink) -> list[tuple[bool, str | None]]:
    assert isinstance(sink.handler, SaveEmlTls)
    return sink.handler.sessions


@pytest.fixture(scope="module")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> CertAuthority:
    """A second CA that signed nothing the servers show: trusting it must not be enough."""
    return make_ca(tmp_path_factory.mktemp("other-ca"), "Someone else's CA")


# -- SMTP ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "?tls=starttls"])
def test_smtp_sends_over_starttls_and_logs_in_after_it(smtp_tls_sink: SmtpSink, test_ca: CertAuthority, query: str) -> None:
    raw = make_mail("over tls", None)
    open_sender(_login_url(smtp_tls_sink, query), ca_file=test_ca.ca_file).send(raw, "anne.thygesen@albertslund.dk", FROM)

    assert len(smtp_tls_sink.messages()) == 1
    assert _sessions(smtp_tls_sink) == [(True, USER)]  # the server saw TLS, then AUTH


@pytest.mark.parametrize("which", ["another CA", "only the system's CAs"])
def test_a_certificate_not_signed_by_a_trusted_ca_fails_clearly_and_sends_nothing(
    smtp_tls_sink: SmtpSink, other_ca: CertAuthority, which: str,
) -> None:
    sender = open_sender(_login_url(smtp_tls_sink), ca_file=other_ca.ca_file if which == "another CA" else None)
    with pytest.raises(ConfigError, match="certificate was not accepted") as caught:
        sender.send(make_mail("never", None), "anne.thygesen@albertslund.dk", FROM)

    assert PASSWORD not in str(caught.value) and "CLAIMS_TLS_CA_FILE" in str(caught.value)
    assert smtp_tls_sink.messages() == [] and _sessions(smtp_tls_sink) == []


def test_required_starttls_that_the_server_does_not_offer_sends_nothing(smtp_sink: SmtpSink) -> None:
    sender = open_sender(f"{smtp_sink.url}?tls=starttls")
    with pytest.raises(ConfigError, match="offers no STARTTLS"):
        sender.send(make_mail("never", None), "anne.thygesen@albertslund.dk", FROM)
    assert smtp_sink.messages() == []


def test_plain_loopback_smtp_without_starttls_still_works(smtp_sink: SmtpSink) -> None:
    open_sender(smtp_sink.url).send(make_mail("plain", None), "anne.thygesen@albertslund.dk", FROM)
    assert len(smtp_sink.messages()) == 1


# -- IMAP ------------------------------------------------------------------------------------


@pytest.fixture
def tls_account(dovecot_tls: DovecotServer) -> DovecotServer:
    reset_account(dovecot_tls)
    return dovecot_tls


def _tls_logins(server: DovecotServer, *, more_than: int = -1) -> list[str]:
    """Dovecot's login lines that say TLS (`%c` of login_log_format_elements); its log process
    writes them a moment after the login, so wait (bounded) for more than `more_than`."""
    deadline = time.monotonic() + 5
    while True:
        log = (server.base / "dovecot.log").read_text(errors="replace")
        lines = [line for line in log.splitlines() if "imap-login: Info: Login:" in line and ", TLS," in line]
        if len(lines) > more_than or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


@pytest.mark.parametrize("query", ["", "?tls=starttls"])
def test_imap_upgrades_by_starttls_and_checks_the_certificate(tls_account: DovecotServer, test_ca: CertAuthority,
                                                             query: str) -> None:
    append(tls_account, make_mail("over tls", None))
    before = len(_tls_logins(tls_account))
    source = open_source(tls_account.url() + query, ca_file=test_ca.ca_file)
    try:
        (mail,) = source.fetch()
    finally:
        source.close()

    assert b"Subject: over tls" in mail.raw
    assert len(_tls_logins(tls_account, more_than=before)) == before + 1  # Dovecot logged this login as over TLS


def test_imap_with_an_untrusted_certificate_fails_clearly_before_logging_in(tls_account: DovecotServer,
                                                                           other_ca: CertAuthority) -> None:
    append(tls_account, make_mail("kept", None))
    source = open_source(tls_account.url(), ca_file=other_ca.ca_file)
    with pytest.raises(ConfigError, match="certificate was not accepted") as caught:
        source.fetch()
    source.close()
    assert PASSWORD not in str(caught.value)
    assert len(uids(tls_account)) == 1


def test_imap_required_starttls_that_the_server_does_not_offer_fails_before_logging_in(imap_account: DovecotServer) -> None:
    source = open_source(imap_account.url() + "?tls=starttls")
    with pytest.raises(ConfigError, match="offers no STARTTLS") as caught:
        source.fetch()
    source.close()
    assert PASSWORD not in str(caught.value)


# -- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize("setting", ["CLAIMS_OUTBOX", "CLAIMS_MAILBOX"])
def test_claims_run_refuses_a_plaintext_password_to_another_host_in_one_line(tmp_path: Path, setting: str) -> None:
    url = {"CLAIMS_OUTBOX": "smtp://mailer:hunter2@smtp.albertslund.dk:25?tls=none",
           "CLAIMS_MAILBOX": "imap://jobcenter:hunter2@imap.albertslund.dk:143/INBOX?tls=none"}[setting]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMS_DATABASE_URL": f"sqlite:///{tmp_path / 'claims.db'}",
           "CLAIMS_MAILBOX": f"maildir://{tmp_path / 'maildir'}", "CLAIMS_OUTBOX": f"dir://{tmp_path / 'outbox'}", setting: url}
    done = subprocess.run([sys.executable, "-m", "app.cli", "run", "--once"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)

    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "refusing to send a password unencrypted" in lines[0], done.stderr
    assert "hunter2" not in done.stderr
