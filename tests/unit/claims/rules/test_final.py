"""RULES.md §4 Resignation: a final settlement after the end date refunds holiday pay and særlig
feriegodtgørelse as claimed and cuts the rest."""

from __future__ import annotations

import datetime as dt

from claims.decide import decide
from claims.model import Claim
from claims.policy import Policy

from ..builders import claim, context, d, day, lines, placement, version

POLICY = Policy()
ENDED = placement(version(start="2026-03-16", end="2026-09-30"))


def final_claim(**amounts: str) -> Claim:
    return claim(final=True, hours_worked=None, lines=lines(**amounts), total=None, payslip=None)


def sent(text: str) -> dt.datetime:
    return dt.datetime.combine(day(text), dt.time(9), tzinfo=dt.UTC)


def test_a_final_claim_after_the_end_date_refunds_holiday_lines_and_cuts_atp() -> None:
    c = final_claim(holiday_pay="1949.51", special_holiday_allowance="1520.62", atp="66.00")
    decision = decide(c, context(ENDED), POLICY)
    assert decision.outcome == "partially_approved"
    assert decision.codes == ("FINAL_OTHER_LINES",)
    assert decision.approved == d("3470.13")
    assert decision.findings[0].amount == d("-66.00")


def test_a_final_settlement_with_nothing_but_other_lines_is_rejected() -> None:
    c = final_claim(salary="3000.00", atp="66.00")
    decision = decide(c, context(ENDED), POLICY)
    assert decision.outcome == "rejected"
    assert decision.codes == ("FINAL_OTHER_LINES",)
    assert decision.proposed == d("0.00")


def test_a_final_claim_more_than_3_months_after_the_end_is_outside_the_placement() -> None:
    c = claim(
        final=True,
        period_start=day("2027-01-01"),
        period_end=day("2027-01-31"),
        lines=lines(holiday_pay="1949.51"),
        total=None,
        payslip=None,
    )
    decision = decide(c, context(ENDED, sent=sent("2027-02-02")), POLICY)
    # Not a final settlement, so the holiday rate is measured (and finds no pay to measure on).
    assert decision.codes == ("PERIOD_OUTSIDE_PLACEMENT", "HOLIDAY_RATE")
    assert decision.outcome == "rejected"


def test_a_final_claim_whose_period_overlaps_the_employment_is_an_ordinary_claim() -> None:
    mid = placement(version(start="2026-04-01", end="2026-10-16"))
    c = claim(
        final=True,
        hours_worked=d("21.50"),
        lines=lines(salary="3470.53", holiday_pay="433.82", special_holiday_allowance="67.68"),
        total=None,
        payslip=None,
    )
    decision = decide(c, context(mid), POLICY)
    assert decision.outcome == "approved"
    assert decision.codes == ("PERIOD_PARTLY_OUTSIDE",)


def test_a_final_claim_sent_late_is_still_flagged_late() -> None:
    decision = decide(final_claim(holiday_pay="1949.51"), context(ENDED, sent=sent("2027-02-01")), POLICY)
    assert decision.codes == ("LATE_CLAIM",)
