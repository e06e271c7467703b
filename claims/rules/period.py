"""Period rules (RULES.md §4 Period): is the period usable, inside the employment, new?

Without a usable period (missing, or ending before it starts) only `PERIOD_MISSING` runs;
without a placement (no usable CPR, or none found) the placement rules find nothing.
"""

from __future__ import annotations

import datetime as dt

from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import Claim, Outcome
from claims.policy import Policy
from claims.rules.base import NONE, Rule, add_months, danish_date, days_inside, placement_of
from claims.rules.final import is_final_settlement


def period_missing(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PERIOD_MISSING`: no period found, or one that ends before it starts. needs_information."""
    if claim.period is not None:
        return NONE
    return (
        Finding(
            "PERIOD_MISSING",
            Severity.NEEDS_INFORMATION,
            "Vi kan ikke se, hvilken periode der søges refusion for. "
            "Send os venligst periodens første og sidste dag (fx 1.10.2026-31.10.2026).",
        ),
    )


def period_too_long(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PERIOD_TOO_LONG`: the period ends after ``start + 1 calendar month - 1 day``
    (1.-31. Oct is fine, 17 Aug - 30 Sep is not). manual_review."""
    period = claim.period
    if period is None or period.end <= add_months(period.start, 1) - dt.timedelta(days=1):
        return NONE
    return (
        Finding(
            "PERIOD_TOO_LONG",
            Severity.MANUAL_REVIEW,
            f"Perioden {danish_date(period.start)}-{danish_date(period.end)} er længere end én måned. "
            "Der skal søges refusion for én måned ad gangen.",
        ),
    )


def period_outside_placement(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PERIOD_OUTSIDE_PLACEMENT`: no day of the period lies inside the paid employment (after
    any praktik, up to the end date). rejected. Not for a final settlement."""
    placement, period = placement_of(claim, ctx), claim.period
    if placement is None or period is None or is_final_settlement(claim, ctx, policy):
        return NONE
    employment = placement.employment
    if days_inside(period, employment) > 0:
        return NONE
    return (
        Finding(
            "PERIOD_OUTSIDE_PLACEMENT",
            Severity.REJECTED,
            f"Perioden {danish_date(period.start)}-{danish_date(period.end)} ligger uden for den lønnede "
            f"ansættelse ({danish_date(employment.start)}-{danish_date(employment.end)}; "
            "praktik er ulønnet), "
            "så der kan ikke udbetales refusion.",
        ),
    )


def period_partly_outside(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PERIOD_PARTLY_OUTSIDE`: some days lie outside the employment (before its start, in
    praktik, after its end). A note: the hour cap counts only the days inside."""
    placement, period = placement_of(claim, ctx), claim.period
    if placement is None or period is None:
        return NONE
    inside = days_inside(period, placement.employment)
    if inside == 0 or inside == period.days:
        return NONE
    employment = placement.employment
    return (
        Finding(
            "PERIOD_PARTLY_OUTSIDE",
            Severity.NOTE,
            f"{period.days - inside} af periodens dage ligger uden for den lønnede ansættelse "
            f"({danish_date(employment.start)}-{danish_date(employment.end)}); timeloftet regnes kun "
            f"for de {inside} dage inden for.",
        ),
    )


# An earlier claim still waiting for information is superseded by the new one (RULES.md DUPLICATE).
_DECIDED = frozenset({Outcome.APPROVED, Outcome.PARTIALLY_APPROVED, Outcome.MANUAL_REVIEW})


def duplicate(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`DUPLICATE`: an earlier claim for this placement with an overlapping period was approved,
    partially approved or sent to manual review. rejected. A correction is never a duplicate."""
    placement, period = placement_of(claim, ctx), claim.period
    if placement is None or period is None or claim.correction:
        return NONE
    for earlier in ctx.earlier:
        if (
            earlier.placement_id == placement.placement_id
            and earlier.outcome in _DECIDED
            and earlier.period.overlaps(period)
        ):
            return (
                Finding(
                    "DUPLICATE",
                    Severity.REJECTED,
                    f"Der er allerede søgt refusion for perioden {danish_date(earlier.period.start)}-"
                    f"{danish_date(earlier.period.end)}. Skal det tidligere krav rettes, så skriv "
                    "'korrektion' i mailen.",
                ),
            )
    return NONE


def correction(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`CORRECTION`: the email says it corrects an earlier claim (korrektion, rettelse,
    efterregulering). manual_review."""
    if not claim.correction:
        return NONE
    return (
        Finding(
            "CORRECTION",
            Severity.MANUAL_REVIEW,
            "Kravet retter et tidligere krav; en sagsbehandler sammenholder det med det tidligere.",
        ),
    )


RULES: tuple[Rule, ...] = (
    period_missing,
    period_too_long,
    period_outside_placement,
    period_partly_outside,
    duplicate,
    correction,
)
