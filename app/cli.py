"""The `claims` command (typer). Each area keeps its commands in its own module, which
registers them here; see CONTRACT.md "Commands" for the interface."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="claims",
    help=(
        "Refusion for job på få lønnede timer: reads claim emails from the Jobcenter mailbox, "
        "checks them against the approved placements and the rules, and answers the workplace."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,  # locals may hold CPR numbers: never print them
)

# Modules with a `register(app)` function, in the order their commands appear in --help.
COMMAND_MODULES = (
    "app.cli_parse",
    "app.cli_ledger",
    "app.cli_run",
    "app.cli_batch",
)


@app.callback()
def _claims() -> None:
    """Refusion for job på få lønnede timer (Jobcenter Albertslund)."""


def main() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    app()


if __name__ == "__main__":
    main()
