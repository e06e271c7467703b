"""Small builders for claims, placements and contexts, so a test states only what it is about."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from claims.context import DecisionContext, EarlierClaim
from claims.findings import Finding
from claims.model import Claim, CostLine, Kind, MessageInfo, PayslipFacts, Placement, PlacementVersion

CPR = "1403911166"  # Mette Kjær Hansen (the corpus's P-0001): a valid date that passes modulus 11
CVR = "29189919"  # Albertslund Kommune
CONTACT = "lene.bach@albertslund.dk"
TZ = dt.timezone(dt.timedelta(hours=1))


def d(text: str) -> Decimal:
    return Decimal(text)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def version(
    weekly_hours: str = "10",
    *,
    start: str = "2026-03-01",
    end: str = "2027-02-28",
    praktik_until: str | None = None,
    effective_from: str | None = None,
    name: str = "Mette Kjær Hansen",
    cpr: str = CPR,
    cvr: str = CVR,
    contacts: tuple[str, ...] = (CONTACT, "biblioteket.adm@albertslund.dk"),
    placement_id: str = "P-0001",
) -> PlacementVersion:
    return PlacementVersion(
        placement_id=placement_id,
        employee_name=name,
        cpr=cpr,
        employer_name="Albertslund Kommune",
        cvr=cvr,
        workplace="Biblioteket",
        contact_emails=contacts,
        weekly_hours=Decimal(weekly_hours),
        start_date=day(start),
        end_date=day(end),
        praktik_until=day(praktik_until) if praktik_until else None,
        effective_from=day(effective_from or start),
        applied_at=dt.datetime(2026, 2, 10, 9, 30),
        holiday_scheme="hourly",
    )


def placement(*versions: PlacementVersion, placement_id: str | None = None) -> Placement:
    versions = versions or (version(),)
    return Placement(placement_id or versions[0].placement_id, tuple(versions))


def lines(**amounts: str) -> tuple[CostLine, ...]:
    return tuple(CostLine(Kind(kind), Decimal(amount)) for kind, amount in amounts.items())


def claim(**overrides: Any) -> Claim:
    """An October 2026 claim for P-0001 that holds up (43 hours at 152,84 kr.) unless overridden."""
    values: dict[str, Any] = {
        "employee_name": "Mette Kjær Hansen",
        "cpr": CPR,
        "employer_name": "Albertslund Kommune",
        "cvr": CVR,
        "period_start": day("2026-10-01"),
        "period_end": day("2026-10-31"),
        "hours_worked": d("43.00"),
        "lines": lines(
            salary="6572.12", atp="66.00", holiday_pay="821.52", special_holiday_allowance="128.16"
        ),
        "total": d("7587.80"),
        "payslip": PayslipFacts(gross=d("6572.12"), am_basis=d("6539.12"), am_bidrag=d("523.00")),
    }
    values.update(overrides)
    return Claim(**values)


def context(
    *placements: Placement,
    sent: dt.datetime = dt.datetime(2026, 11, 2, 9, 20, tzinfo=TZ),
    sender: str = CONTACT,
    payslip: bool = True,
    earlier: tuple[EarlierClaim, ...] = (),
    first_claimed_at: dt.datetime | None = None,
    today: dt.date = dt.date(2026, 11, 20),
) -> DecisionContext:
    return DecisionContext(
        today=today,
        message=MessageInfo(message_id="<test@example>", sender=sender, date=sent),
        first_claimed_at=first_claimed_at,
        payslip_attached=payslip,
        placements=placements if placements else (placement(),),
        earlier=earlier,
    )


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [f.code for f in findings]
