"""Parse throughput on the dev corpus, with docling's .docx converter as the baseline in the same run.

    .venv/bin/python -m benchmarks.parse_throughput [--runs 5] [--no-baseline]

- .txt: MB of text per second (UTF-8 bytes) through `trienkhai.plans.parse.parse_file`, single thread,
  median of the runs.
- .docx and .pdf (the variants `scripts/eval_formats.py` makes, remade here when missing): pages/s,
  page counts taken from the PDF.
- Baseline: `benchmarks/docling_baseline.py` run by the benchmark-only venv `.venv-bench` (docling-slim
  with format-docx and the CPU torch; created here when missing) on the same .docx files: time per
  document beside ours, the ratio, and how many gold headings each finds (title prefix, folded text).
- .pdf engines: the reader (characters and ruled tables from pdfium, `documents/lattice.py` for pages that may hold a ruled
  table) beside pdfplumber's own word and table extraction over every page (the previous reader's
  engine, pdfminer-bound), on the same files.
- OCR: seconds per page for a scanned page (a rendered page at 200 dpi, slightly turned), through
  the whole reader (cleaning, Tesseract `vie`, text reader); `--no-ocr` skips it.
Goal: ≥ 1 MB/s of text per core, ≥ 30 pages/s for .pdf with a text layer, faster than docling, and
every heading docling finds found too.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from trienkhai.plans.parse import parse_file
from trienkhai.text.vietnamese import canonical, fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
BENCH_VENV = ROOT / ".venv-bench"
BENCH_PINS = ["torch==2.13.0", "docling-slim[format-docx]==2.143.0"]
GOAL_MB_S = 1.0
GOAL_PDF_PAGES_S = 30.0


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _key(text: str) -> str:
    """Folded, canonical, lower-case text without a leading number or bullet, for prefix matching."""
    import re

    t = re.sub(r"^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–]\s*|^\s*[-+•]\s*", "", text or "")
    return " ".join(fold(canonical(t)).lower().replace("*", " ").split())


def _found(gold_titles: list[str], found_titles: list[str]) -> list[bool]:
    """Which gold headings a list of heading texts contains (first 40 characters, ratio ≥ 0.8)."""
    keys = [_key(t) for t in found_titles]
    out = []
    for g in gold_titles:
        gk = _key(g)[:40]
        out.append(any(difflib.SequenceMatcher(None, k[:len(gk)], gk, autojunk=False).ratio() >= 0.8
                       for k in keys))
    return out


def _outline_titles(plan) -> list[str]:
    out: list[str] = []
    stack = list(plan.outline)[::-1]
    while stack:
        node = stack.pop()
        if node.path:
            out.append(node.title or "")
        stack.extend(list(node.children)[::-1])
    return out


def _ensure_variants() -> dict[str, list[Path]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_formats import make_variants  # type: ignore[import-not-found]

    cache = ROOT / "var" / "eval-variants"
    dirs = make_variants(CORPUS / "docs", cache)
    return {fmt: sorted(dirs[fmt].glob(f"*.{fmt}")) for fmt in ("txt", "docx", "pdf")}


def _pdfplumber_pass(path: Path) -> None:
    """What the previous reader asked of pdfplumber: words with their characters, and tables."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words(return_chars=True)
            page.find_tables()
            page.flush_cache()


