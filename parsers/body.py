"""Danish free text and tables in an email body -> what the workplace claims.

The body is read in three layers: the workplace's own words and anything it forwards
(Videresendt besked) are the message; quoted old mail (``>`` lines, Outlook's "Fra: ... Sendt:"
blocks, "Den ... skrev ...:") is kept apart and used only for values nothing else states;
signatures (from "Venlig hilsen" on) are dropped, so a phone number or the municipality's own
CVR in a signature is never read as a claim value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from claims import cpr as cpr_numbers
from claims import cvr as cvr_numbers
from claims.model import Kind
from claims.money import to_ore
from parsers.danish import LEGAL_FORM, MONTHS, Found, find_dates, find_numbers, find_periods, legal_employer, make_date
from parsers.labels import Label, classify

_FORWARD = re.compile(r"^[-\s]*(videresendt (besked|meddelelse)|forwarded message|begin forwarded message|"
                      r"videresendt mail)[-:\s]*$", re.I)  # fmt: skip
_ORIGINAL = re.compile(r"^[-\s]*(original message|oprindelig (meddelelse|besked)|opprinnelig melding)[-\s]*$", re.I)
_HEAD = re.compile(r"^\s*(fra|from|dato|date|sendt|sent|emne|subject|til|to|cc|bcc)\s*:", re.I)
_WROTE = re.compile(r"^\s*(den|on|d\.)\s.{4,120}\s(skrev|wrote|schrieb)\b.*:?\s*$", re.I)
_SIGNOFF = re.compile(
    r"^\s*((med\s+)?(venlig(st)?|de\s+bedste|mange|kærlig)\s+hilsen|mvh\.?\b|vh\b|hilsen\b|kh\b|"
    r"best regards|kind regards|regards\b|-- ?$)",
    re.I,
)
_CPR = re.compile(r"(?<![\d-])(\d{6})(?:\s?[-–]\s?|\s)?(\d{4})(?![\d])")
_CPR_LABEL = re.compile(r"(cpr|personnummer|personnr|cpr-nr|cpr\.nr)\W{0,4}$", re.I)
_MASKED = re.compile(r"(?<!\d)\d{6}-?(x{4}|\*{4})", re.I)
_CVR = re.compile(
    r"\b(?:cvr|se)(?:[-\s.]?(?:nr|nummer)(?:et)?)?\.?(?:\s+(?:er|var|glemte|jeg|vores|hos|lyder|på)){0,3}\s*[:.]?\s*"
    r"(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?!\d)",
    re.I,
)
_NAME_LABEL = re.compile(
    r"^\s*(?:(?:borgerens|medarbejderens|lønmodtagerens|(?:den\s+)?ansattes|employee'?s?)\s+)?(navn(?:\s+på\s+(?:medarbejder|borger|"
    r"den\s+ansatte|lønmodtager)\w*)?|name|medarbejder|borger|(?:den\s+)?ansat(?:te)?|lønmodtager|employee|"
    r"medarbejdernavn)(?:\s*/\s*\w+)?\s*[:\t]\s*(?P<v>.+)$",
    re.I,
)
_EMPLOYER_LABEL = re.compile(
    r"(arbejdsgiver(?:en)?|virksomhed|ansættelsessted|employer)(?:\s+for\s+\w+)?\s*(?:er|:|\t)\s*(?P<v>[^,(\t\n]+)", re.I
)
_NAME_WORD = r"[A-ZÆØÅÉÜÖÄ][a-zæøåéüöäA-ZÆØÅ'’-]+"
_NAME_BEFORE_CPR = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})\s*[,(]?\s*(?i:cpr[-.\s]?(?:nr)?\.?|personnummer)?\s*[:.]?\s*$")
_NAME_AFTER_CPR = re.compile(rf"[ \t]*\(({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}})\)")
_NAME_AFTER_ROLE = re.compile(
    rf"(?i:\b(?:medarbejder(?:en)?|borger(?:en)?|ansatte|lønmodtager(?:en)?|kollega))[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}})"
)
_INVERTED_NAME = re.compile(rf"^\s*({_NAME_WORD}(?:[ -]{_NAME_WORD})?),\s*({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*(?:$|[(\t])")
_NAME_POSSESSIVE = re.compile(
    rf"(?i:refundere|refusion\s+(?:af|for)|lønseddel\s+for)\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})(?:'s?|s)?\s+(?i:løn)"
)
_PERIOD_LABEL = re.compile(r"^\s*(løn|refusions|afregnings)?periode\w*\s*(for\s+refusion)?\s*[:\t]", re.I)
_HOURS_LABEL = re.compile(
    r"^\s*(?:(antal\s+)?(arbejdede\s+|betalte\s+|præsterede\s+|udførte\s+|lønnede\s+|løn|arbejds)?timer(\s+i\s+alt)?(\s+i\s+perioden)?"
    r"(?:\s*\((?:arbejdede|præsterede|betalte)\))?|(?:number\s+of\s+)?(?:worked\s+|paid\s+)?hours(?:\s+worked)?|arbejdet)"
    r"\s*(?:[:\t]|\s(?=\s*\d))",  # "Timer: 34,50" and "Timer 34,50"
    re.I,
)
_HOURS_IN_SENTENCE = re.compile(
    r"(?<![\w-])(?:timer\s+i\s+alt|antal\s+timer|løntimer|timetal)\s*[:=]?\s*(\d{1,3}(?:,\d{1,2})?)(?![\d,])", re.I
)
_SICK_HOURS_LABEL = re.compile(r"^\s*(syge?timer|timer\s+(under|med|i)\s+syg\w*|sygdom\s*\(timer\))\s*[:\t]", re.I)
_HOURS_LINE = re.compile(r"^\W*(?:antal\s+)?(?:\w+\s+)?timer\b[^:\t]{0,30}[:\t]", re.I)  # "Timer med sygeløn: 30,00" counts hours
_PER_WEEK = re.compile(r"^\s*(timer)?\s*(om|pr\.?|per|i|/)\s*(ugen|uge)\b|^\s*(timer)?\s*/\s*uge|^\s*ugentlig", re.I)
_HOURS_PROSE = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{1,2})?)\s*(?:arbejds|løn|betalte\s+)?timer\b", re.I)
_SICK_CONTEXT = re.compile(r"\bsyg(?!edagpenge)|\bsick\b", re.I)
# "Syg fra: 05.10.2026" / "Syg til: 09.10.2026": a table's columns made into labels, or a form's fields
_FIRST_SICK_PHRASE = re.compile(
    r"\bsyg\w*\s+fra\s*:|sick\s+from\s*:|"
    r"første\s+sygedag[^:\n()\d]{0,30}:?|first\s+(?:day\s+of\s+sickness|sick\s+day)[^:\n()\d]{0,30}:?", re.I)
_LAST_SICK_PHRASE = re.compile(
    r"\bsyg\w*\s+(?:til(?:\s+og\s+med)?|t\.o\.m\.?)\s*:|sick\s+(?:until|to)\s*:|"
    r"sidste\s+sygedag[^:\n()\d]{0,30}:?|last\s+(?:day\s+of\s+sickness|sick\s+day)[^:\n()\d]{0,30}:?", re.I)
_DAY_MONTH = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s*(?P<m>januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b"
    r"(?!\s*\d{4})",
    re.I,
)
_FINAL = re.compile(r"fratræd|fratråd|sidste\s+lønseddel|slutlønseddel|slutafregning|ophørt?\s+(i|med)\s+ansættelse", re.I)
_CORRECTION = re.compile(r"\b(korrektion|korrigere[td]?|rettelse|rettet|efterregulering|efterreguleret|"
                         r"erstatter\s+(den|vores)\s+tidligere)\b", re.I)  # fmt: skip
_NOT_CORRECTION = re.compile(r"\bingen\s+efterregulering", re.I)
_MASK_TOKENS = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.\d{1,2}\.?\s?-\s?\d{1,2}\.\d{1,2}\.?|\b\d{6}\s?-?\s?\d{4}\b|"
    r"\bkl\.?\s*\d{1,2}[.:]\d{2}|\b(?:tlf|telefon|mobil|tel)\.?:?\s*[+\d][\d ]{6,}|\b\d{2}\s\d{2}\s\d{2}\s\d{2}\b",
    re.I,
)
_TOTAL_AFTER = re.compile(r"\s*(?:kr\.?|dkk|,-)?\s*(?:i\s+alt|ialt|samlet|in total)\b", re.I)
_LEADERS = re.compile(r"\s*(?:\.\s?){4,}\s*")
_RATE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
# A dot after these ends no clause: "ekskl. ferie", "Syg m. løn" (a one-letter word is an abbreviation).
_ABBREVIATED = r"(?<!ekskl)(?<!inkl)(?<!excl)(?<!incl)(?<!evt)(?<!pr)(?<!kr)(?<!ca)(?<!nr)(?<!\b\w)"
_CURRENCY_ONLY = re.compile(r"^[\s:().,\-–/x×á@=|]*(kr\.?|dkk|,-)?[\s:().,\-–/|]*$", re.I)
# between the numbers of one cost line: units and signs ("42,00 timer | 6.216,00", "24,00 t à 161,20 kr.")
_CONNECTOR = re.compile(
    r"^[\s:().,\-–/x×@=|]*(?:(?:kr\.?|dkk|,-|timer|time|tim\.?|t\.?|à|á|a|pr\.?\s*time|stk\.?)(?![\wæøå])[\s:().,\-–/x×@=|]*)*$",
    re.I,
)
_HOUR_UNIT = re.compile(r"^\W*(?:timer|time|tim\.?|t\.?)(?![\wæøå])", re.I)
# a cost named after its amount ("731,50 kr. i feriepenge")
_KIND_AFTER = re.compile(r"\s*(?:kr\.?|dkk)?\s*(?:i|til|som|in)\s+((?:[a-zæøå-]+\s?){1,3})", re.I)


# the identities of which a mail may state two (a workplace's and its legal employer's): each is
# kept, so the placement registry can tell which one is the placement's (claims/matching.py)
ALTERNATIVE_KEYS = ("employer.cvr", "employer.name")


@dataclass
class Section:
    """What one part of the text states about one claim."""

    values: dict[str, object] = field(default_factory=dict)
    lines: list[tuple[Kind, Decimal, str]] = field(default_factory=list)
    totals: list[Decimal] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    seen: dict[str, list[object]] = field(default_factory=dict)  # every value stated for an identity (ALTERNATIVE_KEYS)

    def put(self, key: str, value: object) -> None:
        if value is None:
            return
        if key in ALTERNATIVE_KEYS and value not in self.seen.setdefault(key, []):
            self.seen[key].append(value)
        old = self.values.get(key)
        if old is None:
            self.values[key] = value
        elif old != value and key in ("employer.cvr", "period.start", "period.end") and key not in self.conflicts:
            self.conflicts.append(key)

    @property
    def is_claim(self) -> bool:
        return bool(self.values.get("employee.cpr") or self.lines or self.totals)

    @property
    def total(self) -> Decimal | None:
        return self.totals[-1] if self.totals else None


@dataclass(frozen=True, slots=True)
class Text:
    own: str  # the workplace's words and what it forwards, signatures removed
    quoted: str  # old mail quoted below


def split_text(text: str, *, forwarding: bool = False) -> Text:
    """Separates the message's own and forwarded text from quoted old mail and signatures."""
    own: list[str] = []
    quoted: list[str] = []
    segment: list[str] = []
    state = "own"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def close() -> None:
        own.extend(_without_signature(segment))
        segment.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if state != "quoted" and (_FORWARD.match(stripped) or (forwarding and _ORIGINAL.match(stripped))):
            close()
            state = "header"
        elif state == "header" and (_HEAD.match(stripped) or not stripped):
            pass
        elif state != "quoted" and (
            _ORIGINAL.match(stripped)
            or _WROTE.match(stripped)
            or (_HEAD.match(stripped) and stripped.lower().startswith(("fra:", "from:")) and _reply_block(lines, i))
        ):
            if forwarding and _HEAD.match(stripped):
                close()
                state = "header"
            else:
                close()
                state = "quoted"
                quoted.append(stripped)
        elif state == "quoted" or stripped.startswith(">"):
            unquoted = re.sub(r"^(\s*>)+\s?", "", line)
            if _HEAD.match(unquoted.strip()) and unquoted.strip().lower().startswith(("fra:", "from:")) and _reply_block(lines, i):
                quoted.append("\x00")  # an older mail quoted inside the quote: its own block, its own signature
            quoted.append(unquoted)
        else:
            state = "own"
            segment.append(line)
        i += 1
    close()
    blocks = "\n".join(quoted).split("\x00")
    return Text("\n".join(own), "\n".join("\n".join(_without_signature(b.split("\n"))) for b in blocks))


