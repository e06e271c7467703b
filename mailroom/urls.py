"""Mail URLs of CONTRACT.md: `maildir:///abs`, `imap[s]://user:pw@host:port/FOLDER`,
`smtp[s]://[user:pw@]host:port`, `dir:///abs`; extended (issue 8) by `?tls=starttls|none` on
`imap://` and `smtp://`, and (issue 11) by `?auth=xoauth2|oauthbearer` on all four: the login is
`user` with an OAuth2 access token (mailroom/oauth2.py) instead of a password.

How each URL is protected (`MailUrl.tls`), docs/operations.md "Transport":
- `imaps://`, `smtps://`: TLS from the first byte (`implicit`).
- `imap://`, `smtp://`: STARTTLS whenever the server offers it (`auto`); when a password goes
  to a host that is not loopback, STARTTLS is required (`starttls`): no upgrade, no login.
- `?tls=starttls`: STARTTLS required, for any host. `?tls=none`: never upgraded, so it is
  refused with a password for any host but loopback (127.0.0.0/8, ::1, localhost) before
  anything connects: one wrong setting must not send the password and every CPR in clear.
- An access token is a credential as a password is: `?auth=` is protected the same way.

The password lives in a field that `repr` leaves out, and `redacted` is the only form that
goes into logs and error messages.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from mailroom.errors import ConfigError

DEFAULT_PORTS = {"imap": 143, "imaps": 993, "smtp": 25, "smtps": 465}
_PATH_SCHEMES = frozenset({"maildir", "dir"})
_IMPLICIT_TLS = frozenset({"imaps", "smtps"})
Tls = Literal["implicit", "starttls", "auto", "none"]
_CHOSEN: dict[str, Tls] = {"starttls": "starttls", "none": "none"}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and the name localhost: the one place a password may go unencrypted."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def tls_context(ca_file: str | Path | None = None) -> ssl.SSLContext:
    """Certificates checked, host name too (`create_default_context`); `ca_file` (the setting
    CLAIMS_TLS_CA_FILE, a municipality's internal CA) is trusted besides the system's CAs."""
    context = ssl.create_default_context()
    if ca_file:
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (OSError, ssl.SSLError) as err:
            raise ConfigError(f"the CA file {str(ca_file)!r} cannot be read as PEM certificates") from err
    return context


@dataclass(frozen=True, slots=True)
class MailUrl:
    scheme: str
    host: str = ""
    port: int = 0
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    path: str = ""  # the absolute path (maildir, dir) or the IMAP folder
    tls: Tls = "auto"  # for maildir:// and dir:// it means nothing
    auth: str = "password"  # or "xoauth2" / "oauthbearer": an OAuth2 token instead of the password

    @property
    def has_credential(self) -> bool:
        return self.password is not None or self.auth != "password"

    @property
    def redacted(self) -> str:
        """The URL for logs: the password is never shown."""
        if self.scheme in _PATH_SCHEMES:
            return f"{self.scheme}://{self.path}"
        auth = f"{self.user}:***@" if self.user and self.password else (f"{self.user}@" if self.user else "")
        tail = f"/{self.path}" if self.path else ""
        options = ([f"tls={self.tls}"] if self.tls in _CHOSEN else []) + ([f"auth={self.auth}"] if self.auth != "password" else [])
        query = f"?{'&'.join(options)}" if options else ""
        return f"{self.scheme}://{auth}{self.host}:{self.port}{tail}{query}"

    def __str__(self) -> str:
        return self.redacted


def parse_mail_url(url: str, *, allowed: frozenset[str]) -> MailUrl:
    """Splits and checks a URL; `ConfigError` (naming the scheme, never the password) when it
    cannot work."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise ConfigError(f"not a usable mail URL (scheme {url.partition(':')[0]!r})") from err
    scheme = parts.scheme.lower()
    if scheme not in allowed:
        raise ConfigError(f"unknown mail URL scheme {scheme!r}; expected one of {', '.join(sorted(allowed))}")
    if scheme in _PATH_SCHEMES:
        if parts.netloc or not parts.path.startswith("/"):
            raise ConfigError(f"{scheme}:// needs an absolute path, as {scheme}:///abs/path")
        return MailUrl(scheme=scheme, path=str(Path(unquote(parts.path))))
    if not parts.hostname:
        raise ConfigError(f"{scheme}:// needs a host, as {scheme}://host:port")
    parsed = MailUrl(
        scheme=scheme,
        host=parts.hostname,
        port=port or DEFAULT_PORTS[scheme],
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        path=unquote(parts.path.lstrip("/")),
    )
    return _with_tls(parsed, parts.query)


def _with_tls(url: MailUrl, query: str) -> MailUrl:
    """The URL's protection from its scheme and `?tls=`; a password that would go unencrypted
    to a host other than loopback is a `ConfigError` here, before anything connects."""
    options = dict(parse_qsl(query, keep_blank_values=True))
    unknown = sorted(set(options) - {"tls", "auth"})
    if unknown:
        raise ConfigError(f"{url.redacted}: unknown URL option(s) {', '.join(unknown)}; "
                          "only ?tls=starttls|none and ?auth=xoauth2|oauthbearer")
    if "auth" in options:
        url = _with_auth(url, options["auth"])
    chosen = options.get("tls")
    if url.scheme in _IMPLICIT_TLS:
        if chosen is not None:
            raise ConfigError(f"{url.redacted}: {url.scheme}:// is TLS from the start; ?tls= is for imap:// and smtp://")
        return replace(url, tls="implicit")
    if chosen is not None and chosen.lower() not in _CHOSEN:
        raise ConfigError(f"{url.redacted}: ?tls= must be starttls or none")
    tls: Tls = _CHOSEN[chosen.lower()] if chosen is not None else "auto"
    if url.has_credential and not is_loopback(url.host):
        if tls == "none":
            credential = "password" if url.auth == "password" else "token"
            raise ConfigError(
                f"{url.redacted}: refusing to send a {credential} unencrypted to {url.host} (not loopback); "
                f"drop ?tls=none (STARTTLS) or use {url.scheme}s://")
        tls = "starttls"  # the password goes only over an encrypted connection
    return replace(url, tls=tls)


def _with_auth(url: MailUrl, auth: str) -> MailUrl:
    """`?auth=xoauth2|oauthbearer`: the user logs in with an access token; a password beside it
    would be a second, unused credential in the settings, so it is refused."""
    chosen = auth.strip().lower()
    if chosen not in ("xoauth2", "oauthbearer"):
        raise ConfigError(f"{url.redacted}: ?auth= must be xoauth2 or oauthbearer")
    if not url.user:
        raise ConfigError(f"{url.scheme}://{url.host}:{url.port}: ?auth={chosen} needs the mailbox user before the "
                          "host (user%40domain@host: an @ in the user is written %40)")
    if url.password is not None:
        raise ConfigError(f"{replace(url, password=None).redacted}: ?auth={chosen} logs in with a token; "
                          "leave the password out of the URL")
    return replace(url, auth=chosen)
