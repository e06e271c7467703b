"""`claims status` as a real process on a real Maildir (and one Dovecot) and SQLite: exit 0 when
mail is handled and nothing waits, 1 with the reason when a message failed, waited too long in
the mailbox, a claim waited too long in review, or the mailbox cannot be reached; the JSON
document's shape; no full CPR number in any output."""

from __future__ import annotations

import datetime as dt
import imaplib
import json
import mailbox
import os
import re
import socket
import time
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import bootstrap
from app.pipeline import run_once
from app.settings import Settings
from claims.model import ParsedMessage
from tests.e2e.mail.support import CORPUS, Claims, cases, have_corpus, with_message_id
from tests.servers.mail import DovecotServer, imap

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

TOP_LEVEL = {"needs_person", "reasons", "checked_at", "last_round", "last_successful_round_at", "mailbox", "review",
             "information", "replies", "messages"}  # fmt: skip
_CPR = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")


def _claims(tmp_path: Path, mailbox_url: str | None = None) -> Claims:
    maildir = tmp_path / "maildir"
    mailbox.Maildir(maildir, create=True)
    claims = Claims(tmp_path / "work", mailbox_url or f"maildir://{maildir}", f"dir://{tmp_path / 'outbox'}",
                    f"sqlite:///{tmp_path / 'claims.db'}")  # fmt: skip
    claims.import_placements()
    return claims


def _deliver(tmp_path: Path, raw: bytes, *, minutes_ago: float = 0) -> None:
    """Into the Maildir's new/, arrived `minutes_ago` (the file's time is its delivery time)."""
    key = mailbox.Maildir(tmp_path / "maildir").add(mailbox.MaildirMessage(raw))
    path = tmp_path / "maildir" / "new" / key
    when = time.time() - minutes_ago * 60
    os.utime(path, (when, when))


def _status(claims: Claims, **env: str) -> tuple[int, dict[str, Any], str]:
    as_json = claims.run("status", "--json", check=False, **env)
    human = claims.run("status", check=False, **env)
    assert as_json.returncode == human.returncode, (as_json.stderr, human.stderr)
    for text in (as_json.stdout, human.stdout, as_json.stderr, human.stderr):
        assert not _CPR.search(text), text
    document = json.loads(as_json.stdout)
    assert set(document) == TOP_LEVEL
    return as_json.returncode, document, human.stdout


def _codes(document: dict[str, Any]) -> list[str]:
    return [r["code"] for r in document["reasons"]]


def test_status_is_0_when_mail_is_handled_and_a_new_message_has_only_just_arrived(tmp_path: Path) -> None:
    claims = _claims(tmp_path)
    for number, case in enumerate(cases()[:3]):
        _deliver(tmp_path, with_message_id(case.raw, f"<status-ok-{number}@test.invalid>"))
    claims.run("run", "--once")
    _deliver(tmp_path, with_message_id(cases()[3].raw, "<status-new@test.invalid>"), minutes_ago=5)

    code, document, human = _status(claims)

    assert code == 0, document
    assert document["needs_person"] is False and document["reasons"] == []
    last = document["last_round"]
    assert last["kind"] == "once" and last["seen"] == 3 and last["handled"] == 3 and last["failed"] == 0 and last["error"] is None
    assert document["last_successful_round_at"] == last["ended_at"]
    assert document["mailbox"]["reachable"] is True and document["mailbox"]["waiting"] == 1
    assert 4 <= document["mailbox"]["oldest_age_minutes"] <= 6
    assert document["messages"] == {"failed": 0} and document["replies"]["given_up"] == 0
    assert "all well" in human and "1 message(s) waiting" in human and "3 handled" in human


def _exploding(raw: bytes, limit: int) -> ParsedMessage:
    if b"status-fails@" in raw:
        raise RuntimeError("the parser broke")
    from parsers.claim import parse_message

    return parse_message(raw, max_attachment_bytes=limit)


