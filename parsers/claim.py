"""An email -> its claims and problems (the contract's parse document, as domain values).

Each claim field holds what the workplace states in its own text where it states it, else what
the payslip states, else what quoted old mail states (../shared/corpus/README.md). Claim lines
come from the body when it itemises, else from the payslip; `payslip` keeps what the payslip
says for the rules' cross-checks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from claims import cvr as cvr_numbers
from claims.model import Attachment, Claim, CostLine, Kind, ParsedMessage, PayslipFacts, Period, Problem
from claims.money import to_ore
from parsers import ocr
from parsers.body import ALTERNATIVE_KEYS, Section, markers, read_sections, split_text
from parsers.danish import LEGAL_FORM, bare_month, find_periods
from parsers.layout import PageText
from parsers.message import InboundEmail, read_email
from parsers.payslip import PayslipReading, read_payslip, split_documents
from parsers.pdf_text import UnreadableDocument, read_pdf
from parsers.reconcile import choose_lines, sums_to

_IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/jpg", "image/pjpeg", "image/heic", "image/webp")
_IGNORED_EXT = (".ics", ".vcf", ".p7s", ".asc", ".sig", ".gif", ".bmp")
_MIN_IMAGE_BYTES = 15_000  # logos and signature pictures are smaller than a photographed payslip
_FIELDS = ("employee.name", "employee.cpr", "employer.name", "employer.cvr", "period.start", "period.end",
           "hours.worked", "hours.sick", "sick.first_day", "sick.last_day")  # fmt: skip
_INVITATION = re.compile(rb"(?i)content-type:\s*text/calendar[^\r\n]*method=\"?request|\r?\nMETHOD:REQUEST\r?\n")


def _form_text(pages: tuple[PageText, ...]) -> str:
    return "\n".join("\t".join(" ".join(w.text for w in c) for c in line.cells()) for page in pages for line in page.lines)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_ANSWER_FIELDS = ("employee.cpr", "employer.cvr", "period.start", "hours.worked", "hours.sick", "sick.first_day", "sick.last_day")
_SUBJECT_NAME = re.compile(r"[–—-]\s*([A-ZÆØÅ][\w'-]+(?:\s+[A-ZÆØÅ][\w'-]+){1,4})\s*(?:\(|$)")


_FORM = re.compile(
    r"refusionsanmodning|anmodning\s+om\s+refusion|refusionsblanket|ansøgning\s+om\s+refusion|refusionsskema|refusionskrav|"
    r"krav\s+om\s+refusion|refusionsopgørelse|udgiftsopgørelse",
    re.I,
)
_PAYSLIP_MARK = re.compile(r"lønseddel|lønspecifikation|til\s+udbetaling|nettoløn|udbetalt|a-skat|dispositionsdato|disp\.\s*dato", re.I)
MAX_OCR_PAGES = 6  # a payslip is a page or two; a long scan is read only this far (about 2 s a page)


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """How far to go with one message: the attachment limit and OCR.

    `ocr_available` None asks the machine (is tesseract installed?); False or True overrides
    it, so the "no OCR here" path can be tested on a machine that has OCR.
    """

    max_attachment_bytes: int = 25 * 1024 * 1024
    use_ocr: bool = True
    ocr_available: bool | None = None
    max_ocr_pages: int = MAX_OCR_PAGES

    def can_ocr(self) -> bool:
        return self.ocr_available if self.ocr_available is not None else ocr.available()


def parse_message(
    raw: bytes,
    *,
    max_attachment_bytes: int = 25 * 1024 * 1024,
    use_ocr: bool = True,
    ocr_available: bool | None = None,
    max_ocr_pages: int = MAX_OCR_PAGES,
) -> ParsedMessage:
    """Parses one email. Never raises for bad mail: what cannot be read becomes a problem."""
    options = ParseOptions(max_attachment_bytes, use_ocr, ocr_available, max_ocr_pages)
    mail = read_email(raw, max_attachment_bytes=max_attachment_bytes)
    problems = list(mail.problems)
    reader = _Attachments(options, problems)
    payslips, forms = reader.read(mail.attachments)
    ocr_pages = reader.ocr_pages
    if mail.info.automatic:
        problems.append(Problem("NOT_A_CLAIM", "an automatic message (out-of-office, bounce or list mail)"))
        return ParsedMessage(mail.info, (), tuple(problems), bool(payslips), mail.attachments, ocr_pages)
    if _INVITATION.search(raw[:200_000]) or re.match(r"(?i)\s*(invitation|mødeindkaldelse|indkaldelse)\b", mail.info.subject or ""):
        problems.append(Problem("NOT_A_CLAIM", "a meeting invitation, not a claim"))
        return ParsedMessage(mail.info, (), tuple(problems), bool(payslips), mail.attachments, ocr_pages)
    claims = _claims(mail, payslips, forms, problems)
    if not claims:
        problems.append(Problem("NOT_A_CLAIM", "no CPR number, cost lines, total or payslip: nothing claims a refund"))
    return ParsedMessage(mail.info, tuple(claims), tuple(_unique(problems)), bool(payslips), mail.attachments, ocr_pages)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for p in problems:
        if (p.code, p.detail) not in seen:
            seen.add((p.code, p.detail))
            out.append(p)
    return out


class _Attachments:
    """Reads a message's attachments into payslips and claim forms; problems for the rest."""

    def __init__(self, options: ParseOptions, problems: list[Problem]) -> None:
        self.options = options
        self.problems = problems
        self.ocr_pages = 0
        self._can_ocr: bool | None = None

    def can_ocr(self) -> bool:
        if self._can_ocr is None:
            self._can_ocr = self.options.can_ocr()
        return self._can_ocr

    def unreadable(self, detail: str) -> None:
        self.problems.append(Problem("ATTACHMENT_UNREADABLE", detail))

    def read(self, attachments: tuple[Attachment, ...]) -> tuple[list[PayslipReading], list[str]]:
        payslips: list[PayslipReading] = []
        forms: list[str] = []
        unmarked: list[tuple[list[PayslipReading], str]] = []  # PDFs read as payslips that show no pay paid out
        for att in attachments:
            name, ctype = att.filename, att.content_type.lower()
            lower = name.lower()
            is_pdf = ctype == "application/pdf" or lower.endswith(".pdf") or att.data[:5] == b"%PDF-"
            if is_pdf:
                pages = self.pdf_pages(att)
                if pages is None:
                    continue
                text = "\n".join(line.text for page in pages for line in page.lines)
                # A workplace's own claim form itemises like a body; a payslip says "Lønseddel".
                is_form = bool(_FORM.search(text)) and not _PAYSLIP_MARK.search(text)
                readings = [read_payslip(doc, name) for doc in split_documents(pages)]  # one PDF, several payslips
                if not is_form and any(r.is_payslip for r in readings):
                    found = [r for r in readings if r.is_payslip]
                    payslips.extend(found)
                    unmarked.append((found, _form_text(pages)) if not _PAYSLIP_MARK.search(text) else ([], ""))
                elif is_form or re.search(r"(?i)refusion", text):
                    forms.append(_form_text(pages))
            elif ctype in _IMAGE_TYPES or lower.endswith((".jpg", ".jpeg", ".png", ".tif", ".tiff")):
                if (page := self.image_page(att)) is not None:
                    reading = read_payslip((page,), name, prefix="ocr")
                    if reading.is_payslip:
                        payslips.append(reading)
            elif ctype == "text/plain" and lower.endswith(".txt"):
                forms.append(att.data.decode("utf-8", "replace") if _utf8(att.data) else att.data.decode("windows-1252", "replace"))
            elif ctype.startswith("text/") or ctype.startswith("image/") or lower.endswith(_IGNORED_EXT):
                continue
            else:
                self.unreadable(f"{name}: a {ctype} file cannot be read; please send the payslip as PDF")
        # A filled-in claim form beside its payslip itemises the same person's costs: one claim, so
        # the document without net pay, A-skat or a pay date is the form (read like a body).
        marked = len(unmarked) - sum(1 for found, _ in unmarked if found)
        if marked and any(found for found, _ in unmarked):
            cprs = {r.get("employee.cpr") for r in payslips if r not in [x for found, _ in unmarked for x in found]}
            for found, form in unmarked:
                if found and all(r.get("employee.cpr") in cprs | {None} for r in found):
                    payslips = [r for r in payslips if r not in found]
                    forms.append(form)
        return payslips, forms

    def image_page(self, att: Attachment) -> PageText | None:
        if len(att.data) < _MIN_IMAGE_BYTES or not self.options.use_ocr:
            return None
        if not self.can_ocr():
            self.unreadable(f"{att.filename}: a photo or scan, but OCR (tesseract) is not installed")
            return None
        if self.ocr_pages >= self.options.max_ocr_pages:
            self.unreadable(f"{att.filename}: not read, over the limit of {self.options.max_ocr_pages} scanned pages a message")
            return None
        self.ocr_pages += 1
        try:
            return ocr.ocr_image(att.data)
        except Exception as err:  # PIL and tesseract raise many types for odd images
            self.unreadable(f"{att.filename}: the image could not be read ({type(err).__name__})")
            return None

    def pdf_pages(self, att: Attachment) -> tuple[PageText, ...] | None:
        try:
            pages = read_pdf(att.data)
        except UnreadableDocument as err:
            self.unreadable(f"{att.filename}: the PDF is {err} and cannot be read")
            return None
        out = []
        for page in pages:
            if not (page.needs_ocr and self.options.use_ocr):
                out.append(page)
            elif not self.can_ocr():
                self.unreadable(f"{att.filename} p{page.number}: a scanned page, but OCR (tesseract) is not installed")
                out.append(page)
            elif self.ocr_pages >= self.options.max_ocr_pages:
                self.unreadable(f"{att.filename} p{page.number}: not read, over the limit of {self.options.max_ocr_pages} scanned pages")
                out.append(page)
            else:
                self.ocr_pages += 1
                try:
                    out.append(ocr.ocr_pdf_page(att.data, page.number))
                except Exception as err:  # pdfium and tesseract raise many types for odd scans
                    self.unreadable(f"{att.filename} p{page.number}: OCR failed ({type(err).__name__})")
                    out.append(page)
        return tuple(out)


