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


def test_stated_hours_that_are_worked_plus_sick_hours_of_the_table_count_the_sick_hours_once() -> None:
    text = "Antal timer i perioden: 40,5\nLønart\tAntal\tSats\tBeløb\nTimeløn\t34,50\t150,00\t5.175,00\nSygeløn\t6,00\t150,00\t900,00"
    _, sections = read_sections(text)
    assert sections[0].values["hours.worked"] == Decimal("34.50") and sections[0].values["hours.sick"] == Decimal("6.00")


def test_an_employer_named_in_parentheses_after_its_cvr_is_the_employer() -> None:
    _, sections = read_sections("Arbejdsgiverens CVR-nr.: 29189919 (Albertslund Kommune)\nCPR: 150590-1236")
    assert sections[0].values["employer.name"] == "Albertslund Kommune"
