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


@pytest.mark.skipif(not __import__("shutil").which("tesseract"), reason="tesseract is not installed (make system-deps)")
def test_the_hostile_4000_point_page_of_issue_8_is_read_within_one_a4_pages_pixels() -> None:
    import io

    import pypdfium2
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from parsers.ocr import ocr_pdf_page

    tiny = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(tiny, "PNG")
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(4000, 4000))
    pdf.drawImage(ImageReader(io.BytesIO(tiny.getvalue())), 10, 10, 10, 10)
    pdf.showPage()
    pdf.save()
    page = pypdfium2.PdfDocument(out.getvalue())[0]
    scale = render_scale(*page.get_size())
    assert (4000 * scale) ** 2 <= MAX_PAGE_PIXELS  # 300 dpi would be 278 million pixels (2.8 GB, 42 s)
    assert ocr_pdf_page(out.getvalue(), 1).lines == ()  # a white page: read, nothing on it
