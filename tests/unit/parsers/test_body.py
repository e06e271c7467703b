"""Claim lines in a body keep a readable label: the currency belongs to the amount."""

from __future__ import annotations

import datetime as dt
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


def test_a_table_with_a_row_per_person_is_one_claim_per_row_and_its_sum_row_is_no_claim() -> None:
    text = ("Arbejdsgiver: Albertslund Kommune, CVR-nr. 29189919. Periode: 01.08.2026-31.08.2026.\n"
            "Navn\tCPR-nr.\tTimer\tLøn\tFeriepenge\tI alt\n\n"
            "Sara Lind\t050504-4126\t21,00\t3.045,00\t380,63\t3.425,63\n\n"
            "Karin Møller\t131062-1125\t22,00\t3.190,00\t398,75\t3.588,75\n"
            "I alt\t\t\t6.235,00\t\t7.014,38")  # fmt: skip
    _, sections = read_sections(text)
    assert [(s.values["employee.name"], s.values["hours.worked"], s.total) for s in sections] == [
        ("Sara Lind", Decimal("21.00"), Decimal("3425.63")), ("Karin Møller", Decimal("22.00"), Decimal("3588.75"))]  # fmt: skip
    assert [(k, a) for k, a, _ in sections[1].lines] == [(Kind.SALARY, Decimal("3190.00")), (Kind.HOLIDAY_PAY, Decimal("398.75"))]


def test_two_month_headings_with_their_own_lines_are_two_claims_of_one_person() -> None:
    text = ("for Mikkel Juhl (CPR 110901-4148).\n\nSeptember 2026\nTimer: 29,00\nLøn: 4.054,20\n\n"
            "Oktober 2026\nTimer: 30,50\nLøn: 4.263,90\n")
    _, sections = read_sections(text)
    assert [(str(s.values["period.start"]), s.values["employee.cpr"], s.lines[0][1]) for s in sections] == [
        ("2026-09-01", "1109014148", Decimal("4054.20")), ("2026-10-01", "1109014148", Decimal("4263.90"))]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "amount", "hours"),
    [("Løn | 42,00 timer | 6.216,00", "6216.00", "42.00"), ("Timeløn 24,00 t à 161,20 kr.     3.868,80 kr.", "3868.80", "24.00"),
     ("Løn (39,00 t à 100,00 kr): 3.900,00 kr", "3900.00", "39.00"),
     ("Hans timeløn er 154,00 kr., så lønnen for måneden blev 5.852,00 kr.", "5852.00", None)],
)
def test_hours_and_rates_inside_a_salary_line_are_not_the_salary(line: str, amount: str, hours: str | None) -> None:
    _, sections = read_sections(line)
    assert [(k, a) for k, a, _ in sections[0].lines] == [(Kind.SALARY, Decimal(amount))]
    assert (str(sections[0].values["hours.worked"]) if "hours.worked" in sections[0].values else None) == hours


def test_costs_named_after_their_amounts_in_a_sentence_are_read() -> None:
    _, sections = read_sections("Vi har indbetalt 731,50 kr. i feriepenge, og den særlige feriegodtgørelse udgør 114,11 kr.")
    assert [(k, a) for k, a, _ in sections[0].lines] == [
        (Kind.HOLIDAY_PAY, Decimal("731.50")), (Kind.SPECIAL_HOLIDAY_ALLOWANCE, Decimal("114.11"))]  # fmt: skip


def test_a_range_of_sick_days_without_a_year_takes_the_periods_year() -> None:
    _, sections = read_sections("Periode: 2026-10\nSyg: 12.-13. oktober")
    assert (str(sections[0].values["sick.first_day"]), str(sections[0].values["sick.last_day"])) == ("2026-10-12", "2026-10-13")


def test_a_cvr_stated_in_a_sentence_is_read_and_the_first_word_is_no_employer() -> None:
    _, sections = read_sections("Beklager, CVR-nummeret glemte jeg: 41028572.")
    assert sections[0].values["employer.cvr"] == "41028572" and "employer.name" not in sections[0].values


def test_a_name_written_surname_first_is_turned_round() -> None:
    _, sections = read_sections("Navn: Lund, Freja Holm\nCPR: 120394-1109")
    assert sections[0].values["employee.name"] == "Freja Holm Lund"


