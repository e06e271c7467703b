"""RULES.md §4 Period: usable, at most a month, inside the employment, and new."""

from __future__ import annotations

from claims.context import EarlierClaim
from claims.decide import decide
from claims.model import Outcome, Period
from claims.policy import Policy
from claims.rules.period import (
    correction,
    duplicate,
    period_missing,
    period_outside_placement,
    period_partly_outside,
    period_too_long,
)

from ..builders import claim, codes, context, d, day, placement, version

POLICY = Policy()
OCTOBER = Period(day("2026-10-01"), day("2026-10-31"))


def test_no_period_or_one_ending_before_it_starts_asks_for_the_period() -> None:
    assert codes(period_missing(claim(period_start=None), context(), POLICY)) == ["PERIOD_MISSING"]
    backwards = claim(period_start=day("2026-10-31"), period_end=day("2026-10-01"))
    assert codes(period_missing(backwards, context(), POLICY)) == ["PERIOD_MISSING"]


def test_a_calendar_month_is_not_too_long() -> None:
    assert period_too_long(claim(), context(), POLICY) == ()


def test_17_august_to_30_september_is_too_long() -> None:
    c = claim(period_start=day("2026-08-17"), period_end=day("2026-09-30"))
    assert codes(period_too_long(c, context(), POLICY)) == ["PERIOD_TOO_LONG"]


def test_17_august_to_16_september_is_one_month() -> None:
    c = claim(period_start=day("2026-08-17"), period_end=day("2026-09-16"))
    assert period_too_long(c, context(), POLICY) == ()


def test_february_is_one_month_and_a_day_more_is_too_long() -> None:
    feb = claim(period_start=day("2027-02-01"), period_end=day("2027-02-28"))
    assert period_too_long(feb, context(), POLICY) == ()
    longer = claim(period_start=day("2027-02-01"), period_end=day("2027-03-01"))
    assert codes(period_too_long(longer, context(), POLICY)) == ["PERIOD_TOO_LONG"]


def test_a_claim_during_praktik_lies_wholly_outside_the_paid_employment() -> None:
    praktik = placement(version(start="2026-09-14", end="2027-09-13", praktik_until="2026-10-02"))
    september = claim(period_start=day("2026-09-01"), period_end=day("2026-09-30"))
    assert codes(period_outside_placement(september, context(praktik), POLICY)) == [
        "PERIOD_OUTSIDE_PLACEMENT"
    ]


def test_the_first_month_after_praktik_is_partly_outside_as_a_note() -> None:
    praktik = placement(version(start="2026-09-14", end="2027-09-13", praktik_until="2026-10-02"))
    found = period_partly_outside(claim(), context(praktik), POLICY)
    assert codes(found) == ["PERIOD_PARTLY_OUTSIDE"]
    assert found[0].severity == "note"
    assert decide(claim(hours_worked=d("41")), context(praktik), POLICY).outcome == "approved"


def test_an_earlier_approved_claim_for_an_overlapping_period_makes_a_duplicate() -> None:
    earlier = (EarlierClaim("P-0001", OCTOBER, Outcome.APPROVED),)
    assert codes(duplicate(claim(), context(earlier=earlier), POLICY)) == ["DUPLICATE"]
    decision = decide(claim(), context(earlier=earlier), POLICY)
    assert decision.outcome == "rejected" and decision.approved == 0


def test_an_earlier_claim_waiting_for_information_is_no_duplicate() -> None:
    earlier = (EarlierClaim("P-0001", OCTOBER, Outcome.NEEDS_INFORMATION),)
    assert duplicate(claim(), context(earlier=earlier), POLICY) == ()


def test_an_earlier_claim_for_another_placement_or_month_is_no_duplicate() -> None:
    earlier = (
        EarlierClaim("P-0002", OCTOBER, Outcome.APPROVED),
        EarlierClaim("P-0001", Period(day("2026-09-01"), day("2026-09-30")), Outcome.APPROVED),
    )
    assert duplicate(claim(), context(earlier=earlier), POLICY) == ()


def test_a_correction_is_never_a_duplicate_and_goes_to_review() -> None:
    earlier = (EarlierClaim("P-0001", OCTOBER, Outcome.APPROVED),)
    c = claim(correction=True)
    assert duplicate(c, context(earlier=earlier), POLICY) == ()
    assert codes(correction(c, context(), POLICY)) == ["CORRECTION"]
    assert decide(c, context(earlier=earlier), POLICY).codes == ("CORRECTION",)
