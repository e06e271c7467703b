"""Answers in a thread (RULES.md §2): a workplace's answer to a `needs_information` reply
completes the waiting claim. The answer's values win, the waiting claim's fill the rest; claims
pair by CPR, then by period, then one to one when each side has a single claim."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from types import MappingProxyType

from claims.model import Claim
from ledger.store import WaitingClaim

_FIELDS = ("employee_name", "cpr", "employer_name", "cvr", "period_start", "period_end", "hours_worked", "hours_sick",
           "sick_first_day", "sick_last_day", "total", "payslip")  # fmt: skip


def pair_waiting(claims: Sequence[Claim], waiting: Sequence[WaitingClaim]) -> list[WaitingClaim | None]:
    """For each claim of the answer, the waiting claim it completes (or None)."""
    left = [w for w in waiting if w.claim is not None]
    out: list[WaitingClaim | None] = []
    for claim in claims:
        match = next((w for w in left if claim.cpr and w.claim and w.claim.cpr == claim.cpr), None)
        if match is None and claim.period_start is not None:
            match = next((w for w in left if w.claim and w.claim.period_start == claim.period_start and not claim.cpr), None)
        if match is None and len(claims) == 1 and len(left) == 1:
            match = left[0]
        if match is not None:
            left.remove(match)
        out.append(match)
    return out


def complete(answer: Claim, waiting: Claim) -> Claim:
    """The answer's values, with the waiting claim's where the answer states none."""
    changes: dict[str, object] = {}
    for name in _FIELDS:
        if getattr(answer, name) is None and getattr(waiting, name) is not None:
            changes[name] = getattr(waiting, name)
    if not answer.lines and waiting.lines:
        changes["lines"] = waiting.lines
    if changes:
        sources = dict(waiting.sources) | dict(answer.sources)
        confidence = dict(waiting.confidence) | dict(answer.confidence)
        changes["sources"] = MappingProxyType(sources)
        changes["confidence"] = MappingProxyType(confidence)
        changes["final"] = answer.final or waiting.final
    return dataclasses.replace(answer, **changes)  # type: ignore[arg-type]
