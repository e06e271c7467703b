"""Domain values <-> JSON for the ledger's JSON columns. Amounts are strings ("1234.50"),
dates ISO: nothing in a JSON column is ever a float."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from claims.model import Claim, CostLine, Kind, PayslipFacts
from claims.money import format_amount


def amount(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


def number(value: Decimal | None) -> str | None:
    """Hours and other non-money numbers: exact, as written (``"34.5"``)."""
    return None if value is None else str(value)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _to_date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _to_decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _text(value: Any) -> str:
    """An enum's value, or the text itself (the rules core's values are duck-typed here)."""
    return str(getattr(value, "value", value))


def finding(item: Any) -> dict[str, Any]:
    """A finding (code, severity, text, amount) as JSON."""
    severity = getattr(item, "severity", None)
    return {
        "code": _text(item.code),
        "severity": None if severity is None else _text(severity),
        "text": getattr(item, "text", None),
        "amount": amount(getattr(item, "amount", None)),
    }


def line(item: Any) -> dict[str, Any]:
    """A cost line as JSON: a claimed `CostLine` (kind, amount, label) or a decided line (kind,
    label, claimed, approved, proposed); whichever amounts the value has are kept."""
    out: dict[str, Any] = {"kind": _text(item.kind), "label": getattr(item, "label", None)}
    for name in ("amount", "claimed", "approved", "proposed"):
        if hasattr(item, name):
            value = getattr(item, name)
            out[name] = amount(value) if isinstance(value, Decimal) else value
    return out


def lines(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [line(i) for i in items]


def claim_to_json(claim: Claim) -> dict[str, Any]:
    payslip = claim.payslip
    return {
        "employee_name": claim.employee_name,
        "cpr": claim.cpr,
        "employer_name": claim.employer_name,
        "cvr": claim.cvr,
        "period_start": _date(claim.period_start),
        "period_end": _date(claim.period_end),
        "hours_worked": number(claim.hours_worked),
        "hours_sick": number(claim.hours_sick),
        "sick_first_day": _date(claim.sick_first_day),
        "sick_last_day": _date(claim.sick_last_day),
        "final": claim.final,
        "correction": claim.correction,
        "lines": [{"kind": str(ln.kind), "amount": amount(ln.amount), "label": ln.label} for ln in claim.lines],
        "total": amount(claim.total),
        "payslip": None
        if payslip is None
        else {
            "gross": amount(payslip.gross),
            "am_basis": amount(payslip.am_basis),
            "am_bidrag": amount(payslip.am_bidrag),
            "cpr": payslip.cpr,
            "period_start": _date(payslip.period_start),
            "period_end": _date(payslip.period_end),
            "hours_worked": number(payslip.hours_worked),
            "hours_sick": number(payslip.hours_sick),
        },
        "sources": dict(claim.sources),
        "confidence": {k: str(v) for k, v in claim.confidence.items()},
        "alternatives": {k: [list(pair) for pair in pairs] for k, pairs in claim.alternatives.items()},
    }


def claim_from_json(data: Mapping[str, Any]) -> Claim:
    raw_payslip = data.get("payslip")
    payslip = None
    if isinstance(raw_payslip, Mapping):
        payslip = PayslipFacts(
            gross=_to_decimal(raw_payslip.get("gross")),
            am_basis=_to_decimal(raw_payslip.get("am_basis")),
            am_bidrag=_to_decimal(raw_payslip.get("am_bidrag")),
            cpr=raw_payslip.get("cpr"),
            period_start=_to_date(raw_payslip.get("period_start")),
            period_end=_to_date(raw_payslip.get("period_end")),
            hours_worked=_to_decimal(raw_payslip.get("hours_worked")),
            hours_sick=_to_decimal(raw_payslip.get("hours_sick")),
        )
    return Claim(
        employee_name=data.get("employee_name"),
        cpr=data.get("cpr"),
        employer_name=data.get("employer_name"),
        cvr=data.get("cvr"),
        period_start=_to_date(data.get("period_start")),
        period_end=_to_date(data.get("period_end")),
        hours_worked=_to_decimal(data.get("hours_worked")),
        hours_sick=_to_decimal(data.get("hours_sick")),
        sick_first_day=_to_date(data.get("sick_first_day")),
        sick_last_day=_to_date(data.get("sick_last_day")),
        final=bool(data.get("final")),
        correction=bool(data.get("correction")),
        lines=tuple(CostLine(Kind(ln["kind"]), Decimal(ln["amount"]), ln.get("label")) for ln in data.get("lines") or ()),
        total=_to_decimal(data.get("total")),
        payslip=payslip,
        sources=dict(data.get("sources") or {}),
        confidence={k: float(v) for k, v in (data.get("confidence") or {}).items()},
        # absent in claims stored before alternatives were kept
        alternatives={k: tuple((str(v), str(s)) for v, s in pairs) for k, pairs in (data.get("alternatives") or {}).items()},
    )