def _claims(mail: InboundEmail, payslips: list[PayslipReading], forms: list[str], problems: list[Problem]) -> list[Claim]:
    subject = mail.info.subject or ""
    forwarding = bool(re.match(r"(?i)\s*(vs|fwd?|wg)\s*:", subject))
    text = split_text(mail.text, forwarding=forwarding)
    own = "\n".join([text.own, *forms])
    _, sections = read_sections(own)
    _, quoted_sections = read_sections(text.quoted)
    quoted = quoted_sections[0] if len(quoted_sections) == 1 else Section()
    final, correction = markers(text.own, subject)
    for section in sections:
        for key in section.conflicts:
            problems.append(Problem("AMBIGUOUS", f"the mail states two different values for {key}"))
    pairs = _pair(sections, payslips)
    month = bare_month(f"{subject}\n{text.own}", mail.info.date.date() if mail.info.date else None)
    claims = []
    asks = _only_asks(text.own, sections, payslips)
    in_thread = bool(mail.info.in_reply_to or mail.info.references)
    if in_thread and len(sections) == 1:
        _bare_cvr(sections[0], text.own, text.quoted)
    for section, payslip in pairs:
        # An answer in a thread that states only what was missing ("CVR-nummeret glemte jeg:
        # 41028572") is a claim of its own values: the pipeline completes the waiting claim with it.
        answers = in_thread and any(section.values.get(k) is not None for k in _ANSWER_FIELDS)
        if (not (section.is_claim or answers) or asks) and payslip is None:
            continue
        claims.append(_merge(section, payslip, quoted, subject, final, correction, single=len(pairs) == 1, month=month))
    return claims


