"""Amount rules (RULES.md §4 Amounts): is it clear what is claimed, and does it hold up
against the payslip, the rates and the deadlines?

Rates (`HOLIDAY_RATE`, `PENSION_RATE`) are measured on the claimed lines, before cuts; the ATP
bracket uses the paid hours as claimed (worked + sick, before any cap); `FOUR_EYES` looks at
the amount the rules would pay.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from claims import cpr as cprmod
from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import Claim, Kind
from claims.policy import Policy
from claims.rules.base import (
    NONE,
    Amounts,
    CutRule,
    Rule,
    add_months,
    cut_finding,
    danish_date,
    exact,
    hours_worked,
    kr,
    num,
    paid_hours,
    pay,
    scale_kinds,
    total_of,
)
from claims.rules.final import is_final_settlement


def payslip_missing(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PAYSLIP_MISSING`: no readable payslip is attached (the guide asks for it every month; an
    encrypted or corrupt attachment is no payslip). needs_information."""
    if ctx.payslip_attached:
        return NONE
    return (
        Finding(
            "PAYSLIP_MISSING",
            Severity.NEEDS_INFORMATION,
            "Der er ikke vedhæftet en lønseddel, som vi kan læse. Send os venligst lønsedlen for perioden "
            "som PDF uden adgangskode.",
        ),
    )


