"""What every mail source hands out: our own frozen `InboundMail`, never a library's object
(ARCHITECTURE.md principle 7), and the `MailSource` protocol the daemon and batch run against.

Order (CONTRACT.md `claims run --once`): oldest first by the Date header; arrival order for
ties and for mail without a usable Date. A mail without a usable Date takes its arrival time
in place of the Date, so it sorts where it arrived among the dated ones.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar, runtime_checkable

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_DATE_LINE = re.compile(rb"^date:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


class Folder(StrEnum):
    """Where a handled message is filed, after the caller has committed its outcome."""

    PROCESSED = "Processed"
    REVIEW = "Review"  # not a claim, or a person must look (CONTRACT.md: "goes to the Review folder")
    FAILED = "Failed"


@dataclass(frozen=True, slots=True)
class InboundMail:
    """One message as it waits in the source.

    `key` is stable for as long as the message stays where it is: ``maildir:<name>`` or
    ``imap:<folder>:<uidvalidity>:<uid>``; it is what `MailSource.move` takes back.
    `date` is the Date header (None when missing or unparsable), `arrived` the time the
    source received it (IMAP INTERNALDATE, the Maildir file's delivery time) and `arrival`
    its position in arrival order (UID order, delivery order).
    """

    key: str
    raw: bytes = field(repr=False)
    date: dt.datetime | None
    arrived: dt.datetime | None
    arrival: int

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.date or self.arrived or _EPOCH, self.arrival)


@dataclass(frozen=True, slots=True)
class Waiting:
    """A message in the source before its body is read: its key, Date header and arrival.
    A run lists the whole folder this way (a few hundred bytes a message, whatever their size)
    and reads one body at a time, so its memory does not grow with the mailbox."""

    key: str
    date: dt.datetime | None
    arrived: dt.datetime | None
    arrival: int
    message_id: str | None = None
    refs: tuple[str, ...] = ()  # In-Reply-To and References: the mails this one answers

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        return (self.date or self.arrived or _EPOCH, self.arrival)


def waiting_of(key: str, head: bytes, arrived: dt.datetime | None, arrival: int) -> Waiting:
    """A `Waiting` from a message's header block (or the few header fields a server sent)."""
    ids = {name: _IDS.findall(m.group(1)) for name, m in
           ((n, _field(n).search(head)) for n in ("message-id", "in-reply-to", "references")) if m}  # fmt: skip
    message_id = ids.get("message-id", [None])[0]
    refs = tuple(dict.fromkeys(i.decode("ascii", "replace") for i in [*ids.get("in-reply-to", []), *ids.get("references", [])]))
    return Waiting(key, header_date(head), arrived, arrival, message_id.decode("ascii", "replace") if message_id else None, refs)


_IDS = re.compile(rb"<[^<>\s]+>")


def _field(name: str) -> re.Pattern[bytes]:
    return re.compile(rb"^" + name.encode() + rb":[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


@runtime_checkable
class MailSource(Protocol):
    """A folder of incoming mail. Nothing is marked or deleted until the caller says so."""

    @property
    def name(self) -> str:
        """The source's URL without password, for logs."""
        ...

    def fetch(self) -> tuple[InboundMail, ...]:
        """Every message waiting in the source, oldest first (see the module docstring)."""
        ...

    def waiting(self) -> tuple[Waiting, ...]:
        """Every message waiting in the source, oldest first, without its body."""
        ...

    def read(self, key: str) -> bytes:
        """The raw bytes of one waiting message; `MessageGone` when it is no longer there."""
        ...

    def move(self, key: str, folder: str) -> None:
        """Files one fetched message into `folder` (created on demand). Call it only after the
        message's outcome is committed; `MessageGone` when the key names no message now."""
        ...

    def wait(self, timeout: float) -> bool:
        """Blocks up to `timeout` seconds until new mail may have arrived (IMAP IDLE, a watch
        on the Maildir). True: fetch now. False: nothing seen in `timeout`, or (see `can_wait`)
        the source cannot wait at all, and the caller polls."""
        ...

    @property
    def can_wait(self) -> bool:
        """Whether `wait` really waits (the server offers IDLE, or the source is a Maildir)."""
        ...

    def close(self) -> None: ...


def header_date(raw: bytes) -> dt.datetime | None:
    """The Date header as an aware datetime (a zone-less one is read as UTC), or None when it
    is missing or not a date. Only the header block is looked at."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    match = _DATE_LINE.search(head)
    if match is None:
        return None
    text = re.sub(r"\s+", " ", match.group(1).decode("ascii", "replace")).strip()
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


M = TypeVar("M", InboundMail, Waiting)


def oldest_first(mails: Iterable[M]) -> tuple[M, ...]:
    return tuple(sorted(mails, key=lambda mail: mail.sort_key))


def read_all(source: MailSource) -> tuple[InboundMail, ...]:
    """Every waiting message with its body, oldest first (`MailSource.fetch`): the list, then
    each body. A run reads one body at a time instead (app/pipeline.py `run_round`)."""
    return tuple(InboundMail(w.key, source.read(w.key), w.date, w.arrived, w.arrival) for w in source.waiting())