_NOT_CVR_BEFORE = re.compile(r"(?i)(tlf|telefon|mobil|ring|phone|tel|p-?n(umme)?r|ean|konto|reg)\W*\w*\W*$")
_BARE_CVR = re.compile(r"(?<![\d.,-])(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})(?![\d.,-])")


def _bare_cvr(section: Section, own: str, quoted: str) -> None:
    """"29 18 99 19" alone in an answer to our question for the CVR number: the one eight-digit
    number of the answer that passes modulus 11 is the CVR (nothing else on such a line does)."""
    if section.values.get("employer.cvr") is not None or not re.search(r"(?i)\bcvr", quoted):
        return
    found = {
        c
        for m in _BARE_CVR.finditer(own)
        if (c := cvr_numbers.compact(m.group(1))) and cvr_numbers.is_valid(c)
        and not _NOT_CVR_BEFORE.search(own[max(0, m.start() - 20) : m.start()])
    }  # fmt: skip
    if len(found) == 1:
        section.put("employer.cvr", found.pop())


def _only_asks(own: str, sections: list[Section], payslips: list[PayslipReading]) -> bool:
    """A question about the scheme that happens to name a person ("Kan Maja (290296-1197) få
    flere timer?"): it asks, it itemises nothing, states no period or hours with a label and
    brings no payslip, so it is mail for a person to answer, not a claim (RULES.md §3)."""
    if "?" not in own or payslips or any(s.lines or s.totals for s in sections):
        return False
    return not re.search(r"(?im)^\s*(periode|timer|løn|cvr)\w*\s*[:\t]", own)


