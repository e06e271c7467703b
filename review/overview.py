"""Overview: placements on a timeline with the pool's use against its capacity (inline SVG, no
JavaScript: it prints as it shows), and the refunds per workplace and month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

from claims import pool
from claims.cpr import mask
from review import danish
from review.ports import ReviewDeps

WIDTH, LEFT, RIGHT = 960, 235, 20
CHART_H, ROW_H = 170, 18


@dataclass(frozen=True, slots=True)
class PlacementRow:
    placement_id: str
    employee: str
    cpr: str
    workplace: str
    hours: Decimal
    start: dt.date
    end: dt.date
    praktik_until: dt.date | None
    status: str
    versions: int


def placements(deps: ReviewDeps) -> tuple[pool.Allocation, list[PlacementRow]]:
    allocation = deps.store.allocation(capacity=deps.config.pool_hours, today=deps.today())
    rows = []
    for entry in allocation.entries:
        latest = entry.versions[-1].version
        rows.append(
            PlacementRow(entry.placement_id, latest.employee_name, mask(latest.cpr) or "", latest.workplace, latest.weekly_hours,
                         latest.start_date, latest.end_date, latest.praktik_until, entry.status, len(entry.versions))
        )
    return allocation, rows


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, day = [], start.replace(day=1)
    while day <= end:
        out.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def timeline_svg(deps: ReviewDeps, allocation: pool.Allocation, rows: list[PlacementRow]) -> Markup:
    """The pool's use (hours a week in force) as a step area under the capacity line, and below
    it each placement as a bar (praktik hatched), on one time axis; today is marked."""
    today = deps.today()
    starts = [r.start for r in rows] or [today]
    ends = [r.end for r in rows] or [today]
    first = min(min(starts), today - dt.timedelta(days=180)).replace(day=1)
    last = max(max(ends), today + dt.timedelta(days=90))
    span = max((last - first).days, 1)
    plot = WIDTH - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return LEFT + plot * (day - first).days / span

    capacity = deps.config.pool_hours
    top = max(capacity, allocation.peak(), Decimal(1)) * Decimal("1.1")

    def y(hours: Decimal) -> float:
        return 10 + (CHART_H - 30) * float(1 - hours / top)

    height = CHART_H + 30 + ROW_H * len(rows)
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Puljens forbrug og ansættelserne over tid">',
        f'<text x="{LEFT - 8}" y="{y(capacity) + 4:.1f}" class="axis" text-anchor="end">loft {danish.money(capacity)[:-3]} t/uge</text>',
    ]
    # The use changes only at version boundaries; a point a week is exact enough to draw.
    points, day = [], first
    while day <= last:
        points.append((day, allocation.use_on(day)))
        day += dt.timedelta(days=7)
    path = [f"M{x(first):.1f},{y(Decimal(0)):.1f}"]
    for when, hours in points:
        path.append(f"L{x(when):.1f},{y(hours):.1f}")
    path.append(f"L{x(points[-1][0]):.1f},{y(Decimal(0)):.1f}Z")
    parts.append(f'<path d="{" ".join(path)}" class="use"><title>Bevilgede timer pr. uge</title></path>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(capacity):.1f}" y2="{y(capacity):.1f}" class="cap"/>')
    parts.append(f'<text x="{LEFT - 8}" y="{y(Decimal(0)) + 4:.1f}" class="axis" text-anchor="end">0</text>')
    for month in _months(first, last):
        parts.append(f'<line x1="{x(month):.1f}" x2="{x(month):.1f}" y1="10" y2="{height - 4}" class="grid"/>')
        if month.month in (1, 4, 7, 10):
            name = f"{danish.MONTHS[month.month - 1][:3]} {month.year}"
            parts.append(f'<text x="{x(month) + 3:.1f}" y="{CHART_H + 2}" class="axis">{name}</text>')
    for i, row in enumerate(rows):
        top_y = CHART_H + 18 + i * ROW_H
        label = escape(f"{row.placement_id} {row.workplace}")
        parts.append(f'<text x="{LEFT - 8}" y="{top_y + 11}" class="label" text-anchor="end">{label}</text>')
        paid_from = row.start
        if row.praktik_until and row.praktik_until >= row.start:
            paid_from = row.praktik_until + dt.timedelta(days=1)
            parts.append(f'<rect x="{x(row.start):.1f}" y="{top_y + 2}" width="{max(x(paid_from) - x(row.start), 1):.1f}" '
                         f'height="{ROW_H - 5}" class="praktik"><title>Praktik til {danish.day(row.praktik_until)}</title></rect>')
        tip = escape(f"{row.placement_id}: {danish.money(row.hours)} t/uge, {danish.day(row.start)}–{danish.day(row.end)}")
        parts.append(f'<rect x="{x(paid_from):.1f}" y="{top_y + 2}" width="{max(x(row.end) - x(paid_from), 1):.1f}" '
                     f'height="{ROW_H - 5}" class="bar {row.status}"><title>{tip}</title></rect>')
    parts.append(f'<line x1="{x(today):.1f}" x2="{x(today):.1f}" y1="4" y2="{height - 2}" class="today"/>')
    parts.append(f'<text x="{x(today) + 4:.1f}" y="14" class="axis today-label">i dag</text>')
    parts.append("</svg>")
    # Markup here, not `|safe` in the template: every text in it was escaped above.
    return Markup("".join(parts))


def refunds_by_month(deps: ReviewDeps) -> tuple[list[str], list[tuple[str, dict[str, Decimal], Decimal]], dict[str, Decimal]]:
    """Approved refunds of the current decisions: months (columns), per workplace a row of
    amounts and its total, and the month totals."""
    cells: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for d in deps.store.current_decisions():
        if d.outcome not in ("approved", "partially_approved") or not d.approved:
            continue
        month = d.period_start.strftime("%Y-%m") if d.period_start else "ukendt"
        row = cells[d.workplace or d.placement_id or "ukendt"]
        row[month] = row.get(month, Decimal("0.00")) + d.approved
    months = sorted({m for row in cells.values() for m in row})
    table = [(w, row, sum(row.values(), Decimal("0.00"))) for w, row in sorted(cells.items())]
    totals = {m: sum((row.get(m, Decimal("0.00")) for row in cells.values()), Decimal("0.00")) for m in months}
    return months, table, totals
