"""The mailroom's exceptions: one base class, and the one question a caller asks of a failure:
try again later (`TransientError`) or not (`PermanentError`, `ConfigError`).

Exceptions are for infrastructure and bugs, never for bad mail (ARCHITECTURE.md principle 5;
imap_tools' `errors.py` is the model). Each one is raised `from` the library error it wraps, so
the cause stays in the traceback. No message here ever holds a password.
"""

from __future__ import annotations


class MailroomError(Exception):
    """Base class of everything the mailroom raises on purpose."""


class ConfigError(MailroomError, ValueError):
    """A mailbox or outbox URL that cannot work (unknown scheme, relative path, no host)."""


class TransientError(MailroomError):
    """The server or disk may work again later: keep the message and retry (4xx, refused
    connection, timeout, dropped connection)."""


class PermanentError(MailroomError):
    """Retrying will not help (5xx, rejected login, a message that is gone)."""


class MessageGone(PermanentError):
    """The key names no message any more: moved by someone else, or the IMAP folder's
    UIDVALIDITY changed so its UIDs mean other messages now (RFC 3501 §2.3.1.1)."""