def _pair(sections: list[Section], payslips: list[PayslipReading]) -> list[tuple[Section, PayslipReading | None]]:
    """Claims pair with payslips by CPR, then by period, then one to one."""
    left = list(payslips)
    pairs: list[tuple[Section, PayslipReading | None]] = []
    for section in sections:
        cpr = section.values.get("employee.cpr")
        match = next((p for p in left if cpr and p.get("employee.cpr") == cpr), None)
        if match is None and section.values.get("period.start"):
            start = section.values["period.start"]
            match = next((p for p in left if p.get("employee.cpr") is None and p.get("period.start") == start), None)
        if match is None and len(sections) == 1 and left:
            match = next((p for p in left if not cpr or p.get("employee.cpr") in (None, cpr)), None)
        if match is not None:
            left.remove(match)
        pairs.append((section, match))
    if len(sections) == 1 and not sections[0].is_claim and pairs and pairs[0][1] is None and left:
        pairs = [(sections[0], left.pop(0))]
    paired = {(p.get("employee.cpr"), p.get("period.start")) for _, p in pairs if p is not None}
    for payslip in left:
        cpr, start = payslip.get("employee.cpr"), payslip.get("period.start")
        if cpr is not None and any(cpr == c and (start is None or s is None or start == s) for c, s in paired):
            continue  # a second copy or page of a payslip already paired
        paired.add((cpr, start))
        pairs.append((_shared(sections), payslip))
    return pairs


def _shared(sections: list[Section]) -> Section:
    """What the text says for every payslip: one more payslip (another month, another person)
    takes the text's employer, and its name and CPR only when the text names one person."""
    if len(sections) != 1:
        return Section()
    keep = ("employer.name", "employer.cvr") if sections[0].lines else ("employer.name", "employer.cvr", "employee.name", "employee.cpr")
    return Section(values={k: v for k, v in sections[0].values.items() if k in keep})


def _payslip_period_within_month(
    values: dict[str, object], sources: dict[str, str], confidence: dict[str, float], payslip: PayslipReading | None
) -> None:
    """"Periode: december 2026" in the mail, "10.12.2026 - 31.12.2026" on the payslip: the mail names
    the month, the payslip the days within it that were paid (a placement that began or ended
    mid-month). The two agree, and the payslip's is the exact one."""
    start, end = values.get("period.start"), values.get("period.end")
    if payslip is None or sources.get("period.start") != "body" or not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return
    p_start, p_end = payslip.get("period.start"), payslip.get("period.end")
    whole_month = start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and (start.year, start.month) == (end.year, end.month)
    if whole_month and isinstance(p_start, dt.date) and isinstance(p_end, dt.date) and start <= p_start <= p_end <= end:
        for key in ("period.start", "period.end"):
            read = payslip.fields[key]
            values[key], sources[key], confidence[key] = read.value, read.source, read.confidence


