"""The policy: the contract's defaults, settings values, and ATP rates per year from data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claims.policy import Policy, RatesError, default_rates, load_rates

RATES_2027 = """
[atp.2027]
brackets = [
  { min_hours = 117, total = "300.00", employer = "200.00", employee = "100.00" },
  { min_hours = 39, total = "102.00", employer = "68.00", employee = "34.00" },
  { min_hours = 0, total = "0.00", employer = "0.00", employee = "0.00" },
]
"""


def test_the_defaults_are_the_contracts() -> None:
    p = Policy()
    assert (p.pool_hours, p.max_weekly_hours, p.max_months) == (100, 10, 12)
    assert (p.four_eyes_above, p.hourly_rate_min, p.hourly_rate_max) == (15000, 100, 400)
    assert (p.late_months, p.final_settlement_months, p.amount_tolerance) == (3, 3, Decimal("1.00"))
    assert p.rules_version == "2026.1"


def test_the_shipped_rates_hold_the_a_sats_for_2024_to_2026() -> None:
    years = default_rates()
    assert [y.year for y in years] == [2024, 2025, 2026]
    assert all(y.brackets == years[0].brackets for y in years)


@pytest.mark.parametrize(
    ("hours", "share"),
    [
        ("117", "198.00"),
        ("116.99", "132.00"),
        ("78", "132.00"),
        ("77.5", "66.00"),
        ("39", "66.00"),
        ("38.99", "0.00"),
    ],
)
def test_the_atp_employer_share_follows_the_paid_hours_bracket(hours: str, share: str) -> None:
    assert Policy().atp_employer_share(Decimal(hours), 2026) == Decimal(share)


def test_a_year_without_a_section_uses_the_latest_before_it() -> None:
    assert Policy().atp_employer_share(Decimal("43"), 2031) == Decimal("66.00")
    assert Policy().atp_employer_share(Decimal("43"), 2019) == Decimal("66.00")


def test_another_rates_file_replaces_the_shipped_rates() -> None:
    p = Policy().with_rates_toml(RATES_2027.encode())
    assert p.atp_employer_share(Decimal("43"), 2027) == Decimal("68.00")
    assert Policy().atp_employer_share(Decimal("43"), 2027) == Decimal("66.00")


def test_a_policy_is_built_from_the_settings_values() -> None:
    p = Policy.configured(
        pool_hours=Decimal("120"),
        max_weekly_hours=Decimal("8"),
        max_months=6,
        four_eyes_above=Decimal("20000"),
        hourly_rate_range="90-450",
        late_months=4,
        final_settlement_months=2,
        rates_toml=RATES_2027,
    )
    assert (p.pool_hours, p.max_weekly_hours, p.max_months, p.four_eyes_above) == (120, 8, 6, 20000)
    assert (p.hourly_rate_min, p.hourly_rate_max, p.late_months, p.final_settlement_months) == (90, 450, 4, 2)
    assert [y.year for y in p.atp_years] == [2027]


@pytest.mark.parametrize(
    "text",
    [
        "not toml [",
        "[other]\nx = 1",
        "[atp.2026]\nbrackets = []",
        '[atp.2026]\nbrackets = [{ min_hours = 39, total = "99", employer = "66", employee = "33" }]',
        '[atp.2026]\nbrackets = [{ min_hours = 0, total = "x", employer = "0", employee = "0" }]',
        '[atp.2026]\nbrackets = [{ min_hours = 0, total = "0" }]',
    ],
)
def test_an_unusable_rates_file_is_a_configuration_error(text: str) -> None:
    with pytest.raises(RatesError):
        load_rates(text)


def test_floats_in_a_rates_file_become_exact_decimals() -> None:
    years = load_rates(
        "[atp.2026]\nbrackets = [{ min_hours = 0, total = 0.1, employer = 0.1, employee = 0.0 }]"
    )
    assert years[0].brackets[0].employer == Decimal("0.1")
