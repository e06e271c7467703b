"""is_automatic: RFC 3834 and the out-of-office habits of Danish mail clients."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import compat32, default
from pathlib import Path

import pytest

from mailroom.replies import is_automatic

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "cases"
CLAIM = {"From": "Anne <anne@albertslund.dk>", "Subject": "Refusion oktober 2026 – Mette Hansen"}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Auto-Submitted", "auto-replied"),
        ("Auto-Submitted", "auto-generated; owner-email=x@y.dk"),
        ("Precedence", "bulk"),
        ("Precedence", "list"),
        ("Precedence", "junk"),
        ("List-Id", "<nyhedsbrev.albertslund.dk>"),
        ("List-Unsubscribe", "<mailto:afmeld@albertslund.dk>"),
        ("X-Autoreply", "yes"),
        ("X-Autorespond", "Vacation"),
        ("Return-Path", "<>"),
        ("From", "MAILER-DAEMON@mx.albertslund.dk"),
        ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="b"'),
    ],
)
def test_automatic_headers_mark_a_mail_as_automatic(name: str, value: str) -> None:
    assert is_automatic({**CLAIM, name: value})


@pytest.mark.parametrize(
    "subject",
    [
        "Autosvar: Refusion oktober",
        "Automatisk svar: SV: Refusion - Kasper Lykke Mørch",
        "Fraværende: Refusion",
        "Out of Office: claim",
        "SV: Autosvar: Refusion",
        "=?utf-8?q?Frav=C3=A6rende=3A_Refusion?=",
    ],
)
def test_out_of_office_subjects_are_automatic(subject: str) -> None:
    assert is_automatic({**CLAIM, "Subject": subject})


@pytest.mark.parametrize(
    "headers",
    [
        CLAIM,
        {**CLAIM, "Auto-Submitted": "no"},
        {**CLAIM, "Precedence": "first-class"},
        {**CLAIM, "Subject": "Refusion – fraværende medarbejder i oktober"},
        {**CLAIM, "X-Auto-Response-Suppress": "All"},  # Outlook puts it on ordinary mail
        {},
    ],
)
def test_a_person_writing_is_not_automatic(headers: dict[str, str]) -> None:
    assert not is_automatic(headers)


def test_headers_may_be_a_message_or_pairs() -> None:
    raw = b"From: a@b.dk\r\nSubject: Autosvar: ferie\r\n\r\nTak\r\n"
    assert is_automatic(message_from_bytes(raw, policy=default))
    assert is_automatic(message_from_bytes(raw, policy=compat32))
    assert is_automatic([("Precedence", "bulk")])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_the_corpus_out_of_office_and_newsletter_are_automatic_and_claims_are_not() -> None:
    verdicts = {
        case.name: is_automatic(message_from_bytes((case / "message.eml").read_bytes(), policy=default))
        for case in sorted(CORPUS.iterdir())
        if (case / "message.eml").is_file()
    }
    assert {name for name, automatic in verdicts.items() if automatic} == {
        "04-byc-out-of-office-in-thread",
        "40-newsletter",
    }
