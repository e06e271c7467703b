"""A payslip drawn in a random layout from the families of ../shared/PAYSLIPS.md, and wider:
column orders, titles known and unknown (or none), number formats, identity blocks anywhere."""

from __future__ import annotations

import random
from decimal import Decimal

from tests.fixtures.payslip_docs import Text, pdf, row
from tests.generator import numbers
from tests.generator.truth import Truth

SICK_LABELS = ["Løn under sygdom", "Sygeløn", "Syg m. løn", "Sygdom med løn", "Sick pay"]
PAY_LABELS = ["Timeløn", "Løn", "Grundløn", "Normaltimer", "Ordinær løn", "Timelønnede timer", "Gage", "Hourly pay", "Løn, timer"]
TITLES = {
    "units": ["Antal", "Timer", "Enheder", "Mængde", "Qty", "Hours", "Timer/stk", ""],
    "rate": ["Sats", "Timeløn", "Enhedspris", "Rate", "Pr. enhed", ""],
    "amount": ["Beløb", "Periode", "I perioden", "Denne periode", "Periodebeløb", "Amount", "Denne md.", "Beløb kr.", ""],
    "ytd": ["År til dato", "Akkumuleret", "Saldo", "Årsbeløb", "Løbende år", "YTD", "Year-to-date", ""],
}
LABELS = {  # each row's label family, Danish and English, as payroll systems print them
    "gross": ["Bruttoløn", "Bruttoløn i alt", "Brutto", "Gross pay", "Bruttoindkomst", "Samlet løn"],
    "atp_employee": ["ATP-bidrag, eget", "ATP medarbejder", "ATP egenbidrag", "ATP employee"],
    "pension_employee": ["Pension, eget bidrag", "Pension medarbejderandel", "Egenbidrag pension"],
    "am_basis": ["AM-grundlag", "AM-bidragsgrundlag", "AM-indkomst", "AM basis"],
    "am": ["AM-bidrag", "AM-bidrag 8%", "Arbejdsmarkedsbidrag", "AM contribution"],
    "a_skat": ["A-skat", "A-skat 37%", "Tax (A-skat)"],
    "net": ["Til udbetaling", "Nettoløn", "Udbetalt", "Net pay"],
    "atp": ["ATP, arbejdsgiver", "ATP arbejdsgiverandel", "ATP-bidrag firma", "ATP employer"],
    "holiday_pay": ["Feriepenge 12,5%", "Feriegodtgørelse", "Feriegodtgørelse 12,5 %", "Holiday pay"],
    "special_holiday_allowance": ["Særlig feriegodtgørelse", "Særlig feriegodtgørelse 1,95%", "Ferietillæg"],
    "pension": ["Pension, arbejdsgiverbidrag", "Pension firmabidrag", "Arbejdsgiverpension", "Pension employer"],
}
CPR_LABELS = ["CPR-nr.", "CPR:", "Personnummer", "Personnr.:", "Cpr.nr.:", "CPR no.:", ""]
NAME_STYLES = ["bare", "label", "number"]


