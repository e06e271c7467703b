"""The ledger: placements, the processed-message record, decisions with their double-entry
entries, and the outbox, in one database (SQLite or PostgreSQL).

`Store` is built once from an engine (`make_engine(url)`) by `app`, and passed in. Decisions
and ledger entries are append-only (the database refuses UPDATE and DELETE on them): a review
or a correction appends a decision that `supersedes` the earlier one, with reversal entries.
A decision, its entries and its reply are written in one transaction (`Store.unit()`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.parser
import email.utils
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, create_engine, event, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from claims import pool
from claims.context import EarlierClaim
from claims.cpr import mask_in_text
from claims.model import Claim, Outcome, Period, Placement, PlacementVersion
from claims.money import ZERO, to_ore
from ledger import codec, migrate
from ledger.schema import decisions, ledger_entries, messages, outbox, placement_versions

REFERENCE_PREFIX = "JLT"
PAYING = (Outcome.APPROVED.value, Outcome.PARTIALLY_APPROVED.value)
POOL_ACCOUNT = "pool"
EXPORT_ACCOUNT = "finance:export"


class LedgerError(Exception):
    """The ledger cannot do what was asked (a bug or the database, never bad claim data)."""


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; a SQLite file's folder is created, and SQLite enforces foreign keys."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url.removeprefix("sqlite:///").split("?")[0])
        if str(path):
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # SQLAlchemy's recipe: let SQLAlchemy, not pysqlite, begin transactions, so that
            # SAVEPOINTs nest and a unit of work is one transaction.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # IMMEDIATE: a writer takes the write lock at once, so two writers wait for each
            # other (busy_timeout) instead of failing when a read lock is upgraded.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- values the store returns -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `import_placements` did: rows added, changed, unchanged, and the pool afterwards."""

    added: tuple[pool.VersionKey, ...]
    updated: tuple[pool.VersionKey, ...]
    unchanged: tuple[pool.VersionKey, ...]
    allocation: pool.Allocation

    @property
    def waitlisted(self) -> tuple[pool.VersionStatus, ...]:
        return tuple(v for e in self.allocation.entries for v in e.versions if v.status == pool.WAITLISTED)


@dataclass(frozen=True, slots=True)
class RecordedMessage:
    """A row of the processed-message record (without the raw bytes; `Store.raw` reads them)."""

    id: int
    created: bool  # False when the same bytes were recorded before (idempotent intake)
    sha256: str
    source_key: str | None
    folder: str | None
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    sender: str | None
    header_date: dt.datetime | None
    received_at: dt.datetime
    state: str
    error: str | None


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """A stored decision. `cpr` is the full number: mask it (`claims.cpr.mask`) for any output."""

    id: int
    reference: str
    message_pk: int | None
    message_id: str | None
    claim_index: int
    placement_id: str | None
    workplace: str | None
    cpr: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    outcome: str
    claimed: Decimal | None
    approved: Decimal | None
    proposed: Decimal | None
    findings: tuple[Mapping[str, Any], ...]
    lines: tuple[Mapping[str, Any], ...]
    claim: Claim | None
    decided_by: str
    reviewers: tuple[str, ...]
    reason: str | None
    rules_version: str
    supersedes_id: int | None
    decided_on: dt.date
    created_at: dt.datetime
    supersedes_reference: str | None = None

    @property
    def period(self) -> Period | None:
        if self.period_start is None or self.period_end is None or self.period_end < self.period_start:
            return None
        return Period(self.period_start, self.period_end)


@dataclass(frozen=True, slots=True)
class WaitingClaim:
    """A claim left waiting for information (RULES.md §2): the decision, and the message that
    first made the claim (its Date counts for `LATE_CLAIM`)."""

    decision: DecisionRow
    first_claimed_at: dt.datetime | None

    @property
    def claim(self) -> Claim | None:
        return self.decision.claim


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    """A rendered reply to store in the outbox: `raw` is the whole RFC 5322 message."""

    to: str
    subject: str
    message_id: str
    raw: bytes
    kind: str = "reply"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    decision_id: int | None
    message_pk: int | None
    kind: str
    to: str
    subject: str
    message_id: str
    raw: bytes
    status: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_error: str | None
    sent_at: dt.datetime | None
    created_at: dt.datetime


class DecisionLike(Protocol):
    """What the store reads of the rules core's `Decision` (claims/decide.py); read by
    attribute, so any value with these fields will do."""

    outcome: Any
    claimed: Decimal | None
    approved: Decimal | None


