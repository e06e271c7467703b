"""Numbers and dates as payroll systems and people write them."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from tests.generator.truth import MONTHS_DA

FORMATS = ("danish", "danish_plain", "danish_space", "english")


def amount(value: Decimal, fmt: str, *, minus: str = "leading") -> str:
    negative = value < 0
    whole, frac = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}"
    text = {
        "danish": grouped.replace(",", ".") + "," + frac,
        "danish_plain": whole + "," + frac,
        "danish_space": grouped.replace(",", " ") + "," + frac,
        "english": grouped + "." + frac,
    }[fmt]
    if negative:
        return text + "-" if minus == "trailing" else "-" + text
    return text


def hours(value: Decimal, fmt: str) -> str:
    text = f"{value:.2f}"
    return text if fmt == "english" else text.replace(".", ",")


def period(start: dt.date, end: dt.date, rng: random.Random) -> tuple[str, str]:
    """(family, text) of a payslip's or a mail's period."""
    whole_month = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    family = rng.choice(["dotted", "dashed", "iso", "slash", "text_range"] + (["month_name"] if whole_month else []))
    text = {
        "dotted": f"{start:%d.%m.%Y} - {end:%d.%m.%Y}",
        "dashed": f"{start:%d-%m-%Y} til {end:%d-%m-%Y}",
        "iso": f"{start:%Y-%m-%d} – {end:%Y-%m-%d}",
        "slash": f"{start.day}/{start.month}-{end.day}/{end.month} {end.year}",
        "month_name": f"{MONTHS_DA[start.month - 1].capitalize()} {start.year}",
        "text_range": f"{start.day}. {MONTHS_DA[start.month - 1]} – {end.day}. {MONTHS_DA[end.month - 1]} {end.year}",
    }[family]
    return family, text


def cpr(value: str, rng: random.Random) -> str:
    return rng.choice([f"{value[:6]}-{value[6:]}", f"{value[:6]}-{value[6:]}", f"{value[:6]} {value[6:]}", value])


def cvr(value: str, rng: random.Random) -> str:
    return rng.choice([value, value, f"{value[:2]} {value[2:4]} {value[4:6]} {value[6:]}", f"DK{value}"])
