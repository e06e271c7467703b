"""The placement registry chooses among the values a mail states; it never supplies one.

A document may state two CVR numbers or two employer names: a payroll bureau's beside the
employer's, a workplace's beside its legal employer's. The parse chooses one by where it stands
(parsers/claim.py) and keeps the others as the claim's `alternatives`. When the chosen one is not
the placement's and exactly one other in the same document is, that one is the claim's: the
document says it, and the Jobcenter's own registry says which it is.

Only within one document (the body, or one payslip): when the body names one employer and the
payslip another, the mail contradicts itself about who employs the person, and a person looks
(`EMPLOYER_MISMATCH`, the shared corpus's case 15). A value the mail lacks stays missing (RULES.md
asks for it), and a CVR no alternative matches stays as read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from types import MappingProxyType

from claims import cvr as cvrmod
from claims.model import Claim, Placement, PlacementVersion


def _name(text: str) -> str:
    return " ".join(text.casefold().split())


def _document(source: str) -> str:
    """``attachment:lon.pdf#p1@40,43,140,52`` is read from ``attachment:lon.pdf``; ``body`` from the body."""
    return source.split("#", 1)[0]


def _cvr(text: str) -> str:
    return cvrmod.compact(text) or text


# field of the claim, its key in `sources`, how a value compares, what the registry holds
_CHOOSABLE: tuple[tuple[str, str, Callable[[str], str], Callable[[PlacementVersion], str]], ...] = (
    ("cvr", "employer.cvr", _cvr, lambda v: v.cvr),
    ("employer_name", "employer.name", _name, lambda v: v.employer_name),
)


def choose_by_registry(claim: Claim, placements: Sequence[Placement]) -> Claim:
    """The claim with, for each identity the registry knows, the stated value that is the placement's."""
    versions = [version for placement in placements for version in placement.versions]
    if not versions or not claim.alternatives:
        return claim
    changes: dict[str, object] = {}
    sources, alternatives = dict(claim.sources), dict(claim.alternatives)
    for attribute, key, same, known in _CHOOSABLE:
        registry = {same(known(v)) for v in versions}
        chosen = getattr(claim, attribute)
        if chosen is not None and same(chosen) in registry:
            continue
        document = _document(sources.get(key, "body"))
        matching = [(value, source) for value, source in alternatives.get(key, ())
                    if same(value) in registry and _document(source) == document]  # fmt: skip
        if len(matching) != 1:
            continue  # none, or two that both are: the mail does not tell which
        value, source = matching[0]
        changes[attribute] = value
        rest = tuple(a for a in alternatives[key] if a != matching[0])
        if chosen is not None:
            rest = ((chosen, sources.get(key, "body")), *rest)
        alternatives[key] = rest
        sources[key] = source
    if not changes:
        return claim
    return dataclasses.replace(
        claim, **changes, sources=MappingProxyType(sources), alternatives=MappingProxyType(alternatives)
    )  # type: ignore[arg-type]
