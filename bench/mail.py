"""Claims per second end to end: `claims run --once` as a process over the sample corpus (the
shared corpus beside the project, else samples/maildir), from a Maildir (replies to a folder) and
from IMAP (a Dovecot of its own on loopback, replies through an aiosmtpd sink), on SQLite.

    .venv/bin/python bench/mail.py [--repeat 3] [--text-messages 200]

A third series runs `--text-messages` text claims (the corpus's text-PDF and body-only messages
under new Message-IDs; no OCR) the same way over IMAP: the text claims per second on one core.

Each round starts from an empty database and mailbox; the figure is messages / wall seconds of
the whole `run --once` process (start-up, fetch, parse, decide, store, file, send)."""

from __future__ import annotations

import argparse
import datetime as dt
import mailbox
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _mailbench import machine

from tests.e2e.mail.support import Claims, OwnDovecot, OwnSmtp, append_all, cases, have_corpus, where_is


def maildir_round(work: Path) -> tuple[int, float]:
    work.mkdir(parents=True)
    box = mailbox.Maildir(work / "maildir", create=True)
    for case in cases():
        box.add(mailbox.MaildirMessage(case.raw))
    claims = Claims(work / "run", f"maildir://{work / 'maildir'}", f"dir://{work / 'outbox'}", f"sqlite:///{work / 'claims.db'}")
    claims.import_placements()
    started = time.perf_counter()
    result = claims.run("run", "--once", check=False)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    return len(cases()), seconds


def imap_round(work: Path, dovecot: OwnDovecot, smtp: OwnSmtp, raws: list[bytes] | None = None) -> tuple[int, float]:
    raws = raws if raws is not None else [case.raw for case in cases()]
    append_all(dovecot.server, raws)
    claims = Claims(work / "run", dovecot.url(), smtp.url, f"sqlite:///{work / 'claims.db'}")
    claims.import_placements()
    started = time.perf_counter()
    result = claims.run("run", "--once", check=False)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert where_is(dovecot.server)["INBOX"] == []
    for folder in ("Processed", "Review", "Failed"):  # empty the account for the next round
        _delete_folder(dovecot, folder)
    return len(raws), seconds


def _delete_folder(dovecot: OwnDovecot, folder: str) -> None:
    from tests.servers.mail import imap

    with imap(dovecot.server) as client:
        client.delete(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--text-messages", type=int, default=200, help="messages of the text-only rounds")
    args = parser.parse_args()
    print(f"# bench/mail.py {dt.date.today()} on {machine()}")
    print(f"corpus: {'shared corpus' if have_corpus() else 'samples/maildir'}, {len(cases())} messages, {args.repeat} rounds each")
    results: dict[str, list[float]] = {"maildir": [], "imap": [], "imap-text": []}
    from scale import messages  # the corpus's text claims under new Message-IDs (bench/scale.py)

    text, _ = messages(args.text_messages)
    base = Path(tempfile.mkdtemp(prefix="bench-mail-"))
    try:
        for n in range(args.repeat):
            count, seconds = maildir_round(base / f"maildir-{n}")
            results["maildir"].append(count / seconds)
            print(f"maildir round {n + 1}: {count} messages in {seconds:.2f} s = {count / seconds:.2f} claims/s")
        with OwnDovecot() as dovecot:
            smtp = OwnSmtp(base / "smtp").start()
            try:
                for n in range(args.repeat):
                    count, seconds = imap_round(base / f"imap-{n}", dovecot, smtp)
                    results["imap"].append(count / seconds)
                    print(f"imap round {n + 1}: {count} messages in {seconds:.2f} s = {count / seconds:.2f} claims/s")
                for n in range(args.repeat):
                    count, seconds = imap_round(base / f"text-{n}", dovecot, smtp, text)
                    results["imap-text"].append(count / seconds)
                    print(f"imap text-only round {n + 1}: {count} messages in {seconds:.2f} s = {count / seconds:.2f} claims/s")
            finally:
                smtp.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    for name, rates in results.items():
        print(f"{name}: median {statistics.median(rates):.2f} claims/s (min {min(rates):.2f}, max {max(rates):.2f})")


if __name__ == "__main__":
    main()
