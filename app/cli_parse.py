"""`claims parse`: what an email claims, without storing or deciding anything."""

from __future__ import annotations

import email.parser
import email.policy
import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from app.settings import load_settings
from claims.cpr import mask, mask_in_text
from claims.model import ParsedMessage
from claims.money import format_danish
from parsers.claim import parse_message
from parsers.document import parse_document

# Paragraphs on one line each: typer's rich help keeps the line breaks of a docstring.
HELP = "\n\n".join((
    "Read claim emails and show what they claim: employee, employer, period, hours and cost lines.",
    "Nothing is stored or decided. Body, PDF payslips and scans (OCR) are read; what cannot be read is listed as a problem.",
    "Without --json the output is for people and CPR numbers are masked (DDMMYY-xxxx). With --json the full parse document "
    "of CONTRACT.md is printed; it holds the full CPR number, so keep it on this machine.",
    "Exit code: 0 when every file is an email (even one with problems), 2 when a file is not readable as an email; "
    "the other files are still printed.",
))  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("parse", help=HELP)(parse)


def parse(
    files: list[Path] = typer.Argument(..., metavar="FILE.eml", help="Email files (.eml, as received), read in this order.",
                                       show_default=False),  # fmt: skip
    as_json: bool = typer.Option(False, "--json", help="Print the parse document as JSON, one line per file (JSON Lines)."),
) -> None:
    """Read claim emails and show what they claim (the text of --help is HELP)."""
    settings = load_settings()
    console = Console(stderr=False, highlight=False, soft_wrap=True)
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
        if as_json:
            sys.stdout.write(json.dumps(parse_document(parsed), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            for line in _human(path, parsed):
                console.print(escape(mask_in_text(line)))
    raise typer.Exit(2 if failed else 0)


def _human(path: Path, parsed: ParsedMessage) -> list[str]:
    """The parse for a person: every line goes through the CPR mask before it is printed."""
    out = [f"{path.name}  {parsed.info.subject or '(intet emne)'}  fra {parsed.info.sender or '?'}"]
    for claim in parsed.claims:
        period = f"{claim.period_start or '?'} – {claim.period_end or '?'}"
        out.append(f"  {claim.employee_name or '(navn mangler)'}  CPR {mask(claim.cpr) or 'mangler'}  {period}")
        employer = claim.employer_name or "(arbejdsgiver mangler)"
        hours = f"  timer {claim.hours_worked}" if claim.hours_worked is not None else ""
        sick = f"  sygetimer {claim.hours_sick}" if claim.hours_sick is not None else ""
        out.append(f"  {employer}  CVR {claim.cvr or 'mangler'}{hours}{sick}")
        flags = [name for name, on in (("fratrædelse", claim.final), ("korrektion", claim.correction)) if on]
        if flags:
            out.append(f"  ({', '.join(flags)})")
        for line in claim.lines:
            out.append(f"    {line.kind.value:<27} {format_danish(line.amount):>15}  {line.label or ''}")
        if claim.total is not None:
            out.append(f"    {'i alt':<27} {format_danish(claim.total):>15}")
    for problem in parsed.problems:
        out.append(f"  {problem.code} {problem.detail or ''}")
    return out


_KNOWN_HEADERS = {"from", "to", "subject", "date", "message-id", "received", "mime-version", "content-type", "return-path",
                  "sender", "reply-to", "delivered-to", "x-mailer"}  # fmt: skip


def _looks_like_email(raw: bytes) -> bool:
    """An email starts with header fields (RFC 5322 §2.2), at least one of the usual ones; a
    PDF, an image, an Office file or plain text does not."""
    head = raw[:65536]
    if b"\x00" in head[:1024] or head.startswith((b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8", b"GIF8", b"\xd0\xcf\x11\xe0")):
        return False
    if head.startswith(b"From "):  # an mbox "From " line before the headers
        head = head.split(b"\n", 1)[-1]
    try:
        headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(head)
    except Exception:  # the stdlib parser gives up: not an email we can read
        return False
    return any(key.lower() in _KNOWN_HEADERS for key in headers)
