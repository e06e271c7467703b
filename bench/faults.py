"""kill -9 at random moments, many times (default 100), of `claims run` and `claims run --once`
while mail arrives over IMAP; then one clean run, and the counts: lost messages, duplicate
decisions, lost replies, replies sent twice (tests/e2e/mail/faults.py says what each means).
A Dovecot of its own on loopback, an aiosmtpd sink in-process, SQLite; with --workers N, N daemons
on a PostgreSQL of its own, one of them killed at a time (tests/e2e/mail/faults.py run_worker_faults).

    .venv/bin/python bench/faults.py [--kills 100] [--seed 4] [--max-delay 1.0] [--workers 4]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from _mailbench import machine

from tests.e2e.mail.faults import run_faults, run_worker_faults
from tests.e2e.mail.support import OwnDovecot, OwnSmtp
from tests.servers.postgres import own_postgres


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--max-delay", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=1, help="daemons on one PostgreSQL (1: one run at a time on SQLite)")
    args = parser.parse_args()
    print(f"# bench/faults.py {dt.date.today()} on {machine()}")
    base = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    try:
        with OwnDovecot() as dovecot:
            smtp = OwnSmtp(base / "smtp").start()
            try:
                def progress(line: str) -> None:
                    if line.endswith("0/" + str(args.kills)):
                        print(line, flush=True)

                if args.workers > 1:
                    with own_postgres() as pg:
                        pg.admin().execute('CREATE DATABASE "faults"')  # type: ignore[attr-defined]
                        result = run_worker_faults(dovecot.server, smtp, base / "work", pg.url("faults"), workers=args.workers,
                                                   kills=args.kills, seed=args.seed, max_delay=args.max_delay, progress=progress)
                else:
                    result = run_faults(dovecot.server, smtp, base / "work", kills=args.kills, seed=args.seed,
                                        max_delay=args.max_delay, progress=progress)
            finally:
                smtp.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(result.summary())
    for name in ("lost_messages", "duplicate_decisions", "lost_replies"):
        for line in getattr(result, name)[:10]:
            print(f"  {name}: {line}")
    return 1 if (result.lost_messages or result.duplicate_decisions or result.lost_replies) else 0


if __name__ == "__main__":
    raise SystemExit(main())
