"""The Danish replies: one Jinja2 template per outcome, plain text and HTML
(multipart/alternative), threaded to the workplace's mail (RFC 5322 §3.6.4).

Decoupled from the rules' `Decision`: `app` fills a `ReplyInput`, and this module renders it
with `now` passed in (nothing reads the clock), so the same input gives the same bytes.
RULES.md §6: a CPR number appears only as ``DDMMYY-xxxx``; every free text (finding texts,
subjects) is masked, and the rendered bodies are masked again as a last guard. A claim with
`SENDER_NOT_AUTHORIZED` gets a receipt with no personal data at all, whatever its outcome.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from claims.cpr import mask, mask_in_text
from claims.findings import Finding
from claims.model import MessageInfo, Outcome
from claims.money import format_danish
from mailroom.addresses import recipient
from mailroom.automatic import is_automatic
from mailroom.wording import MISSING, NEMREFUSION_CODE, danish_date, danish_period, title

__all__ = ["ReplyFinding", "ReplyInput", "ReplyKind", "RenderedReply", "is_automatic", "no_reply_reason",
           "render_reply", "reply_address"]

DEFAULT_DOMAIN = "claims.albertslund.dk"
FROM_NAME = "Jobcenter Albertslund, Økonomigruppen"
_TEMPLATES = Path(__file__).parent / "templates"
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:sv|re|aw)\s*:\s*)+", re.IGNORECASE)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_NO_DIGITS = str.maketrans("0123456789", "ghijklmnop")  # a boundary must never look like a CPR number


class ReplyKind(StrEnum):
    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"
    NEEDS_INFORMATION = "needs_information"
    MANUAL_REVIEW = "manual_review"
    NOT_A_CLAIM = "not_a_claim"
    SENDER_NOT_AUTHORIZED = "sender_not_authorized"
    REMINDER = "reminder"


@dataclass(frozen=True, slots=True)
class ReplyFinding:
    """A finding as the reply tells it: its RULES.md code, the Danish text, the cut or None."""

    code: str
    text: str = ""
    amount: Decimal | None = None

    @classmethod
    def of(cls, finding: Finding) -> ReplyFinding:
        return cls(finding.code, finding.text, finding.amount)


@dataclass(frozen=True, slots=True)
class ReplyInput:
    """What one reply says. `missing` overrides the list derived from the findings' codes."""

    reference: str
    outcome: Outcome
    original: MessageInfo
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    employee_name: str | None = None
    cpr: str | None = None
    claimed: Decimal | None = None
    approved: Decimal | None = None
    findings: tuple[ReplyFinding, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RenderedReply:
    kind: ReplyKind
    message_id: str
    to: str
    subject: str
    text: str
    html: str
    raw: bytes = field(repr=False)


def reply_address(info: MessageInfo) -> str | None:
    """Where a reply goes: a usable Reply-To, else the usable address in From (repaired when the
    From is malformed, mailroom/addresses.py); None when there is none."""
    return recipient(info).address


def no_reply_reason(info: MessageInfo) -> str | None:
    """Why no reply can be sent to this mail (for the log), None when one can."""
    return recipient(info).reason


def reply_kind(reply: ReplyInput, *, reminder: bool = False) -> ReplyKind:
    if any(f.code == "SENDER_NOT_AUTHORIZED" for f in reply.findings):
        return ReplyKind.SENDER_NOT_AUTHORIZED  # RULES.md §4: "the reply holds no personal data"
    if reminder:
        if reply.outcome != Outcome.NEEDS_INFORMATION:
            raise ValueError(f"a reminder is only for needs_information, not {reply.outcome}")
        return ReplyKind.REMINDER
    return ReplyKind(reply.outcome.value)


def message_id_for(reference: str, *, now: dt.datetime, reminder: bool = False,
                   domain: str = DEFAULT_DOMAIN) -> str:
    """Deterministic per decision (and per day, for reminders): a resend overwrites, never doubles."""
    ref = _ID_UNSAFE.sub("_", reference)
    return f"<reminder-{ref}-{now:%Y%m%d}@{domain}>" if reminder else f"<reply-{ref}@{domain}>"


def reply_subject(reply: ReplyInput, kind: ReplyKind) -> str:
    tag = f"[{reply.reference}]"
    if kind == ReplyKind.SENDER_NOT_AUTHORIZED:
        return f"SV: Henvendelse modtaget {tag}"  # the original subject may name the employee
    subject = mask_in_text(re.sub(r"\s+", " ", reply.original.subject or "")).replace(tag, "")
    subject = _REPLY_PREFIX.sub("", subject).strip() or "Anmodning om refusion"
    prefix = "Påmindelse: " if kind == ReplyKind.REMINDER else "SV: "
    return f"{prefix}{subject} {tag}"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_TEMPLATES),
        # HTML replies escaped (they quote the sender's subject and names), text ones not.
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _context(reply: ReplyInput, kind: ReplyKind, now: dt.datetime) -> dict[str, Any]:
    if kind == ReplyKind.SENDER_NOT_AUTHORIZED:  # nothing personal reaches the template
        return {"kind": kind.value, "reference": reply.reference, "greeting": "Hej,",
                "today": danish_date(now.date())}
    findings = [
        {
            "code": f.code,
            "title": title(f.code),
            "text": mask_in_text(f.text.strip()),
            "cut": format_danish(abs(f.amount)) if f.amount else None,
        }
        for f in reply.findings
    ]
    missing = list(reply.missing) or [MISSING.get(f.code, mask_in_text(f.text) or title(f.code))
                                      for f in reply.findings if f.code in MISSING]
    original = reply.original
    return {
        "kind": kind.value,
        "reference": reply.reference,
        "greeting": f"Hej {original.sender_name}," if original.sender_name else "Hej,",
        "employee_name": reply.employee_name,
        "cpr": mask(reply.cpr),
        "period": danish_period(reply.period_start, reply.period_end),
        "claimed": format_danish(reply.claimed) if reply.claimed is not None else None,
        "approved": format_danish(reply.approved) if reply.approved is not None else None,
        "findings": findings,
        "missing": [mask_in_text(item) for item in missing],
        "missing_codes": sorted(MISSING),
        "nemrefusion": any(f.code == NEMREFUSION_CODE for f in reply.findings),
        "received": danish_date(original.date.date()) if original.date else None,
        "today": danish_date(now.date()),
    }


