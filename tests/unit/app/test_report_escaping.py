"""The day report escapes workplace names and attention lines (they name employees and
employers read from mail; issue 8, finding 1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.report import DayReport, render_html


def test_markup_in_a_workplace_and_an_attention_line_arrives_escaped() -> None:
    report = DayReport(
        day=dt.date(2026, 11, 20),
        outcomes={"approved": 1},
        refunds=[("Bibliotek <script>alert(1)</script>", "2026-10", Decimal("100.00"))],
        pool=[(dt.date(2026, 11, 1), Decimal("10"))],
        capacity=Decimal("100"),
        attention=['JLT-2026-000001 Mette <b>Kjær</b> <meta http-equiv="refresh" content="1">'],
    )
    html = render_html(report)
    assert "<script>alert" not in html and "<b>Kjær" not in html and "<meta http-equiv" not in html
    assert "Bibliotek &lt;script&gt;alert(1)&lt;/script&gt;" in html and "Mette &lt;b&gt;Kjær&lt;/b&gt;" in html
    assert "<svg" in html  # the chart is markup the report made itself, and stays markup
