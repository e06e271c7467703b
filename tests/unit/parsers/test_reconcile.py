"""The arithmetic chooses among readings of an itemisation: the lines make up the stated total,
pay makes up the gross pay, AM-bidrag is 8 % of its basis."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from claims.model import Kind
from parsers.reconcile import am_bidrag_of, choose_lines, identities

SALARY, HOLIDAY, AM = Kind.SALARY, Kind.HOLIDAY_PAY, Kind.AM_BIDRAG


def test_lines_that_make_up_the_total_are_kept_as_written() -> None:
    lines = [(SALARY, D("4606.36"), "Løn ekskl. AM"), (AM, D("401.00"), "AM-bidrag"), (HOLIDAY, D("625.92"), "Feriepenge")]
    reading = choose_lines(lines, D("5633.28"), None)
    assert reading.lines == tuple(lines) and reading.holds == ("lines=total",)


def test_a_deduction_written_with_a_minus_is_no_line_when_the_positive_lines_make_up_the_total() -> None:
    lines = [(SALARY, D("5007.36"), "Løn"), (AM, D("-401.00"), "AM-bidrag"), (HOLIDAY, D("625.92"), "Feriepenge")]
    reading = choose_lines(lines, D("5633.28"), None)
    assert [kind for kind, _, _ in reading.lines] == [SALARY, HOLIDAY]
    assert reading.holds == ("lines=total",)


def test_a_negative_am_bidrag_is_no_line_even_without_a_total() -> None:
    lines = [(SALARY, D("5007.36"), "Løn"), (AM, D("-401.00"), "AM-bidrag")]
    assert [kind for kind, _, _ in choose_lines(lines, None, None).lines] == [SALARY]


def test_a_gross_pay_among_the_lines_is_the_salary_when_then_the_lines_make_up_the_total() -> None:
    lines = [(HOLIDAY, D("625.92"), "Feriepenge")]
    reading = choose_lines(lines, D("5633.28"), (D("5007.36"), "Bruttoløn"))
    assert reading.lines[0] == (SALARY, D("5007.36"), "Bruttoløn")
    assert reading.holds == ("lines=total",)


def test_a_gross_pay_that_does_not_make_up_the_total_is_not_claimed() -> None:
    lines = [(HOLIDAY, D("625.92"), "Feriepenge")]
    reading = choose_lines(lines, D("9999.00"), (D("5007.36"), "Bruttoløn"))
    assert reading.lines == tuple(lines) and reading.holds == ()


def test_without_a_total_a_gross_pay_is_the_salary_when_the_payslips_pay_rows_make_it_up() -> None:
    lines = [(HOLIDAY, D("572.74"), "Holiday pay")]
    reading = choose_lines(lines, None, (D("4581.90"), "Bruttoløn"), payslip_pay=D("4581.90"))
    assert reading.lines == ((SALARY, D("4581.90"), "Bruttoløn"), *lines)
    assert reading.holds == ("pay=gross",)


def test_without_a_total_a_gross_pay_the_payslip_does_not_bear_out_is_not_claimed() -> None:
    lines = [(HOLIDAY, D("572.74"), "Holiday pay")]
    assert choose_lines(lines, None, (D("4581.90"), "Bruttoløn"), payslip_pay=D("4200.00")).lines == tuple(lines)
    assert choose_lines(lines, None, (D("4581.90"), "Bruttoløn")).lines == tuple(lines)


def test_a_total_that_nothing_makes_up_leaves_the_lines_as_written_for_the_rules() -> None:
    lines = [(SALARY, D("5007.36"), "Løn"), (HOLIDAY, D("625.92"), "Feriepenge")]
    assert choose_lines(lines, D("7000.00"), None).lines == tuple(lines)


def test_am_bidrag_is_eight_percent_of_its_basis_in_whole_kroner() -> None:
    assert am_bidrag_of(D("5588.00")) == D("447")
    assert identities([(SALARY, D("5588.00"), "Løn")], D("5588.00"), D("5588.00"), D("5588.00"), D("447")) == (
        "lines=total", "pay=gross", "am=8%")  # fmt: skip


@given(st.lists(st.decimals(min_value=D("0.01"), max_value=D("20000"), places=2), min_size=1, max_size=6),
       st.decimals(min_value=D("0.01"), max_value=D("2000"), places=2))  # fmt: skip
def test_whatever_the_amounts_a_shown_deduction_never_becomes_a_claimed_line(amounts: list[D], deduction: D) -> None:
    lines = [(SALARY, a, f"Løn {n}") for n, a in enumerate(amounts)]
    total = sum(amounts, D(0))
    reading = choose_lines([*lines, (AM, -deduction, "AM-bidrag")], total, None)
    assert all(amount >= 0 for _, amount, _ in reading.lines)
    assert sum((a for _, a, _ in reading.lines), D(0)) == total


def test_an_am_bidrag_shown_without_a_minus_is_no_line_when_the_other_lines_make_up_the_total() -> None:
    lines = [(SALARY, D("4875.00"), "Løn"), (HOLIDAY, D("609.38"), "Feriepenge"), (AM, D("390.00"), "Heraf AM-bidrag")]
    reading = choose_lines(lines, D("5484.38"), None)
    assert reading.lines == tuple(lines[:2]) and reading.holds == ("lines=total",)


def test_an_am_bidrag_that_the_total_includes_is_a_claimed_line() -> None:
    lines = [(SALARY, D("4485.00"), "Løn"), (AM, D("390.00"), "AM-bidrag")]
    assert choose_lines(lines, D("4875.00"), None).lines == tuple(lines)
