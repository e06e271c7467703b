"""Settings: the contract's defaults, `claims.toml`, and the environment winning over the file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.settings import Settings


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for key in list(__import__("os").environ):
        if key.startswith("CLAIMS_"):
            monkeypatch.delenv(key)
    return tmp_path


def test_the_defaults_are_the_contracts(in_tmp: Path) -> None:
    s = Settings()
    assert s.database_url == f"sqlite:///{in_tmp / 'var' / 'claims.db'}"
    assert s.outbox == f"dir://{in_tmp / 'var' / 'outbox'}"
    assert s.from_address == "jobcenter@albertslund.dk"
    assert (s.pool_hours, s.max_weekly_hours, s.max_months) == (Decimal(100), Decimal(10), 12)
    assert s.four_eyes_above == Decimal(15000) and s.hourly_rate_bounds == (Decimal(100), Decimal(400))
    assert (s.late_months, s.final_settlement_months, s.reminder_days) == (3, 3, 7)
    assert s.max_attachment_bytes == 25 * 1024 * 1024 and s.rates_file is None


def test_claims_toml_is_read_and_the_environment_wins(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (in_tmp / "claims.toml").write_text('today = "2026-11-20"\npool_hours = 80\nCLAIMS_REMINDER_DAYS = 5\n')
    monkeypatch.setenv("CLAIMS_POOL_HOURS", "90")
    s = Settings()
    assert s.today == dt.date(2026, 11, 20) and s.effective_today() == dt.date(2026, 11, 20)
    assert s.pool_hours == Decimal(90) and s.reminder_days == 5


def test_a_bad_hourly_rate_range_is_refused_with_a_clear_message(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_HOURLY_RATE_RANGE", "400-100")
    with pytest.raises(ValueError, match="100-400"):
        Settings()
