"""kill -9 at random moments, 20 times, of `claims run` and `claims run --once` while mail keeps
arriving over IMAP: no message is lost, none is decided twice, no reply is lost; a reply may be
sent twice only in the window between the SMTP server's acceptance and the outbox's "sent"
(see tests/e2e/mail/faults.py), and that count is reported and kept small."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.mail.faults import run_faults, run_worker_faults
from tests.servers.mail import DovecotServer, SmtpSink
from tests.servers.postgres import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

KILLS = 20


def test_twenty_kills_lose_no_message_decide_nothing_twice_and_lose_no_reply(
    imap_account: DovecotServer, smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    result = run_faults(imap_account, smtp_sink, tmp_path, kills=KILLS, seed=20261120, max_delay=1.0)
    print(result.summary())

    assert result.lost_messages == []
    assert result.duplicate_decisions == []
    assert result.lost_replies == []
    assert result.failed_messages == 0
    assert result.replies_sent_twice <= KILLS // 4, result.summary()  # only a kill inside the send window can do it
    assert result.seconds < 180


def test_four_workers_on_one_postgresql_killed_twenty_times_lose_nothing_and_decide_nothing_twice(
    imap_account: DovecotServer, smtp_sink: SmtpSink, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    """The database, not a local file, decides which worker handles which message and reply."""
    name = postgres_server.create_database()
    try:
        result = run_worker_faults(imap_account, smtp_sink, tmp_path, postgres_server.url(name), workers=4, kills=KILLS,
                                   seed=20261207, max_delay=1.0)  # fmt: skip
    finally:
        postgres_server.drop_database(name)
    print(result.summary())

    assert result.lost_messages == []
    assert result.duplicate_decisions == []
    assert result.lost_replies == []
    assert result.failed_messages == 0
    assert result.replies_sent_twice <= KILLS // 4, result.summary()
    assert result.seconds < 200
