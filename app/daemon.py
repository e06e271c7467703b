"""`claims run` as a daemon: IMAP IDLE where the server offers it, polling otherwise; a
reconnect with backoff when the server goes away; a clean stop on SIGTERM; a health line in
the log every few minutes."""

from __future__ import annotations

import logging
import signal
import threading
import time
from types import FrameType

from sqlalchemy.exc import OperationalError

from app.bootstrap import Services
from app.locking import Busy, run_lock
from app.pipeline import RunReport, deliver, run_round
from app.rounds import RunLog
from mailroom.errors import ConfigError, MailroomError
from mailroom.inbound import MailSource

log = logging.getLogger("claims.daemon")

WAIT_SLICE = 10.0  # seconds of one IDLE or poll wait: the longest a SIGTERM waits for a stop
HEALTH_EVERY = 300.0


def run_daemon(services: Services, *, stop: threading.Event | None = None, poll_seconds: float | None = None) -> int:
    stop = stop or threading.Event()
    poll = poll_seconds if poll_seconds is not None else float(services.settings.poll_seconds)

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping after the current message", signal.Signals(signum).name)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)

    report = RunReport()
    runs = RunLog(services, "daemon")
    source: MailSource | None = None
    delay = 1.0
    last_health = 0.0
    log.info("claims daemon started: mailbox %s", _redacted(services.settings.mailbox))
    try:
        while not stop.is_set():
            try:
                if source is None:
                    source = services.source()
                if not _cycle(services, source, report, stop, runs):
                    continue  # another run (the nightly batch) holds the lock: try again, no IDLE
                delay = 1.0
                if time.monotonic() - last_health >= HEALTH_EVERY:
                    last_health = time.monotonic()
                    log.info("health: ok; %d message(s) handled, %d failed, %d repl(ies) sent, %d waiting",
                             report.decided, len(report.failed), report.sent, len(services.store.pending_replies()))
                if stop.is_set():
                    break
                if source.can_wait:
                    source.wait(min(WAIT_SLICE, poll))
                else:
                    stop.wait(poll)
            except ConfigError as err:
                log.error("cannot start: %s", err)
                return 2
            except (MailroomError, OSError, OperationalError) as err:
                log.warning("mailbox or database unavailable (%s); retrying in %.0f s", type(err).__name__, delay)
                if source is not None:
                    services.metrics.saw_logins(source)
                    source.close()
                    source = None
                stop.wait(delay)
                delay = min(delay * 2, 60.0)
    finally:
        if source is not None:
            source.close()
    log.info("claims daemon stopped cleanly")
    return 0


def _cycle(services: Services, source: MailSource, report: RunReport, stop: threading.Event, runs: RunLog) -> bool:
    """One round of fetch, decide, file and send, under the run lock. The lock is held for the
    round only, not while waiting for mail: `claims batch` (the nightly timer) and `claims run
    --once` take their turn between rounds instead of waiting for the daemon to stop. False when
    another run kept the lock for a whole wait slice."""
    try:
        with run_lock(services, wait=WAIT_SLICE), runs.round(report):
            run_round(services, source, report, stop=stop.is_set)
            deliver(services, report)
        services.metrics.saw_logins(source)
    except Busy:
        log.info("another claims run holds the lock; waiting for it")
        return False
    return True


def _redacted(url: str) -> str:
    import re

    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
