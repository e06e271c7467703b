"""Small test emails, built with the standard library (no fixtures on disk needed)."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP


def make_mail(subject: str, date: str | None, *, message_id: str | None = None, body: str = "Hej") -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = "Anne Thygesen <anne.thygesen@albertslund.dk>"
    msg["To"] = "Jobcenter@albertslund.dk"
    msg["Subject"] = subject
    if date is not None:
        msg["Date"] = date
    msg["Message-ID"] = message_id or f"<{subject.replace(' ', '-').lower()}@test.albertslund.dk>"
    msg.set_content(body)
    return msg.as_bytes()