def _reply_block(lines: list[str], i: int) -> bool:
    following = " ".join(lines[i + 1 : i + 5]).lower()
    return any(k in following for k in ("sendt:", "sent:", "emne:", "subject:", "dato:", "date:"))


def _without_signature(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if index > 0 and _SIGNOFF.match(line) and len(line.strip()) < 60:
            return lines[:index]
    return list(lines)


def read_sections(text: str) -> tuple[Section, list[Section]]:
    """The shared preamble and one section per employee (or per period) the text names."""
    # "Navn ........ Aisha Benali": dot leaders are a column gap
    lines = _expand_tables(_joined_labels(_unwrapped([_LEADERS.sub("\t", line) for line in text.split("\n")])))
    starts = _section_starts(lines)
    if len(starts) < 2:
        return Section(), [_read(lines)]
    preamble = _read(lines[: starts[0]])
    sections = [_read(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)], strict=True)]
    for section in sections:
        for key, value in preamble.values.items():
            section.values.setdefault(key, value)
    return preamble, sections


def _cprs(line: str) -> list[str]:
    found = []
    for m in _CPR.finditer(line):
        digits = m.group(1) + m.group(2)
        labelled = bool(_CPR_LABEL.search(line[: m.start()][-20:]))
        dashed = "-" in m.group(0) or "–" in m.group(0)
        after_name = dashed and bool(_NAME_BEFORE_CPR.search(line[: m.start()]))
        if labelled or (dashed and cpr_numbers.has_valid_date(digits)) or after_name:
            found.append(digits)  # "Mette Hansen (143391-1166)": a CPR number with a typo is still the CPR, for CPR_INVALID
    return found


