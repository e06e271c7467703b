"""A claim that obeys the arithmetic of a Danish payslip (../shared/PAYSLIPS.md, RULES.md)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from claims import cpr as cpr_numbers
from claims import cvr as cvr_numbers

FIRST = ["Mette", "Søren", "Aisha", "Jens", "Ida", "Mikkel", "Fatima", "Lars", "Anne-Marie", "Yusuf", "Sofie", "Bjørn", "Nadia",
         "Kristoffer", "Hanne", "Omar", "Line", "Ørjan", "Emil", "Zainab"]  # fmt: skip
MIDDLE = ["", "", "", "Kjær", "Østergaard", "Lund", "Holm", "Marie", "Ravn", "Bach"]
LAST = ["Hansen", "Nielsen", "Jensen", "Benali", "Demir", "Sørensen", "Mikkelsen", "Bøgh-Jensen", "Al-Hassan", "Thomsen", "Ærø",
        "Kristiansen", "Nguyen", "Madsen", "Lindqvist"]  # fmt: skip
WORKPLACES = ["Plejecenter Blokken", "Børnehuset Lærkereden", "Biblioteket", "Genbrugsværkstedet", "Vestbadet", "Hjemmeplejen Syd",
              "Naturcenter Herstedhøje", "Musikskolen", "Kulturtorvet", "Ejendomsservice"]  # fmt: skip
PRIVATE = ["Byggeservice Vest ApS", "Grøn Pleje A/S", "Kantinen Albertslund I/S", "Foreningen Kulturhuset", "Stadion Drift ApS"]
MUNICIPALITY = ("Albertslund Kommune", "29189919")
MONTHS_DA = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
ØRE = Decimal("0.01")


def øre(value: Decimal) -> Decimal:
    return value.quantize(ØRE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Truth:
    name: str
    cpr: str
    employer: str
    cvr: str
    workplace: str
    start: dt.date
    end: dt.date
    hours: Decimal
    rate: Decimal
    salary: Decimal
    atp: Decimal  # the employer's share
    atp_employee: Decimal
    holiday_pay: Decimal
    special: Decimal
    pension: Decimal  # the employer's share
    pension_employee: Decimal
    am_basis: Decimal
    am_bidrag: Decimal
    a_skat: Decimal
    months_so_far: int  # for the year-to-date column
    sick_hours: Decimal = Decimal("0.00")  # paid sickness within the month (RULES.md: the first 30 days are refunded)
    sick_pay: Decimal = Decimal("0.00")

    @property
    def gross(self) -> Decimal:
        return self.salary + self.sick_pay

    @property
    def lines(self) -> dict[str, Decimal]:
        out = {"salary": self.salary, "sick_pay": self.sick_pay, "atp": self.atp, "holiday_pay": self.holiday_pay,
               "special_holiday_allowance": self.special,
               "pension": self.pension}  # fmt: skip
        return {k: v for k, v in out.items() if v > 0}

    @property
    def total(self) -> Decimal:
        return sum(self.lines.values(), Decimal(0))

    @property
    def net(self) -> Decimal:
        return self.gross - self.atp_employee - self.pension_employee - self.am_bidrag - self.a_skat


def _cpr(rng: random.Random) -> str:
    while True:
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 44))
        serial = rng.randrange(0, 4000) if born.year < 2000 else rng.randrange(4000, 5000)
        cpr = born.strftime("%d%m%y") + f"{serial:04d}"
        if cpr_numbers.birth_date(cpr) == born and cpr_numbers.passes_mod11(cpr):
            return cpr


def _cvr(rng: random.Random) -> str:
    while True:
        cvr = str(rng.randrange(10_000_000, 99_999_999))
        if cvr_numbers.is_valid(cvr):
            return cvr


def draw(rng: random.Random) -> Truth:
    name = " ".join(p for p in (rng.choice(FIRST), rng.choice(MIDDLE), rng.choice(LAST)) if p)
    employer, cvr = MUNICIPALITY if rng.random() < 0.75 else (rng.choice(PRIVATE), _cvr(rng))
    month = rng.randrange(1, 13)
    start = dt.date(2026, month, 1)
    end = (dt.date(2026, month + 1, 1) if month < 12 else dt.date(2027, 1, 1)) - dt.timedelta(days=1)
    if rng.random() < 0.15:  # the placement began or ended within the month
        if rng.random() < 0.5:
            start = start.replace(day=rng.choice([4, 10, 15, 16]))
        else:
            end = end.replace(day=rng.choice([12, 15, 20]))
    hours = Decimal(rng.choice([rng.randrange(8, 44), rng.randrange(16, 88) / 2, rng.randrange(800, 4300) / 100]))
    hours = øre(hours)
    rate = øre(Decimal(rng.randrange(12000, 19000)) / 100)
    salary = øre(hours * rate)
    sick_hours = øre(Decimal(rng.choice(["3", "4", "7.5", "8", "10", "12.5"]))) if rng.random() < 0.2 else Decimal("0.00")
    sick_pay = øre(sick_hours * rate)
    gross = salary + sick_pay
    paid = hours + sick_hours
    atp, atp_employee = (Decimal("66.00"), Decimal("33.00")) if paid >= 39 else (Decimal("0.00"), Decimal("0.00"))
    holiday = øre(gross * Decimal("0.125"))
    special = øre(gross * Decimal("0.0195")) if rng.random() < 0.7 else Decimal("0.00")
    pension, pension_employee = (øre(gross * Decimal("0.08")), øre(gross * Decimal("0.04"))) if rng.random() < 0.3 else (
        Decimal("0.00"), Decimal("0.00"))  # fmt: skip
    basis = gross - atp_employee - pension_employee
    am = (basis * Decimal("0.08")).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    a_skat = øre((basis - am) * Decimal("0.37"))
    return Truth(name, _cpr(rng), employer, cvr, rng.choice(WORKPLACES), start, end, hours, rate, salary, atp, atp_employee, holiday,
                 special, pension, pension_employee, øre(basis), øre(am), a_skat, month, sick_hours, sick_pay)  # fmt: skip
