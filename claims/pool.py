"""Placements against the pool (RULES.md §5): row limits, first come first served, waitlist.

Pure: rows in, statuses out; `today` and the scheme's numbers are arguments.

- `read_row` turns one CSV row (a mapping of the contract's columns) into a `PlacementVersion`
  or a `RowProblem` (unreadable);
- `check_limits` gives `WEEKLY_HOURS_OVER_MAX` / `DURATION_OVER_MAX`: such rows are refused;
- `allocate` grants the pool's hours per week first come, first served by `applied_at`.

The pool model (written down in docs/ledger.md):

- Every row is an application: the first version of a placement asks for its weekly hours
  over its paid employment (after any praktik, which is unpaid, up to the end date); an
  addendum (*tillæg*) asks for its hours from its `effective_from` until the next version or
  the end. An addendum must fit the pool too; a reduction always fits.
- A day's use is the sum of the approved hours in force that day over all placements; an
  application fits when no day it touches would go above the capacity.
- Applications are granted in order of `applied_at`; one that does not fit is waitlisted
  (`POOL_FULL`). Whenever hours free up (a reduction is granted, or re-imported rows end a
  placement earlier), the waitlist is offered again, oldest application first.
- An approval is never withdrawn by a later import (`previously_approved`): those versions
  are granted first, as long as the row asks for no more than it was granted. Only
  applications not yet granted compete in the first-come-first-served order.
- `ended`: an approved placement whose end date lies before today. A placement that was never
  approved stays `waitlisted`, so `ended` always means "was approved" (claims for it, such as a
  final settlement, may still come).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol

from claims.findings import Finding, Severity
from claims.model import Placement, PlacementVersion

APPROVED = "approved"
WAITLISTED = "waitlisted"
ENDED = "ended"

WEEKLY_HOURS_OVER_MAX = "WEEKLY_HOURS_OVER_MAX"
DURATION_OVER_MAX = "DURATION_OVER_MAX"
POOL_FULL = "POOL_FULL"

COLUMNS = (
    "placement_id",
    "employee_name",
    "cpr",
    "employer_name",
    "cvr",
    "workplace",
    "contact_emails",
    "weekly_hours",
    "start_date",
    "end_date",
    "praktik_until",
    "effective_from",
    "applied_at",
    "holiday_scheme",
)
HOLIDAY_SCHEMES = ("hourly", "salaried")

VersionKey = tuple[str, dt.date]  # (placement_id, effective_from): one row of the CSV


def key_of(version: PlacementVersion) -> VersionKey:
    return (version.placement_id, version.effective_from)


# --- reading and checking one row ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row cannot be imported: `UNREADABLE` or a RULES.md §5 code. Never holds a CPR."""

    code: str
    detail: str


