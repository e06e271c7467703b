"""The Danish replies: golden files per outcome, privacy (RULES.md §6) and threading."""

from __future__ import annotations

import dataclasses
import os
import re
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from claims.findings import Finding, Severity
from claims.model import Outcome
from mailroom.replies import RenderedReply, ReplyFinding, ReplyKind, render_reply
from tests.unit.mailroom.reply_cases import CASES, CPR, EMPLOYEE, FROM, NOW, claim

GOLDEN = Path(__file__).resolve().parents[2] / "fixtures" / "replies"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
FULL_CPR = re.compile(r"(?<!\d)\d{6}[-\u2013 ]?\d{4}(?!\d)")
SHOWN_HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "Auto-Submitted")


def render(name: str) -> RenderedReply:
    reply, reminder = CASES[name]
    return render_reply(reply, now=NOW, from_address=FROM, reminder=reminder)


def parsed(rendered: RenderedReply) -> EmailMessage:
    msg = message_from_bytes(rendered.raw, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


def bodies(msg: EmailMessage) -> tuple[str, str]:
    text, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content().replace("\r\n", "\n"), html.get_content().replace("\r\n", "\n")


def everything(rendered: RenderedReply) -> str:
    """Every header and both bodies, decoded as a mail client shows them."""
    msg = parsed(rendered)
    headers = "\n".join(f"{k}: {v}" for k, v in msg.items())
    return "\n".join((headers, *bodies(msg)))


def check_golden(path: Path, actual: str) -> None:
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path.name} (UPDATE_GOLDEN=1 rewrites)"


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_reply_matches_its_golden_files(name: str) -> None:
    msg = parsed(render(name))
    text, html = bodies(msg)
    head = "".join(f"{h}: {msg[h]}\n" for h in SHOWN_HEADERS if msg[h] is not None)
    check_golden(GOLDEN / f"{name}.txt", head + "\n" + text)
    check_golden(GOLDEN / f"{name}.html", html)


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_reply_holds_a_full_cpr_number_in_headers_or_bodies(name: str) -> None:
    rendered = render(name)
    shown = everything(rendered)
    assert FULL_CPR.search(shown) is None
    assert CPR not in rendered.raw.decode("ascii") and FULL_CPR.search(rendered.subject) is None


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_reply_is_multipart_alternative_with_text_and_html(name: str) -> None:
    msg = parsed(render(name))
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]


def test_claim_replies_show_the_cpr_only_as_ddmmyy_xxxx() -> None:
    for name in ("approved_clean_october", "partially_approved_am_bidrag_counted_twice", "reminder_for_missing_payslip"):
        text, html = bodies(parsed(render(name)))
        assert "010190-xxxx" in text and "010190-xxxx" in html


def test_reply_to_unauthorized_sender_holds_no_personal_data() -> None:
    rendered = render("sender_not_authorized_receipt_holds_no_personal_data")
    shown = everything(rendered)
    assert rendered.kind == ReplyKind.SENDER_NOT_AUTHORIZED
    for personal in (EMPLOYEE, "Mette", "Hansen", "010190", "Anne", "Thygesen", "september", "oktober", "kr."):
        assert personal not in shown, personal
    assert parsed(rendered)["Subject"] == "SV: Henvendelse modtaget [JLT-2026-000009]"


def test_unauthorized_sender_wins_over_every_outcome() -> None:
    finding = ReplyFinding("SENDER_NOT_AUTHORIZED", "x")
    for outcome in (Outcome.APPROVED, Outcome.NEEDS_INFORMATION, Outcome.REJECTED):
        assert render_reply(claim(11, outcome, finding), now=NOW, from_address=FROM).kind == "sender_not_authorized"


