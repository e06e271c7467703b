"""ImapSource against a real Dovecot (tests/servers/mail.py), checked with a second client."""

from __future__ import annotations

import datetime as dt
import imaplib
import threading
import time

import pytest

from mailroom.errors import MessageGone, PermanentError, TransientError
from mailroom.sources import Folder, ImapSource, open_source
from tests.integration.mailroom.messages import make_mail
from tests.servers.mail import DovecotServer, append, free_port, imap, list_folders, uids

pytestmark = pytest.mark.integration


def subject_of(raw: bytes) -> str:
    return raw.split(b"Subject: ")[1].split(b"\r\n")[0].decode()


def uidvalidity(server: DovecotServer, folder: str = "INBOX") -> int:
    with imap(server) as client:
        _, data = client.status(folder, "(UIDVALIDITY)")
    return int(data[0].decode().rsplit("UIDVALIDITY ", 1)[1].rstrip(")"))


@pytest.fixture
def three(imap_account: DovecotServer) -> DovecotServer:
    """Three claims appended newest first, so arrival order and Date order disagree."""
    append(imap_account, make_mail("november", "Tue, 03 Nov 2026 10:00:00 +0100"))
    append(imap_account, make_mail("september", "Mon, 05 Oct 2026 09:00:00 +0200"))
    append(imap_account, make_mail("october", "Mon, 02 Nov 2026 08:00:00 +0100"))
    return imap_account


def test_fetch_returns_oldest_first_without_marking_anything_seen(three: DovecotServer) -> None:
    source = open_source(three.url())
    try:
        mails = source.fetch()
    finally:
        source.close()

    assert [subject_of(m.raw) for m in mails] == ["september", "october", "november"]
    assert uids(three, "INBOX", "UNSEEN") == uids(three, "INBOX", "ALL") and len(uids(three)) == 3


def test_keys_carry_folder_uidvalidity_and_uid(three: DovecotServer) -> None:
    with_source = open_source(three.url())
    mails = with_source.fetch()
    with_source.close()

    validity = uidvalidity(three)
    assert sorted(m.key for m in mails) == sorted(f"imap:INBOX:{validity}:{uid}" for uid in uids(three))
    assert all(m.arrived is not None and m.arrived.tzinfo is not None for m in mails)


def test_move_files_into_processed_review_failed_and_a_second_fetch_is_empty(three: DovecotServer) -> None:
    source = open_source(three.url())
    try:
        for mail, folder in zip(source.fetch(), Folder, strict=True):
            source.move(mail.key, folder)
        again = source.fetch()
    finally:
        source.close()

    assert again == ()
    assert {"INBOX", "Processed", "Review", "Failed"} <= set(list_folders(three))
    assert [len(uids(three, folder)) for folder in Folder] == [1, 1, 1]
    assert uids(three, "Processed", "SEEN") == []  # filing is no reading


def test_move_uses_imap_move_and_leaves_other_deleted_mail_alone(three: DovecotServer) -> None:
    """RECIPES.md §2: with stale capabilities imap_tools would COPY + EXPUNGE the whole folder."""
    with imap(three) as client:
        client.select("INBOX")
        first = client.uid("SEARCH", "ALL")[1][0].split()[0]
        client.uid("STORE", first, "+FLAGS", r"(\Deleted)")  # a person's pending delete
    source = open_source(three.url())
    try:
        others = [m for m in source.fetch() if m.key.rsplit(":", 1)[1] != first.decode()]
        source.move(others[0].key, Folder.PROCESSED)
    finally:
        source.close()

    assert len(uids(three, "INBOX")) == 2  # the \Deleted one is still there


def test_a_key_from_before_a_uidvalidity_change_is_gone(three: DovecotServer) -> None:
    source = open_source(three.url())
    try:
        mail = source.fetch()[0]
        folder, validity, uid = mail.key.removeprefix("imap:").rsplit(":", 2)
        with pytest.raises(MessageGone):
            source.move(f"imap:{folder}:{int(validity) + 1}:{uid}", Folder.PROCESSED)
    finally:
        source.close()
    assert len(uids(three)) == 3


def test_idle_notices_an_append_within_a_few_seconds(imap_account: DovecotServer) -> None:
    source = open_source(imap_account.url())
    try:
        assert source.fetch() == ()
        assert source.can_wait
        timer = threading.Timer(0.5, append, (imap_account, make_mail("late", None)))
        started = time.monotonic()
        timer.start()
        noticed = source.wait(timeout=10)
        elapsed = time.monotonic() - started
        timer.join()
        assert noticed and elapsed < 5
        assert [subject_of(m.raw) for m in source.fetch()] == ["late"]
    finally:
        source.close()


def test_wait_times_out_quietly_when_nothing_arrives(imap_account: DovecotServer) -> None:
    source = open_source(imap_account.url())
    try:
        source.fetch()
        assert source.wait(timeout=1) is False
        source.reconnect()
        assert source.fetch() == ()
    finally:
        source.close()


def test_a_wrong_password_is_permanent_and_never_shown(imap_account: DovecotServer) -> None:
    source = ImapSource(imap_account.host, imap_account.port, "jobcenter", "hunter2-wrong")
    with pytest.raises(PermanentError) as caught:
        source.fetch()
    assert "hunter2-wrong" not in str(caught.value) and "hunter2-wrong" not in repr(source)


def test_a_server_that_does_not_answer_is_transient_after_the_retries() -> None:
    slept: list[float] = []
    source = ImapSource("127.0.0.1", free_port(), "jobcenter", "secret", retries=3, sleep=slept.append)
    with pytest.raises(TransientError) as caught:
        source.fetch()
    assert slept == [0.5, 1.0, 2.0]
    assert isinstance(caught.value.__cause__, OSError | imaplib.IMAP4.abort)


def test_internaldate_gives_arrival_time_for_mail_without_date(imap_account: DovecotServer) -> None:
    when = dt.datetime(2026, 11, 2, 7, 30, tzinfo=dt.UTC)
    append(imap_account, make_mail("undated", None), when=when)
    append(imap_account, make_mail("dated", "Mon, 02 Nov 2026 09:00:00 +0100"))  # 08:00 UTC
    source = open_source(imap_account.url())
    try:
        mails = source.fetch()
    finally:
        source.close()
    assert [subject_of(m.raw) for m in mails] == ["undated", "dated"]
    assert mails[0].date is None and mails[0].arrived == when


def test_waiting_lists_oldest_first_without_bodies_and_read_gives_one_body(three: DovecotServer) -> None:
    source = open_source(three.url())
    try:
        waiting = source.waiting()
        first = source.read(waiting[0].key)
    finally:
        source.close()

    assert [w.date.month for w in waiting if w.date] == [10, 11, 11]  # september's mail is dated 5 October
    assert not hasattr(waiting[0], "raw")
    assert subject_of(first) == "september"
    assert uids(three, "INBOX", "UNSEEN") == uids(three, "INBOX", "ALL")  # reading is no marking


def test_a_message_another_worker_filed_is_gone_to_read(three: DovecotServer) -> None:
    mine, other = open_source(three.url()), open_source(three.url())
    try:
        key = mine.waiting()[0].key
        other.waiting()
        other.move(key, Folder.PROCESSED)
        with pytest.raises(MessageGone):
            mine.read(key)
        mine.move(key, Folder.PROCESSED)  # filing it again is no error: it is there already
    finally:
        mine.close()
        other.close()
    assert len(uids(three, "Processed")) == 1
