"""parse_amount: every Danish way of writing an amount reads back exactly, as a Decimal,
rounded half-up to øre (claims/money.py; ../shared/PAYSLIPS.md "Numbers and dates")."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claims.money import format_amount, format_danish, parse_amount, parse_number

amounts = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False)


def grouped(value: Decimal, sep: str = ".") -> str:
    """1234567.89 -> "1.234.567,89" (Danish thousands and decimal comma)."""
    whole, _, cents = f"{value:.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sep.join(groups) + "," + cents


FORMS: dict[str, Callable[[Decimal], str]] = {
    "1.234,56": grouped,
    "1 234,56": lambda v: grouped(v, " "),
    "1\u00a0234,56 (no-break space)": lambda v: grouped(v, "\u00a0"),
    "kr. 1.234,56": lambda v: "kr. " + grouped(v),
    "1.234,56 kr.": lambda v: grouped(v) + " kr.",
    "1 234,56 kr.": lambda v: grouped(v, " ") + " kr.",
    "DKK 1234.56": lambda v: f"DKK {v:.2f}",
    "1234,56": lambda v: f"{v:.2f}".replace(".", ","),
}


@pytest.mark.parametrize("form", FORMS)
@given(value=amounts)
@example(value=Decimal("0.00"))
@example(value=Decimal("1234.56"))
@example(value=Decimal("1000000.00"))
def test_every_danish_form_of_an_amount_reads_back_exactly(form: str, value: Decimal) -> None:
    text = FORMS[form](value)
    parsed = parse_amount(text)
    assert isinstance(parsed, Decimal), text
    assert parsed == value, text
    assert format_amount(parsed) == f"{value:.2f}"


@given(kroner=st.integers(min_value=0, max_value=99_999_999))
def test_whole_kroner_with_a_dash_read_as_kroner(kroner: int) -> None:
    text = grouped(Decimal(kroner)).replace(",00", ",-")
    assert parse_amount(text) == Decimal(kroner)
    assert parse_amount("kr. " + text) == Decimal(kroner)


@given(value=amounts.filter(lambda v: v > 0))
def test_a_deduction_reads_negative_with_a_leading_or_trailing_minus(value: Decimal) -> None:
    assert parse_amount("-" + grouped(value)) == -value
    assert parse_amount(grouped(value) + "-") == -value
    assert parse_amount("\u2212" + grouped(value)) == -value


@given(value=st.decimals(min_value=0, max_value=Decimal("999999.999"), places=3, allow_nan=False, allow_infinity=False))
def test_amounts_round_half_up_to_ore(value: Decimal) -> None:
    text = f"{value:.3f}".replace(".", ",")
    assert parse_amount(text) == value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_half_an_ore_rounds_up_not_to_even() -> None:
    assert parse_amount("0,125") == Decimal("0.13")
    assert parse_amount("2,345") == Decimal("2.35")
    assert parse_amount("-2,345") == Decimal("-2.35")


@given(value=amounts)
def test_the_parsed_value_is_never_a_float(value: Decimal) -> None:
    for form in FORMS.values():
        assert type(parse_amount(form(value))) is Decimal


@given(value=amounts)
def test_the_danish_letter_form_reads_back(value: Decimal) -> None:
    assert parse_amount(format_danish(value)) == value


@pytest.mark.parametrize("text", ["", "kr.", "abc", "12,5 %", "1.2.3", "1,2,3", "--5", "12 34"])
def test_text_that_is_no_amount_gives_none(text: str) -> None:
    assert parse_amount(text) is None


def test_numbers_keep_their_precision_for_hours_and_rates() -> None:
    assert parse_number("34,5") == Decimal("34.5")
    assert parse_number("12,50") == Decimal("12.50")
