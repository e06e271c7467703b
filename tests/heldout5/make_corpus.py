#!/usr/bin/env python3
"""Held-out corpus 5: deterministic generator. Run with the project venv (reportlab).

All amounts are hand-computed; the arithmetic is in the comments next to each case.
Placements (placements.csv): Q-01..Q-06, weekly hours 10+10+8+10+9+10 = 57 <= 100.
"""
import base64, io, json, quopri, shutil
from pathlib import Path
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

HERE = Path(__file__).parent
pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
CRLF = "\r\n"


def pdf(pages):
    """pages: list of lists of (x, y, text)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for page in pages:
        for x, y, text, size in page:
            c.setFont("DejaVu", size)
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def payslip(employer, cvr, name, cpr_shown, period, rows, totals, employer_block, extra_block=None, title="Lønseddel", system="KMD OPUS"):
    p = [(40, 800, f"{title}  ({system})", 14), (40, 780, f"{employer}   CVR-nr. {cvr}", 10),
         (40, 765, f"Navn: {name}", 10), (40, 750, f"Personnummer: {cpr_shown}", 10),
         (40, 735, f"Lønperiode: {period}", 10), (40, 720, "Dispositionsdato: " + period.split(" - ")[1], 9),
         (40, 695, "Tekst", 10), (260, 695, "Antal", 10), (330, 695, "Sats", 10), (420, 695, "Beløb", 10)]
    y = 678
    for text, antal, sats, amount in rows:
        p += [(40, y, text, 10), (260, y, antal, 10), (330, y, sats, 10), (420, y, amount, 10)]
        y -= 15
    y -= 8
    for text, amount in totals:
        p += [(40, y, text, 10), (420, y, amount, 10)]
        y -= 15
    y -= 10
    p.append((40, y, "Arbejdsgiverbetalte bidrag og feriepenge (denne periode)", 10)); y -= 15
    for text, amount in employer_block:
        p += [(40, y, text, 10), (420, y, amount, 10)]
        y -= 15
    if extra_block:
        y -= 10
        p.append((40, y, extra_block[0], 10)); y -= 15
        for text, amount in extra_block[1]:
            p += [(40, y, text, 10), (420, y, amount, 10)]
            y -= 15
    return pdf([p])


def qp(text):
    return quopri.encodestring(text.replace("\n", "\r\n").encode("utf-8")).decode("ascii").replace("\r\n", "\n").replace("\n", CRLF)


def b64(data):
    s = base64.b64encode(data).decode("ascii")
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76))


def text_part(body, subtype="plain"):
    return (f'Content-Type: text/{subtype}; charset="utf-8"{CRLF}Content-Transfer-Encoding: quoted-printable{CRLF}{CRLF}' + qp(body))


def attach(data, filename, ctype):
    from urllib.parse import quote
    fn = quote(filename)
    return (f"Content-Type: {ctype};{CRLF} name*=utf-8''{fn}{CRLF}Content-Transfer-Encoding: base64{CRLF}"
            f"Content-Disposition: attachment;{CRLF} filename*=utf-8''{fn}{CRLF}{CRLF}" + b64(data))


def header_encode(s):
    if all(ord(ch) < 128 for ch in s):
        return s
    return "=?utf-8?b?" + base64.b64encode(s.encode()).decode() + "?="


def message(n, frm, frm_name, subject, date, parts, boundary_kind="mixed"):
    mid = f"<ho5-{n:02d}@corpus.albertslund.test>"
    head = [f"From: {header_encode(frm_name)} <{frm}>", "To: Jobcenter Albertslund <Jobcenter@albertslund.dk>",
            f"Subject: {header_encode(subject)}", f"Date: {date}", f"Message-ID: {mid}", "MIME-Version: 1.0"]
    if len(parts) == 1:
        return CRLF.join(head) + CRLF + parts[0] + CRLF, mid
    b = f"----=_{boundary_kind}_ho5-{n:02d}"
    head.append(f'Content-Type: multipart/{boundary_kind}; boundary="{b}"')
    body = CRLF.join(head) + CRLF + CRLF + "This is a multi-part message in MIME format." + CRLF
    for part in parts:
        body += CRLF + "--" + b + CRLF + part + CRLF
    body += "--" + b + "--" + CRLF
    return body, mid


CASES = []


def claim(**kw):
    base = {k: None for k in ["employee.name", "employee.cpr", "employer.name", "employer.cvr", "period.start", "period.end",
                              "hours.worked", "hours.sick", "sick.first_day", "sick.last_day"]}
    base.update({"final": False, "correction": False})
    base.update({k: None for k in ["lines", "total", "payslip.gross", "payslip.am_basis", "payslip.am_bidrag", "payslip.cpr",
                                   "payslip.period.start", "payslip.period.end", "payslip.hours.worked", "payslip.hours.sick"]})
    for k, v in kw.items():
        base[k.replace("__", ".").replace("_DOT_", ".")] = v
    return base


def case(n, slug, desc, eml, mid, frm, subject, iso_date, claims, decisions, problems=()):
    d = HERE / "cases" / f"{n:02d}-{slug}"
    d.mkdir(parents=True, exist_ok=True)
    (d / "message.eml").write_bytes(eml.encode("utf-8"))
    exp = {"description": desc, "order": n * 10,
           "parse": {"message": {"message_id": mid, "from": frm, "subject": subject, "date": iso_date, "in_reply_to": None},
                     "claims": claims, "problems": list(problems)},
           "decisions": decisions}
    (d / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def C(**kw):
    """claim with dotted keys given as a dict"""
    return kw


def mk(d):
    base = claim()
    base.update(d)
    return base


KOM = ("Albertslund Kommune", "29189919")
FORS = ("Albertslund Forsyning", "33704569")
ROH = ("Børnehuset Roholmshaven", "17648233")


def build():
    shutil.rmtree(HERE / "cases", ignore_errors=True)

    # ---- 01 Q-01 October; amounts "kr. 6.300" and "66,-" --------------------------------
    # salary 42 h x 150,00 = 6300.00; atp 66.00 (42 paid h: 39..78 bracket); holiday 12,5 % x 6300 = 787.50;
    # særlig 1,95 % x 6300 = 122.85; total 6300+66+787.50+122.85 = 7276.35.
    # payslip: gross 6300.00, employee ATP 33.00 -> AM basis 6267.00, AM 8 % = 501.36 -> 501.
    # cap October 31 x 10/7 = 44.29 >= 42. Approved 7276.35.
    body = """Hej Økonomigruppen

