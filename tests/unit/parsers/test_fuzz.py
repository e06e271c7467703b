"""A seeded mutator over the golden emails and their payslip PDFs: whatever the damage, a mail
is parsed to claims and problems and never raises (issue 8). Bounded: 1,000 mutants, a few seconds
to a minute on two cores."""

from __future__ import annotations

import email
import email.policy
import random
from pathlib import Path

import pytest

from claims.model import ParsedMessage
from parsers.claim import parse_message

EMAILS = sorted((Path(__file__).parents[2] / "fixtures" / "emails").glob("*.eml"))
MUTANTS = 1000


def _flip(data: bytearray, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)


def _truncate(data: bytearray, rng: random.Random) -> None:
    del data[rng.randrange(1, len(data)) :]


def _duplicate(data: bytearray, rng: random.Random) -> None:
    start = rng.randrange(len(data))
    data[start:start] = data[start : start + rng.randint(1, 4000)] * rng.randint(1, 5)


def _boundaries(data: bytearray, rng: random.Random) -> None:
    text = bytes(data).replace(b"boundary=", b"boundary=" + bytes([rng.choice(b"x-=\"")]), rng.randint(1, 3))
    data[:] = text


def _damaged_pdf(raw: bytes, rng: random.Random) -> bytes:
    """The mail with its first PDF attachment's bytes damaged, re-encoded as a valid MIME part:
    so the PDF reader sees the damage, not only the MIME parser."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_type() == "application/pdf":
            pdf = bytearray(part.get_payload(decode=True) or b"%PDF-1.4")
            rng.choice((_flip, _truncate, _duplicate))(pdf, rng)
            part.set_content(bytes(pdf), maintype="application", subtype="pdf", filename=part.get_filename() or "x.pdf")
            return msg.as_bytes()
    return raw


def _mutant(seed: int) -> bytes:
    rng = random.Random(seed)
    raw = EMAILS[rng.randrange(len(EMAILS))].read_bytes()
    if rng.random() < 0.3 and b"application/pdf" in raw:
        return _damaged_pdf(raw, rng)
    data = bytearray(raw)
    for _ in range(rng.randint(1, 3)):
        rng.choice((_flip, _truncate, _duplicate, _boundaries))(data, rng)
    return bytes(data)


@pytest.mark.skipif(not EMAILS, reason="no golden emails in tests/fixtures/emails")
@pytest.mark.parametrize("block", range(10))
def test_a_damaged_mail_or_payslip_is_parsed_to_claims_and_problems_and_never_raises(block: int) -> None:
    for seed in range(block * MUTANTS // 10, (block + 1) * MUTANTS // 10):
        parsed = parse_message(_mutant(seed))  # an exception fails the test with its seed in the traceback
        assert isinstance(parsed, ParsedMessage), seed
        assert all(p.code for p in parsed.problems), seed
