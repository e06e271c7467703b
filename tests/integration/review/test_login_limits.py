"""Login limits that cannot lock out colleagues (issue 8, finding 6): a back-off per account
from any address, and a limit per address that slows wrong passwords without ever refusing a
correct one for another account (review/auth.py's docstring has the design)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from fastapi.testclient import TestClient

from review.auth import Auth
from review.ports import ReviewConfig
from tests.integration.review.conftest import csrf_of, login
from tests.integration.review.seed import PASSWORD, Seeded

pytestmark = pytest.mark.integration

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def _try(client: TestClient, name: str, password: str) -> int:
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf": token}, follow_redirects=False).status_code


def test_many_failures_for_one_name_from_the_shared_address_do_not_stop_a_colleague(client: TestClient) -> None:
    codes = [_try(client, "anna", "forkert") for _ in range(25)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}  # anna's account is locked, no more guesses
    login(client, "bo")  # bo, from the same address, with his password: in


def test_an_address_over_its_limit_gets_429_and_a_delay_for_wrong_passwords_but_a_right_one_still_logs_in(
    client: TestClient,
) -> None:
    # A script guessing user names: each name once, so no account locks; the address does.
    codes = [_try(client, f"gæt{i}", "forkert") for i in range(20)]
    assert codes == [401] * 20
    started = time.monotonic()
    assert _try(client, "gæt-mere", "forkert") == 429
    assert time.monotonic() - started >= 1.0  # address_delay_seconds on top of argon2
    assert _try(client, "carl", "forkert") == 429  # a wrong password for a real account: throttled too
    login(client, "bo")  # the right password for an account that is not locked: always in
    assert _try(client, "anna", PASSWORD) == 303


def test_failures_for_one_account_lock_it_from_every_address_with_a_growing_back_off(seeded: Seeded) -> None:
    auth = Auth(seeded.deps.reviews, ReviewConfig())
    for i in range(5):
        assert auth.login("bo", "forkert", f"10.0.0.{i}", now=T0 + dt.timedelta(seconds=i)).user is None
    # The right password, from an address bo never used: refused while bo is locked (60 s).
    locked = auth.login("bo", PASSWORD, "10.9.9.9", now=T0 + dt.timedelta(seconds=10))
    assert locked.limited and locked.user is None and 50 <= locked.retry_after <= 60
    # carl is not affected, from the very addresses the guesses came from.
    assert auth.login("carl", PASSWORD, "10.0.0.1", now=T0 + dt.timedelta(seconds=11)).user is not None
    # After the lock, one more failure doubles it (120 s from that failure).
    assert not auth.login("bo", "forkert", "10.0.0.7", now=T0 + dt.timedelta(seconds=70)).limited
    again = auth.login("bo", PASSWORD, "10.9.9.9", now=T0 + dt.timedelta(seconds=80))
    assert again.limited and 100 <= again.retry_after <= 120
    # Refused attempts are not recorded, so hammering a locked account does not prolong it.
    for s in range(81, 120):
        assert auth.login("bo", "forkert", "10.0.0.8", now=T0 + dt.timedelta(seconds=s)).limited
    assert auth.login("bo", PASSWORD, "10.9.9.9", now=T0 + dt.timedelta(seconds=191)).user is not None


def test_the_lock_doubles_per_failure_and_never_exceeds_the_window(seeded: Seeded) -> None:
    auth = Auth(seeded.deps.reviews, ReviewConfig(max_failures=5, lock_seconds=60, login_window_minutes=15))
    since = T0 - dt.timedelta(minutes=15)
    locks = []
    for _ in range(10):
        seeded.deps.reviews.record_login_attempt("anna", "10.0.0.1", ok=False, at=T0)
        locks.append(auth.locked_for("anna", since=since, now=T0))
    assert locks == [0, 0, 0, 0, 60, 120, 240, 480, 900, 900]
    assert auth.locked_for("anna", since=since, now=T0 + dt.timedelta(seconds=899)) == 1
    assert auth.locked_for("anna", since=since, now=T0 + dt.timedelta(seconds=900)) == 0
