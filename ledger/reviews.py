"""The review page's part of the ledger: users, sessions, login attempts and review events.

Kept apart from `ledger.store` so the claim pipeline's store stays as it is; `app` builds one
`ReviewLedger` on the same engine as the `Store`. Review events are append-only (the database
refuses UPDATE and DELETE, migration 0002): a first FOUR_EYES approval, a revealed CPR number,
a filed mail are facts with who and when, never edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from claims.cpr import mask_in_text
from ledger.schema import login_attempts, review_events, sessions, users
from ledger.store import LedgerError

ROLES = ("reviewer", "admin")

# Kinds of review events.
APPROVAL_PENDING = "approval_pending"  # the first of two FOUR_EYES approvals
APPROVAL_WITHDRAWN = "approval_withdrawn"
CPR_REVEALED = "cpr_revealed"
MAIL_FILED = "mail_filed"


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str
    password_hash: str
    created_at: dt.datetime

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    user: User
    csrf: str
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    id: int
    kind: str
    reference: str | None
    message_pk: int | None
    user_name: str
    data: Mapping[str, Any]
    created_at: dt.datetime


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _user_of(row: Any) -> User:
    return User(row.id, row.name, row.role, row.password_hash, _aware(row.created_at))


def _event_of(row: Any) -> ReviewEvent:
    return ReviewEvent(row.id, row.kind, row.reference, row.message_pk, row.user_name, dict(row.data or {}), _aware(row.created_at))


class ReviewLedger:
    """Users, sessions, login attempts and review events, on the Store's engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- users ---

    def add_user(self, name: str, *, role: str, password_hash: str) -> User:
        if role not in ROLES:
            raise LedgerError(f"unknown role {role!r} (one of {', '.join(ROLES)})")
        name = name.strip()
        if not name or len(name) > 100:
            raise LedgerError("a user name is 1 to 100 characters")
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(users).values(name=name, role=role, password_hash=password_hash, created_at=_now()))
        except IntegrityError as err:
            raise LedgerError(f"the user {name!r} exists already") from err
        found = self.user(name)
        if found is None:  # pragma: no cover - just inserted
            raise LedgerError("a new user vanished")
        return found

    def set_password(self, name: str, password_hash: str) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(update(users).where(users.c.name == name).values(password_hash=password_hash)).rowcount
        if not done:
            raise LedgerError(f"no user {name!r}")

    def user(self, name: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).first()
        return None if row is None else _user_of(row)

    def users(self) -> tuple[User, ...]:
        with self.engine.connect() as conn:
            return tuple(_user_of(r) for r in conn.execute(select(users).order_by(users.c.name)))

    # --- sessions ---

    def start_session(self, user: User, *, token_hash: str, csrf: str, expires_at: dt.datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(sessions).values(token_hash=token_hash, user_id=user.id, csrf=csrf, created_at=_now(), expires_at=expires_at)
            )

    def session(self, token_hash: str, *, now: dt.datetime | None = None) -> Session | None:
        """The live session with this token hash (not ended, not expired), or None."""
        moment = now or _now()
        query = (
            select(
                sessions.c.id.label("session_id"),
                sessions.c.csrf,
                sessions.c.expires_at,
                sessions.c.ended_at,
                users.c.id,
                users.c.name,
                users.c.role,
                users.c.password_hash,
                users.c.created_at,
            )
            .join(users, users.c.id == sessions.c.user_id)
            .where(sessions.c.token_hash == token_hash)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.ended_at is not None or _aware(row.expires_at) <= moment:
            return None
        return Session(row.session_id, _user_of(row), row.csrf, _aware(row.expires_at))

    def end_session(self, token_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(sessions).where(sessions.c.token_hash == token_hash).values(ended_at=_now()))

    # --- login attempts ---

    def record_login_attempt(self, name: str, address: str, *, ok: bool, at: dt.datetime | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(login_attempts).values(name=name[:100], address=address[:64], ok=int(ok), at=at or _now()))

    def failed_logins(self, *, since: dt.datetime, name: str | None = None, address: str | None = None) -> int:
        """Failed attempts since `since`, for this name and/or address."""
        query = select(func.count()).select_from(login_attempts).where(login_attempts.c.ok == 0).where(login_attempts.c.at >= since)
        if name is not None:
            query = query.where(login_attempts.c.name == name[:100])
        if address is not None:
            query = query.where(login_attempts.c.address == address[:64])
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def last_failed_login(self, *, since: dt.datetime, name: str) -> dt.datetime | None:
        """When the latest failed attempt for this user name (from any address) was, if since `since`."""
        query = (select(func.max(login_attempts.c.at)).where(login_attempts.c.ok == 0)
                 .where(login_attempts.c.at >= since).where(login_attempts.c.name == name[:100]))
        with self.engine.connect() as conn:
            found = conn.execute(query).scalar_one()
        return None if found is None else _aware(found)

    # --- review events ---

    def add_event(
        self,
        kind: str,
        *,
        user_name: str,
        reference: str | None = None,
        message_pk: int | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> ReviewEvent:
        """Appends an event. Free texts in `data` are masked: an event never holds a CPR."""
        clean = {k: mask_in_text(v) if isinstance(v, str) else v for k, v in (data or {}).items()}
        with self.engine.begin() as conn:
            new_id = conn.execute(
                insert(review_events)
                .values(kind=kind, reference=reference, message_pk=message_pk, user_name=user_name, data=clean, created_at=_now())
                .returning(review_events.c.id)
            ).scalar_one()
            row = conn.execute(select(review_events).where(review_events.c.id == new_id)).one()
        return _event_of(row)

    def events(
        self, *, references: tuple[str, ...] = (), message_pk: int | None = None, kind: str | None = None
    ) -> tuple[ReviewEvent, ...]:
        """Events, oldest first: of these references, or this message, or all of one kind."""
        query = select(review_events).order_by(review_events.c.id)
        if references:
            query = query.where(review_events.c.reference.in_(references))
        if message_pk is not None:
            query = query.where(review_events.c.message_pk == message_pk)
        if kind is not None:
            query = query.where(review_events.c.kind == kind)
        with self.engine.connect() as conn:
            return tuple(_event_of(r) for r in conn.execute(query))

    def pending_approval(self, reference: str) -> ReviewEvent | None:
        """The first FOUR_EYES approval of this decision still waiting for a second reviewer."""
        pending = None
        for event in self.events(references=(reference,)):
            if event.kind == APPROVAL_PENDING:
                pending = event
            elif event.kind == APPROVAL_WITHDRAWN:
                pending = None
        return pending

    def filed_messages(self) -> frozenset[int]:
        return frozenset(e.message_pk for e in self.events(kind=MAIL_FILED) if e.message_pk is not None)
