"""Payslip rows read by label and column, whatever the layout or the scan's noise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from claims.model import Kind
from parsers.layout import PageText, TextLine, Word
from parsers.payslip import read_payslip


def _line(*cells: tuple[float, str], y: float = 100.0) -> TextLine:
    return TextLine(1, tuple(Word(text, x, y, x + 6 * len(text), y + 9) for x, text in cells))


def test_a_scanned_row_keeps_its_label_without_the_noise_and_takes_the_current_column() -> None:
    header = _line((40, "Periode"), (110, "Tekst"), (300, "Antal"), (360, "Sats"), (440, "Beløb"), (520, "År"), (535, "til"),
                   (555, "dato"), y=90)
    row = _line((40, "P"), (50, "01.08-31.08"), (100, "=="), (110, "Timeløn"), (300, "21,50"), (360, "147,60"), (430, "3.173,40"),
                (520, "18.302,40"))
    reading = read_payslip((PageText(1, (header, row)),), "scan.pdf", prefix="ocr")
    assert [(kind, amount, label) for kind, amount, label, _ in reading.lines] == [(Kind.SALARY, Decimal("3173.40"), "Timeløn")]
    assert reading.get("hours.worked") == Decimal("21.50")
    assert reading.lines[0][3].source.startswith("ocr:scan.pdf#p1@")


def test_the_employers_share_of_a_pension_total_is_the_pension_cost() -> None:
    rows = (
        _line((40, "40"), (60, "Pension"), (100, "i"), (110, "alt"), (300, "6.140,00"), (400, "736,80"), y=100),
        _line((40, "41"), (60, "heraf"), (100, "arbejdsgiverandel"), (300, "6.140,00"), (400, "491,20"), y=112),
        _line((40, "42"), (60, "heraf"), (100, "medarbejderandel"), (300, "6.140,00"), (400, "-245,60"), y=124),
    )
    reading = read_payslip((PageText(1, rows),), "dataloen.pdf")
    assert [(kind, amount) for kind, amount, _, _ in reading.lines] == [(Kind.PENSION, Decimal("491.20"))]


def test_supplements_are_salary_but_their_hours_are_not_hours_worked() -> None:
    rows = (
        _line((40, "1"), (60, "Timeløn"), (300, "42,00"), (360, "152,80"), (430, "6.417,60"), y=100),
        _line((40, "2"), (60, "Aftentillæg"), (300, "18,00"), (360, "19,00"), (430, "342,00"), y=112),
    )
    reading = read_payslip((PageText(1, rows),), "sdloen.pdf")
    assert [(kind, amount) for kind, amount, _, _ in reading.lines] == [(Kind.SALARY, Decimal("6417.60")), (Kind.SALARY, Decimal("342.00"))]
    assert reading.get("hours.worked") == Decimal("42.00")


def test_amounts_with_a_space_between_the_thousands_are_one_amount_and_an_accumulated_block_is_skipped() -> None:
    rows = (
        _line((40, "1010"), (70, "Timeløn"), (250, "40,00"), (300, "148,50"), (380, "5"), (386, "940,00"), y=100),
        _line((40, "Akkumuleret"), (110, "år"), (125, "til"), (140, "dato"), y=112),
        _line((40, "Timeløn"), (380, "29"), (392, "700,00"), y=124),
    )
    reading = read_payslip((PageText(1, rows),), "bureau.pdf")
    assert [(kind, amount) for kind, amount, _, _ in reading.lines] == [(Kind.SALARY, Decimal("5940.00"))]


def test_the_current_column_of_a_block_whose_header_starts_with_its_title() -> None:
    rows = (
        _line((40, "Arbejdsgiverbidrag"), (150, "og"), (165, "feriepenge"), (330, "I"), (338, "perioden"), (430, "I"), (438, "ferieåret"),
              y=100),
        _line((40, "Feriepenge"), (110, "12,5"), (135, "%"), (340, "612,21"), (440, "2.588,13"), y=112),
    )
    reading = read_payslip((PageText(1, rows),), "dataloen.pdf")
    assert [(kind, amount) for kind, amount, _, _ in reading.lines] == [(Kind.HOLIDAY_PAY, Decimal("612.21"))]


def _block_layout(employer_block: list[str]) -> PageText:
    """A payslip whose identities stand in blocks: the employee's on the left, the employer's on
    the right with its CVR as 'CVR. Nr.: DK 2918 9919', the period as a label over 'Oct-26', pay
    as 'Gage 32 Timer af 145,00 kr.', and a 'Saldi | Perioden | År til dato' block below."""
    left = ["Name: Sofie Lind Madsen", "Skolevej 4, 2620 Albertslund", "CPR. nr.: 120398-1446"]
    right = [*employer_block, "CVR. Nr.: DK 2918 9919"]
    lines = [_line((40, "Lønseddel"), y=40)]
    for i in range(max(len(left), len(right))):
        cells = [(40.0, left[i - len(right) + len(left)])] if i >= len(right) - len(left) else []
        lines.append(_line(*cells, (380.0, right[i]), y=70 + 14 * i))
    y = 70 + 14 * len(right) + 20
    lines += [_line((40, "LØNPERIODE"), (250, "UDBETALINGSDATO"), y=y), _line((40, "Oct-26"), (250, "30-10-2026"), y=y + 14),
              _line((40, "Gage"), (200, "32"), (216, "Timer"), (250, "af"), (330, "145,00"), (372, "kr."), (480, "4.640,00"), y=y + 40),
              _line((40, "ATP"), (480, "-33,00"), y=y + 54),
              _line((40, "Saldi"), (250, "Perioden"), (460, "År"), (476, "til"), (494, "dato:"), y=y + 80),
              _line((40, "Gage"), (250, "4.640,00"), (460, "41.760,00"), y=y + 94)]  # fmt: skip
    return PageText(1, tuple(lines))


def test_a_payslip_with_its_identities_in_blocks_gives_name_cvr_period_hours_and_the_months_pay() -> None:
    reading = read_payslip((_block_layout(["Albertslund Kommune", "Nordmarks Allé 1"]),), "lonseddel.pdf")
    assert reading.get("employee.name") == "Sofie Lind Madsen"
    assert reading.get("employer.cvr") == "29189919"
    assert reading.get("employer.name") == "Albertslund Kommune"
    assert (reading.get("period.start"), reading.get("period.end")) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert reading.get("hours.worked") == Decimal("32")
    assert [(kind, amount, label) for kind, amount, label, _ in reading.lines] == [(Kind.SALARY, Decimal("4640.00"), "Gage")]


def test_the_legal_employer_with_the_cvr_is_the_employer_not_the_workplace_over_it() -> None:
    reading = read_payslip((_block_layout(["Plejecenter Blokken", "Albertslund Kommune", "Nordmarks Allé 1"]),), "lonseddel.pdf")
    assert reading.get("employer.name") == "Albertslund Kommune"


def _identity_page(*identity: str) -> PageText:
    lines = [_line((40, text), y=40 + 12 * i) for i, text in enumerate(identity)]
    lines.append(_line((40, "Timeløn"), (300, "32,50"), (360, "150,00"), (440, "4.875,00"), y=150))
    return PageText(1, tuple(lines))


def test_a_cpr_number_without_a_label_is_still_read_when_its_date_is_real() -> None:
    reading = read_payslip((_identity_page("Albertslund Kommune", "140391-1166", "Mette Kjær Hansen", "Skolevej 3"),), "x.pdf")
    assert reading.get("employee.cpr") == "1403911166"
    assert reading.get("employee.name") == "Mette Kjær Hansen"


def test_a_dashed_number_that_is_no_date_is_no_cpr_number() -> None:
    reading = read_payslip((_identity_page("Albertslund Kommune", "Sag 991399-1166"),), "x.pdf")
    assert reading.get("employee.cpr") is None


def test_a_name_after_its_label_and_an_employee_number_is_the_employees_name() -> None:
    reading = read_payslip((_identity_page("Medarbejder 1234 Mette Kjær Hansen", "Cpr.nr.: 140391-1166"),), "x.pdf")
    assert reading.get("employee.name") == "Mette Kjær Hansen"


def test_a_label_before_the_cvr_is_no_employer_name() -> None:
    reading = read_payslip((_identity_page("Lønseddel", "Virksomhedens CVR: 29189919", "Albertslund Kommune"),), "x.pdf")
    assert reading.get("employer.name") != "Virksomhedens"
    assert reading.get("employer.cvr") == "29189919"


def test_a_pay_row_that_sums_the_pay_rows_above_it_is_the_gross_pay_not_more_pay() -> None:
    rows = (
        _line((40, "Timeløn"), (300, "30,00"), (360, "150,00"), (440, "4.500,00"), y=100),
        _line((40, "Aftentillæg"), (300, "10,00"), (360, "20,00"), (440, "200,00"), y=112),
        _line((40, "Lønindtægt"), (440, "4.700,00"), y=124),
    )
    reading = read_payslip((PageText(1, rows),), "x.pdf")
    assert sum(amount for _, amount, _, _ in reading.lines) == Decimal("4700.00")
    assert reading.get("payslip.gross") == Decimal("4700.00")


def test_a_row_whose_units_times_rate_make_its_amount_is_pay_whatever_its_label() -> None:
    reading = read_payslip((PageText(1, (_line((40, "Timer"), (300, "32,50"), (360, "150,00"), (440, "4.875,00")),)),), "x.pdf")
    assert [(kind, amount) for kind, amount, _, _ in reading.lines] == [(Kind.SALARY, Decimal("4875.00"))]
    assert reading.get("hours.worked") == Decimal("32.50")


def test_the_legal_employer_in_a_footer_with_its_cvr_is_the_employer_not_the_workplace_at_the_top() -> None:
    footer = "Albertslund Kommune · Nordmarks Allé 1 · CVR-nr. 29 18 99 19"
    page = _identity_page("Plejecenter Blokken", "Blokken 52, 2620 Albertslund", footer)
    reading = read_payslip((page,), "x.pdf")
    assert (reading.get("employer.name"), reading.get("employer.cvr")) == ("Albertslund Kommune", "29189919")


def test_an_english_payslip_with_english_numbers_gives_the_months_pay_hours_gross_and_am_contribution() -> None:
    rows = (
        _line((40, "Description"), (300, "Hours"), (360, "Rate"), (440, "Amount"), (520, "YTD"), y=90),
        _line((40, "Hourly"), (80, "pay"), (300, "32.50"), (360, "150.00"), (440, "4,875.00"), (520, "48,750.00"), y=100),
        _line((40, "Gross"), (80, "pay"), (440, "4,875.00"), (520, "48,750.00"), y=112),
        _line((40, "AM"), (60, "contribution"), (440, "390.00-"), (520, "3,900.00-"), y=124),
    )
    reading = read_payslip((PageText(1, rows),), "x.pdf")
    assert [(kind, amount) for kind, amount, _, _ in reading.lines] == [(Kind.SALARY, Decimal("4875.00"))]
    assert (reading.get("hours.worked"), reading.get("payslip.gross"), reading.get("payslip.am_bidrag")) == (
        Decimal("32.50"), Decimal("4875.00"), Decimal("390.00"))  # fmt: skip


def test_the_employer_heads_its_address_block_even_when_a_date_beside_it_sits_between_its_lines() -> None:
    rows = (
        _line((40, "Lønseddel"), (300, "Albertslund"), (370, "Kommune"), y=100),
        _line((300, "Vestbadet"), y=112),
        _line((300, "Nordmarks"), (360, "Allé"), (390, "1"), y=124),
        _line((40, "Dispositionsdato:"), (150, "30.09.2026"), y=130),  # a little lower than the street, on the left
        _line((300, "2620"), (330, "Albertslund"), y=136),
        _line((300, "CVR-nr.:"), (350, "29189919"), y=148),
    )
    reading = read_payslip((PageText(1, rows),), "lon.pdf")
    assert reading.get("employer.name") == "Albertslund Kommune"
    assert reading.get("employer.cvr") == "29189919"


def test_an_address_block_ends_where_something_else_stands_in_its_column() -> None:
    rows = (
        _line((300, "Kulturhuset"), (370, "Syd"), y=100),
        _line((250, "Udskrevet"), (310, "01.10.2026"), y=112),  # not the block's: it overlaps the column, unaligned
        _line((300, "2620"), (330, "Albertslund"), y=118),
        _line((300, "CVR-nr.:"), (350, "29189919"), y=130),
    )
    reading = read_payslip((PageText(1, rows),), "lon.pdf")
    assert reading.fields.get("employer.name_block") is None
