"""`claims run --once` over a Maildir of the sample corpus, on SQLite and on PostgreSQL: every
message ends in exactly one recorded state and folder, decisions match the corpus, and running
again decides and sends nothing new."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest

from app.bootstrap import bootstrap
from app.pipeline import process_raw, run_once
from app.settings import Settings
from claims.model import ParsedMessage
from ledger.store import Store

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "cases").is_dir(), reason="../shared/corpus is not beside the project")


def _cases() -> list[Path]:
    cases = [c for c in (CORPUS / "cases").iterdir() if (c / "expected.json").exists()]
    return sorted(cases, key=lambda c: (json.loads((c / "expected.json").read_text())["order"], c.name))


def _count(folder: Path) -> int:
    return sum(len(list((folder / sub).iterdir())) for sub in ("new", "cur") if (folder / sub).exists())


def _services(tmp_path: Path, database_url: str, **extra: object):  # type: ignore[no-untyped-def]
    maildir = tmp_path / "maildir"
    box = mailbox.Maildir(maildir, create=True)
    for case in _cases():
        box.add(mailbox.MaildirMessage((case / "message.eml").read_bytes()))
    settings = Settings(database_url=database_url, mailbox=f"maildir://{maildir}", outbox=f"dir://{tmp_path / 'outbox'}",
                        today="2026-11-20", **extra)  # type: ignore[arg-type]
    services = bootstrap(settings)
    from app.cli_ledger import read_placements  # the same reader `claims placements import` uses

    versions, problems = read_placements((CORPUS / "placements.csv").read_bytes(), settings)
    assert not problems
    services.store.import_placements(versions, capacity=settings.pool_hours, today=services.today())
    return services, maildir


def test_every_message_ends_in_one_state_and_one_folder_and_matches_the_corpus(tmp_path: Path, database_url: str) -> None:
    services, maildir = _services(tmp_path, database_url)
    report = run_once(services)

    assert report.seen == len(_cases()) and not report.failed, [m.error for m in services.store.messages(state="failed")]
    assert sum(report.outcomes.values()) == len(services.store.decisions())  # one count per decision, per message
    states = [m.state for m in services.store.messages()]
    assert len(states) == len(_cases()) and set(states) <= {"decided", "review", "not_a_claim"}
    filed = sum(_count(maildir / f".{folder}") for folder in ("Processed", "Review", "Failed"))
    assert filed == len(_cases()) and not list((maildir / "new").iterdir()) and not list((maildir / "cur").iterdir())
    by_message: dict[str, list[str]] = {}
    for row in services.store.decisions():
        by_message.setdefault(row.message_id or "", []).append(row.outcome)
    for case in _cases():
        expected = json.loads((case / "expected.json").read_text())
        message_id = expected["parse"]["message"]["message_id"]
        assert sorted(by_message[message_id]) == sorted(d["outcome"] for d in expected["decisions"]), case.name


def test_a_second_run_over_the_same_messages_decides_and_sends_nothing_new(tmp_path: Path, database_url: str) -> None:
    services, maildir = _services(tmp_path, database_url)
    run_once(services)
    decisions, outbox = len(services.store.decisions()), len(services.store.outbox())
    entries = len(services.store.entries())

    # The same bytes delivered again (a resend of an identical file, or a crash before the move).
    box = mailbox.Maildir(maildir)
    for case in _cases()[:5]:
        box.add(mailbox.MaildirMessage((case / "message.eml").read_bytes()))
    again = run_once(services)

    assert again.seen == 5 and again.skipped == 5
    assert len(services.store.decisions()) == decisions
    assert len(services.store.outbox()) == outbox
    assert len(services.store.entries()) == entries


def _exploding_parser(raw: bytes, _limit: int) -> ParsedMessage:
    if b"Message-ID: <dev-05@" in raw:
        raise RuntimeError("the parser broke on 140391-1166")  # holds a CPR-shaped number on purpose
    from parsers.claim import parse_message

    return parse_message(raw)


def test_a_message_that_fails_is_kept_with_its_error_and_the_rest_go_on(tmp_path: Path) -> None:
    services, maildir = _services(tmp_path, f"sqlite:///{tmp_path / 'claims.db'}")
    services.parser = _exploding_parser
    report = run_once(services)

    assert len(report.failed) == 1
    failed = services.store.messages(state="failed")
    assert len(failed) == 1 and failed[0].message_id == "<dev-05@corpus.albertslund.test>"
    assert "140391-xxxx" in (failed[0].error or "") and "1403911166" not in (failed[0].error or "")
    assert b"dev-05@" in services.store.raw(failed[0].id)  # the raw bytes are kept
    assert _count(maildir / ".Failed") == 1
    assert len(services.store.messages()) == len(_cases())


def test_a_reply_is_stored_with_each_decision_and_none_answers_an_automatic_message(tmp_path: Path) -> None:
    services, _ = _services(tmp_path, f"sqlite:///{tmp_path / 'claims.db'}")
    run_once(services)
    store: Store = services.store
    replies = {item.decision_id for item in store.outbox()}
    automatic = {"<dev-04@corpus.albertslund.test>", "<dev-40@corpus.albertslund.test>"}  # out-of-office, newsletter
    for row in store.decisions():
        assert (row.id in replies) == (row.message_id not in automatic), row.reference
    sent = list((tmp_path / "outbox").glob("*.eml"))
    assert len(sent) == len(replies) and all(i.status == "sent" for i in store.outbox())


def test_process_raw_of_bytes_that_are_no_email_still_ends_in_a_recorded_state(tmp_path: Path) -> None:
    services, _ = _services(tmp_path, f"sqlite:///{tmp_path / 'claims.db'}")
    record, folder = process_raw(services, b"\x00\x01 not an email at all")
    assert services.store.message(record.id).state in {"not_a_claim", "failed"}  # type: ignore[union-attr]
    assert folder.value in {"Review", "Failed"}


def test_of_two_cvrs_on_a_payslip_the_placements_is_the_claims_and_no_employer_mismatch_is_found(tmp_path: Path) -> None:
    """A payroll bureau prints its own CVR above the employer's: the registry tells which is the employer's."""
    from email.message import EmailMessage

    from tests.fixtures import payslip_docs as docs

    services, _ = _services(tmp_path, f"sqlite:///{tmp_path / 'claims.db'}")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "lene.bach@albertslund.dk", "jobcenter@albertslund.dk", "Refusion oktober"
    msg["Date"], msg["Message-ID"] = "Mon, 02 Nov 2026 10:00:00 +0100", "<two-cvrs@test>"
    msg.set_content("Hej\n\nHermed lønseddel for oktober til refusion.\n\nMvh\nLene\n")
    page = [docs.Text(40, 30, "Udskrevet af Lønservice ApS, CVR 10000009"), *docs.kmd_opus_one_page("Mette Kjær Hansen", "140391-1166")]
    msg.add_attachment(docs.pdf([page]), maintype="application", subtype="pdf", filename="lonseddel.pdf")
    record, _ = process_raw(services, msg.as_bytes())
    (row,) = services.store.decisions_of_message(record.id)
    assert row.claim is not None and (row.claim.cvr, row.claim.employer_name) == ("29189919", "Albertslund Kommune")
    assert "EMPLOYER_MISMATCH" not in [f["code"] for f in row.findings]
    assert "10000009" in [value for value, _ in row.claim.alternatives["employer.cvr"]]  # kept with the decision


def test_an_answer_dated_before_its_original_waits_for_it_and_completes_its_claim(tmp_path: Path) -> None:
    """Oldest first would take the answer first (its Date is set a day before the original's);
    it names the original in References, so it waits until the original's claim is stored."""
    original = (CORPUS / "cases" / "03-byc-encrypted-payslip-no-period" / "message.eml").read_bytes()
    answer = (CORPUS / "cases" / "06-byc-answer-with-payslip" / "message.eml").read_bytes()
    answer = answer.replace(b"Date: Mon, 05 Oct 2026 09:02:37 +0200", b"Date: Thu, 01 Oct 2026 09:02:37 +0200", 1)
    maildir = tmp_path / "maildir"
    box = mailbox.Maildir(maildir, create=True)
    for raw in (answer, original):
        box.add(mailbox.MaildirMessage(raw))
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'claims.db'}", mailbox=f"maildir://{maildir}",
                        outbox=f"dir://{tmp_path / 'outbox'}", today="2026-11-20")  # type: ignore[arg-type]
    services = bootstrap(settings)
    from app.cli_ledger import read_placements

    versions, _ = read_placements((CORPUS / "placements.csv").read_bytes(), settings)
    services.store.import_placements(versions, capacity=settings.pool_hours, today=services.today())
    run_once(services)

    rows = {row.message_id: row for row in services.store.decisions()}
    original_row, answer_row = rows["<dev-03@corpus.albertslund.test>"], rows["<dev-06@corpus.albertslund.test>"]
    assert (original_row.outcome, answer_row.outcome) == ("needs_information", "approved")
    assert answer_row.supersedes_reference == original_row.reference  # the answer completed it: no claim left waiting
    assert services.store.waiting_claims() == ()
