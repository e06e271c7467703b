"""`claims batch`: the nightly run, its reminders, retries and report."""

from __future__ import annotations

import logging
import sys

import typer

from app.batch import run_batch
from app.bootstrap import bootstrap
from app.locking import batch_lock


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)


def batch() -> None:
    """The nightly run: handle the mailbox (as `run --once`), remind workplaces of claims waiting
    for information, retry unsent replies and write the day's report (HTML and CSV) in var/reports.

    Exit code 1 when anything needs a person: a message that failed, a reply still unsent after
    its retries, a claim in manual review for more than CLAIMS_REMINDER_DAYS days.
    CLAIMS_TODAY fixes the date.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    services = bootstrap()
    services.sender().check_login()  # a refused login to CLAIMS_OUTBOX: one line, exit 2, before any mail is read
    with batch_lock(services):
        if sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("Post", total=None)

                def show(step: str, done: int, total: int) -> None:
                    bar.update(task, description=step, completed=done, total=total)

                result = run_batch(services, progress=show)
        else:
            log = logging.getLogger("claims.batch")
            result = run_batch(services, progress=lambda step, done, total: log.info("%s %d/%d", step, done, total))
    report = result.report
    assert report is not None
    print(f"claims batch {report.day}: {result.run.decided} message(s) handled, {len(result.run.failed)} failed, "
          f"{len(result.reminders)} reminder(s), {result.run.sent} repl(ies) sent; report: {result.files[0]}")
    for line in report.attention:
        print(f"  needs a person: {line}")
    raise typer.Exit(1 if result.needs_a_person else 0)
