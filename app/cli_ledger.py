"""The ledger's commands: `claims placements import|list`, `claims decisions`, `claims db upgrade`
(CONTRACT.md "Commands"). Every command creates or migrates the database on first use.

Human output never shows a full CPR number (RULES.md §6): tables mask it as ``DDMMYY-xxxx``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.settings import Settings, load_settings
from claims import pool
from claims.cpr import mask
from claims.model import PlacementVersion
from ledger.queries import decision_document, placement_document
from ledger.store import Store

placements_app = typer.Typer(help="Approved placements and the pool (RULES.md §5).", no_args_is_help=True)
db_app = typer.Typer(help="The database.", no_args_is_help=True)


def open_store(settings: Settings) -> Store:
    """The store for the configured database, created or migrated on first use."""
    store = Store.from_url(settings.database_url)
    store.upgrade()
    return store


def _console() -> Console:
    console = Console(highlight=False)
    if not console.is_terminal:  # piped or captured: wide enough that nothing is cut off
        console = Console(highlight=False, width=220)
    return console


# --- placements import --------------------------------------------------------------------------


def read_placements(data: bytes, settings: Settings) -> tuple[list[PlacementVersion], list[str]]:
    """The CSV's rows as versions, or one line per bad row (row numbers as a spreadsheet shows
    them: the header is row 1). A file that cannot be read at all is one bad "row 1"."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["row 1: unreadable: the file is not UTF-8 text"]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in pool.COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        return [], [f"row 1: unreadable: the header lacks {', '.join(missing)}"]
    versions: list[PlacementVersion] = []
    problems: list[str] = []
    seen: dict[pool.VersionKey, int] = {}
    for number, row in enumerate(reader, start=2):
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue  # a blank line
        pid = (row.get("placement_id") or "").strip() or "?"
        if None in row:
            problems.append(f"row {number} ({pid}): unreadable: more fields than the header has")
            continue
        read = pool.read_row(row)
        if isinstance(read, pool.RowProblem):
            problems.append(f"row {number} ({pid}): unreadable: {read.detail}")
            continue
        limits = pool.check_limits(read, max_weekly_hours=settings.max_weekly_hours, max_months=settings.max_months)
        for finding in limits:
            problems.append(f"row {number} ({pid}): {finding.code}: {finding.text}")
        key = pool.key_of(read)
        if key in seen:
            problems.append(f"row {number} ({pid}): unreadable: the same placement and effective_from as row {seen[key]}")
            continue
        seen[key] = number
        if not limits:
            versions.append(read)
    problems.extend(_disagreements(versions, seen))
    return versions, problems


def _disagreements(versions: list[PlacementVersion], rows: dict[pool.VersionKey, int]) -> list[str]:
    """The versions of one placement are one employment of one person: same CPR and start."""
    first: dict[str, PlacementVersion] = {}
    out = []
    for v in sorted(versions, key=lambda v: v.effective_from):
        base = first.setdefault(v.placement_id, v)
        if base is v:
            continue
        number = rows[pool.key_of(v)]
        if v.cpr != base.cpr:
            out.append(f"row {number} ({v.placement_id}): unreadable: another CPR than the placement's other rows")
        elif v.start_date != base.start_date:
            out.append(f"row {number} ({v.placement_id}): unreadable: another start_date than the other rows")
    return out


@placements_app.command("import")
def placements_import(
    file: Annotated[Path, typer.Argument(help="the placements CSV (CONTRACT.md)")],
) -> None:
    """Adds or updates placements from a CSV; all or nothing; idempotent."""
    settings = load_settings()
    console = _console()
    try:
        data = file.read_bytes()
    except OSError as err:
        console.print(f"row 1: unreadable: cannot read {file}: {err.strerror}")
        raise typer.Exit(1) from err
    versions, problems = read_placements(data, settings)
    if problems:
        for line in problems:
            console.print(line, markup=False)
        console.print(f"nothing imported: {len(problems)} bad row(s)", markup=False)
        raise typer.Exit(1)
    store = open_store(settings)
    result = store.import_placements(versions, capacity=settings.pool_hours, today=settings.effective_today())
    for item in result.waitlisted:
        v = item.version
        console.print(
            f"{v.placement_id}: waitlisted (POOL_FULL): {_hours(v.weekly_hours)} h/week from {v.effective_from}, "
            f"applied {v.applied_at.isoformat()}",
            markup=False,
        )
    console.print(
        f"imported {len(versions)} row(s): {len(result.added)} new, {len(result.updated)} changed, "
        f"{len(result.unchanged)} unchanged; {len(result.waitlisted)} waitlisted",
        markup=False,
    )


