"""The database hands out work: on PostgreSQL one worker at a time holds a piece, and a worker
that goes away frees its pieces; on SQLite (one run at a time, a file lock) every take succeeds."""

from __future__ import annotations

import pytest

from ledger.store import Store
from ledger.work import Work, WorkLocks

pytestmark = pytest.mark.integration


def test_a_piece_taken_by_one_worker_is_refused_to_another_until_released(database_url: str) -> None:
    store = Store.from_url(database_url)
    one, two = WorkLocks(store.engine), WorkLocks(store.engine)
    try:
        assert one.take(Work.STORED_MESSAGE, 7)
        if not one.shared:  # SQLite: the run lock keeps a second run away, not these
            assert two.take(Work.STORED_MESSAGE, 7)
            return
        assert not two.take(Work.STORED_MESSAGE, 7)
        assert two.take(Work.STORED_MESSAGE, 8)  # another message is free
        assert two.take(Work.REPLY, 7)  # and so is reply 7: each kind of work is its own
        one.release(Work.STORED_MESSAGE, 7)
        assert two.take(Work.STORED_MESSAGE, 7)
    finally:
        one.close()
        two.close()


def test_a_worker_that_goes_away_frees_what_it_held(database_url: str) -> None:
    store = Store.from_url(database_url)
    gone, other = WorkLocks(store.engine), WorkLocks(store.engine)
    try:
        assert gone.take(Work.MAILBOX_MESSAGE, "imap:INBOX:1:5")
        gone.close()  # as a killed process's session ends
        assert other.take(Work.MAILBOX_MESSAGE, "imap:INBOX:1:5")
        with other.holding(Work.MAILBOX_MESSAGE, "imap:INBOX:1:5") as mine:
            assert mine  # held already by this worker: taking it again is no refusal
        again = WorkLocks(store.engine)
        assert again.take(Work.MAILBOX_MESSAGE, "imap:INBOX:1:5") is not other.shared  # and the outer hold stays
        again.close()
    finally:
        other.close()


def test_holding_gives_the_piece_back_at_the_end(database_url: str) -> None:
    store = Store.from_url(database_url)
    one, two = WorkLocks(store.engine), WorkLocks(store.engine)
    try:
        with one.holding(Work.REPLY, 3) as mine:
            assert mine and (two.take(Work.REPLY, 3) is not one.shared)
            two.release(Work.REPLY, 3)
        assert two.take(Work.REPLY, 3)
    finally:
        one.close()
        two.close()
