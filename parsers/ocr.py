"""Scanned pages and photos -> positioned words, with tesseract in Danish.

Only used when a page has no text layer. ../shared/RECIPES.md §5: `lang="dan"` (English loses
æ, ø, å), `OMP_THREAD_LIMIT=1` (OpenMP oversubscribes two cores), and the usual slips in
amounts on degraded scans: `;` or `:` for `,` or `.`.
"""

from __future__ import annotations

import io
import os
import re
import shutil

from parsers.layout import PageText, TextLine, Word

DPI = 300
A4_WIDTH_POINTS = 595.0
# An A4 page at 300 dpi is 2480 x 3508 = 8.7 million pixels. A page larger than that (a hostile
# 4000 x 4000 pt page would be 278 million: 42 s and 2.8 GB) is rendered at a lower resolution
# to the same pixel count, so rendering and tesseract cost at most one A4 page's worth.
MAX_PAGE_PIXELS = 2480 * 3508
# PIL refuses images past this many pixels (its decompression-bomb guard) instead of decoding them.
MAX_IMAGE_PIXELS = 4 * MAX_PAGE_PIXELS
_SLIP = re.compile(r"(?<=\d)[;:](?=\d)")


class OcrUnavailable(Exception):
    """tesseract (or its Danish data) is not installed."""


def available() -> bool:
    return shutil.which("tesseract") is not None


def repair(text: str) -> str:
    """``10.233;53`` -> ``10.233,53``; ``1:234,56`` -> ``1.234,56`` (a separator before three
    digits groups thousands, before two it is the decimal comma)."""

    # a date's year after a slipped dot ("01.10:2026" -> "01.10.2026"), a stray quote before a digit
    text = re.sub(r"(?<!\d)(\d{1,2}\.\d{1,2})[:;,](\d{4})(?!\d)", r"\1.\2", text)
    text = re.sub(r"['‘’`´](?=\d)", "", text)

    def fix(m: re.Match[str]) -> str:
        rest = text[m.end() :]
        return "." if re.match(r"\d{3}(?!\d)", rest) else ","

    return _SLIP.sub(fix, text)


def _cleaned(image: object) -> object:
    """Grey, a 3x3 median filter against the salt-and-pepper of a scanner or a photo, and full
    contrast: on noisy scans this keeps the decimal comma that tesseract otherwise loses
    ("656615" for 6.566,15), and it reads faster."""
    from PIL import Image, ImageFilter, ImageOps

    if not isinstance(image, Image.Image):
        return image
    return ImageOps.autocontrast(image.convert("L").filter(ImageFilter.MedianFilter(3)))


def _words_from_image(image: object, page: int, scale: float) -> tuple[PageText, float]:
    """The cleaned image first (faster, and it keeps the decimal commas of a noisy scan); where
    that loses the table's column titles or reads poorly, the image as it is too, and the reading
    with more of a payslip in it (column titles, amounts, confidence) wins."""
    cleaned = _read(_cleaned(image), page, scale)
    if _quality(cleaned) >= (1, 0, 0.8):
        return cleaned
    raw = _read(image, page, scale)
    return max((cleaned, raw), key=_quality)


def _quality(reading: tuple[PageText, float]) -> tuple[int, int, float]:
    from parsers.payslip import page_quality

    headers, amounts = page_quality(reading[0])
    return min(headers, 1), headers * 10 + amounts, reading[1]


def _read(image: object, page: int, scale: float) -> tuple[PageText, float]:
    if not available():
        raise OcrUnavailable("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-dan)")
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(image, lang="dan", output_type=pytesseract.Output.DICT, config="--psm 6")
    except pytesseract.TesseractError as err:
        raise OcrUnavailable(f"tesseract failed: {str(err)[:200]}") from err
    # tesseract's own line numbering keeps a label and its amounts together on a skewed scan
    by_line: dict[tuple[int, int, int], list[Word]] = {}
    confidences = []
    for i, text in enumerate(data["text"]):
        text = str(text).strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        confidences.append(conf)
        x, y, w, h = (float(data[k][i]) * scale for k in ("left", "top", "width", "height"))
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        by_line.setdefault(key, []).append(Word(repair(text), x, y, x + w, y + h, confidence=max(0.0, min(conf / 100, 1.0))))
    lines = sorted((TextLine(page, tuple(sorted(ws, key=lambda w: w.x0))) for ws in by_line.values()),
                   key=lambda line: min(w.top for w in line.words))  # fmt: skip
    mean = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return PageText(page, tuple(lines), ocr=True), mean


def ocr_pdf_page(data: bytes, page_number: int) -> PageText:
    """Renders one PDF page at 300 dpi (pypdfium2, ~0.1 s) and reads it."""
    import pypdfium2

    from parsers.pdf_text import PDFIUM  # PDFium is not thread-safe

    with PDFIUM:
        pdf = pypdfium2.PdfDocument(data)
        try:
            page = pdf[page_number - 1]
            scale = render_scale(*page.get_size())
            image = page.render(scale=scale).to_pil()
            page.close()
        finally:
            pdf.close()
    return _words_from_image(image, page_number, 1 / scale)[0]


def render_scale(width_points: float, height_points: float) -> float:
    """Pixels per point: 300 dpi, or less where the page would render past MAX_PAGE_PIXELS."""
    full = DPI / 72
    area = max(1.0, width_points * full) * max(1.0, height_points * full)
    scale = full if area <= MAX_PAGE_PIXELS else full * (MAX_PAGE_PIXELS / area) ** 0.5
    return min(scale, MAX_PAGE_PIXELS / max(width_points, height_points, 1.0))  # a strip one pixel wide too


def ocr_image(data: bytes) -> PageText:
    """A photo or image scan (JPEG/PNG)."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # larger raises DecompressionBombError: the caller records a problem
    image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    if image.width * image.height > MAX_PAGE_PIXELS:  # a photo beyond an A4 scan's detail: scaled to one
        factor = (MAX_PAGE_PIXELS / (image.width * image.height)) ** 0.5
        image = image.resize((max(1, int(image.width * factor)), max(1, int(image.height * factor))))
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    # Pixels -> points of an A4 page of the photo's width, so gaps between words and columns
    # mean the same as on a PDF (layout.CELL_GAP) whatever the camera's resolution.
    return _words_from_image(image, 1, A4_WIDTH_POINTS / max(1, image.width))[0]
