"""RULES.md §4 Sickness: the scheme refunds days 1-30 of a spell, counted in calendar days from
its first day; sick pay for the days after day 30 is cut pro rata."""

from __future__ import annotations

from fractions import Fraction

from claims.decide import decide
from claims.model import Claim
from claims.policy import Policy
from claims.rules.sickness import sick_days, sick_info_missing, sick_over_30_days

from ..builders import claim, codes, context, d, day, lines

POLICY = Policy()


def sick_claim(first: str | None, last: str | None, sick_pay: str = "2400.00") -> Claim:
    return claim(
        hours_worked=d("20"),
        hours_sick=d("16"),
        sick_first_day=day(first) if first else None,
        sick_last_day=day(last) if last else None,
        lines=lines(salary="3000.00", sick_pay=sick_pay),
        total=None,
        payslip=None,
    )


def test_rules_worked_example_sick_pay_after_day_30_is_cut_pro_rata_1950_kept_450_cut() -> None:
    c = sick_claim("2026-09-14", "2026-10-16")
    amounts = tuple(Fraction(line.amount) for line in c.lines)

    after, findings = sick_over_30_days(c, context(), POLICY, amounts)

    assert sick_days(c) == (16, 3)
    assert after[1] == Fraction(1950)
    assert codes(findings) == ["SICK_OVER_30_DAYS"]
    assert findings[0].amount == d("-450.00")
    assert "sygedagpengerefusion" in findings[0].text and "NemRefusion" in findings[0].text


def test_a_spell_that_began_last_month_counts_its_days_from_the_first_sick_day() -> None:
    # Corpus case 36: first day 21 September, day 30 is 20 October; 6 of 26 October days are cut.
    c = sick_claim("2026-09-21", "2026-10-26", sick_pay="5855.25")
    decision = decide(c, context(), POLICY)
    assert sick_days(c) == (26, 6)
    assert decision.codes == ("SICK_OVER_30_DAYS",)
    assert decision.findings[0].amount == d("-1351.21")
    assert decision.approved == d("3000.00") + d("4504.04")


def test_a_spell_within_30_days_is_refunded_in_full() -> None:
    decision = decide(sick_claim("2026-10-01", "2026-10-30"), context(), POLICY)
    assert decision.outcome == "approved"


def test_day_30_itself_is_still_refunded() -> None:
    assert sick_days(sick_claim("2026-10-01", "2026-10-30")) == (30, 0)
    assert sick_days(sick_claim("2026-10-01", "2026-10-31")) == (31, 1)


def test_sick_pay_without_the_first_or_last_sick_day_asks_for_them() -> None:
    assert codes(sick_info_missing(sick_claim(None, "2026-10-16"), context(), POLICY)) == [
        "SICK_INFO_MISSING"
    ]
    assert codes(sick_info_missing(sick_claim("2026-10-01", None), context(), POLICY)) == [
        "SICK_INFO_MISSING"
    ]


def test_no_sick_pay_needs_no_sick_dates() -> None:
    assert sick_info_missing(claim(), context(), POLICY) == ()
