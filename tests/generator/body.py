"""The email a workplace writes: itemising, or only a covering note, in many phrasings, with
greetings, signatures that hold distractor numbers, and sometimes an older mail quoted below."""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal

from tests.generator import numbers
from tests.generator.truth import MONTHS_DA, Truth

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

LINE_LABELS = {
    "salary": ["Løn", "Lønudgift", "Timeløn", "Løn i perioden", "Salary", "Bruttoløn"],
    "sick_pay": ["Sygeløn", "Løn under sygdom", "Syg m. løn", "Sick pay"],
    "atp": ["ATP", "ATP arbejdsgiverandel", "ATP-bidrag"],
    "holiday_pay": ["Feriepenge", "Feriegodtgørelse 12,5 %", "Feriepenge (12,5%)", "Holiday pay"],
    "special_holiday_allowance": ["Særlig feriegodtgørelse", "Særlig feriegodtgørelse 1,95 %", "Ferietillæg"],
    "pension": ["Pension", "Pension (arbejdsgiver)", "Arbejdsgiverpension"],
}
TOTAL_LABELS = ["I alt", "Total", "Samlet", "I alt til refusion", "Refusion i alt", "Samlet beløb"]
COVER_EN = ["Please find attached the payslip for {month} for refund.", "Attached is the payslip for {month}; we apply for the refund."]
COVER = ["Hermed lønseddel for {month} til refusion.", "Vedhæftet lønseddel for {month}.", "Se vedhæftede lønseddel ({month}).",
         "Hej, her er lønsedlen for {month} – vi søger refusion.", "Lønseddel for {month} vedhæftet til refusion."]  # fmt: skip
GREETINGS = ["Hej", "Hej Økonomigruppen", "Kære Jobcenter", "Til Økonomigruppen", "Goddag"]
SIGNOFFS = ["Venlig hilsen", "Mvh", "Med venlig hilsen", "Vh", "De bedste hilsner"]


def _money(value: Decimal, rng: random.Random, fmt: str) -> str:
    text = numbers.amount(value, fmt)
    return rng.choice([f"{text} kr.", f"kr. {text}", f"{text} kr", text, f"DKK {text}"])


@dataclass
class Body:
    """The text a workplace wrote, the cost rows in it (an HTML mail shows them as a table),
    its phrasing families and the fields it states."""

    text: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    families: dict[str, str] = field(default_factory=dict)
    states: set[str] = field(default_factory=set)


def draw(t: Truth, rng: random.Random) -> Body:
    month = f"{MONTHS_DA[t.start.month - 1]} {t.start.year}"
    kind = rng.choice(["cover", "cover", "cover_en", "itemised", "itemised", "itemised_total", "sentence"])
    fmt = rng.choice(["danish", "danish", "danish_plain", "danish_space", "english"]) if not kind.startswith("cover") else "danish"
    rows: list[tuple[str, str]] = []
    states: set[str] = set()
    parts = [rng.choice(GREETINGS), ""]
    cpr = rng.choice([f"{t.cpr[:6]}-{t.cpr[6:]}", f"{t.cpr[:6]}-{t.cpr[6:]}", f"{t.cpr[:6]} {t.cpr[6:]}"])
    # bare ten digits are written only on payslips: in a body they could be any number
    if kind == "cover":
        parts.append(rng.choice(COVER).format(month=month))
    elif kind == "cover_en":
        parts[0] = rng.choice(["Dear Jobcenter", "Hi", "Hello Økonomigruppen"])
        parts.append(rng.choice(COVER_EN).format(month=f"{MONTHS_EN[t.start.month - 1]} {t.start.year}"))
    elif kind == "sentence":
        words = {"salary": "lønudgiften er", "sick_pay": "løn under sygdom", "atp": "ATP", "holiday_pay": "feriepenge",
                 "special_holiday_allowance": "særlig feriegodtgørelse", "pension": "pension"}  # fmt: skip
        said = [f"{words[k]} {_money(v, rng, fmt)}" for k, v in t.lines.items()]
        listed = ", ".join(said[:-1]) + (" og " + said[-1] if len(said) > 1 else said[0])
        sentence = f"Vi søger refusion for {t.name} ({cpr}) for {month}: {listed}."
        width = rng.choice([0, 0, 50, 60, 72])  # a mail client that wraps long lines
        parts.extend(textwrap.wrap(sentence, width, break_long_words=False, break_on_hyphens=False) if width else [sentence])
        states |= {"employee.name", "employee.cpr"} | {f"lines.{k}" for k in t.lines}
    else:
        parts.append(rng.choice([f"Refusion for {t.name}, CPR {cpr}, {month}:", f"Medarbejder: {t.name}\nCPR: {cpr}\nPeriode: {month}"]))
        parts.append("")
        sep = rng.choice([": ", " ", "\t", ": ....... "])
        for key, value in t.lines.items():
            rows.append((rng.choice(LINE_LABELS[key]), _money(value, rng, fmt)))
            states.add(f"lines.{key}")
        if kind == "itemised_total":
            rows.append((rng.choice(TOTAL_LABELS), _money(t.total, rng, fmt)))
            states.add("total")
        parts += [f"{label}{sep}{amount}" for label, amount in rows]
        states |= {"employee.name", "employee.cpr"}
    parts += ["", rng.choice(SIGNOFFS), rng.choice(["Lene Bach", "Per Lindqvist", "Hanne Ravn"]), t.workplace]
    if rng.random() < 0.5:
        parts.append(rng.choice([f"Tlf. 43 68 {rng.randrange(10, 99)} {rng.randrange(10, 99)}", "Blokken 52, 2620 Albertslund",
                                 f"EAN 5798000{rng.randrange(100000, 999999)}", f"Mobil {rng.randrange(20000000, 99999999)}"]))  # fmt: skip
    quoted = rng.random() < 0.2
    if quoted:  # last month's claim quoted below: its figures must not be read as this month's
        parts += ["", f"Den 3. {MONTHS_DA[(t.start.month - 2) % 12]} 2026 kl. 10:12 skrev {parts[-2] if len(parts) > 2 else 'Lene'}:",
                  f"> Hermed refusion for {MONTHS_DA[(t.start.month - 2) % 12]}.", f"> Løn: {numbers.amount(t.salary + 123, 'danish')} kr.",
                  f"> I alt: {numbers.amount(t.total + 200, 'danish')} kr."]  # fmt: skip
    return Body("\n".join(parts) + "\n", rows, {"body": kind, "body_format": fmt, "quoted": "yes" if quoted else "no"}, states)
