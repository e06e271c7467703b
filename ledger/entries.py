"""Double-entry bookkeeping: each `txn` of `ledger_entries` sums to zero. A paying decision
books `pool` -A / `workplace:<name>` +A (`refund`); a superseding decision first books the
`reversal` of what the superseded one booked; an export books `workplace:<name>` -A /
`finance:export` +A (`export`). Entries are append-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.engine import Engine

from claims.money import ZERO, to_ore
from ledger.rows import _decision_of, _decision_select, _now
from ledger.schema import decisions, ledger_entries
from ledger.values import DecisionRow, LedgerError

POOL_ACCOUNT = "pool"
EXPORT_ACCOUNT = "finance:export"


class EntriesMixin:
    """`Store`'s methods on money: balances, entries, and what is owed and exported."""

    engine: Engine

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


def _workplace_account(workplace: str | None, placement_id: str | None) -> str:
    return f"workplace:{workplace or placement_id or 'unknown'}"


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
