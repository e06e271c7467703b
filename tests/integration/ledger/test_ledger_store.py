"""The ledger on a real database: every test runs on SQLite and on PostgreSQL (`database_url`)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from claims import pool
from claims.findings import Finding, Severity
from claims.model import Claim, CostLine, Kind, Outcome, PlacementVersion
from ledger.queries import decision_document
from ledger.schema import metadata
from ledger.store import ReplyDraft, Store

pytestmark = pytest.mark.integration

SHARED = Path(__file__).resolve().parents[4] / "shared"
TODAY = dt.date(2026, 11, 20)
CAP = Decimal(100)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    s = Store.from_url(database_url)
    s.upgrade()
    yield s
    s.engine.dispose()


def corpus_rows() -> list[PlacementVersion]:
    with (SHARED / "corpus" / "placements.csv").open(encoding="utf-8", newline="") as f:
        return [v for v in (pool.read_row(r) for r in csv.DictReader(f)) if isinstance(v, PlacementVersion)]


@dataclass(frozen=True)
class FakeDecision:
    """Shaped like claims.decide.Decision (the store reads it by attribute)."""

    outcome: Outcome
    claimed: Decimal
    approved: Decimal | None
    proposed: Decimal | None = None
    lines: tuple[CostLine, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    placement_id: str | None = "P-0001"
    rules_version: str = "2026.1"


def claim(cpr: str = "1403911166", start: dt.date = dt.date(2026, 10, 1), end: dt.date = dt.date(2026, 10, 31)) -> Claim:
    return Claim(
        cpr=cpr,
        period_start=start,
        period_end=end,
        lines=(CostLine(Kind.SALARY, Decimal("1234.56"), "Timeløn"),),
        hours_worked=Decimal("34.5"),
    )


def mail(n: int, *, in_reply_to: str | None = None, date: str = "Tue, 03 Nov 2026 08:12:00 +0100") -> bytes:
    head = f"Message-ID: <m{n}@test>\r\nFrom: Lene Bach <Lene.Bach@albertslund.dk>\r\nDate: {date}\r\n"
    if in_reply_to:
        head += f"In-Reply-To: {in_reply_to}\r\nReferences: <m0@test> {in_reply_to}\r\n"
    return (head + f"Subject: refusion {n}\r\n\r\nbody {n}\r\n").encode()


def test_the_migrated_database_matches_the_tables_in_code(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []
    store.upgrade()  # a second upgrade is a no-op


def test_corpus_placements_import_with_statuses_and_p0004_has_two_versions(store: Store) -> None:
    result = store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    assert len(result.added) == 12 and result.waitlisted == ()
    placements = {p.placement_id: p for p in store.placements(today=TODAY)}
    assert placements["P-0002"].status == placements["P-0006"].status == "ended"
    assert placements["P-0001"].status == "approved"
    assert [v.weekly_hours for v in placements["P-0004"].versions] == [Decimal(6), Decimal(9)]
    assert placements["P-0003"].versions[0].praktik_until == dt.date(2026, 10, 2)
    assert placements["P-0001"].first.contact_emails == ("lene.bach@albertslund.dk", "biblioteket.adm@albertslund.dk")
    assert [p.placement_id for p in store.placements_for_cpr("140391-1166", today=TODAY)] == ["P-0001"]


def test_importing_the_same_placements_again_changes_nothing(store: Store) -> None:
    store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    before = store.placements(today=TODAY)
    again = store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    assert (again.added, again.updated, len(again.unchanged)) == ((), (), 12)
    assert store.placements(today=TODAY) == before


def test_a_later_application_that_overfills_the_pool_is_waitlisted_and_earlier_ones_keep_their_grant(
    store: Store,
) -> None:
    rows = corpus_rows()
    store.import_placements(rows, capacity=CAP, today=TODAY)
    template = rows[0]
    late = PlacementVersion(
        **{
            **{f: getattr(template, f) for f in template.__slots__},  # type: ignore[attr-defined]
            "placement_id": "P-0099",
            "weekly_hours": Decimal(10),
            "start_date": dt.date(2026, 12, 1),
            "end_date": dt.date(2027, 5, 31),
            "effective_from": dt.date(2026, 12, 1),
            "applied_at": dt.datetime(2026, 11, 1, 9),
        }
    )
    # 75.5 hours a week are in force from December; with a pool of 80 the 10 more do not fit
    small = Decimal(80)
    result = store.import_placements([late], capacity=small, today=TODAY)
    assert [v.version.placement_id for v in result.waitlisted] == ["P-0099"]
    statuses = {e.placement_id: e.status for e in store.allocation(capacity=small, today=TODAY).entries}
    assert statuses["P-0099"] == "waitlisted" and statuses["P-0001"] == "approved"
    # an older application imported afterwards does not take an approval away
    older = PlacementVersion(
        **{
            **{f: getattr(late, f) for f in late.__slots__},  # type: ignore[attr-defined]
            "placement_id": "P-0098",
            "applied_at": dt.datetime(2025, 1, 1),
        }
    )
    store.import_placements([older], capacity=small, today=TODAY)
    statuses = {e.placement_id: e.status for e in store.allocation(capacity=small, today=TODAY).entries}
    assert statuses["P-0001"] == "approved" and statuses["P-0098"] == "waitlisted"


def test_record_message_is_idempotent_by_the_bytes(store: Store) -> None:
    first = store.record_message(mail(1), source_key="INBOX:7:1", folder="INBOX")
    again = store.record_message(mail(1), source_key="INBOX:8:1", folder="INBOX")
    other = store.record_message(mail(2), source_key="INBOX:7:2", folder="INBOX")
    assert first.created and not again.created and other.created
    assert first.id == again.id != other.id
    assert first.message_id == "<m1@test>" and first.sender == "lene.bach@albertslund.dk"
    assert first.header_date == dt.datetime(2026, 11, 3, 8, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert store.raw(first.id) == mail(1)
    assert store.known_source("INBOX:7:1") and not store.known_source("INBOX:7:3")
    store.mark_message_failed(first.id, "kunne ikke læse CPR 1403911166")
    failed = store.message(first.id)
    assert failed is not None and failed.state == "failed" and "1403911166" not in (failed.error or "")
    store.record_parse(other.id, {"claims": [], "problems": [{"code": "NOT_A_CLAIM", "detail": None}]})
    assert store.parse_of(other.id) == {"claims": [], "problems": [{"code": "NOT_A_CLAIM", "detail": None}]}


def reply_for(row_reference: str) -> ReplyDraft:
    return ReplyDraft(
        to="lene.bach@albertslund.dk",
        subject=f"Refusion {row_reference}",
        message_id=f"<{row_reference.lower()}@jobcenter.test>",
        raw=b"From: x\r\n\r\nsvar\r\n",
    )


def test_a_decision_its_entries_and_its_reply_are_stored_together(store: Store) -> None:
    store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    msg = store.record_message(mail(1))
    decision = FakeDecision(
        Outcome.PARTIALLY_APPROVED,
        Decimal("1234.56"),
        Decimal("1000.10"),
        findings=(Finding("HOURS_OVER_CAP", Severity.PARTIALLY_APPROVED, "for mange timer", Decimal("-234.46")),),
    )
    row = store.record_decision(
        decision, decided_on=TODAY, message_pk=msg.id, claim=claim(), reply=lambda r: reply_for(r.reference), message_state="decided"
    )
    assert row.reference == "JLT-2026-000001" and row.message_id == "<m1@test>"
    assert row.approved == Decimal("1000.10") and row.workplace == "Biblioteket"
    assert row.claim is not None and row.claim.lines[0].amount == Decimal("1234.56")
    assert store.balances() == {"pool": Decimal("-1000.10"), "workplace:Biblioteket": Decimal("1000.10")}
    [reply] = store.pending_replies()
    assert reply.decision_id == row.id and reply.message_id == "<jlt-2026-000001@jobcenter.test>"
    assert store.message(msg.id).state == "decided"  # type: ignore[union-attr]


def test_when_the_reply_cannot_be_stored_nothing_of_the_decision_is_kept(store: Store) -> None:
    store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    msg = store.record_message(mail(1))
    decision = FakeDecision(Outcome.APPROVED, Decimal("10.00"), Decimal("10.00"))
    store.record_decision(decision, decided_on=TODAY, message_pk=msg.id, reply=reply_for("same"))
    with pytest.raises(IntegrityError):  # the same reply Message-ID twice
        store.record_decision(decision, decided_on=TODAY, message_pk=msg.id, reply=reply_for("same"))
    assert [d.reference for d in store.decisions()] == ["JLT-2026-000001"]
    assert len(store.entries()) == 2 and len(store.outbox()) == 1


def test_decisions_and_entries_are_append_only_in_the_database(store: Store) -> None:
    row = store.record_decision(FakeDecision(Outcome.APPROVED, Decimal("10.00"), Decimal("10.00")), decided_on=TODAY)
    for statement in (
        "UPDATE decisions SET approved = 0",
        "DELETE FROM decisions",
        "UPDATE ledger_entries SET amount = 0",
        "DELETE FROM ledger_entries",
    ):
        with pytest.raises(DBAPIError), store.engine.begin() as conn:
            conn.execute(text(statement))
    assert store.decision(row.reference) == row


def test_a_review_appends_a_superseding_decision_and_reverses_the_earlier_refund(store: Store) -> None:
    store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    first = store.record_decision(
        FakeDecision(Outcome.MANUAL_REVIEW, Decimal("500.00"), Decimal("0.00"), proposed=Decimal("500.00")), decided_on=TODAY, claim=claim()
    )
    reviewed = store.record_decision(
        FakeDecision(Outcome.APPROVED, Decimal("500.00"), Decimal("500.00")),
        decided_on=TODAY,
        claim=claim(),
        decided_by="anna",
        reviewers=("anna", "bo"),
        supersedes=first.reference,
    )
    corrected = store.record_decision(
        FakeDecision(Outcome.PARTIALLY_APPROVED, Decimal("500.00"), Decimal("400.00")),
        decided_on=TODAY,
        claim=claim(),
        decided_by="anna",
        supersedes=reviewed.reference,
    )
    assert [d.reference for d in store.decisions()] == [first.reference, reviewed.reference, corrected.reference]
    assert store.decisions()[0] == first  # never changed
    assert [d.reference for d in store.current_decisions()] == [corrected.reference]
    assert store.balances() == {"pool": Decimal("-400.00"), "workplace:Biblioteket": Decimal("400.00")}
    kinds = [e["kind"] for e in store.entries(corrected.reference)]
    assert kinds == ["reversal", "reversal", "refund", "refund"]
    doc = decision_document(corrected)
    assert doc["supersedes"] == reviewed.reference
    [(owed_row, owed)] = store.unexported_refunds()
    assert owed_row.reference == corrected.reference and owed == Decimal("400.00")
    assert store.record_export([corrected.reference], batch="2026-11-20") == Decimal("400.00")
    assert store.unexported_refunds() == ()


def test_references_are_sequential_per_year(store: Store) -> None:
    d = FakeDecision(Outcome.REJECTED, Decimal("1.00"), Decimal("0.00"), placement_id=None)
    refs = [
        store.record_decision(d, decided_on=day).reference for day in (dt.date(2026, 12, 30), dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    ]
    assert refs == ["JLT-2026-000001", "JLT-2026-000002", "JLT-2027-000001"]
    assert [r.reference for r in store.decisions(since=dt.date(2026, 12, 31))] == refs[1:]


def test_claims_waiting_for_information_are_found_from_the_answer_thread(store: Store) -> None:
    store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    original = store.record_message(mail(1))
    waiting = store.record_decision(
        FakeDecision(Outcome.NEEDS_INFORMATION, Decimal("1234.56"), Decimal("0.00")),
        decided_on=TODAY,
        message_pk=original.id,
        claim=claim(),
        reply=lambda r: reply_for(r.reference),
    )
    assert [w.decision.reference for w in store.waiting_claims(["<m1@test>"])] == [waiting.reference]
    by_reply = store.waiting_claims(["<jlt-2026-000001@jobcenter.test>"])
    assert [w.decision.reference for w in by_reply] == [waiting.reference]
    assert by_reply[0].claim == waiting.claim
    assert by_reply[0].first_claimed_at == original.header_date
    assert store.waiting_claims(["<other@test>"]) == ()
    assert len(store.waiting_claims()) == 1
    answer = store.record_message(mail(2, in_reply_to="<jlt-2026-000001@jobcenter.test>"))
    assert answer.in_reply_to == "<jlt-2026-000001@jobcenter.test>"
    assert answer.references == ("<m0@test>", "<jlt-2026-000001@jobcenter.test>")
    done = store.record_decision(
        FakeDecision(Outcome.APPROVED, Decimal("1234.56"), Decimal("1234.56")),
        decided_on=TODAY,
        message_pk=answer.id,
        claim=claim(),
        supersedes=waiting.reference,
    )
    assert store.waiting_claims(answer.references) == ()
    assert done.message_id == "<m2@test>"
    earlier = store.earlier_claims("P-0001")
    assert [(e.outcome, e.message_id) for e in earlier] == [(Outcome.APPROVED, "<m2@test>")]


def test_outbox_retries_then_gives_up(store: Store) -> None:
    now = dt.datetime(2026, 11, 20, 8, tzinfo=dt.UTC)
    item = store.add_reply(reply_for("r1"))
    store.add_reply(reply_for("r2"))
    store.mark_send_failed(item, "SMTP 451 for 0101901234", retry_at=now + dt.timedelta(minutes=10))
    assert [i.message_id for i in store.pending_replies(now=now)] == ["<r2@jobcenter.test>"]
    later = store.pending_replies(now=now + dt.timedelta(minutes=11))
    assert [i.id for i in later][0] == item and later[0].attempts == 1
    assert "0101901234" not in (later[0].last_error or "")
    store.mark_sent(item, sent_at=now)
    store.mark_send_failed(later[1].id, "refused", retry_at=None)
    assert store.pending_replies(now=now + dt.timedelta(days=1)) == ()
    assert [i.status for i in store.outbox()] == ["sent", "failed"]


def test_money_round_trips_exactly(store: Store) -> None:
    amounts = [Decimal("9999999999.99"), Decimal("0.01"), Decimal("-505.30"), Decimal("1234.56")]
    for a in amounts:
        store.record_decision(FakeDecision(Outcome.APPROVED, a, a, placement_id=None), decided_on=TODAY)
    got = [d.claimed for d in store.decisions()]
    assert got == amounts and all(isinstance(a, Decimal) for a in got)


def test_the_decision_document_is_schema_valid_and_masks_the_cpr(store: Store) -> None:
    store.import_placements(corpus_rows(), capacity=CAP, today=TODAY)
    msg = store.record_message(mail(1))
    store.record_decision(
        FakeDecision(
            Outcome.PARTIALLY_APPROVED,
            Decimal("1234.56"),
            Decimal("1000.00"),
            findings=(Finding("AM_DOUBLE_COUNTED", Severity.PARTIALLY_APPROVED, "AM-bidrag talt med to gange", Decimal("-234.56")),),
        ),
        decided_on=TODAY,
        message_pk=msg.id,
        claim=claim(),
    )
    store.record_decision(
        FakeDecision(
            Outcome.NOT_A_CLAIM,
            Decimal("0.00"),
            None,
            placement_id=None,
            findings=(Finding("NOT_A_CLAIM", Severity.NOTE, "ingen refusion"),),
        ),
        decided_on=TODAY,
        message_pk=msg.id,
        claim_index=1,
    )
    docs = [decision_document(r) for r in store.decisions()]
    schema = json.loads((SHARED / "schema" / "decision.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(docs, schema)
    assert docs[0]["cpr"] == "140391-xxxx" and "1403911166" not in json.dumps(docs)
    assert docs[0]["findings"][0] == {
        "code": "AM_DOUBLE_COUNTED",
        "amount": "-234.56",
        "text": "AM-bidrag talt med to gange",
        "severity": "partially_approved",
    }
    assert docs[1]["approved"] is None and docs[1]["period"] == {"start": None, "end": None}
