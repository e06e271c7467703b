"""Claims of one email: payslips pair with what the text says, one claim per person and month."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from email.message import EmailMessage

from parsers.claim import parse_message
from tests.fixtures import payslip_docs as docs


def _september(page: docs.Page) -> list[docs.Text]:
    return [dataclasses.replace(t, text=t.text.replace("01.10.2026 - 31.10.2026", "01.09.2026 - 30.09.2026")) for t in page]


def _mail(body: str, *payslips: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Date"] = "leder@albertslund.dk", "Lønsedler", "Mon, 02 Nov 2026 10:00:00 +0100"
    msg.set_content(body)
    for n, data in enumerate(payslips):
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=f"lonseddel-{n}.pdf")
    return msg.as_bytes()


def test_two_payslips_of_one_person_for_two_months_are_two_claims_with_the_texts_cpr() -> None:
    october = docs.kmd_opus_one_page("Emil Berg", "010203-4015")
    raw = _mail("Hej\n\nHer er lønsedlerne for Emil Berg, cpr 010203-4015, til refusion.\n\nMvh\n",
                docs.pdf([_september(october)]), docs.pdf([october]))
    claims = parse_message(raw).claims
    assert [(c.cpr, c.period_start) for c in claims] == [
        ("0102034015", dt.date(2026, 9, 1)), ("0102034015", dt.date(2026, 10, 1))]  # fmt: skip
    assert all(c.lines for c in claims)


def test_the_same_payslip_attached_twice_is_one_claim() -> None:
    page = docs.kmd_opus_one_page("Emil Berg", "010203-4015")
    raw = _mail("Hej\n\nLønseddel til refusion.\n", docs.pdf([page]), docs.pdf([page]))
    assert len(parse_message(raw).claims) == 1


def test_one_pdf_with_a_payslip_per_person_gives_one_claim_per_person() -> None:
    first, second = docs.kmd_opus_one_page("Emil Berg", "010203-4015"), docs.kmd_opus_one_page("Sara Lind", "050504-4126")
    raw = _mail("Hej\n\nLønsedlerne for vores to medarbejdere ligger i én PDF.\n", docs.pdf([first, second]))
    claims = parse_message(raw).claims
    assert [(c.cpr, c.employee_name) for c in claims] == [("0102034015", "Emil Berg"), ("0505044126", "Sara Lind")]
    assert all(c.sources["lines.salary"].startswith(f"attachment:lonseddel-0.pdf#p{n}") for n, c in ((1, claims[0]), (2, claims[1])))


def test_a_question_that_names_a_person_is_no_claim() -> None:
    raw = _mail("Hej\n\nMaja Søgaard (290296-1197) skal op på 12 timer om ugen fra januar. Kan vi søge refusion for de ekstra timer?\n")
    parsed = parse_message(raw)
    assert parsed.claims == () and [p.code for p in parsed.problems] == ["NOT_A_CLAIM"]


def test_an_answer_in_a_thread_that_states_only_the_missing_cvr_is_a_claim_of_that_value() -> None:
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Date"] = "leder@albertslund.dk", "SV: Refusion oktober 2026", "Mon, 02 Nov 2026 10:00:00 +0100"
    msg["In-Reply-To"] = "<reply-JLT-2026-000019@claims.albertslund.dk>"
    msg.set_content("Hej\n\nBeklager, CVR-nummeret glemte jeg: 41028572.\n\nMvh Torben\n")
    claims = parse_message(msg.as_bytes()).claims
    assert [(c.cvr, c.cpr, c.lines) for c in claims] == [("41028572", None, ())]


def test_a_claim_written_in_a_txt_attachment_is_read() -> None:
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Date"] = "leder@albertslund.dk", "Refusion", "Mon, 02 Nov 2026 10:00:00 +0100"
    msg.set_content("Hej\n\nSe vedhæftede anmodning.\n")
    msg.add_attachment("CPR-nr.: 030288-2002\nPeriode: 01.10.2026 - 31.10.2026\nLøn: 6.500,00 kr.\nI alt: 6.500,00 kr.\n",
                       filename="refusion.txt")  # fmt: skip
    claims = parse_message(msg.as_bytes()).claims
    assert [(c.cpr, c.total) for c in claims] == [("0302882002", Decimal("6500.00"))]


def test_a_meeting_invitation_is_no_claim_even_when_it_names_a_salary() -> None:
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Date"] = "leder@albertslund.dk", "Invitation: Refusion", "Mon, 02 Nov 2026 10:00:00 +0100"
    msg.set_content("Møde om refusion for Ali (cpr 090590-1508). Løn for oktober: kr. 6.300\n")
    msg.add_attachment("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", subtype="calendar", filename="invite.ics")
    parsed = parse_message(msg.as_bytes())
    assert parsed.claims == () and [p.code for p in parsed.problems] == ["NOT_A_CLAIM"]


def test_an_am_bidrag_shown_as_a_deduction_is_not_claimed_and_a_gross_pay_among_the_lines_is_the_salary() -> None:
    raw = _mail("Hej\n\nRefusion for Mette Hansen, CPR 010190-1234, 01.10.2026 - 31.10.2026. "
                "Albertslund Kommune, CVR 29189919. Timer: 34,50.\n\n"
                "Bruttoløn 5.007,36\nAM-bidrag -401,00\nFeriepenge 625,92\nI alt 5.633,28\n\nMvh Lone\n")  # fmt: skip
    (claim,) = parse_message(raw).claims
    assert [(line.kind.value, line.amount) for line in claim.lines] == [("salary", Decimal("5007.36")), ("holiday_pay", Decimal("625.92"))]
    assert claim.hours_worked == Decimal("34.50")  # the label starts a sentence, not the line


def test_hours_labelled_without_a_colon_after_another_sentence_are_read() -> None:
    raw = _mail("Hej\n\nRefusion for Mette Hansen, CPR 010190-1234, oktober 2026. Timer 34,50.\nLøn 5.007,36\n")
    (claim,) = parse_message(raw).claims
    assert claim.hours_worked == Decimal("34.50")


def _answer(own: str) -> bytes:
    quoted = "\n\nDen 2. nov. 2026 kl. 11.00 skrev Jobcenter <jobcenter@albertslund.dk>:\n"
    quoted += "> Vi mangler CVR-nummer for kravet for oktober 2026.\n"
    return (
        "From: lene@albertslund.dk\nTo: jobcenter@albertslund.dk\nSubject: SV: Refusion oktober 2026\nMessage-ID: <a@x>\n"
        "In-Reply-To: <r@jobcenter>\nDate: Tue, 03 Nov 2026 10:00:00 +0100\nContent-Type: text/plain; charset=utf-8\n\n" + own + quoted
    ).encode()


def test_a_bare_cvr_number_in_an_answer_to_our_question_for_it_is_the_cvr() -> None:
    claims = parse_message(_answer("Hej\nDet er 29 18 99 19\nMvh Lene")).claims
    assert [c.cvr for c in claims] == ["29189919"]


def test_a_phone_number_in_an_answer_is_no_cvr_even_when_it_passes_modulus_11() -> None:
    claims = parse_message(_answer("Hej\nRing på tlf. 29189919 hvis I har spørgsmål.\nMvh Lene")).claims
    assert all(c.cvr is None for c in claims)


def test_a_filled_in_form_beside_its_payslip_is_one_claim_whose_lines_and_total_come_from_the_form() -> None:
    """Whatever its title: the document that shows no pay paid out (no net pay, A-skat or pay
    date) beside one that does is the workplace's own itemisation of the same person's costs."""
    form = [docs.Text(40, 40, "Skema over lønudgifter"), docs.Text(40, 70, "Navn: Emil Berg"), docs.Text(40, 84, "CPR: 010203-4015"),
            docs.Text(40, 98, "Periode: 01.10.2026 - 31.10.2026"), *docs.row(126, (40, "Løn"), (300, "4.500,00", "r")),
            *docs.row(140, (40, "Pension"), (300, "562,50", "r")), *docs.row(154, (40, "I alt"), (300, "5.062,50", "r"))]  # fmt: skip
    payslip = docs.pdf([docs.kmd_opus_one_page("Emil Berg", "010203-4015")])
    raw = _mail("Hej\n\nHermed skema og lønseddel.\n\nMvh\n", docs.pdf([form]), payslip)
    claims = parse_message(raw).claims
    assert len(claims) == 1
    assert claims[0].total == Decimal("5062.50")
    assert claims[0].payslip is not None and claims[0].payslip.gross == Decimal("4500.00")


def test_a_workplace_named_as_employer_in_the_body_gives_way_to_the_payslips_legal_employer() -> None:
    payslip = docs.pdf([docs.kmd_opus_one_page("Emil Berg", "010203-4015")])
    raw = _mail("Hej\n\nArbejdsgiver: Plejecenter Blokken\nLøn: 4.500,00 kr\n\nMvh\n", payslip)
    (claim,) = parse_message(raw).claims
    assert claim.employer_name == "Albertslund Kommune"
    assert claim.sources["employer.name"].startswith("attachment:")


def test_a_month_in_the_mail_and_days_within_it_on_the_payslip_give_the_payslips_days() -> None:
    """A placement that began mid-month: the mail names the month, the payslip the days paid."""
    page = [dataclasses.replace(t, text=t.text.replace("01.10.2026 - 31.10.2026", "12.10.2026 - 31.10.2026"))
            for t in docs.kmd_opus_one_page("Emil Berg", "010203-4015")]  # fmt: skip
    (claim,) = parse_message(_mail("Hej\n\nPeriode: oktober 2026\nLøn: 4.500,00 kr\n\nMvh\n", docs.pdf([page]))).claims
    assert (claim.period_start, claim.period_end) == (dt.date(2026, 10, 12), dt.date(2026, 10, 31))
    assert claim.sources["period.start"].startswith("attachment:")


def test_a_payslip_period_outside_the_mails_month_does_not_replace_it() -> None:
    (claim,) = parse_message(_mail("Hej\n\nPeriode: september 2026\nLøn: 4.500,00 kr\n\nMvh\n",
                                   docs.pdf([docs.kmd_opus_one_page("Emil Berg", "010203-4015")]))).claims  # fmt: skip
    assert (claim.period_start, claim.period_end) == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


def test_a_cvr_typed_wrong_in_the_mail_gives_way_to_the_payslips_that_passes_modulus_11() -> None:
    payslip = docs.pdf([docs.kmd_opus_one_page("Emil Berg", "010203-4015")])
    (claim,) = parse_message(_mail("Hej\n\nCVR: 29189918\nLøn: 4.500,00 kr\n\nMvh\n", payslip)).claims
    assert claim.cvr == "29189919" and claim.sources["employer.cvr"].startswith("attachment:")


def test_a_second_cvr_in_the_mail_is_kept_as_an_alternative_for_the_registry_to_choose() -> None:
    payslip = docs.pdf([docs.kmd_opus_one_page("Emil Berg", "010203-4015")])
    (claim,) = parse_message(_mail("Hej\n\nArbejdsgiver: Lønservice ApS, CVR 10000009\nLøn: 4.500,00 kr\n\nMvh\n", payslip)).claims
    assert claim.cvr == "10000009"  # the mail's own words come first; the registry may choose the other
    assert [value for value, _ in claim.alternatives["employer.cvr"]] == ["29189919"]
    assert claim.alternatives["employer.name"][0][0] == "Albertslund Kommune"