def items_missing(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`ITEMS_MISSING`: no itemisation (only a total, or nothing). needs_information."""
    if claim.lines:
        return NONE
    return (
        Finding(
            "ITEMS_MISSING",
            Severity.NEEDS_INFORMATION,
            "Vi kan ikke se, hvad beløbet dækker. Send os venligst kravet delt op i løn, ATP, "
            "feriepenge osv., så det er tydeligt, hvad der søges refusion for.",
        ),
    )


def total_mismatch(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`TOTAL_MISMATCH`: the stated total differs from the sum of the lines by more than 1.00 kr.
    manual_review. Needs lines (without them, `ITEMS_MISSING` says it)."""
    if claim.total is None or not claim.lines or abs(claim.total - claim.claimed) <= policy.amount_tolerance:
        return NONE
    return (
        Finding(
            "TOTAL_MISMATCH",
            Severity.MANUAL_REVIEW,
            f"Den oplyste total ({kr(claim.total)}) svarer ikke til summen af linjerne "
            f"({kr(claim.claimed)}); "
            "en sagsbehandler ser på det.",
        ),
    )


def am_double_counted(
    claim: Claim, ctx: DecisionContext, policy: Policy, amounts: Amounts
) -> tuple[Amounts, tuple[Finding, ...]]:
    """`AM_DOUBLE_COUNTED`: salary + sick_pay claimed equal the payslip's gross pay (±1.00 kr)
    and am_bidrag is claimed too: AM-bidrag is part of the gross pay, so the am_bidrag line is
    cut. (A salary line that is gross less AM-bidrag, plus an am_bidrag line, is fine.)
    partially_approved."""
    slip = claim.payslip
    if slip is None or slip.gross is None or not claim.has(Kind.AM_BIDRAG):
        return amounts, NONE
    if abs(pay(claim) - slip.gross) > policy.amount_tolerance:
        return amounts, NONE
    am = frozenset({Kind.AM_BIDRAG})
    after = scale_kinds(claim, amounts, am, Fraction(0))
    cut = total_of(claim, amounts, am)
    if cut <= 0:
        return amounts, NONE
    text = (
        f"AM-bidraget ({kr(cut)}) er allerede med i bruttolønnen ({kr(slip.gross)}), som løn og sygeløn "
        "svarer til; det refunderes ikke to gange."
    )
    return after, (cut_finding("AM_DOUBLE_COUNTED", text, cut),)


def am_rate(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`AM_RATE`: am_bidrag differs from 8 % of the AM basis (the payslip's AM-grundlag) by more
    than 1.00 kr. manual_review. Without an AM basis there is nothing to measure against."""
    slip = claim.payslip
    if slip is None or slip.am_basis is None or not claim.has(Kind.AM_BIDRAG):
        return NONE
    expected = slip.am_basis * policy.am_rate
    claimed = claim.amount_of(Kind.AM_BIDRAG)
    if abs(claimed - expected) <= policy.amount_tolerance:
        return NONE
    return (
        Finding(
            "AM_RATE",
            Severity.MANUAL_REVIEW,
            f"AM-bidraget ({kr(claimed)}) er ikke 8 % af AM-grundlaget {kr(slip.am_basis)} "
            f"({kr(expected)}); en sagsbehandler ser på det.",
        ),
    )


def atp_over_bracket(
    claim: Claim, ctx: DecisionContext, policy: Policy, amounts: Amounts
) -> tuple[Amounts, tuple[Finding, ...]]:
    """`ATP_OVER_BRACKET`: atp exceeds the employer share for the month's paid-hours bracket
    (paid hours as claimed, before any cap); it is cut to the bracket amount. partially_approved.
    Needs the paid hours."""
    hours = paid_hours(claim)
    atp = frozenset({Kind.ATP})
    current = total_of(claim, amounts, atp)
    if hours is None or current <= 0:
        return amounts, NONE
    year = claim.period.start.year if claim.period is not None else ctx.claimed_on.year
    share = exact(policy.atp_employer_share(hours, year))
    if current <= share:
        return amounts, NONE
    after = scale_kinds(claim, amounts, atp, share / current)
    cut = current - share
    text = (
        f"ATP for {num(exact(hours))} betalte timer i måneden er {kr(share)} (arbejdsgiverandel); "
        f"der er søgt {kr(current)}, så {kr(cut)} refunderes ikke."
    )
    return after, (cut_finding("ATP_OVER_BRACKET", text, cut),)


def holiday_rate(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`HOLIDAY_RATE`: holiday_pay above 15 % (12.5 % + 2.5 % for the 6th holiday week), or
    special_holiday_allowance above 2.45 %, of salary + sick_pay (+1.00 kr). manual_review.
    Not for a final settlement (it has no pay of its own to measure against)."""
    if not (claim.has(Kind.HOLIDAY_PAY) or claim.has(Kind.SPECIAL_HOLIDAY_ALLOWANCE)):
        return NONE
    if is_final_settlement(claim, ctx, policy):
        return NONE
    base = pay(claim)
    found: list[str] = []
    holiday = claim.amount_of(Kind.HOLIDAY_PAY)
    if holiday > base * policy.holiday_rate_max + policy.amount_tolerance:
        found.append(f"feriepenge {kr(holiday)} er over {num(policy.holiday_rate_max * 100)} %")
    special = claim.amount_of(Kind.SPECIAL_HOLIDAY_ALLOWANCE)
    if special > base * policy.special_holiday_rate_max + policy.amount_tolerance:
        found.append(
            f"særlig feriegodtgørelse {kr(special)} er over {num(policy.special_holiday_rate_max * 100)} %"
        )
    if not found:
        return NONE
    return (
        Finding(
            "HOLIDAY_RATE",
            Severity.MANUAL_REVIEW,
            f"Af løn og sygeløn ({kr(base)}): {'; '.join(found)}. En sagsbehandler ser på satsen.",
        ),
    )


def pension_rate(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PENSION_RATE`: pension above 20 % of salary (no tolerance). manual_review."""
    pension, salary = claim.amount_of(Kind.PENSION), claim.amount_of(Kind.SALARY)
    if not claim.has(Kind.PENSION) or pension <= salary * policy.pension_rate_max:
        return NONE
    return (
        Finding(
            "PENSION_RATE",
            Severity.MANUAL_REVIEW,
            f"Pensionen ({kr(pension)}) er mere end {num(policy.pension_rate_max * 100, 0)} % af lønnen "
            f"({kr(salary)}); en sagsbehandler ser på det (fx efterregulering for andre måneder).",
        ),
    )


def hourly_rate_implausible(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`HOURLY_RATE_IMPLAUSIBLE`: salary / hours worked outside the configured range (default
    100-400 kr). manual_review. Needs salary and hours worked."""
    worked = hours_worked(claim)
    salary = claim.amount_of(Kind.SALARY)
    if worked is None or not claim.has(Kind.SALARY) or salary == 0:
        return NONE
    if worked > 0:
        rate = salary / worked
        if policy.hourly_rate_min <= rate <= policy.hourly_rate_max:
            return NONE
        shown = f"{kr(rate)} i timen"
    else:
        shown = "løn uden arbejdstimer"
    return (
        Finding(
            "HOURLY_RATE_IMPLAUSIBLE",
            Severity.MANUAL_REVIEW,
            f"Lønnen svarer til {shown}, uden for det sædvanlige interval "
            f"{num(policy.hourly_rate_min, 0)}-{num(policy.hourly_rate_max, 0)} kr.; "
            "en sagsbehandler ser på det.",
        ),
    )


def body_payslip_mismatch(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`BODY_PAYSLIP_MISMATCH`: the claim and the payslip disagree: salary + sick_pay claimed
    exceed the payslip's gross pay by more than 1.00 kr, or (where the parse holds them) the
    payslip's CPR, period or hours differ from the claim's. manual_review."""
    slip = claim.payslip
    if slip is None:
        return NONE
    found: list[str] = []
    if slip.gross is not None and pay(claim) > slip.gross + policy.amount_tolerance:
        found.append(
            f"løn og sygeløn i kravet ({kr(pay(claim))}) er mere end lønsedlens bruttoløn ({kr(slip.gross)})"
        )
    if (
        slip.cpr is not None
        and claim.cpr is not None
        and cprmod.compact(slip.cpr) != cprmod.compact(claim.cpr)
    ):
        found.append("CPR-nummeret på lønsedlen er et andet end i kravet")
    start, end = claim.period_start, claim.period_end
    if (slip.period_start is not None and start is not None and slip.period_start != start) or (
        slip.period_end is not None and end is not None and slip.period_end != end
    ):
        found.append("lønsedlens periode er en anden end kravets")
    for label, mine, theirs in (
        ("arbejdstimer", claim.hours_worked, slip.hours_worked),
        ("sygetimer", claim.hours_sick, slip.hours_sick),
    ):
        if mine is not None and theirs is not None and mine != theirs:
            found.append(f"{label} i kravet ({num(mine)}) og på lønsedlen ({num(theirs)}) er forskellige")
    if not found:
        return NONE
    return (
        Finding(
            "BODY_PAYSLIP_MISMATCH",
            Severity.MANUAL_REVIEW,
            "Kravet og lønsedlen stemmer ikke overens: "
            + "; ".join(found)
            + ". En sagsbehandler ser på det.",
        ),
    )


def late_claim(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`LATE_CLAIM`: the Date of the email that first made the claim is later than the period's
    end plus 3 calendar months (the same day of the month, or the month's last day when it is
    shorter: a period ending 30 April is late on 31 July). manual_review. Needs a period."""
    period = claim.period
    if period is None:
        return NONE
    deadline = add_months(period.end, policy.late_months)
    if ctx.claimed_on <= deadline:
        return NONE
    return (
        Finding(
            "LATE_CLAIM",
            Severity.MANUAL_REVIEW,
            f"Kravet for perioden, der sluttede {danish_date(period.end)}, er modtaget "
            f"{danish_date(ctx.claimed_on)}, "
            f"efter fristen {danish_date(deadline)}; en sagsbehandler ser på det.",
        ),
    )


def other_costs(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`OTHER_COSTS`: an `other` line is claimed; always reviewed. manual_review."""
    if not claim.has(Kind.OTHER):
        return NONE
    labels = ", ".join(line.label for line in claim.lines if line.kind == Kind.OTHER and line.label)
    return (
        Finding(
            "OTHER_COSTS",
            Severity.MANUAL_REVIEW,
            f"Der er søgt andre lønudgifter ({labels or 'andet'}, {kr(claim.amount_of(Kind.OTHER))}); "
            "en sagsbehandler vurderer, om de kan refunderes.",
        ),
    )


_DECISIVE = {
    "employee.cpr": "CPR-nummer",
    "period.start": "periode",
    "period.end": "periode",
    "hours.worked": "arbejdstimer",
    "hours.sick": "sygetimer",
}


def low_confidence(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`LOW_CONFIDENCE`: a value that decides the amount (CPR, period, hours or a claimed line)
    was read only by OCR from a scan or photo (its source starts with ``ocr:``) and is not also
    written in the email's text. manual_review."""
    claimed_lines = {f"lines.{line.kind.value}" for line in claim.lines}
    what: list[str] = []
    for key, source in claim.sources.items():
        if not source.startswith("ocr:"):
            continue
        base = key.split("[", 1)[0]
        label = _DECISIVE.get(base) or ("beløb" if base in claimed_lines else None)
        if label is not None and label not in what:
            what.append(label)
    if not what:
        return NONE
    return (
        Finding(
            "LOW_CONFIDENCE",
            Severity.MANUAL_REVIEW,
            f"Nogle oplysninger ({', '.join(what)}) kunne kun læses fra en scannet lønseddel; "
            "en sagsbehandler kontrollerer dem.",
        ),
    )


def four_eyes(claim: Claim, ctx: DecisionContext, policy: Policy, proposed: Decimal) -> tuple[Finding, ...]:
    """`FOUR_EYES`: the amount the rules would pay is above the threshold (default 15,000 kr):
    two different reviewers must approve. manual_review."""
    if proposed <= policy.four_eyes_above:
        return NONE
    return (
        Finding(
            "FOUR_EYES",
            Severity.MANUAL_REVIEW,
            f"Beløbet ({kr(proposed)}) er over {kr(policy.four_eyes_above)} "
            "og skal godkendes af to sagsbehandlere.",
        ),
    )


RULES: tuple[Rule, ...] = (
    payslip_missing,
    items_missing,
    total_mismatch,
    am_rate,
    holiday_rate,
    pension_rate,
    hourly_rate_implausible,
    body_payslip_mismatch,
    late_claim,
    other_costs,
    low_confidence,
)
CUTS: tuple[CutRule, ...] = (am_double_counted, atp_over_bracket)