def reply_message_id(reference: str, domain: str, kind: str = "reply") -> str:
    """A Message-ID fixed by the decision, so a reply sent twice is recognisably the same mail."""
    return f"<{reference.lower()}.{kind}@{domain}>"


# --- the store --------------------------------------------------------------------------------


class Store:
    """The ledger's one door. Every method runs in its own transaction, except those of the
    `Unit` that `unit()` yields, which commit together."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str) -> Store:
        return cls(make_engine(url))

    def upgrade(self) -> None:
        """Creates or migrates the database (every command calls this on first use)."""
        migrate.upgrade(self.engine)

    # --- placements ---

    def import_placements(self, versions: Sequence[PlacementVersion], *, capacity: Decimal, today: dt.date) -> ImportResult:
        """Adds or updates the rows (keyed by placement_id and effective_from), then runs the
        pool over all rows: earlier approvals are kept, new rows compete first come, first
        served. Rows not in `versions` stay as they are. Idempotent: importing the same rows
        again changes nothing. The caller has checked the rows (claims.pool.check_limits)."""
        keys = [pool.key_of(v) for v in versions]
        if len(set(keys)) != len(keys):
            raise LedgerError("the same placement version twice in one import")
        now = _now()
        added: list[pool.VersionKey] = []
        updated: list[pool.VersionKey] = []
        unchanged: list[pool.VersionKey] = []
        with self.engine.begin() as conn:
            stored = {pool.key_of(v): (v, status) for v, status in self._versions(conn, lock=True)}
            for version in versions:
                key = pool.key_of(version)
                values = _version_values(version)
                if key not in stored:
                    conn.execute(insert(placement_versions).values(**values, pool_status=pool.WAITLISTED, imported_at=now, updated_at=now))
                    added.append(key)
                elif _version_values(stored[key][0]) != values:
                    conn.execute(
                        update(placement_versions)
                        .where(placement_versions.c.placement_id == key[0])
                        .where(placement_versions.c.effective_from == key[1])
                        .values(**values, updated_at=now)
                    )
                    updated.append(key)
                else:
                    unchanged.append(key)
            earlier = {k: v for k, (v, status) in stored.items() if status == pool.APPROVED}
            rows = [v for v, _ in self._versions(conn)]
            allocation = pool.allocate(rows, capacity=capacity, today=today, previously_approved=earlier)
            for entry in allocation.entries:
                for item in entry.versions:
                    key = pool.key_of(item.version)
                    if key in stored and stored[key][1] == item.status and key not in updated:
                        continue
                    conn.execute(
                        update(placement_versions)
                        .where(placement_versions.c.placement_id == key[0])
                        .where(placement_versions.c.effective_from == key[1])
                        .values(pool_status=item.status)
                    )
        return ImportResult(tuple(added), tuple(updated), tuple(unchanged), allocation)

    def allocation(self, *, capacity: Decimal, today: dt.date) -> pool.Allocation:
        """The pool as the last import left it, with `ended` as of `today`."""
        with self.engine.connect() as conn:
            stored = self._versions(conn)
        by_placement: dict[str, list[pool.VersionStatus]] = {}
        for version, status in stored:
            finding = () if status == pool.APPROVED else (pool.pool_full(version, capacity),)
            by_placement.setdefault(version.placement_id, []).append(pool.VersionStatus(version, status, finding))
        entries = tuple(pool.entry_of(pid, items, today=today) for pid, items in sorted(by_placement.items()))
        return pool.Allocation(entries, capacity)

    def placements(self, *, today: dt.date) -> tuple[Placement, ...]:
        """Every placement as the rules see it (approved versions only), with its status."""
        return tuple(e.placement() for e in self.allocation(capacity=Decimal(0), today=today).entries)

    def placements_for_cpr(self, cpr: str, *, today: dt.date) -> tuple[Placement, ...]:
        """The approved (or ended) placements of one CPR number: `DecisionContext.placements`."""
        digits = cpr.replace("-", "")
        return tuple(p for p in self.placements(today=today) if p.first.cpr == digits and p.status != pool.WAITLISTED)

    def _versions(self, conn: Connection, *, lock: bool = False) -> list[tuple[PlacementVersion, str]]:
        query = select(placement_versions).order_by(placement_versions.c.placement_id, placement_versions.c.effective_from)
        if lock and conn.dialect.name == "postgresql":
            # Two imports at once would each see the other's rows as new: serialise them.
            conn.exec_driver_sql("LOCK TABLE placement_versions IN SHARE ROW EXCLUSIVE MODE")
        return [(_version_of(row), row.pool_status) for row in conn.execute(query)]

    # --- messages ---

    def record_message(
        self,
        raw: bytes,
        *,
        source_key: str | None = None,
        folder: str | None = None,
        received_at: dt.datetime | None = None,
        message_id: str | None = None,
    ) -> RecordedMessage:
        """Keeps a fetched message before anything else happens to it. Idempotent: the same
        bytes (by SHA-256) give the row recorded before (`created` False), whatever the source
        key. Message-ID, In-Reply-To, References, From and Date are read from the headers."""
        digest = hashlib.sha256(raw).hexdigest()
        existing = self._message_by(messages.c.sha256 == digest)
        if existing is not None:
            return existing
        headers = _headers(raw)
        now = _now()
        values = {
            "sha256": digest,
            "source_key": source_key,
            "folder": folder,
            "message_id": (message_id or headers["message_id"]),
            "in_reply_to": headers["in_reply_to"],
            "thread_refs": headers["references"],
            "sender": headers["sender"],
            "header_date": None if headers["date"] is None else _utc(headers["date"]),
            "date_header": headers["date_text"],
            "received_at": _utc(received_at or now),
            "size": len(raw),
            "raw": raw,
            "state": "received",
            "updated_at": now,
        }
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(insert(messages).values(**values).returning(messages.c.id)).scalar_one()
        except IntegrityError:  # recorded at the same moment by another worker
            existing = self._message_by(messages.c.sha256 == digest)
            if existing is None:
                raise
            return existing
        found = self._message_by(messages.c.id == new_id)
        if found is None:  # pragma: no cover - just inserted
            raise LedgerError("a recorded message vanished")
        return _replace_created(found)

    def known_source(self, source_key: str) -> bool:
        """Whether a message from this folder+UIDVALIDITY+UID (or Maildir key) was recorded."""
        return self._message_by(messages.c.source_key == source_key) is not None

    def message(self, message_pk: int) -> RecordedMessage | None:
        return self._message_by(messages.c.id == message_pk)

    def messages(self, *, state: str | None = None) -> tuple[RecordedMessage, ...]:
        query = select(*_MESSAGE_COLUMNS).order_by(messages.c.id)
        if state is not None:
            query = query.where(messages.c.state == state)
        with self.engine.connect() as conn:
            return tuple(_message_of(row) for row in conn.execute(query))

    def raw(self, message_pk: int) -> bytes:
        with self.engine.connect() as conn:
            data = conn.execute(select(messages.c.raw).where(messages.c.id == message_pk)).scalar_one_or_none()
        if data is None:
            raise LedgerError(f"no message {message_pk}")
        return bytes(data)

    def record_parse(self, message_pk: int, document: Mapping[str, Any]) -> None:
        """Keeps the parse document (CONTRACT.md) of a message (JSON; it may hold a full CPR)."""
        with self.engine.begin() as conn:
            conn.execute(update(messages).where(messages.c.id == message_pk).values(parse=dict(document), updated_at=_now()))

    def parse_of(self, message_pk: int) -> Mapping[str, Any] | None:
        with self.engine.connect() as conn:
            value = conn.execute(select(messages.c.parse).where(messages.c.id == message_pk)).scalar_one_or_none()
        return value if isinstance(value, Mapping) else None

    def set_message_state(self, message_pk: int, state: str, *, error: str | None = None) -> None:
        with self.engine.begin() as conn:
            _set_state(conn, message_pk, state, error)

    def mark_message_failed(self, message_pk: int, error: str) -> None:
        """The message could not be processed: it stays recorded (never lost), with the error
        (CPR numbers masked) for the batch report."""
        self.set_message_state(message_pk, "failed", error=error)

    def _message_by(self, condition: Any) -> RecordedMessage | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(*_MESSAGE_COLUMNS).where(condition).order_by(messages.c.id.desc())).first()
        return None if row is None else _message_of(row)

    # --- decisions ---

    @contextmanager
    def unit(self) -> Iterator[Unit]:
        """One transaction for a decision (or several), its entries, its reply and the message's
        state: all of it is stored, or none of it."""
        with self.engine.begin() as conn:
            yield Unit(conn)

    def record_decision(
        self,
        decision: DecisionLike,
        *,
        decided_on: dt.date,
        message_pk: int | None = None,
        message_id: str | None = None,
        claim: Claim | None = None,
        claim_index: int = 0,
        cpr: str | None = None,
        period: Period | None = None,
        decided_by: str = "rules",
        reviewers: Sequence[str] = (),
        reason: str | None = None,
        supersedes: str | None = None,
        reply: ReplyDraft | Callable[[DecisionRow], ReplyDraft] | None = None,
        message_state: str | None = None,
    ) -> DecisionRow:
        """Appends a decision with its ledger entries and its reply in one transaction; see
        `Unit.add_decision`. `message_state` (e.g. "decided") is set in the same transaction."""
        with self.unit() as unit:
            row = unit.add_decision(
                decision,
                decided_on=decided_on,
                message_pk=message_pk,
                message_id=message_id,
                claim=claim,
                claim_index=claim_index,
                cpr=cpr,
                period=period,
                decided_by=decided_by,
                reviewers=reviewers,
                reason=reason,
                supersedes=supersedes,
            )
            if reply is not None:
                unit.add_reply(reply(row) if callable(reply) else reply, decision=row)
            if message_state is not None and message_pk is not None:
                unit.set_message_state(message_pk, message_state)
        return row

    def decisions(self, *, since: dt.date | None = None) -> tuple[DecisionRow, ...]:
        """Every decision, oldest first (newest last), optionally from `since` on."""
        query = _decision_select().order_by(decisions.c.id)
        if since is not None:
            query = query.where(decisions.c.decided_on >= since)
        with self.engine.connect() as conn:
            return tuple(_decision_of(row) for row in conn.execute(query))

    def decision(self, reference: str) -> DecisionRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(_decision_select().where(decisions.c.reference == reference)).first()
        return None if row is None else _decision_of(row)

    def current_decisions(self) -> tuple[DecisionRow, ...]:
        """Decisions no later decision supersedes."""
        with self.engine.connect() as conn:
            return tuple(_decision_of(row) for row in conn.execute(_current().order_by(decisions.c.id)))

    def earlier_claims(self, placement_id: str, *, exclude_message_pk: int | None = None) -> tuple[EarlierClaim, ...]:
        """The current decisions of a placement that have a period, for `DUPLICATE`."""
        query = _current().where(decisions.c.placement_id == placement_id).order_by(decisions.c.id)
        if exclude_message_pk is not None:
            query = query.where((decisions.c.message_pk.is_(None)) | (decisions.c.message_pk != exclude_message_pk))
        with self.engine.connect() as conn:
            rows = [_decision_of(row) for row in conn.execute(query)]
        return tuple(EarlierClaim(placement_id, r.period, Outcome(r.outcome), r.message_id) for r in rows if r.period is not None)

    def waiting_claims(self, message_ids: Iterable[str] | None = None) -> tuple[WaitingClaim, ...]:
        """Claims waiting for information (current `needs_information` decisions). With
        `message_ids` (an answer's In-Reply-To and References), only those in that thread: the
        decision's own message, or the Jobcenter's reply about it."""
        query = _current().where(decisions.c.outcome == Outcome.NEEDS_INFORMATION.value).order_by(decisions.c.id)
        if message_ids is not None:
            ids = {_bare(m) for m in message_ids if m}
            replied = select(outbox.c.decision_id).where(outbox.c.message_id.in_(_id_forms(ids)))
            query = query.where(decisions.c.message_id.in_(_id_forms(ids)) | decisions.c.id.in_(replied))
        with self.engine.connect() as conn:
            rows = [_decision_of(row) for row in conn.execute(query)]
            out = []
            for row in rows:
                out.append(WaitingClaim(row, _first_claimed_at(conn, row)))
        return tuple(out)

    # --- money ---

    def balances(self) -> dict[str, Decimal]:
        """The sum of entries per account (the pool's is minus what the scheme has refunded)."""
        query = select(ledger_entries.c.account, func.sum(ledger_entries.c.amount)).group_by(ledger_entries.c.account)
        with self.engine.connect() as conn:
            return {account: to_ore(Decimal(total or 0)) for account, total in conn.execute(query)}

    def entries(self, reference: str | None = None) -> tuple[Mapping[str, Any], ...]:
        query = select(ledger_entries).order_by(ledger_entries.c.id)
        if reference is not None:
            query = query.where(ledger_entries.c.reference == reference)
        with self.engine.connect() as conn:
            return tuple(dict(row._mapping) for row in conn.execute(query))

    def unexported_refunds(self, *, until: dt.date | None = None) -> tuple[tuple[DecisionRow, Decimal], ...]:
        """Refunds not yet handed to the finance system: per decision, what its workplace account
        holds from it. A superseded decision's refund is reversed to 0, or, when it was already
        exported, to a negative amount: money to claim back from the workplace."""
        with self.engine.connect() as conn:
            query = (
                select(ledger_entries.c.decision_id, func.sum(ledger_entries.c.amount))
                .where(ledger_entries.c.account.like("workplace:%"))
                .group_by(ledger_entries.c.decision_id)
            )
            owed = {d: to_ore(Decimal(total)) for d, total in conn.execute(query) if total}
            rows = [_decision_of(r) for r in conn.execute(_decision_select().where(decisions.c.id.in_(owed)))]
        return tuple(
            (r, owed[r.id]) for r in sorted(rows, key=lambda r: r.id) if owed[r.id] != 0 and (until is None or r.decided_on <= until)
        )

    def record_export(self, references: Sequence[str], *, batch: str) -> Decimal:
        """Records that these decisions' refunds were handed to the finance system (one entry
        pair each: workplace account to `finance:export`); returns the total."""
        total = ZERO
        with self.engine.begin() as conn:
            for reference in references:
                row = conn.execute(select(decisions).where(decisions.c.reference == reference)).first()
                if row is None:
                    raise LedgerError(f"no decision {reference}")
                account = _workplace_account(row.workplace, row.placement_id)
                owed = conn.execute(
                    select(func.sum(ledger_entries.c.amount))
                    .where(ledger_entries.c.decision_id == row.id)
                    .where(ledger_entries.c.account == account)
                ).scalar_one()
                amount = to_ore(Decimal(owed or 0))
                if amount == 0:
                    continue
                _post(
                    conn,
                    row.id,
                    reference,
                    f"{reference}:export:{batch}",
                    "export",
                    ((account, -amount), (EXPORT_ACCOUNT, amount)),
                )
                total += amount
        return total

    # --- outbox ---

    def pending_replies(self, *, now: dt.datetime | None = None) -> tuple[OutboxItem, ...]:
        """Replies to send now: pending, and due (no retry time, or one that has come)."""
        moment = now or _now()
        query = select(outbox).where(outbox.c.status == "pending").order_by(outbox.c.id)
        with self.engine.connect() as conn:
            items = [_outbox_of(row) for row in conn.execute(query)]
        return tuple(i for i in items if i.next_attempt_at is None or _aware(i.next_attempt_at) <= _aware(moment))

    def outbox(self, *, status: str | None = None) -> tuple[OutboxItem, ...]:
        query = select(outbox).order_by(outbox.c.id)
        if status is not None:
            query = query.where(outbox.c.status == status)
        with self.engine.connect() as conn:
            return tuple(_outbox_of(row) for row in conn.execute(query))

    def add_reply(self, draft: ReplyDraft, *, message_pk: int | None = None) -> int:
        """A reply with no decision of its own (a reminder, a receipt): into the outbox."""
        with self.unit() as unit:
            return unit.add_reply(draft, message_pk=message_pk)

    def mark_sent(self, outbox_id: int, *, sent_at: dt.datetime | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(status="sent", sent_at=sent_at or _now(), attempts=outbox.c.attempts + 1, last_error=None)
            )

    def mark_send_failed(self, outbox_id: int, error: str, *, retry_at: dt.datetime | None) -> None:
        """A send failed: try again at `retry_at`, or give up (`failed`) when it is None."""
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(
                    status="pending" if retry_at is not None else "failed",
                    attempts=outbox.c.attempts + 1,
                    next_attempt_at=retry_at,
                    last_error=mask_in_text(error)[:2000],
                )
            )


class Unit:
    """The writes of one transaction (see `Store.unit`)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_decision(
        self,
        decision: DecisionLike,
        *,
        decided_on: dt.date,
        message_pk: int | None = None,
        message_id: str | None = None,
        claim: Claim | None = None,
        claim_index: int = 0,
        cpr: str | None = None,
        period: Period | None = None,
        decided_by: str = "rules",
        reviewers: Sequence[str] = (),
        reason: str | None = None,
        supersedes: str | None = None,
    ) -> DecisionRow:
        """Appends a decision under the next reference of `decided_on`'s year, and its entries:
        a paying decision moves its approved amount from `pool` to `workplace:<name>`; one that
        supersedes another first reverses what the other had booked.

        `decision` is the rules core's Decision (or a reviewer's): outcome, claimed, approved,
        proposed, lines, findings, placement_id, rules_version are read by attribute. `cpr` and
        `period` default to the claim's."""
        conn = self.conn
        outcome = Outcome(codec._text(decision.outcome))
        placement_id = getattr(decision, "placement_id", None)
        period_start, period_end = (period.start, period.end) if period is not None else (None, None)
        if claim is not None:
            cpr = cpr or claim.cpr
            if period is None:  # as the claim said it, even when it ends before it starts
                period_start, period_end = claim.period_start, claim.period_end
        if cpr is not None:
            cpr = cpr.replace("-", "") or None
        if message_id is None and message_pk is not None:
            message_id = conn.execute(select(messages.c.message_id).where(messages.c.id == message_pk)).scalar()
        superseded = None
        if supersedes is not None:
            superseded = conn.execute(select(decisions).where(decisions.c.reference == supersedes)).first()
            if superseded is None:
                raise LedgerError(f"no decision {supersedes} to supersede")
            later = conn.execute(select(decisions.c.reference).where(decisions.c.supersedes_id == superseded.id))
            if (taken := later.scalar()) is not None:
                raise LedgerError(f"{supersedes} is already superseded by {taken}")
            placement_id = placement_id or superseded.placement_id
        workplace = _workplace_of(conn, placement_id)
        approved = _money(getattr(decision, "approved", None))
        values = {
            "message_pk": message_pk,
            "message_id": message_id,
            "claim_index": claim_index,
            "placement_id": placement_id,
            "workplace": workplace,
            "cpr": cpr,
            "period_start": period_start,
            "period_end": period_end,
            "outcome": outcome.value,
            "claimed": _money(getattr(decision, "claimed", None)),
            "approved": approved,
            "proposed": _money(getattr(decision, "proposed", None)),
            "findings": [codec.finding(f) for f in getattr(decision, "findings", ()) or ()],
            "lines": codec.lines(getattr(decision, "lines", ()) or ()),
            "claim": None if claim is None else codec.claim_to_json(claim),
            "decided_by": decided_by,
            "reviewers": list(reviewers),
            "reason": reason,
            "rules_version": str(getattr(decision, "rules_version", None) or _rules_version()),
            "supersedes_id": None if superseded is None else superseded.id,
            "decided_on": decided_on,
            "created_at": _now(),
        }
        decision_id, reference = _insert_with_reference(conn, values, decided_on.year)
        if superseded is not None:
            _reverse(conn, superseded.id, reference)
        if outcome.value in PAYING and approved is not None and approved != 0:
            _post(
                conn,
                decision_id,
                reference,
                f"{reference}:refund",
                "refund",
                ((POOL_ACCOUNT, -approved), (_workplace_account(workplace, placement_id), approved)),
            )
        row = conn.execute(_decision_select().where(decisions.c.id == decision_id)).one()
        return _decision_of(row)

    def add_reply(self, draft: ReplyDraft, *, decision: DecisionRow | None = None, message_pk: int | None = None) -> int:
        """Stores a reply in the outbox, status pending. The same Message-ID twice is refused."""
        values = {
            "decision_id": None if decision is None else decision.id,
            "message_pk": message_pk if message_pk is not None else (decision.message_pk if decision else None),
            "kind": draft.kind,
            "to_addr": draft.to,
            "subject": draft.subject,
            "message_id": draft.message_id,
            "raw": draft.raw,
            "status": "pending",
            "attempts": 0,
            "created_at": _now(),
        }
        return int(self.conn.execute(insert(outbox).values(**values).returning(outbox.c.id)).scalar_one())

    def set_message_state(self, message_pk: int, state: str, *, error: str | None = None) -> None:
        _set_state(self.conn, message_pk, state, error)