def _section_starts(lines: list[str]) -> list[int]:
    starts: list[int] = []
    seen: list[str] = []
    for index, line in enumerate(lines):
        for cpr in _cprs(line):
            if cpr not in seen:
                seen.append(cpr)
                start = index
                if index > 0 and _NAME_LABEL.match(lines[index - 1]) and not _cprs(lines[index - 1]):
                    start = index - 1
                starts.append(start)
    if len(starts) >= 2:
        return starts
    # One employee, several months: a second labelled period (or a heading that is only a month)
    # after claim lines.
    period_lines = [i for i, line in enumerate(lines) if (_PERIOD_LABEL.match(line) and find_periods(line)) or _is_period_heading(line)]
    if len(period_lines) >= 2:
        blocks = period_lines + [len(lines)]
        if all(_has_items(lines[a:b]) for a, b in zip(blocks, blocks[1:], strict=False)):
            return period_lines
    return []


_VALUE_ONLY = re.compile(r"^\s*(?:kr\.?\s*|dkk\s*)?[-\d][\d .,:/–-]*(?:\s*(?:kr\.?|dkk|timer|,-))?\s*$", re.I)
_LABEL_ONLY = re.compile(r"^\s*[A-Za-zÆØÅæøå][\w .,&/()%-]{0,40}$")


