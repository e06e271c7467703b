"""The `claims` command (typer). Each area keeps its commands in its own module, which
registers them here; see CONTRACT.md "Commands" for the interface."""

from __future__ import annotations

import importlib
import sys

import typer

try:  # newer typer vendors its own click; its exceptions are what `app()` raises
    from typer._click.exceptions import ClickException as ClickError
except ImportError:  # pragma: no cover - a typer on the real click
    from click.exceptions import ClickException as ClickError
ClickAbort = typer.Abort

app = typer.Typer(
    name="claims",
    help=(
        "Refusion for job på få lønnede timer: reads claim emails from the Jobcenter mailbox, "
        "checks them against the approved placements and the rules, and answers the workplace."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,  # errors get one clear line (main); locals may hold CPR numbers
)

# Modules with a `register(app)` function, in the order their commands appear in --help.
COMMAND_MODULES = (
    "app.cli_parse",
    "app.cli_ledger",
    "app.cli_run",
    "app.cli_batch",
    "app.cli_outbox",
    "app.cli_review",
    "app.cli_status",
)


@app.callback()
def _claims() -> None:
    """Refusion for job på få lønnede timer (Jobcenter Albertslund)."""


def main() -> None:
    """Runs the command; bad settings and unreachable servers get one clear line, not a traceback."""
    from pydantic import ValidationError
    from sqlalchemy.exc import OperationalError

    from claims.cpr import mask_in_text
    from mailroom.errors import ConfigError

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    try:
        code = app(standalone_mode=False)
    except ClickError as err:
        err.show()
        sys.exit(err.exit_code)
    except ClickAbort:
        print("claims: aborted", file=sys.stderr)
        sys.exit(1)
    except ValidationError as err:
        problems = "; ".join(f"CLAIMS_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in err.errors())
        print(f"claims: a setting is wrong: {problems}", file=sys.stderr)
        sys.exit(2)
    except ConfigError as err:
        print(f"claims: {mask_in_text(str(err))}", file=sys.stderr)
        sys.exit(2)
    except OperationalError as err:
        print(f"claims: the database cannot be used: {mask_in_text(str(err.orig or err))[:300]}", file=sys.stderr)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