def _valid_cvr(
    values: dict[str, object], sources: dict[str, str], confidence: dict[str, float], section: Section, payslip: PayslipReading | None
) -> None:
    """A CVR that fails modulus 11 (a typo in the mail) gives way to one the mail states that passes
    (the payslip's, most often): the check digit is the evidence which one was typed right."""
    cvr = values.get("employer.cvr")
    if not isinstance(cvr, str) or cvr_numbers.is_valid(cvr):
        return
    stated = [(v, "body", 1.0) for v in section.seen.get("employer.cvr", [])]
    stated += [(r.value, r.source, r.confidence) for r in (payslip.seen.get("employer.cvr", []) if payslip else [])]
    for value, source, sure in stated:
        if isinstance(value, str) and cvr_numbers.is_valid(value):
            values["employer.cvr"], sources["employer.cvr"], confidence["employer.cvr"] = value, source, sure
            return


def _merge(
    section: Section,
    payslip: PayslipReading | None,
    quoted: Section,
    subject: str,
    final: bool,
    correction: bool,
    *,
    single: bool,
    month: Period | None = None,
) -> Claim:
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    confidence: dict[str, float] = {}
    for key in _FIELDS:
        if section.values.get(key) is not None:
            values[key], sources[key], confidence[key] = section.values[key], "body", 1.0
        elif payslip is not None and (read := payslip.fields.get(key)) is not None:
            values[key], sources[key], confidence[key] = read.value, read.source, read.confidence
        elif quoted.values.get(key) is not None:
            values[key], sources[key], confidence[key] = quoted.values[key], "body", 0.8
    legal = payslip.fields.get("employer.name") if payslip is not None else None
    named = values.get("employer.name")
    if legal is not None and isinstance(named, str) and not LEGAL_FORM.search(named) and LEGAL_FORM.search(str(legal.value)):
        # the body names the workplace ("Arbejdsgiver: Plejecenter Blokken"), the payslip its legal employer
        values["employer.name"], sources["employer.name"], confidence["employer.name"] = legal.value, legal.source, legal.confidence
    _payslip_period_within_month(values, sources, confidence, payslip)
    _valid_cvr(values, sources, confidence, section, payslip)
    if "employee.name" not in values and single and (m := _SUBJECT_NAME.search(subject)):
        values["employee.name"], sources["employee.name"], confidence["employee.name"] = m.group(1), "body", 0.7
    if "period.start" not in values and single and (found := find_periods(subject)):
        values["period.start"], values["period.end"] = found[0].period.start, found[0].period.end
        for key in ("period.start", "period.end"):
            sources[key], confidence[key] = "body", 0.8
    if "period.start" not in values and single and month is not None:  # "for oktober måned", the year from the Date
        values["period.start"], values["period.end"] = month.start, month.end
        for key in ("period.start", "period.end"):
            sources[key], confidence[key] = "body", 0.7
    lines, total = _lines(section, payslip, quoted, sources, confidence)
    start, end = values.get("period.start"), values.get("period.end")
    last = values.get("sick.last_day")
    if isinstance(last, dt.date) and isinstance(end, dt.date) and isinstance(start, dt.date) and last > end >= start:
        values["sick.last_day"] = end  # the last sick day inside the claim period (CONTRACT.md)
    return Claim(
        employee_name=_str(values.get("employee.name")),
        cpr=_str(values.get("employee.cpr")),
        employer_name=_str(values.get("employer.name")),
        cvr=_str(values.get("employer.cvr")),
        period_start=_date(start),
        period_end=_date(end),
        hours_worked=_dec(values.get("hours.worked")),
        hours_sick=_dec(values.get("hours.sick")),
        sick_first_day=_date(values.get("sick.first_day")),
        sick_last_day=_date(values.get("sick.last_day")),
        final=final,
        correction=correction,
        lines=tuple(lines),
        total=total,
        payslip=_facts(payslip),
        sources=MappingProxyType(sources),
        confidence=MappingProxyType(confidence),
        alternatives=MappingProxyType(_alternatives(values, section, payslip)),
    )