_WRAP_WIDTH = 35  # a mail client wraps at 60-78 characters; a shorter line ended where its writer ended it


def _unwrapped(lines: list[str]) -> list[str]:
    """A sentence that the sender's mail client wrapped ("… 333,21 kr og særlig" over
    "feriegodtgørelse kr. 51,98."), one line again: a long line ending in a word, followed by
    one that goes on in lower case or with its amount, or a number grouped by a space broken in two.
    A list's lines start with capitals and are short."""
    out: list[str] = []
    for line in lines:
        last = out[-1].rstrip() if out else ""
        wrapped = len(last) >= _WRAP_WIDTH and "\t" not in last and not last.lstrip().startswith(">")
        # "… og særlig" over "feriegodtgørelse …", "… er DKK" over "4.123,93", "er 1" over "295,28 kr." ("1 295,28")
        goes_on = (re.search(r"(?i)[a-zæøå]$|\bkr\.$", last) and re.match(r"[a-zæøå]|\d|(?:DKK|kr\.?)\s*\d", line)
                   or re.search(r"\s\d{1,3}$", last) and re.match(r"\d{3}[,.]\d", line))  # fmt: skip
        if wrapped and goes_on:
            out[-1] = f"{last} {line.strip()}"
        else:
            out.append(line)
    return out


def _joined_labels(lines: list[str]) -> list[str]:
    """``I alt`` on one line and ``7.480,07 kr.`` on the next (an HTML mail of <div>s): one line
    ``I alt: 7.480,07 kr.`` again. Only a short label without digits over a line with only a value."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and _LABEL_ONLY.match(line) and not re.search(r"\d", line) and _VALUE_ONLY.match(lines[j]) \
                and len(line.split()) <= 4:  # fmt: skip
            out.append(f"{line.strip()}: {lines[j].strip()}")
            i = j + 1
            continue
        out.append(line)
        i += 1
    return out


def _is_period_heading(line: str) -> bool:
    """``September 2026`` or ``Oktober 2026:`` alone on its line: the heading of a month's block."""
    line = re.sub(r"\([^()]*\)", " ", line)  # "Juli 2026 (40,00 timer):"
    found = find_periods(line)
    return len(found) == 1 and not line[: found[0].start].strip(" \t-–*•") and not line[found[0].end :].strip(" \t:-–")


_CELLS = re.compile(r"\t+|\s{2,}|\s*[|;]\s*")


def _expand_tables(lines: list[str]) -> list[str]:
    """A table with a row per person (``Navn | CPR-nr. | Timer | Løn | Feriepenge | I alt``) becomes
    labelled lines, one block per row, which the rest of the reader understands; a sum row is
    dropped. A table whose rows carry their own labels (``Løndel | Timer | Beløb``) stays as it is."""
    out: list[str] = []
    header: list[str] | None = None
    for line in lines:
        cells = _cells(line)
        if not cells:  # an HTML table's rows may stand a blank line apart
            out.append(line)
            continue
        if header is not None and classify(cells[0]) == Label.TOTAL:
            continue  # the table's sum row: each person's own total stands in their row
        if header is not None and len(cells) == len(header) and any(re.search(r"\d", c) for c in cells):
            out.extend(f"{_column_label(name)}: {value}" for name, value in zip(header, cells, strict=True) if value)
            out.append("")
            continue
        header = cells if _is_person_table_header(cells) else None
        out.append(line)
    return out


def _column_label(name: str) -> str:
    """A month column (`Måned`, `Lønperiode`) labels a period, so a row per month is a claim per month."""
    return "Periode" if re.match(r"(?i)^(måned|md\.?|periode|lønperiode|month|period)$", name.strip()) else name


def _cells(line: str) -> list[str]:
    """A table row's cells; tabs (an HTML table, a spreadsheet) keep empty cells in their place."""
    text = line.strip()
    if not text:
        return []
    parts = text.split("\t") if "\t" in text else _CELLS.split(text)
    return [c.strip() for c in parts]


def _is_person_table_header(cells: list[str]) -> bool:
    if len(cells) < 3 or any(re.search(r"\d", c) for c in cells):
        return False
    kinds = [classify(c) for c in cells]
    costs = sum(1 for k in kinds if isinstance(k, Kind) or k == Label.TOTAL)
    has_person = any(re.match(r"(?i)(navn|name|medarbejder|cpr|personn)", c) for c in cells)
    return costs >= 1 and has_person or costs >= 2 and costs * 2 >= len(cells)  # a row per person, or kinds as columns


def _has_items(lines: list[str]) -> bool:
    return any(kind for line in lines for kind, _, _ in _items(line, hours_column=False)[0])


