"""`claims placements import|list`, `claims decisions`, `claims db upgrade` (CONTRACT.md), on
SQLite and PostgreSQL, through typer's CliRunner (and once through the installed entry point)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import typer
from typer.testing import CliRunner

from app import cli_ledger
from claims.model import Outcome
from ledger.store import Store

pytestmark = pytest.mark.integration

SHARED = Path(__file__).resolve().parents[4] / "shared"
CORPUS_CSV = SHARED / "corpus" / "placements.csv"
HEADER = CORPUS_CSV.read_text(encoding="utf-8").splitlines()[0]
ROW = (
    "P-0101,Test Person,0101901234,Albertslund Kommune,29189919,Biblioteket,a@albertslund.dk,"
    "{hours},2026-03-01,{end},,2026-03-01,2026-02-10T09:30:00,hourly"
)


@pytest.fixture
def run(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no claims.toml from elsewhere
    app = typer.Typer()
    cli_ledger.register(app)
    runner = CliRunner()
    env = {"CLAIMS_DATABASE_URL": database_url, "CLAIMS_TODAY": "2026-11-20"}

    def invoke(*args: str, **extra: str):  # type: ignore[no-untyped-def]
        result = runner.invoke(app, list(args), env={**env, **extra}, catch_exceptions=False)
        return result

    invoke.url = database_url  # type: ignore[attr-defined]
    return invoke


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "placements.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_corpus_import_then_list_shows_statuses_versions_and_masked_cpr(run) -> None:  # type: ignore[no-untyped-def]
    result = run("placements", "import", str(CORPUS_CSV))
    assert result.exit_code == 0, result.output
    assert "12 new" in result.output
    listed = run("placements", "list", "--json")
    assert listed.exit_code == 0
    items = {p["placement_id"]: p for p in json.loads(listed.output)}
    assert len(items) == 11
    assert items["P-0002"]["status"] == items["P-0006"]["status"] == "ended"
    assert all(items[f"P-{n:04d}"]["status"] == "approved" for n in (1, 3, 4, 5, 7, 8, 9, 10, 11))
    p4 = items["P-0004"]
    assert [v["weekly_hours"] for v in p4["versions"]] == ["6", "9"] and p4["weekly_hours"] == "9"
    assert set(p4) >= set(HEADER.split(",")) | {"status", "versions"}
    table = run("placements", "list")
    assert table.exit_code == 0
    assert "140391-xxxx" in table.output and "1403911166" not in table.output
    assert "75.5 of 100 hours a week in use today" in table.output
    again = run("placements", "import", str(CORPUS_CSV))
    assert again.exit_code == 0 and "12 unchanged" in again.output


def test_bad_rows_are_named_by_row_and_nothing_is_imported(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path,
        ROW.format(hours="8", end="2027-02-28"),
        ROW.format(hours="12", end="2027-02-28").replace("P-0101", "P-0102"),
        ROW.format(hours="8", end="2027-03-01").replace("P-0101", "P-0103"),
        ROW.format(hours="8", end="2027-02-30").replace("P-0101", "P-0104"),
    )
    result = run("placements", "import", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("row 3 (P-0102): WEEKLY_HOURS_OVER_MAX") for line in lines)
    assert any(line.startswith("row 4 (P-0103): DURATION_OVER_MAX") for line in lines)
    assert any(line.startswith("row 5 (P-0104): unreadable") and "end_date" in line for line in lines)
    assert not any(line.startswith("row 2") for line in lines)
    assert "0101901234" not in result.output
    assert json.loads(run("placements", "list", "--json").output) == []


def test_a_file_that_is_no_csv_of_placements_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    result = run("placements", "import", str(path))
    assert result.exit_code == 1 and "row 1: unreadable" in result.output
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run("placements", "import", str(path))
    assert result.exit_code == 1 and "row 1: unreadable" in result.output


def test_rows_that_do_not_fit_the_pool_are_imported_as_waitlisted_one_line_each(run) -> None:  # type: ignore[no-untyped-def]
    result = run("placements", "import", str(CORPUS_CSV), CLAIMS_POOL_HOURS="60")
    assert result.exit_code == 0, result.output
    waitlisted = [line for line in result.output.splitlines() if "waitlisted (POOL_FULL)" in line]
    assert [line.split(":")[0] for line in waitlisted] == ["P-0004", "P-0004", "P-0005", "P-0008", "P-0011"]
    items = {p["placement_id"]: p for p in json.loads(run("placements", "list", "--json", CLAIMS_POOL_HOURS="60").output)}
    assert items["P-0005"]["status"] == "waitlisted" and items["P-0001"]["status"] == "approved"


def test_decisions_json_is_schema_valid_newest_last_with_masked_cpr(run) -> None:  # type: ignore[no-untyped-def]
    assert run("db", "upgrade").exit_code == 0
    store = Store.from_url(run.url)

    class D:
        outcome = Outcome.APPROVED
        claimed = approved = proposed = Decimal("100.00")
        lines = findings = ()
        placement_id = "P-0001"
        rules_version = "2026.1"

    from claims.model import Claim

    for day in (dt.date(2026, 11, 1), dt.date(2026, 11, 19)):
        store.record_decision(D(), decided_on=day, claim=Claim(cpr="1403911166"))
    store.engine.dispose()
    result = run("decisions", "--json")
    assert result.exit_code == 0
    docs = json.loads(result.output)
    jsonschema.validate(docs, json.loads((SHARED / "schema" / "decision.schema.json").read_text()))
    assert [d["reference"] for d in docs] == ["JLT-2026-000001", "JLT-2026-000002"]
    assert docs[0]["cpr"] == "140391-xxxx"
    since = json.loads(run("decisions", "--json", "--since", "2026-11-10").output)
    assert [d["reference"] for d in since] == ["JLT-2026-000002"]
    table = run("decisions")
    assert "JLT-2026-000002" in table.output and "1403911166" not in table.output


def test_the_installed_command_creates_the_sqlite_folder_on_first_use(tmp_path: Path) -> None:
    claims = Path(sys.executable).parent / "claims"
    if not claims.exists():
        pytest.skip("the claims entry point is not installed (pip install -e .)")
    db = tmp_path / "deep" / "er" / "claims.db"
    env = {**os.environ, "CLAIMS_DATABASE_URL": f"sqlite:///{db}", "CLAIMS_TODAY": "2026-11-20"}
    done = subprocess.run(
        [str(claims), "placements", "import", str(CORPUS_CSV)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert db.exists()
    listed = subprocess.run(
        [str(claims), "decisions", "--json"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
