"""What the review page needs from the outside, passed in by `app` (the composition root):
the ledger, the attachments of a stored mail as page images, and the workplace's reply.

Review imports only `claims` and `ledger` (ARCHITECTURE.md): PDF rendering and the Danish
reply templates live elsewhere and arrive here as the functions below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from ledger.reviews import ReviewLedger
from ledger.store import DecisionRow, ReplyDraft, Store


@dataclass(frozen=True, slots=True)
class PageRef:
    """One page of one attachment of a stored mail; `width` and `height` in PDF points (the
    unit of the parse document's boxes), so boxes can be drawn over the rendered image."""

    attachment: int
    filename: str
    page: int  # 1-based, as in `#p1`
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page in PDF points, origin top left (pdfplumber's x0, top, x1, bottom)."""

    x0: float
    top: float
    x1: float
    bottom: float


class Documents(Protocol):
    """The stored raw mail, read for people (app builds it on the parsers and pypdfium2)."""

    def email_text(self, message_pk: int) -> str: ...

    def notice(self, message_pk: int) -> str | None:
        """Why the mail is shown only in part (nested too deep, too many attachments), or None."""
        ...

    def pages(self, message_pk: int) -> tuple[PageRef, ...]: ...

    def render_page(self, message_pk: int, attachment: int, page: int, *, redact: Sequence[Box] = ()) -> bytes | None:
        """The page as PNG, with CPR numbers blacked out (and the `redact` boxes), or None."""
        ...


class Replies(Protocol):
    """The workplace's reply to a reviewer's decision. `composer` reads what it needs about
    the original mail *before* the decision's transaction opens (on SQLite a second connection
    would wait for that transaction) and returns the function that renders the reply once the
    decision row exists (None: there is no one to answer). `missing` is what a
    needs_information reply asks for."""

    def composer(self, original: DecisionRow, *, missing: Sequence[str] = ()) -> Callable[[DecisionRow], ReplyDraft | None]: ...


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    four_eyes_above: Decimal = Decimal("15000")
    pool_hours: Decimal = Decimal("100")
    reminder_days: int = 7
    secure_cookies: bool = False  # True behind HTTPS (a reverse proxy): the cookie's Secure flag
    session_hours: int = 10
    # Login limits (review/auth.py's docstring, docs/operations.md): failures are counted in a
    # sliding window; an account locks after `max_failures` failures for its name from any
    # address, for `lock_seconds` doubling with each further failure up to the window; an
    # address over `max_failures_per_address` gets 429 and a delay for wrong passwords only.
    login_window_minutes: int = 15
    max_failures: int = 5  # per user name, from any address, in the window
    lock_seconds: int = 60  # the first lock; doubles per further failure, at most the window
    max_failures_per_address: int = 20
    address_delay_seconds: float = 1.0  # added to each wrong password from an address over its limit


@dataclass
class ReviewDeps:
    store: Store
    reviews: ReviewLedger
    documents: Documents
    replies: Replies
    today: Callable[[], dt.date]
    config: ReviewConfig = field(default_factory=ReviewConfig)
