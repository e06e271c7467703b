"""RULES.md §4 "Which rules run" and "Combining": the cuts in order on exact amounts, lines
rounded once, the most severe finding deciding the outcome; and properties of `decide`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.decide import decide, not_a_claim_decision, total_cut
from claims.model import Claim, CostLine, Kind, Outcome, Placement
from claims.policy import Policy
from claims.rules.base import round_ore

from .builders import CPR, claim, context, d, day, lines, placement, version

POLICY = Policy()


def test_a_claim_that_holds_up_is_approved_as_claimed() -> None:
    decision = decide(claim(), context(), POLICY)
    assert decision.outcome == Outcome.APPROVED
    assert decision.findings == ()
    assert decision.claimed == decision.approved == decision.proposed == d("7587.80")
    assert decision.placement_id == "P-0001"
    assert decision.rules_version == "2026.1"


def test_cuts_run_hours_then_sickness_then_amounts_each_on_what_the_previous_left() -> None:
    c = claim(
        hours_worked=d("40"),
        hours_sick=d("8"),
        sick_first_day=day("2026-09-14"),
        sick_last_day=day("2026-10-16"),
        lines=lines(salary="6000.00", sick_pay="2400.00", atp="132.00"),
        total=None,
        payslip=None,
    )
    decision = decide(c, context(), POLICY)

    factor = Fraction(310, 7) / 48  # October's cap at 10 h/week over 48 paid hours
    assert decision.codes == ("HOURS_OVER_CAP", "SICK_OVER_30_DAYS", "ATP_OVER_BRACKET")
    assert [line.approved for line in decision.lines] == [
        round_ore(6000 * factor),
        round_ore(2400 * factor * Fraction(13, 16)),
        d("66.00"),
    ]
    hours, sick, atp = (f.amount for f in decision.findings)
    assert hours == -round_ore(8400 * (1 - factor))
    assert sick == -round_ore(2400 * factor * Fraction(3, 16))
    assert atp == d("-66.00")
    assert decision.outcome == Outcome.PARTIALLY_APPROVED


def test_the_most_severe_finding_decides_and_notes_change_nothing() -> None:
    praktik = placement(version(start="2026-09-14", end="2027-09-13", praktik_until="2026-10-02"))
    noted = decide(claim(hours_worked=d("41")), context(praktik), POLICY)
    assert noted.codes == ("PERIOD_PARTLY_OUTSIDE",) and noted.outcome == Outcome.APPROVED

    many = decide(
        claim(cvr=None, total=d("1.00"), hours_worked=d("60")), context(praktik, payslip=False), POLICY
    )
    assert {"CVR_MISSING", "TOTAL_MISMATCH", "HOURS_OVER_CAP"} <= set(many.codes)
    assert many.outcome == Outcome.NEEDS_INFORMATION
    assert many.approved == d("0.00") and many.proposed is not None and many.proposed < many.claimed


def test_a_rejected_claim_runs_no_cutting_rule_but_still_the_flags() -> None:
    c = claim(
        cpr="1705900805", hours_worked=d("43"), lines=lines(salary="7170.25", atp="132.00"), total=d("1.00")
    )
    decision = decide(c, context(), POLICY)
    assert decision.codes == ("PLACEMENT_NOT_FOUND", "TOTAL_MISMATCH", "BODY_PAYSLIP_MISMATCH")
    assert decision.outcome == Outcome.REJECTED
    assert decision.approved == d("0.00") and decision.proposed == decision.claimed
    assert decision.placement_id is None


def test_the_reply_texts_never_hold_a_full_cpr() -> None:
    for c in (claim(), claim(cpr="1705900805"), claim(cpr="0101851264"), claim(cpr="3104752499")):
        for finding in decide(c, context(sender="someone@else.dk"), POLICY).findings:
            assert c.cpr is not None and c.cpr not in finding.text


def test_a_message_without_a_claim_is_not_a_claim() -> None:
    decision = not_a_claim_decision(POLICY)
    assert decision.outcome == Outcome.NOT_A_CLAIM
    assert decision.approved is None
    assert decision.codes == ("NOT_A_CLAIM",)


# --- properties -----------------------------------------------------------------------------

_amount = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False, allow_infinity=False)
_hours = st.none() | st.decimals(min_value=0, max_value=120, places=2, allow_nan=False, allow_infinity=False)
_day = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 6, 30))


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    start = draw(_day)
    end = start + dt.timedelta(days=draw(st.integers(-2, 62)))
    spell = draw(st.none() | _day)
    return Claim(
        employee_name=draw(st.sampled_from(["Mette Kjær Hansen", "Mette Thorsen", None])),
        cpr=draw(st.sampled_from([CPR, "0101851264", "1705900805", "3104752499", None])),
        cvr=draw(st.sampled_from(["29189919", "33704569", None])),
        period_start=start,
        period_end=end,
        hours_worked=draw(_hours),
        hours_sick=draw(_hours),
        sick_first_day=spell,
        sick_last_day=None if spell is None else spell + dt.timedelta(days=draw(st.integers(0, 70))),
        final=draw(st.booleans()),
        correction=draw(st.booleans()),
        lines=tuple(
            CostLine(kind, amount)
            for kind, amount in draw(st.lists(st.tuples(st.sampled_from(list(Kind)), _amount), max_size=8))
        ),
        total=draw(st.none() | _amount),
    )


@st.composite
def payable_claims(draw: st.DrawFn) -> Claim:
    """Claims for P-0001 (10 h/week, March 2026 - February 2027) that mostly hold up, so the
    cutting rules and the approving outcomes are exercised."""
    month = draw(st.integers(3, 13))
    start = dt.date(2026 + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    worked = Decimal(draw(st.integers(100, 6000))) / 100
    sick = Decimal(draw(st.integers(0, 2000))) / 100
    rate = Decimal(draw(st.integers(10000, 40000))) / 100
    salary = (worked * rate).quantize(Decimal("0.01"))
    sick_pay = (sick * rate).quantize(Decimal("0.01"))
    pay = salary + sick_pay
    share = st.integers(0, 100)
    amounts = [
        (Kind.SALARY, salary),
        (Kind.SICK_PAY, sick_pay),
        (Kind.HOLIDAY_PAY, (pay * Decimal("0.125") * draw(share) / 100).quantize(Decimal("0.01"))),
        (Kind.SPECIAL_HOLIDAY_ALLOWANCE, (pay * Decimal("0.0195")).quantize(Decimal("0.01"))),
        (Kind.PENSION, (salary * Decimal("0.2") * draw(share) / 100).quantize(Decimal("0.01"))),
        (Kind.ATP, Decimal(draw(st.sampled_from(["0.00", "66.00", "132.00", "198.00"])))),
        (Kind.AM_BIDRAG, Decimal(draw(st.sampled_from(["0.00", "356.00"])))),
        (Kind.FREE_CHOICE, Decimal(draw(st.integers(0, 50000))) / 100),
    ]
    first_sick = start + dt.timedelta(days=draw(st.integers(-40, 20)))
    return Claim(
        employee_name="Mette Kjær Hansen",
        cpr=CPR,
        cvr="29189919",
        period_start=start,
        period_end=end,
        hours_worked=worked,
        hours_sick=sick or None,
        sick_first_day=first_sick if sick else None,
        sick_last_day=min(end, first_sick + dt.timedelta(days=draw(st.integers(0, 60)))) if sick else None,
        lines=tuple(CostLine(kind, amount) for kind, amount in amounts if amount or kind == Kind.SALARY),
    )


@st.composite
def addenda(draw: st.DrawFn) -> tuple[Placement, ...]:
    """P-0001 at 1-10 h/week, perhaps with an addendum to other hours from some day."""
    versions = [version(str(draw(st.integers(1, 10))))]
    if draw(st.booleans()):
        effective = dt.date(2026, 3, 1) + dt.timedelta(days=draw(st.integers(1, 330)))
        versions.append(version(str(draw(st.integers(1, 10))), effective_from=effective.isoformat()))
    return (placement(*versions),)


@st.composite
def placements(draw: st.DrawFn) -> tuple[Placement, ...]:
    start = draw(st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2026, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(30, 364)))
    praktik = draw(st.none() | st.integers(13, 27))
    first = version(
        str(draw(st.integers(1, 10))),
        start=start.isoformat(),
        end=end.isoformat(),
        praktik_until=None if praktik is None else (start + dt.timedelta(days=praktik)).isoformat(),
    )
    versions = [first]
    if draw(st.booleans()):
        addendum = start + dt.timedelta(days=draw(st.integers(1, 200)))
        versions.append(
            version(
                str(draw(st.integers(1, 10))),
                start=start.isoformat(),
                end=end.isoformat(),
                effective_from=addendum.isoformat(),
                praktik_until=first.praktik_until.isoformat() if first.praktik_until else None,
            )
        )
    return (placement(*versions),)


@settings(max_examples=500, deadline=None)
@given(
    case=st.one_of(st.tuples(claims(), placements()), st.tuples(payable_claims(), addenda())),
    attached=st.booleans(),
)
def test_approved_never_exceeds_claimed_and_the_cuts_explain_the_difference(
    case: tuple[Claim, tuple[Placement, ...]], attached: bool
) -> None:
    c, ps = case
    sent = dt.datetime.combine(c.period_end or dt.date(2026, 11, 1), dt.time(9), tzinfo=dt.UTC)
    decision = decide(c, context(*ps, payslip=attached or c.final, sent=sent), POLICY)
    assert decision.approved is not None and decision.proposed is not None
    assert decision.approved <= decision.claimed
    assert decision.proposed <= decision.claimed
    for line in decision.lines:
        assert Decimal(0) <= line.proposed <= line.claimed
    if decision.outcome in (Outcome.APPROVED, Outcome.PARTIALLY_APPROVED):
        slack = Decimal("0.01") * len(c.lines)
        assert abs(decision.claimed - decision.approved - total_cut(decision)) <= slack
    else:
        assert decision.approved == Decimal("0.00")


@settings(max_examples=100, deadline=None)
@given(c=claims(), ps=placements())
def test_deciding_is_deterministic(c: Claim, ps: tuple[Placement, ...]) -> None:
    ctx = context(*ps)
    assert decide(c, ctx, POLICY) == decide(c, ctx, POLICY)


def test_a_decision_is_a_frozen_value() -> None:
    decision = decide(claim(), context(), POLICY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.outcome = Outcome.REJECTED  # type: ignore[misc]