def _read(lines: list[str]) -> Section:
    section = Section()
    text = "\n".join(lines)
    hours_column = False
    for line in lines:
        if _is_table_header(line):
            hours_column = bool(re.search(r"(?i)\b(timer|antal|enheder)\b", line))
            continue
        _identity(section, line)
        items, hours = _items(line, hours_column=hours_column) if not _HOURS_LINE.match(line) else ([], {})
        for kind, amount, label in items:
            if kind == Label.TOTAL:
                section.totals.append(amount)
            elif kind == Label.GROSS:  # a gross pay among the lines: `reconcile` decides whether it is the salary
                section.values.setdefault("body.gross", (amount, label))
            elif isinstance(kind, Kind):
                section.lines.append((kind, amount, label))
        for key, value in hours.items():
            section.values.setdefault(f"table.{key}", value)
    _period(section, lines)
    _hours(section, _clauses(lines))
    _sickness(section, lines)
    _names(section, lines, text)
    _total_by_sum(section, lines)
    return section


def _total_by_sum(section: Section, lines: list[str]) -> None:
    """"Vi søger refusion af 5.550,38 kr.": an amount written after two or more cost lines that is
    their sum is the total, whatever words stand around it (the identity, not a phrase list).
    An amount that no line makes up is left alone: a wrong total is for the label to name."""
    if section.totals or len(section.lines) < 2:
        return
    claimed = sum((amount for _, amount, _ in section.lines), Decimal(0))
    amounts = {amount for _, amount, _ in section.lines}
    for line in lines:
        for number in find_numbers(line):
            money = number.has_decimals or number.has_currency
            if money and number.value not in amounts and abs(number.value - claimed) <= Decimal("0.01"):
                section.totals.append(to_ore(number.value))
                return


_SENTENCE_END = re.compile(r"(?<=[\wæøåÆØÅ]{2}[.!?])\s+(?=[A-ZÆØÅ])")


def _clauses(lines: list[str]) -> list[str]:
    """Each sentence of a line on its own, so a label counts where its sentence starts and not
    only at the start of a line (``CVR 29189919. Timer: 34,50.``)."""
    return [clause for line in lines for clause in _SENTENCE_END.split(line)]


def _is_table_header(line: str) -> bool:
    words = re.findall(r"[A-Za-zæøåÆØÅ]+", line)
    known = {"løndel", "timer", "beløb", "antal", "sats", "grundlag", "art", "tekst", "lønart", "kr", "enheder", "beskrivelse"}
    return len(words) >= 2 and all(w.lower() in known for w in words) and not re.search(r"\d", line)


def _identity(section: Section, line: str) -> None:
    for cpr in _cprs(line):
        section.put("employee.cpr", cpr)
        break
    else:
        if _MASKED.search(line):
            section.values.setdefault("employee.cpr_masked", True)
    for m in _CVR.finditer(line):
        if cvr := cvr_numbers.compact(m.group(1)):
            section.put("employer.cvr", cvr)
            name = _employer_before(line[: m.start()]) or _employer_after(line[m.end() :])
            if name:
                section.values.setdefault("employer.name", name)
    if m2 := _EMPLOYER_LABEL.search(line):
        name = re.sub(r"\s+(CVR|SE)\b.*$", "", m2.group("v"), flags=re.I).split(" / ")[0].strip(" .:–—-/|·")
        # a name, not an amount ("ATP arbejdsgiver: 66,00 kr." names no employer)
        if name and not re.search(r"\d{4}", name) and re.search(r"[A-Za-zÆØÅæøå]{2,}", name) and not re.match(r"^\W*\d", name):
            section.values["employer.name"] = legal_employer(name)
    elif "employer.name" not in section.values and not re.search(r"(?i)jobcenter", line):
        # "Arbejdssted: Plejecenter Blokken (Albertslund Kommune)": the legal employer in brackets
        for inner in re.findall(r"\(([A-ZÆØÅ][^()\d]{2,60})\)", line):
            if LEGAL_FORM.search(inner):
                section.values["employer.name"] = inner.strip()
                break


def _employer_after(rest: str) -> str | None:
    """``CVR-nr.: 29189919 (Albertslund Kommune)``."""
    m = re.match(r"\s*\(([A-ZÆØÅ][^()\d]{2,60})\)", rest)
    return m.group(1).strip() if m else None


def _employer_before(prefix: str) -> str | None:
    """``Albertslund Kommune, CVR 29189919`` / ``CPR 2211883548, Albertslund Kommune, CVR``;
    ``Albertslund Kommune (Rengøringsservice), CVR``: the parenthesis names the workplace."""
    prefix = re.sub(r"\([^()]*\)", " ", prefix).split(" / ")[0]
    # "Albertslund Kommune, Vej & Park, CVR …": the legal employer before its workplace
    if legal := re.search(r"([A-ZÆØÅ][\wæøå]+(?:\s[A-ZÆØÅ][\wæøå]+)*\s(?:Kommune|Region\s\w+|A/S|ApS|I/S|P/S|Forsyning))\b", prefix):
        return re.sub(r"^(?:(?:Arbejdsgiver\w*|Virksomhed\w*|Employer|Hos|Og)\s+)+", "", legal.group(1))
    piece = re.split(r"[,;:(\t]|\d", prefix.rstrip(" ,(:-"))[-1].strip() if prefix.strip(" ,(:-") else ""
    piece = re.sub(r"^(arbejdsgiver(en)?\s*(er)?|og|hos)\s+", "", piece, flags=re.I).strip(" .")
    not_names = r"arbejdsgiver\w*|vores|virksomhedens|firmaets|beklager|hej|hermed|her|tak|og|det|vi|jeg|sorry|ps"
    piece = re.sub(rf"(?i)^({not_names})$", "", piece).strip()
    words = piece.split()
    if 1 <= len(words) <= 5 and all(w[0].isupper() or w in ("&", "og", "for", "i") for w in words):
        return piece
    return None


