"""The time from APPEND to the reply arriving at the SMTP server, with `claims run` (the daemon)
waiting in IMAP IDLE: a Dovecot of its own on loopback, an aiosmtpd sink in-process, SQLite.
Goal: p95 <= 2 s.

    .venv/bin/python bench/idle_latency.py [--samples 25]

Each sample APPENDs one claim (an approved claim of the corpus under a new Message-ID), waits for
its reply at the sink, then pauses a second so the daemon is back in IDLE before the next one.
Dovecot batches IDLE notifications (~0.5 s, RECIPES.md §2), so that is the floor."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _mailbench import machine, percentile

from tests.e2e.mail.support import Claims, OwnDovecot, OwnSmtp, cases, wait_until, with_message_id
from tests.servers.mail import append


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=25)
    args = parser.parse_args()
    print(f"# bench/idle_latency.py {dt.date.today()} on {machine()}")
    claim = next((c for c in cases() if c.outcomes == ("approved",)), cases()[0])
    base = Path(tempfile.mkdtemp(prefix="bench-idle-"))
    latencies: list[float] = []
    try:
        with OwnDovecot() as dovecot:
            smtp = OwnSmtp(base / "smtp").start()
            try:
                claims = Claims(base / "run", dovecot.url(), smtp.url, f"sqlite:///{base / 'claims.db'}")
                claims.import_placements()
                with claims.start("run") as daemon:
                    if not daemon.wait_for_log("imap: connected", 30):
                        raise SystemExit(f"the daemon did not connect:\n{daemon.text()}")
                    time.sleep(1.0)
                    for n in range(args.samples):
                        before = len(smtp.messages())
                        raw = with_message_id(claim.raw, f"<idle-{n}-{time.time_ns()}@bench.invalid>")
                        started = time.perf_counter()
                        append(dovecot.server, raw)
                        if not wait_until(lambda b=before: len(smtp.messages()) > b, 30, interval=0.01):
                            raise SystemExit(f"no reply to sample {n} within 30 s:\n{daemon.text()[-3000:]}")
                        latencies.append(time.perf_counter() - started)
                        print(f"sample {n + 1}: {latencies[-1] * 1000:.0f} ms")
                        time.sleep(1.0)
                    code, took = daemon.terminate()
                    print(f"SIGTERM: exit {code} after {took:.1f} s")
            finally:
                smtp.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"APPEND -> reply at the SMTP server, {len(latencies)} samples: p50 {percentile(latencies, 50) * 1000:.0f} ms, "
          f"p95 {percentile(latencies, 95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms, "
          f"mean {statistics.mean(latencies) * 1000:.0f} ms (goal p95 <= 2000 ms)")


if __name__ == "__main__":
    main()
