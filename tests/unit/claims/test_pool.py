"""RULES.md §5: placements and the pool (claims/pool.py, pure)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claims import pool
from claims.model import PlacementVersion

CORPUS_CSV = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "placements.csv"
TODAY = dt.date(2026, 11, 20)
CAP = Decimal(100)


def version(
    pid: str,
    hours: str | int,
    start: dt.date,
    end: dt.date,
    applied: dt.datetime,
    *,
    effective: dt.date | None = None,
    praktik_until: dt.date | None = None,
) -> PlacementVersion:
    return PlacementVersion(
        placement_id=pid,
        employee_name="Test Person",
        cpr="0101901234",
        employer_name="Albertslund Kommune",
        cvr="29189919",
        workplace="Biblioteket",
        contact_emails=("a@albertslund.dk",),
        weekly_hours=Decimal(hours),
        start_date=start,
        end_date=end,
        praktik_until=praktik_until,
        effective_from=effective or start,
        applied_at=applied,
        holiday_scheme="hourly",
    )


D = dt.date
T = dt.datetime


def statuses(allocation: pool.Allocation) -> dict[str, str]:
    return {e.placement_id: e.status for e in allocation.entries}


def corpus_versions() -> list[PlacementVersion]:
    with CORPUS_CSV.open(encoding="utf-8", newline="") as f:
        rows = [pool.read_row(r) for r in csv.DictReader(f)]
    assert all(isinstance(r, PlacementVersion) for r in rows)
    return [r for r in rows if isinstance(r, PlacementVersion)]


def test_corpus_placements_all_fit_and_two_have_ended_by_the_corpus_day() -> None:
    allocation = pool.allocate(corpus_versions(), capacity=CAP, today=TODAY)
    got = statuses(allocation)
    assert got["P-0002"] == got["P-0006"] == "ended"
    assert {k for k, v in got.items() if v == "approved"} == {
        f"P-{n:04d}" for n in (1, 3, 4, 5, 7, 8, 9, 10, 11)
    }
    entry = allocation.entry("P-0004")
    assert entry is not None and len(entry.placement().versions) == 2
    assert allocation.peak() <= CAP


def test_weekly_hours_over_ten_is_refused() -> None:
    v = version("P-1", "10.5", D(2026, 1, 1), D(2026, 6, 30), T(2025, 12, 1))
    codes = [f.code for f in pool.check_limits(v, max_weekly_hours=Decimal(10), max_months=12)]
    assert codes == ["WEEKLY_HOURS_OVER_MAX"]


def test_twelve_months_end_the_day_before_the_same_date_a_year_later() -> None:
    ok = version("P-1", 10, D(2026, 3, 1), D(2027, 2, 28), T(2026, 2, 1))
    too_long = version("P-1", 10, D(2026, 3, 1), D(2027, 3, 1), T(2026, 2, 1))
    assert pool.check_limits(ok, max_weekly_hours=Decimal(10), max_months=12) == ()
    codes = [f.code for f in pool.check_limits(too_long, max_weekly_hours=Decimal(10), max_months=12)]
    assert codes == ["DURATION_OVER_MAX"]


def test_a_start_on_the_29th_of_february_may_last_until_the_28th_a_year_later() -> None:
    assert pool.latest_end(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert pool.latest_end(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert pool.latest_end(D(2026, 10, 1), 1) == D(2026, 10, 31)


def test_unreadable_rows_say_what_is_wrong_without_the_cpr() -> None:
    row = {c: "" for c in pool.COLUMNS}
    row.update(
        placement_id="P-1",
        employee_name="A",
        cpr="0101901234",
        employer_name="K",
        cvr="29189919",
        weekly_hours="ti",
        start_date="2026-01-01",
        end_date="2026-06-30",
        effective_from="2026-01-01",
        applied_at="2026-01-01T10:00:00",
        holiday_scheme="hourly",
    )
    problem = pool.read_row(row)
    assert isinstance(problem, pool.RowProblem) and "weekly_hours" in problem.detail
    row.update(weekly_hours="8", start_date="2026-13-01")
    problem = pool.read_row(row)
    assert isinstance(problem, pool.RowProblem) and "start_date" in problem.detail
    row.update(start_date="2026-01-01", cpr="01019012")
    problem = pool.read_row(row)
    assert isinstance(problem, pool.RowProblem) and "01019012" not in problem.detail


def test_a_placement_that_would_overfill_the_pool_is_waitlisted_first_come_first_served() -> None:
    a = version("P-A", 10, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    b = version("P-B", 8, D(2026, 3, 1), D(2026, 12, 31), T(2025, 12, 2))
    c = version("P-C", 4, D(2026, 3, 1), D(2026, 12, 31), T(2025, 12, 3))
    got = pool.allocate([c, b, a], capacity=Decimal(15), today=D(2026, 1, 1))
    assert statuses(got) == {"P-A": "approved", "P-B": "waitlisted", "P-C": "approved"}
    entry = got.entry("P-B")
    assert entry is not None and entry.versions[0].findings[0].code == "POOL_FULL"


def test_placements_that_do_not_overlap_in_time_share_the_same_hours() -> None:
    a = version("P-A", 10, D(2026, 1, 1), D(2026, 5, 31), T(2025, 12, 1))
    b = version("P-B", 10, D(2026, 6, 1), D(2026, 12, 31), T(2025, 12, 2))
    got = pool.allocate([a, b], capacity=Decimal(10), today=D(2026, 1, 1))
    assert statuses(got) == {"P-A": "approved", "P-B": "approved"}


def test_praktik_days_take_no_hours_from_the_pool() -> None:
    a = version("P-A", 10, D(2026, 1, 1), D(2026, 3, 31), T(2025, 12, 1))
    b = version("P-B", 10, D(2026, 3, 15), D(2026, 12, 31), T(2025, 12, 2), praktik_until=D(2026, 3, 31))
    got = pool.allocate([a, b], capacity=Decimal(10), today=D(2026, 1, 1))
    assert statuses(got)["P-B"] == "approved"


def test_an_addendum_that_does_not_fit_is_waitlisted_while_the_placement_keeps_its_hours() -> None:
    a = version("P-A", 6, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    b = version("P-B", 10, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 2))
    a2 = version("P-A", 9, D(2026, 1, 1), D(2026, 12, 31), T(2026, 5, 1), effective=D(2026, 6, 1))
    got = pool.allocate([a, b, a2], capacity=Decimal(18), today=D(2026, 7, 1))
    entry = got.entry("P-A")
    assert entry is not None and entry.status == "approved"
    assert [v.status for v in entry.versions] == ["approved", "waitlisted"]
    assert [v.weekly_hours for v in entry.placement().versions] == [Decimal(6)]
    assert got.use_on(D(2026, 7, 1)) == Decimal(16)


def test_a_reduction_frees_hours_for_the_oldest_waitlisted_application_that_now_fits() -> None:
    a = version("P-A", 10, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    big = version("P-BIG", 8, D(2026, 6, 1), D(2026, 12, 31), T(2025, 12, 2))
    small = version("P-SMALL", 4, D(2026, 6, 1), D(2026, 12, 31), T(2025, 12, 3))
    later = version("P-LATER", 4, D(2026, 6, 1), D(2026, 12, 31), T(2026, 1, 10))
    cut = version("P-A", 2, D(2026, 1, 1), D(2026, 12, 31), T(2026, 1, 5), effective=D(2026, 5, 1))
    got = pool.allocate([a, big, small, later, cut], capacity=Decimal(12), today=D(2026, 1, 1))
    # Hours free up at the reduction (5 January): the oldest waitlisted that fits, P-BIG, comes first;
    # P-SMALL (older than P-LATER) no longer fits, and neither does P-LATER.
    assert statuses(got) == {
        "P-A": "approved",
        "P-BIG": "approved",
        "P-SMALL": "waitlisted",
        "P-LATER": "waitlisted",
    }


def test_an_approval_is_not_withdrawn_when_an_older_application_is_imported_later() -> None:
    a = version("P-A", 10, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 5))
    first = pool.allocate([a], capacity=Decimal(10), today=D(2026, 1, 1))
    assert statuses(first) == {"P-A": "approved"}
    older = version("P-OLD", 10, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    again = pool.allocate(
        [a, older], capacity=Decimal(10), today=D(2026, 1, 1), previously_approved={pool.key_of(a): a}
    )
    assert statuses(again) == {"P-A": "approved", "P-OLD": "waitlisted"}


def test_a_placement_ending_sooner_frees_its_hours_for_the_waitlist() -> None:
    a = version("P-A", 10, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    w = version("P-W", 10, D(2026, 7, 1), D(2026, 12, 31), T(2025, 12, 2))
    first = pool.allocate([a, w], capacity=Decimal(10), today=D(2026, 1, 1))
    assert statuses(first) == {"P-A": "approved", "P-W": "waitlisted"}
    shorter = version("P-A", 10, D(2026, 1, 1), D(2026, 6, 30), T(2025, 12, 1))
    again = pool.allocate(
        [shorter, w], capacity=Decimal(10), today=D(2026, 1, 1), previously_approved={pool.key_of(a): a}
    )
    assert statuses(again) == {"P-A": "approved", "P-W": "approved"}


def test_a_re_imported_row_asking_for_more_than_granted_competes_again() -> None:
    a = version("P-A", 5, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    b = version("P-B", 5, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 2))
    more = version("P-A", 8, D(2026, 1, 1), D(2026, 12, 31), T(2025, 12, 1))
    got = pool.allocate(
        [more, b],
        capacity=Decimal(10),
        today=D(2026, 1, 1),
        previously_approved={pool.key_of(a): a, pool.key_of(b): b},
    )
    assert statuses(got) == {"P-A": "waitlisted", "P-B": "approved"}


def test_ended_means_an_approved_placement_whose_end_date_has_passed() -> None:
    a = version("P-A", 5, D(2026, 1, 1), D(2026, 3, 31), T(2025, 12, 1))
    w = version("P-W", 10, D(2026, 1, 1), D(2026, 3, 31), T(2025, 12, 2))
    got = pool.allocate([a, w], capacity=Decimal(10), today=D(2026, 4, 1))
    assert statuses(got) == {"P-A": "ended", "P-W": "waitlisted"}
    assert statuses(pool.allocate([a], capacity=Decimal(10), today=D(2026, 3, 31))) == {"P-A": "approved"}


# --- property: the pool is never overfilled ---------------------------------------------------

BASE = D(2026, 1, 1)


@st.composite
def applications(draw: st.DrawFn) -> list[PlacementVersion]:
    rows: list[PlacementVersion] = []
    for i in range(draw(st.integers(1, 9))):
        start = BASE + dt.timedelta(days=draw(st.integers(0, 120)))
        end = start + dt.timedelta(days=draw(st.integers(0, 200)))
        applied = T(2025, 12, 1) + dt.timedelta(hours=draw(st.integers(0, 2000)))
        hours = Decimal(draw(st.integers(1, 20))) / 2
        praktik = start + dt.timedelta(days=draw(st.integers(0, 20))) if draw(st.booleans()) else None
        rows.append(version(f"P-{i}", hours, start, end, applied, praktik_until=praktik))
        if draw(st.booleans()):  # an addendum, raising or reducing
            eff = start + dt.timedelta(days=draw(st.integers(0, (end - start).days)))
            if eff > start:
                rows.append(
                    version(
                        f"P-{i}",
                        Decimal(draw(st.integers(1, 20))) / 2,
                        start,
                        end,
                        applied + dt.timedelta(hours=draw(st.integers(1, 2000))),
                        effective=eff,
                        praktik_until=praktik,
                    )
                )
    return rows


@settings(max_examples=150, deadline=None)
@given(rows=applications(), capacity=st.integers(5, 25))
def test_the_approved_hours_in_force_never_exceed_the_pool_on_any_day(
    rows: list[PlacementVersion], capacity: int
) -> None:
    got = pool.allocate(rows, capacity=Decimal(capacity), today=BASE)
    by_day = pool.use_by_day(got, BASE, BASE + dt.timedelta(days=340))
    assert max(by_day.values()) <= capacity
    # and every waitlisted first version really does not fit next to what was granted
    for entry in got.entries:
        if entry.status == "waitlisted":
            assert entry.versions[0].findings[0].code == "POOL_FULL"


@settings(max_examples=100, deadline=None)
@given(rows=applications())
def test_with_room_for_everyone_every_placement_is_approved(rows: list[PlacementVersion]) -> None:
    got = pool.allocate(rows, capacity=Decimal(1000), today=BASE)
    assert all(v.status == "approved" for e in got.entries for v in e.versions)


@settings(max_examples=100, deadline=None)
@given(rows=applications(), capacity=st.integers(5, 25))
def test_allocating_again_with_the_approvals_kept_changes_nothing(
    rows: list[PlacementVersion], capacity: int
) -> None:
    first = pool.allocate(rows, capacity=Decimal(capacity), today=BASE)
    granted = [v.version for e in first.entries for v in e.versions if v.status == "approved"]
    kept = {pool.key_of(v): v for v in granted}
    again = pool.allocate(rows, capacity=Decimal(capacity), today=BASE, previously_approved=kept)
    assert again == first
