"""What each number column of a payslip table holds, from its title and from the arithmetic.

Payroll systems title their columns in many ways ("Beløb", "Periodebeløb", "Denne md.",
"Amount DKK"; "År til dato", "Årsbeløb", "Løbende år", "Year-to-date"), put them in any order,
and some print no titles at all. Two facts hold on every payslip whatever the titles:

- **units × rate = amount** on a pay row (``Timeløn 32,50 150,00 4.875,00``): the product is
  the month's amount, its factors the hours and the hourly rate (the larger factor is the rate:
  a job with few hours has at most ~43 hours a month and a rate of ≥ 110 kr.);
- **year to date ≥ this month** on every row: a column that is never smaller than another and
  larger somewhere holds the sums since January (it includes this month).

`roles` proposes a role for every column from its title (if the title is one we know the stem
of) and from those identities; the title wins where it speaks, the arithmetic decides where it
is silent. The chosen roles say how they were found (`why`), which the payslip reader keeps as
the evidence of its reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from claims.money import parse_number
from parsers.layout import TextLine, Word

AMOUNT, YTD, UNITS, RATE, OTHER = "amount", "ytd", "units", "rate", "other"

# Title stems, tried in this order: "Årsbeløb" is a year's sum before it is an amount, "Beløb år
# til dato" too; "Forrige periode" is history before it is a period.
_TITLE_ROLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)forrige|sidste|previous|last\s+period"), OTHER),
    (re.compile(r"(?i)år\s*til\s*dato|årsbeløb|\bår\b|\båret\b|akk|hidtil|saldo|ytd|year|løbende|ferieår|optjent|i\s*år\b"), YTD),
    (re.compile(r"(?i)sats|pris|\brate\b|timeløn|\bpr\.?(?:\s|$)|^á$|^a$"), RATE),
    (re.compile(r"(?i)antal|mængde|timer|\benh|\bstk|qty|quantity|hours|units"), UNITS),
    (re.compile(r"(?i)grundlag|basis|%|procent"), OTHER),
    (
        re.compile(
            r"(?i)beløb|periode|måned|\bmd\b|amount|current|this|udbetalt|\bkr\b|dkk|denne|i\s*alt|total|fradrag|"
            r"tillæg|\(\+\)|\(-\)"
        ),
        AMOUNT,
    ),
)
_ALIGN = 8.0  # points: numbers whose right edges lie this close stand in one column


@dataclass(frozen=True, slots=True)
class Column:
    """One column of numbers: where its right edge stands, what it holds and why we think so."""

    x1: float
    role: str
    why: str


@dataclass(frozen=True, slots=True)
class Roles:
    columns: tuple[Column, ...]

    def of(self, word: Word) -> Column | None:
        best = min(self.columns, key=lambda c: abs(c.x1 - word.x1), default=None)
        return best if best is not None and abs(best.x1 - word.x1) <= _ALIGN * 1.5 else None

    def pick(self, words: Sequence[Word], role: str) -> Word | None:
        mine = [w for w in words if (c := self.of(w)) is not None and c.role == role]
        return mine[0] if mine else None

    @property
    def decided(self) -> bool:
        return any(c.role == AMOUNT for c in self.columns)


def title_role(title: str) -> str | None:
    for pattern, role in _TITLE_ROLES:
        if pattern.search(title):
            return role
    return None


def _value(word: Word) -> Decimal | None:
    value = parse_number(word.text.strip("()"))
    return abs(value) if value is not None else None


def _cluster(rows: Sequence[Sequence[Word]]) -> list[list[tuple[int, Word]]]:
    """Numbers grouped by their right edge (amounts are right-aligned on every payslip we know)."""
    placed = sorted(((i, w) for i, row in enumerate(rows) for w in row), key=lambda iw: iw[1].x1)
    clusters: list[list[tuple[int, Word]]] = []
    for item in placed:
        if clusters and item[1].x1 - clusters[-1][-1][1].x1 <= _ALIGN:
            clusters[-1].append(item)
        else:
            clusters.append([item])
    return clusters


def _span(cluster: list[tuple[int, Word]]) -> tuple[float, float]:
    return min(w.x0 for _, w in cluster) - 12, max(w.x1 for _, w in cluster) + 4


def _titles(clusters: list[list[tuple[int, Word]]], header: Sequence[Word]) -> list[str]:
    """The title over each column: the header cells that stand over it and over no other column
    (a cell over two columns is a block's title, "Løn og fradrag", not a column's)."""
    spans = [_span(c) for c in clusters]
    titles = [""] * len(clusters)
    for cell in TextLine(0, tuple(header)).cells():
        over = [k for k, (x0, x1) in enumerate(spans) if cell[-1].x1 >= x0 and cell[0].x0 <= x1]
        if len(over) == 1:
            titles[over[0]] = " ".join(filter(None, (titles[over[0]], " ".join(w.text for w in cell))))
    return titles


def roles(rows: Sequence[Sequence[Word]], header: Sequence[Word] = (), *, year_block: bool = False) -> Roles:
    """The role of every number column in a table (module docstring). `rows` are the numbers of
    each row, `header` the words of the line that titles the table (may be empty); under a
    block's title "År til dato" (`year_block`) a column is the year's unless titled otherwise."""
    clusters = _cluster(rows)
    n = len(clusters)
    if n == 0:
        return Roles(())
    x1 = [sum(w.x1 for _, w in c) / len(c) for c in clusters]
    values: list[dict[int, Decimal]] = [{i: v for i, w in c if (v := _value(w)) is not None} for c in clusters]
    role: list[str | None] = [title_role(t) for t in _titles(clusters, header)]
    why = ["title" if r else "" for r in role]
    if year_block and not any(role):  # the title stands over the labels: it names the block, not a column
        role, why = [r or YTD for r in role], [w or "under the title of a block of the year's sums" for w in why]
    # units × rate = amount, on any row; where a row has several such products (4 hours and 4
    # months: 4 × the month's amount = the year's) the smallest is the month's, and a titled
    # column keeps its title's part
    factors: dict[int, int] = {}
    products: dict[int, int] = {}
    for r in range(len(rows)):
        present = [k for k in range(n) if r in values[k] and values[k][r] > 0]
        found = []
        for a in present:
            for b in present:
                for c in present:
                    va, vb, vc = values[a][r], values[b][r], values[c][r]
                    if (
                        a < b
                        and c not in (a, b)
                        and role[a] not in (AMOUNT, YTD)
                        and role[b] not in (AMOUNT, YTD)
                        and role[c] in (None, AMOUNT)
                        and abs(va * vb - vc) <= max(Decimal("1.00"), vc * Decimal("0.005"))
                    ):
                        found.append((vc, a, b, c))  # fmt: skip
        if found:
            _, a, b, c = min(found)
            big, small = (a, b) if values[a][r] >= values[b][r] else (b, a)
            factors[big] = factors.get(big, 0) + 1  # counted as rate
            factors[small] = factors.get(small, 0) - 1  # counted as units
            products[c] = products.get(c, 0) + 1
    for k in range(n):
        if role[k] is None and k in factors:
            role[k], why[k] = (RATE if factors[k] > 0 else UNITS), "units × rate = amount"
    # year to date ≥ this month, among the columns that hold money
    money = [k for k in range(n) if role[k] in (None, AMOUNT, YTD)]
    dominates: dict[int, set[int]] = {k: set() for k in money}
    for a in money:
        for b in money:
            shared = [r for r in values[a] if r in values[b]]
            if (
                a != b
                and len(shared) >= 2
                and all(values[b][r] + Decimal("0.005") >= values[a][r] for r in shared)
                and any(values[b][r] > values[a][r] + 1 for r in shared)
            ):
                dominates[b].add(a)
    for k in money:
        if role[k] is None and dominates[k]:
            role[k], why[k] = YTD, "never smaller than another column: the year's sum"
    open_ = [k for k in money if role[k] is None]
    if not any(role[k] == AMOUNT for k in range(n)) and open_:
        # the month's amounts: the column that is the product on a pay row, else the one nothing
        # is smaller than, else (one column only) the one there is
        month = [k for k in open_ if k in products] or [k for k in open_ if any(k in d for d in dominates.values())]
        if not month and len(open_) == 1:
            month = open_
        for k in month[:1]:
            role[k] = AMOUNT
            why[k] = "units × rate = amount" if k in products else "smaller than the year's sum" if why[k] == "" and any(
                k in d for d in dominates.values()) else "the only column of amounts"  # fmt: skip
    return Roles(tuple(Column(x1[k], role[k] or OTHER, why[k] or "unknown") for k in range(n)))
