"""What an operator does with a message in Failed (docs/operations.md): fix the cause, then move
the message back to INBOX; the next run tries it again and decides it, once. A message that was
decided is never decided again, wherever it is moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import bootstrap
from app.cli_ledger import read_placements
from app.pipeline import run_once
from app.settings import Settings
from claims.model import ParsedMessage
from tests.e2e.mail.support import cases, placements_csv, where_is
from tests.servers.mail import DovecotServer, SmtpSink, append, imap

pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.timeout(120)]


def _broken(raw: bytes, _limit: int) -> ParsedMessage:
    raise RuntimeError("a parser bug")


def _move(server: DovecotServer, source: str, target: str) -> None:
    with imap(server) as client:
        client.select(source)
        typ, data = client.uid("MOVE", "1:*", target)
        assert typ == "OK", data


def test_a_failed_message_moved_back_to_inbox_after_the_fix_is_decided_once(
    imap_account: DovecotServer, smtp_sink: SmtpSink, tmp_path: Path
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'claims.db'}", mailbox=imap_account.url(),
                        outbox=smtp_sink.url, today="2026-11-20")  # type: ignore[arg-type]
    services = bootstrap(settings)
    versions, problems = read_placements(placements_csv().read_bytes(), settings)
    assert not problems
    services.store.import_placements(versions, capacity=settings.pool_hours, today=services.today())
    claim = next((c for c in cases() if c.outcomes == ("approved",)), cases()[0])
    append(imap_account, claim.raw)

    services.parser = _broken
    first = run_once(services)
    assert len(first.failed) == 1 and where_is(imap_account)["Failed"] == [claim.message_id]
    assert services.store.decisions() == () and smtp_sink.messages() == []

    # Moved back without a fix: it fails again, and nothing is decided.
    _move(imap_account, "Failed", "INBOX")
    assert len(run_once(services).failed) == 1 and services.store.decisions() == ()

    services.parser = None  # the fix is deployed
    _move(imap_account, "Failed", "INBOX")
    second = run_once(services)
    assert not second.failed
    assert len(services.store.decisions()) == 1
    assert [m.state for m in services.store.messages()] in (["decided"], ["review"])
    assert where_is(imap_account)["INBOX"] == [] and where_is(imap_account)["Failed"] == []
    assert len(smtp_sink.messages()) == 1

    # A decided message moved back is filed again, and decided and answered no second time.
    folder = "Processed" if where_is(imap_account)["Processed"] else "Review"
    _move(imap_account, folder, "INBOX")
    third = run_once(services)
    assert third.skipped == 1 and len(services.store.decisions()) == 1 and len(smtp_sink.messages()) == 1
    assert where_is(imap_account)[folder] == [claim.message_id]