# --- helpers ----------------------------------------------------------------------------------

_MESSAGE_COLUMNS = tuple(c for c in messages.c if c.name not in ("raw", "parse"))


def _version_values(v: PlacementVersion) -> dict[str, Any]:
    return {
        "placement_id": v.placement_id,
        "effective_from": v.effective_from,
        "employee_name": v.employee_name,
        "cpr": v.cpr,
        "employer_name": v.employer_name,
        "cvr": v.cvr,
        "workplace": v.workplace,
        "contact_emails": ";".join(v.contact_emails),
        "weekly_hours": v.weekly_hours,
        "start_date": v.start_date,
        "end_date": v.end_date,
        "praktik_until": v.praktik_until,
        # CSV times are local wall-clock times; one with an offset is kept as UTC wall-clock.
        "applied_at": v.applied_at if v.applied_at.tzinfo is None else v.applied_at.astimezone(dt.UTC).replace(tzinfo=None),
        "holiday_scheme": v.holiday_scheme,
    }


def _version_of(row: Any) -> PlacementVersion:
    return PlacementVersion(
        placement_id=row.placement_id,
        employee_name=row.employee_name,
        cpr=row.cpr,
        employer_name=row.employer_name,
        cvr=row.cvr,
        workplace=row.workplace,
        contact_emails=tuple(e for e in row.contact_emails.split(";") if e),
        weekly_hours=Decimal(row.weekly_hours),
        start_date=row.start_date,
        end_date=row.end_date,
        praktik_until=row.praktik_until,
        effective_from=row.effective_from,
        applied_at=row.applied_at,
        holiday_scheme=row.holiday_scheme,
    )


