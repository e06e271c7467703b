"""Reconciling a claim's readings with the arithmetic every Danish payslip and claim obeys.

A reader proposes; this module chooses. The identities hold whatever the payroll system or the
workplace's phrasing (../shared/PAYSLIPS.md, RULES.md §4):

- the claimed lines add up to the stated total (±1.00 kr, RULES.md's tolerance);
- salary + sick pay equal the payslip's gross pay, or the gross less AM-bidrag;
- AM-bidrag is 8 % of the AM basis, in whole kroner on payslips (±1.00 kr).

`choose_lines` picks, among the ways a body's itemisation can be read, the one that satisfies
the identities: a deduction written with a minus (``AM-bidrag -401,00``) is shown for
information and is no claimed line when the positive lines make up the total; a gross pay
written among the lines (``Bruttoløn 5.007,36``) is the salary when no salary line is named and the
lines then make up the total, or when the attached payslip's salary rows make it up. Which
identities hold is returned too: they are the evidence behind the chosen reading (the parse's confidence), and a failed one is for the rules
(`TOTAL_MISMATCH`, `AM_RATE`) to name, never a reason to guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from claims.model import Kind

TOLERANCE = Decimal("1.00")
AM_RATE = Decimal("0.08")
_PAY = (Kind.SALARY, Kind.SICK_PAY)

Line = tuple[Kind, Decimal, str]


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read the itemisation, with the identities it satisfies."""

    lines: tuple[Line, ...]
    why: str  # what was changed from the text as read, for the sources and the docs
    holds: tuple[str, ...]


def close(a: Decimal, b: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    return abs(a - b) <= tolerance


def sums_to(lines: Iterable[Line], total: Decimal | None) -> bool:
    return total is not None and close(sum((amount for _, amount, _ in lines), Decimal(0)), total)


def am_bidrag_of(basis: Decimal) -> Decimal:
    """8 % of the AM basis, in whole kroner as payslips show it."""
    return (basis * AM_RATE).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def identities(lines: Sequence[Line], total: Decimal | None, gross: Decimal | None,
               am_basis: Decimal | None, am_bidrag: Decimal | None) -> tuple[str, ...]:  # fmt: skip
    """The names of the identities that hold for these values (only those that can be checked)."""
    holds: list[str] = []
    if sums_to(lines, total):
        holds.append("lines=total")
    pay = sum((amount for kind, amount, _ in lines if kind in _PAY), Decimal(0))
    if gross is not None and pay and (close(pay, gross) or (am_bidrag is not None and close(pay, gross - am_bidrag))):
        holds.append("pay=gross")
    if am_basis is not None and am_bidrag is not None and close(am_bidrag_of(am_basis), am_bidrag):
        holds.append("am=8%")
    return tuple(holds)


def choose_lines(lines: Sequence[Line], total: Decimal | None, gross: tuple[Decimal, str] | None,
                 payslip_pay: Decimal | None = None) -> Reading:  # fmt: skip
    """The reading of a body's itemisation that the arithmetic supports (module docstring);
    `gross` is a gross pay written among the lines, with its label; `payslip_pay` the salary
    that the attached payslip itemises (its pay rows other than sick pay), if any.

    Candidates, fewest changes first; of those that make up the stated total, the closest wins. Without a
    total (or when none makes it up) a negative AM-bidrag is still left out, because AM-bidrag
    withheld from the pay is part of the gross pay and never a cost of its own to refund with a
    minus; other lines stay as written, for the rules to weigh."""
    as_read = tuple(lines)
    positive = tuple(line for line in as_read if line[1] >= 0)
    candidates = [Reading(as_read, "", ())]
    if positive != as_read:
        candidates.append(Reading(positive, "deductions shown for information", ()))
    without_am = tuple(line for line in positive if line[0] != Kind.AM_BIDRAG)
    if without_am != positive and without_am:  # "Heraf AM-bidrag 390,00": withheld from the pay, shown for information
        candidates.append(Reading(without_am, "AM-bidrag shown for information", ()))
    if gross is not None and gross[0] > 0 and not any(kind == Kind.SALARY for kind, _, _ in as_read):
        salary: Line = (Kind.SALARY, *gross)
        candidates.append(Reading((salary, *as_read), "gross pay as salary", ()))
        if positive != as_read:
            candidates.append(Reading((salary, *positive), "gross pay as salary, deductions shown for information", ()))
    fitting = [r for r in candidates if sums_to(r.lines, total)]
    if fitting and total is not None:  # the closest wins; a tie goes to the fewest changes
        best = min(fitting, key=lambda r: abs(sum((a for _, a, _ in r.lines), Decimal(0)) - total))
        return Reading(best.lines, best.why, ("lines=total",))
    withheld = tuple(line for line in as_read if not (line[0] == Kind.AM_BIDRAG and line[1] < 0))
    if gross is not None and payslip_pay is not None and close(gross[0], payslip_pay) and not any(k == Kind.SALARY for k, _, _ in as_read):
        # "Bruttoløn 4.581,90" and the payslip's own salary rows make up 4.581,90: the gross is the salary claimed
        return Reading(((Kind.SALARY, *gross), *withheld), "gross pay as salary (the payslip's salary rows make it up)", ("pay=gross",))
    if withheld != as_read:
        return Reading(withheld, "AM-bidrag withheld is no cost line", ())
    return candidates[0]
