"""`claims run --once` over mail whose From is malformed (issue 8, finding 4): each gets its reply
in the outbox and none is filed in Failed; a mail with no usable address at all ends recorded,
with no reply and nothing failed."""

from __future__ import annotations

import mailbox
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from app.bootstrap import bootstrap
from app.cli_ledger import read_placements
from app.pipeline import run_once
from app.settings import Settings

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
CLAIM = CORPUS / "cases" / "01-stadion-sloppy-two-months" / "message.eml"
pytestmark = pytest.mark.skipif(not CLAIM.is_file(), reason="../shared/corpus is not beside the project")

QUESTION = b"To: refusion@albertslund.dk\nSubject: Et spoergsmaal\nMessage-ID: <q-%d@skole.dk>\n\nHvornaar udbetaler I?\n"


def _with_from(raw: bytes, header: bytes) -> bytes:
    head, sep, body = raw.partition(b"\n\n")
    lines = [line for line in head.split(b"\n") if not line.lower().startswith(b"from:")]
    return b"\n".join([b"From: " + header, *lines]) + sep + body


def _count(folder: Path) -> int:
    return sum(len(list((folder / sub).iterdir())) for sub in ("new", "cur") if (folder / sub).exists())


def test_mail_with_a_broken_from_is_answered_and_never_filed_in_failed(tmp_path: Path) -> None:
    maildir, outbox = tmp_path / "maildir", tmp_path / "outbox"
    box = mailbox.Maildir(maildir, create=True)
    box.add(_with_from(CLAIM.read_bytes(), b'"Kirkegaard, Jesper <jesper.kirkegaard@albertslund.dk>'))
    box.add(b'From: "Mette" Hansen" <mette@skole.dk>\n' + QUESTION % 1)
    box.add(b"From: =?utf-8?q?Ole=0A=3Cx=3E?= <ole@skole.dk\n" + QUESTION % 2)
    box.add(b"From: ole@skole@x.dk\n" + QUESTION % 3)  # no usable address: recorded, not answered
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'claims.db'}", mailbox=f"maildir://{maildir}",
                        outbox=f"dir://{outbox}", today="2026-11-20")  # type: ignore[arg-type]
    services = bootstrap(settings)
    versions, problems = read_placements((CORPUS / "placements.csv").read_bytes(), settings)
    assert not problems
    services.store.import_placements(versions, capacity=settings.pool_hours, today=services.today())

    report = run_once(services)

    assert report.seen == 4 and not report.failed, [m.error for m in services.store.messages(state="failed")]
    assert _count(maildir / ".Failed") == 0
    states = [m.state for m in services.store.messages()]
    assert states.count("not_a_claim") == 3 and set(states) - {"not_a_claim"} <= {"decided", "review"}, states
    sent = {}
    for path in outbox.glob("*.eml"):
        to = message_from_bytes(path.read_bytes(), policy=default)["To"]
        assert not to.defects
        sent[to.addresses[0].addr_spec] = path
    assert sorted(sent) == ["jesper.kirkegaard@albertslund.dk", "mette@skole.dk", "ole@skole.dk"]
    assert report.sent == 3 and report.unsent == 0
