"""A message that takes longer to parse than its time budget is recorded as failed with its
reason, and the next message is handled as usual (issue 8)."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from app.bootstrap import bootstrap
from app.pipeline import process_raw
from app.settings import Settings
from claims.model import ParsedMessage
from parsers.claim import parse_message

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "samples" / "maildir" / "new").glob("*"))
pytestmark = pytest.mark.integration


def _slow_on(marker: bytes):  # noqa: ANN202 (a parser adapter)
    def parse(raw: bytes, max_bytes: int) -> ParsedMessage:
        if marker in raw:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:  # a pure-Python loop, like pdfminer on a hostile PDF
                sum(range(1000))
        return parse_message(raw, max_attachment_bytes=max_bytes)

    return parse


def test_a_message_over_its_time_budget_is_recorded_failed_and_the_next_is_decided(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'claims.db'}", mailbox=f"maildir://{tmp_path}",
                        outbox=f"dir://{tmp_path / 'out'}", today="2026-11-20", message_seconds="0.5")  # type: ignore[arg-type]  # fmt: skip
    services = dataclasses.replace(bootstrap(settings), parser=_slow_on(b"X-Slow: yes"))
    slow = b"X-Slow: yes\r\n" + SAMPLES[0].read_bytes()

    started = time.monotonic()
    record, folder = process_raw(services, slow)
    assert time.monotonic() - started < 10
    assert folder == "Failed"
    failed = services.store.message(record.id)
    assert failed is not None and failed.state == "failed"
    assert "budget of 0.5 s per message" in (failed.error or "")

    record, folder = process_raw(services, SAMPLES[1].read_bytes())
    assert folder != "Failed"
    assert services.store.message(record.id).state != "failed"  # type: ignore[union-attr]