def test_reply_threads_to_the_original_and_keeps_its_references() -> None:
    msg = parsed(render("reminder_for_missing_payslip"))
    assert msg["In-Reply-To"] == "<case-10@bibliotek.albertslund.test>"
    assert msg["References"].split() == [
        "<case-00@bibliotek.albertslund.test>",
        "<case-10@bibliotek.albertslund.test>",
        "<reply-JLT-2026-000010@claims.albertslund.dk>",
    ]
    assert msg["Message-ID"] == "<reminder-JLT-2026-000010-20261120@claims.albertslund.dk>"


def test_subject_is_sv_original_and_reference_without_a_cpr_number() -> None:
    msg = parsed(render("needs_information_payslip_and_cvr_missing"))
    assert msg["Subject"] == f"SV: Refusion – {EMPLOYEE} cpr 010190-xxxx [JLT-2026-000006]"


def test_subject_does_not_stack_prefixes_or_repeat_the_reference() -> None:
    reply, _ = CASES["approved_clean_october"]
    answer = dataclasses.replace(reply.original, subject="SV: Re: SV: Refusion oktober [JLT-2026-000001]")
    rendered = render_reply(dataclasses.replace(reply, original=answer), now=NOW, from_address=FROM)
    assert rendered.subject == "SV: Refusion oktober [JLT-2026-000001]"


def test_message_id_is_deterministic_so_a_resend_is_the_same_mail() -> None:
    first, second = render("approved_clean_october"), render("approved_clean_october")
    assert first.raw == second.raw
    assert first.message_id == "<reply-JLT-2026-000001@claims.albertslund.dk>"


def test_replies_say_they_are_automatic_so_no_autoresponder_answers() -> None:
    msg = parsed(render("approved_clean_october"))
    assert msg["Auto-Submitted"] == "auto-replied" and msg["Date"] == "Fri, 20 Nov 2026 09:30:00 +0100"


def test_needs_information_lists_exactly_what_is_missing() -> None:
    text, _ = bodies(parsed(render("needs_information_payslip_and_cvr_missing")))
    asked = text.split("Send os venligst:")[1].split("Svar direkte")[0]
    assert [line for line in asked.splitlines() if line.startswith("- ")] == [
        "- arbejdsgiverens CVR-nummer",
        "- lønsedlen for perioden, som en PDF der kan åbnes uden adgangskode",
    ]


def test_sick_pay_after_day_30_is_cut_and_reply_points_to_nemrefusion() -> None:
    text, html = bodies(parsed(render("partially_approved_sick_after_day_30_points_to_nemrefusion")))
    assert "450,00 kr." in text and "6.950,00 kr." in text
    for body in (text, html):
        assert "sygedagpengerefusion" in body and "NemRefusion" in body and "virk.dk" in body


def test_findings_from_the_rules_render_through_reply_finding_of() -> None:
    finding = Finding("ATP_OVER_BRACKET", Severity.PARTIALLY_APPROVED, "ATP er sat ned til 66,00 kr.", None)
    reply = claim(12, Outcome.PARTIALLY_APPROVED, ReplyFinding.of(finding), approved="6000.00")
    text = render_reply(reply, now=NOW, from_address=FROM).text
    assert "ATP er højere end satsen" in text and "ATP er sat ned til 66,00 kr." in text


def test_a_finding_text_with_a_full_cpr_is_masked() -> None:
    reply = claim(13, Outcome.MANUAL_REVIEW, ReplyFinding("NAME_MISMATCH", f"Navnet for {CPR} er et andet."))
    rendered = render_reply(reply, now=NOW, from_address=FROM)
    assert "010190-xxxx" in rendered.text and CPR not in everything(rendered)


def test_now_without_a_timezone_is_refused() -> None:
    reply, _ = CASES["approved_clean_october"]
    with pytest.raises(ValueError):
        render_reply(reply, now=NOW.replace(tzinfo=None), from_address=FROM)


def test_a_reminder_is_only_for_a_claim_waiting_for_information() -> None:
    reply, _ = CASES["approved_clean_october"]
    with pytest.raises(ValueError):
        render_reply(reply, now=NOW, from_address=FROM, reminder=True)
