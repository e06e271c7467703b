"""The day's report (HTML and CSV): claims by outcome, refunds per workplace and month, the
pool's use against its capacity as a chart, and what needs a person. No CPR numbers: people
are named by reference, workplace and masked CPR only."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.bootstrap import Services
from app.pipeline import RunReport
from claims.cpr import mask, mask_in_text
from claims.money import format_danish
from ledger.store import DecisionRow

_TEMPLATES = Path(__file__).parent / "templates"

# The report is read by Økonomigruppen: outcomes by their Danish names (the CSV keeps the codes).
OUTCOME_LABELS = {
    "approved": "Godkendt",
    "partially_approved": "Delvist godkendt",
    "rejected": "Afvist",
    "needs_information": "Mangler oplysninger",
    "manual_review": "Manuel behandling",
    "not_a_claim": "Ikke en ansøgning",
}


def hours_text(value: Decimal) -> str:
    """Hours the Danish way: 82,5 and 100, not 82.50 and 100.00."""
    text = f"{value.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass
class DayReport:
    day: dt.date
    outcomes: dict[str, int]
    refunds: list[tuple[str, str, Decimal]]  # workplace, month (YYYY-MM), approved
    pool: list[tuple[dt.date, Decimal]]  # first of each month, approved hours a week in force
    capacity: Decimal
    attention: list[str] = field(default_factory=list)
    run: RunReport | None = None
    reminders: list[str] = field(default_factory=list)


def build_report(services: Services, run: RunReport, reminders: list[str]) -> DayReport:
    store, today, settings = services.store, services.today(), services.settings
    current = store.current_decisions()
    outcomes = dict(Counter(d.outcome for d in current))
    refunds: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for d in current:
        if d.outcome in ("approved", "partially_approved") and d.approved:
            month = d.period_start.strftime("%Y-%m") if d.period_start else "ukendt"
            refunds[(d.workplace or d.placement_id or "ukendt", month)] += d.approved
    allocation = store.allocation(capacity=settings.pool_hours, today=today)
    months = [_month(today, k) for k in range(-5, 7)]
    pool = [(m, allocation.use_on(m)) for m in months]
    attention: list[str] = []
    for message in store.messages(state="failed"):
        attention.append(f"Besked {message.message_id or message.id} kunne ikke behandles: {mask_in_text(message.error or '')[:200]}")
    for item in store.outbox(status="failed"):
        attention.append(f"Svar {item.message_id} til {item.to} kunne ikke sendes: {mask_in_text(item.last_error or '')[:200]}")
    for d in in_review_too_long(current, today, settings.reminder_days):
        age = (today - d.decided_on).days
        who = f"{d.reference} ({d.workplace or '?'}, CPR {mask(d.cpr) or 'ukendt'})"
        attention.append(f"{who} har ventet på manuel behandling i {age} dage")
    rows = sorted(((w, m, a) for (w, m), a in refunds.items()), key=lambda r: (r[1], r[0]))
    return DayReport(today, outcomes, rows, pool, settings.pool_hours, attention, run, reminders)


def in_review_too_long(current: Iterable[DecisionRow], today: dt.date, days: int) -> list[DecisionRow]:
    """Claims in manual review for more than CLAIMS_REMINDER_DAYS days: a person must look
    (CONTRACT.md `claims batch`; `claims status` asks the same)."""
    return [d for d in current if d.outcome == "manual_review" and (today - d.decided_on).days > days]


def _month(day: dt.date, offset: int) -> dt.date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + offset, 12)
    return dt.date(year, month0 + 1, 1)


def _chart(report: DayReport) -> str:
    """The pool's use as an inline SVG bar chart (no JavaScript, prints as it shows)."""
    width, height, pad = 640, 200, 30
    cap = max(report.capacity, max((v for _, v in report.pool), default=Decimal(0)), Decimal(1))
    bar = (width - 2 * pad) / max(len(report.pool), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 40}" role="img" '
             f'aria-label="Puljens forbrug af timer pr. uge">']
    y_cap = pad + (height - pad) * (1 - float(report.capacity / cap))
    for i, (month, hours) in enumerate(report.pool):
        h = (height - pad) * float(hours / cap)
        x = pad + i * bar
        colour = "#b3261e" if hours > report.capacity else "#2f6f4f"
        this_month = (month.year, month.month) == (report.day.year, report.day.month)
        weight = ' font-weight="bold"' if this_month else ""
        opacity = ' opacity="0.75"' if month > report.day else ""
        parts.append(f'<rect x="{x + 3:.1f}" y="{height - h:.1f}" width="{bar - 6:.1f}" height="{h:.1f}" fill="{colour}"{opacity}>'
                     f"<title>{month:%m/%Y}: {hours_text(hours)} t/uge</title></rect>")
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{height + 14}" font-size="10" text-anchor="middle"{weight}>{month:%m/%y}</text>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - h - 3:.1f}" font-size="9" text-anchor="middle">{hours_text(hours)}</text>')
    parts.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y_cap:.1f}" y2="{y_cap:.1f}" stroke="#444" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{width - pad}" y="{y_cap - 4:.1f}" font-size="10" text-anchor="end">'
                 f"pulje {hours_text(report.capacity)} t/uge</text>")
    parts.append(f'<text x="{pad}" y="{height + 32}" font-size="9" fill="#555">Måned med fed: denne måned; '
                 f"lysere søjler: kommende måneder med de godkendte forløb.</text>")
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: DayReport) -> str:
    # HTML templates escaped (the report names employers and employees read from mail); a
    # text template (`*.txt.j2`) would not be: "j2" alone would have matched it too.
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(enabled_extensions=("html.j2",)))
    env.filters["kr"] = format_danish
    env.filters["outcome"] = lambda code: OUTCOME_LABELS.get(code, code)
    total = sum((amount for _, _, amount in report.refunds), Decimal(0))
    return env.get_template("report.html.j2").render(report=report, chart=_chart(report), total=total)


def render_csv(report: DayReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "key", "month", "value"])
    for outcome, count in sorted(report.outcomes.items()):
        writer.writerow(["outcome", outcome, "", count])
    for workplace, month, amount in report.refunds:
        writer.writerow(["refund", workplace, month, f"{amount:.2f}"])
    for month, hours in report.pool:
        writer.writerow(["pool_hours_per_week", "", month.strftime("%Y-%m"), f"{hours}"])
    for line in report.attention:
        writer.writerow(["attention", line, "", ""])
    return out.getvalue()


def write_report(report: DayReport, folder: Path) -> tuple[Path, ...]:
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / f"rapport-{report.day.isoformat()}.html"
    csv_path = folder / f"rapport-{report.day.isoformat()}.csv"
    html.write_text(render_html(report), encoding="utf-8")
    csv_path.write_text(render_csv(report), encoding="utf-8")
    return html, csv_path
