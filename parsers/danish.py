"""Danish dates, periods and numbers as workplaces write them.

Dates: ``01.10.2026``, ``01-10-2026``, ``1/10-2026``, ``01.10.26``, ``1. oktober 2026``,
``1. okt. 2026``. Periods: ``01.10.2026 - 31.10.2026``, ``1.–31. oktober 2026``,
``1. august - 31. august 2026``, ``13.09.-10.10.2026``, ``oktober 2026``, ``okt. 2026``,
``august og september 2026``. Numbers go through `claims.money`, the one door for money.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from claims.model import Period
from claims.money import parse_number

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # English, as payroll systems with an English interface print them ("Oct-26", "October 2026")
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "oct": 10,
}  # fmt: skip
_MONTH = (
    r"(?P<{name}>januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    r"|january|february|march|may|june|july|october"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)\.?"
)
_DASH = r"\s*(?:-|–|—|til(?:\s+og\s+med)?|to)\s*"
_NUM_DATE = r"(?P<{p}d>\d{{1,2}})[./-](?P<{p}m>\d{{1,2}})[./-](?P<{p}y>\d{{4}}|\d{{2}})(?!\d)"
_TEXT_DATE = r"(?P<{p}d>\d{{1,2}})\.?\s*" + _MONTH.replace("{name}", "{p}mn") + r"\s+(?P<{p}y>\d{{4}})"


def _num(p: str) -> str:
    return _NUM_DATE.format(p=p)


def _text(p: str) -> str:
    return _TEXT_DATE.format(p=p)


_ANY_DATE_A = f"(?:{_num('a')}|{_text('b')})"
_ANY_DATE_B = f"(?:{_num('c')}|{_text('e')})"
RANGE_FULL = re.compile(rf"(?<![\d.]){_ANY_DATE_A}{_DASH}{_ANY_DATE_B}", re.I)
# "1. august - 31. august 2026", "1.–31. oktober 2026", "1. juni til 30. juni 2026"
RANGE_TEXT = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})\.?\s*(?:" + _MONTH.format(name="m1") + r")?" + _DASH
    + r"(?P<d2>\d{1,2})\.?\s*" + _MONTH.format(name="m2") + r"\s+(?P<y>\d{4})",
    re.I,
)
# "13.09.-10.10.2026": the first date without its year
RANGE_SHORT = re.compile(
    # "1.9.-30.9.2026", "1/9-30/9 2026": day and month twice, the year once
    r"(?<![\d./])(?P<d1>\d{1,2})(?P<sep>[./])(?P<m1>\d{1,2})\.?" + _DASH
    + r"(?P<d2>\d{1,2})(?P=sep)(?P<m2>\d{1,2})(?:\.|(?P=sep)|\s+)(?P<y>\d{4})(?!\d)"
)
MONTH_RANGE = re.compile(
    r"\b" + _MONTH.format(name="m1") + r"\s*(?:og|-|–|til)\s*" + _MONTH.format(name="m2") + r"\s+(?P<y>\d{4})\b", re.I
)
MONTH_YEAR = re.compile(r"\b" + _MONTH.format(name="m") + r"\s*(?:måned\s+)?(?P<y>\d{4})\b", re.I)  # "september (måned) 2026"
# "Oct-26", "okt-26", "okt.'26": a month and a two-digit year, joined (with a space, "okt 26" may be a day)
MONTH_SHORT_YEAR = re.compile(r"(?<![\w.])" + _MONTH.format(name="m") + r"\s?[-/'’]\s?(?P<y>\d{2})(?![\d./-])", re.I)
MONTH_NUMERIC = re.compile(r"(?<![\d./-])(?P<m>0?[1-9]|1[0-2])[/-](?P<y>20\d{2})(?![\d./-])")
MONTH_ISO = re.compile(r"(?<![\d./-])(?P<y>20\d{2})-(?P<m>0[1-9]|1[0-2])(?![\d./-])")  # "2026-10"
ONE_DATE = re.compile(rf"(?<![\d.]){_ANY_DATE_A}", re.I)


@dataclass(frozen=True, slots=True)
class Found:
    """A period found in text, with where it stood."""

    period: Period
    start: int
    end: int
    kind: str  # "range" (two dates) or "month"


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_period(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def _date_from(m: re.Match[str], p_num: str, p_text: str) -> dt.date | None:
    if m.group(f"{p_num}d"):
        return make_date(_year(m.group(f"{p_num}y")), int(m.group(f"{p_num}m")), int(m.group(f"{p_num}d")))
    if m.group(f"{p_text}d"):
        return make_date(_year(m.group(f"{p_text}y")), MONTHS[m.group(f"{p_text}mn").lower()], int(m.group(f"{p_text}d")))
    return None


_ISO_DATE = re.compile(r"(?<![\d.])(20\d{2})-(\d{2})-(\d{2})(?![\d])")


def _danish_order(text: str) -> str:
    """``2026-10-15`` -> ``15.10.2026``: the same length, so every span stays where it was."""
    return _ISO_DATE.sub(lambda m: f"{m.group(3)}.{m.group(2)}.{m.group(1)}", text)


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every whole date (with a year) in the text, in order, with its span."""
    text = _danish_order(text)
    found = []
    for m in ONE_DATE.finditer(text):
        day = _date_from(m, "a", "b")
        if day is not None:
            found.append((day, m.start(), m.end()))
    return found