def test_a_sick_week_in_prose_without_a_year_takes_the_periods_year() -> None:
    text = "Refusion for september måned 2026.\nAli var syg fra mandag d. 14. september til og med fredag d. 18. september."
    _, sections = read_sections(text)
    assert (str(sections[0].values["sick.first_day"]), str(sections[0].values["sick.last_day"])) == ("2026-09-14", "2026-09-18")


def test_an_employer_with_its_workplace_in_parentheses_is_the_employer() -> None:
    _, sections = read_sections("Albertslund Kommune (Rengøringsservice), CVR 29189919")
    assert sections[0].values["employer.name"] == "Albertslund Kommune"


def test_a_table_with_a_row_per_month_is_a_claim_per_month() -> None:
    text = ("CPR: 120394-1109\nMåned\tTimer\tLøn\tFeriepenge\tI alt\n"
            "August 2026\t35,00\t5.041,75\t630,22\t5.671,97\nSeptember 2026\t34,00\t4.897,70\t612,21\t5.509,91")  # fmt: skip
    _, sections = read_sections(text)
    assert [(str(s.values["period.start"]), s.lines[0][1], s.total) for s in sections] == [
        ("2026-08-01", Decimal("5041.75"), Decimal("5671.97")), ("2026-09-01", Decimal("4897.70"), Decimal("5509.91"))]  # fmt: skip


def test_the_legal_employer_is_named_before_its_workplace() -> None:
    _, sections = read_sections("Arbejdsgiver: Albertslund Kommune, Vej & Park, CVR 29189919")
    assert sections[0].values["employer.name"] == "Albertslund Kommune"


def test_labels_and_values_in_separate_blocks_are_paired() -> None:
    _, sections = read_sections("Medarbejder\n\nThomas Vinther\n\nCPR-nr.\n\n150976-2003\n\nLøn\n\n6.478,00 kr.\n\nI alt\n\n7.480,07 kr.")
    assert sections[0].values["employee.cpr"] == "1509762003"
    assert sections[0].lines[0][:2] == (Kind.SALARY, Decimal("6478.00")) and sections[0].total == Decimal("7480.07")


def test_english_amounts_and_employer_sick_pay_labels() -> None:
    _, sections = read_sections("Wages: DKK 6,545.00\nSygedagpenge (arbejdsgiverperiode): 1.896,00\nATP arbejdsgiver: 66,00 kr.")
    assert [(k, a) for k, a, _ in sections[0].lines] == [
        (Kind.SALARY, Decimal("6545.00")), (Kind.SICK_PAY, Decimal("1896.00")), (Kind.ATP, Decimal("66.00"))]  # fmt: skip
    assert "employer.name" not in sections[0].values


def test_a_line_that_counts_sick_hours_is_no_sick_pay_line() -> None:
    _, sections = read_sections("Timer: 20,00\nTimer med sygeløn: 30,00\nSygeløn   4.650,00")
    assert sections[0].values["hours.sick"] == Decimal("30.00")
    assert [(k, a) for k, a, _ in sections[0].lines] == [(Kind.SICK_PAY, Decimal("4650.00"))]


def test_a_cpr_number_after_the_name_is_the_cpr_even_when_its_date_is_no_date() -> None:
    """The rules then say CPR_INVALID (ask for the right one), not CPR_MISSING (ask for one)."""
    _, sections = read_sections("Refusion for Mette Kjær Hansen (143391-1166) for oktober 2026.\nLøn: 4.875,00 kr")
    assert sections[0].values.get("employee.cpr") == "1433911166"


def test_a_dashed_number_that_is_no_date_and_follows_no_name_is_no_cpr() -> None:
    _, sections = read_sections("Vores sagsnummer er 143391-1166.\nLøn: 4.875,00 kr")
    assert sections[0].values.get("employee.cpr") is None


