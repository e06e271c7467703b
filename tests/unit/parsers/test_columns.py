"""The month's column is found by its title where we know the title and by the arithmetic where
we do not: units × rate = amount, and the year's sum is never smaller than the month."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.model import Kind
from parsers import columns
from parsers.layout import PageText, TextLine, Word
from parsers.payslip import read_payslip

# Titles of each role as payroll systems print them, and "" for a table without titles.
TITLES = {
    "units": ["Antal", "Mængde", "Timer/stk", "Qty", "Enheder", ""],
    "rate": ["Sats", "Enhedspris", "Pr. enhed", "Unit price", ""],
    "amount": ["Beløb", "Periodebeløb", "Denne md.", "Amount DKK", "I perioden", ""],
    "ytd": ["År til dato", "Årsbeløb", "Løbende år", "Year-to-date", "Akk. i år", ""],
}


def _danish(value: Decimal) -> str:
    whole, frac = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


def _word(text: str, right: float, y: float) -> Word:
    return Word(text, right - 5.5 * len(text), y, right, y + 9)


def _page(order: list[str], titles: dict[str, str], hours: Decimal, rate: Decimal, months: int) -> PageText:
    """A payslip table with its number columns in `order`, right-aligned 80 points apart."""
    salary = (hours * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    holiday = (salary * Decimal("0.125")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    rows = [("Timeløn", hours, rate, salary), ("ATP arbejdsgiverbidrag", None, None, Decimal("66.00")),
            ("Feriepenge", None, None, holiday), ("Bruttoløn", None, None, salary)]  # fmt: skip
    right = {role: 300 + 80 * i for i, role in enumerate(order)}
    lines = [TextLine(1, (Word("Tekst", 40, 90, 70, 99), *(_word(titles[r], right[r], 90) for r in order if titles[r])))]
    for n, (label, units, each, amount) in enumerate(rows):
        y = 104 + 14 * n
        cells = {"units": units, "rate": each, "amount": amount, "ytd": amount * months}
        words = [Word(label, 40, y, 40 + 5.5 * len(label), y + 9)]
        words += [_word(_danish(cells[r]), right[r], y) for r in order if cells[r] is not None]
        lines.append(TextLine(1, tuple(sorted(words, key=lambda w: w.x0))))
    return PageText(1, tuple(lines))


@settings(max_examples=150, deadline=None)
@given(
    order=st.permutations(["units", "rate", "amount", "ytd"]),
    titles=st.fixed_dictionaries({role: st.sampled_from(names) for role, names in TITLES.items()}),
    hours=st.decimals(min_value=Decimal("4"), max_value=Decimal("43"), places=2),
    rate=st.decimals(min_value=Decimal("110"), max_value=Decimal("190"), places=2),
    months=st.integers(min_value=2, max_value=12),
)
def test_the_months_amounts_and_hours_come_from_the_month_column_whatever_the_order_and_titles(
    order: list[str], titles: dict[str, str], hours: Decimal, rate: Decimal, months: int
) -> None:
    reading = read_payslip((_page(order, titles, hours, rate, months),), "any.pdf")
    salary = (hours * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    lines = {kind: amount for kind, amount, _, _ in reading.lines}
    assert lines[Kind.SALARY] == salary
    assert lines[Kind.ATP] == Decimal("66.00")
    assert reading.get("payslip.gross") == salary
    assert reading.get("hours.worked") == hours


def test_a_column_titled_as_the_years_sum_is_never_the_month_even_when_alone() -> None:
    rows = [[_word("48.750,00", 400, 100)], [_word("660,00", 400, 114)]]
    found = columns.roles(rows, [_word("År til dato", 400, 86)])
    assert [c.role for c in found.columns] == [columns.YTD]
    assert not found.decided


def test_two_untitled_columns_with_the_same_figures_decide_nothing() -> None:
    """January: the month is the year so far, and nothing tells the columns apart; the reader's
    older rules (position, titles it knows) then choose, and either choice is right."""
    rows = [[_word("4.875,00", 400, 100), _word("4.875,00", 480, 100)], [_word("66,00", 400, 114), _word("66,00", 480, 114)]]
    assert not columns.roles(rows).decided


def test_a_block_title_over_two_columns_names_neither() -> None:
    header = [Word("Løn", 280, 86, 300, 95), Word("og", 303, 86, 315, 95), Word("fradrag", 318, 86, 400, 95)]
    rows = [[_word("43,00", 330, 100), _word("151,00", 400, 100), _word("6.493,00", 480, 100)]]
    found = columns.roles(rows, header)
    assert [c.role for c in found.columns] == [columns.UNITS, columns.RATE, columns.AMOUNT]
    assert {c.why for c in found.columns} == {"units × rate = amount"}
