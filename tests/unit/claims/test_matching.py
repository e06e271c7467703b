"""The placement registry chooses among the CVRs and names one document states, and supplies none."""

from __future__ import annotations

from types import MappingProxyType

from claims.matching import choose_by_registry
from tests.unit.claims.builders import CVR, claim, placement

BUREAU = "10000009"  # a payroll bureau's CVR: valid, and not the employer's
PAYSLIP = "attachment:lon.pdf"


def _stated(**alternatives: tuple[tuple[str, str], ...]) -> MappingProxyType[str, tuple[tuple[str, str], ...]]:
    return MappingProxyType({key.replace("_", "."): value for key, value in alternatives.items()})


def test_of_two_cvrs_on_a_payslip_the_placements_is_the_claims() -> None:
    read = claim(cvr=BUREAU, sources={"employer.cvr": f"{PAYSLIP}#p1@40,30,90,38"},
                 alternatives=_stated(employer_cvr=((CVR, f"{PAYSLIP}#p1@40,86,120,94"),)))  # fmt: skip
    chosen = choose_by_registry(read, [placement()])
    assert chosen.cvr == CVR and chosen.sources["employer.cvr"] == f"{PAYSLIP}#p1@40,86,120,94"
    assert chosen.alternatives["employer.cvr"] == ((BUREAU, f"{PAYSLIP}#p1@40,30,90,38"),)  # the other reading is kept


def test_a_body_that_names_another_employer_than_its_payslip_is_left_for_employer_mismatch() -> None:
    """The mail contradicts itself about who employs the person: a person looks (corpus case 15)."""
    read = claim(cvr=BUREAU, sources={"employer.cvr": "body"}, alternatives=_stated(employer_cvr=((CVR, f"{PAYSLIP}#p1"),)))
    assert choose_by_registry(read, [placement()]).cvr == BUREAU


def test_the_placements_cvr_when_chosen_already_stays() -> None:
    read = claim(sources={"employer.cvr": "body"}, alternatives=_stated(employer_cvr=((BUREAU, "body"),)))
    assert choose_by_registry(read, [placement()]) is read


def test_no_alternative_that_is_the_placements_leaves_the_cvr_as_read() -> None:
    read = claim(cvr=BUREAU, sources={"employer.cvr": "body"}, alternatives=_stated(employer_cvr=(("10000017", "body"),)))
    assert choose_by_registry(read, [placement()]).cvr == BUREAU


def test_the_registry_never_supplies_a_value_the_mail_lacks() -> None:
    assert choose_by_registry(claim(cvr=None), [placement()]).cvr is None
    assert choose_by_registry(claim(cvr=BUREAU), [placement()]).cvr == BUREAU


def test_without_a_placement_nothing_is_chosen() -> None:
    read = claim(cvr=BUREAU, sources={"employer.cvr": "body"}, alternatives=_stated(employer_cvr=((CVR, "body"),)))
    assert choose_by_registry(read, []).cvr == BUREAU


def test_a_workplace_named_as_employer_gives_way_to_the_legal_employer_the_same_text_names() -> None:
    read = claim(employer_name="Plejecenter Blokken", sources={"employer.name": "body"},
                 alternatives=_stated(employer_name=(("ALBERTSLUND KOMMUNE", "body"),)))  # fmt: skip
    assert choose_by_registry(read, [placement()]).employer_name == "ALBERTSLUND KOMMUNE"
