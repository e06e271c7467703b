"""CPR numbers: compacting, the date rule, modulus 11 and masking (claims/cpr.py)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from claims.cpr import birth_date, compact, has_valid_date, mask, mask_in_text, passes_mod11

cprs = st.from_regex(r"\A[0-9]{10}\Z")


@given(cpr=cprs)
def test_a_cpr_number_written_with_or_without_a_dash_or_space_compacts_to_its_ten_digits(cpr: str) -> None:
    for text in (cpr, f"{cpr[:6]}-{cpr[6:]}", f"{cpr[:6]} {cpr[6:]}", f"{cpr[:6]}\u2013{cpr[6:]}", f" {cpr[:6]}-{cpr[6:]} "):
        assert compact(text) == cpr


@given(cpr=cprs)
def test_the_mask_keeps_the_birth_date_and_hides_the_rest(cpr: str) -> None:
    assert mask(cpr) == f"{cpr[:6]}-xxxx"
    assert mask(f"{cpr[:6]}-{cpr[6:]}") == f"{cpr[:6]}-xxxx"


def test_a_missing_cpr_masks_to_none_and_a_malformed_one_hides_everything() -> None:
    assert mask(None) is None
    assert mask("12345") == "xxxxxx-xxxx"


@given(cpr=cprs, before=st.sampled_from(["CPR ", "cpr-nr.: ", "(", "Personnummer\t"]), after=st.sampled_from(["", ".", ")", " og"]))
def test_no_cpr_number_survives_masking_in_text(cpr: str, before: str, after: str) -> None:
    for written in (cpr, f"{cpr[:6]}-{cpr[6:]}"):
        masked = mask_in_text(f"Refusion for Bo, {before}{written}{after} oktober")
        assert cpr[6:] not in masked.replace(cpr[:6], "")
        assert not re.search(r"\d{6}-?\d{4}", masked)


def test_the_date_rule_follows_the_seventh_digit_century_table() -> None:
    assert birth_date("0101901234") == dt.date(1990, 1, 1)
    assert birth_date("0101204000") == dt.date(2020, 1, 1)  # 7th digit 4, year 00-36: 2000s
    assert birth_date("0101504000") == dt.date(1950, 1, 1)  # 7th digit 4, year 37-99: 1900s
    assert birth_date("3102901234") is None
    assert has_valid_date("1203851037") and not has_valid_date("3213851037")


def test_a_future_birth_date_is_still_a_date_here() -> None:
    """stdnum's validate refuses dates after today; the CPR date rule is ours."""
    assert has_valid_date("0101355000")  # 7th digit 5, year 00-57: 2035


def test_modulus_11_is_checked_but_only_flags() -> None:
    assert passes_mod11("1203851037")
    assert not passes_mod11("1203851038")
    assert has_valid_date("1203851038")
