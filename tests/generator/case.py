"""One generated claim email and the truth it states."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape

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
        "hours.sick": f"{t.sick_hours:.2f}" if t.sick_hours else None,
        "lines": {k: f"{v:.2f}" for k, v in t.lines.items()},
        "total": f"{t.total:.2f}" if "total" in stated else None,
        "payslip.am_bidrag": f"{t.am_bidrag:.2f}",
    }  # fmt: skip
    if layout["gross"] == "yes":
        out["payslip.gross"] = f"{t.gross:.2f}"
    if layout["am_basis"] == "yes":
        out["payslip.am_basis"] = f"{t.am_basis:.2f}"
    return out


def _html(b: body.Body, as_table: bool) -> str:
    """The mail as Outlook sends it: paragraphs, the cost rows as a table when `as_table`."""
    rows = {f"{label}": amount for label, amount in b.rows}
    out, table_open = ["<html><body>"], False
    for line in b.text.split("\n"):
        label = next((lb for lb in rows if as_table and line.startswith(lb) and line.rstrip().endswith(rows[lb])), None)
        if label is not None:
            if not table_open:
                out.append('<table border="0" cellpadding="2">')
                table_open = True
            out.append(f"<tr><td>{escape(label)}</td><td align=\"right\">{escape(rows[label])}</td></tr>")
            continue
        if table_open:
            out.append("</table>")
            table_open = False
        out.append(f"<p>{escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>")
    return "".join(out) + ("</table>" if table_open else "") + "</body></html>"


def _forwarded(text: str, rng: random.Random) -> str:
    """The claim forwarded by a colleague: a line of their own above the original mail."""
    header = rng.choice(["---------- Videresendt besked ----------", "-----Oprindelig meddelelse-----", "Begin forwarded message:"])
    return (f"{rng.choice(['Videresender til refusion.', 'Se nedenfor.', 'FYI – til refusion'])}\n\nMvh Jette\n\n{header}\n"
            f"Fra: Lene Bach <lene.bach@albertslund.dk>\nDato: 2. oktober 2026 09:14\nEmne: Refusion\nTil: Jette <jette@albertslund.dk>\n\n"
            + text)  # fmt: skip


def generate(seed: int) -> Case:
    rng = random.Random(seed)
    t = draw(rng)
    document, layout = payslip.draw(t, rng)
    b = body.draw(t, rng)
    phrasing = dict(b.families)
    text = b.text
    phrasing["forwarded"] = "yes" if rng.random() < 0.12 else "no"
    if phrasing["forwarded"] == "yes":
        text = _forwarded(text, rng)
    msg = EmailMessage()
    msg["From"] = f"{rng.choice(['lene.bach', 'hr', 'leder', 'per.lindqvist'])}@{rng.choice(['albertslund.dk', 'plejeblokken.dk'])}"
    msg["To"] = "jobcenter@albertslund.dk"
    subjects = ["Refusion", "Refusion {m}", "Lønseddel {m}", "Refusionsanmodning – {m}", "SV: refusion", "VS: Refusion"]
    msg["Subject"] = rng.choice(subjects).format(m=f"{t.start:%m}/{t.start.year}")
    msg["Message-ID"] = f"<gen-{seed}@generator.test>"
    msg["Date"] = format_datetime(dt.datetime(t.end.year, t.end.month, t.end.day, 10, 0, tzinfo=dt.UTC) + dt.timedelta(days=3))
    phrasing["html"] = rng.choice(["no", "no", "no", "paragraphs", "table", "html_only"])
    if phrasing["html"] == "html_only":
        msg.set_content(_html(body.Body(text, b.rows), as_table=True), subtype="html")
    else:
        msg.set_content(text)
        if phrasing["html"] != "no":
            msg.add_alternative(_html(body.Body(text, b.rows), phrasing["html"] == "table"), subtype="html")
    filename = rng.choice(["lonseddel.pdf", "Lønseddel.pdf", "scan001.pdf"])
    msg.add_attachment(document, maintype="application", subtype="pdf", filename=filename)
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"gen-{seed}-{n}-boundary")  # the same seed, the same bytes
    return Case(seed, msg.as_bytes(), _expected(t, layout, b.states), layout | phrasing)
