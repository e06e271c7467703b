"""`claims status [--json]`: is mail being handled, and does anything need a person?"""

from __future__ import annotations

import datetime as dt
import json

import typer

from app.bootstrap import DANISH_TIME, bootstrap
from app.status import Status, gather, status_document


def register(app: typer.Typer) -> None:
    app.command("status")(status)


def status(
    as_json: bool = typer.Option(False, "--json", help="Print the status as one JSON document (docs/operations.md)."),
) -> None:
    """The last round over the mailbox, mail waiting in it (CLAIMS_MAILBOX is listed, nothing is
    moved), claims waiting in review and for information, replies unsent or given up, and
    failed messages.

    Exit code 1 when anything needs a person: a failed message, a reply given up, a claim in
    manual review for more than CLAIMS_REMINDER_DAYS days, a message waiting in the mailbox for
    more than CLAIMS_STATUS_WAITING_MINUTES minutes, or a mailbox that cannot be reached; else 0.
    """
    now = gather(bootstrap())
    if as_json:
        typer.echo(json.dumps(status_document(now), ensure_ascii=False, indent=2))
    else:
        _show(now)
    raise typer.Exit(1 if now.needs_person else 0)


def _when(moment: dt.datetime | None, now: dt.datetime) -> str:
    if moment is None:
        return "never"
    minutes = int((now - moment).total_seconds() // 60)
    ago = f"{minutes} min ago" if minutes < 120 else f"{minutes // 60} h ago" if minutes < 2880 else f"{minutes // 1440} days ago"
    return f"{moment.astimezone(DANISH_TIME):%Y-%m-%d %H:%M} ({ago})"


def _show(status: Status) -> None:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)  # a line a fact, also in logs and pipes
    now = status.checked_at
    head = "[bold red]needs a person[/]" if status.needs_person else "[bold green]all well[/]"
    console.print(f"claims status: {head}")
    run = status.last_round
    if run is None or run.last_round is None:
        rounds = "none recorded yet"
    else:
        last = run.last_round
        outcome = f"stopped: {last.error}" if last.error else (f"{last.seen} message(s), {last.handled} handled, "
                                                                f"{last.failed} failed, {last.sent} repl(ies) sent")  # fmt: skip
        rounds = f"{_when(last.ended_at, now)}, {run.kind} on {run.worker}: {outcome}"
    box = status.mailbox
    if not box.reachable:
        mail = f"cannot be reached: {box.error}"
    else:
        oldest = f", the oldest since {_when(box.oldest_at, now)}" if box.oldest_at else ""
        mail = f"{box.waiting} message(s) waiting{oldest}"
    lines = (
        ("last round", rounds),
        ("last good round", _when(status.last_ok_at, now)),
        ("mailbox", mail),
        ("claims", f"{status.in_review} in manual review ({len(status.overdue)} longer than {status.reminder_days} days), "
                   f"{status.waiting_information} waiting for information"),
        ("replies", f"{status.unsent} waiting to be sent, {status.given_up} given up"),
        ("failed messages", str(len(status.failed))),
    )  # fmt: skip
    for label, text in lines:
        console.print(f"  {label:<16} {text}", markup=False)
    for reason in status.reasons:
        console.print(f"  needs a person: {reason.text}", markup=False, style="red")
