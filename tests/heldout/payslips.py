"""Payslip layouts beyond KMD OPUS and DataLøn (PAYSLIPS.md): Visma Løn / MultiLøn,
Bluegarden, Statens Lønsystem, Danløn, a one-column Beløb(+)/Beløb(-) layout, an SD-Løn-like
municipal specification, and a workplace's own claim form ("Refusionsanmodning")."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from lib import D, Pdf, dk, r0, r2, row


@dataclass
class Slip:
    employer: str
    emp_addr: list[str]
    cvr: str
    employee: str
    e_addr: list[str]
    cpr: str                       # as printed, e.g. "120394-1234" or masked
    start: date
    end: date
    disp: date
    pay: list[tuple]               # (code, text, units|None, rate|None, amount)
    emp_atp: Decimal = D(0)        # employee's ATP share (deduction)
    employer_items: list[tuple] = field(default_factory=list)  # (code, text, basis|None, pct|None, amount)
    ytd_factor: int = 9            # year-to-date columns: plausible running totals
    extra: dict = field(default_factory=dict)

    @property
    def gross(self) -> Decimal:
        return sum((D(p[4]) for p in self.pay), D(0))

    @property
    def am_basis(self) -> Decimal:
        return self.gross - self.emp_atp

    @property
    def am(self) -> Decimal:
        return r0(self.am_basis * D("0.08"))

    @property
    def askat_basis(self) -> Decimal:
        return max(D(0), self.am_basis - self.am - D("4508.00"))

    @property
    def askat(self) -> Decimal:
        return r0(self.askat_basis * D("0.38"))

    @property
    def net(self) -> Decimal:
        return self.gross - self.emp_atp - self.am - self.askat

    def ytd(self, amount) -> Decimal:
        return r2(D(amount) * self.ytd_factor + D("123.45"))


def p(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def visma(s: Slip, multilon: bool = False) -> bytes:
    """Visma Løn / MultiLøn: Normtid, Enheder, Timeløn, Beløb, Disp. dato, År til dato."""
    pdf = Pdf(f"Lønseddel {s.employee}", s.employer)
    pdf.t(40, 50, s.employer, 13, bold=True)
    y = 64
    for a in s.emp_addr + [f"CVR-nr.: {s.cvr}"]:
        pdf.t(40, y, a, 8)
        y += 11
    pdf.t(555, 50, "LØNSEDDEL", 15, bold=True, align="r")
    pdf.t(555, 64, "Visma MultiLøn" if multilon else "Visma Løn", 7, align="r")
    pdf.t(40, 130, s.employee, 10)
    y = 142
    for a in s.e_addr:
        pdf.t(40, y, a, 9)
        y += 11
    info = [("Periode", f"{p(s.start)}-{p(s.end)}"), ("Disp. dato", p(s.disp)),
            ("Medarb.nr.", s.extra.get("empno", "112")), ("CPR-nr.", s.cpr),
            ("Normtid", s.extra.get("normtid", "10,00 t/uge")), ("Afdeling", s.extra.get("afd", ""))]
    y = 125
    for k, v in info:
        pdf.t(340, y, k + ":", 8)
        pdf.t(420, y, v, 8)
        y += 11
    cols = [(40, "l"), (80, "l"), (310, "r"), (370, "r"), (450, "r"), (545, "r")]
    y = 215
    row(pdf, y, cols, ["Lønart", "Tekst", "Enheder", "Timeløn", "Beløb", "År til dato"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, units, rate, amount in s.pay:
        row(pdf, y, cols, [code, text, dk(units) if units is not None else "",
                           dk(rate) if rate is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    row(pdf, y, cols, ["", "Bruttoløn", "", "", dk(s.gross), dk(s.ytd(s.gross))], 8.5, True)
    y += 14
    if s.emp_atp:
        row(pdf, y, cols, ["8100", "ATP medarbejder", "", "", dk(-s.emp_atp), dk(-s.ytd(s.emp_atp))])
        y += 12
    row(pdf, y, cols, ["8220", "AM-bidrag 8 %", dk(s.am_basis), "", dk(-s.am), dk(-s.ytd(s.am))])
    y += 12
    row(pdf, y, cols, ["8250", "A-skat 38 %", dk(s.askat_basis), "", dk(-s.askat), dk(-s.ytd(s.askat))])
    y += 14
    row(pdf, y, cols, ["", "Nettoløn", "", "", dk(s.net), ""], 8.5, True)
    y += 30
    pdf.t(40, y, "Arbejdsgiverbetalte ydelser (indgår ikke i nettolønnen)", 9, bold=True)
    y += 14
    row(pdf, y, cols, ["", "Tekst", "Grundlag", "Sats", "Beløb", "År til dato"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, basis, pct, amount in s.employer_items:
        row(pdf, y, cols, [code, text, dk(basis) if basis is not None else "",
                           (dk(pct) + " %") if pct is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    y += 20
    pdf.t(40, y, f"AM-grundlag {dk(s.am_basis)}     A-indkomst {dk(s.am_basis)}     "
                 f"Nettoløn overføres til NemKonto {p(s.disp)}", 7.5)
    return pdf.bytes()


def bluegarden(s: Slip) -> bytes:
    """Bluegarden: Art | Tekst | Enheder | Sats | Beløb | Saldo, blocks for employer items."""
    pdf = Pdf(f"Lønspecifikation {s.employee}", s.employer)
    pdf.t(40, 48, "Lønspecifikation", 16, bold=True)
    pdf.t(555, 48, "bluegarden", 10, bold=True, align="r")
    pdf.box(40, 62, 515, 74)
    lines = [("Arbejdsgiver", s.employer), ("Arbejdssted", s.extra.get("afd", "")),
             ("SE/CVR-nr.", s.cvr), ("Navn", s.employee), ("Personnummer", s.cpr)]
    y = 76
    for k, v in lines:
        pdf.t(48, y, k, 7.5)
        pdf.t(130, y, v, 8.5)
        y += 12
    right = [("Lønperiode", f"{p(s.start)} - {p(s.end)}"), ("Disp. dato", p(s.disp)),
             ("Lønnr.", s.extra.get("empno", "30441")), ("Normtid pr. uge", s.extra.get("normtid", "8,00"))]
    y = 76
    for k, v in right:
        pdf.t(340, y, k, 7.5)
        pdf.t(430, y, v, 8.5)
        y += 12
    cols = [(44, "l"), (84, "l"), (320, "r"), (385, "r"), (460, "r"), (550, "r")]
    y = 160
    row(pdf, y, cols, ["Art", "Tekst", "Enheder", "Sats", "Beløb", "Saldo år"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, units, rate, amount in s.pay:
        row(pdf, y, cols, [code, text, dk(units) if units is not None else "",
                           dk(rate) if rate is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    row(pdf, y, cols, ["", "Brutto i alt", "", "", dk(s.gross), dk(s.ytd(s.gross))], 8.5, True)
    y += 14
    if s.emp_atp:
        row(pdf, y, cols, ["0931", "ATP-bidrag medarbejder", "", "", dk(-s.emp_atp), ""])
        y += 12
    row(pdf, y, cols, ["", "AM-indkomst", "", "", dk(s.am_basis), dk(s.ytd(s.am_basis))])
    y += 12
    row(pdf, y, cols, ["0940", "AM-bidrag", "", "8,00", dk(-s.am), dk(-s.ytd(s.am))])
    y += 12
    row(pdf, y, cols, ["0950", "A-skat", "", "38,00", dk(-s.askat), dk(-s.ytd(s.askat))])
    y += 14
    row(pdf, y, cols, ["", "Udbetalt", "", "", dk(s.net), ""], 8.5, True)
    y += 30
    pdf.t(44, y, "Arbejdsgiverbidrag", 9, bold=True)
    y += 14
    for code, text, basis, pct, amount in s.employer_items:
        row(pdf, y, cols, [code, text, dk(basis) if basis is not None else "",
                           dk(pct) if pct is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    return pdf.bytes()


def sls(s: Slip) -> bytes:
    """Statens Lønsystem-like: KODE ART TEKST ENH SATS BELØB, 'Nettoløn til disposition'."""
    pdf = Pdf(f"Lønmeddelelse {s.employee}", s.employer)
    pdf.t(40, 46, "LØNMEDDELELSE", 14, bold=True, font="DVB")
    pdf.t(40, 62, f"Ansættelsessted: {s.employer}", 8.5)
    pdf.t(40, 74, f"CVR/SE: {s.cvr}", 8.5)
    pdf.t(40, 86, "  ".join(s.emp_addr), 7.5)
    pdf.t(330, 46, f"Lønperiode: {p(s.start)}-{p(s.end)}", 8.5)
    pdf.t(330, 58, f"Cpr.nr.: {s.cpr}", 8.5)
    pdf.t(330, 70, f"Udbetalingsdag: {p(s.disp)}", 8.5)
    pdf.t(330, 82, "Beskæftigelsesgrad: " + s.extra.get("grad", "0,2703"), 8.5)
    pdf.t(40, 116, s.employee, 10)
    pdf.t(40, 128, ", ".join(s.e_addr), 8.5)
    cols = [(40, "l"), (75, "l"), (100, "l"), (360, "r"), (430, "r"), (530, "r")]
    y = 160
    row(pdf, y, cols, ["KODE", "ART", "TEKST", "ENH", "SATS", "BELØB"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, units, rate, amount in s.pay:
        row(pdf, y, cols, [code, "01", text, dk(units) if units is not None else "",
                           dk(rate) if rate is not None else "", dk(amount)])
        y += 12
    row(pdf, y, cols, ["", "", "Bruttoløn i alt", "", "", dk(s.gross)], 8.5, True)
    y += 14
    if s.emp_atp:
        row(pdf, y, cols, ["8101", "72", "ATP-bidrag, medarb.", "", "", dk(-s.emp_atp)])
        y += 12
    row(pdf, y, cols, ["", "", "AM-bidragsgrundlag", "", "", dk(s.am_basis)])
    y += 12
    row(pdf, y, cols, ["8220", "72", "AM-bidrag", "", "8,00", dk(-s.am)])
    y += 12
    row(pdf, y, cols, ["8250", "72", "A-skat", "", "38,00", dk(-s.askat)])
    y += 14
    row(pdf, y, cols, ["", "", "Nettoløn til disposition", "", "", dk(s.net)], 8.5, True)
    y += 28
    pdf.t(40, y, "Arbejdsgiverbidrag (til oplysning)", 9, bold=True)
    y += 14
    for code, text, basis, pct, amount in s.employer_items:
        row(pdf, y, cols, [code, "41", text, dk(basis) if basis is not None else "",
                           dk(pct) if pct is not None else "", dk(amount)])
        y += 12
    y += 22
    pdf.t(40, y, "Saldi", 9, bold=True)
    y += 13
    sal = [("Særlig feriegodtgørelse, opsparet saldo", s.extra.get("saved_special", D("1052.33"))),
           ("Akkumuleret bruttoløn", s.ytd(s.gross)),
           ("Akkumuleret AM-bidrag", s.ytd(s.am))]
    for text, amount in sal:
        row(pdf, y, cols, ["", "", text, "", "", dk(amount)])
        y += 12
    return pdf.bytes()


def danlon(s: Slip) -> bytes:
    """Danløn-like: Tekst | Antal | Sats | Beløb | I år; 'Firmabetalte ydelser' block."""
    pdf = Pdf(f"Lønseddel {s.employee}", s.employer)
    pdf.t(40, 50, "Lønseddel", 18, bold=True)
    pdf.t(40, 70, f"{s.employer}  ·  CVR {s.cvr}", 8.5)
    pdf.t(40, 82, ", ".join(s.emp_addr), 8)
    pdf.t(360, 50, "Danløn", 9, bold=True)
    kv = [("Lønperiode", f"{p(s.start)} - {p(s.end)}"), ("Dispositionsdag", p(s.disp)),
          ("Personnr.", s.cpr), ("Medarbejdernr.", s.extra.get("empno", "4"))]
    y = 64
    for k, v in kv:
        pdf.t(360, y, k, 8)
        pdf.t(450, y, v, 8.5)
        y += 11
    pdf.t(40, 118, s.employee, 10, bold=True)
    pdf.t(40, 130, ", ".join(s.e_addr), 8.5)
    cols = [(40, "l"), (330, "r"), (400, "r"), (475, "r"), (555, "r")]
    y = 165
    row(pdf, y, cols, ["Tekst", "Antal", "Sats", "Beløb", "I år"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, units, rate, amount in s.pay:
        row(pdf, y, cols, [text, dk(units) if units is not None else "",
                           dk(rate) if rate is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    row(pdf, y, cols, ["Bruttoløn i alt", "", "", dk(s.gross), dk(s.ytd(s.gross))], 8.5, True)
    y += 14
    if s.emp_atp:
        row(pdf, y, cols, ["ATP, medarbejder", "", "", dk(-s.emp_atp), ""])
        y += 12
    row(pdf, y, cols, ["AM-grundlag", "", "", dk(s.am_basis), dk(s.ytd(s.am_basis))])
    y += 12
    row(pdf, y, cols, ["AM-bidrag", "", "8 %", dk(-s.am), dk(-s.ytd(s.am))])
    y += 12
    row(pdf, y, cols, ["A-skat", "", "38 %", dk(-s.askat), dk(-s.ytd(s.askat))])
    y += 14
    row(pdf, y, cols, ["Til udbetaling", "", "", dk(s.net), ""], 8.5, True)
    y += 30
    pdf.t(40, y, "Firmabetalte ydelser", 9, bold=True)
    y += 14
    for code, text, basis, pct, amount in s.employer_items:
        row(pdf, y, cols, [text, dk(basis) if basis is not None else "",
                           (dk(pct) + " %") if pct is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    return pdf.bytes()


def onecol(s: Slip) -> bytes:
    """Amounts in a Beløb(+) or a Beløb(-) column; employer's share below."""
    pdf = Pdf(f"Lønseddel {s.employee}", s.employer)
    pdf.t(40, 50, s.employer, 12, bold=True)
    pdf.t(40, 63, ", ".join(s.emp_addr) + f"   CVR {s.cvr}", 8)
    pdf.t(40, 95, "LØNSEDDEL  " + f"{p(s.start)} til {p(s.end)}", 11, bold=True)
    pdf.t(40, 112, f"Medarbejder: {s.employee}   CPR: {s.cpr}", 8.5)
    pdf.t(40, 124, f"Udbetales: {p(s.disp)}", 8.5)
    cols = [(40, "l"), (300, "r"), (360, "r"), (450, "r"), (540, "r")]
    y = 155
    row(pdf, y, cols, ["Tekst", "Antal", "Sats", "Beløb(+)", "Beløb(-)"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, units, rate, amount in s.pay:
        row(pdf, y, cols, [text, dk(units) if units is not None else "",
                           dk(rate) if rate is not None else "", dk(amount), ""])
        y += 12
    if s.emp_atp:
        row(pdf, y, cols, ["ATP, egen andel", "", "", "", dk(s.emp_atp)])
        y += 12
    row(pdf, y, cols, ["AM-bidrag", dk(s.am_basis), "8 %", "", dk(s.am)])
    y += 12
    row(pdf, y, cols, ["A-skat", dk(s.askat_basis), "38 %", "", dk(s.askat)])
    y += 14
    pdf.line(300, y - 8, 555, y - 8)
    row(pdf, y, cols, ["I alt", "", "", dk(s.gross), dk(s.emp_atp + s.am + s.askat)], 8.5, True)
    y += 14
    row(pdf, y, cols, ["Udbetalt", "", "", dk(s.net), ""], 8.5, True)
    y += 26
    pdf.t(40, y, f"Bruttoløn: {dk(s.gross)}     AM-indkomst: {dk(s.am_basis)}", 8.5)
    y += 26
    pdf.t(40, y, "Arbejdsgivers andel (betales af arbejdsgiver, ikke trukket i lønnen)", 9, bold=True)
    y += 14
    for code, text, basis, pct, amount in s.employer_items:
        row(pdf, y, cols, [text, dk(basis) if basis is not None else "",
                           (dk(pct) + " %") if pct is not None else "", dk(amount), ""])
        y += 12
    return pdf.bytes()


def sdlon(s: Slip) -> bytes:
    """An SD-Løn-like municipal specification: Lønart | Tekst | Antal | Sats | Beløb | Akkumuleret."""
    pdf = Pdf(f"Lønspecifikation {s.employee}", s.employer)
    pdf.t(40, 48, s.employer, 12, bold=True)
    pdf.t(40, 61, s.extra.get("afd", ""), 9)
    pdf.t(40, 73, "  ".join(s.emp_addr) + f"   CVR {s.cvr}", 7.5)
    pdf.t(555, 48, "Lønspecifikation", 13, bold=True, align="r")
    kv = [("Periode", f"{p(s.start)} - {p(s.end)}"), ("Udbetalingsdato", p(s.disp)),
          ("CPR-nummer", s.cpr), ("Ansættelsesnr.", s.extra.get("empno", "00317")),
          ("Beskæftigelsesgrad", s.extra.get("grad", "10,00/37,00"))]
    y = 100
    for k, v in kv:
        pdf.t(330, y, k, 8)
        pdf.t(430, y, v, 8.5)
        y += 11
    pdf.t(40, 100, s.employee, 10)
    pdf.t(40, 112, ", ".join(s.e_addr), 8.5)
    cols = [(40, "l"), (80, "l"), (320, "r"), (385, "r"), (465, "r"), (555, "r")]
    y = 175
    row(pdf, y, cols, ["Lønart", "Tekst", "Antal", "Sats", "Beløb", "Akkumuleret"], 8, True)
    pdf.line(40, y + 4, 555, y + 4)
    y += 16
    for code, text, units, rate, amount in s.pay:
        row(pdf, y, cols, [code, text, dk(units) if units is not None else "",
                           dk(rate) if rate is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    row(pdf, y, cols, ["", "Bruttoløn i alt", "", "", dk(s.gross), dk(s.ytd(s.gross))], 8.5, True)
    y += 14
    if s.emp_atp:
        row(pdf, y, cols, ["8100", "ATP-bidrag, medarbejder", "", "", dk(-s.emp_atp), ""])
        y += 12
    row(pdf, y, cols, ["8220", "AM-bidrag", dk(s.am_basis), "8,00 %", dk(-s.am), dk(-s.ytd(s.am))])
    y += 12
    row(pdf, y, cols, ["8250", "A-skat", dk(s.askat_basis), "38 %", dk(-s.askat), dk(-s.ytd(s.askat))])
    y += 14
    row(pdf, y, cols, ["", "Overført til NemKonto", "", "", dk(s.net), ""], 8.5, True)
    y += 28
    pdf.t(40, y, "Arbejdsgiverbetalte bidrag", 9, bold=True)
    y += 14
    for code, text, basis, pct, amount in s.employer_items:
        row(pdf, y, cols, [code, text, dk(basis) if basis is not None else "",
                           (dk(pct) + " %") if pct is not None else "", dk(amount), dk(s.ytd(amount))])
        y += 12
    return pdf.bytes()


def claim_form(f: dict) -> bytes:
    """The workplace's own form: label/value boxes."""
    pdf = Pdf("Refusionsanmodning", f["employer"])
    pdf.t(40, 50, "Refusionsanmodning", 18, bold=True)
    pdf.t(40, 68, "Job på få lønnede timer – til Jobcenter Albertslund, Økonomigruppen", 9)
    y = 90
    boxes = [("Medarbejderens navn", f["name"]), ("CPR-nummer", f["cpr"]),
             ("Arbejdsgiver", f["employer"]), ("CVR-nummer", f["cvr"]),
             ("Arbejdssted", f["workplace"]), ("Refusionsperiode", f["period"]),
             ("Løntimer i perioden", f["hours"])]
    for label, value in boxes:
        pdf.box(40, y, 515, 30)
        pdf.t(46, y + 10, label, 7)
        pdf.t(46, y + 24, value, 10)
        y += 34
    y += 10
    pdf.t(40, y, "Lønudgifter der søges refusion for", 10, bold=True)
    y += 8
    for label, value in f["lines"]:
        pdf.box(40, y, 515, 20)
        pdf.t(46, y + 14, label, 9)
        pdf.t(545, y + 14, value, 9.5, align="r")
        y += 20
    pdf.box(40, y, 515, 22, lw=1.2)
    pdf.t(46, y + 15, "Refusionsbeløb i alt", 9.5, bold=True)
    pdf.t(545, y + 15, f["total"], 10, bold=True, align="r")
    y += 50
    pdf.box(40, y, 250, 40)
    pdf.t(46, y + 10, "Dato", 7)
    pdf.t(46, y + 28, f["signed"], 9.5)
    pdf.box(305, y, 250, 40)
    pdf.t(311, y + 10, "Underskrift (leder)", 7)
    pdf.t(311, y + 28, f["signer"], 9.5)
    return pdf.bytes()
