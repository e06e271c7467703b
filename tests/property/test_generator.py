"""The generator itself: its claims obey the arithmetic and its seeds are reproducible and varied."""

from __future__ import annotations

import random
from decimal import Decimal

from claims import cpr as cpr_numbers
from claims import cvr as cvr_numbers
from tests.generator.case import generate
from tests.generator.truth import draw


def test_every_drawn_claim_obeys_the_payslips_arithmetic() -> None:
    for seed in range(200):
        t = draw(random.Random(seed))
        assert abs(t.salary - t.hours * t.rate) <= Decimal("0.005")
        assert abs(t.sick_pay - t.sick_hours * t.rate) <= Decimal("0.005")
        assert t.am_bidrag == (t.am_basis * Decimal("0.08")).quantize(Decimal(1), rounding="ROUND_HALF_UP")
        assert t.am_basis == t.gross - t.atp_employee - t.pension_employee  # sick pay is AM-bidrag liable pay too
        assert t.total == sum(t.lines.values(), Decimal(0))
        assert (t.atp > 0) == (t.hours + t.sick_hours >= 39)  # ATP brackets count paid hours, sickness included
        assert cpr_numbers.has_valid_date(t.cpr) and cpr_numbers.passes_mod11(t.cpr) and cvr_numbers.is_valid(t.cvr)


def test_a_seed_gives_the_same_mail_and_different_seeds_vary_the_layout() -> None:
    assert all(generate(seed).raw == generate(seed).raw for seed in range(12))
    families = {tuple(sorted(generate(seed).families.items())) for seed in range(40)}
    assert len(families) == 40
    orders = {generate(seed).families["order"] for seed in range(80)}
    assert len(orders) >= 5
