"""The review page's commands: `claims serve`, `claims users add`, `claims payments export`
(CONTRACT.md "Commands")."""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from app.bootstrap import bootstrap
from claims.cpr import mask_in_text
from ledger import payments as ledger_payments
from ledger.reviews import ROLES, ReviewLedger
from ledger.store import LedgerError

users_app = typer.Typer(help="Users of the review page.", no_args_is_help=True)
payments_app = typer.Typer(help="Refunds for the finance system.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
    app.add_typer(payments_app, name="payments")


class _MaskCpr(logging.Filter):
    """Access-log lines carry URLs and search words: never a full CPR number (RULES.md §6)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_in_text(str(record.msg))
        if record.args:
            record.args = tuple(mask_in_text(a) if isinstance(a, str) else a for a in record.args)  # type: ignore[union-attr]
        return True


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Runs the review web page for Økonomigruppen until stopped (SIGTERM or Ctrl+C).

    Behind HTTPS (a reverse proxy), set CLAIMS_REVIEW_SECURE_COOKIES=1 so the session cookie
    is sent over HTTPS only. With CLAIMS_REVIEW_METRICS_PORT set, Prometheus metrics of the page
    are served on http://127.0.0.1:PORT/metrics.
    """
    import uvicorn

    from app.review_wiring import review_deps
    from review.app import create_app

    secure = os.environ.get("CLAIMS_REVIEW_SECURE_COOKIES", "").strip().lower() in {"1", "true", "yes"}
    services = bootstrap()
    observe = None
    if services.settings.review_metrics_port is not None:
        from app.metrics import ReviewMetrics
        from app.metrics import serve as serve_metrics

        metrics = ReviewMetrics(services.store)
        serve_metrics(metrics.registry, services.settings.review_metrics_port, "CLAIMS_REVIEW_METRICS_PORT")
        observe = metrics.observe
    application = create_app(review_deps(services, secure_cookies=secure), observe=observe)
    for name in ("uvicorn.access", "uvicorn.error"):
        logging.getLogger(name).addFilter(_MaskCpr())
    print(f"claims serve: http://{host}:{port}/login", file=sys.stderr)
    uvicorn.run(application, host=host, port=port, log_level="info", proxy_headers=False)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user name used to log in.")],
    role: Annotated[str, typer.Option("--role", help="reviewer or admin.")] = "reviewer",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard input.")] = False,
) -> None:
    """Adds a user of the review page. The password is asked for on the terminal (twice), or
    read from standard input with --password-stdin; only its argon2 hash is stored."""
    from review.auth import hash_password

    if role not in ROLES:
        typer.echo(f"claims users add: --role must be one of {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            typer.echo("claims users add: no terminal to ask on; use --password-stdin", err=True)
            raise typer.Exit(2)
        password = getpass.getpass("Adgangskode: ")
        if getpass.getpass("Gentag adgangskoden: ") != password:
            typer.echo("claims users add: the passwords differ", err=True)
            raise typer.Exit(1)
    if len(password) < 10:
        typer.echo("claims users add: the password must be at least 10 characters", err=True)
        raise typer.Exit(1)
    services = bootstrap()
    try:
        user = ReviewLedger(services.store.engine).add_user(name, role=role, password_hash=hash_password(password))
    except LedgerError as err:
        typer.echo(f"claims users add: {err}", err=True)
        raise typer.Exit(1) from err
    typer.echo(f"added {user.role} {user.name}")


@payments_app.command("export")
def payments_export(
    until: Annotated[str | None, typer.Option("--until", help="Only refunds decided on or before this day (YYYY-MM-DD).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the CSV here instead of standard output.")] = None,
) -> None:
    """Approved refunds not yet exported, as CSV for the finance system; the ledger records the
    export, so the next run does not hand them out again (columns: docs/review.md)."""
    from review.payments import batch_name, to_csv

    day = None
    if until:
        try:
            day = dt.date.fromisoformat(until)
        except ValueError as err:
            typer.echo("claims payments export: --until must be YYYY-MM-DD", err=True)
            raise typer.Exit(2) from err
    services = bootstrap()
    batch = batch_name(dt.datetime.now(dt.UTC))
    lines = ledger_payments.export_refunds(services.store, batch=batch, until=day)
    text = to_csv(lines, batch)
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8", newline="")
    total = sum((line.amount for line in lines), start=Decimal("0.00"))
    typer.echo(f"claims payments export: {len(lines)} line(s), {total} kr., batch {batch}", err=True)
