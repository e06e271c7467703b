"""RULES.md §4 Identity: CPR and CVR, the placement, the employer, the name and the sender."""

from __future__ import annotations

import datetime as dt

from claims.decide import decide
from claims.policy import Policy
from claims.rules.base import placement_of
from claims.rules.identity import (
    cpr_missing_or_invalid,
    cpr_mod11,
    cvr_missing_or_invalid,
    employer_mismatch,
    name_key,
    name_mismatch,
    placement_not_found,
    sender_not_authorized,
)

from ..builders import CPR, claim, codes, context, day, placement, version

POLICY = Policy()


def test_no_cpr_asks_for_it() -> None:
    assert codes(cpr_missing_or_invalid(claim(cpr=None), context(), POLICY)) == ["CPR_MISSING"]


def test_a_masked_cpr_is_no_cpr() -> None:
    assert codes(cpr_missing_or_invalid(claim(cpr="140391-xxxx"), context(), POLICY)) == ["CPR_MISSING"]


def test_31_april_is_no_date_so_the_cpr_is_invalid() -> None:
    assert codes(cpr_missing_or_invalid(claim(cpr="3104752499"), context(), POLICY)) == ["CPR_INVALID"]


def test_a_cpr_with_a_dash_is_the_same_number() -> None:
    assert cpr_missing_or_invalid(claim(cpr="140391-1166"), context(), POLICY) == ()
    assert placement_of(claim(cpr="140391-1166"), context()) is not None


def test_a_cpr_failing_modulus_11_is_only_flagged() -> None:
    found = cpr_mod11(claim(cpr="0101851264"), context(), POLICY)
    assert codes(found) == ["CPR_MOD11"]
    assert "0101851264" not in found[0].text and "010185-xxxx" in found[0].text


def test_cvr_missing_or_failing_its_check_asks_for_it() -> None:
    assert codes(cvr_missing_or_invalid(claim(cvr=None), context(), POLICY)) == ["CVR_MISSING"]
    assert codes(cvr_missing_or_invalid(claim(cvr="29189991"), context(), POLICY)) == ["CVR_INVALID"]
    assert codes(cvr_missing_or_invalid(claim(cvr="09189919"), context(), POLICY)) == ["CVR_INVALID"]


def test_without_a_usable_cpr_no_placement_rule_runs() -> None:
    decision = decide(claim(cpr="3104752499", cvr="11111111", employee_name="X Y"), context(), POLICY)
    assert "PLACEMENT_NOT_FOUND" not in decision.codes
    assert "NAME_MISMATCH" not in decision.codes
    assert decision.placement_id is None


def test_no_approved_placement_for_the_cpr_rejects_without_showing_the_full_cpr() -> None:
    found = placement_not_found(claim(cpr="1705900805"), context(), POLICY)
    assert codes(found) == ["PLACEMENT_NOT_FOUND"]
    assert "1705900805" not in found[0].text


def test_a_waitlisted_placement_is_not_approved() -> None:
    waiting = placement(version())
    waiting = type(waiting)(waiting.placement_id, waiting.versions, status="waitlisted")
    assert codes(placement_not_found(claim(), context(waiting), POLICY)) == ["PLACEMENT_NOT_FOUND"]


def test_with_two_placements_the_one_overlapping_the_period_is_chosen_else_the_latest() -> None:
    old = placement(version(start="2025-01-01", end="2025-12-31", placement_id="P-OLD"))
    new = placement(version(start="2026-03-01", end="2027-02-28", placement_id="P-NEW"))
    in_2025 = claim(period_start=day("2025-06-01"), period_end=day("2025-06-30"))
    assert placement_of(in_2025, context(old, new)) == old
    assert placement_of(claim(), context(new, old)) == new
    assert placement_of(claim(period_start=None), context(old, new)) == new


def test_another_employers_cvr_goes_to_review() -> None:
    assert codes(employer_mismatch(claim(cvr="33704569"), context(), POLICY)) == ["EMPLOYER_MISMATCH"]


def test_names_compare_first_given_and_last_surname_without_accents_but_keep_aeoeaa() -> None:
    assert name_key("Søren Østergaard-Nielsen") == ("søren", "østergaard", "nielsen")
    assert name_key("José Müller") == ("jose", "muller")
    assert name_key("Line Åberg") == ("line", "åberg")


def test_a_missing_middle_name_or_other_case_is_no_mismatch() -> None:
    for name in ("Mette Hansen", "METTE KJÆR HANSEN", "Mette Kjær-Hansen", "Mette  Hansen"):
        assert name_mismatch(claim(employee_name=name), context(), POLICY) == (), name


def test_another_surname_goes_to_review() -> None:
    assert codes(name_mismatch(claim(employee_name="Mette Thorsen"), context(), POLICY)) == ["NAME_MISMATCH"]


def test_aa_and_a_ring_are_different_letters() -> None:
    registered = placement(version(name="Line Åberg Jensen"))
    assert name_mismatch(claim(employee_name="Line Aberg Jensen"), context(registered), POLICY) == ()
    assert codes(name_mismatch(claim(employee_name="Line Åberg Jansen"), context(registered), POLICY)) == [
        "NAME_MISMATCH"
    ]


def test_a_missing_name_is_no_finding() -> None:
    assert name_mismatch(claim(employee_name=None), context(), POLICY) == ()


def test_the_sender_must_be_a_contact_of_the_placement_in_any_case() -> None:
    assert sender_not_authorized(claim(), context(sender="Lene.Bach@Albertslund.dk"), POLICY) == ()
    found = sender_not_authorized(claim(), context(sender="sofie.ravn@albertslund.dk"), POLICY)
    assert codes(found) == ["SENDER_NOT_AUTHORIZED"]
    assert CPR[:6] not in found[0].text and "Mette" not in found[0].text


def test_the_contacts_of_the_version_in_force_when_the_claim_was_sent_count() -> None:
    p = placement(
        version(contacts=("old@albertslund.dk",)),
        version(contacts=("new@albertslund.dk",), effective_from="2026-11-01"),
    )
    sent = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    assert sender_not_authorized(claim(), context(p, sender="new@albertslund.dk", sent=sent), POLICY) == ()
    assert codes(
        sender_not_authorized(claim(), context(p, sender="old@albertslund.dk", sent=sent), POLICY)
    ) == ["SENDER_NOT_AUTHORIZED"]
