#!/usr/bin/env python3
"""Deterministic generator for held-out corpus 6 (fictional people, fpdf2 payslips).

Run: python3 make_corpus.py   (needs fpdf2). Writes placements.csv, corpus.json, cases/*.
All expected values are computed by hand below (arithmetic in comments).
"""
import base64, datetime, json, quopri, urllib.parse
from email.header import Header
from pathlib import Path
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONTB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
KOM = ("Albertslund Kommune", "29189919", "Nordmarks Allé 1, 2620 Albertslund")
FORS = ("Albertslund Forsyning", "33704569", "Herstedvang 45, 2620 Albertslund")
ROH = ("Børnehuset Roholmshaven", "17648233", "Roholmsvej 19, 2620 Albertslund")

PLACEMENTS = """placement_id,employee_name,cpr,employer_name,cvr,workplace,contact_emails,weekly_hours,start_date,end_date,praktik_until,effective_from,applied_at,holiday_scheme
H6-01,Freja Lund Madsen,230897-2308,Albertslund Kommune,29189919,Kulturhuset Birkelundgård,ole.ravn@albertslund.dk;kulturhuset@albertslund.dk,10,2026-04-01,2027-03-31,,2026-04-01,2026-03-05T09:00:00,hourly
H6-02,Tobias Vang Holm,1711881200,Albertslund Forsyning,33704569,Forsyningen Driften,bo.kragh@albertslund.dk;forsyningen.loen@albertslund.dk,10,2026-06-01,2027-05-31,,2026-06-01,2026-05-06T10:00:00,hourly
H6-03,Yasmin Karimi,1203941109,Børnehuset Roholmshaven,17648233,Børnehuset Roholmshaven,signe.dahl@albertslund.dk;roholmshaven@albertslund.dk,8,2026-05-01,2027-04-30,,2026-05-01,2026-04-08T11:00:00,hourly
H6-04,Mikkel Bjerre Sørensen,2802902703,Albertslund Kommune,29189919,Vej & Park,karen.moos@albertslund.dk;vejogpark@albertslund.dk,6,2026-07-01,2027-06-30,,2026-07-01,2026-06-10T08:30:00,hourly
H6-04,Mikkel Bjerre Sørensen,2802902703,Albertslund Kommune,29189919,Vej & Park,karen.moos@albertslund.dk;vejogpark@albertslund.dk,9,2026-07-01,2027-06-30,,2026-10-12,2026-09-28T13:00:00,hourly
H6-05,Sofie Thorsen,0910853309,Albertslund Kommune,29189919,Ældrecentret Humlehaven,dorte.lind@albertslund.dk;humlehaven@albertslund.dk,10,2026-02-01,2027-01-31,,2026-02-01,2026-01-14T09:45:00,hourly
H6-06,Rasmus Nørgaard Friis,1506991508,Albertslund Kommune,29189919,Kulturhuset Birkelundgård,ole.ravn@albertslund.dk;kulturhuset@albertslund.dk,10,2026-03-01,2027-02-28,,2026-03-01,2026-02-03T14:20:00,hourly
H6-07,Ida Wendel,0403921009,Albertslund Kommune,29189919,Musikskolen,nina.holt@albertslund.dk;musikskolen@albertslund.dk,7,2026-08-01,2027-07-31,,2026-08-01,2026-07-01T10:30:00,hourly
"""
# Weekly hours in force: 10+10+8+9(after addendum)+10+10+7 = 64 <= 100.

CREATED = datetime.datetime(2026, 11, 2, 8, 0, 0, tzinfo=datetime.timezone.utc)


def new_pdf(title):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_title(title)
    pdf.set_producer("Lønsystem")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.add_font("DejaVu", style="B", fname=FONTB)
    pdf.add_page()
    pdf.set_font("DejaVu", size=9)
    return pdf


def out(pdf):
    return bytes(pdf.output())


