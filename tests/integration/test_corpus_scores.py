"""The eval runner of ../shared scores the project through its outside contract (`claims parse`,
`placements import`, `run --once`, `decisions`): on the shared sample corpus and on our own
held-out corpora (tests/heldout, tests/heldout2 to 6: written from RULES.md and PAYSLIPS.md by testers
who did not read the code; the misses they found were fixed in the parser, so they now guard
against regressions)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval" / "run.py"
pytestmark = [pytest.mark.integration, pytest.mark.skipif(not EVAL.exists(), reason="../shared/eval/run.py is not beside the project")]


def _score(corpus: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, str(EVAL), "--corpus", str(corpus), "--show", "30"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)  # fmt: skip
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("score:"))
    words = line.split()
    scores = {words[i]: float(words[i + 1]) for i in range(1, len(words) - 1, 2)}
    assert scores, result.stdout + result.stderr
    print(result.stdout)
    return scores


@pytest.mark.parametrize(
    "corpus",
    [ROOT.parent / "shared" / "corpus", *(ROOT / "tests" / f"heldout{n}" for n in ("", "2", "3", "4", "5", "6"))],
    ids=["shared-sample", "own-heldout", *(f"own-heldout-{n}" for n in range(2, 7))],
)
def test_the_corpus_is_parsed_and_decided_right_and_no_reply_leaks_a_cpr_number(corpus: Path) -> None:
    scores = _score(corpus)
    assert scores["leaks"] == 0
    assert scores["parse"] >= 0.98
    assert scores["decide"] >= 0.98