# --- placements list ----------------------------------------------------------------------------


@placements_app.command("list")
def placements_list(
    as_json: Annotated[bool, typer.Option("--json", help="a JSON list of objects")] = False,
) -> None:
    """Placements with their versions, status (approved, waitlisted, ended) and the pool's use."""
    settings = load_settings()
    store = open_store(settings)
    today = settings.effective_today()
    allocation = store.allocation(capacity=settings.pool_hours, today=today)
    if as_json:
        typer.echo(json.dumps([placement_document(e) for e in allocation.entries], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Placements on {today.isoformat()}")
    for column in ("placement", "employee", "CPR", "workplace", "h/week", "employment", "from", "applied", "status"):
        table.add_column(column)
    for entry in allocation.entries:
        for i, item in enumerate(entry.versions):
            v = item.version
            first = i == 0
            table.add_row(
                v.placement_id if first else "",
                v.employee_name if first else "",
                (mask(v.cpr) or "") if first else "",
                v.workplace if first else "",
                _hours(v.weekly_hours),
                f"{v.start_date} – {v.end_date}" if first else "",
                v.effective_from.isoformat(),
                v.applied_at.strftime("%Y-%m-%d %H:%M"),
                entry.status if first else (f"addendum {item.status}"),
            )
    console = _console()
    console.print(table)
    use = allocation.use_on(today)
    console.print(
        f"Pool: {_hours(use)} of {_hours(allocation.capacity)} hours a week in use today; "
        f"{_hours(allocation.capacity - use)} free; highest use on any day {_hours(allocation.peak())}",
        markup=False,
    )


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}"


# --- decisions ----------------------------------------------------------------------------------


def decisions(
    as_json: Annotated[bool, typer.Option("--json", help="the decision document (JSON list)")] = False,
    since: Annotated[str | None, typer.Option("--since", help="only decisions made on or after this date (YYYY-MM-DD)")] = None,
) -> None:
    """Every decision, newest last."""
    since_day = None
    if since is not None:
        try:
            since_day = dt.date.fromisoformat(since)
        except ValueError as err:
            raise typer.BadParameter(f"{since!r} is not a date (YYYY-MM-DD)", param_hint="--since") from err
    store = open_store(load_settings())
    rows = store.decisions(since=since_day)
    if as_json:
        typer.echo(json.dumps([decision_document(r) for r in rows], ensure_ascii=False, indent=2))
        return
    table = Table(title="Decisions")
    for column in ("reference", "decided", "placement", "CPR", "period", "outcome", "claimed", "approved", "findings", "by"):
        table.add_column(column)
    for r in rows:
        doc = decision_document(r)
        period = f"{doc['period']['start'] or '?'} – {doc['period']['end'] or '?'}"
        table.add_row(
            r.reference,
            r.decided_on.isoformat(),
            r.placement_id or "",
            doc["cpr"] or "",
            period,
            r.outcome,
            doc["claimed"] or "",
            doc["approved"] or "",
            ", ".join(f["code"] for f in doc["findings"]),
            r.decided_by + (f" ({', '.join(r.reviewers)})" if r.reviewers else ""),
        )
    console = _console()
    console.print(table)
    console.print(f"{len(rows)} decision(s)", markup=False)


# --- db -----------------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Creates or migrates the database to the newest schema."""
    settings = load_settings()
    open_store(settings)
    typer.echo("database is up to date")


def register(app: typer.Typer) -> None:
    app.add_typer(placements_app, name="placements")
    app.command("decisions")(decisions)
    app.add_typer(db_app, name="db")