Refusion for oktober, job på få lønnede timer.

Navn: Freja Lund Poulsen
CPR: 120594-2005
Arbejdsgiver: Albertslund Kommune, CVR 29189919
Periode: 01.10.2026 - 31.10.2026
Timer: 42

Løn  kr. 6.300
ATP  66,-
Feriepenge  kr. 787,50
Særlig feriegodtgørelse  122,85
I alt  7276,35

Hilsen
Ulla Møller, Rådhusets Kantine
"""
    slip = payslip(*KOM, "Freja Lund Poulsen", "120594-2005", "01.10.2026 - 31.10.2026",
                   [("Timeløn", "42,00", "150,00", "6.300,00")],
                   [("Bruttoløn i alt", "6.300,00"), ("ATP-bidrag", "-33,00"), ("AM-grundlag", "6.267,00"),
                    ("AM-bidrag 8 %", "-501,00"), ("A-skat", "-1.489,00"), ("Til udbetaling", "4.277,00")],
                   [("ATP arbejdsgiverandel", "66,00"), ("Feriegodtgørelse 12,5 %", "787,50"), ("Særlig feriegodtgørelse", "122,85")])
    subj = "Refusion oktober – Freja Lund Poulsen"
    eml, mid = message(1, "ulla.moeller@albertslund.dk", "Ulla Møller", subj, "Tue, 03 Nov 2026 10:12:00 +0100",
                       [text_part(body), attach(slip, "Lønseddel oktober.pdf", "application/pdf")])
    case(1, "kantine-kroner-dash-amounts", "Amounts as 'kr. 6.300' (no øre) and '66,-'; plain colon list.", eml, mid,
         "ulla.moeller@albertslund.dk", subj, "2026-11-03T10:12:00+01:00",
         [mk({"employee.name": "Freja Lund Poulsen", "employee.cpr": "1205942005", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "42.00",
              "lines": {"salary": "6300.00", "atp": "66.00", "holiday_pay": "787.50", "special_holiday_allowance": "122.85"},
              "total": "7276.35", "payslip.gross": "6300.00", "payslip.am_basis": "6267.00", "payslip.am_bidrag": "501.00",
              "payslip.cpr": "1205942005", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
              "payslip.hours.worked": "42.00"})],
         [{"period.start": "2026-10-01", "outcome": "approved", "approved": "7276.35", "codes": []}])

    # ---- 02 Q-02 October; claim in a .txt attachment ----------------------------------
    # salary 40 h x 162,50 = 6500.00; atp 66.00; holiday 12,5 % = 812.50; særlig 1,95 % x 6500 = 126.75;
    # total 6500+66+812.50+126.75 = 7505.25. payslip gross 6500.00, basis 6467.00, AM 517.36 -> 517.
    txt = """REFUSIONSANMODNING - job på få lønnede timer

Medarbejder: Yusuf Demir
CPR-nr.: 030288-2002
Arbejdsgiver: Albertslund Forsyning
CVR-nr.: 33704569
Periode: 01.10.2026 - 31.10.2026
Timer i alt: 40,00

