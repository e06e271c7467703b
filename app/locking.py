"""One run at a time per database: two runs never work on the same messages (fcntl lock on a
file next to a SQLite database, or in var/ for a server database)."""

from __future__ import annotations

import fcntl
import hashlib
import time
from pathlib import Path
from types import TracebackType


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
