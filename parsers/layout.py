"""Positioned text: words with their boxes, grouped into lines and chunks. Both the PDF text
layer (pdf_text) and OCR (ocr) produce these, so the payslip reader does not care which."""

from __future__ import annotations

from dataclasses import dataclass

# A gap wider than this (PDF points) between two words on one line separates two cells.
CELL_GAP = 9.0


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class TextLine:
    page: int  # 1-based
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def cells(self) -> tuple[tuple[Word, ...], ...]:
        """The words split where the horizontal gap is wide: label and value columns."""
        cells: list[list[Word]] = []
        for word in self.words:
            if cells and word.x0 - cells[-1][-1].x1 <= CELL_GAP:
                cells[-1].append(word)
            else:
                cells.append([word])
        return tuple(tuple(c) for c in cells)


@dataclass(frozen=True, slots=True)
class PageText:
    number: int
    lines: tuple[TextLine, ...]
    needs_ocr: bool = False  # no text layer but an image: a scan
    ocr: bool = False  # the words were read by OCR


def box(words: tuple[Word, ...] | list[Word]) -> str:
    """``x0,top,x1,bottom`` in PDF points, as the contract's sources give it."""
    return ",".join(
        f"{v:.1f}"
        for v in (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
                  max(w.bottom for w in words))
    )  # fmt: skip


def group_lines(words: list[Word], page: int, tolerance: float = 3.0) -> tuple[TextLine, ...]:
    """Words whose vertical middles lie within `tolerance` points form one line."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        middle = (word.top + word.bottom) / 2
        if lines:
            last = lines[-1]
            last_middle = sum((w.top + w.bottom) / 2 for w in last) / len(last)
            if abs(middle - last_middle) <= tolerance:
                last.append(word)
                continue
        lines.append([word])
    return tuple(TextLine(page, tuple(sorted(line, key=lambda w: w.x0))) for line in lines)