@dataclass
class _Item:
    """A label and the numbers after it on one line (the last is the amount)."""

    meaning: Kind | Label
    label: str
    values: list[Decimal]
    hours: Decimal | None = None  # a number followed by "timer" / "t"


def _items(line: str, *, hours_column: bool) -> tuple[list[tuple[Kind | Label, Decimal, str]], dict[str, Decimal]]:
    masked = _MASK_TOKENS.sub(lambda m: " " * len(m.group(0)), line)
    numbers = [n for n in find_numbers(masked) if n.has_decimals or n.has_currency]
    items: list[_Item] = []
    current: _Item | None = None
    previous_end = 0
    for number in numbers:
        label = masked[previous_end : number.start]
        previous_end = number.end
        meaning = _meaning(label)
        if meaning == Label.PENSION_TOTAL:
            meaning = Kind.PENSION  # in a mail, the pension the workplace writes is what it claims
        if meaning is not None and meaning != Label.IGNORE:
            current = _Item(meaning, label, [number.value])
            items.append(current)
        elif current is not None and _CONNECTOR.match(_RATE.sub(" ", label)):
            if _HOUR_UNIT.match(label):
                current.hours = current.values[-1]  # "42,00 timer": the number before the unit counts hours
            current.values.append(number.value)
        elif _TOTAL_AFTER.match(masked[number.end :]):  # "Det er 5.200 kr. i alt": the word follows
            current = None
            items.append(_Item(Label.TOTAL, "i alt", [number.value]))
        elif (after := _KIND_AFTER.match(masked[number.end :])) and isinstance(kind := classify(after.group(1)), Kind):
            current = None
            items.append(_Item(kind, after.group(1), [number.value]))
        else:
            current = None
    out: list[tuple[Kind | Label, Decimal, str]] = []
    hours: dict[str, Decimal] = {}
    for item in items:
        meaning, label, values = item.meaning, item.label, item.values
        amount = values[-1]
        out.append((meaning, abs(amount) if meaning == Label.TOTAL else amount, _clean_label(label)))
        if meaning in (Kind.SALARY, Kind.SICK_PAY) and item.hours is not None:
            key = "worked" if meaning == Kind.SALARY else "sick"
            hours[key] = hours.get(key, Decimal(0)) + item.hours
        elif meaning in (Kind.SALARY, Kind.SICK_PAY) and len(values) >= 2:
            by_product = len(values) >= 3 and abs(values[-3] * values[-2] - amount) <= 1
            if hours_column or by_product:
                key = "worked" if meaning == Kind.SALARY else "sick"
                hours[key] = hours.get(key, Decimal(0)) + (values[-3] if by_product else values[0])
    return out, hours


def _meaning(label: str) -> Kind | Label | None:
    """The meaning of the words before a number: the last clause first, then longer tails.
    Without what a parenthesis explains ("Løn (ekskl. AM-bidrag)"), else with it ("Salary (timeløn)")."""
    bare = re.sub(r"\([^()]*\)", " ", label)
    meaning = _meaning_of(bare)
    if meaning is None and bare != label:
        meaning = _meaning_of(label.replace("(", " ").replace(")", " "))
    return None if meaning == Label.PAID_HOURS else meaning  # hours are read apart (`_hours`)


def _meaning_of(label: str) -> Kind | Label | None:
    pieces = [p for p in re.split(rf"[,;:?!/]|\s-\s|\s–\s|\sog\s|{_ABBREVIATED}\.\s", label)]
    for size in range(1, len(pieces) + 1):
        tail = " ".join(pieces[-size:])
        if not re.search(r"[a-zæøå]{2,}", tail, re.I) or _CURRENCY_ONLY.match(tail):
            continue
        if len(re.findall(r"[a-zæøå]{2,}", tail, re.I)) > 7:  # a sentence, not a label
            return None
        meaning = classify(tail)
        if meaning is not None:
            return meaning
    return None


_LABEL_CURRENCY = re.compile(r"^\s*(?:kr\.?|dkk)(?=[\s.,]|$)[\s.,]*|[\s:]*\b(?:kr\.?|dkk)\s*$", re.I)


def _clean_label(label: str) -> str:
    """``Løn: kr.`` -> ``Løn``; ``kr., ATP`` -> ``ATP``: the currency belongs to the amount."""
    label = _LABEL_CURRENCY.sub("", label)
    last = re.split(rf"[;:?!]|{_ABBREVIATED}\.\s", label)[-1]
    label = last if re.search(r"[a-zæøå]", last, re.I) else label
    return re.sub(r"\s+", " ", label).strip(" ,:-–/\t(|") or label.strip()


