"""Mail sources: the claims mailbox as `InboundMail` values, built from `CLAIMS_MAILBOX`.

The one module that imports imap_tools (ARCHITECTURE.md principle 7): its objects never
leave this file. Intake is contained (principle 8): fetch never marks a message seen
(`BODY.PEEK`, RFC 3501 §6.4.5), and a message leaves the folder only by `move`, which the
caller calls after committing the message's outcome.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import imaplib
import logging
import re
import ssl
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from imap_tools import BaseMailBox, MailBox, MailBoxUnencrypted
from imap_tools.errors import ImapToolsError, MailboxFolderSelectError, MailboxLoginError

from mailroom.errors import ConfigError, MessageGone, TransientError
from mailroom.inbound import Folder, InboundMail, MailSource, Waiting, oldest_first, read_all, waiting_of
from mailroom.maildir import MaildirSource
from mailroom.oauth2 import AccessToken, LoginRefused, Mechanism, SaslExchange, ServerRefused, Tokens, log_in, token_login
from mailroom.urls import Tls, parse_mail_url, tls_context

__all__ = ["Folder", "ImapSource", "InboundMail", "MailSource", "MaildirSource", "backoff", "open_source"]

log = logging.getLogger(__name__)

T = TypeVar("T")
PREFIX = "imap:"
_LIST_CHUNK = 500  # headers only: a chunk of 500 is some 100 KB
_LIST_ITEMS = "(UID INTERNALDATE BODY.PEEK[HEADER.FIELDS (DATE MESSAGE-ID IN-REPLY-TO REFERENCES)])"
_IDLE_MAX_SECONDS = 29 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes
_CONNECTION_ERRORS = (OSError, imaplib.IMAP4.abort, EOFError)
_UID = re.compile(rb"UID (\d+)")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


def open_source(url: str, *, ca_file: str | Path | None = None, tokens: Callable[[], Tokens] | None = None) -> MailSource:
    """`maildir:///abs/path` or `imap[s]://user:password@host:port/FOLDER[?tls=starttls|none]`
    (CONTRACT.md; `imap://` upgrades by STARTTLS as mailroom/urls.py says), or with
    `user@host...?auth=xoauth2|oauthbearer` an OAuth2 login with the token `tokens()` gives."""
    parsed = parse_mail_url(url, allowed=frozenset({"maildir", "imap", "imaps"}))
    if parsed.scheme == "maildir":
        return MaildirSource(parsed.path)
    oauth = token_login(parsed, tokens)
    if oauth is None and (not parsed.user or parsed.password is None):
        raise ConfigError(f"{parsed.redacted} needs user:password@ before the host")
    return ImapSource(
        parsed.host, parsed.port, parsed.user or "", parsed.password or "", parsed.path or "INBOX",
        tls=parsed.tls, context=tls_context(ca_file) if parsed.tls != "none" else None, oauth=oauth,
    )


class _StartTlsMailBox(BaseMailBox):
    """imap_tools' MailBoxStartTls, but STARTTLS only when the server offers it, unless required."""

    def __init__(self, host: str, port: int, timeout: float, context: ssl.SSLContext, *, required: bool) -> None:
        self._host, self._port, self._timeout = host, port, timeout
        self._context, self._required = context, required
        super().__init__()

    def _get_mailbox_client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self._host, self._port, timeout=self._timeout)
        try:
            if "STARTTLS" in client.capabilities:
                client.starttls(self._context)  # checks the certificate and the host name
            elif self._required:
                raise ConfigError(f"imap://{self._host}:{self._port}: the server offers no STARTTLS, so the "
                                  "password is not sent (it would go unencrypted); use imaps:// or port 993")
        except BaseException:
            with contextlib.suppress(OSError):
                client.shutdown()
            raise
        return client


def backoff(attempts: int, *, first: float = 0.5, cap: float = 30.0) -> Iterator[float]:
    """The delays before each retry: 0.5, 1, 2, 4 ... seconds, at most `cap`."""
    for attempt in range(attempts):
        yield min(first * 2**attempt, cap)


