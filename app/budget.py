"""A time budget per message: a mail that takes longer to parse than any claim should (a hostile
PDF, a pathological table) is stopped, recorded as failed with its reason, and the run goes on.

SIGALRM interrupts Python code (pdfminer, our readers) between bytecodes; the C calls it cannot
interrupt are bounded of their own (pdfium renders at most one A4 page's pixels, parsers/ocr.py).
Signals reach only the main thread, so elsewhere (a test's worker thread) there is no budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(BaseException):
    """The message took longer than its time budget. A BaseException, like KeyboardInterrupt, so
    the readers' own `except Exception` (an odd scan, a broken PDF) cannot swallow it."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(f"parsing took longer than the budget of {seconds:g} s per message (CLAIMS_MESSAGE_SECONDS)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
