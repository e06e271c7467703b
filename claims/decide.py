"""decide(claim, context, policy) -> Decision: runs the rules, applies the cuts, picks the outcome
(RULES.md §4 "Which rules run" and "Combining").

- Every rule that applies runs and every finding is kept; a note changes nothing.
- Cuts run in the order period (final settlement) -> hours -> sickness -> amounts, each on what
  the previous left, on exact fractions; each line is rounded half-up to øre once, at the end,
  and each finding's amount is its own exact cut rounded half-up.
- When a rule rejects the whole claim (`PLACEMENT_NOT_FOUND`, `PERIOD_OUTSIDE_PLACEMENT`,
  `DUPLICATE`) the cutting rules do not run; the flags still do.
- The outcome is the most severe finding: rejected > needs_information > manual_review >
  partially_approved > approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claims.context import DecisionContext
from claims.findings import SEVERITY_ORDER, Finding, Severity
from claims.model import Claim, Kind, Outcome
from claims.policy import Policy
from claims.rules import amounts, final, hours, identity, period, sickness
from claims.rules.base import Amounts, CutRule, Rule, exact, placement_of, round_ore

ZERO = Decimal("0.00")

_OUTCOME_OF = {
    Severity.PARTIALLY_APPROVED: Outcome.PARTIALLY_APPROVED,
    Severity.MANUAL_REVIEW: Outcome.MANUAL_REVIEW,
    Severity.NEEDS_INFORMATION: Outcome.NEEDS_INFORMATION,
    Severity.REJECTED: Outcome.REJECTED,
}
_PAYING = frozenset({Outcome.APPROVED, Outcome.PARTIALLY_APPROVED})


@dataclass(frozen=True, slots=True)
class DecidedLine:
    """One claimed line with what the rules would pay (`proposed`) and what this decision pays
    (`approved`: the proposal for approved/partially_approved, 0.00 otherwise)."""

    kind: Kind
    label: str | None
    claimed: Decimal
    approved: Decimal
    proposed: Decimal


@dataclass(frozen=True, slots=True)
class Decision:
    """The rules' decision on one claim (CONTRACT.md "Decision document").

    `claimed` is the sum of the claimed lines; `proposed` what the rules would pay (claimed less
    the cuts, for every outcome: the review page shows it); `approved` what this decision pays
    (the proposal for approved/partially_approved, 0.00 otherwise, None for not_a_claim).
    """

    outcome: Outcome
    claimed: Decimal
    approved: Decimal | None
    proposed: Decimal | None
    lines: tuple[DecidedLine, ...]
    findings: tuple[Finding, ...]
    placement_id: str | None
    rules_version: str

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)


# The families in the order of RULES.md §4; each stage's cuts run after its flags are gathered.
FLAGS: tuple[tuple[Rule, ...], ...] = (
    identity.RULES,
    period.RULES,
    hours.RULES,
    sickness.RULES,
    amounts.RULES,
)
CUT_STAGES: tuple[tuple[CutRule, ...], ...] = (final.CUTS, hours.CUTS, sickness.CUTS, amounts.CUTS)


def outcome_of(findings: tuple[Finding, ...]) -> Outcome:
    """The most severe finding's outcome; notes (and no findings) leave the claim approved."""
    worst = max((SEVERITY_ORDER.index(f.severity) for f in findings), default=0)
    return _OUTCOME_OF.get(SEVERITY_ORDER[worst], Outcome.APPROVED)


def _apply_cuts(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Amounts, tuple[Finding, ...]]:
    current: Amounts = tuple(exact(line.amount) for line in claim.lines)
    found: list[Finding] = []
    for stage in CUT_STAGES:
        for rule in stage:
            current, findings = rule(claim, ctx, policy, current)
            found.extend(findings)
    return current, tuple(found)


