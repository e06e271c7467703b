"""Frozen values of the domain (beancount's `core/data.py` is the model: records are values,
changes make new values). Danish terms, once explained:

- *placement* (ansættelse i job på få lønnede timer): one approved employment, with versions
  (*tillæg*, addenda) that change the weekly hours from an effective date;
- *praktik*: an unpaid internship at the start of a placement; nothing in it is refundable;
- *lønseddel*: the payslip; *refusion*: the refund the workplace claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType


class Kind(StrEnum):
    """The refundable cost lines of RULES.md §2."""

    SALARY = "salary"
    SICK_PAY = "sick_pay"
    ATP = "atp"
    AM_BIDRAG = "am_bidrag"
    PENSION = "pension"
    HOLIDAY_PAY = "holiday_pay"
    SPECIAL_HOLIDAY_ALLOWANCE = "special_holiday_allowance"
    FREE_CHOICE = "free_choice"
    GROUP_LIFE = "group_life"
    INSURANCE = "insurance"
    OTHER = "other"


# RULES.md §4 Hours: lines scaled by the hour cap, and lines kept as they are.
HOUR_PROPORTIONAL = frozenset(
    {
        Kind.SALARY,
        Kind.SICK_PAY,
        Kind.AM_BIDRAG,
        Kind.PENSION,
        Kind.HOLIDAY_PAY,
        Kind.SPECIAL_HOLIDAY_ALLOWANCE,
        Kind.FREE_CHOICE,
    }
)
FIXED = frozenset({Kind.ATP, Kind.GROUP_LIFE, Kind.INSURANCE, Kind.OTHER})
PAY_KINDS = frozenset({Kind.SALARY, Kind.SICK_PAY})


class Outcome(StrEnum):
    """RULES.md §3. The order of `SEVERITY` is the order in which outcomes win."""

    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"
    NEEDS_INFORMATION = "needs_information"
    MANUAL_REVIEW = "manual_review"
    NOT_A_CLAIM = "not_a_claim"


def _frozen(mapping: Mapping[str, object] | None) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive run of days (``1.–31. oktober 2026``)."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def each_day(self) -> tuple[dt.date, ...]:
        return tuple(self.start + dt.timedelta(days=i) for i in range(max(self.days, 0)))

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True)
class CostLine:
    """One itemised line of a claim: what kind of cost, how much, and the workplace's label."""

    kind: Kind
    amount: Decimal
    label: str | None = None


@dataclass(frozen=True, slots=True)
class PayslipFacts:
    """What the payslip itself says, kept apart from the claim for the cross-checks
    (`AM_DOUBLE_COUNTED`, `AM_RATE`, `BODY_PAYSLIP_MISMATCH`)."""

    gross: Decimal | None = None
    am_basis: Decimal | None = None
    am_bidrag: Decimal | None = None
    cpr: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    hours_worked: Decimal | None = None
    hours_sick: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One refund claim: one employee, one period, as the parse document describes it.

    `sources` and `confidence` are keyed by the contract's dotted names (``employee.cpr``,
    ``lines.salary``, ``total``); a source starting with ``ocr:`` was read from a scan.
    """

    employee_name: str | None = None
    cpr: str | None = None
    employer_name: str | None = None
    cvr: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    hours_worked: Decimal | None = None
    hours_sick: Decimal | None = None
    sick_first_day: dt.date | None = None
    sick_last_day: dt.date | None = None
    final: bool = False
    correction: bool = False
    lines: tuple[CostLine, ...] = ()
    total: Decimal | None = None
    payslip: PayslipFacts | None = None
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    confidence: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    # Other values the mail states for a field, each with where it was read: ``{"employer.cvr":
    # (("29189919", "attachment:lon.pdf"),)}``. The claim's own value is the parse's choice; the
    # placement registry may choose one of these instead (claims/matching.py), never a value of its own.
    alternatives: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def period(self) -> Period | None:
        """The refund period, or None when missing or ending before it starts (`PERIOD_MISSING`)."""
        if self.period_start is None or self.period_end is None or self.period_end < self.period_start:
            return None
        return Period(self.period_start, self.period_end)

    @property
    def claimed(self) -> Decimal:
        """The sum of the claimed lines (the contract's `claimed`)."""
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    def amount_of(self, kind: Kind) -> Decimal:
        return sum((line.amount for line in self.lines if line.kind == kind), Decimal("0.00"))

    def has(self, kind: Kind) -> bool:
        return any(line.kind == kind for line in self.lines)

    @property
    def paid_hours(self) -> Decimal | None:
        """Hours worked plus hours paid as sick pay (RULES.md §4 Hours); None when neither is stated."""
        if self.hours_worked is None and self.hours_sick is None:
            return None
        return (self.hours_worked or Decimal(0)) + (self.hours_sick or Decimal(0))


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem with the message as a whole (`NOT_A_CLAIM`, `ATTACHMENT_UNREADABLE`, ...)."""

    code: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """An attachment as received: its name, media type and raw bytes."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class MessageInfo:
    """The envelope of an inbound email, enough to thread and to answer it."""

    message_id: str | None = None
    sender: str | None = None  # the bare address of From, lower-cased
    sender_name: str | None = None
    subject: str | None = None
    date: dt.datetime | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    automatic: bool = False  # RFC 3834 Auto-Submitted, Precedence bulk/list/junk, List-Id, out-of-office
    reply_to: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """What one email says: its envelope, its claims and its problems (the parse document).

    `payslip_attached` is true when a readable payslip came with the message (RULES.md
    `PAYSLIP_MISSING`: an unreadable attachment is no payslip). `ocr_pages` is how many
    scanned pages and photos were read by OCR (for the operators' metrics).
    """

    info: MessageInfo
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()
    payslip_attached: bool = False
    attachments: tuple[Attachment, ...] = ()
    ocr_pages: int = 0

    @property
    def is_claim(self) -> bool:
        return bool(self.claims)


@dataclass(frozen=True, slots=True)
class PlacementVersion:
    """One row of the placements CSV: the placement as it holds from `effective_from`."""

    placement_id: str
    employee_name: str
    cpr: str
    employer_name: str
    cvr: str
    workplace: str
    contact_emails: tuple[str, ...]
    weekly_hours: Decimal
    start_date: dt.date
    end_date: dt.date
    praktik_until: dt.date | None
    effective_from: dt.date
    applied_at: dt.datetime
    holiday_scheme: str  # "hourly" (feriepenge 12,5 %) or "salaried" (ferie med løn)


@dataclass(frozen=True, slots=True)
class Placement:
    """An approved employment with its versions, oldest `effective_from` first."""

    placement_id: str
    versions: tuple[PlacementVersion, ...]
    status: str = "approved"  # approved | waitlisted | ended

    @property
    def current(self) -> PlacementVersion:
        return self.versions[-1]

    @property
    def first(self) -> PlacementVersion:
        return self.versions[0]

    def version_on(self, day: dt.date) -> PlacementVersion | None:
        """The version in force on `day` (the latest whose `effective_from` is not after it)."""
        found = None
        for version in self.versions:
            if version.effective_from <= day:
                found = version
        return found

    @property
    def employment(self) -> Period:
        """The paid employment: after any praktik, up to the end date."""
        v = self.current
        start = v.start_date
        if v.praktik_until is not None and v.praktik_until >= start:
            start = v.praktik_until + dt.timedelta(days=1)
        return Period(start, v.end_date)
