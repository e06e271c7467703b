"""`claims parse`: what an email claims, without storing or deciding anything."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

from app.settings import load_settings
from claims.cpr import mask
from claims.money import format_danish
from parsers.claim import parse_message
from parsers.document import parse_document


def register(app: typer.Typer) -> None:
    app.command("parse")(parse)


def parse(
    files: list[Path] = typer.Argument(..., help="Email files (.eml) as received.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print the parse document (one JSON line per file)."),
) -> None:
    """Read claim emails and show what they claim: employee, period, hours and cost lines.

    Nothing is stored or decided. With --json the full parse document is printed (it holds the
    full CPR number: keep it on this machine).
    """
    settings = load_settings()
    console = Console(stderr=False)
    failed = False
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as err:
            print(f"claims parse: {path}: cannot be read ({err.strerror})", file=sys.stderr)
            failed = True
            continue
        if not _looks_like_email(raw):
            print(f"claims parse: {path}: is not an email", file=sys.stderr)
            failed = True
            continue
        parsed = parse_message(raw, max_attachment_bytes=settings.max_attachment_bytes)
        document = parse_document(parsed)
        if as_json:
            sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
            continue
        console.print(f"[bold]{path.name}[/bold]  {parsed.info.subject or '(intet emne)'}  fra {parsed.info.sender or '?'}")
        for claim in parsed.claims:
            period = f"{claim.period_start or '?'} – {claim.period_end or '?'}"
            console.print(f"  {claim.employee_name or '(navn mangler)'}  CPR {mask(claim.cpr) or 'mangler'}  {period}")
            for line in claim.lines:
                console.print(f"    {line.kind.value:<27} {format_danish(line.amount):>15}  {line.label or ''}")
            if claim.total is not None:
                console.print(f"    {'i alt':<27} {format_danish(claim.total):>15}")
        for problem in parsed.problems:
            console.print(f"  [yellow]{problem.code}[/yellow] {problem.detail or ''}")
    raise typer.Exit(2 if failed else 0)


def _looks_like_email(raw: bytes) -> bool:
    head = raw[:4096]
    if b"\x00" in head[:1024] or head.startswith((b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8")):
        return False
    return bool(head.strip())
