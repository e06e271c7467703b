"""Parse time per message beside the raw pdfplumber time of the same attachments.

For every message of the sample corpus (../shared/corpus/cases/*/message.eml), in one run:
  parse  = parsers.claim.parse_message(raw)            (MIME, body, PDFs, OCR, assembly)
  raw    = pdfplumber open + extract_words of every page of every PDF attachment
The ratio parse/raw compares the whole parse, which reads PDFs with PDFium (parsers/pdf_text.py),
with what reading the same PDFs with pdfplumber alone costs (goal <= 0.3 for messages with text
PDFs: PDFium reads the text layer about ten times faster). Messages without PDFs and messages with scanned (OCR) pages are
reported apart: their time is not pdfplumber's. Each figure is the median of --repeat runs.

    .venv/bin/python bench/parse.py [--repeat 7] [--corpus ../shared/corpus] [--write bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import email.policy
import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.claim import parse_message  # noqa: E402
from parsers.pdf_text import read_pdf  # noqa: E402


@dataclass
class Row:
    case: str
    kind: str  # "text-pdf", "ocr", "no-pdf"
    parse_ms: float
    raw_ms: float
    ratio: float  # median of the per-run ratios parse/raw


def pdfs_of(raw: bytes) -> list[bytes]:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        name = (part.get_filename() or "").lower()
        data = part.get_payload(decode=True)
        if isinstance(data, bytes) and (part.get_content_type() == "application/pdf" or name.endswith(".pdf") or data[:5] == b"%PDF-"):
            out.append(data)
    return out


def raw_pdfplumber(pdfs: list[bytes]) -> None:
    for data in pdfs:
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_words()
        except Exception:  # an encrypted or broken file costs what it costs to fail
            pass


def kind_of(pdfs: list[bytes]) -> str:
    if not pdfs:
        return "no-pdf"
    readable = 0
    for data in pdfs:
        try:
            pages = read_pdf(data)
        except Exception:  # encrypted or corrupt: pdfplumber gives up at once
            continue
        if any(page.needs_ocr for page in pages):
            return "ocr"
        readable += 1
    return "text-pdf" if readable else "unreadable-pdf"


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(corpus: Path, repeat: int) -> list[Row]:
    """Parse and raw read run back to back, `repeat` times: the ratio of each pair cancels
    the drift of a shared machine's load, and the median of the pairs is reported."""
    rows = []
    for path in sorted((corpus / "cases").glob("*/message.eml")):
        raw = path.read_bytes()
        pdfs = pdfs_of(raw)
        parse_message(raw)  # warm imports and caches once per message
        parse_times, raw_times, ratios = [], [], []
        for _ in range(repeat):
            parse_ms = timed(lambda raw=raw: parse_message(raw))  # type: ignore[misc]
            raw_ms = timed(lambda pdfs=pdfs: raw_pdfplumber(pdfs)) if pdfs else 0.0  # type: ignore[misc]
            parse_times.append(parse_ms)
            raw_times.append(raw_ms)
            ratios.append(parse_ms / raw_ms if raw_ms else float("nan"))
        rows.append(Row(path.parent.name, kind_of(pdfs), statistics.median(parse_times), statistics.median(raw_times),
                        statistics.median(ratios) if pdfs else float("nan")))  # fmt: skip
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def report(rows: list[Row], repeat: int) -> str:
    text = [r for r in rows if r.kind == "text-pdf"]
    ratios = [r.ratio for r in text]
    lines = [
        "## Parsing",
        "",
        f"{dt.date.today().isoformat()}, {machine()}. `.venv/bin/python bench/parse.py --repeat {repeat} --write bench/RESULTS.md`:",
        f"each figure the median of {repeat} runs per message of the sample corpus ({len(rows)} messages), in one run; parse",
        "and raw run back to back and the ratio is the median of the per-run ratios (a shared machine's load drifts).",
        "`parse` is `parse_message` (MIME, body, PDFs, OCR, assembly); `raw` is pdfplumber open + `extract_words` of every",
        "page of the same PDF attachments; the parse reads them with PDFium. Goal: parse/raw <= 0.3 for messages with text PDFs.",
        "",
        "| messages | n | parse median | parse p95 | raw median | ratio median | ratio p95 | ratio max |",
        "|---|---|---|---|---|---|---|---|",
    ]
    if text:
        lines.append(
            f"| with text PDFs | {len(text)} | {statistics.median([r.parse_ms for r in text]):.1f} ms | "
            f"{p95([r.parse_ms for r in text]):.1f} ms | {statistics.median([r.raw_ms for r in text]):.1f} ms | "
            f"**{statistics.median(ratios):.2f}** | **{p95(ratios):.2f}** | {max(ratios):.2f} |"
        )
    for kind, title in (("ocr", "with scanned pages (OCR)"), ("unreadable-pdf", "with only unreadable PDFs"), ("no-pdf", "without PDFs")):
        some = [r for r in rows if r.kind == kind]
        if some:
            raw = f"{statistics.median([r.raw_ms for r in some]):.1f} ms" if kind != "no-pdf" else "–"
            lines.append(f"| {title} | {len(some)} | {statistics.median([r.parse_ms for r in some]):.1f} ms | "
                         f"{p95([r.parse_ms for r in some]):.1f} ms | {raw} | – | – | – |")  # fmt: skip
    lines += [
        "",
        "Notes (profiled with cProfile on 2026-12-07): of a text-PDF message's parse, about a quarter is PDFium (opening",
        "pages, one call per character for its box, grouping into words), a quarter the standard library's MIME parsing",
        "(`email.policy.default` parses a header anew on each access), the rest the payslip and body readers. pdfplumber",
        "reads only a PDF that PDFium will not open. A message whose only PDF is encrypted is reported apart: both give up",
        "in milliseconds. OCR is tesseract at 300 dpi, one thread (`OMP_THREAD_LIMIT=1`, ../shared/RECIPES.md §5), and at",
        "most `MAX_OCR_PAGES` scanned pages are read per message.",
    ]
    lines += ["", "<details><summary>per message</summary>", "", "| case | kind | parse ms | raw ms | ratio |", "|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.kind == "text-pdf" else "–"
        lines.append(f"| {r.case} | {r.kind} | {r.parse_ms:.1f} | {r.raw_ms:.1f} | {ratio} |")
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def write_section(path: Path, section: str, *, title: str = "## Parsing") -> None:
    """Replaces the section of RESULTS.md that starts with `title` (or adds it), keeping the others."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    start = old.find(title)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + section
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start] + section + (old[end + 1 :] if end >= 0 else "")
    path.write_text(new, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--write", type=Path, help="write the figures into this RESULTS.md")
    args = ap.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    rows = measure(args.corpus, args.repeat)
    section = report(rows, args.repeat)
    print(section)
    if args.write:
        write_section(args.write, section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
