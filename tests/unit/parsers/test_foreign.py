"""Mail and PDFs from other projects' test suites (../shared/foreign, MANIFEST.md): malformed
MIME, bounces, digests, encrypted, fuzzed and scanned PDFs. Each must end in a schema-valid
parse document, never an exception: a bad message is a problem, not a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from parsers.claim import parse_message
from parsers.document import parse_document

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("CLAIMS_SHARED", ROOT.parent / "shared"))
FOREIGN = SHARED / "foreign"
SCHEMA = SHARED / "schema" / "parse.schema.json"

pytestmark = pytest.mark.skipif(not (FOREIGN / "emails").is_dir() or not SCHEMA.exists(),
                                reason=f"the shared foreign test inputs are not at {FOREIGN} (CI has ../shared)")  # fmt: skip

# MANIFEST.md: these open only with a user password, are empty, or have no page at all
NEED_A_PASSWORD_OR_BROKEN = {
    "pdfplumber--password-example.pdf", "pdfminer--encryption_rc4-40.pdf", "pdfminer--encryption_aes-256-r6.pdf",
    "pypdf--encryption_r4-aes-user-password.pdf", "pdfplumber--empty.pdf", "pdfjs--GHOSTSCRIPT-698804-1-fuzzed.pdf",
}  # fmt: skip
EMAILS = sorted((FOREIGN / "emails").glob("*.eml")) if (FOREIGN / "emails").is_dir() else []
PDFS = sorted((FOREIGN / "pdfs").glob("*.pdf")) if (FOREIGN / "pdfs").is_dir() else []


@pytest.fixture(scope="module")
def validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))


def schema_errors(validator: Any, document: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.mark.parametrize("path", EMAILS, ids=lambda p: p.name)
def test_a_foreign_email_parses_to_a_schema_valid_document(path: Path, validator: Any) -> None:
    document = parse_document(parse_message(path.read_bytes(), max_ocr_pages=2))
    assert schema_errors(validator, document) == []


def claim_email_with(pdf: Path) -> bytes:
    msg = EmailMessage()
    msg["From"] = "lene.bach@albertslund.dk"
    msg["To"] = "jobcenter@albertslund.dk"
    msg["Subject"] = "Refusion oktober 2026"
    msg["Message-ID"] = f"<foreign-{pdf.stem}@fixtures.test>"
    msg.set_content("Hej\n\nHermed lønseddel for oktober 2026 til refusion.\n\nVenlig hilsen\nLene\n")
    msg.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name)
    return msg.as_bytes()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_a_foreign_pdf_attached_to_a_claim_parses_to_a_schema_valid_document(path: Path, validator: Any) -> None:
    document = parse_document(parse_message(claim_email_with(path), max_ocr_pages=2))
    assert schema_errors(validator, document) == []
    if path.name in NEED_A_PASSWORD_OR_BROKEN:
        assert any(p["code"] == "ATTACHMENT_UNREADABLE" and path.name in (p["detail"] or "") for p in document["problems"])


def test_claims_parse_json_prints_one_line_per_foreign_email_in_order() -> None:
    claims = Path(sys.executable).with_name("claims")
    if not claims.exists():
        pytest.skip(f"no claims command next to {sys.executable}: pip install -e .")
    result = subprocess.run([str(claims), "parse", "--json", *map(str, EMAILS)], capture_output=True, text=True, timeout=120,
                            check=False, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert len(lines) == len(EMAILS)
    for line in lines:
        document = json.loads(line)
        assert set(document) == {"message", "claims", "problems"}