Løn: 6.500,00 kr.
ATP arbejdsgiver: 66,00 kr.
Feriepenge: 812,50 kr.
Særlig feriegodtgørelse: 126,75 kr.
I alt: 7.505,25 kr.
""".replace("\n", "\r\n").encode("utf-8")
    body = "Hej\n\nSe venligst vedhæftede refusionsanmodning og lønseddel for oktober.\n\nMvh\nBo Rask\nAlbertslund Forsyning\n"
    slip = payslip(*FORS, "Yusuf Demir", "030288-2002", "01.10.2026 - 31.10.2026",
                   [("1000 Timeløn", "40,00", "162,50", "6.500,00")],
                   [("Bruttoløn i alt", "6.500,00"), ("ATP-bidrag", "-33,00"), ("AM-grundlag", "6.467,00"),
                    ("AM-bidrag", "-517,00"), ("A-skat", "-1.540,00"), ("Nettoløn", "4.410,00")],
                   [("8100 ATP arbejdsgiver", "66,00"), ("4420 Feriepenge 12,5 %", "812,50"), ("4623 Ferietillæg 1,95 %", "126,75")],
                   system="Visma DataLøn")
    subj = "Refusion oktober"
    eml, mid = message(2, "bo.rask@albertslund.dk", "Bo Rask", subj, "Wed, 04 Nov 2026 08:40:00 +0100",
                       [text_part(body), attach(txt, "refusion_oktober_YD.txt", "text/plain; charset=utf-8"),
                        attach(slip, "lønseddel_okt.pdf", "application/pdf")])
    case(2, "forsyning-claim-in-txt-attachment", "The claim's colon list is in a .txt attachment; the body only points to it.",
         eml, mid, "bo.rask@albertslund.dk", subj, "2026-11-04T08:40:00+01:00",
         [mk({"employee.name": "Yusuf Demir", "employee.cpr": "0302882002", "employer.name": "Albertslund Forsyning",
              "employer.cvr": "33704569", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "40.00",
              "lines": {"salary": "6500.00", "atp": "66.00", "holiday_pay": "812.50", "special_holiday_allowance": "126.75"},
              "total": "7505.25", "payslip.gross": "6500.00", "payslip.am_basis": "6467.00", "payslip.am_bidrag": "517.00",
              "payslip.cpr": "0302882002", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
              "payslip.hours.worked": "40.00"})],
         [{"period.start": "2026-10-01", "outcome": "approved", "approved": "7505.25", "codes": []}])

    # ---- 03 Q-03 October; ALL CAPS labels without colon, 8 h/week, no ATP ---------------
    # salary 30 x 145 = 4350.00; holiday 12,5 % = 543.75; særlig 1,95 % x 4350 = 84.825 -> 84.83;
    # total 4350+543.75+84.83 = 4978.58. cap 31 x 8/7 = 35.43 >= 30. no ATP (<39 h): basis = gross 4350, AM 348.00.
    body = """Til Jobcentret, Økonomigruppe

NAVN Ida Marie Holm
CPR 2707992002
ARBEJDSGIVER Albertslund Kommune
CVR 29189919
PERIODE 01.10.2026 - 31.10.2026
TIMER 30

LØN 4.350,00
FERIEPENGE 543,75
SÆRLIG FERIEGODTGØRELSE 84,83
I ALT 4.978,58

Karin Holt
Ældrecentret Albertshøj
"""
    slip = payslip(*KOM, "Ida Marie Holm", "270799-2002", "01.10.2026 - 31.10.2026",
                   [("Timeløn", "30,00", "145,00", "4.350,00")],
                   [("Bruttoløn i alt", "4.350,00"), ("AM-grundlag", "4.350,00"), ("AM-bidrag", "-348,00"),
                    ("A-skat", "-980,00"), ("Til udbetaling", "3.022,00")],
                   [("Feriegodtgørelse 12,5 %", "543,75"), ("Særlig feriegodtgørelse", "84,83")])
    subj = "REFUSION OKTOBER IDA MARIE HOLM"
    eml, mid = message(3, "karin.holt@albertslund.dk", "Karin Holt", subj, "Thu, 05 Nov 2026 13:01:00 +0100",
                       [text_part(body), attach(slip, "Lonseddel_okt.pdf", "application/pdf")])
    case(3, "albertshoej-caps-labels-no-colon", "Labels in capitals with no colon (CPR 2707992002, TIMER 30).", eml, mid,
         "karin.holt@albertslund.dk", subj, "2026-11-05T13:01:00+01:00",
         [mk({"employee.name": "Ida Marie Holm", "employee.cpr": "2707992002", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "30.00",
              "lines": {"salary": "4350.00", "holiday_pay": "543.75", "special_holiday_allowance": "84.83"},
              "total": "4978.58", "payslip.gross": "4350.00", "payslip.am_basis": "4350.00", "payslip.am_bidrag": "348.00",
              "payslip.cpr": "2707992002", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
              "payslip.hours.worked": "30.00"})],
         [{"period.start": "2026-10-01", "outcome": "approved", "approved": "4978.58", "codes": []}])

    # ---- 04 Q-06 period "15.10.–14.11.2026" (shifted pay month) ----------------------------
    # start + 1 month - 1 day = 14.11 -> not too long. cap 31 days x 10/7 = 44.29 >= 43.
    # salary 43 x 155 = 6665.00; atp 66.00; holiday 6665 x 0,125 = 833.125 -> 833.13;
    # særlig 6665 x 0,0195 = 129.9675 -> 129.97; total 6665+66+833.13+129.97 = 7694.10.
    # payslip gross 6665.00, basis 6632.00, AM 530.56 -> 531.
    body = """Hej

