"""Cross-format evaluation: the dev corpus as .txt, as the .docx an official would type, as its .pdf
and as hard-wrapped copies of that PDF (pdftotext -layout, plain pdftotext, pypdf), each scored with ../shared/eval/score.py.

    .venv/bin/python scripts/eval_formats.py [--force] [--cache var/eval-variants] [--json]

Variants are made once into the cache (remade when the source .txt is newer or with --force); half of
the .docx files use Word automatic numbering, the other half typed numbers (see make_variants.py).
Prints one table: rows = format, columns = overall and each figure.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_variants import (
    make_docx,
    make_legacy_bytes,
    make_legacy_docx,
    make_legacy_text,
    make_scan,
    pdf_copy,
    pdf_pages,
    pdf_plain,
    pypdf_text,
    to_pdf,
    to_pdf_embedded_font,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"
FORMATS = ("txt", "docx", "pdf", "pdf-copy.txt", "pdf-plain.txt", "pypdf.txt")
# Legacy-font variants (make_variants.make_legacy_*): .docx typed in .VnTime/.VnTimeH or VNI-Times
# mixed with Unicode runs, text pasted from such documents, and files saved in the 8-bit encodings.
LEGACY_FORMATS = ("tcvn3.docx", "vni.docx", "tcvn3.txt", "vni.txt", "viscii-cp1252.txt", "viscii-latin1.txt",
                  "tcvn3-bytes.txt", "vni-bytes.txt", "viscii-bytes.txt")
# Scans (make_variants.make_scan), read by OCR: slow (seconds a page), so not scored by default.
SCAN_FORMATS = ("scan.pdf", "photo.tif")
ALL_FORMATS = FORMATS + LEGACY_FORMATS + SCAN_FORMATS


def extension(fmt: str) -> str:
    """The file extension of a format's variants ("tcvn3.docx" → ".docx")."""
    return "." + fmt.rsplit(".", 1)[-1] if "." in fmt else f".{fmt}"
COLUMNS = ("overall", "headings", "references", "targets", "assignments", "tasks", "doc.kind", "doc.number",
           "doc.date", "doc.place", "doc.implements", "doc.signer")


def _stale(out: Path, src: Path) -> bool:
    return not out.exists() or out.stat().st_mtime < src.stat().st_mtime


def make_variants(docs: Path, cache: Path, force: bool = False, scans: bool = False) -> dict[str, Path]:
    """Fill cache/<format>/ with one file per source .txt; returns format → directory."""
    dirs = {fmt: cache / fmt for fmt in ALL_FORMATS}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    for i, txt in enumerate(sorted(docs.glob("*.txt"))):
        stem = txt.stem
        (dirs["txt"] / txt.name).write_bytes(txt.read_bytes())
        dx = dirs["docx"] / f"{stem}.docx"
        if force or _stale(dx, txt):
            counts = make_docx(txt, dx, auto_numbering=i % 2 == 0)
            print(f"  {dx.name}: {counts}", file=sys.stderr)
        pdf = dirs["pdf"] / f"{stem}.pdf"
        if force or _stale(pdf, dx):
            to_pdf(dx, dirs["pdf"])
            print(f"  {pdf.name}: {pdf_pages(pdf)} pages", file=sys.stderr)
        copy = dirs["pdf-copy.txt"] / f"{stem}.txt"
        if force or _stale(copy, pdf):
            pdf_copy(pdf, copy)
        out = dirs["pdf-plain.txt"] / f"{stem}.txt"
        if force or _stale(out, pdf):
            pdf_plain(pdf, out)
        # pypdf's text from a PDF whose one font has every Vietnamese letter (see to_pdf_embedded_font).
        fonts_dir = cache / "pdf-embedded-font"
        fonts_dir.mkdir(parents=True, exist_ok=True)
        embedded = fonts_dir / f"{stem}.pdf"
        if force or _stale(embedded, dx):
            to_pdf_embedded_font(dx, fonts_dir)
        out = dirs["pypdf.txt"] / f"{stem}.txt"
        if force or _stale(out, embedded):
            pypdf_text(embedded, out)
        for enc in ("tcvn3", "vni"):
            out = dirs[f"{enc}.docx"] / f"{stem}.docx"
            if force or _stale(out, dx):
                # Half the capitals-font runs typed without Shift (the font draws capitals anyway).
                make_legacy_docx(dx, out, enc, lower_capitals=i % 2 == 1)
            out = dirs[f"{enc}.txt"] / txt.name
            if force or _stale(out, txt):
                make_legacy_text(txt, out, enc)
        for fmt, charset in (("viscii-cp1252.txt", "cp1252"), ("viscii-latin1.txt", "latin-1")):
            out = dirs[fmt] / txt.name
            if force or _stale(out, txt):
                make_legacy_text(txt, out, "viscii", charset)
        for enc in ("tcvn3", "vni", "viscii"):
            out = dirs[f"{enc}-bytes.txt"] / txt.name
            if force or _stale(out, txt):
                make_legacy_bytes(txt, out, enc)
        if scans:
            out = dirs["scan.pdf"] / f"{stem}.pdf"
            if force or _stale(out, pdf):
                # A long document scanned at 150 dpi, as it must be to stay under the upload limit.
                make_scan(pdf, out, dpi=150 if pdf_pages(pdf) > 20 else 200, seed=i)
            out = dirs["photo.tif"] / f"{stem}.tif"
            if force or _stale(out, pdf):
                make_scan(pdf, out, dpi=200, seed=i, photo=True)
    return dirs


