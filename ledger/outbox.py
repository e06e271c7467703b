"""The outbox: a reply is stored in the same transaction as its decision (`Unit.add_reply`),
then `app` hands it to a sender and records that it was sent (`mark_sent`) or failed
(`mark_send_failed`, tried again at a later time or given up). Only the sending state of a row
ever changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.engine import Engine

from claims.cpr import mask_in_text
from ledger.rows import _aware, _now
from ledger.schema import outbox
from ledger.values import DecisionRow


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


class OutboxMixin:
    """`Store`'s outbox methods."""

    engine: Engine

    def pending_replies(self, *, now: dt.datetime | None = None, limit: int | None = None) -> tuple[OutboxItem, ...]:
        """Replies to send now: pending, and due (no retry time, or one that has come); the
        first `limit` of them by id (a run sends in batches, so its memory stays flat: the
        replies' bytes are read only for the batch)."""
        moment = _aware(now or _now())
        listed = select(outbox.c.id, outbox.c.next_attempt_at).where(outbox.c.status == "pending").order_by(outbox.c.id)
        with self.engine.connect() as conn:
            due = [row.id for row in conn.execute(listed) if row.next_attempt_at is None or _aware(row.next_attempt_at) <= moment]
            due = due[:limit] if limit is not None else due
            if not due:
                return ()
            rows = conn.execute(select(outbox).where(outbox.c.id.in_(due)).order_by(outbox.c.id))
            return tuple(_outbox_of(row) for row in rows)

    def reply_status(self, outbox_id: int) -> str | None:
        """An outbox item's status now (another worker may have sent it since it was listed)."""
        with self.engine.connect() as conn:
            return conn.execute(select(outbox.c.status).where(outbox.c.id == outbox_id)).scalar_one_or_none()

    def outbox(self, *, status: str | None = None) -> tuple[OutboxItem, ...]:
        query = select(outbox).order_by(outbox.c.id)
        if status is not None:
            query = query.where(outbox.c.status == status)
        with self.engine.connect() as conn:
            return tuple(_outbox_of(row) for row in conn.execute(query))

    def reply_counts(self) -> dict[str, int]:
        """Outbox items by status (pending, sent, failed): counted in the database, not read."""
        query = select(outbox.c.status, func.count()).group_by(outbox.c.status)
        with self.engine.connect() as conn:
            return {status: int(count) for status, count in conn.execute(query)}

    def add_reply(self, draft: ReplyDraft, *, message_pk: int | None = None) -> int:
        """A reply with no decision of its own (a reminder, a receipt): into the outbox."""
        with self.engine.begin() as conn:
            return insert_reply(conn, draft, message_pk=message_pk)

    def mark_sent(self, outbox_id: int, *, sent_at: dt.datetime | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == outbox_id)
                .values(status="sent", sent_at=sent_at or _now(), attempts=outbox.c.attempts + 1, last_error=None)
            )

    def requeue_failed(self) -> int:
        """An operator's retry after a repair (a wrong address, SMTP down for days): every reply
        that was given up on is pending again with a fresh count of tries. Returns how many."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(outbox).where(outbox.c.status == "failed").values(status="pending", attempts=0, next_attempt_at=None)
            )
        return int(result.rowcount or 0)

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


def insert_reply(conn: Connection, draft: ReplyDraft, *, decision: DecisionRow | None = None, message_pk: int | None = None) -> int:
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
    return int(conn.execute(insert(outbox).values(**values).returning(outbox.c.id)).scalar_one())


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
