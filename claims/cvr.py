"""CVR numbers (the employer's company number): the modulus-11 check of python-stdnum
(weights 2,7,6,5,4,3,2,1; a leading 0 is refused), RULES.md `CVR_INVALID`."""

from __future__ import annotations

import re

from stdnum.dk import cvr as _stdnum_cvr

_CVR = re.compile(r"^\d{8}$")


def compact(text: str) -> str | None:
    """Eight digits from ``29189919`` or ``29 18 99 19``, else None."""
    digits = re.sub(r"[\s\-]", "", text)
    return digits if _CVR.match(digits) else None


def is_valid(cvr: str) -> bool:
    return bool(_CVR.match(cvr)) and bool(_stdnum_cvr.is_valid(cvr))
