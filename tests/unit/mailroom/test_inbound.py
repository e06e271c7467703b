"""Order of intake (CONTRACT.md): oldest Date first, arrival order for ties and for no Date."""

from __future__ import annotations

import datetime as dt

from mailroom.inbound import InboundMail, header_date, oldest_first
from mailroom.wording import danish_period

UTC = dt.UTC


def mail(key: str, date: dt.datetime | None, arrival: int, arrived: dt.datetime | None = None) -> InboundMail:
    return InboundMail(key, b"", date, arrived, arrival)


def test_oldest_date_first_and_arrival_order_breaks_ties() -> None:
    d = dt.datetime(2026, 11, 2, 8, tzinfo=UTC)
    mails = [mail("c", d + dt.timedelta(hours=1), 0), mail("b", d, 2), mail("a", d, 1)]
    assert [m.key for m in oldest_first(mails)] == ["a", "b", "c"]


def test_mail_without_a_date_sorts_by_its_arrival_time() -> None:
    d = dt.datetime(2026, 11, 2, 8, tzinfo=UTC)
    mails = [
        mail("late", d + dt.timedelta(days=1), 0),
        mail("undated", None, 1, arrived=d),
        mail("early", d - dt.timedelta(days=1), 2),
    ]
    assert [m.key for m in oldest_first(mails)] == ["early", "undated", "late"]


def test_header_date_reads_folded_zoned_and_zoneless_dates() -> None:
    assert header_date(b"Subject: x\r\nDate: Mon, 02 Nov 2026\r\n 09:00:00 +0100\r\n\r\nbody") == dt.datetime(
        2026, 11, 2, 8, tzinfo=UTC)
    assert header_date(b"Date: Mon, 02 Nov 2026 09:00:00 -0000\n\n") == dt.datetime(2026, 11, 2, 9, tzinfo=UTC)


def test_header_date_ignores_garbage_and_dates_in_the_body() -> None:
    assert header_date(b"Date: sometime soon\r\n\r\n") is None
    assert header_date(b"Subject: x\r\n\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n") is None


def test_danish_periods_read_as_a_danish_letter_writes_them() -> None:
    assert danish_period(dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == "1.–31. oktober 2026"
    assert danish_period(dt.date(2026, 8, 17), dt.date(2026, 9, 30)) == "17. august – 30. september 2026"
    assert danish_period(dt.date(2025, 12, 1), dt.date(2026, 1, 31)) == "1. december 2025 – 31. januar 2026"
    assert danish_period(None, None) is None