def test_a_failed_message_makes_status_1_with_its_message_id(tmp_path: Path) -> None:
    claims = _claims(tmp_path)
    _deliver(tmp_path, with_message_id(cases()[0].raw, "<status-fails@test.invalid>"))
    services = bootstrap(Settings(database_url=claims.database_url, mailbox=claims.mailbox, outbox=claims.outbox))
    services.parser = _exploding  # a real parser that breaks on this one message
    assert run_once(services).failed == ["<status-fails@test.invalid>"]

    code, document, human = _status(claims)

    assert code == 1 and document["needs_person"] is True
    assert _codes(document) == ["MESSAGE_FAILED"] and "<status-fails@test.invalid>" in document["reasons"][0]["text"]
    assert document["messages"] == {"failed": 1} and document["last_round"]["failed"] == 1
    assert "needs a person" in human and "status-fails@test.invalid" in human


def test_a_message_waiting_longer_than_the_setting_makes_status_1(tmp_path: Path) -> None:
    claims = _claims(tmp_path)
    _deliver(tmp_path, cases()[0].raw, minutes_ago=90)

    code, document, human = _status(claims)

    assert code == 1 and _codes(document) == ["MESSAGE_WAITING"]
    assert document["mailbox"]["waiting"] == 1 and document["mailbox"]["oldest_age_minutes"] >= 89
    assert document["last_round"] is None and document["last_successful_round_at"] is None
    assert "90 minutes" in document["reasons"][0]["text"] and "none recorded yet" in human
    code, document, _ = _status(claims, CLAIMS_STATUS_WAITING_MINUTES="120")  # the setting moves the line
    assert code == 0 and document["reasons"] == []


def test_a_mailbox_that_cannot_be_reached_makes_status_1(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    claims = _claims(tmp_path, f"imap://claims:secret@127.0.0.1:{port}/INBOX?tls=none")

    code, document, human = _status(claims)

    assert code == 1 and _codes(document) == ["MAILBOX_UNREACHABLE"]
    assert document["mailbox"] == {"reachable": False, "waiting": None, "oldest_at": None, "oldest_age_minutes": None,
                                   "error": document["mailbox"]["error"]}  # fmt: skip
    assert "secret" not in json.dumps(document) and "secret" not in human
    assert "cannot be reached" in human


@pytest.mark.skipif(not have_corpus(), reason="../shared/corpus is not beside the project")
def test_a_claim_in_manual_review_longer_than_the_reminder_days_makes_status_1(tmp_path: Path) -> None:
    claims = _claims(tmp_path)
    _deliver(tmp_path, (CORPUS / "cases" / "13-hmc-four-eyes" / "message.eml").read_bytes())
    claims.run("run", "--once")  # decided on 2026-11-20 (CLAIMS_TODAY)

    code, document, _ = _status(claims)
    assert code == 0 and document["review"] == {"waiting": 1, "overdue": 0}
    code, document, human = _status(claims, CLAIMS_TODAY="2026-11-28")  # 8 days later, over CLAIMS_REMINDER_DAYS=7

    assert code == 1 and _codes(document) == ["REVIEW_OVERDUE"] and document["review"] == {"waiting": 1, "overdue": 1}
    assert "8 days" in document["reasons"][0]["text"] and "1 in manual review (1 longer than 7 days)" in human


def test_status_lists_the_imap_folder_and_is_0_once_claims_run_has_handled_what_waited(
    imap_account: DovecotServer, tmp_path: Path
) -> None:
    claims = _claims(tmp_path, imap_account.url())
    with imap(imap_account) as client:
        two_hours_ago = imaplib.Time2Internaldate(dt.datetime.now(dt.UTC) - dt.timedelta(hours=2))
        typ, _ = client.append("INBOX", "", two_hours_ago, with_message_id(cases()[0].raw, "<status-imap@test.invalid>"))
        assert typ == "OK"

    code, document, _ = _status(claims)
    assert code == 1 and _codes(document) == ["MESSAGE_WAITING"]
    assert document["mailbox"]["waiting"] == 1 and 119 <= document["mailbox"]["oldest_age_minutes"] <= 121

    claims.run("run", "--once")
    code, document, human = _status(claims)
    assert code == 0 and document["mailbox"]["waiting"] == 0 and document["last_round"]["handled"] == 1
    assert "0 message(s) waiting" in human