def decide(claim: Claim, ctx: DecisionContext, policy: Policy) -> Decision:
    """Decides one claim. Pure: the same claim, context and policy give the same decision."""
    flags = tuple(f for family in FLAGS for rule in family for f in rule(claim, ctx, policy))
    if any(f.severity == Severity.REJECTED for f in flags):
        cut_amounts: Amounts = tuple(exact(line.amount) for line in claim.lines)
        cuts: tuple[Finding, ...] = ()
    else:
        cut_amounts, cuts = _apply_cuts(claim, ctx, policy)

    proposed_lines = tuple(round_ore(a) for a in cut_amounts)
    proposed = sum(proposed_lines, ZERO)
    findings = flags + cuts
    if outcome_of(findings) != Outcome.REJECTED:
        # FOUR_EYES looks at what the rules would pay; a rejected claim pays nothing.
        findings += amounts.four_eyes(claim, ctx, policy, proposed)
    outcome = outcome_of(findings)
    pays = outcome in _PAYING
    lines = tuple(
        DecidedLine(
            kind=line.kind,
            label=line.label,
            claimed=line.amount,
            approved=amount if pays else ZERO,
            proposed=amount,
        )
        for line, amount in zip(claim.lines, proposed_lines, strict=True)
    )
    placement = placement_of(claim, ctx)
    return Decision(
        outcome=outcome,
        claimed=sum((line.amount for line in claim.lines), ZERO),
        approved=proposed if pays else ZERO,
        proposed=proposed,
        lines=lines,
        findings=_in_rules_order(findings),
        placement_id=placement.placement_id if placement is not None else None,
        rules_version=policy.rules_version,
    )


_ORDER = [
    "CPR_MISSING",
    "CPR_INVALID",
    "CPR_MOD11",
    "CVR_MISSING",
    "CVR_INVALID",
    "PLACEMENT_NOT_FOUND",
    "EMPLOYER_MISMATCH",
    "NAME_MISMATCH",
    "SENDER_NOT_AUTHORIZED",
    "PERIOD_MISSING",
    "PERIOD_TOO_LONG",
    "PERIOD_OUTSIDE_PLACEMENT",
    "PERIOD_PARTLY_OUTSIDE",
    "DUPLICATE",
    "CORRECTION",
    "FINAL_OTHER_LINES",
    "HOURS_MISSING",
    "HOURS_OVER_CAP",
    "SICK_INFO_MISSING",
    "SICK_OVER_30_DAYS",
    "PAYSLIP_MISSING",
    "ITEMS_MISSING",
    "TOTAL_MISMATCH",
    "AM_DOUBLE_COUNTED",
    "AM_RATE",
    "ATP_OVER_BRACKET",
    "HOLIDAY_RATE",
    "PENSION_RATE",
    "HOURLY_RATE_IMPLAUSIBLE",
    "BODY_PAYSLIP_MISMATCH",
    "LATE_CLAIM",
    "OTHER_COSTS",
    "LOW_CONFIDENCE",
    "FOUR_EYES",
]


def _in_rules_order(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The findings in the order of RULES.md §4's tables (stable for codes it does not list)."""
    rank = {code: i for i, code in enumerate(_ORDER)}
    return tuple(sorted(findings, key=lambda f: rank.get(f.code, len(_ORDER))))


def not_a_claim_decision(policy: Policy) -> Decision:
    """A message that holds no claim at all (RULES.md §3): filed as not_a_claim, routed to people."""
    finding = Finding(
        "NOT_A_CLAIM",
        Severity.NOTE,
        "Mailen indeholder ikke et krav om refusion; den er sendt videre til Økonomigruppen.",
    )
    return Decision(
        outcome=Outcome.NOT_A_CLAIM,
        claimed=ZERO,
        approved=None,
        proposed=None,
        lines=(),
        findings=(finding,),
        placement_id=None,
        rules_version=policy.rules_version,
    )


def total_cut(decision: Decision) -> Decimal:
    """The sum of the findings' cuts (positive), for reports and tests."""
    return -sum((f.amount for f in decision.findings if f.amount is not None), ZERO)


__all__ = ["DecidedLine", "Decision", "decide", "not_a_claim_decision", "outcome_of", "total_cut"]
