"""Payments: the approved refunds not yet exported, as CSV for the finance system, booked in
the ledger so nothing is paid twice; a reviewer's later change comes out as a correction."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ledger import payments
from ledger.reviews import ReviewLedger
from review.payments import COLUMNS
from tests.integration.review.conftest import login
from tests.integration.review.seed import Seeded, needs_corpus, seed

pytestmark = pytest.mark.integration


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_hands_out_each_refund_once_and_a_later_change_as_a_correction(client: TestClient, seeded: Seeded) -> None:
    token = login(client)
    clean = seeded.references["05-bib-clean-september"]
    assert clean in client.get("/betalinger").text
    first = client.post("/betalinger/eksport", data={"csrf": token})
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/csv")
    rows = _rows(first.text)
    assert tuple(rows[0]) == COLUMNS
    row = next(r for r in rows if r["reference"] == clean)
    assert (row["kind"], row["workplace"], row["period_start"], row["amount"]) == ("refund", "Biblioteket", "2026-09-01", "7237.95")
    assert (row["pool_account"], row["workplace_account"]) == ("pool", "workplace:Biblioteket")
    assert _rows(client.post("/betalinger/eksport", data={"csrf": token}).text) == []

    # A reviewer later cuts the approved claim by 237.95: the next export claims the old
    # refund back and pays the new one, a net correction of -237.95.
    done = client.post(f"/sager/{clean}/godkend", data={"csrf": token, "amount_0": "4.000,00", "reason_0": "Rettet efter opringning"},
                       follow_redirects=False)
    assert done.status_code == 303
    later = _rows(client.post("/betalinger/eksport", data={"csrf": token}).text)
    assert [(r["kind"], r["amount"]) for r in later][0] == ("reversal", "-7237.95")
    assert later[1]["kind"] == "correction" and later[1]["supersedes"] == clean
    assert sum(Decimal(r["amount"]) for r in later) == Decimal("4000.00") - Decimal(
        next(x for x in seeded.services.store.decision(clean).lines if x["kind"] == "salary")["claimed"]  # type: ignore[union-attr]
    )
    assert "Tidligere eksporter" in client.get("/betalinger").text


@needs_corpus
def test_payments_and_review_ledger_work_on_both_databases(database_url: str, tmp_path: Path) -> None:
    done = seed(database_url, tmp_path, cases=("05-bib-clean-september", "13-hmc-four-eyes"))
    store = done.services.store
    try:
        preview = payments.unexported(store)
        assert [line.reference for line in preview] == [done.references["05-bib-clean-september"]]
        booked = payments.export_refunds(store, batch="B1")
        assert booked == preview and payments.unexported(store) == ()
        assert [(b.batch, b.lines, b.total) for b in payments.batches(store)] == [("B1", 1, preview[0].amount)]
        reviews = ReviewLedger(store.engine)
        assert reviews.user("bo") is not None and len(reviews.users()) == 3
        reviews.add_event("approval_pending", user_name="bo", reference="JLT-2026-000002", data={"reason": "ok 0101901234"})
        event = reviews.pending_approval("JLT-2026-000002")
        assert event is not None and "0101901234" not in str(event.data)
    finally:
        store.engine.dispose()


@needs_corpus
def test_the_commands_add_a_user_and_export_payments(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    seed(url, tmp_path, cases=("05-bib-clean-september",)).services.store.engine.dispose()
    env = {**os.environ, "CLAIMS_DATABASE_URL": url, "CLAIMS_TODAY": "2026-11-20"}
    claims = [sys.executable, "-m", "app.cli"]
    added = subprocess.run([*claims, "users", "add", "dorte", "--role", "reviewer", "--password-stdin"], input="langt-kodeord-1\n",
                           env=env, capture_output=True, text=True, check=False)
    assert added.returncode == 0 and "added reviewer dorte" in added.stdout
    twice = subprocess.run([*claims, "users", "add", "dorte", "--role", "reviewer", "--password-stdin"], input="langt-kodeord-1\n",
                           env=env, capture_output=True, text=True, check=False)
    assert twice.returncode == 1
    out = tmp_path / "export.csv"
    exported = subprocess.run([*claims, "payments", "export", "--until", "2026-11-20", "--out", str(out)], env=env,
                              capture_output=True, text=True, check=False)
    assert exported.returncode == 0, exported.stderr
    rows = _rows(out.read_text(encoding="utf-8"))
    assert len(rows) == 1 and rows[0]["amount"] == "7237.95"
    again = subprocess.run([*claims, "payments", "export"], env=env, capture_output=True, text=True, check=False)
    assert again.returncode == 0 and _rows(again.stdout) == []
