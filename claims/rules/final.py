"""Resignation (fratrædelse), RULES.md §4 "Resignation".

A claim marked as final whose period starts after the employment's end date and ends at most
`final_settlement_months` after it is a *final settlement*: holiday pay and særlig
feriegodtgørelse earned while employed are refunded as claimed (no hour cap, no
`PERIOD_OUTSIDE_PLACEMENT`, no `HOLIDAY_RATE`, no `HOURS_MISSING`); any other line is cut
(`FINAL_OTHER_LINES`, the period stage of the cuts). A final claim whose period overlaps the
employment is an ordinary claim.
"""

from __future__ import annotations

from fractions import Fraction

from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import Claim, Kind
from claims.policy import Policy
from claims.rules.base import (
    KIND_DA,
    NONE,
    Amounts,
    CutRule,
    add_months,
    cut_finding,
    danish_date,
    kr,
    placement_of,
)

SETTLED_KINDS = frozenset({Kind.HOLIDAY_PAY, Kind.SPECIAL_HOLIDAY_ALLOWANCE})


def is_final_settlement(claim: Claim, ctx: DecisionContext, policy: Policy) -> bool:
    """True when the claim is a final settlement after the end date (needs a placement and a period)."""
    placement = placement_of(claim, ctx)
    period = claim.period
    if not claim.final or placement is None or period is None:
        return False
    end = placement.current.end_date
    return period.start > end and period.end <= add_months(end, policy.final_settlement_months)


def final_other_lines(
    claim: Claim, ctx: DecisionContext, policy: Policy, amounts: Amounts
) -> tuple[Amounts, tuple[Finding, ...]]:
    """`FINAL_OTHER_LINES`: a final settlement also claims other lines than holiday pay and
    særlig feriegodtgørelse (salary, ATP, ...): they are cut. partially_approved, or rejected
    when nothing is left."""
    if not is_final_settlement(claim, ctx, policy):
        return amounts, NONE
    after = tuple(
        a if line.kind in SETTLED_KINDS else Fraction(0) for line, a in zip(claim.lines, amounts, strict=True)
    )
    cut = sum(amounts, Fraction(0)) - sum(after, Fraction(0))
    if cut == 0:
        return amounts, NONE
    end = placement_of(claim, ctx)
    end_text = danish_date(end.current.end_date) if end is not None else "slutdatoen"
    others = ", ".join(sorted({KIND_DA[line.kind] for line in claim.lines if line.kind not in SETTLED_KINDS}))
    nothing_left = sum(after, Fraction(0)) == 0
    text = (
        f"Ansættelsen sluttede {end_text}. Ved fratrædelse refunderes kun feriepenge og særlig "
        f"feriegodtgørelse optjent under ansættelsen; de øvrige linjer ({others}) på {kr(cut)} "
        "refunderes ikke."
    )
    severity = Severity.REJECTED if nothing_left else Severity.PARTIALLY_APPROVED
    return after, (cut_finding("FINAL_OTHER_LINES", text, cut, severity=severity),)


CUTS: tuple[CutRule, ...] = (final_other_lines,)
