"""RULES.md §4 Hours: the hour cap counts the days inside the employment at the weekly hours in
force each day; hour-proportional lines are scaled, fixed lines kept."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from claims.decide import decide
from claims.model import Period
from claims.policy import Policy
from claims.rules.hours import hour_cap, hours_missing, hours_over_cap

from ..builders import claim, codes, context, d, day, lines, placement, version

POLICY = Policy()


def october() -> Period:
    return Period(day("2026-10-01"), day("2026-10-31"))


def test_rules_worked_example_addendum_from_11_october_approves_5412_45_of_6933_00() -> None:
    addendum = placement(version("5"), version("8", effective_from="2026-10-11"))
    c = claim(
        hours_worked=d("40"),
        lines=lines(salary="6000.00", holiday_pay="750.00", special_holiday_allowance="117.00", atp="66.00"),
        total=None,
        payslip=None,
    )

    decision = decide(c, context(addendum), POLICY)

    assert hour_cap(addendum, october()) == Fraction(218, 7)
    assert decision.outcome == "partially_approved"
    assert decision.codes == ("HOURS_OVER_CAP",)
    assert decision.claimed == d("6933.00")
    assert [line.approved for line in decision.lines] == [d("4671.43"), d("583.93"), d("91.09"), d("66.00")]
    assert decision.approved == d("5412.45")
    assert "31,14 timer" in decision.findings[0].text


def test_a_month_with_an_addendum_on_the_17th_counts_16_days_at_the_old_hours() -> None:
    addendum = placement(version("6"), version("9", effective_from="2026-10-17"))
    assert hour_cap(addendum, october()) == Fraction(16 * 6 + 15 * 9, 7)


def test_an_employment_starting_mid_month_counts_only_the_days_from_its_start() -> None:
    mid = placement(version("10", start="2026-10-15", end="2027-10-14"))
    assert hour_cap(mid, october()) == Fraction(17 * 10, 7)


def test_days_in_praktik_do_not_count_towards_the_cap() -> None:
    praktik = placement(version("10", start="2026-09-14", end="2027-09-13", praktik_until="2026-10-02"))
    assert hour_cap(praktik, october()) == Fraction(29 * 10, 7)


def test_february_has_a_cap_of_28_days() -> None:
    feb = Period(day("2027-02-01"), day("2027-02-28"))
    assert hour_cap(placement(version("7")), feb) == Decimal(28)


def test_hours_within_the_cap_are_not_cut() -> None:
    amounts = tuple(Fraction(line.amount) for line in claim().lines)
    after, findings = hours_over_cap(claim(hours_worked=d("44.28")), context(), POLICY, amounts)
    assert after == amounts and findings == ()


def test_hours_over_cap_keeps_fixed_lines_and_counts_sick_hours_as_paid() -> None:
    c = claim(
        hours_worked=d("40"),
        hours_sick=d("8"),
        sick_first_day=day("2026-10-05"),
        sick_last_day=day("2026-10-06"),
    )
    amounts = tuple(Fraction(line.amount) for line in c.lines)
    after, findings = hours_over_cap(c, context(), POLICY, amounts)
    factor = Fraction(310, 7) / 48
    assert codes(findings) == ["HOURS_OVER_CAP"]
    assert after[0] == Fraction(d("6572.12")) * factor
    assert after[1] == Fraction(66)  # atp is fixed


def test_salary_without_hours_anywhere_asks_for_the_hours() -> None:
    assert codes(hours_missing(claim(hours_worked=None), context(), POLICY)) == ["HOURS_MISSING"]


def test_hours_on_the_payslip_count_as_stated() -> None:
    from claims.model import PayslipFacts

    c = claim(hours_worked=None, payslip=PayslipFacts(gross=d("6572.12"), hours_worked=d("43")))
    assert hours_missing(c, context(), POLICY) == ()


def test_a_period_wholly_outside_gets_no_hour_cap_finding_on_top() -> None:
    ended = placement(version("10", start="2026-03-01", end="2026-09-30"))
    decision = decide(claim(hours_worked=d("60")), context(ended), POLICY)
    assert decision.codes == ("PERIOD_OUTSIDE_PLACEMENT",)
