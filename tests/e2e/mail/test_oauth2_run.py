"""`claims run` with Microsoft-365-style logins, as a process: IMAP and SMTP with OAuth2 tokens
from MSAL (client secret from a file) or a command, against Dovecot's oauth2 passdb and aiosmtpd
checking XOAUTH2 (tests/servers/oauth2.py). A wrong credential stops the run with one line and
exit 2 before any message is touched; a daemon outlives its tokens without losing or repeating
work."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.e2e.mail.support import Case, Claims, append_all, corpus_cases, have_corpus, received, wait_until, where_is
from tests.servers.mail import USER, DovecotServer, SmtpSink, uids
from tests.servers.oauth2 import (
    SCOPE,
    SECRET,
    SECRET_CLIENT,
    TENANT,
    IdentityProvider,
    SaveEmlOAuth2,
    oauth2_url,
    smtp_oauth2_url,
)
from tests.servers.tls import CertAuthority

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(240),
    pytest.mark.skipif(not have_corpus(), reason="../shared/corpus is not beside the project"),
]


def _claims(tmp_path: Path, server: DovecotServer, sink: SmtpSink, idp: IdentityProvider, ca: CertAuthority,
            database_url: str, secret: str = SECRET, **extra: str) -> Claims:
    secret_file = tmp_path / "client-secret"
    secret_file.write_text(secret + "\n")
    env = {
        "CLAIMS_OAUTH2_PROVIDER": "msal", "CLAIMS_OAUTH2_TENANT": TENANT, "CLAIMS_OAUTH2_CLIENT_ID": SECRET_CLIENT,
        "CLAIMS_OAUTH2_CLIENT_SECRET_FILE": str(secret_file), "CLAIMS_OAUTH2_AUTHORITY": idp.authority,
        "CLAIMS_OAUTH2_SCOPE": SCOPE, "CLAIMS_TLS_CA_FILE": str(ca.ca_file), **extra,
    }
    claims = Claims(tmp_path / "work", oauth2_url(server), smtp_oauth2_url(sink), database_url, extra=env)
    claims.import_placements()
    return claims


def _simple_cases(count: int) -> list[Case]:
    """Claims that stand alone (no answer to an earlier mail), each decided and answered."""
    def alone(case: Case) -> bool:
        head = case.raw.split(b"\r\n\r\n", 1)[0].lower()
        return b"\nin-reply-to:" not in head and b"\nreferences:" not in head
    return [case for case in corpus_cases() if case.outcomes and alone(case)][:count]


def test_run_once_reads_and_answers_with_oauth2_tokens(
    oauth2_account: DovecotServer, smtp_oauth2_sink: SmtpSink, idp: IdentityProvider, test_ca: CertAuthority,
    database_url: str, tmp_path: Path,
) -> None:
    cases = _simple_cases(3)
    append_all(oauth2_account, [case.raw for case in cases])
    claims = _claims(tmp_path, oauth2_account, smtp_oauth2_sink, idp, test_ca, database_url)

    done = claims.run("run", "--once")

    assert "0 failed" in done.stderr, done.stderr[-2000:]
    assert where_is(oauth2_account)["INBOX"] == []
    assert sorted(claims.outcomes_by_message()) == sorted(case.message_id for case in cases)
    replies = received(smtp_oauth2_sink)
    assert len(replies) == len(claims.decisions()) >= 3
    handler = smtp_oauth2_sink.handler
    assert isinstance(handler, SaveEmlOAuth2)
    assert handler.logins and all(login == ("XOAUTH2", USER, True) for login in handler.logins)
    assert idp.checked and all(live for _, live in idp.checked)  # Dovecot's introspection said yes
    assert len(idp.issued) == 1  # one token, shared by the mailbox and the outbox
    assert SECRET not in done.stderr and not any(token in done.stderr for _, token in idp.issued)


@pytest.mark.parametrize("wrong", ["secret", "token"])
def test_a_wrong_secret_or_token_is_one_line_exit_2_and_no_message_is_touched(
    oauth2_account: DovecotServer, smtp_oauth2_sink: SmtpSink, idp: IdentityProvider, test_ca: CertAuthority,
    database_url: str, tmp_path: Path, wrong: str,
) -> None:
    cases = _simple_cases(2)
    append_all(oauth2_account, [case.raw for case in cases])
    before = uids(oauth2_account, "INBOX", "UNSEEN")
    if wrong == "secret":
        claims = _claims(tmp_path, oauth2_account, smtp_oauth2_sink, idp, test_ca, database_url, secret="wrong-secret")
        says = "refused the client credentials (invalid_client"
    else:
        script = tmp_path / "token.py"
        script.write_text("print('eyJ-not-a-token-of-this-tenant')\n")
        claims = _claims(tmp_path, oauth2_account, smtp_oauth2_sink, idp, test_ca, database_url,
                         CLAIMS_OAUTH2_PROVIDER="command", CLAIMS_OAUTH2_COMMAND=f"{sys.executable} {script}")
        says = "refused the OAuth2 token for 'jobcenter' (XOAUTH2)"

    done = claims.run("run", "--once", check=False)

    assert done.returncode == 2, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("claims:")]
    assert len(errors) == 1 and says in errors[0], done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "wrong-secret" not in done.stderr and "eyJ-not" not in done.stderr
    assert uids(oauth2_account, "INBOX", "UNSEEN") == before  # all there, none read
    assert claims.decisions() == [] and smtp_oauth2_sink.messages() == []


def test_the_daemon_outlives_its_tokens_without_losing_or_repeating_work(
    oauth2_account: DovecotServer, smtp_oauth2_sink: SmtpSink, idp: IdentityProvider, test_ca: CertAuthority,
    database_url: str, tmp_path: Path,
) -> None:
    idp.lifetime = 4.0  # each token is renewed 0.8 s before it runs out
    first, second = _simple_cases(2)
    claims = _claims(tmp_path, oauth2_account, smtp_oauth2_sink, idp, test_ca, database_url)
    daemon = claims.start("run")
    try:
        append_all(oauth2_account, [first.raw])
        assert wait_until(lambda: len(smtp_oauth2_sink.messages()) >= 1, 60), daemon.text()[-3000:]
        # IDLE for more than two token lifetimes; the connection is opened anew before each runs out
        assert daemon.wait_for_log("runs out; connecting anew", 30, count=2), daemon.text()[-3000:]
        append_all(oauth2_account, [second.raw])
        assert wait_until(lambda: len(smtp_oauth2_sink.messages()) >= 2, 60), daemon.text()[-3000:]
    finally:
        code, _ = daemon.terminate()
    assert code == 0, daemon.text()[-3000:]
    assert sorted(claims.outcomes_by_message()) == sorted([first.message_id, second.message_id])
    assert len(claims.decisions()) == len(first.outcomes) + len(second.outcomes)  # decided once each
    assert len(smtp_oauth2_sink.messages()) == len(claims.decisions())  # answered once each
    assert where_is(oauth2_account)["INBOX"] == []
    assert len(idp.issued) >= 3 and all(live for _, live in idp.checked)  # renewed, never sent stale


def test_status_logs_in_with_the_token_and_says_when_the_token_is_refused(
    oauth2_account: DovecotServer, smtp_oauth2_sink: SmtpSink, idp: IdentityProvider, test_ca: CertAuthority,
    database_url: str, tmp_path: Path,
) -> None:
    append_all(oauth2_account, [_simple_cases(1)[0].raw])
    claims = _claims(tmp_path, oauth2_account, smtp_oauth2_sink, idp, test_ca, database_url)
    healthy = claims.run("status", "--json", check=False)
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr[-2000:]
    assert json.loads(healthy.stdout)["mailbox"]["waiting"] == 1  # listed over XOAUTH2, nothing moved

    script = tmp_path / "token.py"
    script.write_text("print('eyJ-revoked')\n")
    refused = claims.run("status", "--json", check=False, CLAIMS_OAUTH2_PROVIDER="command",
                         CLAIMS_OAUTH2_COMMAND=f"{sys.executable} {script}")
    assert refused.returncode == 1, refused.stdout + refused.stderr[-2000:]
    document = json.loads(refused.stdout)
    assert document["needs_person"] is True
    [reason] = [r for r in document["reasons"] if r["code"] == "MAILBOX_UNREACHABLE"]
    assert "refused the OAuth2 token" in reason["text"] and "eyJ-revoked" not in refused.stdout + refused.stderr
    assert uids(oauth2_account, "INBOX", "UNSEEN") == uids(oauth2_account)  # still unread
