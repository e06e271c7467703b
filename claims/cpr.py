"""CPR numbers (personnummer): validation and masking.

python-stdnum gives the modulus-11 checksum and the birth date with the century rule of the
7th digit (CPR-kontoret's table). Its `validate` reads the real clock and refuses future dates,
so the date rule here is our own call of `get_birth_date`.
"""

from __future__ import annotations

import datetime as dt
import re

from stdnum.dk import cpr as _stdnum_cpr
from stdnum.exceptions import ValidationError

_CPR = re.compile(r"^\d{10}$")


def compact(text: str) -> str | None:
    """Ten digits from ``DDMMYY-SSSS`` / ``DDMMYYSSSS`` (spaces allowed), else None."""
    digits = re.sub(r"[\s\-\u2013]", "", text)
    return digits if _CPR.match(digits) else None


def birth_date(cpr: str) -> dt.date | None:
    """The birth date the number encodes, or None when the first six digits are no date."""
    try:
        return _stdnum_cpr.get_birth_date(cpr)
    except (ValidationError, ValueError):
        return None


def has_valid_date(cpr: str) -> bool:
    """RULES.md `CPR_INVALID`: the first six digits must be a real date."""
    return bool(_CPR.match(cpr)) and birth_date(cpr) is not None


def passes_mod11(cpr: str) -> bool:
    """RULES.md `CPR_MOD11`: numbers issued since 2007 may fail it, so failing is only a flag."""
    return bool(_CPR.match(cpr)) and _stdnum_cpr.checksum(cpr) == 0


def mask(cpr: str | None) -> str | None:
    """``DDMMYY-xxxx``: the only form a CPR number may take outside the reviewers' screens."""
    if cpr is None:
        return None
    digits = compact(cpr)
    return f"{digits[:6]}-xxxx" if digits else "xxxxxx-xxxx"


_IN_TEXT = re.compile(r"(?<!\d)(\d{6})[\-\u2013 ]?(\d{4})(?!\d)")


def mask_in_text(text: str) -> str:
    """Masks every CPR-shaped number in free text (logs, exceptions, report lines)."""
    return _IN_TEXT.sub(lambda m: f"{m.group(1)}-xxxx", text)