Vi afregner løn forskudt (15.-14.). Hermed refusion:

Navn: Peter Krogh Andersen
CPR-nr.: 220600-4005
Arbejdsgiver: Albertslund Kommune, CVR 29189919
Periode: 15.10.–14.11.2026
Timer: 43

Løn: 6.665,00
ATP: 66,00
Feriepenge: 833,13
Særlig feriegodtgørelse: 129,97
I alt: 7.694,10

Lars Toft
Vej & Park
"""
    slip = payslip(*KOM, "Peter Krogh Andersen", "220600-4005", "15.10.2026 - 14.11.2026",
                   [("Timeløn", "43,00", "155,00", "6.665,00")],
                   [("Bruttoløn i alt", "6.665,00"), ("ATP-bidrag", "-33,00"), ("AM-grundlag", "6.632,00"),
                    ("AM-bidrag", "-531,00"), ("A-skat", "-1.570,00"), ("Til udbetaling", "4.531,00")],
                   [("ATP arbejdsgiverandel", "66,00"), ("Feriegodtgørelse 12,5 %", "833,13"), ("Særlig feriegodtgørelse", "129,97")])
    subj = "Refusion 15.10.-14.11.2026 Peter Krogh Andersen"
    eml, mid = message(4, "lars.toft@albertslund.dk", "Lars Toft", subj, "Tue, 17 Nov 2026 09:30:00 +0100",
                       [text_part(body), attach(slip, "Lønseddel 15.10-14.11.pdf", "application/pdf")])
    case(4, "vejpark-shifted-period-en-dash", "Period written '15.10.–14.11.2026' (first date without year, en dash): exactly one month, not too long.",
         eml, mid, "lars.toft@albertslund.dk", subj, "2026-11-17T09:30:00+01:00",
         [mk({"employee.name": "Peter Krogh Andersen", "employee.cpr": "2206004005", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-10-15", "period.end": "2026-11-14", "hours.worked": "43.00",
              "lines": {"salary": "6665.00", "atp": "66.00", "holiday_pay": "833.13", "special_holiday_allowance": "129.97"},
              "total": "7694.10", "payslip.gross": "6665.00", "payslip.am_basis": "6632.00", "payslip.am_bidrag": "531.00",
              "payslip.cpr": "2206004005", "payslip.period.start": "2026-10-15", "payslip.period.end": "2026-11-14",
              "payslip.hours.worked": "43.00"})],
         [{"period.start": "2026-10-15", "outcome": "approved", "approved": "7694.10", "codes": []}])

    # ---- 05 Q-04 October; HTML-only body, each label and value in its own <div> ----------
    # salary 41 x 158 = 6478.00; atp 66.00; holiday 6478 x 0,125 = 809.75; særlig 6478 x 0,0195 = 126.321 -> 126.32;
    # total 6478+66+809.75+126.32 = 7480.07. payslip gross 6478.00, basis 6445.00, AM 515.60 -> 516.
    pairs = [("Medarbejder", "Thomas Vinther"), ("CPR-nr.", "150976-2003"), ("Arbejdsgiver", "Børnehuset Roholmshaven"),
             ("CVR-nr.", "17648233"), ("Periode", "01.10.2026 - 31.10.2026"), ("Timer", "41,00"),
             ("Løn", "6.478,00 kr."), ("ATP", "66,00 kr."), ("Feriepenge", "809,75 kr."),
             ("Særlig feriegodtgørelse", "126,32 kr."), ("I alt", "7.480,07 kr.")]
    html = "<html><body><div>Kære Økonomigruppe</div><div><br></div><div>Refusion for oktober:</div>\n"
    for label, value in pairs:
        html += f'<div class="row"><div class="lbl"><b>{label}</b></div>\n<div class="val">{value}</div></div>\n'
    html += "<div><br></div><div>Venlig hilsen<br>Signe Dahl</div></body></html>\n"
    slip = payslip(*ROH, "Thomas Vinther", "150976-2003", "01.10.2026 - 31.10.2026",
                   [("1000 Timeløn", "41,00", "158,00", "6.478,00")],
                   [("Bruttoløn i alt", "6.478,00"), ("ATP-bidrag", "-33,00"), ("AM-grundlag", "6.445,00"),
                    ("AM-bidrag", "-516,00"), ("A-skat", "-1.530,00"), ("Nettoløn", "4.399,00")],
                   [("8100 ATP arbejdsgiver", "66,00"), ("4420 Feriepenge 12,5 %", "809,75"), ("4623 Ferietillæg 1,95 %", "126,32")],
                   system="Visma DataLøn")
    subj = "Refusion oktober – Thomas Vinther"
    eml, mid = message(5, "signe.dahl@albertslund.dk", "Signe Dahl", subj, "Fri, 06 Nov 2026 11:15:00 +0100",
                       [text_part(html, "html"), attach(slip, "Lønseddel oktober Thomas.pdf", "application/pdf")])
    case(5, "roholm-html-divs-only", "HTML-only body where each label and value sit in separate <div>s.", eml, mid,
         "signe.dahl@albertslund.dk", subj, "2026-11-06T11:15:00+01:00",
         [mk({"employee.name": "Thomas Vinther", "employee.cpr": "1509762003", "employer.name": "Børnehuset Roholmshaven",
              "employer.cvr": "17648233", "period.start": "2026-10-01", "period.end": "2026-10-31", "hours.worked": "41.00",
              "lines": {"salary": "6478.00", "atp": "66.00", "holiday_pay": "809.75", "special_holiday_allowance": "126.32"},
              "total": "7480.07", "payslip.gross": "6478.00", "payslip.am_basis": "6445.00", "payslip.am_bidrag": "516.00",
              "payslip.cpr": "1509762003", "payslip.period.start": "2026-10-01", "payslip.period.end": "2026-10-31",
              "payslip.hours.worked": "41.00"})],
         [{"period.start": "2026-10-01", "outcome": "approved", "approved": "7480.07", "codes": []}])

    # ---- 06 Q-01 September; no itemisation in body; payslip with "Timeløn, fast" + "Timeløn, vikar" ----
    # salary 36 x 150 = 5400.00 + 6 x 150 = 900.00 -> 6300.00, hours 42.00; atp 66.00; holiday 787.50; særlig 122.85.
    # lines from payslip; no total written -> null. cap Sept 30 x 10/7 = 42.86 >= 42. approved 6300+66+787.50+122.85 = 7276.35.
    body = """Hej

