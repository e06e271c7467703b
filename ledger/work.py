"""Who works on what, decided by the database: several `claims run` workers on one PostgreSQL.

A worker takes a piece of work (a message in the mailbox, a stored message to decide, a reply
to send, the nightly batch) with a PostgreSQL advisory lock, held on a connection of its own
for as long as the work lasts. Another worker that tries the same lock is told no at once and
goes on with the next piece (`pg_try_advisory_lock`, never a wait). A worker that dies (kill -9,
a lost host) loses its connection, and with it its locks: the work is free again at once, and
the ledger's own state (a message's `state`, a reply's `status`) tells the next worker what is
left to do. Nothing is kept in a local file, so workers on any number of hosts share one
database safely.

SQLite has one writer at a time and is used by one run at a time, under `app.locking.RunLock`
(a file lock beside the database): there every `take` succeeds.

Locks are two 32-bit keys: the kind of work, and a CRC-32 of its identity. Two identities with
the same CRC only make one worker skip a piece for a round; it is taken in the next one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum

from sqlalchemy import Connection, Engine, text


class Work(IntEnum):
    """The kinds of work, each its own lock space."""

    MAILBOX_MESSAGE = 1  # a message waiting in the mailbox, by its source key (folder, UIDVALIDITY, UID)
    STORED_MESSAGE = 2  # a recorded message, by its id: one worker parses and decides it
    REPLY = 3  # an outbox item, by its id: one worker sends it
    BATCH = 4  # the nightly batch: one at a time
    MIGRATION = 5  # the schema upgrade every command runs first
    PERSON = 6  # a CPR number: one worker at a time decides claims for one person (duplicates, earlier claims)


def _key(identity: str | int) -> int:
    """A signed 32-bit key for `identity` (advisory locks take int4 pairs)."""
    value = zlib.crc32(str(identity).encode())
    return value - (1 << 32) if value >= 1 << 31 else value


class WorkLocks:
    """A worker's locks on its pieces of work (one connection, opened on first use)."""

    def __init__(self, engine: Engine) -> None:
        self.shared = engine.dialect.name == "postgresql"
        self._engine = engine
        self._conn: Connection | None = None
        self._held: set[tuple[int, int]] = set()

    def _connection(self) -> Connection:
        if self._conn is None:
            self._conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return self._conn

    def take(self, kind: Work, identity: str | int) -> bool:
        """True when this worker now holds the piece (or already did); False when another does."""
        if not self.shared:
            return True
        pair = (int(kind), _key(identity))
        if pair in self._held:
            return True
        taken = bool(self._connection().execute(text("SELECT pg_try_advisory_lock(:k, :i)"), {"k": pair[0], "i": pair[1]}).scalar())
        if taken:
            self._held.add(pair)
        return taken

    def wait_for(self, kind: Work, identity: str | int) -> None:
        """Blocks until this worker holds the piece (the schema upgrade: the others wait for it)."""
        if not self.shared:
            return
        pair = (int(kind), _key(identity))
        if pair not in self._held:
            self._connection().execute(text("SELECT pg_advisory_lock(:k, :i)"), {"k": pair[0], "i": pair[1]})
            self._held.add(pair)

    def release(self, kind: Work, identity: str | int) -> None:
        pair = (int(kind), _key(identity))
        if pair in self._held and self._conn is not None:
            self._held.discard(pair)
            self._conn.execute(text("SELECT pg_advisory_unlock(:k, :i)"), {"k": pair[0], "i": pair[1]})

    @contextmanager
    def holding(self, kind: Work, identity: str | int) -> Iterator[bool]:
        """``with locks.holding(Work.REPLY, item.id) as mine:`` — `mine` False: another worker has it."""
        held_before = (int(kind), _key(identity)) in self._held
        mine = self.take(kind, identity)
        try:
            yield mine
        finally:
            if mine and not held_before:  # a piece held before stays held for the outer holder
                self.release(kind, identity)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        self._held.clear()
        if conn is not None:
            conn.close()  # the server drops whatever this session still held