def _alternatives(values: dict[str, object], section: Section, payslip: PayslipReading | None) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every other CVR (that passes modulus 11) and employer name the workplace's own text and this
    claim's payslip state, with where each was read. Quoted mail is left out: it may be our own."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for key in ALTERNATIVE_KEYS:
        stated = [(str(v), "body") for v in section.seen.get(key, [])]
        stated += [(str(read.value), read.source) for read in (payslip.seen.get(key, []) if payslip else [])]
        chosen, found = _same_key(key, values.get(key)), []
        for value, source in stated:
            if key == "employer.cvr" and not cvr_numbers.is_valid(value):
                continue
            if _same_key(key, value) != chosen and all(_same_key(key, value) != _same_key(key, v) for v, _ in found):
                found.append((value, source))
        if found:
            out[key] = tuple(found)
    return out


def _same_key(key: str, value: object) -> str | None:
    """A CVR by its digits, a name by its words whatever their case and spacing."""
    if value is None:
        return None
    return cvr_numbers.compact(str(value)) if key == "employer.cvr" else " ".join(str(value).casefold().split())


def _lines(
    section: Section, payslip: PayslipReading | None, quoted: Section, sources: dict[str, str], confidence: dict[str, float]
) -> tuple[list[CostLine], Decimal | None]:
    lines: list[CostLine] = []
    if section.lines or (payslip is None and quoted.lines):
        chosen = section if section.lines else quoted
        gross = chosen.values.get("body.gross")
        stated = section.total if section.total is not None else quoted.total if not section.lines else None
        pay = sum((a for kind, a, *_ in payslip.lines if kind == Kind.SALARY), Decimal(0)) if payslip else Decimal(0)
        reading = choose_lines(chosen.lines, stated, gross if isinstance(gross, tuple) else None, pay or None)
        for kind, amount, label in reading.lines:
            lines.append(CostLine(kind, to_ore(amount), label or None))
            sources.setdefault(f"lines.{kind.value}", "body")
            confidence.setdefault(f"lines.{kind.value}", 1.0 if section.lines else 0.8)
    elif payslip is not None:
        for kind, amount, label, where in payslip.lines:
            lines.append(CostLine(kind, to_ore(amount), label or None))
            sources.setdefault(f"lines.{kind.value}", where.source)
            confidence.setdefault(f"lines.{kind.value}", where.confidence)
    total = section.total
    from_quote = bool(quoted.lines) and not section.lines and payslip is None
    made_up = quoted.total is not None and sums_to([(line.kind, line.amount, "") for line in lines], quoted.total)
    if total is None and quoted.total is not None and (from_quote or made_up):
        total = quoted.total  # an older mail's total is this claim's only when its lines are (or make it up)
    if total is not None:
        sources["total"], confidence["total"] = "body", 1.0 if section.total is not None else 0.8
    return lines, to_ore(total) if total is not None else None


def _facts(payslip: PayslipReading | None) -> PayslipFacts | None:
    if payslip is None:
        return None

    def dec(key: str) -> Decimal | None:
        return _dec(payslip.get(key))

    am_basis = dec("payslip.am_basis") or dec("payslip.am_basis_row") or dec("payslip.a_income")
    return PayslipFacts(
        gross=dec("payslip.gross"),
        am_basis=am_basis,
        am_bidrag=dec("payslip.am_bidrag"),
        cpr=_str(payslip.get("employee.cpr")),
        period_start=_date(payslip.get("period.start")),
        period_end=_date(payslip.get("period.end")),
        hours_worked=dec("hours.worked"),
        hours_sick=dec("hours.sick"),
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _dec(value: object) -> Decimal | None:
    return to_ore(value) if isinstance(value, Decimal) else None


__all__ = ["parse_message"]
