"""Claim lines in a body keep a readable label: the currency belongs to the amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.model import Kind
from parsers.body import read_sections


@pytest.mark.parametrize(
    ("line", "label"),
    [("Løn: kr. 3.025,80", "Løn"), ("Timeløn: kr 3.025,80", "Timeløn"), ("Løn: 3.025,80 kr.", "Løn"), ("Løn: DKK 3025.80", "Løn")],
)
def test_a_claim_line_label_has_no_currency_word(line: str, label: str) -> None:
    _, sections = read_sections(line)
    assert sections[0].lines == [(Kind.SALARY, Decimal("3025.80"), label)]


def test_a_sentence_that_names_several_costs_gives_one_line_each() -> None:
    _, sections = read_sections("Lønudgiften er 3.000 kr., ATP 63,10 kr. og feriepenge 375 kr. I alt 3.438,10 kr.")
    assert [(kind, amount) for kind, amount, _ in sections[0].lines] == [
        (Kind.SALARY, Decimal("3000")), (Kind.ATP, Decimal("63.10")), (Kind.HOLIDAY_PAY, Decimal("375"))]  # fmt: skip
    assert sections[0].total == Decimal("3438.10")


def test_a_total_named_after_its_amount_is_the_total_and_no_line() -> None:
    _, sections = read_sections("Kan I refundere Idas løn for oktober? Det er 5.200 kr. i alt. Lønsedlen kommer senere.")
    assert sections[0].lines == [] and sections[0].total == Decimal("5200")
