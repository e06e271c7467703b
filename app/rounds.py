"""A run of the mail pipeline and its rounds, as `claims status` and the metrics see them: the
ledger's `runs` row of this process is brought up to date at the end of every round (ledger/runs.py)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from app.bootstrap import Services
from ledger.store import Round

if TYPE_CHECKING:  # app.pipeline records its rounds here
    from app.pipeline import RunReport

log = logging.getLogger("claims.run")


class RunLog:
    """One process's run (`kind`: daemon, once or batch); its row is made at its first round."""

    def __init__(self, services: Services, kind: str) -> None:
        self.services, self.kind = services, kind
        self._run_id: int | None = None

    @contextmanager
    def round(self, report: RunReport) -> Iterator[None]:
        """Records the round the block runs, with what it added to `report` (which a daemon
        keeps over all its rounds), or the error that stopped it (then raised on)."""
        before = _counts(report)
        started = dt.datetime.now(dt.UTC)
        try:
            yield
        except Exception as err:
            self._record(started, report, before, error=f"{type(err).__name__}: {err}")
            raise
        self._record(started, report, before, error=None)

    def _record(self, started: dt.datetime, report: RunReport, before: tuple[int, ...], *, error: str | None) -> None:
        seen, handled, failed, sent = (now - then for now, then in zip(_counts(report), before, strict=True))
        ended = dt.datetime.now(dt.UTC)
        metrics = self.services.metrics
        metrics.rounds.labels(result="error" if error else "ok").inc()
        if error is None:
            metrics.last_ok.set(ended.timestamp())
        try:
            store = self.services.store
            if self._run_id is None:
                self._run_id = store.start_run(self.kind, f"{socket.gethostname()}:{os.getpid()}")
            store.record_round(self._run_id, Round(started, ended, seen, handled, failed, sent, error))
        except SQLAlchemyError as err:  # the database is what failed: the round's own error says more
            log.warning("the round could not be recorded (%s)", type(err).__name__)


def _counts(report: RunReport) -> tuple[int, int, int, int]:
    return report.seen, report.decided + len(report.failed), len(report.failed), report.sent