def _headers(raw: bytes) -> dict[str, Any]:
    """The few headers the record keeps, read with the standard library (the parsers own the
    rest of the message)."""
    try:
        msg = email.parser.BytesHeaderParser().parsebytes(raw)
    except Exception:  # noqa: BLE001 - a message we cannot read is still recorded
        return {
            "message_id": None,
            "in_reply_to": None,
            "references": None,
            "sender": None,
            "date": None,
            "date_text": None,
        }

    def header(name: str) -> str | None:
        value = msg.get(name)
        return None if value is None else " ".join(str(value).split()) or None

    date = None
    if header("Date"):
        try:
            date = email.utils.parsedate_to_datetime(header("Date") or "")
        except (TypeError, ValueError, IndexError):
            date = None
    sender = email.utils.parseaddr(header("From") or "")[1].lower() or None
    refs = " ".join(re.findall(r"<[^<>\s]+>", header("References") or "")) or None
    in_reply_to = re.search(r"<[^<>\s]+>", header("In-Reply-To") or "")
    return {
        "message_id": header("Message-ID"),
        "in_reply_to": in_reply_to.group(0) if in_reply_to else None,
        "references": refs,
        "sender": sender[:320] if sender else None,
        "date": date,
        "date_text": (header("Date") or "")[:200] if date is not None else None,
    }


