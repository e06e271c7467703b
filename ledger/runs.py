"""The runs of the mail pipeline (`claims run`, `run --once`, `batch`) and their last rounds:
one row per run, brought up to date at the end of each round, for `claims status`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from claims.cpr import mask_in_text
from ledger.rows import _aware, _now
from ledger.schema import runs


@dataclass(frozen=True, slots=True)
class Round:
    """What one round did: listed `seen` messages, handled `handled`, `failed` of them failed,
    sent `sent` replies; `error` the infrastructure fault that stopped it (None: it ran to its end)."""

    started_at: dt.datetime
    ended_at: dt.datetime
    seen: int = 0
    handled: int = 0
    failed: int = 0
    sent: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class RunRow:
    """A run with its last round."""

    id: int
    kind: str
    worker: str
    started_at: dt.datetime
    rounds: int
    last_round: Round | None
    last_ok_at: dt.datetime | None


class RunsMixin:
    """`Store`'s methods for runs and their rounds."""

    engine: Engine

    def start_run(self, kind: str, worker: str) -> int:
        values = {"kind": kind, "worker": worker[:100], "started_at": _now(), "rounds": 0,
                  "round_seen": 0, "round_handled": 0, "round_failed": 0, "round_sent": 0}  # fmt: skip
        with self.engine.begin() as conn:
            return int(conn.execute(insert(runs).values(**values).returning(runs.c.id)).scalar_one())

    def record_round(self, run_id: int, done: Round) -> None:
        values: dict[str, Any] = {
            "rounds": runs.c.rounds + 1, "round_started_at": done.started_at, "round_ended_at": done.ended_at,
            "round_seen": done.seen, "round_handled": done.handled, "round_failed": done.failed, "round_sent": done.sent,
            "error": None if done.error is None else mask_in_text(done.error)[:500],
        }  # fmt: skip
        if done.error is None:
            values["last_ok_at"] = done.ended_at
        with self.engine.begin() as conn:
            conn.execute(update(runs).where(runs.c.id == run_id).values(**values))

    def last_round(self) -> RunRow | None:
        """The run whose round ended last (any kind, any worker), or None before the first round."""
        query = select(runs).where(runs.c.round_ended_at.is_not(None)).order_by(runs.c.round_ended_at.desc(), runs.c.id.desc())
        with self.engine.connect() as conn:
            row = conn.execute(query.limit(1)).first()
        return None if row is None else _run_of(row)

    def last_ok_round_at(self) -> dt.datetime | None:
        """When the last round that ran to its end ended, over every run."""
        with self.engine.connect() as conn:
            value = conn.execute(select(func.max(runs.c.last_ok_at))).scalar_one_or_none()
        return None if value is None else _aware(value)


def _run_of(row: Any) -> RunRow:
    last = None
    if row.round_ended_at is not None and row.round_started_at is not None:
        last = Round(_aware(row.round_started_at), _aware(row.round_ended_at), row.round_seen, row.round_handled,
                     row.round_failed, row.round_sent, row.error)  # fmt: skip
    return RunRow(row.id, row.kind, row.worker, _aware(row.started_at), row.rounds, last,
                  None if row.last_ok_at is None else _aware(row.last_ok_at))  # fmt: skip
