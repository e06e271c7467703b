"""`claims run`: fetch, decide, record and answer (once, or as a daemon)."""

from __future__ import annotations

import logging
import sys

import typer

from app.bootstrap import bootstrap
from app.locking import run_lock
from app.pipeline import run_once


def register(app: typer.Typer) -> None:
    app.command("run")(run)


def run(
    once: bool = typer.Option(False, "--once", help="Handle every waiting message, send the replies, then stop."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Run this many workers side by side (PostgreSQL only): the database hands "
                                     "each message and reply to one of them."),  # fmt: skip
) -> None:
    """Read new claim emails from the mailbox (CLAIMS_MAILBOX), decide them, record the decisions
    and send the replies (CLAIMS_OUTBOX). Without --once it keeps running until stopped (SIGTERM).

    Exit code 1 when a message could not be processed: it is kept in the database and filed in
    the Failed folder, never lost. With CLAIMS_METRICS_PORT set, Prometheus metrics are served on
    http://127.0.0.1:PORT/metrics while it runs (with --workers N, worker k on PORT + k, k from 0).
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    services = bootstrap()
    # a refused CLAIMS_OUTBOX, or a refused login to it, is one line and exit 2 now, not after the mail is read
    services.sender().check_login()
    if workers > 1:
        if not services.work.shared:
            print("claims run: --workers needs PostgreSQL (CLAIMS_DATABASE_URL=postgresql+psycopg://...); "
                  "SQLite has one writer, so run one worker", file=sys.stderr)
            raise typer.Exit(2)
        raise typer.Exit(_run_workers(workers, once=once, metrics_port=services.settings.metrics_port))
    if services.settings.metrics_port is not None:
        from app.metrics import serve

        serve(services.metrics.registry, services.settings.metrics_port, "CLAIMS_METRICS_PORT")
    if not once:
        from app.daemon import run_daemon

        raise typer.Exit(run_daemon(services))
    with run_lock(services):
        report = run_once(services)
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items())) or "none"
    others = f", {report.elsewhere} handled by other workers" if report.elsewhere else ""
    print(
        f"claims run: {report.seen} message(s), {report.decided} handled ({outcomes}){others}, "
        f"{len(report.failed)} failed, {report.sent} repl(ies) sent, {report.unsent} waiting to be sent, "
        f"{report.read} read from the mailbox",
        file=sys.stderr,
    )
    raise typer.Exit(1 if report.failed else 0)


def _run_workers(count: int, *, once: bool, metrics_port: int | None) -> int:
    """`count` workers as child processes (`claims run [--once]`, the same settings), side by side;
    SIGTERM and SIGINT are passed on to them. The exit code is the highest of theirs. Worker k
    (from 0) serves its metrics on CLAIMS_METRICS_PORT + k."""
    import os
    import signal
    import subprocess

    command = [sys.executable, "-c", "from app.cli import main; main()", "run", *(["--once"] if once else [])]

    def env(k: int) -> dict[str, str]:
        ports = {} if metrics_port is None else {"CLAIMS_METRICS_PORT": str(metrics_port + k)}
        return {**os.environ, **ports}

    children = [subprocess.Popen(command, env=env(k)) for k in range(count)]
    logging.getLogger("claims.run").info("started %d workers: %s", count, ", ".join(str(c.pid) for c in children))

    def pass_on(signum: int, _frame: object) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)

    signal.signal(signal.SIGTERM, pass_on)
    signal.signal(signal.SIGINT, pass_on)
    return max(child.wait() for child in children)
