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


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Line har været syg fra mandag den 21. september 2026 (første sygedag) til og med 30. september 2026.",
         "2026-09-21", "2026-09-30"),
        ("Første sygedag: 21.09.2026 (sygemeldingen startede i september)\nSidste sygedag i oktober: 26.10.2026 (raskmeldt 27.10.2026)",
         "2026-09-21", "2026-10-26"),
        ("Mikkel has been on sick leave since 14/9-2026 (first sick day). Last sick day in October was 19/10-2026 – he was back at work "
         "20/10-2026.", "2026-09-14", "2026-10-19"),
        ("Omar var syg fra 6. oktober 2026 til og med 10. oktober 2026 (første sygedag 6. oktober).", "2026-10-06", "2026-10-10"),
        ("Sygeperiode: 12.10.2026 - 16.10.2026 (første sygedag 12.10.2026)", "2026-10-12", "2026-10-16"),
    ],
)
def test_the_sick_spell_is_read_however_the_days_are_written(text: str, first: str, last: str) -> None:
    _, sections = read_sections(text)
    assert (str(sections[0].values["sick.first_day"]), str(sections[0].values["sick.last_day"])) == (first, last)


@pytest.mark.parametrize(
    ("text", "worked", "sick"),
    [
        ("Hanne er månedslønnet; timer i alt 30,00", "30.00", None),
        ("Timer: 16,00 arbejdet + 21,50 med sygeløn", "16.00", "21.50"),
        ("Hours worked: 14,00 - sick hours: 24,00", "14.00", "24.00"),
        ("Navn ...................... Aisha Benali\nTimer ..................... 25,00", "25.00", None),
    ],
)
def test_hours_are_read_from_labels_sentences_and_english(text: str, worked: str, sick: str | None) -> None:
    _, sections = read_sections(text)
    values = sections[0].values
    assert str(values.get("hours.worked")) == worked and (str(values["hours.sick"]) if "hours.sick" in values else None) == sick


@pytest.mark.parametrize(
    ("text", "name"),
    [("Borgerens navn: Signe Vestergaard Holm", "Signe Vestergaard Holm"), ("Employee / Ansat: Mikkel Ravn Thomsen", "Mikkel Ravn Thomsen"),
     ("Navn ...................... Aisha Benali", "Aisha Benali")],
)
def test_the_employee_name_is_read_from_its_label_however_it_is_written(text: str, name: str) -> None:
    _, sections = read_sections(text)
    assert sections[0].values["employee.name"] == name


def test_english_labels_with_the_danish_word_in_parentheses_are_cost_lines() -> None:
    text = "Salary (timeløn)   DKK 2170.00\nSick pay (sygeløn)   DKK 3720.00\nHoliday pay (feriepenge) DKK 736.25\nSærlig fg. 113,34"
    _, sections = read_sections(text)
    assert [(k, a) for k, a, _ in sections[0].lines] == [
        (Kind.SALARY, Decimal("2170.00")), (Kind.SICK_PAY, Decimal("3720.00")), (Kind.HOLIDAY_PAY, Decimal("736.25")),
        (Kind.SPECIAL_HOLIDAY_ALLOWANCE, Decimal("113.34"))]  # fmt: skip
