"""OAuth2 access tokens for IMAP and SMTP (`?auth=xoauth2|oauthbearer` on a mail URL).

Microsoft 365 takes no passwords over IMAP or SMTP: a client logs in with SASL XOAUTH2 (or
OAUTHBEARER, RFC 7628) and an access token it got for its app registration. `Tokens` is the
one cache both sides share: it hands out the current token and fetches a new one from its
provider (mailroom/token_providers.py: MSAL, or a command) before the old one runs out, or at
once after a server refused it (`renew`).

A token is a credential like a password: it is never logged and never in a `repr`.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from mailroom.errors import ConfigError, PermanentError
from mailroom.urls import MailUrl

log = logging.getLogger(__name__)

Mechanism = Literal["XOAUTH2", "OAUTHBEARER"]
MECHANISMS: dict[str, Mechanism] = {"xoauth2": "XOAUTH2", "oauthbearer": "OAUTHBEARER"}
RENEW_BEFORE = 300.0  # seconds: a token is renewed this long before it expires ...
RENEW_SHARE = 0.2  # ... or, for a short-lived one, when a fifth of its lifetime is left
UNKNOWN_LIFETIME = 300.0  # a token printed without its lifetime is asked for again after this


class TokenError(ConfigError):
    """The identity provider refused to give a token (a wrong secret, tenant, client id or scope;
    a token command that failed): a setting to fix, so `claims` says it in one line, exit 2."""


class LoginRefused(ConfigError, PermanentError):
    """The mail server refused the login (password or token). Nothing was read or sent; retrying
    with the same credentials will not help, so the run stops with one line and exit 2."""


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str = field(repr=False)
    expires_at: float | None  # time.time() when it runs out; None: the provider did not say
    issued_at: float = 0.0

    def renew_at(self) -> float:
        """When the cache asks for the next one."""
        if self.expires_at is None:
            return self.issued_at + UNKNOWN_LIFETIME
        lifetime = max(self.expires_at - self.issued_at, 0.0)
        return self.expires_at - min(RENEW_BEFORE, lifetime * RENEW_SHARE)


class TokenProvider(Protocol):
    """Where tokens come from (mailroom/token_providers.py)."""

    @property
    def name(self) -> str: ...  # for logs: never a secret

    def fetch(self, *, fresh: bool) -> AccessToken:
        """A token; `fresh`: not one the provider cached (the server refused that one)."""
        ...


class Tokens:
    """The current access token, renewed before it expires; thread-safe (the daemon's IMAP
    connection and the replies share it)."""

    def __init__(self, provider: TokenProvider, *, clock: Callable[[], float] = time.time) -> None:
        self.provider, self._clock = provider, clock
        self._token: AccessToken | None = None
        self._lock = threading.Lock()
        self.fetched = 0  # tokens asked for so far (metrics, tests)

    def __repr__(self) -> str:
        return f"Tokens({self.provider.name})"

    def current(self) -> AccessToken:
        with self._lock:
            if self._token is None or self._clock() >= self._token.renew_at():
                self._token = self._fetch(fresh=False)
            return self._token

    def renew(self, refused: AccessToken) -> AccessToken:
        """A new token after a server refused `refused` (expired early, revoked); the one another
        thread fetched meanwhile when there is one."""
        with self._lock:
            if self._token is None or self._token.value == refused.value:
                self._token = self._fetch(fresh=True)
            return self._token

    def _fetch(self, *, fresh: bool) -> AccessToken:
        token = self.provider.fetch(fresh=fresh)
        self.fetched += 1
        left = "" if token.expires_at is None else f", valid for {token.expires_at - self._clock():.0f} s"
        log.info("oauth2: got an access token from %s%s", self.provider.name, left)
        return token


def xoauth2(user: str, token: str) -> bytes:
    """The XOAUTH2 initial response (Google's and Microsoft's SASL mechanism), unencoded."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def oauthbearer(user: str, token: str, host: str, port: int) -> bytes:
    """The OAUTHBEARER initial client response (RFC 7628 §3.1), unencoded."""
    return f"n,a={user},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01".encode()


def initial_response(mechanism: Mechanism, user: str, token: str, host: str, port: int) -> bytes:
    return xoauth2(user, token) if mechanism == "XOAUTH2" else oauthbearer(user, token, host, port)


def after_error(mechanism: Mechanism) -> bytes:
    """What a client answers to the server's error challenge (a JSON status) before the server
    says NO: an empty response for XOAUTH2, a single %x01 for OAUTHBEARER (RFC 7628 §3.2.3)."""
    return b"" if mechanism == "XOAUTH2" else b"\x01"


class SaslExchange:
    """The client's side of one XOAUTH2/OAUTHBEARER exchange, as imaplib's and smtplib's
    `authenticate` call it: the initial response first, then the answer to an error challenge.
    `challenged` tells afterwards whether the server sent one (it refused the token)."""

    def __init__(self, mechanism: Mechanism, user: str, token: str, host: str, port: int) -> None:
        self._first = initial_response(mechanism, user, token, host, port)
        self._mechanism = mechanism
        self.calls = 0
        self.challenged = False
        self.error = ""

    def __call__(self, challenge: bytes | None = None) -> bytes:
        self.calls += 1
        if self.calls == 1 and not challenge:
            return self._first
        self.challenged = True
        self.error = _status_of(challenge)
        return after_error(self._mechanism)


def _status_of(challenge: bytes | None) -> str:
    """The server's error challenge, a JSON object (`{"status":"401",...}`), for the log; the
    bytes may come base64-encoded (smtplib hands them on undecoded)."""
    if not challenge:
        return ""
    text = challenge
    if not text.lstrip().startswith(b"{"):
        try:
            text = base64.b64decode(challenge, validate=True)
        except ValueError:
            return ""
    return text.decode("utf-8", "replace")[:200]


def token_login(url: MailUrl, tokens: Callable[[], Tokens] | None) -> tuple[Tokens, Mechanism] | None:
    """The token cache and mechanism of a URL with `?auth=`, None for a password login."""
    if url.auth == "password":
        return None
    if tokens is None:
        raise ConfigError(f"{url.redacted}: ?auth={url.auth} needs a token provider (CLAIMS_OAUTH2_PROVIDER)")
    return tokens(), MECHANISMS[url.auth]


class ServerRefused(Exception):
    """Raised by an `authenticate` callback of `log_in` when the server said no to the token."""


def log_in(
    login: tuple[Tokens, Mechanism], user: str, host: str, port: int,
    authenticate: Callable[[SaslExchange], None], *, where: str, service: str,
) -> AccessToken:
    """One SASL login with the current token, and once more with a new one when the server
    refuses it (expired early, revoked); then `LoginRefused`. Returns the token that passed."""
    tokens, mechanism = login
    token = tokens.current()
    for attempt in (1, 2):
        exchange = SaslExchange(mechanism, user, token.value, host, port)
        try:
            authenticate(exchange)
            return token
        except ServerRefused as err:
            if attempt == 2:
                why = f" ({exchange.error})" if exchange.error else ""
                raise LoginRefused(f"{where}: the server refused the OAuth2 token for {user!r} ({mechanism}){why}; "
                                   f"check the app's {service} permission and its access to the mailbox "
                                   "(docs/operations.md \"Microsoft 365\")") from err.__cause__
            log.warning("%s refused the access token; asking %s for a new one", where, tokens.provider.name)
            token = tokens.renew(token)
    raise AssertionError("unreachable")
