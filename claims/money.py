"""Money: the one door from text to `Decimal`, and rounding to øre.

Danish amounts come as ``1.234,56``, ``kr. 1.234,56``, ``1 234,50 kr.``, ``1234,56``, ``1.234,-``
and sometimes in the English form ``DKK 1234.50``. Floats never touch money (beancount's ``D()``
is the model): the text is normalised and handed to ``Decimal`` directly.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ORE = Decimal("0.01")
ZERO = Decimal("0.00")

# Currency words and the spaces payroll systems put between groups of digits.
_CURRENCY = re.compile(r"(?i)\b(?:dkk|kr)\b\.?|kroner")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (seen in pasted payslips)

_GROUPED_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.234 / 12.345.678: Danish thousands
_GROUPED_COMMA_DOT = re.compile(r"^\d{1,3}(,\d{3})+\.\d{1,2}$")  # 1,234.50: English thousands
_GROUPED_DOT_COMMA = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")  # 1.234,56
_PLAIN = re.compile(r"^\d+([.,]\d+)?$")
_DIGIT_SPACE_DIGIT = re.compile(r"\d[\s\u00a0\u202f\u2009]+\d")
_SPACE_GROUPED = re.compile(r"^[-+\u2212\u2013]?\s*\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+|,-)?\s*[-\u2212\u2013]?$")


def to_ore(value: Decimal) -> Decimal:
    """Round half-up to øre (RULES.md §4: each line is rounded once, at the end)."""
    return value.quantize(ORE, rounding=ROUND_HALF_UP)


def parse_number(text: str) -> Decimal | None:
    """A Danish-written number (amount, hours, rate) as an exact `Decimal`, or None.

    ``"1.234,56"`` -> 1234.56, ``"1.234,-"`` -> 1234, ``"34,5"`` -> 34.5, ``"DKK 1234.50"`` -> 1234.50,
    ``"-356,00"`` and ``"356,00-"`` -> -356.00. Anything that is not one number gives None.
    """
    s = _CURRENCY.sub(" ", text.strip()).strip()
    if _DIGIT_SPACE_DIGIT.search(s) and not _SPACE_GROUPED.match(s):
        return None  # "12 34" is two numbers; a space between digits only groups thousands
    s = _SPACES.sub("", s)
    if not s:
        return None
    negative = False
    if s[0] in _MINUS:
        negative, s = True, s[1:]
    elif s[0] == "+":
        s = s[1:]
    if s.endswith((",-", ".-", ",–", ".–")):
        s = s[:-2]
    elif s and s[-1] in _MINUS and len(s) > 1 and s[-2].isdigit():  # "356,00-" (a deduction)
        negative, s = True, s[:-1]
    digits = _normalise(s)
    if digits is None:
        return None
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return -value if negative else value


def _normalise(s: str) -> str | None:
    if _GROUPED_DOT_COMMA.match(s):
        return s.replace(".", "").replace(",", ".")
    if _GROUPED_COMMA_DOT.match(s):
        return s.replace(",", "")
    if _GROUPED_DOT.match(s) and not re.match(r"^\d{1,3}\.\d{3}$", s):
        return s.replace(".", "")
    if re.match(r"^\d{1,3}\.\d{3}$", s):
        # "1.234" is a Danish thousand; an English decimal would rarely have three places.
        return s.replace(".", "")
    if _PLAIN.match(s):
        return s.replace(",", ".")
    return None


def parse_amount(text: str) -> Decimal | None:
    """A money amount in kroner, rounded half-up to øre, or None when the text is no amount."""
    value = parse_number(text)
    return None if value is None else to_ore(value)


def format_amount(value: Decimal) -> str:
    """The contract's form: a dot and two decimals (``"1234.50"``), never a float."""
    return f"{to_ore(value):.2f}"


def format_danish(value: Decimal) -> str:
    """``1.234,56 kr.``: how a Danish reader expects an amount in a letter."""
    text = f"{to_ore(value):,.2f}"  # "1,234.56"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") + " kr."
