"""Refunds handed to the finance system (`claims payments export` and the payments page).

What a workplace is owed is the balance of its `workplace:<name>` account per decision; an
export books that balance to `finance:export` (entries of kind `export`, txn
`<reference>:export:<batch>`), so the same money is never exported twice. Reading what is owed
and booking the export happen in one transaction (PostgreSQL: a table lock; SQLite: BEGIN
IMMEDIATE), so two exports at once cannot both hand out the same refund.

A decision superseded after its export is reversed by the store (its balance goes negative:
money to claim back), and the new decision is owed in full; the next export lists both, so
finance sees the difference as a correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, func, select

from claims.money import to_ore
from ledger.entries import EXPORT_ACCOUNT, POOL_ACCOUNT, _post
from ledger.rows import _decision_of, _decision_select
from ledger.schema import decisions, ledger_entries
from ledger.store import Store

REFUND = "refund"  # the first payment of a decision
CORRECTION = "correction"  # a decision that supersedes one already exported: paid in full again
REVERSAL = "reversal"  # an exported decision since superseded: the money to claim back (negative)


@dataclass(frozen=True, slots=True)
class ExportLine:
    """One posting for the finance system: `amount` moves from the pool to the workplace
    (negative: back from the workplace to the pool)."""

    reference: str
    kind: str
    supersedes: str | None
    workplace: str
    placement_id: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    amount: Decimal
    pool_account: str
    workplace_account: str
    decided_by: str
    decided_on: dt.date


@dataclass(frozen=True, slots=True)
class ExportBatch:
    batch: str
    lines: int
    total: Decimal
    exported_at: dt.datetime


def unexported(store: Store, *, until: dt.date | None = None) -> tuple[ExportLine, ...]:
    """What the next export would hand over (nothing is booked)."""
    with store.engine.connect() as conn:
        return _owed(conn, until)


def export_refunds(store: Store, *, batch: str, until: dt.date | None = None) -> tuple[ExportLine, ...]:
    """Books every unexported refund (decided on or before `until`) as exported in `batch`, and
    returns the lines booked, in one transaction."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("LOCK TABLE ledger_entries IN SHARE ROW EXCLUSIVE MODE")
        lines = _owed(conn, until)
        refs = [x.reference for x in lines]
        ids = dict(conn.execute(select(decisions.c.reference, decisions.c.id).where(decisions.c.reference.in_(refs))).all())
        for line in lines:
            _post(
                conn,
                ids[line.reference],
                line.reference,
                f"{line.reference}:export:{batch}",
                "export",
                ((line.workplace_account, -line.amount), (EXPORT_ACCOUNT, line.amount)),
            )
    return lines


def batches(store: Store) -> tuple[ExportBatch, ...]:
    """Exports made so far, newest first."""
    query = (
        select(ledger_entries.c.txn, ledger_entries.c.amount, ledger_entries.c.created_at)
        .where(ledger_entries.c.kind == "export")
        .where(ledger_entries.c.account == EXPORT_ACCOUNT)
    )
    found: dict[str, list[tuple[Decimal, dt.datetime]]] = {}
    with store.engine.connect() as conn:
        for txn, amount, created in conn.execute(query):
            found.setdefault(txn.split(":export:", 1)[1], []).append((to_ore(Decimal(str(amount))), created))
    out = [
        ExportBatch(name, len(items), sum((a for a, _ in items), Decimal("0.00")), max(c for _, c in items))
        for name, items in found.items()
    ]
    return tuple(sorted(out, key=lambda b: b.batch, reverse=True))


def _owed(conn: Connection, until: dt.date | None) -> tuple[ExportLine, ...]:
    query = (
        select(ledger_entries.c.decision_id, ledger_entries.c.account, func.sum(ledger_entries.c.amount))
        .where(ledger_entries.c.account.like("workplace:%"))
        .group_by(ledger_entries.c.decision_id, ledger_entries.c.account)
    )
    owed = {(d, account): to_ore(Decimal(str(total))) for d, account, total in conn.execute(query) if total}
    owed = {k: v for k, v in owed.items() if v != 0}
    if not owed:
        return ()
    rows = {r.id: _decision_of(r) for r in conn.execute(_decision_select().where(decisions.c.id.in_({d for d, _ in owed})))}
    exported = set(conn.execute(select(ledger_entries.c.decision_id).where(ledger_entries.c.kind == "export")).scalars())
    lines = []
    for (decision_id, account), amount in sorted(owed.items()):
        row = rows[decision_id]
        if until is not None and row.decided_on > until:
            continue
        if amount < 0:
            kind = REVERSAL
        elif row.supersedes_id is not None and row.supersedes_id in exported:
            kind = CORRECTION
        else:
            kind = REFUND
        lines.append(
            ExportLine(
                reference=row.reference,
                kind=kind,
                supersedes=row.supersedes_reference,
                workplace=row.workplace or account.removeprefix("workplace:"),
                placement_id=row.placement_id,
                period_start=row.period_start,
                period_end=row.period_end,
                amount=amount,
                pool_account=POOL_ACCOUNT,
                workplace_account=account,
                decided_by=row.decided_by,
                decided_on=row.decided_on,
            )
        )
    return tuple(lines)