def _message_of(row: Any) -> RecordedMessage:
    return RecordedMessage(
        id=row.id,
        created=False,
        sha256=row.sha256,
        source_key=row.source_key,
        folder=row.folder,
        message_id=row.message_id,
        in_reply_to=row.in_reply_to,
        references=tuple((row.thread_refs or "").split()),
        sender=row.sender,
        header_date=_header_date(row),
        received_at=_aware(row.received_at),
        state=row.state,
        error=row.error,
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """A moment as aware UTC (a naive one is taken to be UTC already)."""
    return _aware(moment).astimezone(dt.UTC)


def _header_date(row: Any) -> dt.datetime | None:
    """The Date header with the sender's own offset (its day is the day the claim was made)."""
    if row.date_header:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return email.utils.parsedate_to_datetime(row.date_header)
    return None if row.header_date is None else _utc(row.header_date)


def _replace_created(found: RecordedMessage) -> RecordedMessage:
    return replace(found, created=True)


def _set_state(conn: Connection, message_pk: int, state: str, error: str | None) -> None:
    conn.execute(
        update(messages)
        .where(messages.c.id == message_pk)
        .values(state=state, error=None if error is None else mask_in_text(error)[:4000], updated_at=_now())
    )


def _decision_of(row: Any) -> DecisionRow:
    return DecisionRow(
        id=row.id,
        reference=row.reference,
        message_pk=row.message_pk,
        message_id=row.message_id,
        claim_index=row.claim_index,
        placement_id=row.placement_id,
        workplace=row.workplace,
        cpr=row.cpr,
        period_start=row.period_start,
        period_end=row.period_end,
        outcome=row.outcome,
        claimed=_money(row.claimed),
        approved=_money(row.approved),
        proposed=_money(row.proposed),
        findings=tuple(row.findings or ()),
        lines=tuple(row.lines or ()),
        claim=None if row.claim is None else codec.claim_from_json(row.claim),
        decided_by=row.decided_by,
        reviewers=tuple(row.reviewers or ()),
        reason=row.reason,
        rules_version=row.rules_version,
        supersedes_id=row.supersedes_id,
        decided_on=row.decided_on,
        created_at=row.created_at,
        supersedes_reference=getattr(row, "supersedes_reference", None),
    )


def _outbox_of(row: Any) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        decision_id=row.decision_id,
        message_pk=row.message_pk,
        kind=row.kind,
        to=row.to_addr,
        subject=row.subject,
        message_id=row.message_id,
        raw=bytes(row.raw),
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        sent_at=row.sent_at,
        created_at=row.created_at,
    )


