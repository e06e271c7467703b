"""Mail URLs of CONTRACT.md: `maildir:///abs`, `imap[s]://user:pw@host:port/FOLDER`,
`smtp[s]://[user:pw@]host:port`, `dir:///abs`.

The password lives in a field that `repr` leaves out, and `redacted` is the only form that
goes into logs and error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mailroom.errors import ConfigError

DEFAULT_PORTS = {"imap": 143, "imaps": 993, "smtp": 25, "smtps": 465}
_PATH_SCHEMES = frozenset({"maildir", "dir"})


@dataclass(frozen=True, slots=True)
class MailUrl:
    scheme: str
    host: str = ""
    port: int = 0
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    path: str = ""  # the absolute path (maildir, dir) or the IMAP folder

    @property
    def redacted(self) -> str:
        """The URL for logs: the password is never shown."""
        if self.scheme in _PATH_SCHEMES:
            return f"{self.scheme}://{self.path}"
        auth = f"{self.user}:***@" if self.user and self.password else (f"{self.user}@" if self.user else "")
        tail = f"/{self.path}" if self.path else ""
        return f"{self.scheme}://{auth}{self.host}:{self.port}{tail}"

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
    return MailUrl(
        scheme=scheme,
        host=parts.hostname,
        port=port or DEFAULT_PORTS[scheme],
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        path=unquote(parts.path.lstrip("/")),
    )
