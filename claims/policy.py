"""The scheme's numbers as one frozen value (RULES.md §1 and §4; CONTRACT.md "Configuration").

The core never reads the environment: `app` builds a `Policy` from its settings with
`Policy.configured(...)` and, when `CLAIMS_RATES_FILE` is set, hands the file's text to
`with_rates_toml`. The rates shipped with the project live in `claims/data/rates.toml`, one
section per year, so a new year's ATP is data, not code (pdfplumber's `TableSettings` is the
model: one validated settings value passed in).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

RULES_VERSION = "2026.1"


class RatesError(ValueError):
    """The rates file cannot be used (configuration error, raised when the policy is built)."""


@dataclass(frozen=True, slots=True)
class AtpBracket:
    """One ATP bracket: from `min_hours` paid hours in the month, the monthly amounts."""

    min_hours: Decimal
    total: Decimal
    employer: Decimal
    employee: Decimal


@dataclass(frozen=True, slots=True)
class AtpYear:
    """The ATP brackets of one year, highest `min_hours` first."""

    year: int
    brackets: tuple[AtpBracket, ...]

    def bracket_for(self, paid_hours: Decimal) -> AtpBracket:
        for bracket in self.brackets:
            if paid_hours >= bracket.min_hours:
                return bracket
        return self.brackets[-1]


def _decimal(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise RatesError(f"{where}: expected a number written as an integer or a string, got {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as err:
        raise RatesError(f"{where}: {value!r} is no number") from err


def _atp_year(year: str, section: Any) -> AtpYear:
    if not year.isdigit():
        raise RatesError(f"atp.{year}: the section name must be a year")
    raw = section.get("brackets") if isinstance(section, dict) else None
    if not isinstance(raw, list) or not raw:
        raise RatesError(f"atp.{year}: needs a non-empty `brackets` list")
    brackets: list[AtpBracket] = []
    for i, item in enumerate(raw):
        where = f"atp.{year}.brackets[{i}]"
        if not isinstance(item, dict):
            raise RatesError(f"{where}: must be a table")
        try:
            brackets.append(
                AtpBracket(
                    min_hours=_decimal(item["min_hours"], where),
                    total=_decimal(item["total"], where),
                    employer=_decimal(item["employer"], where),
                    employee=_decimal(item["employee"], where),
                )
            )
        except KeyError as err:
            raise RatesError(f"{where}: missing {err.args[0]!r}") from err
    brackets.sort(key=lambda b: b.min_hours, reverse=True)
    if brackets[-1].min_hours != 0:
        raise RatesError(f"atp.{year}: the lowest bracket must start at 0 hours")
    return AtpYear(int(year), tuple(brackets))


def load_rates(text: str | bytes) -> tuple[AtpYear, ...]:
    """Parses a rates file (TOML) into the ATP years, oldest first. Pure: text in, values out.

    Floats never touch money: amounts are strings or integers in the file, and any TOML float
    is read as a `Decimal`.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise RatesError("the rates file is not UTF-8") from err
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as err:
        raise RatesError(f"the rates file is not valid TOML: {err}") from err
    atp = data.get("atp")
    if not isinstance(atp, dict) or not atp:
        raise RatesError("the rates file needs at least one [atp.YEAR] section")
    return tuple(
        sorted((_atp_year(str(year), section) for year, section in atp.items()), key=lambda y: y.year)
    )


@lru_cache(maxsize=1)
def default_rates() -> tuple[AtpYear, ...]:
    """The rates shipped with the project (`claims/data/rates.toml`, package data)."""
    return load_rates(resources.files("claims.data").joinpath("rates.toml").read_text(encoding="utf-8"))


def _range(value: str | tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    if isinstance(value, tuple):
        return value
    low, sep, high = value.partition("-")
    if not sep:
        raise ValueError(f"an hourly rate range looks like 100-400, not {value!r}")
    return Decimal(low.strip()), Decimal(high.strip())


@dataclass(frozen=True, slots=True)
class Policy:
    """The numbers the rules apply. Defaults are the contract's defaults."""

    pool_hours: Decimal = Decimal("100")
    max_weekly_hours: Decimal = Decimal("10")
    max_months: int = 12
    four_eyes_above: Decimal = Decimal("15000")
    hourly_rate_min: Decimal = Decimal("100")
    hourly_rate_max: Decimal = Decimal("400")
    late_months: int = 3
    final_settlement_months: int = 3
    # RULES.md §4: "Tolerances below are per line"; payslips show AM-bidrag in whole kroner.
    amount_tolerance: Decimal = Decimal("1.00")
    am_rate: Decimal = Decimal("0.08")
    # 12.5 % feriegodtgørelse + 2.5 % for the 6th holiday week.
    holiday_rate_max: Decimal = Decimal("0.15")
    # KL: 1.95 % for most groups, up to 2.45 %.
    special_holiday_rate_max: Decimal = Decimal("0.0245")
    pension_rate_max: Decimal = Decimal("0.20")
    rules_version: str = RULES_VERSION
    atp_years: tuple[AtpYear, ...] = field(default_factory=default_rates)

    @classmethod
    def configured(
        cls,
        *,
        pool_hours: Decimal | int = Decimal("100"),
        max_weekly_hours: Decimal | int = Decimal("10"),
        max_months: int = 12,
        four_eyes_above: Decimal | int = Decimal("15000"),
        hourly_rate_range: str | tuple[Decimal, Decimal] = "100-400",
        late_months: int = 3,
        final_settlement_months: int = 3,
        rates_toml: str | bytes | None = None,
    ) -> Policy:
        """A policy from the settings' values (`CLAIMS_*`); `rates_toml` is the text of
        `CLAIMS_RATES_FILE` when set, else the shipped rates are used."""
        low, high = _range(hourly_rate_range)
        policy = cls(
            pool_hours=Decimal(pool_hours),
            max_weekly_hours=Decimal(max_weekly_hours),
            max_months=max_months,
            four_eyes_above=Decimal(four_eyes_above),
            hourly_rate_min=low,
            hourly_rate_max=high,
            late_months=late_months,
            final_settlement_months=final_settlement_months,
        )
        return policy if rates_toml is None else policy.with_rates_toml(rates_toml)

    def with_rates_toml(self, text: str | bytes) -> Policy:
        """The same policy with the rates of another file (`CLAIMS_RATES_FILE`)."""
        return replace(self, atp_years=load_rates(text))

    def atp_year(self, year: int) -> AtpYear:
        """The rates of `year`: that year's section, else the latest before it, else the earliest."""
        known = [y for y in self.atp_years if y.year <= year]
        return known[-1] if known else self.atp_years[0]

    def atp_employer_share(self, paid_hours: Decimal, year: int) -> Decimal:
        """RULES.md `ATP_OVER_BRACKET`: the employer's monthly ATP for these paid hours."""
        return self.atp_year(year).bracket_for(paid_hours).employer
