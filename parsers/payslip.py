"""Payslip pages -> what the payslip says, found by labels and column headers, never by the
coordinates of one layout (../shared/PAYSLIPS.md).

Amounts are taken from the current period's column (Beløb, Total, Periode, I perioden, Denne
periode), never from År til dato / I ferieåret / Saldo. Employer-paid items (ATP
arbejdsgiverandel, pension firmabidrag, feriepenge) are claim lines; deductions (AM-bidrag,
A-skat, the employee's ATP) are facts for the cross-checks, not claim lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from claims import cpr as cpr_numbers
from claims import cvr as cvr_numbers
from claims.model import Kind
from claims.money import parse_number, to_ore
from parsers import columns as column_roles
from parsers.danish import LEGAL_FORM, find_periods
from parsers.labels import Label, classify
from parsers.layout import PageText, TextLine, Word, box

# Column titles, Danish and English (payroll systems sold in Denmark print either).
_CURRENT = ("beløb", "total", "periode", "perioden", "i perioden", "denne periode", "beløb(+)", "beløb (+)", "beløb(-)",
            "beløb (-)", "beløb kr", "kr.", "udbetalt", "i alt", "denne måned", "måned", "amount", "this period",
            "current", "current period")  # fmt: skip
_HISTORIC = ("år til dato", "i ferieåret", "akkumuleret", "akk.", "saldo", "saldi", "hidtil i år", "forrige periode",
             "sidste periode", "året", "ytd", "year to date", "år", "i år")  # fmt: skip
# Normtid (MultiLøn, Bluegarden) is the agreed hours, not the paid ones: a column of its own so
# its figures are never taken for Enheder.
_UNITS = ("antal", "timer", "enheder", "enh", "enh.", "grundlag", "sats", "timeløn", "normtid", "hours", "units", "rate")
_OTHER_HEADERS = ("tekst", "beskrivelse", "nr.", "nr", "kode", "art", "løndel", "lønart", "periode tekst")
_HEADER_WORDS = sorted(_CURRENT + _HISTORIC + _UNITS + _OTHER_HEADERS, key=len, reverse=True)
_YTD_TITLE = re.compile(
    r"^\s*(?:\w+\s+){0,2}(år til dato|saldi|akkumuleret|hidtil i år|saldo|year to date)(?:\s+\w+){0,3}\s*:?\s*$", re.I
)
# Danish "1.234,56" and "1234,56"; English "1,234.56" and "1234.56" (payroll systems sold abroad)
_AMOUNT_WORD = re.compile(r"^[-−–]?\d{1,3}(?:\.\d{3})*,\d{2}-?$|^[-−–]?\d+,\d{2}-?$|^[-−]?\d{1,3}(?:,\d{3})+\.\d{2}-?$|^[-−]?\d+\.\d{2}-?$")
_CODE = re.compile(r"^(\d{1,5}|[A-Z]|\d{1,2}\.\d{1,2}-\d{1,2}\.\d{1,2}|\d{1,2}\.\d{1,2}\.?-\d{1,2}\.\d{1,2}\.?\d{0,4})$")
_CPR_LABEL = re.compile(r"personn(?:umme)?r|cpr", re.I)
_CPR_VALUE = re.compile(r"(?<!\d)(\d{6})[-\s]?(\d{4}|x{4}|\*{4})(?!\d)", re.I)
# Without a label a CPR number is still ``DDMMYY-SSSS`` with a real date: no other number on a
# payslip is written so (dates have dots, accounts have more digits, phone numbers no dash there).
_BARE_CPR = re.compile(r"(?<![\d.,/-])(\d{6})-(\d{4})(?![\d.,/-])")
# "CVR 29189919", "CVR-nr.: 29 18 99 19", "CVR. Nr.: DK 2918 9919", "SE-nr. 29189919", "VAT no. DK29189919"
_CVR = re.compile(
    r"\b(?:cvr|se|vat)(?:[-.\s]*(?:nr|nummer|no|number)\b\.?)?\s*:?\s*(?:DK[-\s]?)?(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?!\d)",
    re.I,
)
_PERIOD_LABEL = re.compile(r"lønperiode|periode|afregningsperiode|lønseddel for", re.I)
_NAME_STOP = re.compile(
    r"lønseddel|fortroligt|side\b|afdeling|arbejdssted|medarbejder|stilling|kommune|a/s|aps|forsyning|"
    r"børnehus|institution|jobcenter|lønform|kommunegruppe|periode|til udbetaling|dato|beskrivelse|"
    r"skattekort|ferie|pension|ansat|personale",
    re.I,
)
_NAME_LABEL = re.compile(
    r"^(?:navn|medarbejder(?:navn)?|lønmodtager(?:navn)?|ansat|name|employee(?:\s+name)?)"
    r"(?:\s*:\s*|\s+(?:(?:nr\.?|no\.?)\s*)?\d{1,8}\s*:?\s*|\s+(?=(?-i:[A-ZÆØÅ][a-zæøå])))(?P<v>.+)$",
    re.I,
)  # "Navn: …", "Medarbejder 1234 Mette Kjær Hansen", "Lønmodtager Mette Kjær Hansen"
# A pay row for another period than the payslip's ("P 01.09-30.09" on October's KMD payslip,
# "Efterregulering"): back pay is paid now, so it is a cost line, but its hours were not worked now.
_ROW_PERIOD = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?-(\d{1,2})\.(\d{1,2})\.?\d{0,4}$")
_BACK_PAY = re.compile(r"efterregulering|efterbetaling|regulering\s+vedr|tilbagebetaling", re.I)
_NAME = re.compile(r"^[A-ZÆØÅÉÜÖÄ][\w'’.-]+(?: [A-ZÆØÅÉÜÖÄ][\w'’.-]+| (?:von|van|de|la|af|le))*$")


@dataclass(frozen=True, slots=True)
class Read:
    """A value read from a document, with where it stood and how sure the reading is."""

    value: object
    source: str
    confidence: float


# The keys whose every value a payslip keeps (its CVRs; its employer names by label, beside a CVR
# or heading an address block, not the first line of the page): the registry may choose among them.
_ALTERNATIVE_SOURCES = {"employer.cvr": "employer.cvr", "employer.name_label": "employer.name",
                        "employer.name_cvr": "employer.name", "employer.name_block": "employer.name"}  # fmt: skip


@dataclass
class PayslipReading:
    """What one payslip (or one scanned page set) says."""

    filename: str
    fields: dict[str, Read] = field(default_factory=dict)  # employee.name, employee.cpr, ... payslip.gross
    lines: list[tuple[Kind, Decimal, str, Read]] = field(default_factory=list)  # kind, amount, label, where
    totals: list[tuple[Decimal, Read]] = field(default_factory=list)  # rows labelled as a sum ("I alt", "Løn i alt")
    cpr_masked: bool = False
    is_claim_form: bool = False
    seen: dict[str, list[Read]] = field(default_factory=dict)  # every CVR and employer name the payslip states

    @property
    def is_payslip(self) -> bool:
        has_money = bool(self.lines) or "payslip.gross" in self.fields
        return has_money and any(k in self.fields for k in ("employee.cpr", "period.start", "employee.name")) or (
            has_money and self.cpr_masked
        )

    def get(self, key: str) -> object:
        read = self.fields.get(key)
        return read.value if read else None

    def put(self, key: str, value: object, where: Read) -> None:
        if value is not None and key in _ALTERNATIVE_SOURCES:
            seen = self.seen.setdefault(_ALTERNATIVE_SOURCES[key], [])
            if all(read.value != value for read in seen):
                seen.append(Read(value, where.source, where.confidence))
        if key not in self.fields and value is not None:
            self.fields[key] = Read(value, where.source, where.confidence)


@dataclass
class _Column:
    name: str
    x0: float
    x1: float

    @property
    def current(self) -> bool:
        return self.name in _CURRENT

    @property
    def unit(self) -> bool:
        return self.name in ("antal", "timer", "enheder", "enh", "enh.")


def _where(prefix: str, filename: str, page: int, words: tuple[Word, ...] | list[Word]) -> Read:
    conf = min((w.confidence for w in words), default=1.0)
    source = f"{prefix}:{filename}#p{page}@{box(words)}" if words else f"{prefix}:{filename}#p{page}"
    return Read(None, source, round(conf * (0.85 if prefix == "ocr" else 0.99), 2))


_SQUASHED = {re.sub(r"[^a-zæøå()+-]", "", name): name for name in _HEADER_WORDS}


def _header_columns(line: TextLine) -> list[_Column] | None:
    """Column titles of a table header line, or None when the line is no header.

    Unknown words are passed over (a scan adds noise such as "——" or "SS"), but a line with an
    amount is never a header, and a header needs a current or a historic column.
    """
    words = list(line.words)
    if any(_AMOUNT_WORD.match(w.text) for w in words):
        return None
    columns: list[_Column] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            chunk = words[i : i + size]
            squashed = re.sub(r"[^a-zæøå()+-]", "", "".join(w.text for w in chunk).lower())
            if len(chunk) == size and squashed in _SQUASHED:
                columns.append(_Column(_SQUASHED[squashed], chunk[0].x0, chunk[-1].x1))
                i += size
                break
        else:
            i += 1
    kinds = {c.name for c in columns}
    if len(columns) >= 2 and kinds & set(_CURRENT + _HISTORIC) and (len(columns) >= 3 or len(columns) * 3 >= len(words)):
        return columns
    cells = line.cells()  # "Arbejdsgiverbidrag og feriepenge | I perioden | I ferieåret": a block's title, then its columns
    if len(cells) >= 3 and not any(c.name for c in columns if c.x1 <= cells[0][-1].x1):
        rest = _header_columns(TextLine(line.page, tuple(w for cell in cells[1:] for w in cell)))
        return rest
    return None


_NO_COLUMN = _Column("", 0.0, 0.0)


def _nearest(columns: list[_Column], word: Word) -> _Column:
    """The column a number stands in; none when no title is near (a title lost on a scan)."""

    def distance(col: _Column) -> tuple[float, float]:
        gap = max(col.x0 - word.x1, word.x0 - col.x1, 0.0)
        return gap, abs(col.x1 - word.x1)

    best = min(columns, key=distance)
    return best if distance(best)[0] <= 40 else _NO_COLUMN


_HOUR_WORD = re.compile(r"(?i)^(timer|time|t|tim|hours|hrs|h)\.?$")


def _money_words(line: TextLine) -> list[Word]:
    out = []
    words = line.words
    for i, w in enumerate(words):
        nxt = words[i + 1].text if i + 1 < len(words) else ""
        if _AMOUNT_WORD.match(w.text.strip("()")) and nxt not in ("%", "pct", "pct."):
            out.append(w)  # "(8 % af 4.263,00)": the basis inside a parenthesis is a number too
        elif re.match(r"^\d{1,3}$", w.text) and _HOUR_WORD.match(nxt) and sum(bool(_AMOUNT_WORD.match(x.text)) for x in words[i:]) >= 2:
            out.append(w)  # "Gage 32 Timer af 145,00 kr. 4.640,00 kr.": whole hours before a rate and an amount
    return out


def _label_words(line: TextLine, first_money: Word | None) -> list[Word]:
    words = [w for w in line.words if first_money is None or w.x1 <= first_money.x0]
    # leading codes ("1213", "P", "01.09-30.09") and scan noise without a letter or digit ("==", "—")
    while words and (_CODE.match(words[0].text) or not re.search(r"[\wæøå]", words[0].text)):
        words = words[1:]
    return words


def _value(w: Word) -> Decimal:
    value = parse_number(w.text.strip("()"))
    return to_ore(value) if value is not None else Decimal("0.00")


def _pick(
    line: TextLine, money: list[Word], columns: list[_Column] | None, roles: column_roles.Roles | None = None
) -> tuple[Word | None, Word | None]:
    """The current-period amount of a row, and the units (hours) where a column says so."""
    if not money:
        return None, None
    if roles is not None and roles.decided:
        amount = roles.pick(money, column_roles.AMOUNT)
        alone = money[0] if len(money) == 1 and (c := roles.of(money[0])) is not None and c.role != column_roles.YTD else None
        amount = amount or alone  # a row's only number is its amount (units and rates never stand alone)
        if amount is None:  # a subtotal set apart from the month's column: any number that is no year's sum, units or rate
            rest = [w for w in money if (c := roles.of(w)) is None or c.role == column_roles.AMOUNT or c.why == "unknown"]
            amount = rest[-1] if rest else None
        if amount is None:
            return None, None
        return amount, roles.pick(money, column_roles.UNITS) or _hours_by_product(money, amount)
    units = None
    if columns:
        current = []
        for column in (c for c in columns if c.current):
            mine = [w for w in money if _nearest(columns, w) is column]
            if mine:  # the best-aligned number under this title
                current.append(min(mine, key=lambda w: (max(column.x0 - w.x1, w.x0 - column.x1, 0.0), abs(column.x1 - w.x1))))
        current.sort(key=lambda w: w.x0)
        unit_words = [w for w in money if _nearest(columns, w).unit]
        units = unit_words[0] if unit_words else None
        if current:
            chosen = next((w for w in current if _value(w) != 0), current[0])
            return chosen, units or _hours_by_product(money, chosen)
        historic = [w for w in money if _nearest(columns, w).name in _HISTORIC]
        rest = [w for w in money if w not in historic]
        if rest:
            return rest[-1], units or _hours_by_product(money, rest[-1])
        return None, None
    return money[-1], _hours_by_product(money, money[-1])


def _hours_by_product(money: list[Word], amount: Word) -> Word | None:
    """In ``Timeløn 25,50 171,35 4.369,43`` the first number times the rate is the amount."""
    before = [w for w in money if w.x1 < amount.x0]
    if len(before) >= 2:
        a, b = _value(before[-2]), _value(before[-1])
        if abs(a * b - _value(amount)) <= Decimal("1.00"):
            return before[-2]
    return None


def split_documents(pages: tuple[PageText, ...]) -> list[tuple[PageText, ...]]:
    """The payslips in one PDF: a page whose CPR number differs from the one before starts the
    next payslip (a bureau's collected PDF, one person a page); pages without one continue it."""
    documents: list[list[PageText]] = []
    current: str | None = None
    for page in pages:
        cpr = _page_cpr(page)
        if not documents or (cpr is not None and current is not None and cpr != current):
            documents.append([])
        documents[-1].append(page)
        current = cpr or current
    return [tuple(doc) for doc in documents]


def _page_cpr(page: PageText) -> str | None:
    for line in page.lines:
        if _CPR_LABEL.search(line.text) and (m := _CPR_VALUE.search(line.text)):
            return m.group(1) + m.group(2)
    return None


def page_quality(page: PageText) -> tuple[int, int]:
    """How much of a payslip a reading of a page holds: table headers found, amounts read."""
    headers = sum(1 for line in page.lines if _header_columns(line))
    amounts = sum(1 for line in page.lines for word in line.words if _AMOUNT_WORD.match(word.text))
    return headers, amounts


_THOUSANDS_HEAD = re.compile(r"^-?\d{1,3}$")
_THOUSANDS_TAIL = re.compile(r"^\d{3}(?:[ .]\d{3})*,\d{2}-?$")


def _joined_thousands(line: TextLine) -> TextLine:
    """``5 940,00`` set with a space between the thousands is two words to pdfplumber: one again."""
    words = list(line.words)
    out: list[Word] = []
    for word in words:
        if out and _THOUSANDS_HEAD.match(out[-1].text) and _THOUSANDS_TAIL.match(word.text) and word.x0 - out[-1].x1 <= 5:
            left = out.pop()
            word = Word(f"{left.text}.{word.text}", left.x0, min(left.top, word.top), word.x1, max(left.bottom, word.bottom),
                        min(left.confidence, word.confidence))  # fmt: skip
        out.append(word)
    return line if len(out) == len(words) else TextLine(line.page, tuple(out))


def read_payslip(pages: tuple[PageText, ...], filename: str, *, prefix: str = "attachment") -> PayslipReading:
    pages = tuple(PageText(p.number, tuple(_joined_thousands(line) for line in p.lines), p.needs_ocr, p.ocr) for p in pages)
    reading = PayslipReading(filename)
    seen_rows: set[tuple[str, Decimal]] = set()
    for page in pages:
        page_prefix = "ocr" if page.ocr else prefix
        columns: list[_Column] | None = None
        ytd = False
        tables = _tables(page)
        for index, line in enumerate(page.lines):
            text = line.text
            header = _header_columns(line)
            if header and any(c.current for c in header):
                columns, ytd = header, False
                continue
            if _YTD_TITLE.match(text):  # a block of the year's sums, unless the columns under it hold the month's too
                months = tables.get(index + 1)
                ytd, columns = months is None or not months.decided, header
                continue
            if header:
                columns, ytd = header, False
                continue
            _identity(reading, page, index, line, page_prefix, filename)
            if ytd:
                continue
            money = _money_words(line)
            if money and _prose_after(line, money[-1]):
                continue  # a sentence with a number in it, not a row
            for i, (part, part_columns) in enumerate(_segments(line, columns)):
                _row(reading, part, part_columns, page_prefix, filename, seen_rows, tables.get(index) if i == 0 else None)
    _subtotals(reading)
    _gross_as_salary(reading)
    total = reading.fields.get("payslip.pension_total")
    if total is not None and isinstance(total.value, Decimal) and not any(kind == Kind.PENSION for kind, *_ in reading.lines):
        reading.lines.append((Kind.PENSION, total.value, "Pension i alt", total))  # no employer share shown apart
    paid = reading.fields.get("payslip.paid_hours")
    if paid is not None and "hours.worked" not in reading.fields and "hours.sick" not in reading.fields:
        reading.put("hours.worked", paid.value, paid)  # "Timer i perioden 30,00" in the header, no hours per row
    if (bare := reading.fields.pop("employee.cpr_bare", None)) is not None:
        reading.put("employee.cpr", bare.value, bare)  # a labelled one, if any, came first
    for key in ("employer.name_label", "employer.name_cvr", "employer.name_block", "employer.name_first"):
        if (read := reading.fields.get(key)) is not None:
            reading.put("employer.name", read.value, read)
            break
    if "period.start" not in reading.fields:  # "LØNSEDDEL 01.09.2026 til 30.09.2026": no label, the first range
        _first_range(reading, pages, prefix, filename)
    return reading


def _tables(page: PageText) -> dict[int, column_roles.Roles]:
    """The roles of the number columns of each table on a page, by the index of each row line.

    A table starts at a line without amounts that stands right over a line with them (its
    column titles, known or not); its rows are the lines with amounts and a label until the next."""
    tables: dict[int, column_roles.Roles] = {}
    header: tuple[Word, ...] = ()
    rows: list[int] = []

    def close() -> None:
        year_block = bool(_YTD_TITLE.match(" ".join(w.text for w in header)))
        found = column_roles.roles([_money_words(_segments(page.lines[i], None)[0][0]) for i in rows], header, year_block=year_block)
        tables.update(dict.fromkeys(rows, found))

    for index, line in enumerate(page.lines):
        money = _money_words(line)
        if not money:
            nxt = page.lines[index + 1] if index + 1 < len(page.lines) else None
            if len(line.cells()) >= 2 and nxt is not None and _money_words(nxt) or _YTD_TITLE.match(line.text):
                close()
                header, rows = line.words, []
            continue
        label = " ".join(w.text for w in _label_words(line, money[0]))
        if classify(label) is not None and not _prose_after(line, money[-1]):
            rows.append(index)
    close()
    return tables


def _segments(line: TextLine, columns: list[_Column] | None) -> list[tuple[TextLine, list[_Column] | None]]:
    """``Bruttoløn: 5.460,00    AM-indkomst: 5.427,00``: two rows on one line. A word after an
    amount starts a new row; only the first stands under the table's columns."""
    parts: list[list[Word]] = [[]]
    seen_money = False
    for word in line.words:
        if seen_money and re.search(r"[A-Za-zÆØÅæøå]{3,}", word.text):
            parts.append([])
            seen_money = False
        parts[-1].append(word)
        seen_money = seen_money or bool(_AMOUNT_WORD.match(word.text))
    if len(parts) == 1:
        return [(line, columns)]
    return [(TextLine(line.page, tuple(words)), columns if i == 0 else None) for i, words in enumerate(parts) if words]


_SUMMING = re.compile(r"(?i)i\s*alt|samlet|brutto|indtægt|indkomst|total|\bsum\b")


def _subtotals(reading: PayslipReading) -> None:
    """A pay row that is the sum of the pay rows above it ("Lønindtægt", "Samlet løn") is the
    gross pay, not more pay; a row labelled as a sum that the pay rows make up is the gross pay too."""
    pay: list[Decimal] = []
    kept = []
    for line in reading.lines:
        kind, amount, label, where = line
        if kind == Kind.SALARY and pay and _SUMMING.search(label) and abs(sum(pay, Decimal(0)) - amount) <= Decimal("0.01"):
            reading.put("payslip.gross", amount, where)
            continue
        if kind in (Kind.SALARY, Kind.SICK_PAY):
            pay.append(amount)
        kept.append(line)
    reading.lines[:] = kept
    if pay and "payslip.gross" not in reading.fields:
        for amount, where in reading.totals:
            if abs(sum(pay, Decimal(0)) - amount) <= Decimal("0.01"):
                reading.put("payslip.gross", amount, where)
                break


def _gross_as_salary(reading: PayslipReading) -> None:
    """A payslip that shows only its gross pay ("Bruttoløn 4.263,00", no pay rows): the gross pay
    is the salary, unless the rows already read make it up (a final settlement's holiday pay)."""
    gross = reading.fields.get("payslip.gross")
    if gross is None or not isinstance(gross.value, Decimal) or any(kind in (Kind.SALARY, Kind.SICK_PAY) for kind, *_ in reading.lines):
        return
    if abs(sum((amount for _, amount, _, _ in reading.lines), Decimal(0)) - gross.value) <= Decimal("1.00"):
        return
    reading.lines.insert(0, (Kind.SALARY, gross.value, "Bruttoløn", gross))


def _first_range(reading: PayslipReading, pages: tuple[PageText, ...], prefix: str, filename: str) -> None:
    for page in pages[:1]:
        for line in page.lines:
            if re.search(r"(?i)ferieår|optjening|ansat\s+fra|ansættelse", line.text):
                continue
            found = [f for f in find_periods(line.text) if f.kind == "range"]
            if found:
                where = _where("ocr" if page.ocr else prefix, filename, line.page, list(line.words))
                reading.put("period.start", found[0].period.start, where)
                reading.put("period.end", found[0].period.end, where)
                return


def _identity(reading: PayslipReading, page: PageText, index: int, line: TextLine, prefix: str, filename: str) -> None:
    text = line.text
    if "employee.name" not in reading.fields:
        for cell in line.cells():
            text_of_cell = " ".join(w.text for w in cell)
            m = _NAME_LABEL.match(text_of_cell)
            value, spot = (m.group("v"), cell[1:] or cell) if m else (None, cell)
            if m is None and re.match(r"(?i)^(navn|medarbejder|lønmodtager|ansat|name|employee)\s*:?$", text_of_cell):
                below = _cell_below(page, index, cell)  # "Lønmodtager:" over the name, in a column of its own
                value, spot = (" ".join(w.text for w in below), below) if below else (None, cell)
            if value and 2 <= len(value.split()) <= 5 and _NAME.match(value) and not _NAME_STOP.search(value):
                reading.put("employee.name", value, _where(prefix, filename, line.page, spot))
                break
    if _CPR_LABEL.search(text) and (m := _CPR_VALUE.search(text)):
        words = [w for w in line.words if m.group(1) in w.text.replace("-", "")[:6] or m.group(2) in w.text]
        where = _where(prefix, filename, line.page, words or list(line.words))
        if m.group(2).isdigit():
            reading.put("employee.cpr", m.group(1) + m.group(2), where)
        else:
            reading.cpr_masked = True
        _employee_name(reading, page, index, line, prefix, filename)
    elif (m := _BARE_CPR.search(text)) and cpr_numbers.has_valid_date(m.group(1) + m.group(2)) and not _CVR.search(text):
        words = [w for w in line.words if m.group(0) in w.text]
        reading.put("employee.cpr_bare", m.group(1) + m.group(2), _where(prefix, filename, line.page, words or list(line.words)))
        _employee_name(reading, page, index, line, prefix, filename)
    for m in _CVR.finditer(text):  # the first is the payslip's; the others are kept as alternatives
        if cvr := cvr_numbers.compact(m.group(1)):
            words = [w for w in line.words if w.text.replace(" ", "") in m.group(1).replace(" ", "")]
            reading.put("employer.cvr", cvr, _where(prefix, filename, line.page, words or list(line.words)))
    _employer_names(reading, page, index, line, prefix, filename)
    if _PERIOD_LABEL.search(text) and not re.search(r"(?i)ferieår", text) and "period.start" not in reading.fields:
        found = [f for f in find_periods(text) if f.kind == "range"] or find_periods(text)
        at = list(line.words)
        if not found:  # "LØNPERIODE" over "Oct-26": a label in a block, its value below it
            label = next((c for c in line.cells() if _PERIOD_LABEL.search(" ".join(w.text for w in c))), None)
            below = _cell_below(page, index, label) if label else None
            text_below = " ".join(w.text for w in below) if below else ""
            found = [f for f in find_periods(text_below) if f.kind == "range"] or find_periods(text_below)
            at = list(below or at)
        if found:
            where = _where(prefix, filename, line.page, at)
            reading.put("period.start", found[0].period.start, where)
            reading.put("period.end", found[0].period.end, where)


_EMPLOYER_LABEL = re.compile(r"^(?:arbejdsgiver(?:navn)?|virksomhed|firma|ansættelsessted|employer)\s*:?\s*(?P<v>.*)$", re.I)
_TITLE = re.compile(r"(?i)^(løn\w*|side|payslip|fortroligt|kopi)\b")
_EDGE = " -–—/·|,.:;"


_LABEL_WORD = re.compile(r"(?i)^(virksomhed|arbejdsgiver|firma|selskab|company|employer)\w*\W*$")


def _name_like(text: str) -> bool:
    if _LABEL_WORD.match(text):
        return False  # "Virksomhedens CVR: …": a label, not a name
    words = text.split()
    return (1 <= len(words) <= 6 and not re.search(r"[\d:]", text) and text[:1].isupper() and not _TITLE.match(text)
            and len(text) > 3)  # a "label: value" cell is no name  # fmt: skip


def _cell_below(page: PageText, index: int, cell: tuple[Word, ...]) -> tuple[Word, ...] | None:
    """The cell on the next line that stands under `cell` (a label over its value)."""
    if index + 1 >= len(page.lines):
        return None
    x0, x1 = cell[0].x0, cell[-1].x1
    for below in page.lines[index + 1].cells():
        if below[0].x0 < x1 + 20 and below[-1].x1 > x0 - 20:
            return below
    return None


def _employer_names(reading: PayslipReading, page: PageText, index: int, line: TextLine, prefix: str, filename: str) -> None:
    """Candidates for the employer's name, best first: a label (`Arbejdsgiver`, `Ansættelsessted:`),
    the name before the CVR on its line, the first line of the first page; `read_payslip` picks."""
    cells = line.cells()
    for i, cell in enumerate(cells):
        text = " ".join(w.text for w in cell)
        if m := _EMPLOYER_LABEL.match(text):
            value, where = m.group("v").strip(_EDGE), cell
            if not value and i + 1 < len(cells):
                value, where = " ".join(w.text for w in cells[i + 1]).strip(_EDGE), cells[i + 1]
            if not value or _EMPLOYER_LABEL.match(value) or re.match(r"(?i)^(lønmodtager|medarbejder|navn)\b", value):
                below = _cell_below(page, index, cell)  # a block: the title, the name below it
                value, where = (" ".join(w.text for w in below).strip(_EDGE), below) if below else ("", cell)
            if _name_like(value):
                reading.put("employer.name_label", value, _where(prefix, filename, line.page, where))
        if (m := re.search(r"(?i)\b(?:cvr|se)\b", text)) and m.start() > 0:
            # "Albertslund Kommune · Nordmarks Allé 1 · CVR-nr. …": the name is the first part of a footer
            before = re.split(r"\s[·|•–—]\s|,\s", text[: m.start()].strip(_EDGE))[0].strip(_EDGE)
            if _name_like(before):
                reading.put("employer.name_cvr", before, _where(prefix, filename, line.page, cell))
        elif m and _CVR.search(text) and (head := _block_head(page, index, cell)) is not None:
            reading.put("employer.name_block", " ".join(w.text for w in head).strip(_EDGE), _where(prefix, filename, line.page, head))
    if page.number == 1 and index < 3:
        first = " ".join(w.text for w in cells[0]).strip(_EDGE)
        if _name_like(first) and not _EMPLOYER_LABEL.match(first):
            reading.put("employer.name_first", first, _where(prefix, filename, line.page, cells[0]))


_LEGAL_FORM = LEGAL_FORM


def _block_head(page: PageText, index: int, cell: tuple[Word, ...]) -> tuple[Word, ...] | None:
    """The first line of the address block that `cell` ends (the employer's name over its street
    and its CVR line): the cells straight above, aligned on the left, up to a gap or 5 lines.
    A line with nothing in the block's column (a date printed beside the block, a little lower
    than its neighbour) is passed over; a line with something else in that column ends it."""
    block: list[tuple[Word, ...]] = []
    x0, x1 = cell[0].x0, max(cell[-1].x1, cell[0].x0 + 120)
    top, height = cell[0].top, max(cell[0].bottom - cell[0].top, 6.0)
    for above in reversed(page.lines[max(0, index - 8) : index]):
        if len(block) == 5 or top - above.words[0].bottom > 2.5 * height:
            break
        aligned = next((c for c in above.cells() if abs(c[0].x0 - x0) <= 12), None)
        if aligned is None:
            if any(c[0].x0 < x1 and c[-1].x1 > x0 for c in above.cells()):
                break
            continue
        block.insert(0, aligned)
        top = aligned[0].top
    names = [c for c in block if _name_like(" ".join(w.text for w in c).strip(_EDGE))]
    # A workplace may head the block over its legal employer ("Plejecenter Blokken" over
    # "Albertslund Kommune"): the CVR is the legal entity's, so a name with a legal form wins.
    legal = [c for c in names if _LEGAL_FORM.search(" ".join(w.text for w in c))]
    if legal:
        return legal[0]
    return block[0] if block and names and names[0] is block[0] else None


def _employee_name(reading: PayslipReading, page: PageText, index: int, line: TextLine, prefix: str, filename: str) -> None:
    if "employee.name" in reading.fields:
        return
    # On the CPR line itself ("Søren Østergaard Nielsen Personnummer 300475-2499"), then below, then above.
    label_at = next((i for i, w in enumerate(line.words) if _CPR_LABEL.search(w.text)), None)
    candidates: list[tuple[Word, ...]] = []
    if label_at:
        candidates.append(tuple(line.words[:label_at]))
    neighbours = list(page.lines[index + 1 : index + 5]) + list(reversed(page.lines[max(0, index - 4) : index]))
    for other in neighbours:
        candidates.extend(other.cells())
    for cell in candidates:
        name = " ".join(w.text for w in cell).strip()
        if 2 <= len(name.split()) <= 5 and _NAME.match(name) and not _NAME_STOP.search(name):
            reading.put("employee.name", name, _where(prefix, filename, line.page if cell in candidates[:1] else page.number, cell))
            return


def _row(
    reading: PayslipReading,
    line: TextLine,
    columns: list[_Column] | None,
    prefix: str,
    filename: str,
    seen: set[tuple[str, Decimal]],
    roles: column_roles.Roles | None = None,
) -> None:
    money = _money_words(line)
    if not money:
        return
    label_words = _label_words(line, money[0])
    label = " ".join(w.text for w in label_words).strip(" :")
    meaning = classify(label)
    employer_share = re.match(r"(?i)^\W*heraf\s+(arbejdsgiver|firma|virksomhed)", label)
    if meaning is None and employer_share and "payslip.pension_total" in reading.fields:
        meaning = Kind.PENSION  # "Pension i alt 736,80 / heraf arbejdsgiverandel 491,20": the employer's share is the cost
    if meaning is None or meaning == Label.IGNORE:
        return
    amount_word, unit_word = _pick(line, money, columns, roles)
    if amount_word is None or _prose_after(line, money[-1]):
        return
    amount = _value(amount_word)
    if meaning == Label.TOTAL:
        reading.totals.append((abs(amount), _where(prefix, filename, line.page, [amount_word])))
        return
    if meaning == Label.PAID_HOURS and unit_word is not None and unit_word is not amount_word:
        meaning = Kind.SALARY  # "Timer 32,50 150,00 4.875,00": units × rate = amount is a pay row whatever its label
    if meaning == Label.PENSION_TOTAL:
        reading.put("payslip.pension_total", abs(amount), _where(prefix, filename, line.page, [amount_word]))
        return
    where = _where(prefix, filename, line.page, [amount_word])
    if meaning == Label.GROSS:
        reading.put("payslip.gross", amount, where)
    elif meaning == Label.AM_BASIS:
        reading.put("payslip.am_basis", abs(amount), where)
    elif meaning == Label.A_INCOME:
        reading.put("payslip.a_income", abs(amount), where)
    elif meaning == Label.PAID_HOURS:
        reading.put("payslip.paid_hours", abs(amount), where)
    elif meaning == Kind.AM_BIDRAG:
        reading.put("payslip.am_bidrag", abs(amount), where)
        basis = [w for w in money if w is not amount_word and w.x1 < amount_word.x0]
        if basis:
            reading.put("payslip.am_basis_row", abs(_value(basis[0])), _where(prefix, filename, line.page, [basis[0]]))
    elif isinstance(meaning, Kind) and meaning != Kind.OTHER:
        if amount <= 0 or (label.lower(), amount) in seen:
            return
        seen.add((label.lower(), amount))
        reading.lines.append((meaning, amount, label, where))
        supplement = re.search(r"(?i)tillæg|overarbejde|merarbejde", label)  # hours of base pay only, not of its supplements
        if unit_word is not None and meaning in (Kind.SALARY, Kind.SICK_PAY) and not supplement and not _other_period(reading, line, label):
            key = "hours.worked" if meaning == Kind.SALARY else "hours.sick"
            hours = abs(_value(unit_word))
            old = reading.fields.get(key)
            wh = _where(prefix, filename, line.page, [unit_word])
            if old is None:
                reading.put(key, hours, wh)
            elif isinstance(old.value, Decimal):
                reading.fields[key] = Read(old.value + hours, old.source, old.confidence)


def _other_period(reading: PayslipReading, line: TextLine, label: str) -> bool:
    """Back pay, or a row whose period code lies outside the payslip's period."""
    if _BACK_PAY.search(label):
        return True
    start = reading.get("period.start")
    for word in line.words[:3]:
        if (m := _ROW_PERIOD.match(word.text)) and isinstance(start, dt.date):
            return int(m.group(2)) != start.month and int(m.group(4)) != start.month
    return False


def _prose_after(line: TextLine, last_money: Word) -> bool:
    """A sentence, not a row: words follow the last amount ("2,08 feriedage optjent pr. måned")."""
    after = [w.text for w in line.words if w.x0 >= last_money.x1]
    words = [t for t in after if re.search(r"[a-zæøå]{3,}", t, re.I) and t.lower().strip(".") not in ("kr", "dkk")]
    return len(words) >= 2


