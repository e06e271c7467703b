"""Senders: hand one stored reply to the world, built from `CLAIMS_OUTBOX`.

- `smtp://host:port` (STARTTLS whenever the server offers it, and required for a password to a
  host that is not loopback: mailroom/urls.py), `smtp://...?tls=starttls|none`, `smtps://`
  (implicit TLS), with `user:password@` when the server wants a login, or `user@...?auth=xoauth2`
  for an OAuth2 token (AUTH XOAUTH2/OAUTHBEARER, mailroom/oauth2.py). Certificates and host
  names are checked, against the system's CAs and CLAIMS_TLS_CA_FILE.
- `dir:///abs/path`: one `.eml` per reply, named after its Message-ID and written atomically
  (a temporary file, then a rename), so sending the same reply again overwrites it.

Failures are `TransientError` (retry later: 4xx, no connection), `PermanentError` (5xx) or
`LoginRefused` (the login, not the reply, is wrong): the outbox keeps the reply either way, and
the batch decides what to retry.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import smtplib
import ssl
import tempfile
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Protocol, runtime_checkable

from mailroom.errors import ConfigError, PermanentError, TransientError
from mailroom.oauth2 import LoginRefused, Mechanism, SaslExchange, ServerRefused, Tokens, log_in, token_login
from mailroom.urls import Tls, parse_mail_url, tls_context

log = logging.getLogger(__name__)

_UNSAFE = re.compile(r"[^A-Za-z0-9._@+=-]")


@runtime_checkable
class Sender(Protocol):
    @property
    def name(self) -> str: ...

    def send(self, raw: bytes, to: str, from_: str) -> None:
        """Delivers `raw` (a whole RFC 5322 message) to `to`, envelope sender `from_`."""
        ...

    def check_login(self) -> None:
        """Before a run reads any mail: `LoginRefused` when the server refuses the login, so a
        wrong password or token stops the run before a message is touched. A server that cannot
        be reached is no reason to stop (the replies wait in the outbox)."""
        ...


def open_sender(
    url: str, *, timeout: float = 30.0, ca_file: str | Path | None = None, tokens: Callable[[], Tokens] | None = None,
) -> Sender:
    """`smtp[s]://[user:password@]host:port[?tls=starttls|none]` or `dir:///abs/path` (CONTRACT.md);
    `smtp[s]://user@host:port?auth=xoauth2|oauthbearer` logs in with the token `tokens()` gives."""
    parsed = parse_mail_url(url, allowed=frozenset({"smtp", "smtps", "dir"}))
    if parsed.scheme == "dir":
        return DirSender(parsed.path)
    oauth = token_login(parsed, tokens)
    if oauth is None and parsed.user and parsed.password is None:
        raise ConfigError(f"{parsed.redacted}: a user needs a password (user:password@host)")
    return SmtpSender(parsed.host, parsed.port, user=parsed.user, password=parsed.password, tls=parsed.tls,
                      timeout=timeout, context=tls_context(ca_file) if parsed.tls != "none" else None, oauth=oauth)


def message_id_of(raw: bytes) -> str | None:
    headers = BytesParser(policy=default_policy).parsebytes(raw, headersonly=True)
    value = headers.get("Message-ID")
    return str(value).strip() if value else None


class DirSender:
    """Writes each reply as `<message-id>.eml` into a folder (created on demand)."""

    def __init__(self, folder: str | Path) -> None:
        self._folder = Path(folder)

    @property
    def name(self) -> str:
        return f"dir://{self._folder}"

    def check_login(self) -> None:
        return None  # no login

    def path_for(self, raw: bytes) -> Path:
        """The file a reply goes to: its Message-ID made safe for a file name, else its hash."""
        message_id = message_id_of(raw)
        stem = _UNSAFE.sub("_", message_id.strip("<>")) if message_id else ""
        if not stem.strip("._"):
            stem = "sha256-" + hashlib.sha256(raw).hexdigest()
        return self._folder / f"{stem[:200]}.eml"

    def send(self, raw: bytes, to: str, from_: str) -> None:
        target = self.path_for(raw)
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".eml", dir=self._folder)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(raw)
                    out.flush()
                    os.fsync(out.fileno())
                os.chmod(tmp, 0o640)
                os.replace(tmp, target)  # atomic: a reader sees the old file or the new, never half
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as err:
            raise TransientError(f"cannot write the reply into {self.name}") from err
        log.info("outbox: wrote %s", target.name)


class SmtpSender:
    """One SMTP connection per reply: simple, and nothing to keep alive between batches."""

    def __init__(
        self, host: str, port: int, *, user: str | None = None, password: str | None = None,
        tls: Tls = "auto", timeout: float = 30.0, context: ssl.SSLContext | None = None,
        oauth: tuple[Tokens, Mechanism] | None = None,
    ) -> None:
        self._host, self._port, self._user, self._password = host, port, user, password
        self._tls, self._timeout, self._oauth = tls, timeout, oauth
        self._context = context or ssl.create_default_context()

    @property
    def name(self) -> str:
        auth = (f"{self._user}@" if self._oauth else f"{self._user}:***@") if self._user else ""
        options = [f"tls={self._tls}"] if self._tls in ("starttls", "none") else []
        if self._oauth is not None:
            options.append(f"auth={self._oauth[1].lower()}")
        query = f"?{'&'.join(options)}" if options else ""
        return f"{'smtps' if self._tls == 'implicit' else 'smtp'}://{auth}{self._host}:{self._port}{query}"

    def __repr__(self) -> str:
        return f"SmtpSender({self.name!r})"

    def _connect(self) -> smtplib.SMTP:
        if self._tls == "implicit":
            return smtplib.SMTP_SSL(self._host, self._port, timeout=self._timeout, context=self._context)
        smtp = smtplib.SMTP(self._host, self._port, timeout=self._timeout)
        if self._tls == "none":
            return smtp
        try:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=self._context)  # checks the certificate and the host name
                smtp.ehlo()  # RFC 3207 §4.2: forget what was said before TLS
                return smtp
        except BaseException:
            smtp.close()
            raise
        if self._tls == "starttls":
            smtp.close()
            raise ConfigError(f"{self.name}: the server offers no STARTTLS, so nothing is sent (the password "
                              "would go unencrypted); check the port (587) or use smtps://")
        return smtp

    def send(self, raw: bytes, to: str, from_: str) -> None:
        try:
            with self._connect() as smtp:
                self._login(smtp)
                refused = smtp.sendmail(from_, [to], raw)
        except ssl.SSLCertVerificationError as err:
            raise ConfigError(f"{self.name}: the server's certificate was not accepted "
                              f"({err.verify_message}); for an internal CA set CLAIMS_TLS_CA_FILE") from err
        except smtplib.SMTPAuthenticationError as err:
            raise LoginRefused(f"{self.name}: login refused for {self._user!r}") from err
        except smtplib.SMTPRecipientsRefused as err:
            codes = [code for code, _ in err.recipients.values()]
            raise _by_code(min(codes, default=550), f"{self.name}: the recipient was refused") from err
        except smtplib.SMTPResponseException as err:  # sender refused, data refused, ...
            raise _by_code(err.smtp_code, f"{self.name}: the server answered {err.smtp_code}") from err
        except (smtplib.SMTPException, OSError) as err:  # no connection, dropped, timeout
            raise TransientError(f"{self.name}: the server cannot be reached") from err
        if refused:
            raise PermanentError(f"{self.name}: the recipient was refused")
        log.info("smtp: sent a reply through %s", self.name)


    def check_login(self) -> None:
        if not self._user:
            return
        try:
            with self._connect() as smtp:
                self._login(smtp)
        except smtplib.SMTPAuthenticationError as err:
            raise LoginRefused(f"{self.name}: login refused for {self._user!r}") from err
        except ssl.SSLCertVerificationError as err:
            raise ConfigError(f"{self.name}: the server's certificate was not accepted "
                              f"({err.verify_message}); for an internal CA set CLAIMS_TLS_CA_FILE") from err
        except (smtplib.SMTPException, OSError) as err:
            log.warning("smtp: %s cannot be reached to check the login (%s); replies wait in the outbox",
                        self.name, type(err).__name__)

    def _login(self, smtp: smtplib.SMTP) -> None:
        if self._oauth is None:
            if self._user:
                smtp.login(self._user, self._password or "")
            return
        mechanism = self._oauth[1]
        smtp.ehlo_or_helo_if_needed()
        offered = smtp.esmtp_features.get("auth", "").upper().split()
        if mechanism not in offered:
            raise LoginRefused(f"{self.name}: the server offers no AUTH {mechanism} (it offers "
                               f"{' '.join(offered) or 'no AUTH'}); check the host and port (587 for Microsoft 365)")

        def authenticate(exchange: SaslExchange) -> None:
            try:  # smtplib base64-encodes what the callback gives, as str
                smtp.auth(mechanism, lambda challenge=None: exchange(challenge).decode("ascii"))
            except smtplib.SMTPAuthenticationError as err:
                raise ServerRefused from err

        log_in(self._oauth, self._user or "", self._host, self._port, authenticate, where=self.name, service="SMTP")


def _by_code(code: int, text: str) -> TransientError | PermanentError:
    """RFC 5321 §4.2.1: 4yz is a transient failure, 5yz a permanent one."""
    return TransientError(text) if 400 <= code < 500 else PermanentError(text)
