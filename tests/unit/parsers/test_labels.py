"""What a row's label means, across payroll systems (../shared/PAYSLIPS.md)."""

from __future__ import annotations

import pytest

from claims.model import Kind
from parsers.labels import Label, classify


@pytest.mark.parametrize(
    ("label", "meaning"),
    [
        ("Aftentillæg", Kind.SALARY), ("Weekendtillæg", Kind.SALARY), ("Timeløn", Kind.SALARY), ("Salary", Kind.SALARY),
        ("Feriegodtgørelse udbetalt 12,5 %", Kind.HOLIDAY_PAY), ("Ferietillæg", Kind.SPECIAL_HOLIDAY_ALLOWANCE),
        ("den særlige feriegodtgørelse", Kind.SPECIAL_HOLIDAY_ALLOWANCE), ("Særlig fg.", Kind.SPECIAL_HOLIDAY_ALLOWANCE),
        ("Brutto", Label.GROSS), ("Bruttoløn i alt", Label.GROSS), ("Udbetalt til NemKonto", Label.IGNORE),
        ("Pension i alt", Label.PENSION_TOTAL), ("heraf medarbejderandel", Label.IGNORE), ("ATP-bidrag af løn", Label.IGNORE),
        ("Timer", Label.PAID_HOURS), ("Timer i perioden", Label.PAID_HOURS), ("Hans timeløn er", Label.IGNORE),
        ("Gage", Kind.SALARY), ("Honorar", Kind.SALARY), ("Gross pay", Label.GROSS), ("ATP employee", Label.IGNORE),
        ("Pension employee share", Label.IGNORE), ("AM Indkomst", Label.AM_BASIS),
        ("Arbejdsmarkedsbidrag", Kind.AM_BIDRAG), ("Arbejdsmarkedsbidragsgrundlag", Label.AM_BASIS), ("AM contribution", Kind.AM_BIDRAG),
        ("Timer denne periode", Label.PAID_HOURS), ("Præsterede timer", Label.PAID_HOURS), ("Bruttoindkomst", Label.GROSS),
        ("Skattepligtig indkomst", Label.GROSS), ("Normaltid", Kind.SALARY), ("Samlede lønomkostninger", Label.TOTAL),
        ("Refusionsbeløb", Label.TOTAL),
    ],
)  # fmt: skip
def test_a_label_means_what_a_payroll_clerk_reads_in_it(label: str, meaning: Kind | Label) -> None:
    assert classify(label) == meaning