Hermed lønseddel for september til refusion for Freja Lund Poulsen (cpr 120594-2005),
Albertslund Kommune, CVR 29189919. Periode 01.09.2026-30.09.2026.

Hun har taget et par vikartimer ekstra ud over de faste.

Mvh Ulla Møller
"""
    slip = payslip(*KOM, "Freja Lund Poulsen", "120594-2005", "01.09.2026 - 30.09.2026",
                   [("P 01.09.2026 Timeløn, fast", "36,00", "150,00", "5.400,00 1"),
                    ("P 01.09.2026 Timeløn, vikar", "6,00", "150,00", "900,00 1")],
                   [("Bruttoløn i alt", "6.300,00"), ("ATP-bidrag", "-33,00"), ("AM-grundlag", "6.267,00"),
                    ("AM-bidrag", "-501,00"), ("A-skat", "-1.489,00"), ("Til udbetaling", "4.277,00")],
                   [("ATP arbejdsgiverandel", "66,00"), ("Feriegodtgørelse 12,5 %", "787,50"), ("Særlig feriegodtgørelse", "122,85")])
    subj = "Lønseddel september Freja"
    eml, mid = message(6, "ulla.moeller@albertslund.dk", "Ulla Møller", subj, "Mon, 05 Oct 2026 14:22:00 +0200",
                       [text_part(body), attach(slip, "Lønseddel september.pdf", "application/pdf")])
    case(6, "kantine-two-timeloen-rows", "No itemisation in the body; KMD payslip with two pay rows 'Timeløn, fast' and 'Timeløn, vikar'.",
         eml, mid, "ulla.moeller@albertslund.dk", subj, "2026-10-05T14:22:00+02:00",
         [mk({"employee.name": "Freja Lund Poulsen", "employee.cpr": "1205942005", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "42.00",
              "lines": {"salary": "6300.00", "atp": "66.00", "holiday_pay": "787.50", "special_holiday_allowance": "122.85"},
              "total": None, "payslip.gross": "6300.00", "payslip.am_basis": "6267.00", "payslip.am_bidrag": "501.00",
              "payslip.cpr": "1205942005", "payslip.period.start": "2026-09-01", "payslip.period.end": "2026-09-30",
              "payslip.hours.worked": "42.00"})],
         [{"period.start": "2026-09-01", "outcome": "approved", "approved": "7276.35", "codes": []}])

    # ---- 07 Q-04 September; "Sygedagpenge (arbejdsgiverperiode)" --------------------------
    # salary 30 x 158 = 4740.00; sick 12 x 158 = 1896.00; paid 42 h -> atp 66.00; holiday 12,5 % x 6636 = 829.50;
    # særlig 1,95 % x 6636 = 129.402 -> 129.40; total 4740+1896+66+829.50+129.40 = 7660.90.
    # spell 14.09-18.09, within days 1-30. cap 30 x 10/7 = 42.86 >= 42. payslip gross 6636, basis 6603, AM 528.24 -> 528.
    body = """Hej Økonomigruppen