def parse_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0][0] if dates else None


def find_periods(text: str) -> list[Found]:
    """Every period in the text, ranges before months where they overlap, in text order."""
    text = _danish_order(text)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(period: Period | None, start: int, end: int, kind: str) -> None:
        if period is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(Found(period, start, end, kind))

    for m in RANGE_FULL.finditer(text):
        a, b = _date_from(m, "a", "b"), _date_from(m, "c", "e")
        add(Period(a, b) if a and b else None, m.start(), m.end(), "range")
    for m in RANGE_SHORT.finditer(text):
        y = int(m.group("y"))
        a = make_date(y, int(m.group("m1")), int(m.group("d1")))
        b = make_date(y, int(m.group("m2")), int(m.group("d2")))
        if a and b and a > b:
            a = make_date(y - 1, int(m.group("m1")), int(m.group("d1")))
        add(Period(a, b) if a and b else None, m.start(), m.end(), "range")
    for m in RANGE_TEXT.finditer(text):
        y = int(m.group("y"))
        m2 = MONTHS[m.group("m2").lower()]
        m1 = MONTHS[m.group("m1").lower()] if m.group("m1") else m2
        a, b = make_date(y, m1, int(m.group("d1"))), make_date(y, m2, int(m.group("d2")))
        if a and b and a > b:
            a = make_date(y - 1, m1, int(m.group("d1")))
        add(Period(a, b) if a and b else None, m.start(), m.end(), "range")
    # A whole date ("21. september 2026") is no month period: keep its span out of the month matches.
    singles = [(m.start(), m.end()) for m in ONE_DATE.finditer(text)]
    taken.extend(singles)
    for m in MONTH_RANGE.finditer(text):
        y = int(m.group("y"))
        m1, m2 = MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
        if m1 <= m2:
            add(Period(month_period(y, m1).start, month_period(y, m2).end), m.start(), m.end(), "month")
    for m in MONTH_YEAR.finditer(text):
        add(month_period(int(m.group("y")), MONTHS[m.group("m").lower()]), m.start(), m.end(), "month")
    for m in MONTH_SHORT_YEAR.finditer(text):  # "Oct-26"
        add(month_period(2000 + int(m.group("y")), MONTHS[m.group("m").lower()]), m.start(), m.end(), "month")
    for m in (*MONTH_NUMERIC.finditer(text), *MONTH_ISO.finditer(text)):  # "10/2026", "2026-10"
        add(month_period(int(m.group("y")), int(m.group("m"))), m.start(), m.end(), "month")
    return sorted(found, key=lambda f: f.start)