def _period(section: Section, lines: list[str]) -> None:
    labelled = [f for line in lines if _PERIOD_LABEL.match(line) for f in find_periods(line)]
    candidates: list[Found] = labelled
    if not candidates:
        for line in lines:
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", line):
                if _SICK_CONTEXT.search(sentence) or re.search(
                    r"(?i)ferieår|ansættelsen|fratrå|startede|praktik|dispositionsdato|senest", sentence
                ):
                    continue
                candidates.extend(find_periods(sentence))
        ranges = [f for f in candidates if f.kind == "range"]
        candidates = ranges or candidates
    if candidates:
        section.put("period.start", candidates[0].period.start)
        section.put("period.end", candidates[0].period.end)
        distinct = {(f.period.start, f.period.end) for f in labelled}
        if len(distinct) > 1 and "period" not in section.conflicts:
            section.conflicts.append("period")


def _number(text: str) -> Decimal | None:
    masked = _MASK_TOKENS.sub(lambda m: " " * len(m.group(0)), text)
    numbers = find_numbers(masked)
    return abs(numbers[0].value) if numbers else None


def _hours(section: Section, lines: list[str]) -> None:
    for line in lines:
        if _SICK_HOURS_LABEL.match(line):
            section.put("hours.sick", _number(line.split(":", 1)[-1]))
        elif _HOURS_LABEL.match(line):
            rest = _HOURS_LABEL.sub("", line, count=1)
            worked = re.search(r"(\d+(?:,\d+)?)\s*(?:timer\s*)?(arbejde|arbejds|worked)", rest, re.I)
            sick = re.search(r"(\d+(?:,\d+)?)\s*(?:timer\s*)?(?:(?:med|i|under|på)\s+)?(syg|sick)", rest, re.I) or re.search(
                r"(?:sick\s+hours|sygetimer|syg)\s*[:=]?\s*(\d+(?:,\d+)?)", rest, re.I
            )
            if sick and not worked and (leading := _number(rest[: sick.start()])) is not None:
                section.put("hours.worked", leading)  # "Hours worked: 14,00 - sick hours: 24,00"
            if worked or sick:
                section.put("hours.worked", _number(worked.group(1)) if worked else None)
                section.put("hours.sick", _number(sick.group(1)) if sick else None)
            elif clock := re.match(r"\s*(\d{1,3}):([0-5]\d)(?![\d,.])", rest):  # "Timer: 32:30" is 32 hours 30 minutes
                minutes = (Decimal(clock.group(2)) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                section.put("hours.worked", Decimal(clock.group(1)) + minutes)
            else:
                section.put("hours.worked", _number(rest.replace("½", ",5")))
    table_worked, table_sick = section.values.get("table.worked"), section.values.get("table.sick")
    stated = section.values.get("hours.worked")
    if isinstance(table_worked, Decimal) and isinstance(table_sick, Decimal) and stated == table_worked + table_sick:
        # "Timer: 40,5" over a table of 34,5 worked and 6 sick hours: the stated figure is the
        # paid total, not the hours worked (else the sick hours would count twice)
        section.values["hours.worked"] = table_worked
    for key in ("worked", "sick"):
        if f"hours.{key}" not in section.values and f"table.{key}" in section.values:
            section.put(f"hours.{key}", section.values[f"table.{key}"])
    if "hours.worked" in section.values or "hours.sick" in section.values:
        return
    for line in lines:  # "Hanne er månedslønnet; timer i alt 30,00"
        if (m := _HOURS_IN_SENTENCE.search(line)) and not _PER_WEEK.match(line[m.end() :]):
            section.put("hours.worked", _number(m.group(1)))
            return
    for line in lines:
        if _SICK_CONTEXT.search(line):
            continue
        for m in _HOURS_PROSE.finditer(line):
            before = line[max(0, m.start() - 12) : m.start()].lower()
            if _PER_WEEK.match(line[m.end() - len("timer") :][5:]) or _PER_WEEK.match(line[m.end() :]):
                continue
            if re.search(r"(under|over|højst|max\.?|op til|fra|til)\s*$", before):
                continue
            section.put("hours.worked", _number(m.group(1)))
            return


def _sickness(section: Section, lines: list[str]) -> None:
    """The spell's first day and the last sick day: labelled (`Første sygedag: …`), named beside
    a date (`21. september 2026 (første sygedag)`, `first sick day`), or the two dates of a
    sentence about sickness (`syg fra … til og med …`)."""
    for line in lines:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", line):
            if _SICK_CONTEXT.search(sentence):
                start = section.values.get("period.start")
                _sick_sentence(section, sentence, start.year if isinstance(start, dt.date) else None)
                _sick_day_range(section, sentence)


_DAY_RANGE = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})\.?\s*[-–]\s*(?P<d2>\d{1,2})\.\s*(?P<m>januar|februar|marts|april|maj|juni|juli|august|september|"
    r"oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\b\.?(?!\s*\d{4})",
    re.I,
)


def _sick_day_range(section: Section, sentence: str) -> None:
    """``Syg: 12.-13. oktober``: a range of days without a year takes the claim period's year."""
    start = section.values.get("period.start")
    if "sick.first_day" in section.values or not isinstance(start, dt.date) or not (m := _DAY_RANGE.search(sentence)):
        return
    month = MONTHS[m.group("m").lower()]
    first, last = make_date(start.year, month, int(m.group("d1"))), make_date(start.year, month, int(m.group("d2")))
    if first and last and first <= last:
        section.put("sick.first_day", first)
        section.put("sick.last_day", last)


