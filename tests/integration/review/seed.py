"""Realistic data for the review tests: the corpus placements and a few corpus mails run
through the real pipeline (app.pipeline.process_raw), into a database the test owns.

The corpus lives beside the project (../shared, as in CI); without it the tests that need it
are skipped with that reason."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.bootstrap import Services, bootstrap
from app.cli_ledger import read_placements
from app.pipeline import process_raw
from app.review_wiring import review_deps
from app.settings import Settings
from ledger.reviews import ReviewLedger
from review.auth import hash_password
from review.ports import ReviewDeps

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus"
TODAY = "2026-11-20"
PASSWORD = "rigtig-hemmelig-1"

# Chosen to show each part of the page: a clean approval (payments), FOUR_EYES, a scanned
# payslip read by OCR (boxes, confidence), a CPR_MOD11 claim with a payslip box, a question
# that is not a claim, and a claim waiting for information.
CASES = ("05-bib-clean-september", "11-hmc-typos-no-payslip", "13-hmc-four-eyes", "16-bib-scanned-payslip-ocr",
         "27-sundhedshuset-question", "39-sundhedshuset-cpr-without-check-digit")

needs_corpus = pytest.mark.skipif(not (CORPUS / "cases").is_dir(), reason="../shared/corpus is not beside the project (CI has it)")


@dataclass
class Seeded:
    services: Services
    deps: ReviewDeps
    references: dict[str, str]  # case name -> reference of its (first) decision


def _order(case: str) -> int:
    return int(json.loads((CORPUS / "cases" / case / "expected.json").read_text())["order"])


def settings_for(database_url: str, folder: Path) -> Settings:
    return Settings(database_url=database_url, outbox=f"dir://{folder / 'outbox'}", today=TODAY)  # type: ignore[arg-type]


def seed(database_url: str, folder: Path, cases: tuple[str, ...] = CASES) -> Seeded:
    settings = settings_for(database_url, folder)
    services = bootstrap(settings)
    versions, problems = read_placements((CORPUS / "placements.csv").read_bytes(), settings)
    assert not problems
    services.store.import_placements(versions, capacity=settings.pool_hours, today=services.today())
    references = {}
    for case in sorted(cases, key=_order):
        record, _folder = process_raw(services, (CORPUS / "cases" / case / "message.eml").read_bytes())
        found = [d for d in services.store.decisions() if d.message_pk == record.id]
        assert found, f"{case} was not decided: {services.store.message(record.id)}"
        references[case] = found[0].reference
    reviews = ReviewLedger(services.store.engine)
    for name, role in (("anna", "admin"), ("bo", "reviewer"), ("carl", "reviewer")):
        reviews.add_user(name, role=role, password_hash=hash_password(PASSWORD))
    return Seeded(services, review_deps(services), references)


def copy_seeded(template: Path, folder: Path) -> str:
    """A fresh copy of a seeded SQLite file: seeding once per session keeps the tests fast."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "claims.db"
    shutil.copy(template, target)
    return f"sqlite:///{target}"


def reopen(database_url: str, folder: Path) -> Seeded:
    services = bootstrap(settings_for(database_url, folder))
    decisions = services.store.decisions()
    messages = {m.id: m.message_id for m in services.store.messages()}
    references = {}
    for case in CASES:
        wanted = f"<dev-{case[:2]}@corpus.albertslund.test>"
        for d in decisions:
            if messages.get(d.message_pk or -1) == wanted:
                references.setdefault(case, d.reference)
    return Seeded(services, review_deps(services), references)
