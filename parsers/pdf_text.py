"""The only module that reads a PDF's text layer: PDF bytes -> pages of positioned words.

PDFium (pypdfium2) gives each character its box, about ten times faster than pdfminer
(bench/RESULTS.md). The characters are grouped into words as pdfplumber's `extract_words`
groups them (the layout code and its thresholds were written against that): in the content's
order, split at a blank, at a jump to another line (tops apart by more than `Y_TOLERANCE`) and
at a gap wider than `X_TOLERANCE`. Boxes are in PDF points from the page's top left, as
pdfplumber gives them (CONTRACT.md's sources). pdfplumber reads only what PDFium cannot open (a broken
cross-reference table that pdfminer rebuilds).

Coordinates are floats; they stay boxes and never become amounts (the amounts are read from
the words' text through `claims.money`). PDFium is not thread-safe: every use holds `PDFIUM`,
which the review page and OCR rendering share.
"""

from __future__ import annotations

import ctypes
import io
import logging
import threading

import pypdfium2
import pypdfium2.raw as pdfium_c

from parsers.layout import PageText, Word, group_lines

logging.getLogger("pdfminer").setLevel(logging.ERROR)


class UnreadableDocument(Exception):
    """A document that cannot be read: corrupt, encrypted, or not a PDF at all."""


MAX_PAGES = 30  # a payslip has one to a few pages; a 300-page report is not one
X_TOLERANCE = 2.0  # points between two characters of one word (pdfplumber's x_tolerance=2)
Y_TOLERANCE = 3.0  # points between the tops of two characters of one line (pdfplumber's default)
PDFIUM = threading.RLock()


def read_pdf(data: bytes) -> tuple[PageText, ...]:
    with PDFIUM:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as err:
            if "password" in str(err).lower():
                raise UnreadableDocument("password protected") from err
            return _read_with_pdfminer(data)  # PDFium gives up on some files that pdfminer repairs
        try:
            pages = _pages(pdf)
        finally:
            pdf.close()
    if not pages:  # a page tree that leads nowhere (fuzzed or cut-off files)
        raise UnreadableDocument("corrupt (no pages)")
    if not any(page.lines or page.needs_ocr for page in pages):
        raise UnreadableDocument("without any text or image to read")
    return tuple(pages)


def _pages(pdf: pypdfium2.PdfDocument) -> list[PageText]:
    pages: list[PageText] = []
    for index in range(min(len(pdf), MAX_PAGES)):
        try:
            page = pdf[index]
        except pypdfium2.PdfiumError:
            break  # a page tree that loops or breaks off: the pages before it were read
        try:
            textpage = page.get_textpage()
            try:
                words = _words(page, textpage)
            finally:
                textpage.close()
            needs_ocr = not words and _has_image(page)
        finally:
            page.close()
        pages.append(PageText(index + 1, group_lines(words, index + 1), needs_ocr=needs_ocr))
    return pages


def _words(page: pypdfium2.PdfPage, textpage: pypdfium2.PdfTextPage) -> list[Word]:
    """The page's characters into words. One call for the text, one per character for its box
    (the loose box: the font's ascent to descent, as pdfminer's character boxes are).

    In the content's order, which keeps a word's characters together; a word ends at a blank
    (written, or added by PDFium between words), where the next character jumps to another line
    (tops apart by more than Y_TOLERANCE), back, or across a gap wider than X_TOLERANCE, as
    pdfplumber would end it. Boxes are from the page's top left; its /Rotate is not applied, as
    pdfplumber does not apply it: the text is read in the direction it was written."""
    left, _, _, top_edge = page.get_bbox()
    handle, count = textpage.raw, textpage.count_chars()
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    rect = pdfium_c.FS_RECTF()
    loose_box, by_ref = pdfium_c.FPDFText_GetLooseCharBox, ctypes.byref(rect)

    words: list[Word] = []
    start = -1  # index in `text` where the current word starts; -1: no word
    x0 = top = x1 = bottom = last_x0 = last_top = last_x1 = 0.0  # the word's box; its last character's
    for i, char in enumerate(text):
        if char.isspace() or char == "\x00" or not loose_box(handle, i, by_ref):
            if start >= 0:
                words.append(Word(text[start:i], x0, top, x1, bottom))
                start = -1
            continue
        c_x0, c_top, c_x1, c_bottom = rect.left - left, top_edge - rect.top, rect.right - left, top_edge - rect.bottom
        if start >= 0 and (abs(c_top - last_top) > Y_TOLERANCE or c_x0 - last_x1 > X_TOLERANCE or c_x0 < last_x0 - X_TOLERANCE):
            words.append(Word(text[start:i], x0, top, x1, bottom))
            start = -1
        if start < 0:
            start, x0, top, x1, bottom = i, c_x0, c_top, c_x1, c_bottom
        else:
            x0, top, x1, bottom = min(x0, c_x0), min(top, c_top), max(x1, c_x1), max(bottom, c_bottom)
        last_x0, last_top, last_x1 = c_x0, c_top, c_x1
    if start >= 0:
        words.append(Word(text[start:], x0, top, x1, bottom))
    return words


def _has_image(page: pypdfium2.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _read_with_pdfminer(data: bytes) -> tuple[PageText, ...]:
    """The slow path, for files PDFium will not open: pdfplumber's words, same shapes."""
    import pdfplumber  # imported only here: most runs never need it, and it takes a while to load

    pages: list[PageText] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages[:MAX_PAGES], start=1):
                words = [
                    Word(str(w["text"]), float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
                    for w in page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=X_TOLERANCE)
                ]
                pages.append(PageText(number, group_lines(words, number), needs_ocr=not words and bool(page.images)))
                page.flush_cache()
    except Exception as err:  # pdfminer raises many types for broken or protected files
        reason = "password protected" if "password" in f"{type(err).__name__} {err}".lower() or b"/Encrypt" in data else "corrupt"
        raise UnreadableDocument(reason) from err
    if not pages:
        raise UnreadableDocument("corrupt (no pages)")
    return tuple(pages)
