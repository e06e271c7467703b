# ruff: noqa: E501, E702  (a drawing script: one payslip row per line reads best)
"""Writes the shipped sample mailbox (samples/maildir) and its placements (samples/placements.csv).

Fictional people and numbers (CPR numbers with valid dates and check digits; CVR numbers that
pass the modulus-11 check), KMD OPUS-like payslips drawn with reportlab. Run it again to
rebuild the samples: the output is deterministic.

    .venv/bin/python samples/make_samples.py
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from dataclasses import dataclass
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EMPLOYER, CVR = "Albertslund Kommune", "29189919"


@dataclass(frozen=True)
class Person:
    name: str
    cpr: str  # DDMMYY-SSSS
    workplace: str
    contact: str
    hourly: Decimal


def kr(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def payslip(person: Person, month: dt.date, hours: Decimal, sick_hours: Decimal = Decimal(0)) -> bytes:
    """A two-page payslip in the style of KMD OPUS: pay on page 1, employer items on page 2."""
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    end = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    salary = (hours * person.hourly).quantize(Decimal("0.01"))
    sick = (sick_hours * person.hourly).quantize(Decimal("0.01"))
    gross = salary + sick
    paid = hours + sick_hours
    atp = Decimal("66.00") if paid >= 39 else Decimal("0.00")
    atp_own = Decimal("33.00") if paid >= 39 else Decimal("0.00")
    am = ((gross - atp_own) * Decimal("0.08")).quantize(Decimal("1"))
    holiday = (gross * Decimal("0.125")).quantize(Decimal("0.01"))
    special = (gross * Decimal("0.0195")).quantize(Decimal("0.01"))
    period = f"{month:%d.%m.%Y} - {end:%d.%m.%Y}"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(f"Lønseddel {period}")

    def text(x: float, y: float, s: str, size: int = 9, right: bool = False) -> None:
        c.setFont("DejaVu", size)
        (c.drawRightString if right else c.drawString)(x, A4[1] - y, s)

    text(40, 50, EMPLOYER, 12); text(480, 50, "Lønseddel", 12)
    text(40, 66, "Nordmarks Allé 1"); text(40, 78, "2620 Albertslund"); text(40, 90, f"CVR-nr. {CVR}")
    text(330, 110, "Lønperiode"); text(430, 110, period)
    text(330, 124, "Personnummer"); text(430, 124, person.cpr)
    text(40, 124, person.name)
    text(330, 138, "Arbejdssted"); text(430, 138, person.workplace)
    y = 190
    text(40, y, "Periode"); text(110, y, "Tekst"); text(320, y, "Antal", right=True); text(390, y, "Sats", right=True)
    text(470, y, "Beløb", right=True); text(555, y, "År til dato", right=True)
    rows = [(f"{month:%d.%m}-{end:%d.%m}", "Timeløn", hours, person.hourly, salary)]
    if sick_hours:
        rows.append((f"{month:%d.%m}-{end:%d.%m}", "Sygeløn", sick_hours, person.hourly, sick))
    for per, label, qty, rate, amount in rows:
        y += 16
        text(40, y, per); text(110, y, label); text(320, y, kr(qty), right=True); text(390, y, kr(rate), right=True)
        text(470, y, kr(amount), right=True); text(555, y, kr(amount * 6), right=True)
    for label, amount in (("Bruttoløn i alt", gross), ("ATP-bidrag, eget", -atp_own), ("AM-bidrag", -am)):
        y += 16
        text(110, y, label); text(470, y, kr(amount), right=True)
    y += 16
    text(110, y, "Til udbetaling"); text(470, y, kr(gross - atp_own - am), right=True)
    c.showPage()
    text(40, 50, EMPLOYER, 12); text(480, 50, "Side 2 af 2")
    text(40, 70, f"{person.name}   Personnummer {person.cpr}   Lønperiode {period}")
    y = 110
    text(40, y, "Arbejdsgiverbetalte bidrag og opsparing", 10)
    y += 20
    text(40, y, "Tekst"); text(330, y, "Grundlag", right=True); text(390, y, "Sats", right=True)
    text(470, y, "Periode", right=True); text(555, y, "År til dato", right=True)
    for label, basis, rate, amount in (
        ("ATP-bidrag, arbejdsgiverandel", None, None, atp),
        ("Feriegodtgørelse 12,5 % til FerieKonto", gross, "12,50 %", holiday),
        ("Særlig feriegodtgørelse", gross, "1,95 %", special),
    ):
        y += 16
        text(40, y, label)
        if basis is not None:
            text(330, y, kr(basis), right=True); text(390, y, rate or "", right=True)
        text(470, y, kr(amount), right=True); text(555, y, kr(amount * 6), right=True)
    y += 30
    text(40, y, "Skatte- og AM-oplysninger", 10)
    y += 20
    text(470, y, "Periode", right=True); text(555, y, "År til dato", right=True)
    y += 16
    text(40, y, "AM-bidragsgrundlag"); text(470, y, kr(gross - atp_own), right=True); text(555, y, kr((gross - atp_own) * 6), right=True)
    y += 16
    text(40, y, "AM-bidrag"); text(470, y, kr(Decimal(am)), right=True); text(555, y, kr(Decimal(am) * 6), right=True)
    c.showPage()
    c.save()
    return buf.getvalue()


def mail(n: int, person: Person, subject: str, body: str, when: dt.datetime, attachments: list[tuple[str, bytes]] = (),
         extra: dict[str, str] | None = None, sender: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender or f"{person.contact.split('@')[0].replace('.', ' ').title()} <{person.contact}>"
    msg["To"] = "Jobcenter Albertslund <jobcenter@albertslund.dk>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<sample-{n:02d}@workplace.albertslund.test>"
    for key, value in (extra or {}).items():
        msg[key] = value
    msg.set_content(body)
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    if msg.is_multipart():
        msg.set_boundary(f"=_sample_{n:02d}")  # fixed, so the samples rebuild byte for byte
    return msg.as_bytes()


PEOPLE = {
    "freja": Person("Freja Lund Mikkelsen", "120394-1109", "Biblioteket", "lene.bach@albertslund.dk", Decimal("152.40")),
    "omar": Person("Omar Said Hassan", "050788-1106", "Vej & Park", "park.leder@albertslund.dk", Decimal("168.20")),
    "ida": Person("Ida Winther Krogh", "230101-4018", "Musikskolen", "musik@albertslund.dk", Decimal("161.75")),
}

PLACEMENTS = """placement_id,employee_name,cpr,employer_name,cvr,workplace,contact_emails,weekly_hours,start_date,end_date,praktik_until,effective_from,applied_at,holiday_scheme
S-0001,Freja Lund Mikkelsen,1203941109,Albertslund Kommune,29189919,Biblioteket,lene.bach@albertslund.dk,10,2026-05-01,2027-04-30,,2026-05-01,2026-04-02T10:00:00,hourly
S-0002,Omar Said Hassan,0507881106,Albertslund Kommune,29189919,Vej & Park,park.leder@albertslund.dk,8,2026-06-01,2027-05-31,,2026-06-01,2026-05-11T09:15:00,hourly
S-0003,Ida Winther Krogh,2301014018,Albertslund Kommune,29189919,Musikskolen,musik@albertslund.dk,10,2026-08-15,2027-08-14,2026-08-31,2026-08-15,2026-07-20T13:45:00,hourly
"""


def main() -> None:
    out = HERE / "maildir"
    shutil.rmtree(out, ignore_errors=True)
    for sub in ("new", "cur", "tmp"):
        (out / sub).mkdir(parents=True)
        (out / sub / ".keep").write_text("")
    (HERE / "placements.csv").write_text(PLACEMENTS, encoding="utf-8")
    f, o, i = PEOPLE["freja"], PEOPLE["omar"], PEOPLE["ida"]
    oct1, sep1 = dt.date(2026, 10, 1), dt.date(2026, 9, 1)
    tz = dt.timezone(dt.timedelta(hours=1))
    mails = [
        mail(1, f, "Refusion oktober 2026 – Freja Lund Mikkelsen",
             f"Kære Økonomigruppe\n\nHermed lønseddel for oktober til refusion.\n\nNavn: {f.name}\nCPR: {f.cpr}\n"
             f"Arbejdsgiver: {EMPLOYER}, CVR {CVR}\nPeriode: 01.10.2026 - 31.10.2026\nTimer: 42,00\n\n"
             f"Løn: {kr(Decimal('42') * f.hourly)}\nATP: 66,00\nFeriepenge 12,5 %: {kr((Decimal('42') * f.hourly * Decimal('0.125')).quantize(Decimal('0.01')))}\n"
             f"Særlig feriegodtgørelse: {kr((Decimal('42') * f.hourly * Decimal('0.0195')).quantize(Decimal('0.01')))}\n\nVenlig hilsen\nLene Bach\nBiblioteket\n",
             dt.datetime(2026, 11, 3, 9, 12, tzinfo=tz), [("Lønseddel oktober 2026.pdf", payslip(f, oct1, Decimal("42")))]),
        mail(2, o, "Lønseddel til refusion, september",
             f"Hej\n\nVedhæftet lønseddel for {o.name} for september 2026. Vi søger refusion af lønudgifterne, "
             "som de fremgår af lønsedlen.\n\nMvh\nVej & Park\n",
             dt.datetime(2026, 10, 6, 14, 2, tzinfo=dt.timezone(dt.timedelta(hours=2))),
             [("lonseddel_sep.pdf", payslip(o, sep1, Decimal("34")))]),
        mail(3, i, "Refusion oktober – Ida", f"Hej\n\nKan I refundere Idas løn for oktober 2026 (cpr {i.cpr})? Det bliver i alt 5.200,00 kr. "
             "Lønsedlen kommer senere.\n\nHilsen Musikskolen\n", dt.datetime(2026, 11, 4, 8, 30, tzinfo=tz)),
        mail(4, i, "Automatisk svar: Refusion", "Tak for din mail. Jeg er på ferie til og med 20. november.\n",
             dt.datetime(2026, 11, 4, 8, 31, tzinfo=tz), extra={"Auto-Submitted": "auto-replied"}),
        mail(5, o, "Spørgsmål om ordningen", "Hej Økonomigruppen\n\nKan vi hæve Omars timer fra 8 til 10 om ugen fra "
             "januar, og skal vi så lave et tillæg?\n\nMvh Vej & Park\n", dt.datetime(2026, 11, 5, 10, 0, tzinfo=tz)),
        mail(6, o, "Refusion oktober 2026 - Omar Said Hassan",
             f"Hej\n\nRefusion for oktober 2026 for {o.name} (CPR {o.cpr}).\nArbejdsgiver: {EMPLOYER}, CVR {CVR}\n"
             "Periode: 01.10.2026 - 31.10.2026\nOmar var syg fra 6. oktober 2026 til og med 10. oktober 2026 (første sygedag 6. oktober).\n\n"
             f"Løndel\tTimer\tBeløb\nLøn\t29,00\t{kr(Decimal('29') * o.hourly)}\nLøn under sygdom\t6,00\t{kr(Decimal('6') * o.hourly)}\n"
             f"Feriepenge 12,5 %\t\t{kr((Decimal('35') * o.hourly * Decimal('0.125')).quantize(Decimal('0.01')))}\n\nMvh\nVej & Park\n",
             dt.datetime(2026, 11, 6, 11, 40, tzinfo=tz), [("Lønseddel okt.pdf", payslip(o, oct1, Decimal("29"), Decimal("6")))]),
        mail(7, f, "Refusion september 2026 – Freja Lund Mikkelsen",
             f"Kære Økonomigruppe\n\nHermed lønseddel for september til refusion. Freja tog ekstra vagter under "
             f"bogudsalget.\n\nNavn: {f.name}\nCPR: {f.cpr}\nArbejdsgiver: {EMPLOYER}, CVR {CVR}\n"
             "Periode: 01.09.2026 - 30.09.2026\nTimer: 48,00\n\nVenlig hilsen\nLene Bach\nBiblioteket\n",
             dt.datetime(2026, 10, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
             [("Lønseddel september 2026.pdf", payslip(f, sep1, Decimal("48")))]),
        mail(8, i, "Lønseddel oktober – Ida Winther Krogh",
             f"Hej\n\nJeg er ny på kontoret i Musikskolen og sender Idas lønseddel for oktober til refusion.\n\n"
             f"Navn: {i.name}\nCPR: {i.cpr}\nArbejdsgiver: {EMPLOYER}, CVR {CVR}\nPeriode: 01.10.2026 - 31.10.2026\n"
             "Timer: 36,00\n\nVenlig hilsen\nSara\nMusikskolen\n",
             dt.datetime(2026, 11, 9, 13, 5, tzinfo=tz), [("Lønseddel oktober.pdf", payslip(i, oct1, Decimal("36")))],
             sender="Sara Holm <sara.holm@albertslund.dk>"),
    ]
    for n, raw in enumerate(mails, start=1):
        (out / "new" / f"17{n:02d}000000.M{n}P1.sample").write_bytes(raw)
    print(f"wrote {len(mails)} sample mails to {out} and {HERE / 'placements.csv'}")


if __name__ == "__main__":
    main()
