"""Without tesseract a scan is a clear problem, never a crash (CONTRACT.md: "Without the
Debian packages it still runs, and says what is missing"). The machine's answer is passed in
(`ocr_available=False`), so this runs the same with or without OCR installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parsers.claim import parse_message
from parsers.document import parse_document

EMAILS = Path(__file__).resolve().parents[2] / "fixtures" / "emails"


def problems(name: str, **options: Any) -> list[dict[str, str]]:
    raw = (EMAILS / f"{name}.eml").read_bytes()
    documents: list[dict[str, str]] = parse_document(parse_message(raw, **options))["problems"]
    return documents


def test_a_scanned_pdf_without_ocr_is_unreadable_and_says_tesseract_is_missing() -> None:
    found = problems("scanned-pdf-with-ocr-slips", ocr_available=False)
    unreadable = [p for p in found if p["code"] == "ATTACHMENT_UNREADABLE"]
    assert len(unreadable) == 1
    assert "Scan_20261102_0915.pdf" in unreadable[0]["detail"] and "tesseract" in unreadable[0]["detail"]


def test_a_payslip_photo_without_ocr_is_unreadable_and_says_tesseract_is_missing() -> None:
    found = problems("payslip-photo-jpeg", ocr_available=False)
    assert any(p["code"] == "ATTACHMENT_UNREADABLE" and "IMG_2041.jpg" in p["detail"] and "tesseract" in p["detail"] for p in found)


def test_scanned_pages_over_the_ocr_limit_are_named_not_read() -> None:
    found = problems("scanned-pdf-with-ocr-slips", ocr_available=True, max_ocr_pages=0)
    assert any(p["code"] == "ATTACHMENT_UNREADABLE" and "over the limit" in p["detail"] for p in found)


def test_a_text_pdf_needs_no_ocr() -> None:
    assert problems("visma-dataloen-payslip-current-column", ocr_available=False) == []