# Numbers: amounts and hours. A number followed by % is a rate, never an amount.
NUMBER = re.compile(
    r"(?<![\w.,/])(?:kr\.?\s*|DKK\s*)?[-−–]?\s?"
    r"(?P<n>\d{1,3}(?:,\d{3})+\.\d{2}|\d{1,3}(?:[. \u00a0]\d{3})+(?:,\d{1,2}|,-)?|\d+(?:[.,]\d{1,2})?(?:,-)?)"
    r"(?![\d])(?P<tail>\s*(?:%|pct\b|procent\b))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal
    start: int
    end: int
    text: str
    has_decimals: bool
    has_currency: bool
    negative: bool


def find_numbers(text: str) -> list[Number]:
    """Numbers in the text that are not rates (``12,5 %``), with their spans."""
    out = []
    for m in NUMBER.finditer(text):
        if m.group("tail"):
            continue
        raw, n = m.group(0), m.group("n")
        compact = re.sub(r"(?<=\d)[ \u00a0](?=\d{3})", "", n)  # "1 200,54": thousands apart by a space
        value = parse_number(raw[: m.start("n") - m.start()] + compact + raw[m.end("n") - m.start() :])
        if value is None:
            continue
        after = text[m.end() : m.end() + 6].lower()
        currency = bool(re.match(r"(?i)\s*(kr|dkk)", raw)) or bool(re.match(r"\s*(kr\b|kr\.|dkk|,-)", after))
        out.append(
            Number(
                value=value,
                start=m.start("n") if not raw.strip().startswith(("-", "−", "–")) else m.start(),
                end=m.end("n"),
                text=raw.strip(),
                has_decimals=bool(re.search(r",\d{1,2}$|,-$|\.\d{2}$", n)),
                has_currency=currency,
                negative=value < 0,
            )
        )
    return out


_BARE_MONTH = re.compile(r"\b(?:for|i|fra)\s+" + _MONTH.format(name="m") + r"(?:\s+måned)?\b(?!\.?\s*\d)", re.I)


def bare_month(text: str, reference: dt.date | None) -> Period | None:
    """``for oktober (måned)`` without a year: the latest such month not after `reference`
    (the email's date), since a workplace claims for a month that has passed."""
    if reference is None or not (m := _BARE_MONTH.search(text)):
        return None
    month = MONTHS[m.group("m").lower()]
    year = reference.year if month <= reference.month else reference.year - 1
    return month_period(year, month)


# A legal entity's name carries its form ("Albertslund Kommune", "Byggeservice ApS"); a workplace
# ("Plejecenter Blokken", "Biblioteket") does not. The CVR belongs to the legal entity.
LEGAL_FORM = re.compile(
    r"(?i)\b(kommune|region|a/s|aps|i/s|p/s|k/s|amba|a\.m\.b\.a\.|fond(en)?|forening(en)?|selvejende)\b|\bstyrelsen\b|ministeriet\b"
)
_NAME_PARTS = re.compile(r"\s[–—-]\s|\s/\s|,\s|\s*[()]\s*|\s[|·•]\s")


def legal_employer(name: str) -> str:
    """The part of a name that is the legal employer: "Albertslund Kommune – Plejecenter Blokken"
    and "Plejecenter Blokken (Albertslund Kommune)" are both Albertslund Kommune's; a name
    without a part of legal form is kept whole."""
    parts = [p.strip(" .:;") for p in _NAME_PARTS.split(name) if p and p.strip(" .:;")]
    legal = [p for p in parts if LEGAL_FORM.search(p) and len(p.split()) <= 6]
    return legal[0] if len(parts) > 1 and len(legal) == 1 else name
