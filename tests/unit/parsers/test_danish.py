"""Danish dates and periods as workplaces write them read back to the right day and Period
(parsers/danish.py; ../shared/PAYSLIPS.md "Numbers and dates")."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claims.model import Period
from parsers.danish import find_dates, find_numbers, find_periods, legal_employer, parse_date

MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))

DATE_FORMS: dict[str, Callable[[dt.date], str]] = {
    "01.10.2026": lambda d: f"{d.day:02}.{d.month:02}.{d.year}",
    "1.10.2026": lambda d: f"{d.day}.{d.month}.{d.year}",
    "01-10-2026": lambda d: f"{d.day:02}-{d.month:02}-{d.year}",
    "1/10-2026": lambda d: f"{d.day}/{d.month}-{d.year}",
    "01.10.26": lambda d: f"{d.day:02}.{d.month:02}.{d.year % 100:02}",
    "1. oktober 2026": lambda d: f"{d.day}. {MONTH_NAMES[d.month - 1]} {d.year}",
    "1. Oktober 2026": lambda d: f"{d.day}. {MONTH_NAMES[d.month - 1].capitalize()} {d.year}",
    "1. okt. 2026": lambda d: f"{d.day}. {MONTH_ABBREVIATIONS[d.month - 1]}. {d.year}",
    "den 1. oktober 2026": lambda d: f"den {d.day}. {MONTH_NAMES[d.month - 1]} {d.year}",
}


@pytest.mark.parametrize("form", DATE_FORMS)
@given(day=days)
@example(day=dt.date(2026, 10, 1))
@example(day=dt.date(2028, 2, 29))
def test_a_date_written_in_every_danish_form_reads_back(form: str, day: dt.date) -> None:
    text = DATE_FORMS[form](day)
    assert parse_date(text) == day, text
    assert parse_date(f"Første sygedag var {text}, sagde hun.") == day, text


@given(day=days)
def test_dates_in_a_sentence_are_found_in_order(day: dt.date) -> None:
    later = day + dt.timedelta(days=3)
    if later.year > 2099:
        return
    text = f"Syg fra {DATE_FORMS['01.10.2026'](day)} til {DATE_FORMS['1. oktober 2026'](later)}."
    assert [d for d, _, _ in find_dates(text)] == [day, later]


def test_an_impossible_date_is_no_date() -> None:
    assert parse_date("31.02.2026") is None
    assert parse_date("30. februar 2026") is None


def first_period(text: str) -> Period:
    found = find_periods(text)
    assert found, text
    return found[0].period


pairs = st.tuples(days, st.integers(min_value=0, max_value=400)).map(lambda p: (p[0], p[0] + dt.timedelta(days=p[1])))


@given(pair=pairs)
@example(pair=(dt.date(2026, 10, 1), dt.date(2026, 10, 31)))
def test_a_period_of_two_numeric_dates_reads_back(pair: tuple[dt.date, dt.date]) -> None:
    start, end = pair
    if end.year > 2099:
        return
    for dash in (" - ", "-", " – ", " til "):
        text = f"{start:%d.%m.%Y}{dash}{end:%d.%m.%Y}"
        assert first_period(f"Periode: {text}") == Period(start, end), text


@given(pair=pairs)
def test_a_period_of_two_written_dates_reads_back(pair: tuple[dt.date, dt.date]) -> None:
    start, end = pair
    if end.year > 2099:
        return
    text = f"{DATE_FORMS['1. oktober 2026'](start)} - {DATE_FORMS['1. oktober 2026'](end)}"
    assert first_period(text) == Period(start, end), text


months = st.tuples(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=12))


def whole_month(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


@given(ym=months)
@example(ym=(2026, 10))
@example(ym=(2028, 2))
def test_a_month_in_every_form_is_the_whole_month(ym: tuple[int, int]) -> None:
    year, month = ym
    last = calendar.monthrange(year, month)[1]
    name, abbreviation = MONTH_NAMES[month - 1], MONTH_ABBREVIATIONS[month - 1]
    for text in (
        f"{name} {year}",
        f"{name.capitalize()} {year}",
        f"{abbreviation}. {year}",
        f"1.–{last}. {name} {year}",
        f"1.-{last}. {name} {year}",
        f"1. - {last}. {name} {year}",
        f"1. {name} - {last}. {name} {year}",
        f"01.{month:02}.{year} - {last:02}.{month:02}.{year}",
    ):
        assert first_period(f"Refusion for {text}") == whole_month(year, month), text


def test_a_period_whose_first_date_has_no_year_takes_the_second_ones() -> None:
    assert first_period("13.09.-10.10.2026") == Period(dt.date(2026, 9, 13), dt.date(2026, 10, 10))
    assert first_period("15.12.-14.01.2027") == Period(dt.date(2026, 12, 15), dt.date(2027, 1, 14))


def test_two_months_joined_by_og_make_one_period() -> None:
    assert first_period("august og september 2026") == Period(dt.date(2026, 8, 1), dt.date(2026, 9, 30))


def test_a_single_whole_date_is_no_month_period() -> None:
    assert all(f.kind != "month" for f in find_periods("Ansat fra 21. september 2026"))


def test_a_month_without_a_year_is_the_latest_such_month_before_the_email() -> None:
    import datetime as dt

    from parsers.danish import bare_month

    october = bare_month("refusion for oktober måned", dt.date(2026, 11, 2))
    december = bare_month("refusion for december", dt.date(2026, 1, 5))
    assert october is not None and (october.start, october.end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert december is not None and december.start == dt.date(2025, 12, 1)
    assert bare_month("for oktober 2026", dt.date(2026, 11, 2)) is None  # a year is stated: not a bare month


def test_scan_slips_in_a_date_are_repaired() -> None:
    from parsers.ocr import repair

    assert repair("01.10:2026 -'31.10.2026") == "01.10.2026 -31.10.2026"


@pytest.mark.parametrize("text", ["Oct-26", "okt-26", "October 2026", "Lønperiode: okt.-26", "oktober 2026"])
def test_a_month_is_read_in_danish_and_english_and_with_a_two_digit_year(text: str) -> None:
    from parsers.danish import find_periods

    (found,) = find_periods(text)
    assert (found.period.start, found.period.end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def test_a_month_and_a_day_apart_are_no_month_with_a_two_digit_year() -> None:
    from parsers.danish import find_periods

    assert find_periods("den 1 okt 26") == []


@pytest.mark.parametrize(
    ("name", "legal"),
    [
        ("Albertslund Kommune – Plejecenter Blokken", "Albertslund Kommune"),
        ("Plejecenter Blokken (Albertslund Kommune)", "Albertslund Kommune"),
        ("Byggeservice ApS, afd. Vest", "Byggeservice ApS"),
        ("Plejecenter Blokken", "Plejecenter Blokken"),
        ("Albertslund Kommune", "Albertslund Kommune"),
    ],
)
def test_the_legal_employer_is_the_part_of_a_name_with_a_legal_form(name: str, legal: str) -> None:
    assert legal_employer(name) == legal


def test_a_short_period_written_with_slashes_takes_the_year_once() -> None:
    assert first_period("Periode 1/3-31/3 2026") == Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert first_period("Periode 1/3-31/3/2026") == Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    # a date's parts are split by one separator: "1/3-31.3.2026" is no range of two such dates
    assert all(f.period.start != dt.date(2026, 3, 1) for f in find_periods("Periode 1/3-31.3.2026"))


def test_thousands_split_by_a_space_after_the_currency_are_one_amount() -> None:
    assert [n.value for n in find_numbers("Løn DKK 1 200,54 og ATP kr. 33,00")] == [Decimal("1200.54"), Decimal("33.00")]
    assert Decimal("43686000") not in [n.value for n in find_numbers("Tlf 43 68 60 00")]  # pairs of digits are no thousands
