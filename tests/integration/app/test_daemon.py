"""`claims run` (the daemon) as a real process against Dovecot and aiosmtpd: a claim appended
while it waits in IDLE is answered within seconds; SIGTERM stops it cleanly; it rides out a
restart of the IMAP server; and replies that cannot be sent wait in the outbox until the SMTP
server is back and `claims batch` (which may run beside the daemon) retries them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ledger.store import Store
from tests.e2e.mail.support import Claims, OwnDovecot, OwnSmtp, cases, wait_until, where_is, with_message_id
from tests.servers.mail import DovecotServer, SmtpSink, append, free_port

pytestmark = [pytest.mark.integration, pytest.mark.e2e, pytest.mark.timeout(120)]


def _claim(number: int) -> bytes:
    """A claim that is answered (an approved one from the corpus, else the first sample), as a
    new message each time."""
    chosen = next((c for c in cases() if c.outcomes == ("approved",)), cases()[0])
    return with_message_id(chosen.raw, f"<daemon-test-{number}-{time.time_ns()}@test.invalid>")


def _store(claims: Claims) -> Store:
    return Store.from_url(claims.database_url)


def _ready(tmp_path: Path, mailbox: str, outbox: str) -> Claims:
    claims = Claims(tmp_path / "work", mailbox, outbox, f"sqlite:///{tmp_path / 'claims.db'}")
    claims.import_placements()
    return claims


def test_a_claim_appended_while_the_daemon_idles_is_answered_within_seconds_and_sigterm_stops_it_cleanly(
    imap_account: DovecotServer, smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    claims = _ready(tmp_path, imap_account.url(), smtp_sink.url)
    with claims.start("run") as daemon:
        assert daemon.wait_for_log("imap: connected", 20), daemon.text()
        time.sleep(0.5)  # into IDLE
        appended = time.monotonic()
        append(imap_account, _claim(1))
        assert wait_until(lambda: len(smtp_sink.messages()) == 1, 10), daemon.text()
        latency = time.monotonic() - appended
        assert latency < 5, f"reply after {latency:.1f} s"
        assert wait_until(lambda: where_is(imap_account)["INBOX"] == [], 5)

        code, took = daemon.terminate(timeout=15)
        assert code == 0 and took < 12, (code, took, daemon.text()[-2000:])
        assert "stopped cleanly" in daemon.text()


def test_the_daemon_reconnects_when_the_imap_server_restarts_and_handles_mail_appended_afterwards(
    smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    with OwnDovecot() as dovecot:
        claims = _ready(tmp_path, dovecot.url(), smtp_sink.url)
        with claims.start("run") as daemon:
            append(dovecot.server, _claim(1))
            assert wait_until(lambda: len(smtp_sink.messages()) == 1, 20), daemon.text()

            dovecot.stop()  # the daemon's connection drops in the middle of IDLE
            time.sleep(4)  # longer than the source's own retries: the daemon's backoff takes over
            dovecot.start()
            append(dovecot.server, _claim(2))

            assert wait_until(lambda: len(smtp_sink.messages()) == 2, 40), daemon.text()[-3000:]
            assert daemon.proc.poll() is None
            assert "unavailable" in daemon.text() or "retrying" in daemon.text()
            assert wait_until(lambda: where_is(dovecot.server)["INBOX"] == [], 10)
            code, _ = daemon.terminate(timeout=15)
            assert code == 0, daemon.text()[-2000:]
        assert len(where_is(dovecot.server)["Processed"]) + len(where_is(dovecot.server)["Review"]) == 2


def test_replies_wait_in_the_outbox_while_smtp_is_down_and_claims_batch_beside_the_daemon_sends_them(
    imap_account: DovecotServer, tmp_path: Path
) -> None:
    smtp = OwnSmtp(tmp_path / "smtp", port=free_port())  # nothing listens on its port yet
    claims = _ready(tmp_path, imap_account.url(), smtp.url)
    store = _store(claims)
    with claims.start("run") as daemon:
        append(imap_account, _claim(1))
        assert wait_until(lambda: any(i.attempts >= 1 for i in store.outbox()), 20), daemon.text()[-3000:]
        pending = store.outbox()
        assert len(pending) == 1 and pending[0].status == "pending" and pending[0].last_error
        assert where_is(imap_account)["INBOX"] == []  # decided and filed; only the reply waits

        smtp.start()
        try:
            started = time.monotonic()
            batch = claims.run("batch", check=False, timeout=90)
            assert batch.returncode in (0, 1), batch.stderr[-2000:]
            assert time.monotonic() - started < 60, "claims batch waited for the daemon's lock"
            assert len(smtp.messages()) == 1
            assert [i.status for i in store.outbox()] == ["sent"]
        finally:
            smtp.stop()
        code, _ = daemon.terminate(timeout=15)
        assert code == 0, daemon.text()[-2000:]

