"""The values the store returns (frozen, read from the database) and the error it raises.

`ReplyDraft` and `OutboxItem` live with the outbox (`ledger.outbox`); `ledger.store`
re-exports all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from claims import pool
from claims.model import Claim, Period


class LedgerError(Exception):
    """The ledger cannot do what was asked (a bug or the database, never bad claim data)."""


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


class DecisionLike(Protocol):
    """What the store reads of the rules core's `Decision` (claims/decide.py); read by
    attribute, so any value with these fields will do."""

    outcome: Any
    claimed: Decimal | None
    approved: Decimal | None
