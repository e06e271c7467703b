"""Who may use the page: argon2 passwords, server-side sessions, CSRF tokens and the login
rate limit (OWASP's session and CSRF cheat sheets are the model).

- The session cookie holds a random token; the database keeps only its SHA-256, with the
  session's CSRF token (synchronizer-token pattern) and an absolute expiry.
- The login form has no session yet: its CSRF token is an HMAC of a random pre-login cookie
  under a per-process key, so a foreign page cannot post a login either.

Login limits (issue 8, finding 6): reviewers in a town hall share one outgoing address, so a
limit per address must never keep a colleague with the right password out.

- Per account: after `max_failures` failed attempts for one user name within the window, from
  any address, that account is locked for `lock_seconds`, doubling with each further failure
  (1, 2, 4, 8 minutes, at most the window) counted from its latest failure. While locked, a
  login for that name answers 429 without checking the password and without being recorded
  (so hammering a locked account does not prolong the lock). Only that account is affected.
- Per address: once an address has `max_failures_per_address` failures in the window, a wrong
  password from it answers 429 (not 401) after a further `address_delay_seconds`; the password
  is still checked at argon2's cost, which is the slow-down. A correct password for an account
  that is not itself locked always logs in, from any address.
- Guessing many names from one address therefore costs argon2 plus the delay per try and each
  guessed name locks only itself; guessing one name is held to a few tries per window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ledger.reviews import ReviewLedger, Session, User
from review.ports import ReviewConfig

SESSION_COOKIE = "jc_session"
PRELOGIN_COOKIE = "jc_prelogin"

_hasher = PasswordHasher()
# Verified against when the user name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class LoginResult:
    user: User | None
    token: str | None = None
    limited: bool = False  # answer 429
    retry_after: int = 0  # seconds until this account may try again (0: the address limit)
    delay: float = 0.0  # seconds to wait before answering (a wrong password from a busy address)


class Auth:
    def __init__(self, reviews: ReviewLedger, config: ReviewConfig, *, key: bytes | None = None) -> None:
        self.reviews = reviews
        self.config = config
        self._key = key or secrets.token_bytes(32)

    # --- login ---

    def login(self, name: str, password: str, address: str, *, now: dt.datetime | None = None) -> LoginResult:
        moment = now or dt.datetime.now(dt.UTC)
        since = moment - dt.timedelta(minutes=self.config.login_window_minutes)
        if (wait := self.locked_for(name, since=since, now=moment)) > 0:
            return LoginResult(None, limited=True, retry_after=wait)
        busy_address = self.reviews.failed_logins(since=since, address=address) >= self.config.max_failures_per_address
        user = self.reviews.user(name)
        ok = password_matches(user.password_hash if user else _DUMMY_HASH, password) and user is not None
        self.reviews.record_login_attempt(name, address, ok=ok, at=moment)
        if not ok or user is None:
            if busy_address:
                return LoginResult(None, limited=True, delay=self.config.address_delay_seconds)
            return LoginResult(None)
        token = secrets.token_urlsafe(32)
        self.reviews.start_session(
            user,
            token_hash=token_hash(token),
            csrf=secrets.token_urlsafe(32),
            expires_at=moment + dt.timedelta(hours=self.config.session_hours),
        )
        return LoginResult(user, token)

    def locked_for(self, name: str, *, since: dt.datetime, now: dt.datetime) -> int:
        """Seconds this user name is still locked (0: it may try): the back-off per account."""
        failures = self.reviews.failed_logins(since=since, name=name)
        if failures < self.config.max_failures:
            return 0
        last = self.reviews.last_failed_login(since=since, name=name)
        if last is None:
            return 0
        window = self.config.login_window_minutes * 60
        lock = min(window, self.config.lock_seconds * 2 ** min(failures - self.config.max_failures, 30))
        return max(0, math.ceil(lock - (now - last).total_seconds()))

    def session(self, token: str | None) -> Session | None:
        if not token:
            return None
        return self.reviews.session(token_hash(token))

    def logout(self, token: str | None) -> None:
        if token:
            self.reviews.end_session(token_hash(token))

    # --- CSRF of the login form ---

    def prelogin_token(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode(), hashlib.sha256).hexdigest()

    def prelogin_ok(self, nonce: str | None, token: str | None) -> bool:
        return bool(nonce and token) and hmac.compare_digest(self.prelogin_token(nonce or ""), token or "")


def csrf_ok(session: Session, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(session.csrf, token or "")
