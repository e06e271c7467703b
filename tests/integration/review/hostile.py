"""Mail written by an attacker: markup in every field that reaches the review page (subject,
sender name and address, body, attachment file name, employee and employer names, cost line
labels, and so the problems that quote them). Issue 8, finding 1."""

from __future__ import annotations

import email.policy
import io
from email.headerregistry import Address
from email.message import EmailMessage

from app.pipeline import process_raw
from tests.integration.review.seed import Seeded

# A Subject that, unescaped, sends the reviewer elsewhere after a second and puts a button
# beside the approve/reject forms.
REDIRECT = '<meta http-equiv="refresh" content="1;url=http://127.0.0.1:9/x">'
FORM = "<form><button id=evil>Godkend</button></form>"
SUBJECT = f"Refusion oktober {REDIRECT}{FORM}"
SENDER_NAME = "<b>Lene</b> <form id=evilname>"
EMPLOYEE = "Mette <b>Kjær</b> Hansen"
EMPLOYER = "Albertslund <i>Kommune</i>"
LABEL = "Løn <u>fast</u>"
BODY_MARK = "<script>alert(1)</script>"
FILENAME = "<img src=x id=evilimg>.pdf"
PAGE_FILENAME = "<button id=evilfile>bilag</button>.pdf"
ODD_ADDRESS = '"<b>evil</b>"@example.com'
ODD_SUBJECT = "Spørgsmål <script>alert(2)</script>"

# Raw markup that must never reach a page (the pages have forms and buttons of their own, so
# these are the hostile ones).
RAW = ("<meta http-equiv=\"refresh\"", "<form><button id=evil", "<form id=evilname", "<script>alert", "<b>Kjær",
       "<i>Kommune", "<u>fast", "<img src=x",
       "<button id=evilfile", "<b>evil", "<b>ok", "<form>")


def claim_mail() -> bytes:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = Address(display_name=SENDER_NAME, addr_spec="lene.bach@albertslund.dk")
    msg["To"] = "Jobcenter@albertslund.dk"
    msg["Subject"] = SUBJECT
    msg["Message-ID"] = "<hostile-1@attacker.test>"
    msg["Date"] = "Mon, 02 Nov 2026 09:15:04 +0100"
    msg.set_content(f"""Hej

Medarbejder: {EMPLOYEE}
CPR-nr.: 140391-1166
Arbejdsgiver: {EMPLOYER}, CVR-nr. 29189919
Periode: oktober 2026
Hun har haft 40 timer i oktober.

{LABEL} 5.000,00
ATP 66,00
I alt 5.066,00

{BODY_MARK}
Lene Bach
""")
    msg.add_attachment(b"%PDF-1.4 not really", maintype="application", subtype="pdf", filename=FILENAME)
    msg.add_attachment(_blank_pdf(), maintype="application", subtype="pdf", filename=PAGE_FILENAME)
    return msg.as_bytes()


def _blank_pdf() -> bytes:
    """One empty A4 page: readable, so the page shows it with its file name."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def odd_sender_mail() -> bytes:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = ODD_ADDRESS
    msg["To"] = "Jobcenter@albertslund.dk"
    msg["Subject"] = ODD_SUBJECT
    msg["Message-ID"] = "<hostile-2@attacker.test>"
    msg["Date"] = "Mon, 02 Nov 2026 10:15:04 +0100"
    msg.set_content(f"Hvordan søger man? {BODY_MARK}\n")
    return msg.as_bytes()


def add_hostile_mail(seeded: Seeded) -> tuple[int, int]:
    """Runs both mails through the real pipeline; returns their message keys."""
    first, _ = process_raw(seeded.services, claim_mail())
    second, _ = process_raw(seeded.services, odd_sender_mail())
    return first.id, second.id
