"""The ledger: placements, the processed-message record, decisions with their double-entry
entries, and the outbox, in one database (SQLite or PostgreSQL).

`Store` is built once from an engine (`make_engine(url)`) by `app`, and passed in. Decisions
and ledger entries are append-only (the database refuses UPDATE and DELETE on them): a review
or a correction appends a decision that `supersedes` the earlier one, with reversal entries.
A decision, its entries and its reply are written in one transaction (`Store.unit()`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.engine import Engine

from ledger import migrate
from ledger.decisions import PAYING, REFERENCE_PREFIX, DecisionsMixin, Unit
from ledger.entries import EXPORT_ACCOUNT, POOL_ACCOUNT, EntriesMixin
from ledger.messages import MessagesMixin
from ledger.outbox import OutboxItem, OutboxMixin, ReplyDraft
from ledger.placements import PlacementsMixin
from ledger.runs import Round, RunRow, RunsMixin
from ledger.values import DecisionLike, DecisionRow, ImportResult, LedgerError, RecordedMessage, WaitingClaim

__all__ = [
    "EXPORT_ACCOUNT",
    "PAYING",
    "POOL_ACCOUNT",
    "REFERENCE_PREFIX",
    "DecisionLike",
    "DecisionRow",
    "ImportResult",
    "LedgerError",
    "OutboxItem",
    "RecordedMessage",
    "ReplyDraft",
    "Round",
    "RunRow",
    "Store",
    "Unit",
    "WaitingClaim",
    "make_engine",
]


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
            # WAL: a commit is one append and one fsync (not a rollback journal's several), and
            # readers (the review page) do not block the writer. synchronous=FULL keeps every
            # commit on disk before the message is filed, power loss included.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # IMMEDIATE: a writer takes the write lock at once, so two writers wait for each
            # other (busy_timeout) instead of failing when a read lock is upgraded.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Store(PlacementsMixin, MessagesMixin, DecisionsMixin, EntriesMixin, OutboxMixin, RunsMixin):
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
