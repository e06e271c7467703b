"""One generated claim email and the truth it states."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from tests.generator import body, payslip
from tests.generator.truth import Truth, draw


@dataclass(frozen=True)
class Case:
    seed: int
    raw: bytes
    truth: dict[str, object]  # the eval corpus's field names (../shared/corpus/cases/*/expected.json)
    families: dict[str, str]  # which layout and phrasing was drawn, for the report


def _expected(t: Truth, layout: dict[str, str], stated: set[str]) -> dict[str, object]:
    out: dict[str, object] = {
        "employee.name": t.name, "employee.cpr": t.cpr, "employer.name": t.employer, "employer.cvr": t.cvr,
        "period.start": t.start.isoformat(), "period.end": t.end.isoformat(), "hours.worked": f"{t.hours:.2f}",
        "lines": {k: f"{v:.2f}" for k, v in t.lines.items()},
        "total": f"{t.total:.2f}" if "total" in stated else None,
        "payslip.am_bidrag": f"{t.am_bidrag:.2f}",
    }  # fmt: skip
    if layout["gross"] == "yes":
        out["payslip.gross"] = f"{t.salary:.2f}"
    if layout["am_basis"] == "yes":
        out["payslip.am_basis"] = f"{t.am_basis:.2f}"
    return out


def generate(seed: int) -> Case:
    rng = random.Random(seed)
    t = draw(rng)
    document, layout = payslip.draw(t, rng)
    text, phrasing, stated = body.draw(t, rng)
    msg = EmailMessage()
    msg["From"] = f"{rng.choice(['lene.bach', 'hr', 'leder', 'per.lindqvist'])}@{rng.choice(['albertslund.dk', 'plejeblokken.dk'])}"
    msg["To"] = "jobcenter@albertslund.dk"
    msg["Subject"] = rng.choice(["Refusion", "Refusion {m}", "Lønseddel {m}", "Refusionsanmodning – {m}", "SV: refusion"]).format(
        m=f"{t.start:%m}/{t.start.year}")  # fmt: skip
    msg["Message-ID"] = f"<gen-{seed}@generator.test>"
    msg["Date"] = format_datetime(dt.datetime(t.end.year, t.end.month, t.end.day, 10, 0, tzinfo=dt.UTC) + dt.timedelta(days=3))
    if rng.random() < 0.25:
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
        msg.set_content(text)
        msg.add_alternative(html, subtype="html")
        phrasing["html"] = "yes"
    else:
        msg.set_content(text)
        phrasing["html"] = "no"
    filename = rng.choice(["lonseddel.pdf", "Lønseddel.pdf", "scan001.pdf"])
    msg.add_attachment(document, maintype="application", subtype="pdf", filename=filename)
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"gen-{seed}-{n}-boundary")  # the same seed, the same bytes
    return Case(seed, msg.as_bytes(), _expected(t, layout, stated), layout | phrasing)
