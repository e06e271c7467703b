"""Hostile mail costs bounded work and ends in a problem, never in an exception (issue 8)."""

from __future__ import annotations

from parsers.claim import parse_message
from parsers.message import MAX_CONTAINERS, read_email


def _nested(depth: int) -> bytes:
    head = b"From: leder@albertslund.dk\r\nSubject: dyb\r\nMessage-ID: <dyb@test>\r\nMIME-Version: 1.0\r\n"
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth))
    closing = b"".join(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    return head + opening + b"Content-Type: text/plain\r\n\r\nCPR 010190-1234\r\n" + closing


def test_a_mail_nested_five_thousand_deep_keeps_its_headers_and_reports_what_was_not_read() -> None:
    mail = read_email(_nested(5000))
    assert mail.info.message_id == "<dyb@test>" and mail.info.sender == "leder@albertslund.dk"
    assert [p.code for p in mail.problems] == ["ATTACHMENT_UNREADABLE"]
    assert mail.text == "" and mail.attachments == ()


def test_a_deep_mail_is_no_claim_and_raises_nothing() -> None:
    parsed = parse_message(_nested(5000))
    assert parsed.claims == ()
    assert "ATTACHMENT_UNREADABLE" in {p.code for p in parsed.problems}


def test_a_mail_with_a_few_nested_parts_is_read_as_before() -> None:
    mail = read_email(_nested(5))
    assert MAX_CONTAINERS > 5
    assert "010190-1234" in mail.text and not mail.problems
