"""The payments export for the finance system (CSV), shared by the page and
`claims payments export`. Columns (docs/review.md):

reference, kind (refund | correction | reversal), supersedes, workplace, placement_id,
period_start, period_end, amount (dot decimal; negative = claim back), pool_account (debit),
workplace_account (credit), decided_by, decided_on, batch.
No CPR numbers: the finance system needs none (RULES.md §6).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from claims.money import format_amount
from ledger.payments import ExportLine

COLUMNS = (
    "reference",
    "kind",
    "supersedes",
    "workplace",
    "placement_id",
    "period_start",
    "period_end",
    "amount",
    "pool_account",
    "workplace_account",
    "decided_by",
    "decided_on",
    "batch",
)


def batch_name(now: dt.datetime) -> str:
    """A batch is named by its UTC moment, to the second (sorts as it happened)."""
    return now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def to_csv(lines: Iterable[ExportLine], batch: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow(
            (
                line.reference,
                line.kind,
                line.supersedes or "",
                line.workplace,
                line.placement_id or "",
                line.period_start.isoformat() if line.period_start else "",
                line.period_end.isoformat() if line.period_end else "",
                format_amount(line.amount),
                line.pool_account,
                line.workplace_account,
                line.decided_by,
                line.decided_on.isoformat(),
                batch,
            )
        )
    return out.getvalue()
