"""`claims run`: fetch, decide, record and answer (once, or as a daemon)."""

from __future__ import annotations

import logging
import sys

import typer

from app.bootstrap import bootstrap
from app.locking import RunLock
from app.pipeline import run_once


def register(app: typer.Typer) -> None:
    app.command("run")(run)


def run(
    once: bool = typer.Option(False, "--once", help="Handle every waiting message, send the replies, then stop."),
) -> None:
    """Read new claim emails from the mailbox (CLAIMS_MAILBOX), decide them, record the decisions
    and send the replies (CLAIMS_OUTBOX). Without --once it keeps running until stopped (SIGTERM).

    Exit code 1 when a message could not be processed: it is kept in the database and filed in
    the Failed folder, never lost.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    services = bootstrap()
    services.sender()  # a refused CLAIMS_OUTBOX is one line and exit 2 now, not after the mail is read
    if not once:
        from app.daemon import run_daemon

        raise typer.Exit(run_daemon(services))
    with RunLock(services.settings.database_url):
        report = run_once(services)
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items())) or "none"
    print(
        f"claims run: {report.seen} message(s), {report.decided} handled ({outcomes}), "
        f"{len(report.failed)} failed, {report.sent} repl(ies) sent, {report.unsent} waiting to be sent",
        file=sys.stderr,
    )
    raise typer.Exit(1 if report.failed else 0)