def test_a_one_letter_abbreviation_ends_no_label_so_syg_m_loen_is_sick_pay_with_sick_hours() -> None:
    _, sections = read_sections("Løn: 4.875,00 kr\nSyg m. løn 6,5 timer: 975,00 kr")
    assert sections[0].lines == [(Kind.SALARY, Decimal("4875.00"), "Løn"), (Kind.SICK_PAY, Decimal("975.00"), "Syg m. løn")]
    assert sections[0].values.get("hours.sick") == Decimal("6.5") and "hours.worked" not in sections[0].values


def test_sick_from_and_to_columns_of_a_row_per_person_table_are_the_first_and_last_sick_day() -> None:
    text = ("Refusion oktober 2026\n\nNavn | CPR | Timer | Syg fra | Syg til | Løn | Sygeløn | I alt\n"
            "Mette Kjær Hansen | 140391-1166 | 32,50 | 05.10.2026 | 09.10.2026 | 4.875,00 | 975,00 | 5.850,00")  # fmt: skip
    _, sections = read_sections(text)
    assert (sections[0].values.get("sick.first_day"), sections[0].values.get("sick.last_day")) == (
        dt.date(2026, 10, 5), dt.date(2026, 10, 9))  # fmt: skip


@pytest.mark.parametrize("sentence", ["Vi søger refusion af 5.550,38 kr.", "Det samlede beløb er 5.550,38 kr.", "Refusionsbeløb: 5.550,38"])
def test_an_amount_after_the_lines_that_is_their_sum_is_the_total_whatever_the_words(sentence: str) -> None:
    _, sections = read_sections(f"Løn: 4.875,00 kr\nATP: 66,00 kr\nFeriepenge: 609,38 kr\n{sentence}")
    assert sections[0].totals == [Decimal("5550.38")]
    assert len(sections[0].lines) == 3


def test_an_unlabelled_amount_that_no_lines_make_up_is_no_total() -> None:
    _, sections = read_sections("Løn: 4.875,00 kr\nATP: 66,00 kr\nBeløb: 5.999,38 kr")
    assert sections[0].totals == []


@pytest.mark.parametrize(
    "text",
    [
        "Ansat: Mette Kjær Hansen",
        "Lønmodtager: Mette Kjær Hansen",
        "Navn på medarbejder: Mette Kjær Hansen",
        "Den ansatte: Mette Kjær Hansen",
        "CPR 140391-1166 (Mette Kjær Hansen)",
        "Hermed krav for vores medarbejder Mette Kjær Hansen i oktober.",
    ],
)
def test_the_employees_name_by_its_label_family_after_the_cpr_or_after_the_role_word(text: str) -> None:
    _, sections = read_sections(f"{text}\nLøn: 4.875,00 kr\nATP: 66,00 kr")
    assert sections[0].values.get("employee.name") == "Mette Kjær Hansen"


@pytest.mark.parametrize(
    ("text", "hours"),
    [("Præsterede timer: 32,5", "32.5"), ("Worked hours: 32.5", "32.5"), ("Timer (arbejdede): 32,5", "32.5"),
     ("Timer: 32:30", "32.50"), ("Timer: 32:20", "32.33"), ("Timer: 32½", "32.5")],
)  # fmt: skip
def test_hours_worked_by_the_label_family_and_in_hours_and_minutes(text: str, hours: str) -> None:
    _, sections = read_sections(f"{text}\nLøn: 4.875,00 kr")
    assert sections[0].values.get("hours.worked") == Decimal(hours)


def test_a_sentence_wrapped_by_the_mail_client_is_read_as_one_line() -> None:
    text = ("Vi søger refusion af løn 3.025,80 kr., ATP 33,00 kr., feriepenge 378,23 kr. og særlig\n"
            "feriegodtgørelse 59,00 kr. I alt udgør det\n3.496,03 kr.\n")  # fmt: skip
    _, sections = read_sections(text)
    assert (Kind.SPECIAL_HOLIDAY_ALLOWANCE, Decimal("59.00")) in [(kind, amount) for kind, amount, _ in sections[0].lines]
    assert sections[0].total == Decimal("3496.03")


def test_a_list_of_short_capitalised_lines_is_not_joined() -> None:
    _, sections = read_sections("Løn: 3.025,80 kr.\nATP: 33,00 kr.\nFeriepenge: 378,23 kr.\n")
    assert len(sections[0].lines) == 3
