"""Who may use the page: argon2 passwords, server-side sessions, CSRF tokens and the login
rate limit (OWASP's session and CSRF cheat sheets are the model).

- The session cookie holds a random token; the database keeps only its SHA-256, with the
  session's CSRF token (synchronizer-token pattern) and an absolute expiry.
- The login form has no session yet: its CSRF token is an HMAC of a random pre-login cookie
  under a per-process key, so a foreign page cannot post a login either.
- A login is refused with 429 after `max_failures` failed attempts for the same user name from
  the same address (or `max_failures_per_address` from one address) within the window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
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
    limited: bool = False


class Auth:
    def __init__(self, reviews: ReviewLedger, config: ReviewConfig, *, key: bytes | None = None) -> None:
        self.reviews = reviews
        self.config = config
        self._key = key or secrets.token_bytes(32)

    # --- login ---

    def login(self, name: str, password: str, address: str, *, now: dt.datetime | None = None) -> LoginResult:
        moment = now or dt.datetime.now(dt.UTC)
        since = moment - dt.timedelta(minutes=self.config.login_window_minutes)
        if (
            self.reviews.failed_logins(since=since, name=name, address=address) >= self.config.max_failures
            or self.reviews.failed_logins(since=since, address=address) >= self.config.max_failures_per_address
        ):
            return LoginResult(None, limited=True)
        user = self.reviews.user(name)
        ok = password_matches(user.password_hash if user else _DUMMY_HASH, password) and user is not None
        self.reviews.record_login_attempt(name, address, ok=ok, at=moment)
        if not ok or user is None:
            return LoginResult(None)
        token = secrets.token_urlsafe(32)
        self.reviews.start_session(
            user,
            token_hash=token_hash(token),
            csrf=secrets.token_urlsafe(32),
            expires_at=moment + dt.timedelta(hours=self.config.session_hours),
        )
        return LoginResult(user, token)

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
