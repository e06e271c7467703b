"""`claims batch`, the nightly run, with CLAIMS_TODAY as the clock: reminders for claims waiting
for information longer than CLAIMS_REMINDER_DAYS (once per period), retries of unsent replies,
the day's report (HTML and CSV: outcomes, refunds per workplace and month, the pool chart, what
needs a person; no full CPR number) and the exit code (1 when a person is needed).

The corpus is decided once per module (`claims run --once` as of 2026-11-20) into a template
database; each test works on its own copy."""

from __future__ import annotations

import csv as csv_module
import datetime as dt
import io
import mailbox
import re
import shutil
import socket
from html import escape
from pathlib import Path

import pytest

from app.batch import run_batch
from app.bootstrap import Services, bootstrap
from app.pipeline import run_once
from app.settings import Settings
from claims.model import ParsedMessage
from tests.e2e.mail.support import Claims, OwnSmtp, corpus_cases, have_corpus, with_message_id

pytestmark = [
    pytest.mark.integration,
    pytest.mark.timeout(180),
    pytest.mark.skipif(not have_corpus(), reason="../shared/corpus is not beside the project"),
]

CORPUS_DAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the corpus decided as of 2026-11-20 (replies written to a folder)."""
    base = tmp_path_factory.mktemp("decided")
    services = _services(base, CORPUS_DAY)
    from app.cli_ledger import read_placements

    csv = (Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "placements.csv").read_bytes()
    versions, problems = read_placements(csv, services.settings)
    assert not problems
    services.store.import_placements(versions, capacity=services.settings.pool_hours, today=CORPUS_DAY)
    box = mailbox.Maildir(base / "maildir")
    for case in corpus_cases():
        box.add(mailbox.MaildirMessage(case.raw))
    report = run_once(services)
    assert not report.failed
    return base


def _services(folder: Path, today: dt.date, **extra: object) -> Services:
    if not (folder / "maildir").exists():
        mailbox.Maildir(folder / "maildir", create=True)
    settings = Settings(database_url=f"sqlite:///{folder / 'claims.db'}", mailbox=f"maildir://{folder / 'maildir'}",
                        outbox=extra.pop("outbox", f"dir://{folder / 'outbox'}"), today=today, **extra)  # type: ignore[arg-type]
    return bootstrap(settings)


def _copy(decided: Path, tmp_path: Path, today: dt.date, **extra: object) -> Services:
    shutil.copy(decided / "claims.db", tmp_path / "claims.db")
    for journal in ("claims.db-wal", "claims.db-shm"):  # WAL mode: the latest commits are in the -wal file
        if (decided / journal).exists():
            shutil.copy(decided / journal, tmp_path / journal)
    return _services(tmp_path, today, **extra)


def _waiting(services: Services) -> set[str]:
    return {w.decision.reference for w in services.store.waiting_claims()}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed when we return: nothing listens there


def test_claims_waiting_for_information_are_reminded_after_the_reminder_days_and_then_once_per_period(
    decided: Path, tmp_path: Path
) -> None:
    def batch(day: str) -> list[str]:
        services = _services(tmp_path, dt.date.fromisoformat(day))
        return run_batch(services, reports=tmp_path / "reports").reminders

    shutil.copy(decided / "claims.db", tmp_path / "claims.db")
    for journal in ("claims.db-wal", "claims.db-shm"):  # WAL mode: the latest commits are in the -wal file
        if (decided / journal).exists():
            shutil.copy(decided / journal, tmp_path / journal)
    waiting = _waiting(_services(tmp_path, CORPUS_DAY))
    assert waiting, "the corpus leaves claims waiting for information"

    assert batch("2026-11-27") == []  # 7 days: not yet (more than CLAIMS_REMINDER_DAYS)
    assert set(batch("2026-11-28")) == waiting
    assert batch("2026-11-28") == []  # the same day again
    assert batch("2026-12-05") == []  # 7 days after the reminder
    assert set(batch("2026-12-06")) == waiting  # and again after the next period

    reminders = sorted((tmp_path / "outbox").glob("reminder-*.eml"))
    assert len(reminders) == 2 * len(waiting)
    assert {p.name.rsplit("-", 1)[-1] for p in reminders} == {"20261128@claims.albertslund.dk.eml",
                                                               "20261206@claims.albertslund.dk.eml"}


def test_a_reply_that_cannot_be_sent_is_retried_by_each_batch_and_after_its_retries_needs_a_person(
    decided: Path, tmp_path: Path
) -> None:
    outbox = f"smtp://127.0.0.1:{_closed_port()}"
    services = _copy(decided, tmp_path, CORPUS_DAY, outbox=outbox)
    box = mailbox.Maildir(tmp_path / "maildir")
    answered = next(c for c in corpus_cases() if c.outcomes == ("approved",))
    box.add(mailbox.MaildirMessage(with_message_id(answered.raw, "<batch-retry-1@test.invalid>")))

    first = run_batch(services, reports=tmp_path / "reports")
    item = next(i for i in services.store.outbox() if i.status != "sent")
    assert item.status == "pending" and item.attempts == 2  # run --once tried, then the batch's retry
    assert not first.needs_a_person  # still being retried: nobody needs to look yet

    for attempts in (3, 4):  # one more try per batch
        assert not run_batch(services, reports=tmp_path / "reports").needs_a_person
        item = next(i for i in services.store.outbox() if i.id == item.id)
        assert (item.status, item.attempts) == ("pending", attempts)
    last = run_batch(services, reports=tmp_path / "reports")
    item = next(i for i in services.store.outbox() if i.id == item.id)
    assert item.status == "failed" and item.attempts == 5
    assert last.needs_a_person
    assert any(item.message_id in line and "kunne ikke sendes" in line for line in last.report.attention)  # type: ignore[union-attr]


def test_a_pending_reply_goes_out_with_the_next_batch_once_smtp_is_back(decided: Path, tmp_path: Path) -> None:
    port = _closed_port()
    services = _copy(decided, tmp_path, CORPUS_DAY, outbox=f"smtp://127.0.0.1:{port}")
    box = mailbox.Maildir(tmp_path / "maildir")
    answered = next(c for c in corpus_cases() if c.outcomes == ("approved",))
    box.add(mailbox.MaildirMessage(with_message_id(answered.raw, "<batch-retry-2@test.invalid>")))
    run_once(services)
    assert [i.status for i in services.store.outbox() if i.status != "sent"] == ["pending"]

    sink = OwnSmtp(tmp_path / "smtp", port=port).start()
    try:
        result = run_batch(services, reports=tmp_path / "reports")  # the retry time has not come: the batch sends anyway
    finally:
        sink.stop()
    assert len(sink.messages()) == 1 and b"batch-retry-2@test.invalid" in sink.messages()[0]
    assert all(i.status == "sent" for i in services.store.outbox())
    assert result.run.sent == 1


def _exploding(raw: bytes, limit: int) -> ParsedMessage:
    if b"batch-fails@" in raw:
        raise RuntimeError("the parser broke")
    from parsers.claim import parse_message

    return parse_message(raw, max_attachment_bytes=limit)


def test_a_message_that_failed_needs_a_person(decided: Path, tmp_path: Path) -> None:
    services = _copy(decided, tmp_path, CORPUS_DAY)
    services.parser = _exploding
    box = mailbox.Maildir(tmp_path / "maildir")
    box.add(mailbox.MaildirMessage(with_message_id(corpus_cases()[0].raw, "<batch-fails@test.invalid>")))
    result = run_batch(services, reports=tmp_path / "reports")
    assert result.needs_a_person
    assert any("batch-fails@test.invalid" in line and "kunne ikke behandles" in line for line in result.report.attention)  # type: ignore[union-attr]


def test_the_report_shows_outcomes_refunds_per_workplace_and_month_the_pool_chart_and_what_needs_a_person(
    decided: Path, tmp_path: Path
) -> None:
    services = _copy(decided, tmp_path, dt.date(2026, 11, 28))
    result = run_batch(services, reports=tmp_path / "reports")
    html_path, csv_path = result.files
    assert html_path.name == "rapport-2026-11-28.html" and csv_path.name == "rapport-2026-11-28.csv"
    html, csv = html_path.read_text(encoding="utf-8"), csv_path.read_text(encoding="utf-8")
    current = services.store.current_decisions()

    assert "<svg" in html and "</svg>" in html and "pulje 100" in html
    approved = [d for d in current if d.outcome in ("approved", "partially_approved") and d.approved]
    assert approved
    for d in approved:
        month = d.period_start.strftime("%Y-%m")  # type: ignore[union-attr]
        assert d.workplace and escape(d.workplace) in html and month in html
        assert re.search(rf"^refund,{re.escape(d.workplace)},{month},\d+\.\d\d\r?$", csv, re.MULTILINE), (d.workplace, month)
    for outcome in {d.outcome for d in current}:
        assert re.search(rf"^outcome,{outcome},,\d+\r?$", csv, re.MULTILINE)
    # eight days after 2026-11-20: every claim in manual review needs a person, named without its CPR number
    in_review = [d for d in current if d.outcome == "manual_review"]
    assert in_review and result.needs_a_person
    attention = [row[1] for row in csv_module.reader(io.StringIO(csv)) if row[0] == "attention"]
    for d in in_review:
        assert d.reference in html and any(line.startswith(d.reference) for line in attention)
    _assert_no_full_cpr(html + csv, services)


def _assert_no_full_cpr(text: str, services: Services) -> None:
    cprs = {d.cpr for d in services.store.decisions() if d.cpr}
    cprs |= {p.cpr.replace("-", "") for p in services.store.placements(today=CORPUS_DAY) if getattr(p, "cpr", None)}
    assert cprs
    for cpr in cprs:
        assert cpr not in text and f"{cpr[:6]}-{cpr[6:]}" not in text, "a full CPR number in the report"


def test_claims_batch_exits_0_when_nothing_needs_a_person_and_1_when_a_claim_waited_too_long_in_review(
    decided: Path, tmp_path: Path
) -> None:
    shutil.copy(decided / "claims.db", tmp_path / "claims.db")
    for journal in ("claims.db-wal", "claims.db-shm"):  # WAL mode: the latest commits are in the -wal file
        if (decided / journal).exists():
            shutil.copy(decided / journal, tmp_path / journal)
    mailbox.Maildir(tmp_path / "maildir", create=True)
    claims = Claims(tmp_path, f"maildir://{tmp_path / 'maildir'}", f"dir://{tmp_path / 'outbox'}",
                    f"sqlite:///{tmp_path / 'claims.db'}")

    calm = claims.run("batch", check=False)
    assert calm.returncode == 0, calm.stdout + calm.stderr[-2000:]
    assert (tmp_path / "var" / "reports" / "rapport-2026-11-20.html").exists()

    late = claims.run("batch", check=False, CLAIMS_TODAY="2026-11-28")
    assert late.returncode == 1, late.stdout + late.stderr[-2000:]
    assert "needs a person" in late.stdout and "manuel behandling" in late.stdout
    assert not re.search(r"\b\d{6}-?\d{4}\b", late.stdout.replace("-xxxx", "")), "a full CPR number on the terminal"