def _sick_sentence(section: Section, sentence: str, year: int | None = None) -> None:
    dates = _dates_with_partial(sentence, year)
    first = _FIRST_SICK_PHRASE.search(sentence)
    last = _LAST_SICK_PHRASE.search(sentence)
    if first:
        section.put("sick.first_day", _date_at(dates, first))
    if last:
        section.put("sick.last_day", _date_at(dates, last))
    if first or last:
        if "sick.first_day" in section.values and "sick.last_day" not in section.values and not last:
            others = [d for d, _, _ in dates if d != section.values["sick.first_day"] and not _recovered_before(sentence, dates, d)]
            ranges = [f.period for f in find_periods(sentence) if f.kind == "range"]
            if ranges and ranges[0].end > ranges[0].start:
                section.put("sick.last_day", ranges[0].end)  # "Sygeperiode: 12.10.2026 - 16.10.2026"
            elif others and re.search(r"(?i)\b(til|to|until)\b", sentence):
                section.put("sick.last_day", others[-1] if len(others) == 1 else others[0])
        return
    days = [d for d, _, _ in dates if not _recovered_before(sentence, dates, d)]
    if len(days) >= 2:
        section.put("sick.first_day", days[0])
        section.put("sick.last_day", days[1])
    elif len(days) == 1 and re.search(r"(?i)\b(fra|siden|startede|begyndte|since|from)\b", sentence):
        section.put("sick.first_day", days[0])


def _date_at(dates: list[tuple[dt.date, int, int]], phrase: re.Match[str]) -> dt.date | None:
    """The date written right after the phrase ("første sygedag: 21.09.2026", "første sygedag
    6. oktober"), else right before it ("21. september 2026 (første sygedag)")."""
    for day, start, _ in dates:
        if 0 <= start - phrase.end() <= 4:
            return day
    for day, _, end in dates:
        if 0 <= phrase.start() - end <= 4:
            return day
    after = [d for d, start, _ in dates if start >= phrase.end()]
    return after[0] if after else None


def _recovered_before(sentence: str, dates: list[tuple[dt.date, int, int]], day: dt.date) -> bool:
    """A date after "raskmeldt" or "back at work" is the first well day, not a sick day."""
    for d, start, _ in dates:
        if d == day and re.search(r"(?i)(raskmeldt|rask\s+igen|tilbage|back at work|returned)\W*(?:\w+\W+){0,3}$",
                                  sentence[max(0, start - 40) : start]):
            return True
    return False


def _dates_with_partial(sentence: str, year: int | None = None) -> list[tuple[dt.date, int, int]]:
    """Whole dates, and day-month dates without a year (the year of a whole date beside them,
    else the claim period's)."""
    dates = find_dates(sentence)
    years = [d.year for d, _, _ in dates] or ([year] if year else [])
    if years:
        taken = [(a, b) for _, a, b in dates]
        for m in _DAY_MONTH.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            day = make_date(years[0], MONTHS[m.group("m").lower()], int(m.group("d")))
            if day is not None:
                dates.append((day, m.start(), m.end()))
    return sorted(dates, key=lambda item: item[1])


def _names(section: Section, lines: list[str], text: str) -> None:
    for line in lines:
        if m := _NAME_LABEL.match(line):
            raw = m.group("v")
            if inverted := _INVERTED_NAME.match(raw):
                raw = f"{inverted.group(2)} {inverted.group(1)}"  # "Lund, Freja Holm": surname first, as in registers
            value = re.split(r"[,(\t]|\s(?:cpr|CPR)\b", raw)[0].strip(" .:")
            if value and not re.search(r"\d", value):
                section.put("employee.name", value)
                return
    for m in _CPR.finditer(text):
        digits = m.group(1) + m.group(2)
        if digits != section.values.get("employee.cpr"):
            continue
        before = text[max(0, m.start() - 80) : m.start()].split("\n")[-1]
        if n := _NAME_BEFORE_CPR.search(before):
            name = n.group(1).strip()
            name = re.sub(r"^(for|Refusion|Hermed|Vi|og|hos)\s+", "", name).strip()
            if len(name.split()) >= 2 and not re.search(r"(?i)kommune|jobcenter|økonomi|refusion|cpr", name):
                section.put("employee.name", name)
                return
    if p := _NAME_POSSESSIVE.search(text):
        section.put("employee.name", p.group(1).rstrip("'’"))
        return
    for m in _CPR.finditer(text):  # "CPR 140391-1166 (Mette Kjær Hansen)"
        if m.group(1) + m.group(2) == section.values.get("employee.cpr") and (n := _NAME_AFTER_CPR.match(text[m.end() :])):
            section.put("employee.name", n.group(1))
            return
    if n := _NAME_AFTER_ROLE.search(text):  # "for vores medarbejder Mette Kjær Hansen i oktober"
        section.put("employee.name", n.group(1))


def markers(text: str, subject: str | None) -> tuple[bool, bool]:
    """(final, correction): fratrædelse / sidste lønseddel, and korrektion / rettelse."""
    both = f"{subject or ''}\n{text}"
    final = bool(_FINAL.search(both))
    correction = bool(_CORRECTION.search(both)) and not (
        _NOT_CORRECTION.search(both) and len(_CORRECTION.findall(both)) == 1
    )
    return final, correction