Refusion for september for Thomas Vinther, cpr 150976-2003.
Børnehuset Roholmshaven, CVR 17648233
Periode: 01.09.2026 - 30.09.2026
Arbejdede timer: 30
Sygetimer: 12
Syg fra 14.09.2026 til og med 18.09.2026

Løn: 4.740,00
Sygedagpenge (arbejdsgiverperiode): 1.896,00
ATP: 66,00
Feriepenge: 829,50
Særlig feriegodtgørelse: 129,40
I alt: 7.660,90

Signe Dahl
"""
    slip = payslip(*ROH, "Thomas Vinther", "150976-2003", "01.09.2026 - 30.09.2026",
                   [("1000 Timeløn", "30,00", "158,00", "4.740,00"), ("1010 Sygeløn", "12,00", "158,00", "1.896,00")],
                   [("Bruttoløn i alt", "6.636,00"), ("ATP-bidrag", "-33,00"), ("AM-grundlag", "6.603,00"),
                    ("AM-bidrag", "-528,00"), ("A-skat", "-1.570,00"), ("Nettoløn", "4.505,00")],
                   [("8100 ATP arbejdsgiver", "66,00"), ("4420 Feriepenge 12,5 %", "829,50"), ("4623 Ferietillæg 1,95 %", "129,40")],
                   system="Visma DataLøn")
    subj = "Refusion september – Thomas Vinther (sygdom)"
    eml, mid = message(7, "signe.dahl@albertslund.dk", "Signe Dahl", subj, "Wed, 07 Oct 2026 09:05:00 +0200",
                       [text_part(body), attach(slip, "Lønseddel september Thomas.pdf", "application/pdf")])
    case(7, "roholm-sygedagpenge-arbejdsgiverperiode", "Sick pay written 'Sygedagpenge (arbejdsgiverperiode)', spell 'Syg fra ... til og med ...'.",
         eml, mid, "signe.dahl@albertslund.dk", subj, "2026-10-07T09:05:00+02:00",
         [mk({"employee.name": "Thomas Vinther", "employee.cpr": "1509762003", "employer.name": "Børnehuset Roholmshaven",
              "employer.cvr": "17648233", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "30.00",
              "hours.sick": "12.00", "sick.first_day": "2026-09-14", "sick.last_day": "2026-09-18",
              "lines": {"salary": "4740.00", "sick_pay": "1896.00", "atp": "66.00", "holiday_pay": "829.50",
                        "special_holiday_allowance": "129.40"},
              "total": "7660.90", "payslip.gross": "6636.00", "payslip.am_basis": "6603.00", "payslip.am_bidrag": "528.00",
              "payslip.cpr": "1509762003", "payslip.period.start": "2026-09-01", "payslip.period.end": "2026-09-30",
              "payslip.hours.worked": "30.00", "payslip.hours.sick": "12.00"})],
         [{"period.start": "2026-09-01", "outcome": "approved", "approved": "7660.90", "codes": []}])

    # ---- 08 Q-05 August; English-only mail, "DKK 6,545.00" --------------------------------
    # salary 38.5 x 170 = 6545.00; 38.5 h < 39 -> no ATP; holiday 6545 x 0.125 = 818.125 -> 818.13;
    # special 6545 x 0.0195 = 127.6275 -> 127.63; total 6545+818.13+127.63 = 7490.76.
    # cap Aug 31 x 9/7 = 39.86 >= 38.5. payslip gross 6545.00 = basis, AM 523.60 -> 524.
    body = """Dear Job Centre,

Please find attached the payslip for August 2026 for the refund under the "job with few paid hours" scheme.

Employee: Sara Nørgaard
Civil registration no. (CPR): 081185-2007
Employer: Albertslund Kommune
CVR no.: 29189919
Period: 1 August 2026 to 31 August 2026
Hours worked: 38.5

Wages: DKK 6,545.00
Holiday pay (12.5%): DKK 818.13
Special holiday allowance (1.95%): DKK 127.63
Total: DKK 7,490.76