def _money(value: Any) -> Decimal | None:
    """Amounts to øre, as `Decimal` (SQLite hands NUMERIC back through a float: re-rounding to
    two places restores the exact øre for any amount below 10^13)."""
    if value is None:
        return None
    if isinstance(value, float):
        value = repr(value)
    return to_ore(Decimal(value))


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes for timezone-aware columns; they were stored as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _decision_select() -> Any:
    """Decisions with the reference of the decision each supersedes."""
    old = decisions.alias("old")
    ref = select(old.c.reference).where(old.c.id == decisions.c.supersedes_id).scalar_subquery()
    return select(decisions, ref.label("supersedes_reference"))


def _current() -> Any:
    later = decisions.alias("later")
    return _decision_select().where(~select(later.c.id).where(later.c.supersedes_id == decisions.c.id).exists())


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>")


def _id_forms(ids: Iterable[str]) -> list[str]:
    """Message-IDs are stored as written (with angle brackets); match either form."""
    return [form for i in ids for form in (i, f"<{i}>")]


def _first_claimed_at(conn: Connection, row: DecisionRow) -> dt.datetime | None:
    """The Date of the message that first made the claim: follow `supersedes` back."""
    current: Any = row
    when = None
    while current is not None:
        if current.message_pk is not None:
            found = conn.execute(
                select(messages.c.header_date, messages.c.date_header, messages.c.received_at).where(messages.c.id == current.message_pk)
            ).first()
            if found is not None:
                when = _header_date(found) or _utc(found.received_at)
        if current.supersedes_id is None:
            break
        current = conn.execute(select(decisions).where(decisions.c.id == current.supersedes_id)).first()
    return when