def _internaldate(meta: bytes) -> dt.datetime | None:
    match = _INTERNALDATE.search(meta)  # RFC 3501 date-time: "17-Jul-1996 02:44:25 -0700"
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1).decode().strip(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return None


class ImapSource:
    """One IMAP folder. Connects lazily, and again (with backoff) when the connection drops."""

    def __init__(
        self, host: str, port: int, user: str, password: str, folder: str = "INBOX", *,
        tls: Tls = "auto", timeout: float = 30.0, retries: int = 3,
        sleep: Callable[[float], None] = time.sleep, context: ssl.SSLContext | None = None,
        oauth: tuple[Tokens, Mechanism] | None = None,
    ) -> None:
        self._host, self._port, self._user, self._password = host, port, user, password
        self._oauth = oauth  # log in with an access token (SASL XOAUTH2/OAUTHBEARER), not the password
        self._token: AccessToken | None = None  # the token of the open connection
        self._folder, self._tls, self._timeout = folder, tls, timeout
        self._context = context or ssl.create_default_context()
        self._retries, self._sleep = retries, sleep
        self._box: BaseMailBox | None = None
        self._uidvalidity = 0
        self._capabilities: frozenset[str] = frozenset()
        self._folders: set[str] = set()
        self._seen: frozenset[str] = frozenset()
        self.connections = 0  # logins so far: each one after the first is a reconnect (metrics)

    @property
    def name(self) -> str:
        scheme = "imaps" if self._tls == "implicit" else "imap"
        options = [f"tls={self._tls}"] if self._tls in ("starttls", "none") else []
        if self._oauth is not None:
            options.append(f"auth={self._oauth[1].lower()}")
        query = f"?{'&'.join(options)}" if options else ""
        auth = f"{self._user}@" if self._oauth is not None else f"{self._user}:***@"
        return f"{scheme}://{auth}{self._host}:{self._port}/{self._folder}{query}"

    def __repr__(self) -> str:
        return f"ImapSource({self.name!r})"

    # -- connection ---------------------------------------------------------------------------

    def _open(self) -> BaseMailBox:
        try:
            if self._tls == "implicit":
                return MailBox(self._host, port=self._port, timeout=self._timeout, ssl_context=self._context)
            if self._tls == "none":
                return MailBoxUnencrypted(self._host, port=self._port, timeout=self._timeout)
            return _StartTlsMailBox(self._host, self._port, self._timeout, self._context, required=self._tls == "starttls")
        except ssl.SSLCertVerificationError as err:  # a setting to fix, not a server to wait for
            raise ConfigError(f"{self.name}: the server's certificate was not accepted ({err.verify_message}); "
                              "for an internal CA set CLAIMS_TLS_CA_FILE") from err

    def _connect(self) -> BaseMailBox:
        box = self._open()
        try:
            if self._oauth is None:
                box.login(self._user, self._password, initial_folder=None)
            else:
                self._login_with_token(box)
        except MailboxLoginError as err:
            box.client.shutdown()
            raise LoginRefused(f"{self.name}: login refused for {self._user!r}") from err
        except BaseException:
            box.client.shutdown()
            raise
        # imaplib keeps the pre-login CAPABILITY (no MOVE, no UIDPLUS); without a refresh
        # imap_tools falls back to COPY + EXPUNGE of the whole folder (RECIPES.md §2).
        typ, data = box.client.capability()
        self._capabilities = frozenset(data[0].decode().upper().split()) if typ == "OK" else frozenset()
        box.client.capabilities = tuple(sorted(self._capabilities))
        try:
            box.folder.set(self._folder)
        except MailboxFolderSelectError as err:
            box.client.shutdown()
            raise ConfigError(f"{self.name}: the folder {self._folder!r} cannot be selected") from err
        _, validity = box.client.response("UIDVALIDITY")
        if validity and validity[0]:
            self._uidvalidity = int(validity[0])
        else:
            self._uidvalidity = box.folder.status(self._folder, ["UIDVALIDITY"])["UIDVALIDITY"]
        self._folders = set()
        self.connections += 1
        log.info("imap: connected to %s (uidvalidity %s)", self.name, self._uidvalidity)
        return box

    def _login_with_token(self, box: BaseMailBox) -> None:
        """AUTHENTICATE with the current token; once more with a new one when the server refuses
        it (it may have expired early or been revoked), then `LoginRefused`."""
        assert self._oauth is not None
        mechanism = self._oauth[1]

        def authenticate(exchange: SaslExchange) -> None:
            try:
                box.client.authenticate(mechanism, exchange)
            except imaplib.IMAP4.abort:
                raise  # the connection broke: reconnected with backoff by `_run`, not a refusal
            except imaplib.IMAP4.error as err:
                raise ServerRefused from err

        self._token = log_in(self._oauth, self._user, self._host, self._port, authenticate, where=self.name, service="IMAP")
        box.login_result = ("OK", [b"authenticated"])

    def _token_running_out(self) -> bool:
        """The open connection's token is about to expire: Exchange Online ends such a session,
        so the next command goes over a new connection with a new token instead."""
        token = self._token
        return token is not None and token.expires_at is not None and time.time() >= token.renew_at()

    def _token_left(self) -> float:
        """Seconds an IDLE may last before the connection's token is to be renewed (no limit
        for a password, or a token whose lifetime the provider did not say)."""
        token = self._token
        if token is None or token.expires_at is None:
            return float(_IDLE_MAX_SECONDS)
        return max(token.renew_at() - time.time(), 0.0)

    def _drop(self) -> None:
        box, self._box = self._box, None
        if box is not None:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                box.client.shutdown()

    def reconnect(self) -> None:
        """Drops the connection and opens a new one, with backoff between tries."""
        self._drop()
        self._run("reconnect", lambda _box: None)

    def _run(self, what: str, op: Callable[[BaseMailBox], T]) -> T:
        delays = backoff(self._retries)
        while True:
            try:
                if self._box is not None and self._oauth is not None and self._token_running_out():
                    log.info("imap: the access token of the connection to %s runs out; connecting anew", self.name)
                    self._drop()
                if self._box is None:
                    self._box = self._connect()
                return op(self._box)
            except _CONNECTION_ERRORS as err:
                self._drop()
                delay = next(delays, None)
                if delay is None:
                    raise TransientError(f"{self.name}: {what} failed, the server cannot be reached") from err
                log.warning("imap: %s at %s failed (%s); retrying in %.1f s", what, self.name,
                            type(err).__name__, delay)
                self._sleep(delay)
            except (imaplib.IMAP4.error, ImapToolsError) as err:
                raise TransientError(f"{self.name}: {what} was refused by the server") from err

    # -- MailSource -----------------------------------------------------------------------------

    def fetch(self) -> tuple[InboundMail, ...]:
        return read_all(self)

    def waiting(self) -> tuple[Waiting, ...]:
        return self._run("list", self._waiting)

    def _waiting(self, box: BaseMailBox) -> tuple[Waiting, ...]:
        """UID, INTERNALDATE and the Date, Message-ID and thread headers of every message: some
        hundred bytes each."""
        uids = box.uids("ALL")
        out: list[Waiting] = []
        for start in range(0, len(uids), _LIST_CHUNK):
            chunk = ",".join(uids[start : start + _LIST_CHUNK])
            typ, data = box.client.uid("FETCH", chunk, _LIST_ITEMS)
            if typ != "OK":
                raise imaplib.IMAP4.error(f"UID FETCH answered {typ}")
            for item in data:
                if not isinstance(item, tuple):
                    continue
                meta, head = item
                uid = _UID.search(meta)
                if uid is not None:
                    number = int(uid.group(1))
                    out.append(waiting_of(self._key(number), head, _internaldate(meta), number))
        self._seen = frozenset(uids)
        return oldest_first(out)

    def _key(self, uid: int) -> str:
        return f"{PREFIX}{self._folder}:{self._uidvalidity}:{uid}"

    def _uid_of(self, key: str) -> str:
        parts = key.removeprefix(PREFIX).rsplit(":", 2) if key.startswith(PREFIX) else []
        if len(parts) != 3 or parts[0] != self._folder or not parts[2].isdigit():
            raise MessageGone(f"not a key of {self.name}: {key!r}")
        if str(self._uidvalidity) != parts[1]:
            raise MessageGone(f"{self.name}: UIDVALIDITY is {self._uidvalidity} now, not {parts[1]}")
        return parts[2]

    def read(self, key: str) -> bytes:
        def op(box: BaseMailBox) -> bytes:
            uid = self._uid_of(key)
            typ, data = box.client.uid("FETCH", uid, "(UID BODY.PEEK[])")
            if typ != "OK":
                raise imaplib.IMAP4.error(f"UID FETCH answered {typ}")
            for item in data or []:
                if isinstance(item, tuple) and (found := _UID.search(item[0])) and found.group(1).decode() == uid:
                    return bytes(item[1])
            raise MessageGone(f"{self.name}: no message with UID {uid} (filed by another worker?)")

        return self._run("read", op)

    def move(self, key: str, folder: str) -> None:
        parts = key.removeprefix(PREFIX).rsplit(":", 2) if key.startswith(PREFIX) else []
        if len(parts) != 3 or parts[0] != self._folder or not parts[2].isdigit():
            raise MessageGone(f"not a key of {self.name}: {key!r}")
        _, validity, uid = parts

        def op(box: BaseMailBox) -> None:
            if str(self._uidvalidity) != validity:
                raise MessageGone(f"{self.name}: UIDVALIDITY is {self._uidvalidity} now, not {validity}")
            if folder not in self._folders:
                if not box.folder.exists(folder):
                    box.folder.create(folder)
                self._folders.add(folder)
            box.move(uid, folder)  # UID MOVE (RFC 6851) now that the capabilities are fresh

        self._run("move", op)
        log.info("imap: moved uid %s to %s", uid, folder)

    @property
    def can_wait(self) -> bool:
        self._run("capability", lambda _box: None)
        return "IDLE" in self._capabilities

    def wait(self, timeout: float) -> bool:
        if not self.can_wait:
            return False

        def op(box: BaseMailBox) -> bool:
            if set(box.uids("ALL")) - self._seen:
                return True  # arrived since the last fetch, before IDLE could tell
            try:
                responses = box.idle.wait(timeout=min(max(timeout, 0.0), _IDLE_MAX_SECONDS, self._token_left()))
            except ImapToolsError:
                self._drop()  # an EXISTS raced the IDLE start: the connection state is unknown
                return True
            return any(b"EXISTS" in line or b"RECENT" in line for line in responses)

        return self._run("idle", op)

    def close(self) -> None:
        box, self._box = self._box, None
        if box is not None:
            with contextlib.suppress(OSError, imaplib.IMAP4.error, ImapToolsError):
                box.logout()
