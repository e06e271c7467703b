"""MaildirSource against a real Maildir on disk (stdlib `mailbox` delivers, as a MTA would)."""

from __future__ import annotations

import mailbox
import os
import time
from pathlib import Path

import pytest

from mailroom.errors import ConfigError, MessageGone
from mailroom.sources import Folder, MaildirSource, open_source
from tests.integration.mailroom.messages import make_mail

pytestmark = pytest.mark.integration


@pytest.fixture
def root(tmp_path: Path) -> Path:
    mailbox.Maildir(tmp_path / "claims", create=True)
    return tmp_path / "claims"


def deliver(root: Path, raw: bytes, *, mtime: float) -> str:
    box = mailbox.Maildir(root, create=True)
    key = box.add(raw)
    path = next(p for sub in ("new", "cur") for p in (root / sub).iterdir() if p.name.startswith(key))
    os.utime(path, (mtime, mtime))
    return key


def test_fetch_returns_oldest_date_first_and_arrival_order_for_ties_and_undated(root: Path) -> None:
    t0 = time.time() - 3600
    deliver(root, make_mail("newest", "Tue, 03 Nov 2026 10:00:00 +0100"), mtime=t0)
    deliver(root, make_mail("tie first", "Mon, 02 Nov 2026 09:00:00 +0100"), mtime=t0 + 1)
    deliver(root, make_mail("tie second", "Mon, 02 Nov 2026 08:00:00 +0000"), mtime=t0 + 2)
    deliver(root, make_mail("undated", None), mtime=t0 + 3)  # arrived now-ish: after every Date
    deliver(root, make_mail("oldest", "Sun, 01 Nov 2026 23:59:00 +0100"), mtime=t0 + 4)
    deliver(root, make_mail("garbled date", "32 Foo 2026 99:99"), mtime=t0 + 5)

    mails = MaildirSource(root).fetch()

    subjects = [m.raw.split(b"Subject: ")[1].split(b"\r\n")[0].decode() for m in mails]
    assert subjects == ["oldest", "tie first", "tie second", "newest", "undated", "garbled date"]
    assert all(m.key.startswith("maildir:") for m in mails)
    assert mails[-1].date is None and mails[-1].arrived is not None


def test_fetch_neither_marks_nor_moves_anything(root: Path) -> None:
    deliver(root, make_mail("one", "Mon, 02 Nov 2026 09:00:00 +0100"), mtime=time.time())
    before = sorted(p.name for p in (root / "new").iterdir())

    source = MaildirSource(root)
    assert len(source.fetch()) == 1
    assert len(source.fetch()) == 1

    assert sorted(p.name for p in (root / "new").iterdir()) == before


def test_move_files_into_subfolders_created_on_demand_and_a_second_fetch_is_empty(root: Path) -> None:
    for n, folder in enumerate(Folder):
        deliver(root, make_mail(f"to {folder}", f"Mon, 02 Nov 2026 0{n}:00:00 +0100"), mtime=time.time())
    source = open_source(f"maildir://{root}")

    for mail, folder in zip(source.fetch(), Folder, strict=True):
        source.move(mail.key, folder)

    assert source.fetch() == ()
    for folder in Folder:
        moved = list((root / f".{folder}" / "new").iterdir())
        assert len(moved) == 1 and f"to {folder}".encode() in moved[0].read_bytes()
    assert sorted(mailbox.Maildir(root).list_folders()) == sorted(Folder)


def test_moving_again_after_a_crash_is_no_error_but_an_unknown_key_is_gone(root: Path) -> None:
    deliver(root, make_mail("one", None), mtime=time.time())
    source = MaildirSource(root)
    (mail,) = source.fetch()
    source.move(mail.key, Folder.PROCESSED)
    source.move(mail.key, Folder.PROCESSED)
    with pytest.raises(MessageGone):
        source.move("maildir:1234.nothing", Folder.PROCESSED)


def test_wait_notices_a_delivery_after_the_last_fetch(root: Path) -> None:
    source = MaildirSource(root)
    assert source.fetch() == ()
    assert source.wait(0.3) is False
    deliver(root, make_mail("late", None), mtime=time.time())
    assert source.wait(5) is True


def test_a_missing_maildir_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        open_source(f"maildir://{tmp_path / 'nope'}")


def test_waiting_lists_without_reading_bodies_and_a_filed_message_is_gone_to_read(root: Path) -> None:
    deliver(root, make_mail("later", "Tue, 03 Nov 2026 10:00:00 +0100"), mtime=time.time() - 10)
    deliver(root, make_mail("earlier", "Mon, 02 Nov 2026 09:00:00 +0100"), mtime=time.time())
    source = MaildirSource(root)
    waiting = source.waiting()

    assert [w.date.day for w in waiting if w.date] == [2, 3]
    assert b"Subject: earlier" in source.read(waiting[0].key)
    MaildirSource(root).move(waiting[0].key, Folder.PROCESSED)  # another worker files it
    with pytest.raises(MessageGone):
        source.read(waiting[0].key)
