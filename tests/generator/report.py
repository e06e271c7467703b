"""`python -m tests.generator.report --seeds 500 [--out FILE]`: how well the parser reads generated
claims, per field and per layout or phrasing family, with the worst seeds and their misses."""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tests.generator.case import generate
from tests.generator.score import Miss, score


@dataclass
class Tally:
    checked: int = 0
    misses: list[tuple[int, Miss]] = field(default_factory=list)
    by_family: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def accuracy(self) -> float:
        wrong = sum(1 for _, m in self.misses if m.field != "claims")
        return (self.checked - wrong) / self.checked if self.checked else 1.0

    @property
    def silent(self) -> int:
        return sum(1 for _, m in self.misses if m.silent and m.field != "claims")


def run(seeds: range, progress: bool = False) -> Tally:
    tally = Tally()
    for n, seed in enumerate(seeds, 1):
        case = generate(seed)
        checked, misses = score(case)
        tally.checked += checked
        tally.misses += [(seed, m) for m in misses]
        for name, value in case.families.items():
            slot = tally.by_family[f"{name}={value}"]
            slot[0] += checked
            slot[1] += sum(1 for m in misses if m.field != "claims")
        if progress and n % 50 == 0:
            print(f"  {n}/{len(seeds)} seeds, {tally.accuracy:.1%} of fields right so far", file=sys.stderr)
    return tally


def render(tally: Tally, seeds: range) -> str:
    out = [f"# Generated claims: seeds {seeds.start}..{seeds.stop - 1}", "",
           f"fields right: {tally.accuracy:.2%} ({tally.checked - sum(1 for _, m in tally.misses if m.field != 'claims')}"
           f" / {tally.checked}); wrong values (silent): {tally.silent}; missing: "
           f"{sum(1 for _, m in tally.misses if not m.silent and m.field != 'claims')}; "
           f"messages not read as one claim: {sum(1 for _, m in tally.misses if m.field == 'claims')}", "",
           "## Misses by field", "", "| field | missing | wrong |", "|---|---|---|"]  # fmt: skip
    missing = Counter(m.field for _, m in tally.misses if not m.silent)
    wrong = Counter(m.field for _, m in tally.misses if m.silent)
    for name in sorted(set(missing) | set(wrong), key=lambda f: -(missing[f] + wrong[f])):
        out.append(f"| {name} | {missing[name]} | {wrong[name]} |")
    out += ["", "## Families with the most misses", "", "| family | fields | wrong or missing |", "|---|---|---|"]
    worst = sorted(tally.by_family.items(), key=lambda kv: -(kv[1][1] / kv[1][0] if kv[1][0] else 0))
    out += [f"| {name} | {checked} | {bad} ({bad / checked:.1%}) |" for name, (checked, bad) in worst[:15] if checked]
    out += ["", "## Examples (first 25 misses)", ""]
    out += [f"- seed {seed}: {m.field} expected {m.want!r} got {m.got!r}" for seed, m in tally.misses[:25]]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=500, help="how many seeds (0..N-1)")
    parser.add_argument("--first", type=int, default=0, help="the first seed")
    parser.add_argument("--out", type=Path, help="write the report (Markdown) here as well")
    args = parser.parse_args(argv)
    seeds = range(args.first, args.first + args.seeds)
    text = render(run(seeds, progress=True), seeds)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
