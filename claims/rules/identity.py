"""Identity rules (RULES.md §4 Identity): who is employed, by whom, and who may claim.

Without a usable CPR (missing, masked, or not a date) the rules that need the placement do not
run (RULES.md "Which rules run"): they find nothing to look up and return no finding.
"""

from __future__ import annotations

import re
import unicodedata

from claims import cpr as cprmod
from claims import cvr as cvrmod
from claims.context import DecisionContext
from claims.findings import Finding, Severity
from claims.model import Claim, PlacementVersion
from claims.policy import Policy
from claims.rules.base import NONE, Rule, placement_of, usable_cpr

_MASKED = re.compile(r"[xX*]")


def cpr_missing_or_invalid(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`CPR_MISSING`: no CPR number found (a masked ``DDMMYY-xxxx`` is no number);
    `CPR_INVALID`: not ten digits, or the first six are not a real date. Both needs_information."""
    if claim.cpr is None or not claim.cpr.strip() or _MASKED.search(claim.cpr):
        return (
            Finding(
                "CPR_MISSING",
                Severity.NEEDS_INFORMATION,
                "Vi kan ikke se medarbejderens CPR-nummer. Send os venligst det fulde CPR-nummer.",
            ),
        )
    digits = cprmod.compact(claim.cpr)
    if digits is None or not cprmod.has_valid_date(digits):
        return (
            Finding(
                "CPR_INVALID",
                Severity.NEEDS_INFORMATION,
                "CPR-nummeret er ikke gyldigt (de første seks cifre er ikke en dato). "
                "Send os venligst det rigtige CPR-nummer.",
            ),
        )
    return NONE


def cpr_mod11(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`CPR_MOD11`: a valid date that fails modulus 11. Allowed since 2007, so only a flag for
    a person to check (manual_review)."""
    digits = usable_cpr(claim)
    if digits is None or cprmod.passes_mod11(digits):
        return NONE
    return (
        Finding(
            "CPR_MOD11",
            Severity.MANUAL_REVIEW,
            f"CPR-nummeret {cprmod.mask(digits)} har ikke et kontrolciffer efter modulus 11 "
            "(det er tilladt siden 2007); en sagsbehandler kontrollerer det.",
        ),
    )


def cvr_missing_or_invalid(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`CVR_MISSING` / `CVR_INVALID`: no CVR, or one that starts with 0 or fails the CVR
    modulus-11 check (weights 2,7,6,5,4,3,2,1). needs_information."""
    if claim.cvr is None or not claim.cvr.strip():
        return (
            Finding(
                "CVR_MISSING",
                Severity.NEEDS_INFORMATION,
                "Vi kan ikke se arbejdsgiverens CVR-nummer. Send os venligst CVR-nummeret.",
            ),
        )
    digits = cvrmod.compact(claim.cvr)
    if digits is None or not cvrmod.is_valid(digits):
        return (
            Finding(
                "CVR_INVALID",
                Severity.NEEDS_INFORMATION,
                f"CVR-nummeret {claim.cvr.strip()} er ikke gyldigt. Send os venligst det rigtige CVR-nummer.",
            ),
        )
    return NONE


def placement_not_found(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`PLACEMENT_NOT_FOUND`: no approved placement for this CPR. rejected."""
    digits = usable_cpr(claim)
    if digits is None or placement_of(claim, ctx) is not None:
        return NONE
    return (
        Finding(
            "PLACEMENT_NOT_FOUND",
            Severity.REJECTED,
            "Vi har ingen godkendt ansættelse i job på få lønnede timer for CPR-nummer "
            f"{cprmod.mask(digits)}, "
            "så der kan ikke udbetales refusion.",
        ),
    )


def _version_for_contact(claim: Claim, ctx: DecisionContext) -> PlacementVersion | None:
    """The placement version in force when the claim was made (the latest one known when the
    claim predates every version)."""
    placement = placement_of(claim, ctx)
    if placement is None:
        return None
    return placement.version_on(ctx.claimed_on) or placement.first


def employer_mismatch(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`EMPLOYER_MISMATCH`: the claim's CVR differs from the placement's employer. manual_review.
    A missing or invalid CVR is `CVR_MISSING`/`CVR_INVALID` instead (no second finding)."""
    version = _version_for_contact(claim, ctx)
    digits = cvrmod.compact(claim.cvr) if claim.cvr else None
    if version is None or digits is None or not cvrmod.is_valid(digits):
        return NONE
    if digits == cvrmod.compact(version.cvr):
        return NONE
    return (
        Finding(
            "EMPLOYER_MISMATCH",
            Severity.MANUAL_REVIEW,
            f"CVR-nummeret i kravet ({digits}) er ikke arbejdsgiverens i den godkendte ansættelse "
            f"({version.employer_name}, CVR {version.cvr}); en sagsbehandler ser på det.",
        ),
    )


def name_key(name: str) -> tuple[str, ...]:
    """The parts of a name for comparison: case folded, accents stripped by Unicode NFKD while
    æ, ø and å stay, split at spaces and hyphens."""
    out: list[str] = []
    for ch in name.casefold():
        if ch in "æøå":
            out.append(ch)
            continue
        out.extend(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    folded = "".join(out)
    return tuple(part.strip(".,") for part in re.split(r"[\s\-\u2010\u2013]+", folded) if part.strip(".,"))


def name_mismatch(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`NAME_MISMATCH`: the first given name or the last surname differs from the placement's
    (middle names are ignored). manual_review. A missing name is no finding."""
    version = _version_for_contact(claim, ctx)
    if version is None or not claim.employee_name:
        return NONE
    given, registered = name_key(claim.employee_name), name_key(version.employee_name)
    if not given or not registered:
        return NONE
    if given[0] == registered[0] and given[-1] == registered[-1]:
        return NONE
    return (
        Finding(
            "NAME_MISMATCH",
            Severity.MANUAL_REVIEW,
            f"Navnet i kravet ({claim.employee_name}) svarer ikke til navnet i den godkendte ansættelse "
            f"({version.employee_name}); en sagsbehandler kontrollerer det.",
        ),
    )


def sender_not_authorized(claim: Claim, ctx: DecisionContext, policy: Policy) -> tuple[Finding, ...]:
    """`SENDER_NOT_AUTHORIZED`: the sender is not one of the placement workplace's contacts
    (case-insensitive). manual_review; the text holds no personal data, because the reply goes
    to an address we do not know."""
    version = _version_for_contact(claim, ctx)
    if version is None:
        return NONE
    sender = (ctx.message.sender or "").strip().lower()
    if sender and sender in {c.strip().lower() for c in version.contact_emails}:
        return NONE
    return (
        Finding(
            "SENDER_NOT_AUTHORIZED",
            Severity.MANUAL_REVIEW,
            "Afsenderen er ikke registreret som kontaktperson for ansættelsen. "
            "Kravet behandles af en sagsbehandler.",
        ),
    )


RULES: tuple[Rule, ...] = (
    cpr_missing_or_invalid,
    cpr_mod11,
    cvr_missing_or_invalid,
    placement_not_found,
    employer_mismatch,
    name_mismatch,
    sender_not_authorized,
)
