"""The HTML reply escapes what came in the mail it answers (issue 8, finding 1); the text
reply keeps it as typed (no `&lt;` in a plain-text mail)."""

from __future__ import annotations

import dataclasses
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

from claims.model import Outcome
from mailroom.replies import ReplyFinding, render_reply
from tests.unit.mailroom.reply_cases import FROM, NOW, claim

NAME = "Mette <b>Kjær</b> Hansen"
SUBJECT = 'Refusion <meta http-equiv="refresh" content="1;url=http://127.0.0.1:9/x">'
FINDING = "Linjen <i>Løn fast</i> er ikke en løn"


def test_markup_in_the_name_subject_and_finding_arrives_escaped_in_html_and_as_typed_in_text() -> None:
    reply = dataclasses.replace(
        claim(1, Outcome.PARTIALLY_APPROVED, ReplyFinding("LINE_NOT_REFUNDABLE", FINDING), subject=SUBJECT, approved="6000.00"),
        employee_name=NAME,
    )
    reply = dataclasses.replace(reply, original=dataclasses.replace(reply.original, sender_name="<b>Anne</b> Thygesen"))
    msg = message_from_bytes(render_reply(reply, now=NOW, from_address=FROM).raw, policy=default)
    assert isinstance(msg, EmailMessage)
    html_part, text_part = msg.get_body(("html",)), msg.get_body(("plain",))
    assert html_part is not None and text_part is not None
    html, text = html_part.get_content(), text_part.get_content()
    for raw in ("<b>Kjær", "<i>Løn", "<meta http-equiv", "<b>Anne"):
        assert raw not in html
    assert "Mette &lt;b&gt;Kjær&lt;/b&gt; Hansen" in html and "&lt;i&gt;Løn fast&lt;/i&gt;" in html
    assert NAME in text and FINDING in text and "&lt;" not in text