def visma_slip(emp, ee, period, rows, ferie_rows, employer_rows, totals):
    """Visma Løn: Lønart | Tekst | Antal | Sats | Beløb | Akk. and a separate Feriepenge box."""
    pdf = new_pdf("Lønseddel")
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 8, "Visma Løn  ·  Lønseddel", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(95, 5, f"{emp[0]}\n{emp[2]}\nCVR-nr. {emp[1]}", border=1, new_x="RIGHT", new_y="TOP")
    pdf.multi_cell(95, 5, f"{ee[0]}\n{ee[2]}\nCPR-nr. {ee[1]}", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.cell(95, 6, f"Lønperiode: {period}", border=1)
    pdf.cell(95, 6, "Disp. dato: 30.10.2026", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = (18, 62, 22, 22, 33, 33)
    pdf.set_font("DejaVu", "B", 9)
    for w, h in zip(widths, ("Lønart", "Tekst", "Antal", "Sats", "Beløb", "Akk.")):
        pdf.cell(w, 6, h, border=1, align="C")
    pdf.ln()
    pdf.set_font("DejaVu", size=9)
    for r in rows:
        for i, (w, v) in enumerate(zip(widths, r)):
            pdf.cell(w, 6, v, border=1, align="L" if i < 2 else "R")
        pdf.ln()
    pdf.ln(2)
    for label, value in totals:
        pdf.cell(124, 6, label, border=1)
        pdf.cell(33, 6, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Feriepenge", border=1, new_x="LMARGIN", new_y="NEXT")
    for w, h in zip((70, 30, 45, 45), ("Tekst", "Grundlag", "Denne periode", "I ferieåret")):
        pdf.cell(w, 6, h, border=1, align="C")
    pdf.ln()
    pdf.set_font("DejaVu", size=9)
    for r in ferie_rows:
        for i, (w, v) in enumerate(zip((70, 30, 45, 45), r)):
            pdf.cell(w, 6, v, border=1, align="L" if i == 0 else "R")
        pdf.ln()
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Arbejdsgiverbetalte bidrag", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    for label, value in employer_rows:
        pdf.cell(124, 6, label, border=1)
        pdf.cell(33, 6, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    return out(pdf)


def danlon_slip(emp, ee, period, rows, employer_rows, totals, hours_note=None):
    """Danløn: Tekst | Antal | Sats | Beløb, right-aligned bordered amount cells."""
    pdf = new_pdf("Lønseddel Danløn")
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(120, 8, "LØNSEDDEL")
    pdf.set_font("DejaVu", size=8)
    pdf.cell(70, 8, "Danløn", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    pdf.cell(0, 5, f"Arbejdsgiver: {emp[0]}, {emp[2]}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, f"CVR: {emp[1]}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.cell(0, 5, f"Medarbejder: {ee[0]}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, f"Personnummer: {ee[1]}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, f"Periode: {period}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    widths = (80, 30, 30, 40)
    pdf.set_font("DejaVu", "B", 9)
    for w, h in zip(widths, ("Tekst", "Antal", "Sats", "Beløb")):
        pdf.cell(w, 6, h, border="B", align="L" if h == "Tekst" else "R")
    pdf.ln()
    pdf.set_font("DejaVu", size=9)
    for r in rows:
        pdf.cell(widths[0], 6, r[0], border=0)
        for w, v in zip(widths[1:], r[1:]):
            pdf.cell(w, 6, v, border=1, align="R")
        pdf.ln()
    pdf.ln(2)
    for label, value in totals:
        pdf.cell(140, 6, label, border=0, align="R")
        pdf.cell(40, 6, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Arbejdsgiverbidrag og feriepenge", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    for label, value in employer_rows:
        pdf.cell(140, 6, label, border=0)
        pdf.cell(40, 6, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    return out(pdf)


def mirrored_slip(emp, ee, period, rows, employer_rows, totals):
    """Employer block left, employee block right, on the same lines."""
    pdf = new_pdf("Lønspecifikation")
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 8, "Lønspecifikation", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    left = [emp[0], emp[2], f"CVR {emp[1]}", ""]
    right = ["Medarbejder", ee[0], f"Personnummer {ee[1]}", f"Lønperiode {period}"]
    for l, r in zip(left, right):
        pdf.cell(95, 5, l)
        pdf.cell(95, 5, r, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = (20, 70, 25, 25, 40)
    pdf.set_font("DejaVu", "B", 9)
    for w, h in zip(widths, ("Kode", "Løndel", "Enheder", "Sats", "Beløb")):
        pdf.cell(w, 6, h, border=1, align="C")
    pdf.ln()
    pdf.set_font("DejaVu", size=9)
    for r in rows:
        for i, (w, v) in enumerate(zip(widths, r)):
            pdf.cell(w, 6, v, border=1, align="L" if i < 2 else "R")
        pdf.ln()
    pdf.ln(2)
    for label, value in totals:
        pdf.cell(140, 6, label, border=1)
        pdf.cell(40, 6, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 6, "Oplysninger (arbejdsgiverbetalt)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    for label, value in employer_rows:
        pdf.cell(140, 6, label, border=1)
        pdf.cell(40, 6, value, border=1, align="R", new_x="LMARGIN", new_y="NEXT")
    return out(pdf)


def qp(text):
    return quopri.encodestring(text.replace("\n", "\r\n").encode("utf-8")).decode("ascii").replace("\r\n", "\n").replace("\n", "\r\n") if False else \
        quopri.encodestring(text.encode("utf-8")).decode("ascii")


def wrap64(data):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def mail(n, sender, subject, date, body, attachments=(), body_enc="qp"):
    boundary = f"----=_h6_mix_{n:02d}"
    subj = Header(subject, "utf-8").encode() if not subject.isascii() else subject
    from_name = Header(sender[0], "utf-8").encode() if not sender[0].isascii() else sender[0]
    head = [
        f"From: {from_name} <{sender[1]}>",
        "To: Jobcenter Albertslund <Jobcenter@albertslund.dk>",
        f"Subject: {subj}",
        f"Date: {date}",
        f"Message-ID: <h6-{n:02d}@corpus.albertslund.test>",
        "MIME-Version: 1.0",
    ]
    if body_enc == "qp":
        text_part = ['Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", "", qp(body)]
    else:
        text_part = ['Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", "", wrap64(body.encode("utf-8"))]
    if not attachments:
        lines = head + text_part
    else:
        lines = head + [f'Content-Type: multipart/mixed; boundary="{boundary}"', "", "This is a multi-part message in MIME format.", "", f"--{boundary}"] + text_part
        for fname, data in attachments:
            enc = urllib.parse.quote(fname, safe="")
            lines += ["", f"--{boundary}", f"Content-Type: application/pdf; name*=utf-8''{enc}",
                      f"Content-Disposition: attachment; filename*=utf-8''{enc}",
                      "Content-Transfer-Encoding: base64", "", wrap64(data)]
        lines += ["", f"--{boundary}--", ""]
    text = "\n".join(lines)
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


NULL_CLAIM_KEYS = ["employee.name", "employee.cpr", "employer.name", "employer.cvr", "period.start", "period.end",
                   "hours.worked", "hours.sick", "sick.first_day", "sick.last_day", "final", "correction", "lines", "total",
                   "payslip.gross", "payslip.am_basis", "payslip.am_bidrag", "payslip.cpr", "payslip.period.start",
                   "payslip.period.end", "payslip.hours.worked", "payslip.hours.sick"]


def claim(**kw):
    c = {k: None for k in NULL_CLAIM_KEYS}
    c["final"] = False
    c["correction"] = False
    for k, v in kw.items():
        c[k.replace("__", ".")] = v
    return c


CASES = []


def case(n, slug, description, sender, subject, date, iso_date, body, attachments, claims, decisions, problems=(), body_enc="qp"):
    CASES.append(dict(n=n, slug=slug, description=description, eml=mail(n, sender, subject, date, body, attachments, body_enc),
                      expected={"description": description, "order": n * 10,
                                "parse": {"message": {"message_id": f"<h6-{n:02d}@corpus.albertslund.test>", "from": sender[1],
                                                      "subject": subject, "date": iso_date, "in_reply_to": None},
                                          "claims": claims, "problems": list(problems)},
                                "decisions": decisions}))


# ---------------------------------------------------------------- 01 Visma Løn + bulleted list
# Freja, October 2026, 43 h x 152,40 = 6.553,20. Employee ATP 33,00 -> AM-grundlag 6.520,20;
# AM 8 % = 521,616 -> 522. Feriepenge 12,5 % = 819,15. Særlig 1,95 % = 127,7874 -> 127,79.
# Employer ATP 66,00 (43 h: 39-78 bracket). Total 6553,20+66,00+819,15+127,79 = 7566,14.
# Cap 31 x 10/7 = 44,29 >= 43. Rate 152,40 in 100-400. -> approved 7566.14.
# A-skat 37 % of (6520,20-522-4.500) = 554,47 -> 554; net 6553,20-33-522-554 = 5444,20.
pdf01 = visma_slip(KOM, ("Freja Lund Madsen", "230897-2308", "Hyldagerparken 12, 2620 Albertslund"), "01.10.2026 - 31.10.2026",
                   [("1100", "Timeløn", "43,00", "152,40", "6.553,20", "52.424,00"),
                    ("8100", "ATP-bidrag medarbejder", "", "", "-33,00", "-231,00"),
                    ("8220", "AM-bidrag 8 %", "6.520,20", "8,00", "-522,00", "-4.172,00"),
                    ("8250", "A-skat", "", "37 %", "-554,00", "-4.430,00")],
                   [("Feriepenge 12,5 % til FerieKonto", "6.553,20", "819,15", "6.553,00"),
                    ("Særlig feriegodtgørelse 1,95 %", "6.553,20", "127,79", "1.022,27")],
                   [("ATP-bidrag arbejdsgiver", "66,00")],
                   [("Bruttoløn i alt", "6.553,20"), ("AM-grundlag", "6.520,20"), ("Til udbetaling", "5.444,20")])
case(1, "kulturhuset-visma-bullets",
     "Visma Løn payslip (Lønart | Tekst | Antal | Sats | Beløb | Akk., separate Feriepenge box); the mail itemises in a bulleted list. Clean.",
     ("Ole Ravn", "ole.ravn@albertslund.dk"), "Refusion oktober 2026 - Freja Lund Madsen",
     "Mon, 02 Nov 2026 09:14:03 +0100", "2026-11-02T09:14:03+01:00",
     """Hej Økonomigruppen

Hermed refusionsanmodning for oktober 2026 (job på få lønnede timer).

Medarbejder: Freja Lund Madsen, cpr 230897-2308
Arbejdsgiver: Albertslund Kommune (Kulturhuset Birkelundgård), CVR 29189919
Periode: 1.10.2026 - 31.10.2026
Timer: 43,00

Der søges om:
  • Løn: 6.553,20 kr.
  • ATP (arbejdsgiverandel): 66,00 kr.
  • Feriepenge 12,5 %: 819,15 kr.
  • Særlig feriegodtgørelse: 127,79 kr.

I alt: 7.566,14 kr.

Lønsedlen er vedhæftet.

Mvh
Ole Ravn
Kulturhuset Birkelundgård
""", [("Lønseddel oktober 2026 - Freja.pdf", pdf01)],
     [claim(**{"employee.name": "Freja Lund Madsen", "employee.cpr": "2308972308", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "43.00",
               "lines": {"salary": "6553.20", "atp": "66.00", "holiday_pay": "819.15", "special_holiday_allowance": "127.79"},
               "total": "7566.14", "payslip.gross": "6553.20", "payslip.am_basis": "6520.20", "payslip.am_bidrag": "522.00",
               "payslip.cpr": "2308972308", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
               "payslip.hours.worked": "43.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "7566.14", "codes": []}])

# ---------------------------------------------------------------- 02 Danløn, no itemisation in body
# Tobias, October 2026, 42 h x 168,75 = 7.087,50. Employee ATP 33 -> AM-grundlag 7.054,50; AM 564,36 -> 564.
# Employer: ATP 66,00; pension 8 % = 567,00; feriepenge 12,5 % = 885,9375 -> 885,94; særlig 1,95 % = 138,20625 -> 138,21.
# Lines from payslip (body does not itemise): 7087,50+66+567+885,94+138,21 = 8744,65; no total stated -> null.
# Cap 44,29 >= 42; rate 168,75; pension 8 % <= 20 %. -> approved 8744.65.
# A-skat 1.400,00; net 7087,50-33-564-1400 = 5090,50.
pdf02 = danlon_slip(FORS, ("Tobias Vang Holm", "171188-1200", ""), "01.10.2026-31.10.2026",
                    [("Timeløn", "42,00", "168,75", "7.087,50"),
                     ("ATP medarbejderandel", "", "", "-33,00"),
                     ("AM-bidrag", "7.054,50", "8 %", "-564,00"),
                     ("A-skat", "", "", "-1.400,00")],
                    [("ATP arbejdsgiverandel", "66,00"), ("Pension firmabidrag 8 %", "567,00"),
                     ("Feriepenge 12,5 %", "885,94"), ("Særlig feriegodtgørelse 1,95 %", "138,21")],
                    [("Bruttoløn i alt", "7.087,50"), ("AM-grundlag", "7.054,50"), ("Til udbetaling", "5.090,50")])
case(2, "forsyning-danlon-payslip-only",
     "The mail names person, CVR, period and hours but does not itemise: the lines are the employer's costs on a Danløn payslip with right-aligned bordered amount cells. No total written.",
     ("Bo Kragh", "bo.kragh@albertslund.dk"), "Refusion okt. 2026 Tobias Vang Holm",
     "Tue, 03 Nov 2026 13:40:22 +0100", "2026-11-03T13:40:22+01:00",
     """Til Jobcenter Albertslund, ATT: Økonomigruppe

Vedhæftet lønseddel for Tobias Vang Holm (171188-1200) for oktober 2026, 42 timer.
Vi søger refusion af de samlede lønudgifter som vist på lønsedlen.
Arbejdsgiver er Albertslund Forsyning, CVR 33704569.

Venlig hilsen
Bo Kragh, driftsleder
""", [("Danløn lønseddel 2026-10.pdf", pdf02)],
     [claim(**{"employee.name": "Tobias Vang Holm", "employee.cpr": "1711881200", "employer.name": "Albertslund Forsyning",
               "employer.cvr": "33704569", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "42.00",
               "lines": {"salary": "7087.50", "atp": "66.00", "pension": "567.00", "holiday_pay": "885.94",
                         "special_holiday_allowance": "138.21"},
               "payslip.gross": "7087.50", "payslip.am_basis": "7054.50", "payslip.am_bidrag": "564.00",
               "payslip.cpr": "1711881200", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
               "payslip.hours.worked": "42.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "8744.65", "codes": []}])

# ---------------------------------------------------------------- 03 mirrored layout, CPR with a space
# Yasmin, 8 h/week, September 2026: cap 30 x 8/7 = 34,29 >= 34. 34 h x 145,00 = 4.930,00; no ATP (< 39 h).
# AM-grundlag 4.930,00; AM 394,40 -> 394. Feriepenge 12,5 % = 616,25; særlig 1,95 % = 96,135 -> 96,14.
# Total 4930,00+616,25+96,14 = 5642,39. -> approved 5642.39.  A-skat 900,00; net 4930-394-900 = 3636,00.
pdf03 = mirrored_slip(ROH, ("Yasmin Karimi", "120394-1109", ""), "01.09.2026 - 30.09.2026",
                      [("0100", "Timeløn", "34,00", "145,00", "4.930,00"),
                       ("0800", "AM-bidrag", "4.930,00", "8 %", "-394,00"),
                       ("0810", "A-skat", "", "", "-900,00")],
                      [("Feriepenge 12,5 % (Feriekonto)", "616,25"), ("Særlig feriegodtgørelse 1,95 %", "96,14")],
                      [("Bruttoløn i alt", "4.930,00"), ("AM-grundlag", "4.930,00"), ("Udbetalt", "3.636,00")])
case(3, "roholm-cpr-with-space-mirrored-slip",
     "The CPR is written with a space ('CPR 120394 1109'); the payslip puts the employer block left and the employee block right on the same lines. 8 h/week, no ATP. Clean.",
     ("Signe Dahl", "signe.dahl@albertslund.dk"), "Refusion september - Yasmin Karimi",
     "Thu, 08 Oct 2026 10:02:47 +0200", "2026-10-08T10:02:47+02:00",
     """Hej

Yasmin Karimi, CPR 120394 1109
Børnehuset Roholmshaven, CVR 17648233
Refusionsperiode: 01.09.2026-30.09.2026
Arbejdede timer: 34

Løn: 4.930,00
Feriepenge: 616,25
Særlig feriegodtgørelse: 96,14
Samlet: 5.642,39

Lønseddel vedhæftet.

Hilsen Signe Dahl
""", [("Lønspecifikation sep 2026.pdf", pdf03)],
     [claim(**{"employee.name": "Yasmin Karimi", "employee.cpr": "1203941109", "employer.name": "Børnehuset Roholmshaven",
               "employer.cvr": "17648233", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "34.00",
               "lines": {"salary": "4930.00", "holiday_pay": "616.25", "special_holiday_allowance": "96.14"},
               "total": "5642.39", "payslip.gross": "4930.00", "payslip.am_basis": "4930.00", "payslip.am_bidrag": "394.00",
               "payslip.cpr": "1203941109", "payslip.period.start": "2026-09-01", "payslip.period.end": "2026-09-30",
               "payslip.hours.worked": "34.00"})],
     [{"period.start": "2026-09-01", "outcome": "approved", "approved": "5642.39", "codes": []}])

# ---------------------------------------------------------------- 04 sick pay across day 30
# Sofie, first sick day 12.09.2026 -> day 30 = 11.10.2026. October claim, last sick day 20.10.2026.
# Sick days of the claim: 1-20 Oct = 20; after day 30: 12-20 Oct = 9 -> keep 11/20.
# Worked 12 h x 155,00 = 1.860,00; sick 30 h x 155,00 = 4.650,00; gross 6.510,00; paid 42 h (cap 44,29) -> ATP 66,00.
# AM-grundlag 6.510,00-33 = 6.477,00; AM 518,16 -> 518. Feriepenge 12,5 % = 813,75; særlig 1,95 % = 126,945 -> 126,95.
# Total 1860+4650+66+813,75+126,95 = 7516,70. Cut 4650 x 9/20 = 2092,50 -> sick_pay 2557,50.
# Approved 1860+2557,50+66+813,75+126,95 = 5424,20 partially_approved SICK_OVER_30_DAYS.
# A-skat 1.500,00; net 6510-33-518-1500 = 4459,00.
pdf04 = visma_slip(KOM, ("Sofie Thorsen", "091085-3309", "Galgebakken Sønder 4-2B, 2620 Albertslund"), "01.10.2026 - 31.10.2026",
                   [("1100", "Timeløn", "12,00", "155,00", "1.860,00", "47.120,00"),
                    ("1300", "Sygeløn", "30,00", "155,00", "4.650,00", "9.300,00"),
                    ("8100", "ATP-bidrag medarbejder", "", "", "-33,00", "-330,00"),
                    ("8220", "AM-bidrag 8 %", "6.477,00", "8,00", "-518,00", "-4.502,00"),
                    ("8250", "A-skat", "", "37 %", "-1.500,00", "-12.880,00")],
                   [("Feriepenge 12,5 % til FerieKonto", "6.510,00", "813,75", "5.412,00"),
                    ("Særlig feriegodtgørelse 1,95 %", "6.510,00", "126,95", "1.101,40")],
                   [("ATP-bidrag arbejdsgiver", "66,00")],
                   [("Bruttoløn i alt", "6.510,00"), ("AM-grundlag", "6.477,00"), ("Til udbetaling", "4.459,00")])
case(4, "humlehaven-sick-across-day-30",
     "A sick spell from 12 September: day 30 is 11 October, and the October claim's last sick day is 20 October, so 9 of 20 sick days are cut.",
     ("Dorte Lind", "dorte.lind@albertslund.dk"), "Refusion oktober 2026 – Sofie Thorsen (sygdom)",
     "Wed, 04 Nov 2026 11:21:09 +0100", "2026-11-04T11:21:09+01:00",
     """Kære Økonomigruppe

Refusion for Sofie Thorsen, cpr.nr. 091085-3309, Ældrecentret Humlehaven,
Albertslund Kommune, CVR-nr. 29189919.

Periode: 01.10.2026 - 31.10.2026
Arbejdede timer: 12,00
Timer med sygeløn: 30,00
Sofie har været syg siden 12.09.2026 (første sygedag); sidste sygedag 20.10.2026.

Timeløn                 1.860,00
Sygeløn                 4.650,00
ATP arbejdsgiver           66,00
Feriepenge 12,5 %         813,75
Særlig feriegodtgørelse   126,95
I alt                   7.516,70

Med venlig hilsen
Dorte Lind
Ældrecentret Humlehaven
""", [("Lønseddel_Sofie_Thorsen_okt2026.pdf", pdf04)],
     [claim(**{"employee.name": "Sofie Thorsen", "employee.cpr": "0910853309", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "12.00",
               "hours.sick": "30.00", "sick.first_day": "2026-09-12", "sick.last_day": "2026-10-20",
               "lines": {"salary": "1860.00", "sick_pay": "4650.00", "atp": "66.00", "holiday_pay": "813.75",
                         "special_holiday_allowance": "126.95"},
               "total": "7516.70", "payslip.gross": "6510.00", "payslip.am_basis": "6477.00", "payslip.am_bidrag": "518.00",
               "payslip.cpr": "0910853309", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
               "payslip.hours.worked": "12.00", "payslip.hours.sick": "30.00"})],
     [{"period.start": "2026-10-01", "outcome": "partially_approved", "approved": "5424.20", "codes": ["SICK_OVER_30_DAYS"]}])

# ---------------------------------------------------------------- 05 addendum makes the hours fit
# Mikkel 6 h/week, addendum 9 h/week from 12.10.2026. October cap = 11 x 6/7 + 20 x 9/7 = 246/7 = 35,14 h >= 35.
# (Without the addendum the cap would be 26,57 h.) 35 h x 160,00 = 5.600,00; no ATP (< 39 h). AM 448,00.
# Feriepenge 700,00; særlig 1,95 % = 109,20. Total 6.409,20 -> approved 6409.20.
# A-skat 1.000,00; net 5600-448-1000 = 4152,00.
pdf05 = danlon_slip(KOM, ("Mikkel Bjerre Sørensen", "280290-2703", ""), "01.10.2026-31.10.2026",
                    [("Timeløn", "35,00", "160,00", "5.600,00"),
                     ("AM-bidrag", "5.600,00", "8 %", "-448,00"),
                     ("A-skat", "", "", "-1.000,00")],
                    [("Feriepenge 12,5 %", "700,00"), ("Særlig feriegodtgørelse 1,95 %", "109,20")],
                    [("Bruttoløn i alt", "5.600,00"), ("AM-grundlag", "5.600,00"), ("Til udbetaling", "4.152,00")])
case(5, "vejogpark-addendum-month",
     "October claim for a placement raised from 6 to 9 h/week on 12 October (addendum): 35 paid hours fit the cap 11x6/7 + 20x9/7 = 35,14 h. Clean.",
     ("Karen Moos", "karen.moos@albertslund.dk"), "Refusion oktober - Mikkel Bjerre Sørensen",
     "Thu, 05 Nov 2026 08:55:31 +0100", "2026-11-05T08:55:31+01:00",
     """Hej Økonomigruppen

Som aftalt i tillægget er Mikkels timer hævet til 9 om ugen fra 12. oktober.

Navn: Mikkel Bjerre Sørensen
CPR: 280290-2703
Arbejdsgiver: Albertslund Kommune, Vej & Park, CVR 29189919
Periode: oktober 2026 (01.10.2026-31.10.2026)
Timer i alt: 35,00

Løn 5.600,00 kr
Feriepenge 700,00 kr
Særlig feriegodtgørelse 109,20 kr
I alt 6.409,20 kr

Lønseddel vedlagt.

Venlig hilsen
Karen Moos
""", [("lønseddel oktober.pdf", pdf05)],
     [claim(**{"employee.name": "Mikkel Bjerre Sørensen", "employee.cpr": "2802902703", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "35.00",
               "lines": {"salary": "5600.00", "holiday_pay": "700.00", "special_holiday_allowance": "109.20"},
               "total": "6409.20", "payslip.gross": "5600.00", "payslip.am_basis": "5600.00", "payslip.am_bidrag": "448.00",
               "payslip.cpr": "2802902703", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
               "payslip.hours.worked": "35.00"})],
     [{"period.start": "2026-10-01", "outcome": "approved", "approved": "6409.20", "codes": []}])

# ---------------------------------------------------------------- 06 plain approved, base64 body
# Rasmus, September 2026: cap 30 x 10/7 = 42,86 >= 40. 40 h x 138,50 = 5.540,00; ATP 66,00 (39-78).
# AM-grundlag 5.507,00; AM 440,56 -> 441. Feriepenge 692,50; særlig 1,95 % = 108,03.
# Total 5540+66+692,50+108,03 = 6406,53 -> approved.  A-skat 1.100,00; net 5540-33-441-1100 = 3966,00.
pdf06 = mirrored_slip(KOM, ("Rasmus Nørgaard Friis", "150699-1508", ""), "01.09.2026 - 30.09.2026",
                      [("1000", "Løn (timer)", "40,00", "138,50", "5.540,00"),
                       ("8100", "ATP af løn", "", "", "-33,00"),
                       ("8220", "AM-bidrag", "5.507,00", "8 %", "-441,00"),
                       ("8250", "A-skat", "", "", "-1.100,00")],
                      [("ATP virksomhedsbidrag", "66,00"), ("Feriepenge 12,5 %", "692,50"),
                       ("Særlig feriegodtgørelse 1,95 %", "108,03")],
                      [("Bruttoløn i alt", "5.540,00"), ("AM-grundlag", "5.507,00"), ("Nettoløn", "3.966,00")])
case(6, "kulturhuset-plain-approved",
     "Plain approved September claim, base64 text body, dash-separated list.",
     ("Ole Ravn", "ole.ravn@albertslund.dk"), "Refusion september 2026 Rasmus Nørgaard Friis",
     "Mon, 05 Oct 2026 15:30:00 +0200", "2026-10-05T15:30:00+02:00",
     """Hej

Refusion for september 2026 for Rasmus Nørgaard Friis, cpr 150699-1508.
Albertslund Kommune, Kulturhuset Birkelundgård - CVR 29189919.
Periode 01.09.2026-30.09.2026, 40 timer.

- Løn: kr. 5.540,00
- ATP arbejdsgiverandel: kr. 66,00
- Feriepenge: kr. 692,50
- Særlig feriegodtgørelse: kr. 108,03
- Total: kr. 6.406,53

Mvh Ole
""", [("Lønseddel Rasmus sept.pdf", pdf06)],
     [claim(**{"employee.name": "Rasmus Nørgaard Friis", "employee.cpr": "1506991508", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "40.00",
               "lines": {"salary": "5540.00", "atp": "66.00", "holiday_pay": "692.50", "special_holiday_allowance": "108.03"},
               "total": "6406.53", "payslip.gross": "5540.00", "payslip.am_basis": "5507.00", "payslip.am_bidrag": "441.00",
               "payslip.cpr": "1506991508", "payslip.period.start": "2026-09-01", "payslip.period.end": "2026-09-30",
               "payslip.hours.worked": "40.00"})],
     [{"period.start": "2026-09-01", "outcome": "approved", "approved": "6406.53", "codes": []}], body_enc="b64")

# ---------------------------------------------------------------- 07 hours over cap
# Ida 7 h/week, October: cap 31 x 7/7 = 31 h; paid 36 h -> factor 31/36.
# 36 h x 150,00 = 5.400,00; no ATP (< 39). AM 432,00. Feriepenge 675,00; særlig 1,95 % = 105,30. Total 6.180,30.
# Scaled: 5400 x 31/36 = 4650,00; 675 x 31/36 = 581,25; 105,30 x 31/36 = 90,675 -> 90,68.
# Approved 4650+581,25+90,68 = 5321,93 partially_approved HOURS_OVER_CAP.  A-skat 950,00; net 5400-432-950 = 4018,00.
pdf07 = visma_slip(KOM, ("Ida Wendel", "040392-1009", "Kanalens Kvarter 30, 2620 Albertslund"), "01.10.2026 - 31.10.2026",
                   [("1100", "Timeløn", "36,00", "150,00", "5.400,00", "14.400,00"),
                    ("8220", "AM-bidrag 8 %", "5.400,00", "8,00", "-432,00", "-1.152,00"),
                    ("8250", "A-skat", "", "37 %", "-950,00", "-2.560,00")],
                   [("Feriepenge 12,5 % til FerieKonto", "5.400,00", "675,00", "1.800,00"),
                    ("Særlig feriegodtgørelse 1,95 %", "5.400,00", "105,30", "280,80")],
                   [("ATP-bidrag arbejdsgiver", "0,00")],
                   [("Bruttoløn i alt", "5.400,00"), ("AM-grundlag", "5.400,00"), ("Til udbetaling", "4.018,00")])
case(7, "musikskolen-hours-over-cap",
     "7 h/week placement paid 36 hours in October (cap 31 h): salary and holiday lines are scaled by 31/36.",
     ("Nina Holt", "nina.holt@albertslund.dk"), "Refusion Ida Wendel oktober 2026",
     "Fri, 06 Nov 2026 12:12:12 +0100", "2026-11-06T12:12:12+01:00",
     """Hej Jobcentret

Ida Wendel (cpr 040392-1009) har haft ekstra koncerter i oktober og har arbejdet 36 timer.
Albertslund Kommune / Musikskolen, CVR 29189919. Periode 01.10.2026 - 31.10.2026.

Løn: 5.400,00 kr.
Feriepenge 12,5 %: 675,00 kr.
Særlig feriegodtgørelse 1,95 %: 105,30 kr.
I alt: 6.180,30 kr.

Lønseddel vedhæftet.

Venlig hilsen
Nina Holt, Musikskolen
""", [("Ida Wendel lønseddel 10-2026.pdf", pdf07)],
     [claim(**{"employee.name": "Ida Wendel", "employee.cpr": "0403921009", "employer.name": "Albertslund Kommune",
               "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "36.00",
               "lines": {"salary": "5400.00", "holiday_pay": "675.00", "special_holiday_allowance": "105.30"},
               "total": "6180.30", "payslip.gross": "5400.00", "payslip.am_basis": "5400.00", "payslip.am_bidrag": "432.00",
               "payslip.cpr": "0403921009", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
               "payslip.hours.worked": "36.00"})],
     [{"period.start": "2026-10-01", "outcome": "partially_approved", "approved": "5321.93", "codes": ["HOURS_OVER_CAP"]}])

# ---------------------------------------------------------------- 08 question, not a claim
case(8, "musikskolen-question-about-addendum",
     "A question about how to raise the hours (tillæg), mentioning refusion and timer: not a claim.",
     ("Nina Holt", "nina.holt@albertslund.dk"), "Spørgsmål: flere timer til Ida Wendel?",
     "Mon, 09 Nov 2026 09:05:44 +0100", "2026-11-09T09:05:44+01:00",
     """Hej Økonomigruppen

Vi vil gerne give Ida Wendel 9 timer om ugen i stedet for 7 fra december.
Skal vi sende en ny ansøgning om tillæg, og kan vi fortsat få refusion af
lønnen mens I behandler den? Hvilken lønseddel skal vi i så fald vedhæfte?

På forhånd tak.

Venlig hilsen
Nina Holt, Musikskolen
""", [], [],
     [{"period.start": None, "outcome": "not_a_claim", "approved": None, "codes": ["NOT_A_CLAIM"]}], problems=["NOT_A_CLAIM"])


def main():
    (HERE / "placements.csv").write_text(PLACEMENTS, encoding="utf-8")
    (HERE / "corpus.json").write_text(json.dumps({"today": "2026-11-20"}, indent=2) + "\n", encoding="utf-8")
    for c in CASES:
        d = HERE / "cases" / f"{c['n']:02d}-{c['slug']}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "message.eml").write_bytes(c["eml"])
        (d / "expected.json").write_text(json.dumps(c["expected"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
