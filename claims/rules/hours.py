"""Hour rules (RULES.md §4 Hours).

The hour cap of a period is the sum over each day of the period inside the paid employment of
``weekly_hours(day) / 7``, where ``weekly_hours(day)`` is the approved hours of the placement
version in force that day (an addendum counts from its effective date). Paid hours are hours
worked plus hours paid as sick pay.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import HOUR_PROPORTIONAL, PAY_KINDS, Claim, Period, Placement
from claims.policy import Policy
from claims.rules.base import (
    NONE,
    Amounts,
    CutRule,
    Rule,
    cut_finding,
    exact,
    num,
    paid_hours,
    placement_of,
    scale_kinds,
    total_of,
)
from claims.rules.final import is_final_settlement


def hour_cap(placement: Placement, period: Period) -> Fraction:
    """The exact hour cap of `period` for `placement` (zero when no day is inside)."""
    employment = placement.employment
    start, end = max(period.start, employment.start), min(period.end, employment.end)
    cap = Fraction(0)
    day = start
    while day <= end:
        version = placement.version_on(day) or placement.first
        cap += exact(version.weekly_hours) / 7
        day += dt.timedelta(days=1)
    return cap


def hours_missing(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`HOURS_MISSING`: salary or sick_pay is claimed but the paid hours are not stated
    anywhere (mail or payslip). needs_information. Not for a final settlement."""
    if not any(line.kind in PAY_KINDS for line in claim.lines) or paid_hours(claim) is not None:
        return NONE
    if is_final_settlement(claim, ctx, policy):
        return NONE
    return (
        Finding(
            "HOURS_MISSING",
            Severity.NEEDS_INFORMATION,
            "Vi kan ikke se, hvor mange timer medarbejderen er betalt for i perioden. "
            "Send os venligst antallet af arbejdstimer (og evt. sygetimer).",
        ),
    )


def hours_over_cap(
    claim: Claim, ctx: DecisionContext, policy: Policy, amounts: Amounts
) -> tuple[Amounts, tuple[Finding, ...]]:
    """`HOURS_OVER_CAP`: paid hours exceed the cap. Hour-proportional lines (salary, sick_pay,
    am_bidrag, pension, holiday_pay, special_holiday_allowance, free_choice) are scaled by
    cap / paid hours; fixed lines (atp, group_life, insurance, other) are kept.
    partially_approved. Not when no day is inside (that is `PERIOD_OUTSIDE_PLACEMENT`) and not
    for a final settlement."""
    placement, period, paid = placement_of(claim, ctx), claim.period, paid_hours(claim)
    if placement is None or period is None or paid is None or paid <= 0:
        return amounts, NONE
    if is_final_settlement(claim, ctx, policy):
        return amounts, NONE
    cap = hour_cap(placement, period)
    if cap == 0 or exact(paid) <= cap:
        return amounts, NONE
    factor = cap / exact(paid)
    after = scale_kinds(claim, amounts, HOUR_PROPORTIONAL, factor)
    cut = total_of(claim, amounts, HOUR_PROPORTIONAL) - total_of(claim, after, HOUR_PROPORTIONAL)
    if cut <= 0:
        return amounts, NONE
    text = (
        f"Timerne ({num(exact(paid))} betalte timer) overstiger det godkendte loft på {num(cap)} timer "
        "for perioden; løn m.m. er nedsat forholdsmæssigt."
    )
    return after, (cut_finding("HOURS_OVER_CAP", text, cut),)


RULES: tuple[Rule, ...] = (hours_missing,)
CUTS: tuple[CutRule, ...] = (hours_over_cap,)