def _workplace_of(conn: Connection, placement_id: str | None) -> str | None:
    if placement_id is None:
        return None
    return conn.execute(
        select(placement_versions.c.workplace)
        .where(placement_versions.c.placement_id == placement_id)
        .order_by(placement_versions.c.effective_from.desc())
        .limit(1)
    ).scalar()


def _workplace_account(workplace: str | None, placement_id: str | None) -> str:
    return f"workplace:{workplace or placement_id or 'unknown'}"


def _insert_with_reference(conn: Connection, values: dict[str, Any], year: int) -> tuple[int, str]:
    """JLT-YYYY-NNNNNN, sequential per year with no gaps: the next number after the year's
    highest. Two writers at once collide on the unique (year, seq); the loser tries again in
    a savepoint (PostgreSQL keeps the outer transaction usable)."""
    for _attempt in range(20):
        seq = (conn.execute(select(func.max(decisions.c.ref_seq)).where(decisions.c.ref_year == year)).scalar() or 0) + 1
        reference = f"{REFERENCE_PREFIX}-{year}-{seq:06d}"
        try:
            with conn.begin_nested():
                new_id = conn.execute(
                    insert(decisions).values(**values, reference=reference, ref_year=year, ref_seq=seq).returning(decisions.c.id)
                ).scalar_one()
            return int(new_id), reference
        except IntegrityError:
            continue
    raise LedgerError("could not allocate a decision reference")


