"""Findings: bad data is a value, not an exception (beancount's `ops/validation.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Severity(StrEnum):
    """What a finding does to the outcome. `NOTE` is shown but changes nothing."""

    NOTE = "note"
    PARTIALLY_APPROVED = "partially_approved"
    MANUAL_REVIEW = "manual_review"
    NEEDS_INFORMATION = "needs_information"
    REJECTED = "rejected"


# RULES.md §4 Combining: rejected > needs_information > manual_review > partially_approved > approved.
SEVERITY_ORDER = (
    Severity.NOTE,
    Severity.PARTIALLY_APPROVED,
    Severity.MANUAL_REVIEW,
    Severity.NEEDS_INFORMATION,
    Severity.REJECTED,
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict: its RULES.md code, the cut (negative, øre) or None, and a Danish
    text a workplace understands."""

    code: str
    severity: Severity
    text: str
    amount: Decimal | None = None
