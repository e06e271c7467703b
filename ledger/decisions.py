"""Decisions: append-only, each under a reference JLT-YYYY-NNNNNN, with their ledger entries.
A review or a correction appends a decision that `supersedes` the earlier one (reversing what
it booked). A decision, its entries, its reply and its message's state are written in one
transaction: the `Unit` that `Store.unit()` yields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from claims.context import EarlierClaim
from claims.model import Claim, Outcome, Period
from ledger import codec
from ledger.entries import POOL_ACCOUNT, _post, _reverse, _workplace_account
from ledger.messages import _set_state
from ledger.outbox import ReplyDraft, insert_reply
from ledger.rows import _current, _decision_of, _decision_select, _header_date, _money, _not_superseded, _now, _utc
from ledger.schema import decisions, messages, outbox, placement_versions
from ledger.values import DecisionLike, DecisionRow, LedgerError, WaitingClaim

REFERENCE_PREFIX = "JLT"
PAYING = (Outcome.APPROVED.value, Outcome.PARTIALLY_APPROVED.value)


class DecisionsMixin:
    """`Store`'s methods on decisions."""

    engine: Engine

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

    def decisions_of_message(self, message_pk: int) -> tuple[DecisionRow, ...]:
        """The decisions one message made (one per claim), oldest first."""
        query = _decision_select().where(decisions.c.message_pk == message_pk).order_by(decisions.c.id)
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

    def current_outcomes(self) -> dict[str, int]:
        """How many current decisions there are of each outcome, counted in the database (the
        status command and the metrics ask often; a long ledger is not read for it)."""
        query = select(decisions.c.outcome, func.count()).where(_not_superseded()).group_by(decisions.c.outcome)
        with self.engine.connect() as conn:
            return {outcome: int(count) for outcome, count in conn.execute(query)}

    def earlier_claims(self, placement_id: str, *, exclude_message_pk: int | None = None) -> tuple[EarlierClaim, ...]:
        """The current decisions of a placement that have a period, for `DUPLICATE`."""
        query = (
            select(decisions.c.period_start, decisions.c.period_end, decisions.c.outcome, decisions.c.message_id)
            .where(decisions.c.placement_id == placement_id)
            .where(_not_superseded())
            .order_by(decisions.c.id)
        )  # only the columns DUPLICATE needs: a placement has many decisions, and each claim's JSON is large
        if exclude_message_pk is not None:
            query = query.where((decisions.c.message_pk.is_(None)) | (decisions.c.message_pk != exclude_message_pk))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        periods = ((r, r.period_start, r.period_end) for r in rows)
        return tuple(EarlierClaim(placement_id, Period(start, end), Outcome(r.outcome), r.message_id)
                     for r, start, end in periods if start is not None and end is not None and end >= start)  # fmt: skip

    def waiting_periods(self, cpr: str) -> tuple[tuple[str, Period | None], ...]:
        """The reference and period of each claim of this person waiting for information, oldest
        first: only the columns a superseding claim needs (a person may have many)."""
        query = (
            select(decisions.c.reference, decisions.c.period_start, decisions.c.period_end)
            .where(decisions.c.outcome == Outcome.NEEDS_INFORMATION.value, decisions.c.cpr == cpr)
            .where(_not_superseded())
            .order_by(decisions.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return tuple((r.reference, Period(r.period_start, r.period_end) if r.period_start and r.period_end and
                      r.period_end >= r.period_start else None) for r in rows)  # fmt: skip

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
        return insert_reply(self.conn, draft, decision=decision, message_pk=message_pk)

    def set_message_state(self, message_pk: int, state: str, *, error: str | None = None) -> None:
        _set_state(self.conn, message_pk, state, error)


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


def _rules_version() -> str:
    from claims.policy import RULES_VERSION

    return RULES_VERSION