def _post(
    conn: Connection,
    decision_id: int,
    reference: str,
    txn: str,
    kind: str,
    legs: Iterable[tuple[str, Decimal]],
) -> None:
    """Appends one balanced transaction (its legs sum to zero)."""
    legs = tuple(legs)
    if sum((amount for _, amount in legs), ZERO) != 0:
        raise LedgerError(f"unbalanced entries for {reference}")
    now = _now()
    for account, amount in legs:
        if amount == 0:
            continue
        conn.execute(
            insert(ledger_entries).values(
                txn=txn,
                decision_id=decision_id,
                reference=reference,
                account=account,
                amount=amount,
                kind=kind,
                created_at=now,
            )
        )


def _reverse(conn: Connection, old_id: int, reference: str) -> None:
    """Undoes what a superseded decision booked, under the new decision's reference but on the
    old decision's account lines, so each decision's balance shows what it still owes. An
    exported refund stays exported: its reversal leaves the old decision owing a negative
    amount (to claim back), and the new decision's refund is booked in full."""
    query = (
        select(ledger_entries.c.account, func.sum(ledger_entries.c.amount))
        .where(ledger_entries.c.decision_id == old_id)
        .where(ledger_entries.c.kind != "export")
        .group_by(ledger_entries.c.account)
        .order_by(ledger_entries.c.account)
    )
    legs = [(account, -to_ore(Decimal(total))) for account, total in conn.execute(query) if total]
    if legs:
        _post(conn, old_id, reference, f"{reference}:reversal", "reversal", legs)


def _rules_version() -> str:
    from claims.policy import RULES_VERSION

    return RULES_VERSION
