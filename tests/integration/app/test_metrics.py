"""Prometheus metrics scraped over HTTP from real processes: `claims run` (the daemon, against a
Dovecot of the test's own that it restarts, and aiosmtpd) counts the messages it handled by
outcome, their decisions, parse and decision times, OCR pages, replies, rounds and the IMAP
reconnect; `claims serve` counts requests by route and status, reviewers' actions and the queue."""

from __future__ import annotations

import re
import shutil
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from ledger.store import Store
from tests.e2e.mail.support import CORPUS, Claims, OwnDovecot, cases, have_corpus, wait_until, where_is, with_message_id
from tests.servers.mail import SmtpSink, append, free_port

pytestmark = [pytest.mark.integration, pytest.mark.e2e, pytest.mark.timeout(180)]

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(port: int) -> Samples:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    return {(s.name, frozenset(s.labels.items())): s.value for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def by_label(samples: Samples, name: str, label: str) -> dict[str, float]:
    return {dict(key)[label]: v for (n, key), v in samples.items() if n == name and v}


def _serving(port: int) -> bool:
    try:
        scrape(port)
    except (urllib.error.URLError, ConnectionError):
        return False
    return True


def _mails() -> list[bytes]:
    """Two claims as new messages: a scanned payslip (OCR) where the corpus has one, and a text claim."""
    raws = [c.raw for c in cases()[:2]]
    scanned = CORPUS / "cases" / "16-bib-scanned-payslip-ocr" / "message.eml"
    if have_corpus() and shutil.which("tesseract"):
        raws[0] = scanned.read_bytes()
    return [with_message_id(raw, f"<metrics-{n}-{time.time_ns()}@test.invalid>") for n, raw in enumerate(raws)]


def test_the_daemon_serves_its_counts_on_the_metrics_port(smtp_sink: SmtpSink, tmp_path: Path) -> None:
    port = free_port()
    started = time.time()
    with OwnDovecot() as dovecot:
        claims = Claims(tmp_path / "work", dovecot.url(), smtp_sink.url, f"sqlite:///{tmp_path / 'claims.db'}",
                        extra={"CLAIMS_METRICS_PORT": str(port)})  # fmt: skip
        claims.import_placements()
        with claims.start("run") as daemon:
            assert wait_until(lambda: _serving(port), 20), daemon.text()[-2000:]
            for raw in _mails():
                append(dovecot.server, raw)
            assert wait_until(lambda: where_is(dovecot.server)["INBOX"] == [], 60), daemon.text()[-3000:]
            store = Store.from_url(claims.database_url)
            assert wait_until(lambda: not store.reply_counts().get("pending"), 20), daemon.text()[-3000:]

            samples = scrape(port)
            messages = by_label(samples, "claims_messages_total", "outcome")
            assert sum(messages.values()) == 2 and set(messages) <= {"decided", "review", "not_a_claim"}
            assert messages == dict(Counter(m.state for m in store.messages()))
            assert by_label(samples, "claims_decisions_total", "outcome") == dict(Counter(d.outcome for d in store.decisions()))
            assert value(samples, "claims_parse_seconds_count") == 2 and value(samples, "claims_parse_seconds_sum") > 0
            assert value(samples, "claims_decision_seconds_count") == 2
            if have_corpus() and shutil.which("tesseract"):
                assert value(samples, "claims_ocr_pages_total") >= 1
            sent = store.reply_counts().get("sent", 0)
            assert value(samples, "claims_replies_sent_total") == sent == len(smtp_sink.messages()) > 0
            assert value(samples, "claims_outbox_pending_replies") == 0 and value(samples, "claims_outbox_failed_replies") == 0
            assert value(samples, "claims_rounds_total", result="ok") >= 1
            assert value(samples, "claims_last_successful_round_timestamp_seconds") >= started
            assert value(samples, "claims_imap_reconnects_total") == 0

            dovecot.stop()  # the daemon's connection drops; it comes back when the server does
            time.sleep(4)
            dovecot.start()
            assert wait_until(lambda: value(scrape(port), "claims_imap_reconnects_total") >= 1, 60), daemon.text()[-3000:]
            samples = scrape(port)
            assert sum(by_label(samples, "claims_messages_total", "outcome").values()) == 2  # nothing counted twice
            code, _ = daemon.terminate(timeout=15)
            assert code == 0, daemon.text()[-2000:]


def test_a_metrics_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        (tmp_path / "maildir" / "new").mkdir(parents=True)
        claims = Claims(tmp_path / "work", f"maildir://{tmp_path / 'maildir'}", f"dir://{tmp_path / 'outbox'}",
                        f"sqlite:///{tmp_path / 'claims.db'}")  # fmt: skip
        result = claims.run("run", "--once", check=False, CLAIMS_METRICS_PORT=str(port))
    assert result.returncode == 2, result.stderr
    assert f"127.0.0.1:{port} (CLAIMS_METRICS_PORT)" in result.stderr and "Traceback" not in result.stderr


_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.mark.skipif(not have_corpus(), reason="../shared/corpus is not beside the project")
def test_the_review_page_serves_requests_actions_and_its_queue_on_its_metrics_port(tmp_path: Path) -> None:
    from tests.integration.review.seed import PASSWORD, seed

    seeded = seed(f"sqlite:///{tmp_path / 'claims.db'}", tmp_path)
    in_review = sum(1 for d in seeded.services.store.current_decisions() if d.outcome == "manual_review")
    reference = seeded.references["39-sundhedshuset-cpr-without-check-digit"]
    seeded.services.store.engine.dispose()
    web, metrics = free_port(), free_port()
    claims = Claims(tmp_path / "work", f"maildir://{tmp_path}", f"dir://{tmp_path / 'outbox'}", f"sqlite:///{tmp_path / 'claims.db'}",
                    extra={"CLAIMS_REVIEW_METRICS_PORT": str(metrics)})  # fmt: skip
    with claims.start("serve", "--port", str(web)) as server, httpx.Client(base_url=f"http://127.0.0.1:{web}") as browser:
        assert wait_until(lambda: _serving(metrics), 20), server.text()[-2000:]
        assert wait_until(lambda: _up(browser), 20), server.text()[-2000:]
        assert browser.post(f"/sager/{reference}/cpr", data={"csrf": "x"}).status_code == 303  # no session: to the login
        login = _CSRF.search(browser.get("/login").text)
        assert login is not None
        wrong = browser.post("/login", data={"name": "bo", "password": "forkert-kodeord", "csrf": login.group(1)})
        assert wrong.status_code == 401
        done = browser.post("/login", data={"name": "bo", "password": PASSWORD, "csrf": login.group(1)})
        assert done.status_code == 303
        queue = browser.get("/sager")
        assert queue.status_code == 200 and reference in queue.text
        token = _CSRF.search(queue.text)
        assert token is not None
        assert browser.post(f"/sager/{reference}/cpr", data={"csrf": token.group(1)}).status_code == 200

        samples = scrape(metrics)
        assert value(samples, "claims_review_requests_total", route="/sager", method="GET", status="200") == 1
        assert value(samples, "claims_review_requests_total", route="/login", method="POST", status="401") == 1
        assert value(samples, "claims_review_requests_total", route="/sager/{reference}/cpr", method="POST", status="303") == 1
        assert by_label(samples, "claims_review_actions_total", "action") == {"login": 1, "reveal_cpr": 1}
        assert value(samples, "claims_review_queue_claims") == in_review > 0
        assert not any(reference in dict(labels).get("route", "") for _, labels in samples)  # templates, not paths
        code, _ = server.terminate(timeout=15)
        assert code in (0, -15) and "Finished server process" in server.text(), server.text()[-2000:]  # uvicorn re-raises SIGTERM


def _up(browser: httpx.Client) -> bool:
    try:
        return browser.get("/login").status_code == 200
    except httpx.TransportError:
        return False
