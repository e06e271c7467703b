"""An HTML mail reads as its sender saw it: a line per paragraph, a tab between table cells."""

from __future__ import annotations

from parsers.html_text import html_to_text


def test_outlook_paragraphs_are_one_line_each_and_an_empty_paragraph_is_a_blank_line() -> None:
    markup = ('<html><body><p class="MsoNormal">Hej</p><p class="MsoNormal">&nbsp;</p>'
              '<p class="MsoNormal">Løn: 3.025,80 kr.</p><p class="MsoNormal">ATP: 33,00 kr.</p></body></html>')  # fmt: skip
    assert [line.strip() for line in html_to_text(markup).strip().split("\n")] == ["Hej", "", "Løn: 3.025,80 kr.", "ATP: 33,00 kr."]


def test_table_cells_of_one_row_are_apart_by_a_tab() -> None:
    text = html_to_text("<table><tr><td>Løn</td><td>3.025,80</td></tr><tr><td>ATP</td><td>33,00</td></tr></table>")
    assert [line.split("\t") for line in text.strip().split("\n") if line.strip()] == [["Løn", "3.025,80"], ["ATP", "33,00"]]
