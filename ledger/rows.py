"""Database rows to the store's values, and the column conversions every part of the store
shares: the clock, UTC moments, money to øre, and the queries that read decisions."""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import select

from claims.money import to_ore
from ledger import codec
from ledger.schema import decisions, messages
from ledger.values import DecisionRow, RecordedMessage

_MESSAGE_COLUMNS = tuple(c for c in messages.c if c.name not in ("raw", "parse"))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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


@cache  # a Select is immutable (each .where() makes a new one): built once, not per query
def _decision_select() -> Any:
    """Decisions with the reference of the decision each supersedes."""
    old = decisions.alias("old")
    ref = select(old.c.reference).where(old.c.id == decisions.c.supersedes_id).scalar_subquery()
    return select(decisions, ref.label("supersedes_reference"))


@cache
def _not_superseded() -> Any:
    """The condition that no later decision supersedes a decision (it is current)."""
    later = decisions.alias("later")
    return ~select(later.c.id).where(later.c.supersedes_id == decisions.c.id).exists()


@cache
def _current() -> Any:
    return _decision_select().where(_not_superseded())
