"""The review package's pure parts: its import directions, Danish formats, source boxes and
the finance CSV."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

from ledger.payments import ExportLine
from review import danish
from review.claim_page import parse_source
from review.payments import COLUMNS, to_csv
from review.ports import Box

REVIEW = Path(__file__).resolve().parents[3] / "review"


def test_review_imports_only_claims_and_ledger_of_the_project() -> None:
    forbidden = {"parsers", "mailroom", "app", "pdfplumber", "pypdfium2", "PIL"}
    for path in REVIEW.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{path.name} imports {name}"


def test_amounts_dates_and_periods_read_as_a_danish_reviewer_expects() -> None:
    assert danish.money(Decimal("15286.98")) == "15.286,98"
    assert danish.money(Decimal("-237.5")) == "-237,50"
    assert danish.money(None) == "–"
    assert danish.day(dt.date(2026, 11, 3)) == "03.11.2026"
    assert danish.period(dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == "1.–31. oktober 2026"
    assert danish.period(dt.date(2026, 8, 17), dt.date(2026, 9, 30)) == "17.08.2026–30.09.2026"


def test_a_source_gives_the_file_the_page_and_the_box_in_points() -> None:
    source = parse_source("attachment:Lønseddel #3.pdf#p2@61.2,140.5,118.9,150.1")
    assert source is not None and (source.how, source.filename, source.page) == ("attachment", "Lønseddel #3.pdf", 2)
    assert source.box == Box(61.2, 140.5, 118.9, 150.1)
    ocr = parse_source("ocr:scan.pdf#p1")
    assert ocr is not None and ocr.how == "ocr" and ocr.box is None
    assert parse_source("body") is not None and parse_source("body").how == "body"  # type: ignore[union-attr]
    assert parse_source(None) is None


def test_the_finance_csv_has_the_documented_columns_and_dot_decimals() -> None:
    line = ExportLine("JLT-2026-000005", "refund", None, "Biblioteket", "P-0001", dt.date(2026, 9, 1), dt.date(2026, 9, 30),
                      Decimal("7237.95"), "pool", "workplace:Biblioteket", "rules", dt.date(2026, 11, 20))
    text = to_csv([line], "20261120T101500Z")
    header, row = text.strip().split("\r\n")
    assert header == ",".join(COLUMNS)
    assert row == ("JLT-2026-000005,refund,,Biblioteket,P-0001,2026-09-01,2026-09-30,7237.95,pool,workplace:Biblioteket,"
                   "rules,2026-11-20,20261120T101500Z")
