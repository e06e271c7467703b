"""The processed-message record: every fetched message is kept, raw, before anything else
happens to it. Intake is idempotent (by SHA-256); errors are stored with CPR numbers masked."""

from __future__ import annotations

import datetime as dt
import email.parser
import email.utils
import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from claims.cpr import mask_in_text
from ledger.rows import _MESSAGE_COLUMNS, _message_of, _now, _utc
from ledger.schema import messages
from ledger.values import LedgerError, RecordedMessage


class MessagesMixin:
    """`Store`'s methods on the processed-message record."""

    engine: Engine

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
        return self.message_from_source(source_key) is not None

    def message_from_source(self, source_key: str) -> RecordedMessage | None:
        """The message recorded from this folder+UIDVALIDITY+UID (or Maildir key), if any: a run
        that finds it handled files it without reading its body again."""
        return self._message_by(messages.c.source_key == source_key)

    def message_with_id(self, message_id: str) -> RecordedMessage | None:
        """The latest message recorded with this Message-ID, if any."""
        return self._message_by(messages.c.message_id == message_id)

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


def _replace_created(found: RecordedMessage) -> RecordedMessage:
    return replace(found, created=True)


def _set_state(conn: Connection, message_pk: int, state: str, error: str | None) -> None:
    conn.execute(
        update(messages)
        .where(messages.c.id == message_pk)
        .values(state=state, error=None if error is None else mask_in_text(error)[:4000], updated_at=_now())
    )
