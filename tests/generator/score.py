"""A parse against the generated truth, field by field, as ../shared/eval/run.py scores it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from parsers.claim import parse_message
from parsers.document import parse_document
from tests.generator.case import Case


@dataclass(frozen=True)
class Miss:
    field: str
    want: object
    got: object

    @property
    def silent(self) -> bool:
        """Wrong, not missing: a value the pipeline would act on (missing values are asked for or reviewed)."""
        return self.got is not None


def _dig(obj: object, dotted: str) -> object:
    for part in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _same(want: object, got: object) -> bool:
    if isinstance(want, str) and isinstance(got, str):
        try:
            return Decimal(want) == Decimal(got)
        except ArithmeticError:
            return want.strip().casefold() == got.strip().casefold()
    return want == got


def _lines(lines: list[dict] | None) -> dict[str, str]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines or []:
        if line.get("amount") is not None:
            sums[line["kind"]] += Decimal(line["amount"])
    return {k: f"{v:.2f}" for k, v in sums.items()}


def score(case: Case) -> tuple[int, list[Miss]]:
    """(fields checked, the misses)."""
    doc = parse_document(parse_message(case.raw, use_ocr=False))
    claim = doc["claims"][0] if len(doc["claims"]) == 1 else None
    misses: list[Miss] = []
    checked = 0
    for key, want in case.truth.items():
        if key == "lines":
            got_lines = _lines(claim.get("lines")) if claim else {}
            for kind in set(want) | set(got_lines):  # type: ignore[arg-type]
                checked += 1
                if not _same(want.get(kind), got_lines.get(kind)):  # type: ignore[union-attr]
                    misses.append(Miss(f"lines.{kind}", want.get(kind), got_lines.get(kind)))  # type: ignore[union-attr]
            continue
        checked += 1
        got = _dig(claim, key) if claim else None
        if not _same(want, got):
            misses.append(Miss(key, want, got))
    if len(doc["claims"]) != 1:
        misses.append(Miss("claims", 1, len(doc["claims"]) or None))
    return checked, misses