def _tidy(text: str, *, wrap: bool = False) -> str:
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return "\n".join(_wrap(line) for line in text.split("\n")) if wrap else text


def _wrap(line: str, width: int = 76) -> str:
    """Plain-text paragraphs at 76 columns, continuation lines under a bullet's text."""
    indent = re.match(r"^(\s*(?:- )?)", line)
    lead = " " * len(indent.group(1)) if indent else ""
    return textwrap.fill(line, width, subsequent_indent=lead, break_long_words=False,
                         break_on_hyphens=False) if len(line) > width else line


def render_reply(reply: ReplyInput, *, now: dt.datetime, from_address: str, reminder: bool = False,
                 domain: str = DEFAULT_DOMAIN) -> RenderedReply:
    """The reply to `reply.original` as a whole message. `now` must be timezone-aware.
    ValueError when the original names no address to answer (check `reply_address` first)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (it becomes the Date header)")
    target = recipient(reply.original)
    if not target.address:
        raise ValueError(f"no address to answer: {target.reason}")
    kind = reply_kind(reply, reminder=reminder)
    context = _context(reply, kind, now)
    env = _environment()
    text = mask_in_text(_tidy(env.get_template(f"{kind.value}.txt.j2").render(context), wrap=True))
    html = mask_in_text(_tidy(env.get_template(f"{kind.value}.html.j2").render(context)))
    message_id = message_id_for(reply.reference, now=now, reminder=kind == ReplyKind.REMINDER, domain=domain)
    subject = reply_subject(reply, kind)

    msg = EmailMessage(policy=SMTP)
    msg["From"] = Address(FROM_NAME, addr_spec=from_address)
    name = target.name if kind != ReplyKind.SENDER_NOT_AUTHORIZED else None
    msg["To"] = Address(name or "", addr_spec=target.address)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id
    original_id = reply.original.message_id
    if original_id:
        msg["In-Reply-To"] = original_id
    references = [*reply.original.references, *([original_id] if original_id else [])]
    if kind == ReplyKind.REMINDER:
        references.append(message_id_for(reply.reference, now=now, domain=domain))
    if references:
        msg["References"] = " ".join(dict.fromkeys(references))
    msg["Auto-Submitted"] = "auto-replied"  # RFC 3834 §5: we answer automatically
    msg["X-Auto-Response-Suppress"] = "All"  # no out-of-office answers to our answer
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    msg["Content-Language"] = "da"  # after set_content, which clears the Content-* headers
    msg.set_boundary("=_reply_" + hashlib.sha256(message_id.encode()).hexdigest()[:24].translate(_NO_DIGITS))
    return RenderedReply(kind, message_id, target.address, subject, text, html, msg.as_bytes())
