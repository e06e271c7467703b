"""Senders against a real aiosmtpd server and a real folder."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from mailroom.errors import PermanentError, TransientError
from mailroom.replies import render_reply
from mailroom.senders import DirSender, open_sender
from tests.servers.mail import SaveEml, SmtpSink, free_port
from tests.unit.mailroom.reply_cases import CASES, FROM, NOW

pytestmark = pytest.mark.integration


def rendered(name: str = "partially_approved_sick_after_day_30_points_to_nemrefusion") -> Any:
    reply, reminder = CASES[name]
    return render_reply(reply, now=NOW, from_address=FROM, reminder=reminder)


def test_smtp_delivers_a_rendered_reply_with_its_danish_subject_intact(smtp_sink: SmtpSink) -> None:
    reply = rendered()
    open_sender(smtp_sink.url).send(reply.raw, reply.to, FROM)

    (raw,) = smtp_sink.messages()
    msg = message_from_bytes(raw, policy=default)
    assert msg["Subject"] == "SV: Refusion oktober 2026 – Mette Kjær Hansen [JLT-2026-000004]"
    assert msg["Message-ID"] == reply.message_id
    body = msg.get_body(("plain",))
    assert body is not None and "sygedagpengerefusion" in body.get_content()
    assert smtp_sink.handler.envelopes == [(FROM, (reply.to,))]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtp_login_with_user_and_password_from_the_url(tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        return AuthResult(success=(data.login, data.password) == (b"mailer", b"p@ss word"))

    port = free_port()
    handler = SaveEml(tmp_path)
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_require_tls=False, auth_required=True,
                            auth_exclude_mechanism=["LOGIN"])  # aiosmtpd 1.4's LOGIN stalls smtplib's retry
    controller.start()
    try:
        reply = rendered()
        open_sender(f"smtp://mailer:p%40ss%20word@127.0.0.1:{port}").send(reply.raw, reply.to, FROM)
    finally:
        controller.stop()
    assert len(list(tmp_path.glob("*.eml"))) == 1


class Refusing(SaveEml):
    """Refuses some recipients the way real servers do: 550 for good, 451 for now."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        if address.startswith("gone@"):
            return "550 5.1.1 no such mailbox"
        if address.startswith("busy@"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_smtp_5xx_is_permanent_and_4xx_is_transient(tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(Refusing(tmp_path), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        reply, sender = rendered(), open_sender(f"smtp://127.0.0.1:{port}")
        with pytest.raises(PermanentError):
            sender.send(reply.raw, "gone@albertslund.dk", FROM)
        with pytest.raises(TransientError):
            sender.send(reply.raw, "busy@albertslund.dk", FROM)
        sender.send(reply.raw, "anne@albertslund.dk", FROM)
    finally:
        controller.stop()
    assert len(list(tmp_path.glob("*.eml"))) == 1


def test_smtp_server_that_is_down_is_a_transient_failure() -> None:
    reply = rendered()
    with pytest.raises(TransientError) as caught:
        open_sender(f"smtp://127.0.0.1:{free_port()}").send(reply.raw, reply.to, FROM)
    assert isinstance(caught.value.__cause__, OSError)


def test_dir_sender_writes_one_file_per_message_id_and_a_resend_overwrites(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    sender = open_sender(f"dir://{outbox}")
    first, second = rendered("approved_clean_october"), rendered("rejected_period_during_praktik")

    sender.send(first.raw, first.to, FROM)
    sender.send(first.raw, first.to, FROM)
    sender.send(second.raw, second.to, FROM)

    files = sorted(p.name for p in outbox.iterdir())
    assert files == ["reply-JLT-2026-000001@claims.albertslund.dk.eml", "reply-JLT-2026-000005@claims.albertslund.dk.eml"]
    assert (outbox / files[0]).read_bytes() == first.raw


def test_dir_sender_names_a_mail_without_message_id_by_its_hash(tmp_path: Path) -> None:
    sender = DirSender(tmp_path)
    sender.send(b"Subject: x\r\n\r\nbody\r\n", "a@b.dk", FROM)
    sender.send(b"Message-ID: <../../etc/passwd>\r\n\r\nbody\r\n", "a@b.dk", FROM)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 2 and all("/" not in n for n in names)
    assert any(n.startswith("sha256-") for n in names) and ".._.._etc_passwd.eml" in names
