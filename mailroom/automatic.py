"""Never answer a machine: RFC 3834 says an automatic response must not be sent to mail that
is itself automatic, and an out-of-office answer in a claim's thread completes nothing
(RULES.md §2). Both rest on this one test."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from email.header import decode_header, make_header
from email.message import Message

Headers = Mapping[str, str] | Message | Iterable[tuple[str, str]]

_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply"})
_AUTO_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder")  # vacation programs, cPanel, qmail
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:sv|re|aw|vs|fw|fwd)\s*:\s*)*", re.IGNORECASE)
_OUT_OF_OFFICE = re.compile(
    r"^(?:autosvar|automatisk svar|fraværende|out of (?:the )?office|automatic reply|auto[- ]?reply|"
    r"abwesenheitsnotiz)\b",
    re.IGNORECASE,
)
_DAEMONS = re.compile(r"(?:^|<|\s)(?:mailer-daemon|postmaster)@", re.IGNORECASE)


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    if isinstance(headers, Message):
        items: Iterable[tuple[str, object]] = headers.items()
    elif isinstance(headers, Mapping):
        items = headers.items()
    else:
        items = headers
    return [(name.lower(), _text(value)) for name, value in items]


def _text(value: object) -> str:
    text = str(value)
    if "=?" in text:  # an RFC 2047 encoded word, from a compat32 parse
        with contextlib.suppress(LookupError, ValueError):
            text = str(make_header(decode_header(text)))
    return re.sub(r"\s+", " ", text).strip()


def is_automatic(headers: Headers) -> bool:
    """True for mail that must get no reply: RFC 3834 `Auto-Submitted` other than ``no``,
    `Precedence: bulk|list|junk`, a mailing list (`List-Id`, `List-Unsubscribe`),
    `X-Autoreply`/`X-Autorespond`, a bounce (`multipart/report`, from MAILER-DAEMON), or an
    out-of-office subject (``Autosvar``, ``Automatisk svar``, ``Fraværende``, ``Out of Office``).
    """
    for name, value in _pairs(headers):
        lowered = value.lower()
        if name == "auto-submitted" and lowered.split(";", 1)[0].strip() not in ("no", ""):
            return True
        if name == "precedence" and lowered in _PRECEDENCE:
            return True
        if name in ("list-id", "list-unsubscribe") or name in _AUTO_HEADERS:
            return True
        if name == "content-type" and lowered.startswith("multipart/report"):
            return True
        if name == "return-path" and value == "<>":  # the null sender of bounces (RFC 5321 §4.5.5)
            return True
        if name == "from" and _DAEMONS.search(value):
            return True
        if name == "subject" and _OUT_OF_OFFICE.match(_REPLY_PREFIX.sub("", value)):
            return True
    return False