def _ocr_cost(pdfs: list[Path]) -> float:
    """Median seconds to read one scanned page (the smallest plan's first page as a turned 200 dpi scan)."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    from trienkhai.documents.read import read_document

    doc = pdfium.PdfDocument(str(min(pdfs, key=lambda p: p.stat().st_size)))
    img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    img = img.rotate(1.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(200, 200))
    data = buf.getvalue()
    return _median_time(lambda: read_document("scan.png", data=data), 3)


def _ensure_bench_venv() -> Path | None:
    python = BENCH_VENV / "bin" / "python"
    if python.exists():
        return python
    print(f"creating the benchmark-only venv {BENCH_VENV} ({' '.join(BENCH_PINS)}); this takes a few minutes")
    sys.stdout.flush()
    try:
        subprocess.run(["python3", "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(BENCH_VENV / "bin" / "pip"), "install", "--quiet", *BENCH_PINS], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"could not create {BENCH_VENV}: {exc}; baseline skipped")
        return None
    return python


def _baseline(files: list[Path], runs: int) -> dict | None:
    python = _ensure_bench_venv()
    if python is None:
        return None
    env = dict(os.environ, HF_HUB_OFFLINE="1", DO_NOT_TRACK="1", SCARF_NO_ANALYTICS="1")
    r = subprocess.run([str(python), str(ROOT / "benchmarks" / "docling_baseline.py"), "--runs", str(runs),
                        *map(str, files)], capture_output=True, text=True, env=env, timeout=1800)
    if r.returncode != 0:
        print(f"docling baseline failed (exit {r.returncode}): {r.stderr.strip()[-500:]}")
        return None
    return json.loads(r.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-ocr", action="store_true", help="skip the OCR cost per page (seconds a page)")
    args = ap.parse_args(argv)
    runs = max(5, args.runs)
    files = _ensure_variants()
    from make_variants import pdf_pages  # type: ignore[import-not-found]

    pages = {p.stem: pdf_pages(p) for p in files["pdf"]}
    total_pages = sum(pages[p.stem] for p in files["docx"])

    for p in files["txt"] + files["docx"] + files["pdf"]:
        parse_file(p)  # warm-up: imports and compiled patterns
    mb = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in files["txt"]) / 1e6
    t_txt = _median_time(lambda: [parse_file(p) for p in files["txt"]], runs)
    t_docx = _median_time(lambda: [parse_file(p) for p in files["docx"]], runs)
    t_pdf = _median_time(lambda: [parse_file(p) for p in files["pdf"]], runs)
    mb_s = mb / t_txt
    print(f"trienkhai parse, median of {runs} runs, one core:")
    print(f"  .txt : {len(files['txt'])} files, {mb:.3f} MB in {t_txt:.3f} s = {mb_s:.2f} MB/s  (goal ≥ {GOAL_MB_S} MB/s)")
    print(f"  .docx: {len(files['docx'])} files, {total_pages} pages in {t_docx:.3f} s = {total_pages / t_docx:.1f} pages/s")
    print(f"  .pdf : {len(files['pdf'])} files, {total_pages} pages in {t_pdf:.3f} s = {total_pages / t_pdf:.1f} pages/s"
          f"  (goal ≥ {GOAL_PDF_PAGES_S:.0f} pages/s)")
    t_plumber = _median_time(lambda: [_pdfplumber_pass(p) for p in files["pdf"]], max(1, runs // 2))
    print(f"        pdfplumber words + tables on every page (the previous engine): {total_pages / t_plumber:.1f} pages/s")
    if not args.no_ocr:
        per_page = _ocr_cost(files["pdf"])
        print(f"  OCR  : {per_page:.1f} s per scanned page (200 dpi, cleaned, Tesseract vie; median of 3)")
    pdf_ok = total_pages / t_pdf >= GOAL_PDF_PAGES_S

    ours = {p.name: _median_time(lambda p=p: parse_file(p), runs) for p in files["docx"]}
    our_titles = {p.name: _outline_titles(parse_file(p)) for p in files["docx"]}
    gold = {}
    for g in sorted((CORPUS / "gold").glob("*.json")):
        data = json.loads(g.read_text(encoding="utf-8"))
        gold[Path(data["file"]).stem + ".docx"] = [h[1] for h in data.get("headings") or []]

    base = None if args.no_baseline else _baseline(files["docx"], runs)
    ok = mb_s >= GOAL_MB_S and pdf_ok
    print("\n.docx, per document (median seconds; headings found of the gold headings):")
    print(f"  {'document':40s} {'pages':>5s} {'trienkhai':>10s} {'docling':>9s} {'ratio':>6s} {'heads ours':>10s} {'docling':>8s}")
    tot = {"ours": 0.0, "docling": 0.0, "n": 0, "h_ours": 0, "h_docling": 0, "missed_by_us": 0}
    missing_lines: list[str] = []
    for name, t in ours.items():
        golds = gold.get(name, [])
        f_ours = _found(golds, our_titles[name])
        line = f"  {name:40s} {pages[Path(name).stem]:5d} {t * 1000:8.1f}ms"
        tot["ours"] += t
        tot["n"] += len(golds)
        tot["h_ours"] += sum(f_ours)
        if base is not None and name in base["documents"]:
            d = base["documents"][name]
            td = statistics.median(d["times"])
            f_dl = _found(golds, [h["text"] for h in d["headings"]])
            tot["docling"] += td
            tot["h_docling"] += sum(f_dl)
            line += f" {td * 1000:7.1f}ms {t / td:6.2f}"
            line += f" {sum(f_ours):4d}/{len(golds):<5d} {sum(f_dl):3d}/{len(golds):<4d}"
            for g, a, b in zip(golds, f_ours, f_dl, strict=True):
                if b and not a:
                    tot["missed_by_us"] += 1
                    missing_lines.append(f"  {name}: docling finds, trienkhai misses: {g}")
                elif a and not b:
                    missing_lines.append(f"  {name}: trienkhai finds, docling misses: {g}")
        else:
            line += f" {'—':>9s} {'—':>6s} {sum(f_ours):4d}/{len(golds):<5d}"
        print(line)
    print(f"  {'total':40s} {total_pages:5d} {tot['ours'] * 1000:8.1f}ms", end="")
    if base is not None:
        print(f" {tot['docling'] * 1000:7.1f}ms {tot['ours'] / tot['docling']:6.2f} "
              f"{tot['h_ours']:4d}/{tot['n']:<5d} {tot['h_docling']:3d}/{tot['n']:<4d}")
        print(f"  (docling: import {base['import_s']:.1f} s and first conversion {base['warmup_s']:.2f} s, not counted)")
        print("\nheadings one finds and the other misses:")
        print("\n".join(missing_lines) or "  none")
        faster = tot["ours"] < tot["docling"]
        print(f"\ngoal ≥ {GOAL_MB_S} MB/s and ≥ {GOAL_PDF_PAGES_S:.0f} pdf pages/s: {'met' if ok else 'MISSED'}; faster than docling: "
              f"{'met' if faster else 'MISSED'}; every heading docling finds: "
              f"{'met' if tot['missed_by_us'] == 0 else 'MISSED'}")
        ok = ok and faster and tot["missed_by_us"] == 0
    else:
        print(f" {'—':>9s}\n\ngoal ≥ {GOAL_MB_S} MB/s and ≥ {GOAL_PDF_PAGES_S:.0f} pdf pages/s: "
              f"{'met' if ok else 'MISSED'} (no baseline)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