def gold_copies(gold: Path, cache: Path, fmt: str, ext: str, only: set[str] | None = None) -> Path:
    """The same gold with `file` pointing at the variant (for the documents in `only`, if given)."""
    out = cache / f"gold-{fmt}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    for g in sorted(gold.glob("*.json")):
        data = json.loads(g.read_text(encoding="utf-8"))
        if only is not None and Path(data["file"]).stem not in only:
            continue
        data["file"] = Path(data["file"]).stem + ext
        (out / g.name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def preparse(sources: Path, out: Path, python: str, stems: set[str]) -> None:
    """Parse each source once into out/<name>.json (OCR takes longer than the scorer waits for a
    document: minutes for a long scan)."""
    out.mkdir(parents=True, exist_ok=True)
    exe = str(Path(python).parent / "trienkhai")
    for src in sorted(sources.iterdir()):
        target = out / f"{src.name}.json"
        if src.stem in stems and _stale(target, src):
            t0 = time.perf_counter()
            r = subprocess.run([exe, "parse", str(src), "--json"], capture_output=True, text=True, timeout=7200)
            target.write_text(r.stdout, encoding="utf-8")
            print(f"  {src.name}: parsed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def score(gold: Path, sources: Path, python: str, parsed: Path | None = None) -> dict:
    run = f"{shlex.quote(str(Path(python).parent / 'trienkhai'))} parse {{file}} --json"
    if parsed is not None:
        run = f"cat {shlex.quote(str(parsed))}/$(basename {{file}}).json"
    r = subprocess.run([python, str(SCORER), "--gold", str(gold), "--sources", str(sources), "--run", run, "--json"],
                       capture_output=True, text=True, timeout=1800)
    if r.stderr.strip():
        print(r.stderr.strip(), file=sys.stderr)
    return json.loads(r.stdout)


def figure(result: dict, name: str) -> float | None:
    if name == "overall":
        return result["overall"]
    row = result["figures"].get(name)
    if row is None or (row.get("n") == 0) or (row.get("tp", 1) + row.get("fp", 0) + row.get("fn", 0) == 0):
        return None
    return row.get("f1", row.get("acc"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=ROOT / "var" / "eval-variants")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--force", action="store_true", help="remake every variant")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON instead of the table")
    ap.add_argument("--formats", nargs="+", choices=ALL_FORMATS, default=list(FORMATS + LEGACY_FORMATS),
                    help="score only these formats (default: all but the scans)")
    ap.add_argument("--scan-max-pages", type=int, default=1000,
                    help="score scans only on documents of at most this many pages (OCR takes seconds a page)")
    args = ap.parse_args(argv)
    python = str(ROOT / ".venv" / "bin" / "python")
    dirs = make_variants(args.corpus / "docs", args.cache, args.force,
                         scans=any(f in SCAN_FORMATS for f in args.formats))
    results: dict[str, dict] = {}
    for fmt in args.formats:
        if fmt in SCAN_FORMATS:
            stems = {p.stem for p in dirs["pdf"].glob("*.pdf") if pdf_pages(p) <= args.scan_max_pages}
            parsed = args.cache / f"parsed-{fmt}"
            preparse(dirs[fmt], parsed, python, stems)
            gold = gold_copies(args.corpus / "gold", args.cache, fmt, extension(fmt), stems)
            results[fmt] = score(gold, dirs[fmt], python, parsed)
            continue
        results[fmt] = score(gold_copies(args.corpus / "gold", args.cache, fmt, extension(fmt)), dirs[fmt], python)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    short = [c.replace("doc.", "") for c in COLUMNS]
    print(f"{'format':18s}" + "".join(f"{c:>12s}" for c in short))
    for fmt, res in results.items():
        cells = [figure(res, c) for c in COLUMNS]
        print(f"{fmt:18s}" + "".join(f"{'—' if v is None else f'{v:.3f}':>12s}" for v in cells))
    print("\nper document (headings F1 / references F1):")
    for doc in next(iter(results.values()))["documents"]:
        parts = []
        for fmt in results:
            d = results[fmt]["documents"].get(doc, {})
            if d:
                parts.append(f"{fmt}={d.get('headings', float('nan')):.2f}/{d.get('references', float('nan')):.2f}")
        print(f"  {doc:36s} " + "  ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
