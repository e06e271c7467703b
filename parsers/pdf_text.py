"""The only module that imports pdfplumber: PDF bytes -> pages of positioned words.

pdfplumber's coordinates are floats; they stay boxes and never become amounts (the amounts
are read from the words' text through `claims.money`).
"""

from __future__ import annotations

import io
import logging

import pdfplumber

from parsers.layout import PageText, Word, group_lines

logging.getLogger("pdfminer").setLevel(logging.ERROR)


class UnreadableDocument(Exception):
    """A document that cannot be read: corrupt, encrypted, or not a PDF at all."""


MAX_PAGES = 30  # a payslip has one to a few pages; a 300-page report is not one


def read_pdf(data: bytes) -> tuple[PageText, ...]:
    pages: list[PageText] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages[:MAX_PAGES], start=1):
                words = [
                    Word(str(w["text"]), float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
                    for w in page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=2)
                ]
                needs_ocr = not words and bool(page.images)
                pages.append(PageText(number, group_lines(words, number), needs_ocr=needs_ocr))
                page.flush_cache()
    except Exception as err:  # pdfminer raises many types for broken or protected files
        reason = "password protected" if "password" in f"{type(err).__name__} {err}".lower() or b"/Encrypt" in data else "corrupt"
        raise UnreadableDocument(reason) from err
    if not pages:  # a page tree that leads nowhere (fuzzed or cut-off files)
        raise UnreadableDocument("corrupt (no pages)")
    return tuple(pages)
