"""Placements and the pool: `import_placements` stores the CSV's rows and runs the pool
(`claims.pool`) over all of them; the statuses it computes are stored with the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.engine import Engine

from claims import pool
from claims.model import Placement, PlacementVersion
from ledger.rows import _now
from ledger.schema import placement_versions
from ledger.values import ImportResult, LedgerError


class PlacementsMixin:
    """`Store`'s methods on placements and the pool."""

    engine: Engine

    def import_placements(self, versions: Sequence[PlacementVersion], *, capacity: Decimal, today: dt.date) -> ImportResult:
        """Adds or updates the rows (keyed by placement_id and effective_from), then runs the
        pool over all rows: earlier approvals are kept, new rows compete first come, first
        served. Rows not in `versions` stay as they are. Idempotent: importing the same rows
        again changes nothing. The caller has checked the rows (claims.pool.check_limits)."""
        keys = [pool.key_of(v) for v in versions]
        if len(set(keys)) != len(keys):
            raise LedgerError("the same placement version twice in one import")
        now = _now()
        added: list[pool.VersionKey] = []
        updated: list[pool.VersionKey] = []
        unchanged: list[pool.VersionKey] = []
        with self.engine.begin() as conn:
            stored = {pool.key_of(v): (v, status) for v, status in self._versions(conn, lock=True)}
            for version in versions:
                key = pool.key_of(version)
                values = _version_values(version)
                if key not in stored:
                    conn.execute(insert(placement_versions).values(**values, pool_status=pool.WAITLISTED, imported_at=now, updated_at=now))
                    added.append(key)
                elif _version_values(stored[key][0]) != values:
                    conn.execute(
                        update(placement_versions)
                        .where(placement_versions.c.placement_id == key[0])
                        .where(placement_versions.c.effective_from == key[1])
                        .values(**values, updated_at=now)
                    )
                    updated.append(key)
                else:
                    unchanged.append(key)
            earlier = {k: v for k, (v, status) in stored.items() if status == pool.APPROVED}
            rows = [v for v, _ in self._versions(conn)]
            allocation = pool.allocate(rows, capacity=capacity, today=today, previously_approved=earlier)
            for entry in allocation.entries:
                for item in entry.versions:
                    key = pool.key_of(item.version)
                    if key in stored and stored[key][1] == item.status and key not in updated:
                        continue
                    conn.execute(
                        update(placement_versions)
                        .where(placement_versions.c.placement_id == key[0])
                        .where(placement_versions.c.effective_from == key[1])
                        .values(pool_status=item.status)
                    )
        return ImportResult(tuple(added), tuple(updated), tuple(unchanged), allocation)

    def allocation(self, *, capacity: Decimal, today: dt.date) -> pool.Allocation:
        """The pool as the last import left it, with `ended` as of `today`."""
        with self.engine.connect() as conn:
            stored = self._versions(conn)
        by_placement: dict[str, list[pool.VersionStatus]] = {}
        for version, status in stored:
            finding = () if status == pool.APPROVED else (pool.pool_full(version, capacity),)
            by_placement.setdefault(version.placement_id, []).append(pool.VersionStatus(version, status, finding))
        entries = tuple(pool.entry_of(pid, items, today=today) for pid, items in sorted(by_placement.items()))
        return pool.Allocation(entries, capacity)

    def placements(self, *, today: dt.date) -> tuple[Placement, ...]:
        """Every placement as the rules see it (approved versions only), with its status."""
        return tuple(e.placement() for e in self.allocation(capacity=Decimal(0), today=today).entries)

    def placements_for_cpr(self, cpr: str, *, today: dt.date) -> tuple[Placement, ...]:
        """The approved (or ended) placements of one CPR number: `DecisionContext.placements`."""
        digits = cpr.replace("-", "")
        return tuple(p for p in self.placements(today=today) if p.first.cpr == digits and p.status != pool.WAITLISTED)

    def _versions(self, conn: Connection, *, lock: bool = False) -> list[tuple[PlacementVersion, str]]:
        query = select(placement_versions).order_by(placement_versions.c.placement_id, placement_versions.c.effective_from)
        if lock and conn.dialect.name == "postgresql":
            # Two imports at once would each see the other's rows as new: serialise them.
            conn.exec_driver_sql("LOCK TABLE placement_versions IN SHARE ROW EXCLUSIVE MODE")
        return [(_version_of(row), row.pool_status) for row in conn.execute(query)]


def _version_values(v: PlacementVersion) -> dict[str, Any]:
    return {
        "placement_id": v.placement_id,
        "effective_from": v.effective_from,
        "employee_name": v.employee_name,
        "cpr": v.cpr,
        "employer_name": v.employer_name,
        "cvr": v.cvr,
        "workplace": v.workplace,
        "contact_emails": ";".join(v.contact_emails),
        "weekly_hours": v.weekly_hours,
        "start_date": v.start_date,
        "end_date": v.end_date,
        "praktik_until": v.praktik_until,
        # CSV times are local wall-clock times; one with an offset is kept as UTC wall-clock.
        "applied_at": v.applied_at if v.applied_at.tzinfo is None else v.applied_at.astimezone(dt.UTC).replace(tzinfo=None),
        "holiday_scheme": v.holiday_scheme,
    }


def _version_of(row: Any) -> PlacementVersion:
    return PlacementVersion(
        placement_id=row.placement_id,
        employee_name=row.employee_name,
        cpr=row.cpr,
        employer_name=row.employer_name,
        cvr=row.cvr,
        workplace=row.workplace,
        contact_emails=tuple(e for e in row.contact_emails.split(";") if e),
        weekly_hours=Decimal(row.weekly_hours),
        start_date=row.start_date,
        end_date=row.end_date,
        praktik_until=row.praktik_until,
        effective_from=row.effective_from,
        applied_at=row.applied_at,
        holiday_scheme=row.holiday_scheme,
    )
