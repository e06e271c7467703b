"""The shared corpus's decisions, from its parse ground truth, through `decide` alone.

Each case's expected `parse.claims` becomes a `Claim`; the placements come from the corpus's
CSV; the context carries what the processor would gather: today from `corpus.json`, the
message's sender and Date, whether a readable PDF/image came with it, and the history the
corpus builds up in `order` (earlier decisions for `DUPLICATE`; for an answer in the thread of
a claim waiting for information, the original's Date as the day the claim was first made).
The history uses the corpus's expected outcomes, so one case's miss does not spill into another.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from claims.context import DecisionContext, EarlierClaim
from claims.decide import Decision, decide, not_a_claim_decision
from claims.model import Outcome
from claims.policy import Policy
from claims.rules.base import placement_of

from . import corpus

pytestmark = pytest.mark.skipif(
    not (corpus.CORPUS / "cases").is_dir(),
    reason=f"the shared corpus is not beside the project ({corpus.CORPUS} is absent)",
)


def _decide_corpus() -> dict[str, tuple[tuple[Decision, dict[str, Any]], ...]]:
    """Every case's decisions, deciding the cases in the corpus's delivery order."""
    policy = Policy()
    placements = corpus.read_placements(corpus.CORPUS / "placements.csv")
    today = corpus.today()
    earlier: list[EarlierClaim] = []
    waiting: dict[str, dt.datetime] = {}  # Message-ID of a claim waiting for information -> its Date
    results: dict[str, tuple[tuple[Decision, dict[str, Any]], ...]] = {}
    for case in corpus.read_cases():
        if not case.claims:
            results[case.name] = tuple((not_a_claim_decision(policy), want) for want in case.expected)
            continue
        first = next((waiting[ref] for ref in case.references if ref in waiting), None)
        decided = []
        for claim, want in zip(case.claims, case.expected, strict=True):
            ctx = DecisionContext(
                today=today,
                message=case.message,
                first_claimed_at=first,
                payslip_attached=case.payslip_attached,
                placements=placements,
                earlier=tuple(earlier),
            )
            decision = decide(claim, ctx, policy)
            decided.append((decision, want))
            outcome = Outcome(want["outcome"])
            placement, period = placement_of(claim, ctx), claim.period
            if placement is not None and period is not None:
                earlier.append(EarlierClaim(placement.placement_id, period, outcome, case.message.message_id))
            if outcome == Outcome.NEEDS_INFORMATION and case.message.message_id and case.message.date:
                waiting[case.message.message_id] = first or case.message.date
        results[case.name] = tuple(decided)
    return results


_RESULTS: dict[str, tuple[tuple[Decision, dict[str, Any]], ...]] = (
    _decide_corpus() if (corpus.CORPUS / "cases").is_dir() else {}
)


@pytest.mark.parametrize("case", sorted(_RESULTS) or ["(no corpus)"])
def test_corpus_case_is_decided_as_expected(case: str) -> None:
    for decision, want in _RESULTS[case]:
        got = {
            "outcome": decision.outcome.value,
            "approved": None if decision.approved is None else f"{decision.approved:.2f}",
            "codes": sorted(decision.codes),
        }
        expected = {
            "outcome": want["outcome"],
            "approved": None if want["approved"] is None else f"{Decimal(want['approved']):.2f}",
            "codes": sorted(want["codes"]),
        }
        assert got == expected, [f.text for f in decision.findings]