def read_row(row: Mapping[str, str | None]) -> PlacementVersion | RowProblem:
    """One CSV row (CONTRACT.md "Placements CSV") as a value, or what makes it unreadable."""
    missing = [c for c in COLUMNS if c not in row]
    if missing:
        return RowProblem("UNREADABLE", f"missing column(s): {', '.join(missing)}")
    text = {c: (row[c] or "").strip() for c in COLUMNS}
    for column in (
        "placement_id",
        "employee_name",
        "cpr",
        "employer_name",
        "cvr",
        "weekly_hours",
        "start_date",
        "end_date",
        "effective_from",
        "applied_at",
        "holiday_scheme",
    ):
        if not text[column]:
            return RowProblem("UNREADABLE", f"{column} is empty")
    cpr = text["cpr"].replace("-", "")
    if len(cpr) != 10 or not cpr.isdigit():
        return RowProblem("UNREADABLE", "cpr is not 10 digits")
    cvr = text["cvr"]
    if len(cvr) != 8 or not cvr.isdigit():
        return RowProblem("UNREADABLE", f"cvr {cvr!r} is not 8 digits")
    try:
        hours = Decimal(text["weekly_hours"])
    except InvalidOperation:
        return RowProblem("UNREADABLE", f"weekly_hours {text['weekly_hours']!r} is not a number")
    if not hours.is_finite() or hours <= 0:
        return RowProblem("UNREADABLE", f"weekly_hours {text['weekly_hours']!r} is not a positive number")
    dates: dict[str, dt.date] = {}
    for column in ("start_date", "end_date", "praktik_until", "effective_from"):
        if column == "praktik_until" and not text[column]:
            continue
        try:
            dates[column] = dt.date.fromisoformat(text[column])
        except ValueError:
            return RowProblem("UNREADABLE", f"{column} {text[column]!r} is not a date (YYYY-MM-DD)")
    try:
        applied_at = dt.datetime.fromisoformat(text["applied_at"])
    except ValueError:
        return RowProblem("UNREADABLE", f"applied_at {text['applied_at']!r} is not a date-time")
    if text["holiday_scheme"] not in HOLIDAY_SCHEMES:
        scheme = text["holiday_scheme"]
        return RowProblem("UNREADABLE", f"holiday_scheme {scheme!r} is not hourly or salaried")
    start, end, effective = dates["start_date"], dates["end_date"], dates["effective_from"]
    if end < start:
        return RowProblem("UNREADABLE", f"end_date {end} is before start_date {start}")
    if not start <= effective <= end:
        return RowProblem("UNREADABLE", f"effective_from {effective} is not inside {start} – {end}")
    emails = tuple(e.strip().lower() for e in text["contact_emails"].split(";") if e.strip())
    return PlacementVersion(
        placement_id=text["placement_id"],
        employee_name=text["employee_name"],
        cpr=cpr,
        employer_name=text["employer_name"],
        cvr=cvr,
        workplace=text["workplace"],
        contact_emails=emails,
        weekly_hours=hours,
        start_date=start,
        end_date=end,
        praktik_until=dates.get("praktik_until"),
        effective_from=effective,
        applied_at=applied_at,
        holiday_scheme=text["holiday_scheme"],
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus calendar months; a day the target month lacks (31st, 29 February) becomes the
    first of the month after, so "start + n months − 1 day" is that month's last day."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if day.day <= last:
        return dt.date(year, month, day.day)
    return dt.date(year, month, last) + dt.timedelta(days=1)


def latest_end(start: dt.date, max_months: int) -> dt.date:
    """RULES.md `DURATION_OVER_MAX`: the last day allowed, start + 12 calendar months − 1 day
    (1 March 2026 -> 28 February 2027)."""
    return add_months(start, max_months) - dt.timedelta(days=1)


def check_limits(
    version: PlacementVersion, *, max_weekly_hours: Decimal, max_months: int
) -> tuple[Finding, ...]:
    """RULES.md §5: the limits of one placement; a row with a finding here is refused."""
    found: list[Finding] = []
    if version.weekly_hours > max_weekly_hours:
        found.append(
            Finding(
                WEEKLY_HOURS_OVER_MAX,
                Severity.REJECTED,
                f"{version.weekly_hours} hours a week; at most {max_weekly_hours}",
            )
        )
    limit = latest_end(version.start_date, max_months)
    if version.end_date > limit:
        found.append(
            Finding(
                DURATION_OVER_MAX,
                Severity.REJECTED,
                f"ends {version.end_date}; an employment from {version.start_date} may last "
                f"at most {max_months} months, until {limit}",
            )
        )
    return tuple(found)


# --- the pool ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """Hours a week asked for (or granted) from `start` to `end`, both inclusive."""

    start: dt.date
    end: dt.date
    hours: Decimal


@dataclass(frozen=True, slots=True)
class VersionStatus:
    """One row's place in the pool: `approved` or `waitlisted` (with its `POOL_FULL` finding)."""

    version: PlacementVersion
    status: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class PoolEntry:
    """A placement with the pool's verdict on each of its versions."""

    placement_id: str
    status: str  # approved | waitlisted | ended
    versions: tuple[VersionStatus, ...]

    @property
    def approved_versions(self) -> tuple[PlacementVersion, ...]:
        return tuple(v.version for v in self.versions if v.status == APPROVED)

    def placement(self) -> Placement:
        """The placement as the rules see it: only approved versions are in force (RULES.md §4
        Hours: "the approved hours of the placement version in force on day d"); a waitlisted
        placement keeps all its rows, with status `waitlisted`."""
        versions = self.approved_versions or tuple(v.version for v in self.versions)
        return Placement(self.placement_id, versions, self.status)


@dataclass(frozen=True, slots=True)
class Allocation:
    """The pool after `allocate`: every placement's verdict, and the capacity used."""

    entries: tuple[PoolEntry, ...]
    capacity: Decimal

    def use_on(self, day: dt.date) -> Decimal:
        """Approved hours a week in force on `day` over all placements."""
        return _load_on((s for e in self.entries for s in _segments(e.approved_versions)), day)

    def peak(self) -> Decimal:
        segments = [s for e in self.entries for s in _segments(e.approved_versions)]
        return max((_load_on(segments, s.start) for s in segments), default=Decimal(0))

    def entry(self, placement_id: str) -> PoolEntry | None:
        return next((e for e in self.entries if e.placement_id == placement_id), None)


def _paid_span(version: PlacementVersion) -> tuple[dt.date, dt.date]:
    """The employment as the row describes it: after any praktik (unpaid), up to the end date."""
    start = version.start_date
    if version.praktik_until is not None and version.praktik_until >= start:
        start = version.praktik_until + dt.timedelta(days=1)
    return start, version.end_date


def _segments(versions: Iterable[PlacementVersion]) -> tuple[Segment, ...]:
    """The hours in force per day for a placement whose granted versions are `versions`."""
    ordered = sorted(versions, key=lambda v: v.effective_from)
    out: list[Segment] = []
    for i, version in enumerate(ordered):
        paid_start, paid_end = _paid_span(version)
        start = max(version.effective_from, paid_start)
        end = paid_end
        if i + 1 < len(ordered):
            end = min(end, ordered[i + 1].effective_from - dt.timedelta(days=1))
        if start <= end:
            out.append(Segment(start, end, version.weekly_hours))
    return tuple(out)


def _load_on(segments: Iterable[Segment], day: dt.date) -> Decimal:
    return sum((s.hours for s in segments if s.start <= day <= s.end), Decimal(0))


def _fits(
    others: list[Segment], before: tuple[Segment, ...], after: tuple[Segment, ...], capacity: Decimal
) -> bool:
    """Whether a placement may go from `before` to `after` with `others` in force: no day on
    which it would ask for more than before may go above `capacity`. The use is constant
    between segment starts, so checking each start (and the day after each end) is enough."""
    days = {s.start for s in after} | {s.end + dt.timedelta(days=1) for s in before}
    days |= {s.start for s in others} | {s.end + dt.timedelta(days=1) for s in others}
    for day in days:
        new = _load_on(after, day)
        if new <= _load_on(before, day):
            continue
        if _load_on(others, day) + new > capacity:
            return False
    return True


def _within(new: PlacementVersion, granted: PlacementVersion) -> bool:
    """Whether a re-imported row asks for no more than its version was granted."""
    new_start, new_end = _paid_span(new)
    old_start, old_end = _paid_span(granted)
    return (
        new.weekly_hours <= granted.weekly_hours
        and new.effective_from >= granted.effective_from
        and new_start >= old_start
        and new_end <= old_end
    )


class _Granter(Protocol):
    def __call__(self, version: PlacementVersion, *, force: bool = ...) -> tuple[bool, bool]: ...


def allocate(
    versions: Iterable[PlacementVersion],
    *,
    capacity: Decimal,
    today: dt.date,
    previously_approved: Mapping[VersionKey, PlacementVersion] | None = None,
) -> Allocation:
    """RULES.md §5 `POOL_FULL`: grant the pool's hours first come, first served by `applied_at`.

    `versions` are all rows (several per placement for addenda; one per `VersionKey`).
    `previously_approved` maps the rows granted at an earlier import to the row as it was then
    granted: they keep their grant while they ask for no more.
    """
    earlier = previously_approved or {}
    by_placement: dict[str, list[PlacementVersion]] = {}
    for version in versions:
        by_placement.setdefault(version.placement_id, []).append(version)
    for rows in by_placement.values():
        rows.sort(key=lambda v: v.effective_from)

    granted: dict[str, list[PlacementVersion]] = {pid: [] for pid in by_placement}
    granted_keys: set[VersionKey] = set()
    segments: dict[str, tuple[Segment, ...]] = {pid: () for pid in by_placement}

    def try_grant(version: PlacementVersion, *, force: bool = False) -> tuple[bool, bool]:
        """(granted, freed hours): grants `version` when it fits the pool (or is forced)."""
        pid = version.placement_id
        if key_of(by_placement[pid][0]) not in granted_keys and version is not by_placement[pid][0]:
            return False, False  # an addendum waits for its placement
        before = segments[pid]
        after = _segments([*granted[pid], version])
        others = [s for other, segs in segments.items() if other != pid for s in segs]
        if not force and not _fits(others, before, after, capacity):
            return False, False
        granted[pid].append(version)
        granted_keys.add(key_of(version))
        segments[pid] = after
        return True, _frees(before, after)

    everything = sorted(
        (v for rows in by_placement.values() for v in rows),
        key=lambda v: (_naive(v.applied_at), v.placement_id, v.effective_from),
    )
    kept = sorted(
        (v for v in everything if key_of(v) in earlier and _within(v, earlier[key_of(v)])),
        key=lambda v: (v.placement_id, v.effective_from),
    )
    for version in kept:  # an approval is never withdrawn (see the module's docstring)
        try_grant(version, force=True)
    waitlist: list[PlacementVersion] = []
    for version in everything:
        if key_of(version) in granted_keys:
            continue
        ok, freed = try_grant(version)
        if not ok:
            waitlist.append(version)
        elif freed:
            _offer(waitlist, try_grant)
    _offer(waitlist, try_grant)  # rows kept from earlier imports may end placements sooner now

    entries: list[PoolEntry] = []
    for pid in sorted(by_placement):
        items = [
            VersionStatus(v, APPROVED)
            if key_of(v) in granted_keys
            else VersionStatus(v, WAITLISTED, (pool_full(v, capacity),))
            for v in by_placement[pid]
        ]
        entries.append(entry_of(pid, items, today=today))
    return Allocation(tuple(entries), capacity)


def entry_of(placement_id: str, versions: Iterable[VersionStatus], *, today: dt.date) -> PoolEntry:
    """A placement's status from its versions' verdicts: `waitlisted` until its first version
    is approved; `ended` once the end date of its latest approved version has passed."""
    items = tuple(sorted(versions, key=lambda v: v.version.effective_from))
    granted = [v.version for v in items if v.status == APPROVED]
    if not items or items[0].status != APPROVED:
        status = WAITLISTED
    elif granted[-1].end_date < today:
        status = ENDED
    else:
        status = APPROVED
    return PoolEntry(placement_id, status, items)


def _frees(before: tuple[Segment, ...], after: tuple[Segment, ...]) -> bool:
    """Whether a placement going from `before` to `after` gives hours back on some day."""
    days = {s.start for s in (*before, *after)} | {s.end + dt.timedelta(days=1) for s in after}
    return any(_load_on(after, d) < _load_on(before, d) for d in days)


def _offer(waitlist: list[PlacementVersion], try_grant: _Granter) -> None:
    """Hours freed up: offer the waitlist again, oldest application first, until none fits."""
    progress = True
    while progress:
        progress = False
        for version in list(waitlist):
            ok, freed = try_grant(version)
            if ok:
                waitlist.remove(version)
                progress = True
                if freed:
                    break  # hours freed again: start over from the oldest


def _naive(moment: dt.datetime) -> dt.datetime:
    """`applied_at` compared as local wall-clock time (the CSV writes it without an offset)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def pool_full(version: PlacementVersion, capacity: Decimal) -> Finding:
    what = "the addendum" if version.effective_from > version.start_date else "the placement"
    return Finding(
        POOL_FULL,
        Severity.MANUAL_REVIEW,
        f"{what} ({version.weekly_hours} hours a week from {version.effective_from}) does not fit the "
        f"pool of {capacity} hours a week; waitlisted in order of application",
    )


def use_by_day(allocation: Allocation, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """Approved hours in force for every day from `start` to `end` (for reports and tests)."""
    each = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    return {day: allocation.use_on(day) for day in each}
