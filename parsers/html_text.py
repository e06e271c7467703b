"""HTML bodies (Outlook) to plain text that keeps the table structure: cells become tabs,
rows and paragraphs become lines."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre"}
_CELL = {"td", "th"}
_SKIP = {"style", "script", "head", "title"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.quote = 0
        self.cell = 0  # inside a table cell: Outlook wraps each cell's text in <p class=MsoNormal>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "blockquote":
            self.quote += 1
            self.out.append("\n")
        elif tag in ("tr", "table"):
            self.cell = 0
            self.out.append("\n")
        elif tag in _CELL:
            self.cell += 1
            self.out.append("\t")
        elif tag in _BLOCK:
            # one line per paragraph, as Outlook shows its <p class=MsoNormal>: a blank line is an
            # empty paragraph (&nbsp;), not the gap between two
            self.out.append(" " if self.cell else "" if self.out and self.out[-1].endswith("\n") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag == "blockquote" and self.quote:
            self.quote -= 1
            self.out.append("\n")
        elif tag in _CELL:
            self.cell = max(0, self.cell - 1)
        elif tag in _BLOCK and tag != "br":
            self.out.append(" " if self.cell else "\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = re.sub(r"[ \r\n]+", " ", data)
        if self.quote:  # quoted old mail in HTML replies: mark it as plain-text quoting does
            text = text.replace("\n", "\n> ")
            if self.out and self.out[-1].endswith("\n"):
                text = "> " + text
        self.out.append(text)


def html_to_text(markup: str) -> str:
    parser = _Extractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # broken markup: fall back to stripping tags
        return html.unescape(re.sub(r"<[^>]+>", " ", markup))
    text = "".join(parser.out).replace("\xa0", " ")
    # a cell's inner paragraphs leave spaces around the tab; a row starts with its first cell
    text = re.sub(r" *\t *", "\t", text)
    lines = [re.sub(r"^[\t ]+", "", line).rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
