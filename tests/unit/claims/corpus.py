"""Reading the shared corpus's ground truth into domain values, for the decision tests.

The corpus (``../shared/corpus``) gives each claim as dotted keys (``employee.cpr``,
``payslip.period.start``, ``sources.employee.cpr``; ``lines`` as {kind: amount}) and the
placements as the contract's CSV. The readers here are deliberately tiny: they are test
fixtures, not the project's CSV import.
"""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from claims.model import Claim, CostLine, Kind, MessageInfo, PayslipFacts, Placement, PlacementVersion

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus"


def _d(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _day(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def claim_from(keys: dict[str, Any]) -> Claim:
    """A `Claim` from a corpus claim's dotted keys."""
    slip_keys = {k: v for k, v in keys.items() if k.startswith("payslip.")}
    payslip = None
    if any(v is not None for v in slip_keys.values()):
        payslip = PayslipFacts(
            gross=_d(keys.get("payslip.gross")),
            am_basis=_d(keys.get("payslip.am_basis")),
            am_bidrag=_d(keys.get("payslip.am_bidrag")),
            cpr=keys.get("payslip.cpr"),
            period_start=_day(keys.get("payslip.period.start")),
            period_end=_day(keys.get("payslip.period.end")),
            hours_worked=_d(keys.get("payslip.hours.worked")),
            hours_sick=_d(keys.get("payslip.hours.sick")),
        )
    sources = {k[len("sources.") :]: v for k, v in keys.items() if k.startswith("sources.")}
    lines = tuple(CostLine(Kind(kind), Decimal(amount)) for kind, amount in (keys.get("lines") or {}).items())
    return Claim(
        employee_name=keys.get("employee.name"),
        cpr=keys.get("employee.cpr"),
        employer_name=keys.get("employer.name"),
        cvr=keys.get("employer.cvr"),
        period_start=_day(keys.get("period.start")),
        period_end=_day(keys.get("period.end")),
        hours_worked=_d(keys.get("hours.worked")),
        hours_sick=_d(keys.get("hours.sick")),
        sick_first_day=_day(keys.get("sick.first_day")),
        sick_last_day=_day(keys.get("sick.last_day")),
        final=bool(keys.get("final")),
        correction=bool(keys.get("correction")),
        lines=lines,
        total=_d(keys.get("total")),
        payslip=payslip,
        sources=MappingProxyType(sources),
    )


def read_placements(path: Path) -> tuple[Placement, ...]:
    """Placements from the contract's CSV: rows grouped by placement_id, versions by effective_from."""
    rows: dict[str, list[PlacementVersion]] = defaultdict(list)

    def day(text: str) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["placement_id"]].append(
                PlacementVersion(
                    placement_id=row["placement_id"],
                    employee_name=row["employee_name"],
                    cpr=row["cpr"].replace("-", ""),
                    employer_name=row["employer_name"],
                    cvr=row["cvr"],
                    workplace=row["workplace"],
                    contact_emails=tuple(e.strip().lower() for e in row["contact_emails"].split(";")),
                    weekly_hours=Decimal(row["weekly_hours"]),
                    start_date=dt.date.fromisoformat(row["start_date"]),
                    end_date=dt.date.fromisoformat(row["end_date"]),
                    praktik_until=day(row["praktik_until"]),
                    effective_from=dt.date.fromisoformat(row["effective_from"]),
                    applied_at=dt.datetime.fromisoformat(row["applied_at"]),
                    holiday_scheme=row["holiday_scheme"],
                )
            )
    by_date = {pid: tuple(sorted(versions, key=lambda v: v.effective_from)) for pid, versions in rows.items()}
    return tuple(Placement(pid, versions) for pid, versions in by_date.items())


def has_readable_payslip(eml: bytes) -> bool:
    """A PDF or image attachment that is not encrypted (an encrypted PDF is unreadable)."""
    message = email.message_from_bytes(eml, policy=email.policy.default)
    for part in message.walk():
        ctype = part.get_content_type()
        if part.is_multipart() or not (ctype == "application/pdf" or ctype.startswith("image/")):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload and b"/Encrypt" not in payload:
            return True
    return False


@dataclass(frozen=True)
class Case:
    name: str
    order: int
    message: MessageInfo
    claims: tuple[Claim, ...]
    expected: tuple[dict[str, Any], ...]
    payslip_attached: bool
    references: tuple[str, ...]


def read_cases() -> tuple[Case, ...]:
    cases = []
    for folder in sorted((CORPUS / "cases").iterdir()):
        doc = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        msg = doc["parse"]["message"]
        refs = tuple(msg.get("references") or ()) + ((msg["in_reply_to"],) if msg.get("in_reply_to") else ())
        cases.append(
            Case(
                name=folder.name,
                order=int(doc["order"]),
                message=MessageInfo(
                    message_id=msg["message_id"],
                    sender=(msg["from"] or "").lower(),
                    subject=msg.get("subject"),
                    date=dt.datetime.fromisoformat(msg["date"]),
                    in_reply_to=msg.get("in_reply_to"),
                    references=tuple(msg.get("references") or ()),
                ),
                claims=tuple(claim_from(c) for c in doc["parse"]["claims"]),
                expected=tuple(doc["decisions"]),
                payslip_attached=has_readable_payslip((folder / "message.eml").read_bytes()),
                references=refs,
            )
        )
    return tuple(sorted(cases, key=lambda c: c.order))


def today() -> dt.date:
    return dt.date.fromisoformat(json.loads((CORPUS / "corpus.json").read_text())["today"])
