"""The whole mailroom for real: the sample corpus APPENDed to Dovecot, `claims run --once` as a
process reading it over IMAP and answering through aiosmtpd, on SQLite and on PostgreSQL.

Every message ends in exactly one folder matching its decisions, INBOX is empty, each decision
of a non-automatic message gets exactly one reply, the decisions match the corpus, and a second
run changes nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.e2e.mail.support import (
    AUTOMATIC,
    Claims,
    corpus_cases,
    have_corpus,
    received,
    where_is,
)
from tests.e2e.mail.support import append_all as append_in_order
from tests.servers.mail import DovecotServer, SmtpSink

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(240),
    pytest.mark.skipif(not have_corpus(), reason="../shared/corpus is not beside the project"),
]

_REVIEW = {"manual_review", "not_a_claim"}


def _folder_for(outcomes: tuple[str, ...]) -> str:
    return "Review" if set(outcomes) & _REVIEW else "Processed"


def test_run_once_over_imap_files_every_message_answers_every_decision_and_a_rerun_changes_nothing(
    imap_account: DovecotServer, smtp_sink: SmtpSink, database_url: str, tmp_path: Path
) -> None:
    cases = corpus_cases()
    append_in_order(imap_account, [case.raw for case in cases])
    claims = Claims(tmp_path / "work", imap_account.url("INBOX"), smtp_sink.url, database_url)
    claims.import_placements()

    first = claims.run("run", "--once")
    assert "0 failed" in first.stderr, first.stderr[-2000:]

    # Every message sits in exactly one folder: the one its decisions call for.
    folders = where_is(imap_account)
    assert folders["INBOX"] == [] and folders["Failed"] == []
    placed = Counter(mid for folder in ("Processed", "Review") for mid in folders[folder])
    assert sorted(placed) == sorted(case.message_id for case in cases) and set(placed.values()) == {1}
    for case in cases:
        assert case.message_id in folders[_folder_for(case.outcomes)], case.name

    # The decisions match the corpus, message by message.
    decisions = claims.decisions()
    by_message = claims.outcomes_by_message()
    for case in cases:
        assert by_message.get(case.message_id, []) == sorted(case.outcomes), case.name

    # One reply per decision, none to an automatic message, each threaded to its original.
    replies = received(smtp_sink)
    answered = Counter(str(reply["In-Reply-To"]) for reply in replies)
    expected = Counter(row["message_id"] for row in decisions if row["message_id"] not in AUTOMATIC)
    assert answered == expected
    assert not AUTOMATIC & set(answered)
    assert len({str(reply["Message-ID"]) for reply in replies}) == len(replies)
    fixed = {f"<reply-{row['reference']}@claims.albertslund.dk>" for row in decisions}
    assert {str(reply["Message-ID"]) for reply in replies} <= fixed  # fixed by the decision: a resend is recognisable

    # Again: nothing new is decided, filed or sent.
    second = claims.run("run", "--once")
    assert "0 message(s)" in second.stderr, second.stderr[-1000:]
    assert claims.decisions() == decisions
    assert len(smtp_sink.messages()) == len(replies)
    assert where_is(imap_account) == folders
