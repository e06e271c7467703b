"""Prometheus metrics of the mail pipeline (`claims run`) and of the review page (`claims serve`),
each in a registry of its own, served on 127.0.0.1 only when its port is set
(CLAIMS_METRICS_PORT, CLAIMS_REVIEW_METRICS_PORT; docs/operations.md "Metrics (Prometheus)").

Counters count what this process did since it started; the gauges of the outbox and the review
queue are read from the ledger when Prometheus scrapes, so every worker reports the same backlog.
No label holds a CPR number, an address or a subject: outcomes, routes and statuses only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from ledger.store import Store
from mailroom.errors import ConfigError

log = logging.getLogger("claims.metrics")

# Seconds: a text mail parses in milliseconds, a scanned payslip in seconds (OCR), the budget is 120.
PARSE_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
DECISION_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class _Ledger(Collector):
    """Gauges read from the ledger at each scrape (one query each); NaN-free: on a database
    error the gauges are left out of that scrape and the error is logged."""

    def __init__(self, read: Callable[[], Iterator[GaugeMetricFamily]]) -> None:
        self._read = read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            yield from list(self._read())
        except Exception as err:  # the database is away: the other metrics still answer
            log.warning("metrics: the ledger could not be read (%s)", type(err).__name__)


class RunMetrics:
    """What `claims run` (the daemon or --once) and `claims batch` count."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.messages = Counter("claims_messages", "Messages taken from the mailbox, by how they ended "
                                "(decided, review, not_a_claim, failed)", ["outcome"], registry=r)  # fmt: skip
        self.decisions = Counter("claims_decisions", "Decisions made for claims, by outcome", ["outcome"], registry=r)
        self.parse_seconds = Histogram("claims_parse_seconds", "Time to parse one message (body, attachments, OCR)",
                                       buckets=PARSE_BUCKETS, registry=r)  # fmt: skip
        self.decision_seconds = Histogram("claims_decision_seconds", "Time to decide one parsed message and store "
                                          "its decisions and replies", buckets=DECISION_BUCKETS, registry=r)  # fmt: skip
        self.ocr_pages = Counter("claims_ocr_pages", "Scanned pages and photos read by OCR", registry=r)
        self.replies_sent = Counter("claims_replies_sent", "Replies handed to the outgoing mail server", registry=r)
        self.reconnects = Counter("claims_imap_reconnects", "IMAP logins after the first (a dropped connection "
                                  "or IDLE, a restarted server)", registry=r)  # fmt: skip
        self.rounds = Counter("claims_rounds", "Rounds over the mailbox, by result (ok: ran to its end; "
                              "error: stopped by the mailbox, the database or the mail server)", ["result"], registry=r)  # fmt: skip
        self.last_ok = Gauge("claims_last_successful_round_timestamp_seconds", "Unix time at which the last "
                             "round that ran to its end ended", registry=r)  # fmt: skip
        self._source: object = None
        self._logins = 0
        self._any_login = False

    def watch_outbox(self, store: Store) -> None:
        """The outbox backlog as gauges, read from the ledger at each scrape."""

        def read() -> Iterator[GaugeMetricFamily]:
            counts = store.reply_counts()
            yield GaugeMetricFamily("claims_outbox_pending_replies", "Replies waiting to be sent (their next try may "
                                    "be later)", value=counts.get("pending", 0))  # fmt: skip
            yield GaugeMetricFamily("claims_outbox_failed_replies", "Replies given up after their retries (a person "
                                    "must look: docs/operations.md)", value=counts.get("failed", 0))  # fmt: skip

        self.registry.register(_Ledger(read))

    def saw_logins(self, source: object) -> None:
        """Counts the IMAP logins of `source` since the last look (`ImapSource.connections`; a
        Maildir has none): every login after this process's first is a reconnect."""
        if source is not self._source:
            self._source, self._logins = source, 0
        logins = int(getattr(source, "connections", 0) or 0)
        new, self._logins = max(logins - self._logins, 0), logins
        if new and not self._any_login:
            self._any_login, new = True, new - 1
        if new:
            self.reconnects.inc(new)


class ReviewMetrics:
    """What `claims serve` counts: requests by route and status, reviewers' actions, and the
    review queue read from the ledger at each scrape."""

    def __init__(self, store: Store) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter("claims_review_requests", "Requests to the review page, by route template, method "
                                "and status", ["route", "method", "status"], registry=r)  # fmt: skip
        self.actions = Counter("claims_review_actions", "Reviewers' actions that were carried out, by action "
                               "(approve, reject, ask, withdraw, reveal_cpr, file_mail, export_payments, add_user, "
                               "login, logout)", ["action"], registry=r)  # fmt: skip

        def read() -> Iterator[GaugeMetricFamily]:
            outcomes = store.current_outcomes()
            yield GaugeMetricFamily("claims_review_queue_claims", "Claims waiting in manual review",
                                    value=outcomes.get("manual_review", 0))  # fmt: skip
            yield GaugeMetricFamily("claims_waiting_information_claims", "Claims waiting for information from the "
                                    "workplace", value=outcomes.get("needs_information", 0))  # fmt: skip

        r.register(_Ledger(read))

    def observe(self, method: str, route: str, status: int, action: str | None) -> None:
        self.requests.labels(route=route, method=method, status=str(status)).inc()
        if action is not None:
            self.actions.labels(action=action).inc()


def serve(registry: CollectorRegistry, port: int, setting: str) -> Any:
    """The registry on http://127.0.0.1:PORT/metrics (loopback only: a scraper on the same host,
    or a reverse proxy); the server runs in a daemon thread. Returns the server. A port in use
    is a setting to fix (`setting` names it): one line and exit code 2 (app/cli.py)."""
    try:
        server, _thread = start_http_server(port, addr="127.0.0.1", registry=registry)
    except OSError as err:
        raise ConfigError(f"the metrics cannot be served on 127.0.0.1:{port} ({setting}): {err.strerror or err}") from err
    log.info("metrics on http://127.0.0.1:%d/metrics", port)
    return server
