"""Fixed reply inputs, one per behaviour, named after what they show (the golden files in
tests/fixtures/replies/ carry the same names)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from claims.model import MessageInfo, Outcome
from mailroom.replies import ReplyFinding, ReplyInput

CET = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=CET)
FROM = "jobcenter@albertslund.dk"
CPR = "0101901234"  # fictional; every reply must show it as 010190-xxxx
EMPLOYEE = "Mette Kjær Hansen"
OCTOBER = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def original(n: int, subject: str, *, references: tuple[str, ...] = ()) -> MessageInfo:
    return MessageInfo(
        message_id=f"<case-{n:02d}@bibliotek.albertslund.test>",
        sender="anne.thygesen@albertslund.dk",
        sender_name="Anne Thygesen",
        subject=subject,
        date=dt.datetime(2026, 11, 3, 8, 12, tzinfo=CET),
        references=references,
    )


def claim(n: int, outcome: Outcome, *findings: ReplyFinding, claimed: str = "6123.45",
          approved: str | None = None, subject: str | None = None) -> ReplyInput:
    return ReplyInput(
        reference=f"JLT-2026-{n:06d}",
        outcome=outcome,
        original=original(n, subject or f"Refusion oktober 2026 – {EMPLOYEE}"),
        period_start=OCTOBER[0],
        period_end=OCTOBER[1],
        employee_name=EMPLOYEE,
        cpr=CPR,
        claimed=Decimal(claimed),
        approved=Decimal(approved if approved is not None else "0.00"),
        findings=findings,
    )


CASES: dict[str, tuple[ReplyInput, bool]] = {
    "approved_clean_october": (claim(1, Outcome.APPROVED, approved="6123.45"), False),
    "approved_with_a_note_on_days_outside_the_employment": (
        claim(2, Outcome.APPROVED, ReplyFinding(
            "PERIOD_PARTLY_OUTSIDE", "Ansættelsen sluttede 16. oktober; timeloftet tæller kun dagene til og med den."),
            approved="6123.45"),
        False,
    ),
    "partially_approved_am_bidrag_counted_twice": (
        claim(3, Outcome.PARTIALLY_APPROVED, ReplyFinding(
            "AM_DOUBLE_COUNTED",
            "Lønnen på 5.588,00 kr. er bruttolønnen, som AM-bidraget allerede er en del af. "
            "Linjen med AM-bidrag er derfor trukket fra.", Decimal("-505.30")),
            approved="5618.15"),
        False,
    ),
    "partially_approved_sick_after_day_30_points_to_nemrefusion": (
        claim(4, Outcome.PARTIALLY_APPROVED, ReplyFinding(
            "SICK_OVER_30_DAYS",
            "Sygeforløbet begyndte 14. september, så 30. sygedag var 13. oktober. "
            "3 af 16 sygedage i oktober ligger efter den.", Decimal("-450.00")),
            claimed="7400.00", approved="6950.00"),
        False,
    ),
    "rejected_period_during_praktik": (
        claim(5, Outcome.REJECTED, ReplyFinding(
            "PERIOD_OUTSIDE_PLACEMENT",
            "Praktikken varer til 2. oktober, og i praktikken betales ingen løn.")),
        False,
    ),
    "needs_information_payslip_and_cvr_missing": (
        claim(6, Outcome.NEEDS_INFORMATION,
              ReplyFinding("CVR_MISSING", "Mailen nævner ikke arbejdsgiverens CVR-nummer."),
              ReplyFinding("PAYSLIP_MISSING", "Der var ingen lønseddel vedhæftet."),
              ReplyFinding("PERIOD_TOO_LONG", "Perioden 17. august – 30. september er længere end en måned. "
                           "Send én anmodning pr. måned."),
              subject=f"Refusion – {EMPLOYEE} cpr {CPR[:6]}-{CPR[6:]}"),
        False,
    ),
    "manual_review_above_four_eyes_threshold": (
        claim(7, Outcome.MANUAL_REVIEW, ReplyFinding(
            "FOUR_EYES", "Beløbet er over 15.000,00 kr. og skal godkendes af to medarbejdere."),
            claimed="16204.00"),
        False,
    ),
    "not_a_claim_receipt": (
        ReplyInput("JLT-2026-000008", Outcome.NOT_A_CLAIM,
                   original(8, "Spørgsmål om flere timer til Amira"), findings=(ReplyFinding("NOT_A_CLAIM"),)),
        False,
    ),
    "sender_not_authorized_receipt_holds_no_personal_data": (
        claim(9, Outcome.MANUAL_REVIEW, ReplyFinding(
            "SENDER_NOT_AUTHORIZED", f"Afsenderen er ikke kontakt for {EMPLOYEE} ({CPR})."),
            subject=f"Refusion september – {EMPLOYEE} {CPR}"),
        False,
    ),
    "reminder_for_missing_payslip": (
        ReplyInput(
            "JLT-2026-000010", Outcome.NEEDS_INFORMATION,
            original(10, "SV: Refusion oktober 2026", references=("<case-00@bibliotek.albertslund.test>",)),
            period_start=OCTOBER[0], period_end=OCTOBER[1], employee_name=EMPLOYEE, cpr=CPR,
            claimed=Decimal("6123.45"), approved=Decimal("0.00"),
            findings=(ReplyFinding("PAYSLIP_MISSING", "Der var ingen lønseddel vedhæftet."),),
        ),
        True,
    ),
}
