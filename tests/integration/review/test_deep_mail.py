"""A hostile mail nested 5000 deep (issue 8, finding 3) still gets a page: HTTP 200 with a
notice that only its head was read, never HTTP 500."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from app.pipeline import process_raw
from tests.integration.review.conftest import login
from tests.integration.review.seed import Seeded

pytestmark = pytest.mark.integration


def nested(depth: int, *, subject: str = "Dyb mail") -> bytes:
    """`depth` multiparts, each holding the next: about 70 bytes a level."""
    part = b"Content-Type: text/plain\r\n\r\nbunden\r\n"
    for i in range(depth):
        b = f"b{i}".encode()
        part = b"Content-Type: multipart/mixed; boundary=" + b + b"\r\n\r\n--" + b + b"\r\n" + part + b"\r\n--" + b + b"--\r\n"
    head = f"From: a@example.com\r\nTo: jobcenter@albertslund.dk\r\nSubject: {subject}\r\nMessage-ID: <deep-{depth}@x.test>\r\n"
    return head.encode() + b"MIME-Version: 1.0\r\n" + part


@pytest.mark.parametrize("depth", [5000, 150])
def test_a_deeply_nested_mail_shows_a_page_with_a_notice(client: TestClient, seeded: Seeded, depth: int) -> None:
    record, _folder = process_raw(seeded.services, nested(depth))
    login(client)
    started = time.monotonic()
    response = client.get(f"/post/{record.id}")
    assert response.status_code == 200
    assert time.monotonic() - started < 5
    assert 'id="partial"' in response.text and "indlejrede dele" in response.text
    assert "Dyb mail" in response.text or "(intet emne)" in response.text
    for decision in (d for d in seeded.services.store.decisions() if d.message_pk == record.id):
        assert client.get(f"/sager/{decision.reference}").status_code in (200, 404)  # not_a_claim has no claim page


def test_an_ordinary_mail_has_no_notice(client: TestClient, seeded: Seeded) -> None:
    record, _folder = process_raw(seeded.services, nested(3))
    login(client)
    response = client.get(f"/post/{record.id}")
    assert response.status_code == 200 and 'id="partial"' not in response.text and "bunden" in response.text
