"""Sickness rules (RULES.md §4 Sickness).

The employer carries the first 30 days of a sickness spell; this scheme refunds those, and
after day 30 the employer claims sygedagpengerefusion (NemRefusion) instead. A spell is
identified by its first sick day and counted in calendar days from it (day 30 is
``first_day + 29``, whichever month the spell began in). The claim's sick days are the calendar
days from ``max(first_day, period start)`` to the last sick day; the share of sick_pay cut is
the share of those days after day 30.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import Claim, Kind
from claims.policy import Policy
from claims.rules.base import (
    NONE,
    Amounts,
    CutRule,
    Rule,
    cut_finding,
    danish_date,
    kr,
    scale_kinds,
    total_of,
)

SPELL_DAYS = 30
_SICK = frozenset({Kind.SICK_PAY})


def _sick_pay_claimed(claim: Claim) -> bool:
    return any(line.kind == Kind.SICK_PAY and line.amount != 0 for line in claim.lines)


def sick_info_missing(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`SICK_INFO_MISSING`: sick pay claimed but the spell's first sick day or the last sick day
    is not stated. needs_information."""
    if not _sick_pay_claimed(claim) or (claim.sick_first_day is not None and claim.sick_last_day is not None):
        return NONE
    return (
        Finding(
            "SICK_INFO_MISSING",
            Severity.NEEDS_INFORMATION,
            "Der er søgt løn under sygdom, men vi mangler sygeforløbets første sygedag og den sidste "
            "sygedag i perioden. Send os venligst begge datoer.",
        ),
    )


def sick_days(claim: Claim) -> tuple[int, int] | None:
    """(the claim's sick days, of which after day 30), or None without the dates."""
    first, last = claim.sick_first_day, claim.sick_last_day
    if first is None or last is None:
        return None
    start = max(first, claim.period.start) if claim.period is not None else first
    if last < start:
        return None
    days = (last - start).days + 1
    day_30 = first + dt.timedelta(days=SPELL_DAYS - 1)
    after = max((last - max(start, day_30 + dt.timedelta(days=1))).days + 1, 0)
    return days, after


def sick_over_30_days(
    claim: Claim, ctx: DecisionContext, policy: Policy, amounts: Amounts
) -> tuple[Amounts, tuple[Finding, ...]]:
    """`SICK_OVER_30_DAYS`: the sick days after day 30 of the spell: their calendar-day share of
    sick_pay is cut, and the workplace is told to claim sygedagpengerefusion. partially_approved."""
    counted, first = sick_days(claim), claim.sick_first_day
    if counted is None or first is None or not _sick_pay_claimed(claim):
        return amounts, NONE
    days, after_30 = counted
    if after_30 == 0:
        return amounts, NONE
    after = scale_kinds(claim, amounts, _SICK, Fraction(days - after_30, days))
    cut = total_of(claim, amounts, _SICK) - total_of(claim, after, _SICK)
    if cut <= 0:
        return amounts, NONE
    day_30 = first + dt.timedelta(days=SPELL_DAYS - 1)
    text = (
        f"Sygeforløbet begyndte {danish_date(first)}, så dag 30 var {danish_date(day_30)}. "
        f"{after_30} af kravets {days} sygedage ligger efter dag 30, og {kr(cut)} af lønnen under sygdom "
        "refunderes ikke her. Søg i stedet sygedagpengerefusion via NemRefusion."
    )
    return after, (cut_finding("SICK_OVER_30_DAYS", text, cut),)


RULES: tuple[Rule, ...] = (sick_info_missing,)
CUTS: tuple[CutRule, ...] = (sick_over_30_days,)