def draw(t: Truth, rng: random.Random) -> tuple[bytes, dict[str, str]]:
    """The PDF and the layout choices made (for the report's families)."""
    fmt = rng.choice(numbers.FORMATS)
    minus = rng.choice(["leading", "trailing"])
    roles = ["units", "rate", "amount"] + (["ytd"] if rng.random() < 0.6 else [])
    if rng.random() < 0.3:
        rng.shuffle(roles)
    titles = {r: rng.choice(TITLES[r]) for r in roles}
    if rng.random() < 0.15:
        titles = dict.fromkeys(roles, "")
    identity_at = rng.choice(["top_left", "top_right", "footer"])
    name_style = rng.choice(NAME_STYLES)
    period_family, period_text = numbers.period(t.start, t.end, rng)
    layout = {"format": fmt, "minus": minus, "order": "/".join(roles), "titles": "none" if not any(titles.values()) else "some",
              "employer_block": identity_at, "name": name_style, "period": period_family}  # fmt: skip

    page: list[Text] = []
    ex, ey = (40, 40) if identity_at == "top_left" else (360, 40) if identity_at == "top_right" else (40, 770)
    cvr_label = rng.choice(["CVR", "CVR-nr.", "CVR-nr.:", "SE-nr.", "CVR nummer"])
    block = [t.employer] + ([t.workplace] if t.employer.endswith("Kommune") and rng.random() < 0.5 else [])
    if rng.random() < 0.4:
        block.reverse()  # the workplace over its legal employer
    if identity_at == "footer":
        page.append(Text(ex, ey, f"{t.employer} · Nordmarks Allé 1 · 2620 Albertslund · {cvr_label} {numbers.cvr(t.cvr, rng)}", size=7))
        if len(block) > 1:
            page.append(Text(40, 40, t.workplace))
    else:
        lines = [*block, "Nordmarks Allé 1", "2620 Albertslund", f"{cvr_label} {numbers.cvr(t.cvr, rng)}"]
        page += [Text(ex, ey + 12 * i, text) for i, text in enumerate(lines)]
    tx = 360 if identity_at != "top_right" else 40
    page.append(Text(tx, 40, rng.choice(["Lønseddel", "LØNSEDDEL", "Lønspecifikation", "Payslip"])))
    page.append(Text(tx, 54, f"{rng.choice(['Lønperiode', 'Periode', 'Afregningsperiode', 'Pay period'])}: {period_text}"))
    page.append(Text(tx, 68, f"Dispositionsdato: {t.end:%d.%m.%Y}"))
    cpr_text = numbers.cpr(t.cpr, rng)
    cpr_label = rng.choice(CPR_LABELS)
    if cpr_label == "" and "-" not in cpr_text:
        cpr_text = f"{t.cpr[:6]}-{t.cpr[6:]}"  # no label: a reader can still tell a CPR by its dash
    person = {
        "bare": [t.name, "Skolevej 4", "2620 Albertslund", f"{cpr_label} {cpr_text}".strip()],
        "label": [f"Navn: {t.name}", f"{cpr_label or 'CPR:'} {cpr_text}", "Skolevej 4, 2620 Albertslund"],
        "number": [f"Medarbejder {rng.randrange(10, 9999)} {t.name}", f"{cpr_label or 'CPR-nr.'} {cpr_text}"],
    }[name_style]
    py = 130 if identity_at != "footer" else 100
    page += [Text(40, py + 12 * i, text) for i, text in enumerate(person)]
    if rng.random() < 0.3:
        page.append(Text(360, py, f"Telefon 43 68 {rng.randrange(10, 99)} {rng.randrange(10, 99)}"))  # a distractor number

    xs = {role: 300 + 70 * i for i, role in enumerate(roles)}
    y = py + 70
    page += row(y, (40, "Tekst"), *[(xs[r], titles[r], "r") for r in roles if titles[r]])

    def money_row(label: str, value: Decimal, units: Decimal | None = None, rate: Decimal | None = None) -> None:
        nonlocal y
        y += 14
        cells = {"units": numbers.hours(units, fmt) if units is not None else "",
                 "rate": numbers.amount(rate, fmt) if rate is not None else "",
                 "amount": numbers.amount(value, fmt, minus=minus),
                 "ytd": numbers.amount(value * t.months_so_far, fmt, minus=minus)}  # fmt: skip
        page.extend(row(y, (40, label), *[(xs[r], cells[r], "r") for r in roles if cells[r]]))

    money_row(rng.choice(PAY_LABELS), t.salary, t.hours, t.rate)
    if t.sick_pay:
        money_row(rng.choice(SICK_LABELS), t.sick_pay, t.sick_hours, t.rate)
    layout["gross"] = "yes" if rng.random() < 0.8 else "no"
    if layout["gross"] == "yes":
        money_row(rng.choice(LABELS["gross"]), t.gross)
    if t.atp_employee:
        money_row(rng.choice(LABELS["atp_employee"]), -t.atp_employee)
    if t.pension_employee:
        money_row(rng.choice(LABELS["pension_employee"]), -t.pension_employee)
    layout["am_basis"] = "yes" if rng.random() < 0.6 else "no"
    if layout["am_basis"] == "yes":
        money_row(rng.choice(LABELS["am_basis"]), t.am_basis)
    money_row(rng.choice(LABELS["am"]), -t.am_bidrag)
    money_row(rng.choice(LABELS["a_skat"]), -t.a_skat)
    money_row(rng.choice(LABELS["net"]), t.net)
    y += 20
    page.append(Text(40, y, rng.choice(["Arbejdsgiverbetalte bidrag", "Arbejdsgiverens bidrag", "Employer contributions"])))
    for kind in ("atp", "holiday_pay", "special_holiday_allowance", "pension"):
        value = getattr(t, {"special_holiday_allowance": "special"}.get(kind, kind))
        if value > 0:
            money_row(rng.choice(LABELS[kind]), value)
    return pdf([page]), layout
