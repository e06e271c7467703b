"""OCR renders at most one A4 page's worth of pixels, whatever size a page claims (issue 8)."""

from __future__ import annotations

import pytest

from parsers.ocr import DPI, MAX_PAGE_PIXELS, render_scale


def test_an_a4_page_is_rendered_at_300_dpi() -> None:
    assert render_scale(595, 842) == DPI / 72


@pytest.mark.parametrize(("width", "height"), [(4000, 4000), (14400, 14400), (595, 200000), (1, 1e9)])
def test_a_huge_page_is_rendered_to_no_more_pixels_than_an_a4_page(width: float, height: float) -> None:
    scale = render_scale(width, height)
    assert scale < DPI / 72
    assert max(1.0, width * scale) * max(1.0, height * scale) <= MAX_PAGE_PIXELS * 1.0001
