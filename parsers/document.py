"""A parsed message -> the contract's parse document (../shared/schema/parse.schema.json)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from claims.model import Claim, ParsedMessage
from claims.money import format_amount


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def claim_document(claim: Claim) -> dict[str, Any]:
    p = claim.payslip
    return {
        "employee": {"name": claim.employee_name, "cpr": claim.cpr},
        "employer": {"name": claim.employer_name, "cvr": claim.cvr},
        "period": {"start": _date(claim.period_start), "end": _date(claim.period_end)},
        "hours": {"worked": _amount(claim.hours_worked), "sick": _amount(claim.hours_sick)},
        "sick": {"first_day": _date(claim.sick_first_day), "last_day": _date(claim.sick_last_day)},
        "final": claim.final,
        "correction": claim.correction,
        "lines": [{"kind": line.kind.value, "amount": _amount(line.amount), "label": line.label} for line in claim.lines],
        "total": _amount(claim.total),
        "payslip": None
        if p is None
        else {
            "gross": _amount(p.gross),
            "am_basis": _amount(p.am_basis),
            "am_bidrag": _amount(p.am_bidrag),
            "cpr": p.cpr,
            "period": {"start": _date(p.period_start), "end": _date(p.period_end)},
            "hours": {"worked": _amount(p.hours_worked), "sick": _amount(p.hours_sick)},
        },
        "sources": dict(claim.sources),
        "confidence": {k: float(v) for k, v in claim.confidence.items()},
    }


def parse_document(parsed: ParsedMessage) -> dict[str, Any]:
    info = parsed.info
    return {
        "message": {
            "message_id": info.message_id,
            "from": info.sender,
            "subject": info.subject,
            "date": info.date.isoformat() if info.date else None,
            "in_reply_to": info.in_reply_to,
        },
        "claims": [claim_document(c) for c in parsed.claims],
        "problems": [{"code": p.code, "detail": p.detail} for p in parsed.problems],
    }
