"""Who may run when. On SQLite, one run at a time per database: an fcntl lock on a file next to
the database (SQLite has one writer; two runs would only wait on each other). On PostgreSQL any
number of `claims run` workers share the database, on one host or many: the database itself
hands out each message and reply (ledger/work.py), so runs take no lock of their own here, and
only the nightly batch is one at a time (an advisory lock, `Work.BATCH`)."""

from __future__ import annotations

import fcntl
import hashlib
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ledger.work import Work

if TYPE_CHECKING:
    from app.bootstrap import Services


class Busy(Exception):
    """Another run holds the lock."""


class RunLock:
    def __init__(self, database_url: str, *, wait: float = 600.0) -> None:
        if database_url.startswith("sqlite:///") and ":memory:" not in database_url:
            self.path = Path(database_url.removeprefix("sqlite:///") + ".lock")
        else:
            digest = hashlib.sha256(database_url.encode()).hexdigest()[:16]
            self.path = Path("var") / f"run-{digest}.lock"
        self.wait = wait
        self._file = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "a+")  # noqa: SIM115 - held for the whole run
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Busy(f"another claims run holds {self.path}") from None
                time.sleep(0.2)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def run_lock(services: Services, *, wait: float = 600.0) -> AbstractContextManager[object]:
    """What a `claims run` round holds: the file lock on SQLite, nothing on PostgreSQL."""
    if services.work.shared:
        return nullcontext()
    return RunLock(services.settings.database_url, wait=wait)


@contextmanager
def batch_lock(services: Services, *, wait: float = 600.0) -> Iterator[None]:
    """What `claims batch` holds: the file lock on SQLite; on PostgreSQL the batch's advisory
    lock, so two batches (two hosts' timers) never overlap while the workers go on."""
    if not services.work.shared:
        with RunLock(services.settings.database_url, wait=wait):
            yield
        return
    deadline = time.monotonic() + wait
    while not services.work.take(Work.BATCH, "batch"):
        if time.monotonic() > deadline:
            raise Busy("another claims batch is running on this database")
        time.sleep(0.5)
    try:
        yield
    finally:
        services.work.release(Work.BATCH, "batch")
