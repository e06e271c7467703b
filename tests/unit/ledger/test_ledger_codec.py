"""The ledger's pure parts: JSON of claims and findings, and its import directions."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

from claims.findings import Finding, Severity
from claims.model import Claim, CostLine, Kind, PayslipFacts
from ledger import codec

LEDGER = Path(__file__).resolve().parents[3] / "ledger"


def test_a_claim_survives_the_json_column_unchanged() -> None:
    claim = Claim(
        employee_name="Søren Østergaard Nielsen",
        cpr="3004752499",
        cvr="29189919",
        period_start=dt.date(2026, 9, 1),
        period_end=dt.date(2026, 9, 30),
        hours_worked=Decimal("34.5"),
        hours_sick=Decimal("4.00"),
        sick_first_day=dt.date(2026, 9, 14),
        sick_last_day=dt.date(2026, 9, 16),
        final=True,
        lines=(CostLine(Kind.SALARY, Decimal("5007.36"), "Timeløn"), CostLine(Kind.ATP, Decimal("66.00"))),
        total=Decimal("5073.36"),
        payslip=PayslipFacts(gross=Decimal("5588.00"), am_bidrag=Decimal("447.00")),
        sources={"employee.cpr": "body"},
        confidence={"employee.cpr": 1.0},
    )
    assert codec.claim_from_json(codec.claim_to_json(claim)) == claim


def test_findings_and_decided_lines_keep_their_amounts_as_strings() -> None:
    finding = Finding("HOURS_OVER_CAP", Severity.PARTIALLY_APPROVED, "timer", Decimal("-1521.5"))
    assert codec.finding(finding) == {
        "code": "HOURS_OVER_CAP",
        "severity": "partially_approved",
        "text": "timer",
        "amount": "-1521.50",
    }
    assert codec.line(CostLine(Kind.ATP, Decimal("66"))) == {"kind": "atp", "label": None, "amount": "66.00"}


def test_the_ledger_imports_only_claims_never_parsers_mailroom_review_or_app() -> None:
    forbidden = {"parsers", "mailroom", "review", "app"}
    for path in LEDGER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path.name} imports {name}"
