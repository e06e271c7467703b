"""`claims outbox`: the replies waiting to be sent, and a retry of the ones given up on."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console
from rich.table import Table

from app.bootstrap import bootstrap
from app.pipeline import deliver

outbox_app = typer.Typer(help="Replies to the workplaces: what waits, what failed, and a retry.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(outbox_app, name="outbox")


@outbox_app.command("list")
def list_replies(
    status: str = typer.Option(None, "--status", help="Only replies with this status: pending, sent or failed."),
) -> None:
    """The replies in the outbox, oldest first (recipient, subject, status, tries, last error)."""
    services = bootstrap()
    table = Table(title="Outbox")
    for column in ("id", "status", "tries", "to", "subject", "last error"):
        table.add_column(column)
    items = services.store.outbox(status=status)
    for item in items:
        table.add_row(str(item.id), item.status, str(item.attempts), item.to, item.subject, (item.last_error or "")[:60])
    Console(width=200).print(table)
    print(f"{len(items)} repl(ies)")


@outbox_app.command("retry")
def retry() -> None:
    """Makes every reply that was given up on pending again and sends what is pending now.
    Exit code 1 when a reply still could not be sent."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    services = bootstrap()
    requeued = services.store.requeue_failed()
    report = deliver(services, due_only=False)
    print(f"claims outbox retry: {requeued} failed repl(ies) queued again; {report.sent} sent, {report.unsent} still unsent")
    raise typer.Exit(1 if report.unsent else 0)