Kind regards,
Mads Ebbesen
Head of Administration, Albertslund Music School
"""
    slip = payslip(*KOM, "Sara Nørgaard", "081185-2007", "01.08.2026 - 31.08.2026",
                   [("Timeløn", "38,50", "170,00", "6.545,00")],
                   [("Bruttoløn i alt", "6.545,00"), ("AM-grundlag", "6.545,00"), ("AM-bidrag", "-524,00"),
                    ("A-skat", "-1.560,00"), ("Til udbetaling", "4.461,00")],
                   [("Feriegodtgørelse 12,5 %", "818,13"), ("Særlig feriegodtgørelse", "127,63")])
    subj = "Refund claim August 2026 - Sara Nørgaard"
    eml, mid = message(8, "mads.ebbesen@albertslund.dk", "Mads Ebbesen", subj, "Fri, 04 Sep 2026 15:48:00 +0200",
                       [text_part(body), attach(slip, "Payslip August 2026.pdf", "application/pdf")])
    case(8, "musikskolen-english-only", "Mail written in English only; amounts as 'DKK 6,545.00', hours '38.5', period '1 August 2026 to 31 August 2026'.",
         eml, mid, "mads.ebbesen@albertslund.dk", subj, "2026-09-04T15:48:00+02:00",
         [mk({"employee.name": "Sara Nørgaard", "employee.cpr": "0811852007", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-08-01", "period.end": "2026-08-31", "hours.worked": "38.50",
              "lines": {"salary": "6545.00", "holiday_pay": "818.13", "special_holiday_allowance": "127.63"},
              "total": "7490.76", "payslip.gross": "6545.00", "payslip.am_basis": "6545.00", "payslip.am_bidrag": "524.00",
              "payslip.cpr": "0811852007", "payslip.period.start": "2026-08-01", "payslip.period.end": "2026-08-31",
              "payslip.hours.worked": "38.50"})],
         [{"period.start": "2026-08-01", "outcome": "approved", "approved": "7490.76", "codes": []}])

    # ---- 09 meeting invitation with .ics: not a claim --------------------------------------
    ics = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:ho5-09-meeting@albertslund.dk\r
DTSTAMP:20261112T090000Z\r
DTSTART:20261201T090000Z\r
DTEND:20261201T100000Z\r
SUMMARY:Opfølgning: refusion og lønsedler – job på få lønnede timer\r
LOCATION:Rådhuset, mødelokale 2\r
ORGANIZER;CN=Ulla Møller:mailto:ulla.moeller@albertslund.dk\r
END:VEVENT\r
END:VCALENDAR\r
""".encode("utf-8")
    body = """Hej Økonomigruppen

Jeg inviterer til et kort møde om refusion for Freja Lund Poulsen (cpr 120594-2005) og
hvordan vi sender lønsedler fremover. Løn for oktober: kr. 6.300, som aftalt.

Mødet: tirsdag 1. december 2026 kl. 10.00-11.00, Rådhuset, mødelokale 2.

Mvh Ulla Møller
"""
    subj = "Invitation: Opfølgning refusion og lønsedler @ tir 1. dec. 2026 10:00 - 11:00"
    eml, mid = message(9, "ulla.moeller@albertslund.dk", "Ulla Møller", subj, "Thu, 12 Nov 2026 10:00:00 +0100",
                       [text_part(body), attach(ics, "invite.ics", "text/calendar; method=REQUEST; charset=utf-8")])
    case(9, "kantine-meeting-invitation-ics", "A meeting invitation (.ics attached) that mentions refusion, a CPR and an amount: not a claim.",
         eml, mid, "ulla.moeller@albertslund.dk", subj, "2026-11-12T10:00:00+01:00", [],
         [{"period.start": None, "outcome": "not_a_claim", "approved": None, "codes": ["NOT_A_CLAIM"]}], problems=["NOT_A_CLAIM"])

    # ---- 10 Q-03 September; no itemisation; payslip has a "Feriepengeforpligtelse, saldo" row --------
    # salary 28 x 145 = 4060.00; holiday 12,5 % = 507.50; særlig 1,95 % x 4060 = 79.17; no ATP (<39 h).
    # the saldo row (3.211,45) is a balance, never a line. approved 4060+507.50+79.17 = 4646.67.
    # cap Sept 30 x 8/7 = 34.29 >= 28. payslip basis 4060.00, AM 324.80 -> 325.
    body = """Hej

Vedhæftet lønseddel for september for Ida Marie Holm, cpr 270799-2002, til refusion.
Albertslund Kommune, CVR 29189919. Periode 01.09.2026-30.09.2026.

Karin Holt
"""
    slip = payslip(*KOM, "Ida Marie Holm", "270799-2002", "01.09.2026 - 30.09.2026",
                   [("Timeløn", "28,00", "145,00", "4.060,00")],
                   [("Bruttoløn i alt", "4.060,00"), ("AM-grundlag", "4.060,00"), ("AM-bidrag", "-325,00"),
                    ("A-skat", "-900,00"), ("Til udbetaling", "2.835,00")],
                   [("Feriegodtgørelse 12,5 %", "507,50"), ("Særlig feriegodtgørelse", "79,17")],
                   extra_block=("Saldi", [("Feriepengeforpligtelse, saldo", "3.211,45"), ("Feriepenge (udbetales ikke)", "507,50")]))
    subj = "Lønseddel sept. Ida Marie Holm"
    eml, mid = message(10, "karin.holt@albertslund.dk", "Karin Holt", subj, "Tue, 06 Oct 2026 12:00:00 +0200",
                       [text_part(body), attach(slip, "Lønseddel sept.pdf", "application/pdf")])
    case(10, "albertshoej-feriepengeforpligtelse-saldo", "No itemisation; payslip has a 'Saldi' block with 'Feriepengeforpligtelse, saldo' and 'Feriepenge (udbetales ikke)': not claim lines.",
         eml, mid, "karin.holt@albertslund.dk", subj, "2026-10-06T12:00:00+02:00",
         [mk({"employee.name": "Ida Marie Holm", "employee.cpr": "2707992002", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-09-01", "period.end": "2026-09-30", "hours.worked": "28.00",
              "lines": {"salary": "4060.00", "holiday_pay": "507.50", "special_holiday_allowance": "79.17"},
              "total": None, "payslip.gross": "4060.00", "payslip.am_basis": "4060.00", "payslip.am_bidrag": "325.00",
              "payslip.cpr": "2707992002", "payslip.period.start": "2026-09-01", "payslip.period.end": "2026-09-30",
              "payslip.hours.worked": "28.00"})],
         [{"period.start": "2026-09-01", "outcome": "approved", "approved": "4646.67", "codes": []}])

    # ---- 11 Q-05 "16.09.–16.10.2026": one day too long -> PERIOD_TOO_LONG ------------------
    # start + 1 month - 1 day = 15.10 < 16.10 -> PERIOD_TOO_LONG (manual_review, approved 0.00).
    # cap 31 days x 9/7 = 39.86 >= 38. 38 h < 39 -> no ATP. salary 38 x 170 = 6460.00; holiday 807.50;
    # særlig 6460 x 0,0195 = 125.97; total 6460+807.50+125.97 = 7393.47. AM basis 6460, AM 516.80 -> 517.
    body = """Hej

Refusion, job på få lønnede timer

Navn: Sara Nørgaard
CPR: 081185-2007
Albertslund Kommune CVR 29189919
Periode: 16.09.–16.10.2026
Timer: 38

Løn 6460,-
Feriepenge 807,50
Særlig feriegodtgørelse 125,97
I alt 7.393,47

Mads Ebbesen, Musikskolen
"""
    slip = payslip(*KOM, "Sara Nørgaard", "081185-2007", "16.09.2026 - 16.10.2026",
                   [("Timeløn", "38,00", "170,00", "6.460,00")],
                   [("Bruttoløn i alt", "6.460,00"), ("AM-grundlag", "6.460,00"), ("AM-bidrag", "-517,00"),
                    ("A-skat", "-1.530,00"), ("Til udbetaling", "4.413,00")],
                   [("Feriegodtgørelse 12,5 %", "807,50"), ("Særlig feriegodtgørelse", "125,97")])
    subj = "Refusion 16.09.-16.10. Sara Nørgaard"
    eml, mid = message(11, "mads.ebbesen@albertslund.dk", "Mads Ebbesen", subj, "Mon, 19 Oct 2026 08:15:00 +0200",
                       [text_part(body), attach(slip, "Lønseddel 16.09-16.10.pdf", "application/pdf")])
    case(11, "musikskolen-period-one-day-too-long", "Period '16.09.–16.10.2026' ends one day after start + 1 month - 1 day: PERIOD_TOO_LONG; salary as '6460,-'.",
         eml, mid, "mads.ebbesen@albertslund.dk", subj, "2026-10-19T08:15:00+02:00",
         [mk({"employee.name": "Sara Nørgaard", "employee.cpr": "0811852007", "employer.name": "Albertslund Kommune",
              "employer.cvr": "29189919", "period.start": "2026-09-16", "period.end": "2026-10-16", "hours.worked": "38.00",
              "lines": {"salary": "6460.00", "holiday_pay": "807.50", "special_holiday_allowance": "125.97"},
              "total": "7393.47", "payslip.gross": "6460.00", "payslip.am_basis": "6460.00", "payslip.am_bidrag": "517.00",
              "payslip.cpr": "0811852007", "payslip.period.start": "2026-09-16", "payslip.period.end": "2026-10-16",
              "payslip.hours.worked": "38.00"})],
         [{"period.start": "2026-09-16", "outcome": "manual_review", "approved": "0.00", "codes": ["PERIOD_TOO_LONG"]}])


if __name__ == "__main__":
    build()
