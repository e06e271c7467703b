"""Several workers on one PostgreSQL (`claims run --once --workers 2`): the corpus is decided
as one worker decides it (answers after their originals, resends as duplicates), every message
is filed once and every decision answered once. On SQLite --workers is refused."""

from __future__ import annotations

import signal
from collections import Counter
from pathlib import Path

import pytest

from tests.e2e.mail.support import AUTOMATIC, Claims, corpus_cases, have_corpus, received, where_is
from tests.e2e.mail.support import append_all as append_in_order
from tests.servers.mail import DovecotServer, SmtpSink
from tests.servers.postgres import PostgresServer

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(240),
    pytest.mark.skipif(not have_corpus(), reason="../shared/corpus is not beside the project"),
]


def test_two_workers_decide_the_corpus_as_one_does_and_answer_each_decision_once(
    imap_account: DovecotServer, smtp_sink: SmtpSink, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    cases = corpus_cases()
    append_in_order(imap_account, [case.raw for case in cases])
    name = postgres_server.create_database()
    try:
        claims = Claims(tmp_path / "work", imap_account.url("INBOX"), smtp_sink.url, postgres_server.url(name))
        claims.import_placements()
        run = claims.run("run", "--once", "--workers", "2", check=False)
        assert run.returncode == 0, run.stderr[-3000:]
        assert run.stderr.count("claims run:") == 2  # each worker's own summary line

        folders = where_is(imap_account)
        assert folders["INBOX"] == [] and folders["Failed"] == []
        filed = Counter(mid for folder in ("Processed", "Review") for mid in folders[folder])
        assert sorted(filed) == sorted(case.message_id for case in cases) and set(filed.values()) == {1}

        decisions = claims.decisions()
        by_message = claims.outcomes_by_message()
        for case in cases:
            assert by_message.get(case.message_id, []) == sorted(case.outcomes), case.name

        answered = Counter(str(reply["In-Reply-To"]) for reply in received(smtp_sink))
        assert answered == Counter(row["message_id"] for row in decisions if row["message_id"] not in AUTOMATIC)
    finally:
        postgres_server.drop_database(name)


def test_workers_on_sqlite_are_refused_with_one_line_and_nothing_is_touched(
    imap_account: DovecotServer, smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    append_in_order(imap_account, [corpus_cases()[0].raw])
    claims = Claims(tmp_path / "work", imap_account.url("INBOX"), smtp_sink.url, f"sqlite:///{tmp_path / 'claims.db'}")
    run = claims.run("run", "--once", "--workers", "2", check=False)
    assert run.returncode == 2
    assert "--workers needs PostgreSQL" in run.stderr and "Traceback" not in run.stderr
    assert len(where_is(imap_account)["INBOX"]) == 1


def test_resends_of_one_claim_taken_by_three_workers_at_once_are_paid_once(
    imap_account: DovecotServer, smtp_sink: SmtpSink, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """Three workers wait in IDLE; the copies arrive at once and land in their hands at the same
    moment. Deciding is one at a time per person, so the first approval is an earlier claim to
    the others (RULES.md DUPLICATE) and the claim is paid once."""
    from tests.e2e.mail.support import wait_until, with_message_id

    clean = next(case for case in corpus_cases() if case.outcomes == ("approved",))
    copies = [with_message_id(clean.raw, f"<resend-{n}-{clean.message_id.strip('<>')}>") for n in range(9)]
    name = postgres_server.create_database()
    try:
        claims = Claims(tmp_path / "work", imap_account.url("INBOX"), smtp_sink.url, postgres_server.url(name))
        claims.import_placements()
        workers = [claims.start("run", log=tmp_path / f"worker-{n}.log") for n in range(3)]
        try:
            assert all(w.wait_for_log("imap: connected", 30) for w in workers)
            append_in_order(imap_account, copies)
            assert wait_until(lambda: len(claims.decisions()) == len(copies), 60)
        finally:
            for worker in workers:
                worker.proc.send_signal(signal.SIGTERM)  # all at once: each stops within its wait slice
            for worker in workers:
                worker.terminate(timeout=30)
        outcomes = Counter(row["outcome"] for row in claims.decisions())
        assert outcomes["approved"] == 1 and sum(outcomes.values()) == len(copies), outcomes
    finally:
        postgres_server.drop_database(name)
