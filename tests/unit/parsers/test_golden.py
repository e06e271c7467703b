"""Golden emails: each fixture in tests/fixtures/emails shows one behaviour, and the parse
document must say what its hand-checked .expected.json says (keys left out are not checked).

Regenerate the fixtures with ``.venv/bin/python -m tests.fixtures.make_emails``.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parsers.claim import parse_message
from parsers.document import parse_document

EMAILS = Path(__file__).resolve().parents[2] / "fixtures" / "emails"
CASES = sorted(p.name.removesuffix(".expected.json") for p in EMAILS.glob("*.expected.json"))


def dig(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def lines_by_kind(lines: list[dict[str, Any]]) -> dict[str, str]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        sums[line["kind"]] += Decimal(line["amount"])
    return {kind: f"{amount:.2f}" for kind, amount in sums.items()}


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    out = []
    for key, want in expected.items():
        if key == "lines":
            got: Any = lines_by_kind(actual["lines"])
        elif key.startswith("sources."):
            got = actual["sources"].get(key.removeprefix("sources."))
            got = got.split("@", 1)[0] if isinstance(got, str) else got
        else:
            got = dig(actual, key)
        if got != want:
            out.append(f"{key}: expected {want!r}, got {got!r}")
    return out


def parse(name: str, expected: dict[str, Any]) -> dict[str, Any]:
    options = expected.get("options", {})
    parsed = parse_message((EMAILS / f"{name}.eml").read_bytes(), **options)
    return parse_document(parsed)


@pytest.mark.parametrize("name", CASES)
def test_golden_email_parses_to_its_expected_document(name: str) -> None:
    expected = json.loads((EMAILS / f"{name}.expected.json").read_text(encoding="utf-8"))
    if "ocr" in expected.get("needs", []) and shutil.which("tesseract") is None:
        pytest.skip("needs tesseract (apt-get install tesseract-ocr tesseract-ocr-dan)")
    document = parse(name, expected)
    problems = []
    for key, want in expected.get("message", {}).items():
        if document["message"][key] != want:
            problems.append(f"message.{key}: expected {want!r}, got {document['message'][key]!r}")
    codes = sorted(p["code"] for p in document["problems"])
    if codes != sorted(expected["problems"]):
        problems.append(f"problems: expected {sorted(expected['problems'])}, got {document['problems']}")
    for code, text in expected.get("problem_details", {}).items():
        if not any(p["code"] == code and text in (p["detail"] or "") for p in document["problems"]):
            problems.append(f"no {code} problem names {text!r}: {document['problems']}")
    if len(document["claims"]) != len(expected["claims"]):
        problems.append(f"{len(document['claims'])} claims, expected {len(expected['claims'])}")
    for index, (want, got) in enumerate(zip(expected["claims"], document["claims"], strict=False)):
        problems += [f"claim {index}: {d}" for d in differences(want, got)]
    assert not problems, "\n".join(problems)


def test_there_is_a_golden_email_for_every_behaviour_of_the_brief() -> None:
    assert len(CASES) >= 15
    for name in CASES:
        assert (EMAILS / f"{name}.eml").exists(), name
