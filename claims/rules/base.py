"""What the rule families share: the two shapes of a rule, exact amounts, the calendar, and
the facts several rules read (the placement of a claim, its paid hours).

A *flag* rule is ``(claim, ctx, policy) -> tuple[Finding, ...]``. A *cutting* rule also gets
the current amount of every claimed line (exact fractions, in the order of `claim.lines`, after
the earlier stages' cuts) and returns the new amounts with its findings; it records a finding
only when it removes something (RULES.md §4 "Which rules run").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from claims import cpr as cprmod
from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import Claim, Kind, Period, Placement
from claims.money import format_danish, to_ore
from claims.policy import Policy

Amounts = tuple[Fraction, ...]
Rule = Callable[[Claim, DecisionContext, Policy], tuple[Finding, ...]]
CutRule = Callable[[Claim, DecisionContext, Policy, Amounts], tuple[Amounts, tuple[Finding, ...]]]

NONE: tuple[Finding, ...] = ()

# The Danish names of the cost lines (RULES.md §2), for texts a workplace reads.
KIND_DA: dict[Kind, str] = {
    Kind.SALARY: "løn",
    Kind.SICK_PAY: "løn under sygdom",
    Kind.ATP: "ATP",
    Kind.AM_BIDRAG: "AM-bidrag",
    Kind.PENSION: "pension",
    Kind.HOLIDAY_PAY: "feriepenge",
    Kind.SPECIAL_HOLIDAY_ALLOWANCE: "særlig feriegodtgørelse",
    Kind.FREE_CHOICE: "fritvalg",
    Kind.GROUP_LIFE: "gruppeliv",
    Kind.INSURANCE: "forsikring",
    Kind.OTHER: "andre lønudgifter",
}


# --- exact amounts -------------------------------------------------------------------------


def exact(value: Decimal) -> Fraction:
    return Fraction(value)


def round_places(value: Fraction, places: int) -> Decimal:
    """Half-up (away from zero on a tie, as `Decimal.ROUND_HALF_UP`), from an exact fraction."""
    sign = -1 if value < 0 else 1
    units = (abs(value) * 10**places + Fraction(1, 2)).__floor__()
    return (Decimal(sign * units).scaleb(-places)).quantize(Decimal(1).scaleb(-places))


def round_ore(value: Fraction) -> Decimal:
    """Half-up to øre: RULES.md §4, each line and each finding's cut is rounded once."""
    return round_places(value, 2)


def kr(value: Decimal | Fraction) -> str:
    """``1.234,56 kr.`` for a letter."""
    return format_danish(round_ore(value) if isinstance(value, Fraction) else to_ore(value))


def num(value: Decimal | Fraction, places: int = 2) -> str:
    """A Danish-written number (``31,14``) for hours and percentages."""
    d = round_places(value if isinstance(value, Fraction) else Fraction(value), places)
    text = f"{d:,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def cut_finding(
    code: str, text: str, removed: Fraction, *, severity: Severity = Severity.PARTIALLY_APPROVED
) -> Finding:
    """A cutting rule's finding: its amount is the exact cut rounded half-up, negative."""
    return Finding(code=code, severity=severity, text=text, amount=-round_ore(removed))


def removed(before: Amounts, after: Amounts) -> Fraction:
    return sum((b - a for b, a in zip(before, after, strict=True)), Fraction(0))


def scale_kinds(claim: Claim, amounts: Amounts, kinds: frozenset[Kind], factor: Fraction) -> Amounts:
    """Multiplies the lines of `kinds` by `factor`; the other lines stay."""
    return tuple(
        a * factor if line.kind in kinds else a for line, a in zip(claim.lines, amounts, strict=True)
    )


def total_of(claim: Claim, amounts: Amounts, kinds: frozenset[Kind]) -> Fraction:
    return sum((a for line, a in zip(claim.lines, amounts, strict=True) if line.kind in kinds), Fraction(0))


# --- calendar -------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def days_inside(period: Period, employment: Period) -> int:
    start, end = max(period.start, employment.start), min(period.end, employment.end)
    return max((end - start).days + 1, 0)


def danish_date(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


# --- facts several rules read ---------------------------------------------------------------


def usable_cpr(claim: Claim) -> str | None:
    """The claim's CPR as ten digits when it can be looked up (present, not masked, a real date)."""
    if claim.cpr is None:
        return None
    digits = cprmod.compact(claim.cpr)
    return digits if digits is not None and cprmod.has_valid_date(digits) else None


_PAYABLE_STATUS = frozenset({"approved", "ended"})


def placement_of(claim: Claim, ctx: DecisionContext) -> Placement | None:
    """RULES.md `PLACEMENT_NOT_FOUND`: the approved placement of the claim's CPR; with several,
    the one whose paid employment overlaps the period, then one whose whole placement (praktik
    included) overlaps it, else the latest. None without a usable CPR."""
    digits = usable_cpr(claim)
    if digits is None:
        return None
    mine = [
        p
        for p in ctx.placements
        if p.versions and p.status in _PAYABLE_STATUS and cprmod.compact(p.current.cpr) == digits
    ]
    if not mine:
        return None
    mine.sort(key=lambda p: (p.first.start_date, p.first.applied_at, p.placement_id))
    period = claim.period
    if period is not None:
        for p in reversed(mine):
            if p.employment.overlaps(period):
                return p
        for p in reversed(mine):
            if Period(p.first.start_date, p.current.end_date).overlaps(period):
                return p
    return mine[-1]


def hours_worked(claim: Claim) -> Decimal | None:
    """Hours worked as the claim states them, else as its payslip does."""
    if claim.hours_worked is not None:
        return claim.hours_worked
    return claim.payslip.hours_worked if claim.payslip is not None else None


def paid_hours(claim: Claim) -> Decimal | None:
    """RULES.md §4 Hours: worked plus hours paid as sick pay, as claimed (payslip as fallback);
    None when no hours are stated anywhere."""
    if claim.paid_hours is not None:
        return claim.paid_hours
    slip = claim.payslip
    if slip is None or (slip.hours_worked is None and slip.hours_sick is None):
        return None
    return (slip.hours_worked or Decimal(0)) + (slip.hours_sick or Decimal(0))


def pay(claim: Claim) -> Decimal:
    """Salary plus sick pay as claimed."""
    return claim.amount_of(Kind.SALARY) + claim.amount_of(Kind.SICK_PAY)
