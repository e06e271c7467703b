"""`claims parse` as people and scripts call it (CONTRACT.md "Commands"): the real command in
a subprocess, on the golden emails."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
EMAILS = ROOT / "tests" / "fixtures" / "emails"
CLAIMS = Path(sys.executable).with_name("claims")

pytestmark = pytest.mark.skipif(not CLAIMS.exists(), reason=f"no claims command next to {sys.executable}: pip install -e .")


def claims_parse(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLAIMS), "parse", *map(str, args)], capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)


def test_json_prints_one_document_per_file_in_the_order_given() -> None:
    names = ["two-employees-one-mail", "final-settlement-fratraedelse", "newsletter-not-a-claim", "ambiguous-two-cvrs"]
    result = claims_parse("--json", *(EMAILS / f"{n}.eml" for n in names))
    assert result.returncode == 0, result.stderr
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["message"]["message_id"] for d in documents] == [
        "<golden-two-employees@fixtures.test>", "<golden-final@fixtures.test>", "<golden-newsletter@fixtures.test>",
        "<golden-two-cvrs@fixtures.test>",
    ]  # fmt: skip
    assert [c["employee"]["cpr"] for c in documents[0]["claims"]] == ["2506001148", "1711881111"]
    assert documents[1]["claims"][0]["final"] is True
    assert [p["code"] for p in documents[2]["problems"]] == ["NOT_A_CLAIM"]


def test_a_file_that_is_not_an_email_exits_2_and_the_others_are_still_printed(tmp_path: Path) -> None:
    not_mail = tmp_path / "lonseddel.pdf"
    not_mail.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    notes = tmp_path / "noter.txt"
    notes.write_text("Husk at sende refusion for oktober.\n")
    result = claims_parse("--json", EMAILS / "sick-spell-first-and-last-day.eml", not_mail, notes, EMAILS / "two-months-one-mail.eml")
    assert result.returncode == 2
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["message"]["message_id"] for d in documents] == ["<golden-sick@fixtures.test>", "<golden-two-months@fixtures.test>"]
    assert "lonseddel.pdf: is not an email" in result.stderr
    assert "noter.txt: is not an email" in result.stderr


def test_a_missing_file_exits_2_with_its_name(tmp_path: Path) -> None:
    result = claims_parse(tmp_path / "findes-ikke.eml", EMAILS / "sick-spell-first-and-last-day.eml")
    assert result.returncode == 2
    assert "findes-ikke.eml" in result.stderr
    assert "Anna Berg" in result.stdout


def test_an_email_with_problems_still_exits_0() -> None:
    result = claims_parse("--json", EMAILS / "corrupt-pdf-unreadable.eml", EMAILS / "word-doc-attachment-unreadable.eml")
    assert result.returncode == 0
    assert all(any(p["code"] == "ATTACHMENT_UNREADABLE" for p in json.loads(line)["problems"]) for line in result.stdout.splitlines())


def test_human_output_masks_every_cpr_number() -> None:
    result = claims_parse(EMAILS / "two-employees-one-mail.eml", EMAILS / "quoted-reply-old-figures-ignored.eml",
                          EMAILS / "rfc2047-subject-rfc2231-attachment-name-aeoeaa.eml")  # fmt: skip
    assert result.returncode == 0
    assert "250600-xxxx" in result.stdout and "171188-xxxx" in result.stdout and "120385-xxxx" in result.stdout
    assert not re.search(r"\d{6}-?\d{4}", result.stdout), result.stdout
    assert "Anna Berg" in result.stdout and "3.438,10 kr." in result.stdout


def test_human_output_masks_a_cpr_number_in_the_subject(tmp_path: Path) -> None:
    mail = tmp_path / "cpr-i-emnet.eml"
    mail.write_bytes(b"From: a@b.dk\r\nSubject: Refusion 1711881111 oktober\r\nMessage-ID: <x@y>\r\n\r\nLoen: 4.500,00\r\n")
    result = claims_parse(mail)
    assert result.returncode == 0
    assert "1711881111" not in result.stdout and "171188-xxxx" in result.stdout


def test_help_says_what_the_command_does_its_output_and_its_exit_codes() -> None:
    result = claims_parse("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for phrase in ("FILE.eml", "--json", "one line per file", "masked", "DDMMYY-xxxx", "Exit code", "0 when every file is an email",
                   "2 when a file is not readable as an email"):  # fmt: skip
        assert phrase in text, phrase
