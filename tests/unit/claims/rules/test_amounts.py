"""RULES.md §4 Amounts: itemisation, the payslip, the rates, the deadline and the threshold."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from types import MappingProxyType

from claims.decide import decide
from claims.model import Claim, PayslipFacts
from claims.policy import Policy
from claims.rules.amounts import (
    am_double_counted,
    am_rate,
    atp_over_bracket,
    body_payslip_mismatch,
    holiday_rate,
    hourly_rate_implausible,
    items_missing,
    late_claim,
    low_confidence,
    other_costs,
    payslip_missing,
    pension_rate,
    total_mismatch,
)

from ..builders import claim, codes, context, d, day, lines

POLICY = Policy()


def amounts_of(c: Claim) -> tuple[Fraction, ...]:
    return tuple(Fraction(line.amount) for line in c.lines)


def sent_on(text: str) -> dt.datetime:
    return dt.datetime.combine(day(text), dt.time(10), tzinfo=dt.UTC)


def test_no_readable_payslip_asks_for_it() -> None:
    assert codes(payslip_missing(claim(), context(payslip=False), POLICY)) == ["PAYSLIP_MISSING"]
    assert payslip_missing(claim(), context(payslip=True), POLICY) == ()


def test_only_a_total_is_no_itemisation() -> None:
    assert codes(items_missing(claim(lines=()), context(), POLICY)) == ["ITEMS_MISSING"]
    assert total_mismatch(claim(lines=()), context(), POLICY) == ()


def test_a_total_off_by_more_than_one_krone_goes_to_review() -> None:
    assert total_mismatch(claim(total=d("7588.80")), context(), POLICY) == ()
    assert codes(total_mismatch(claim(total=d("7588.81")), context(), POLICY)) == ["TOTAL_MISMATCH"]


def test_am_bidrag_on_top_of_a_salary_equal_to_gross_pay_is_cut() -> None:
    c = claim(
        lines=lines(salary="4455.10", am_bidrag="356.00"),
        payslip=PayslipFacts(gross=d("4455.10"), am_basis=d("4455.10")),
    )
    after, found = am_double_counted(c, context(), POLICY, amounts_of(c))
    assert codes(found) == ["AM_DOUBLE_COUNTED"] and found[0].amount == d("-356.00")
    assert after == (Fraction(d("4455.10")), Fraction(0))


def test_a_salary_net_of_am_bidrag_plus_an_am_bidrag_line_is_fine() -> None:
    c = claim(lines=lines(salary="6753.00", am_bidrag="584.00"), payslip=PayslipFacts(gross=d("7337.00")))
    assert am_double_counted(c, context(), POLICY, amounts_of(c))[1] == ()


def test_am_bidrag_must_be_8_percent_of_the_am_basis_within_one_krone() -> None:
    slip = PayslipFacts(gross=d("6648.54"), am_basis=d("6615.54"))
    off = claim(lines=lines(salary="6116.66", am_bidrag="531.88"), payslip=slip)
    whole_krone = claim(lines=lines(salary="6116.66", am_bidrag="529.00"), payslip=slip)
    assert codes(am_rate(off, context(), POLICY)) == ["AM_RATE"]
    assert am_rate(whole_krone, context(), POLICY) == ()


def test_atp_above_the_bracket_of_the_paid_hours_is_cut_to_the_bracket() -> None:
    c = claim(hours_worked=d("43"), lines=lines(salary="7170.25", atp="132.00"))
    after, found = atp_over_bracket(c, context(), POLICY, amounts_of(c))
    assert after[1] == Fraction(66)
    assert codes(found) == ["ATP_OVER_BRACKET"] and found[0].amount == d("-66.00")


def test_under_39_paid_hours_there_is_no_atp() -> None:
    c = claim(hours_worked=d("35"), lines=lines(salary="5000.00", atp="66.00"))
    assert atp_over_bracket(c, context(), POLICY, amounts_of(c))[0][1] == 0


def test_the_atp_bracket_uses_paid_hours_as_claimed_before_the_cap() -> None:
    # 80 paid hours at 10 h/week: the cap cuts the hours, but the bracket is 78-117 (132 kr).
    c = claim(hours_worked=d("80"), lines=lines(salary="12000.00", atp="132.00"))
    assert atp_over_bracket(c, context(), POLICY, amounts_of(c))[1] == ()


def test_without_paid_hours_there_is_no_bracket_to_hold_atp_to() -> None:
    c = claim(hours_worked=None, payslip=None, lines=lines(salary="5000.00", atp="132.00"))
    assert atp_over_bracket(c, context(), POLICY, amounts_of(c))[1] == ()


def test_holiday_pay_up_to_15_percent_and_special_allowance_up_to_2_45_percent_plus_a_krone() -> None:
    fine = claim(lines=lines(salary="6963.00", holiday_pay="1045.45", special_holiday_allowance="171.59"))
    assert holiday_rate(fine, context(), POLICY) == ()
    special = claim(lines=lines(salary="6963.00", holiday_pay="870.38", special_holiday_allowance="174.08"))
    assert codes(holiday_rate(special, context(), POLICY)) == ["HOLIDAY_RATE"]
    holiday = claim(lines=lines(salary="6963.00", holiday_pay="1045.46"))
    assert codes(holiday_rate(holiday, context(), POLICY)) == ["HOLIDAY_RATE"]


def test_pension_above_20_percent_of_salary_has_no_tolerance() -> None:
    assert pension_rate(claim(lines=lines(salary="3000.00", pension="600.00")), context(), POLICY) == ()
    over = claim(lines=lines(salary="3000.00", pension="600.01"))
    assert codes(pension_rate(over, context(), POLICY)) == ["PENSION_RATE"]


def test_an_hourly_rate_outside_100_to_400_goes_to_review() -> None:
    low = claim(hours_worked=d("34"), lines=lines(salary="3043.00"))
    assert codes(hourly_rate_implausible(low, context(), POLICY)) == ["HOURLY_RATE_IMPLAUSIBLE"]
    high = claim(hours_worked=d("10"), lines=lines(salary="4000.01"))
    assert codes(hourly_rate_implausible(high, context(), POLICY)) == ["HOURLY_RATE_IMPLAUSIBLE"]
    assert hourly_rate_implausible(claim(), context(), POLICY) == ()


def test_the_hourly_range_is_configuration() -> None:
    low = claim(hours_worked=d("34"), lines=lines(salary="3043.00"))
    assert hourly_rate_implausible(low, context(), Policy.configured(hourly_rate_range="80-400")) == ()


def test_pay_above_the_payslips_gross_or_other_hours_disagree_with_the_payslip() -> None:
    more = claim(lines=lines(salary="11526.30"), payslip=PayslipFacts(gross=d("11099.40")))
    assert codes(body_payslip_mismatch(more, context(), POLICY)) == ["BODY_PAYSLIP_MISMATCH"]
    hours = claim(hours_worked=d("40.5"), payslip=PayslipFacts(gross=d("6572.12"), hours_worked=d("39")))
    assert codes(body_payslip_mismatch(hours, context(), POLICY)) == ["BODY_PAYSLIP_MISMATCH"]
    other_cpr = claim(payslip=PayslipFacts(gross=d("6572.12"), cpr="2508830575"))
    found = body_payslip_mismatch(other_cpr, context(), POLICY)
    assert codes(found) == ["BODY_PAYSLIP_MISMATCH"] and "2508830575" not in found[0].text
    other_month = claim(payslip=PayslipFacts(gross=d("6572.12"), period_start=day("2026-09-01")))
    assert codes(body_payslip_mismatch(other_month, context(), POLICY)) == ["BODY_PAYSLIP_MISMATCH"]
    assert body_payslip_mismatch(claim(), context(), POLICY) == ()


def test_a_claim_received_3_months_after_the_period_is_in_time_and_a_day_later_is_late() -> None:
    september = claim(period_start=day("2026-09-01"), period_end=day("2026-09-30"))
    assert late_claim(september, context(sent=sent_on("2026-12-30")), POLICY) == ()
    assert codes(late_claim(september, context(sent=sent_on("2026-12-31")), POLICY)) == ["LATE_CLAIM"]


def test_a_period_ending_30_april_is_late_on_31_july() -> None:
    april = claim(period_start=day("2026-04-01"), period_end=day("2026-04-30"))
    assert late_claim(april, context(sent=sent_on("2026-07-30")), POLICY) == ()
    assert codes(late_claim(april, context(sent=sent_on("2026-07-31")), POLICY)) == ["LATE_CLAIM"]


def test_a_period_ending_31_august_has_until_30_november() -> None:
    august = claim(period_start=day("2026-08-01"), period_end=day("2026-08-31"))
    assert late_claim(august, context(sent=sent_on("2026-11-30")), POLICY) == ()
    assert codes(late_claim(august, context(sent=sent_on("2026-12-01")), POLICY)) == ["LATE_CLAIM"]


def test_an_answer_in_the_thread_counts_from_the_date_the_claim_was_first_made() -> None:
    june = claim(period_start=day("2026-06-01"), period_end=day("2026-06-30"))
    ctx = context(sent=sent_on("2026-10-05"), first_claimed_at=sent_on("2026-09-25"))
    assert late_claim(june, ctx, POLICY) == ()


def test_other_costs_are_always_reviewed() -> None:
    assert codes(other_costs(claim(lines=lines(salary="100.00", other="41.36")), context(), POLICY)) == [
        "OTHER_COSTS"
    ]


def test_a_value_read_only_by_ocr_that_decides_the_amount_goes_to_review() -> None:
    ocr = claim(sources=MappingProxyType({"employee.cpr": "ocr:Scan.pdf#p1@1,2,3,4", "total": "body"}))
    assert codes(low_confidence(ocr, context(), POLICY)) == ["LOW_CONFIDENCE"]
    line = claim(sources=MappingProxyType({"lines.salary": "ocr:Scan.pdf#p1"}))
    assert codes(low_confidence(line, context(), POLICY)) == ["LOW_CONFIDENCE"]
    not_deciding = claim(sources=MappingProxyType({"employee.name": "ocr:Scan.pdf#p1"}))
    assert low_confidence(not_deciding, context(), POLICY) == ()
    in_text = claim(sources=MappingProxyType({"employee.cpr": "body", "lines.salary": "attachment:l.pdf#p1"}))
    assert low_confidence(in_text, context(), POLICY) == ()


def test_four_eyes_looks_at_what_the_rules_would_pay() -> None:
    big_lines = lines(salary="12095.50", pension="1613.54", holiday_pay="1511.94")
    big = claim(hours_worked=d("43"), lines=big_lines, total=None, payslip=None)
    decision = decide(big, context(), POLICY)
    assert decision.codes == ("FOUR_EYES",) and decision.proposed == d("15220.98")
    # Over the threshold as claimed, under it after the hour cap: no four eyes.
    capped_lines = lines(salary="13000.00", holiday_pay="1625.00", atp="66.00")
    capped = claim(hours_worked=d("60"), lines=capped_lines, total=None, payslip=None)
    decision = decide(capped, context(), POLICY)
    assert decision.codes == ("HOURS_OVER_CAP",) and decision.approved < POLICY.four_eyes_above
