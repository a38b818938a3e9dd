"""The baseline: docling's offline .docx converter, run inside the benchmark-only venv (.venv-bench).

    .venv-bench/bin/python benchmarks/docling_baseline.py [--runs N] FILE.docx ...

Imports docling once (timed apart: the import pulls torch), converts one file as a warm-up, then
converts each file `runs` times and prints JSON on stdout: import seconds, and per document the
conversion times and the headings docling found (section headers, titles and numbered list items
with the numbering docling renders, in reading order). Uses only the standard library besides
docling, so it runs in that venv; never imports trienkhai.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

for key, value in (("HF_HUB_OFFLINE", "1"), ("DO_NOT_TRACK", "1"), ("SCARF_NO_ANALYTICS", "1")):
    os.environ.setdefault(key, value)


def _headings(document) -> list[dict]:
    from docling_core.types.doc import DocItemLabel

    wanted = {DocItemLabel.SECTION_HEADER, DocItemLabel.TITLE, DocItemLabel.LIST_ITEM}
    out = []
    for item, _level in document.iterate_items():
        label = getattr(item, "label", None)
        if label not in wanted:
            continue
        marker = (getattr(item, "marker", "") or "").strip()
        enumerated = bool(getattr(item, "enumerated", False))
        out.append({"label": str(label.value if hasattr(label, "value") else label), "marker": marker,
                    "enumerated": enumerated, "text": item.text})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    from docling.datamodel.base_models import InputFormat
    from docling.document_converter import DocumentConverter

    converter = DocumentConverter(allowed_formats=[InputFormat.DOCX])
    import_s = time.perf_counter() - start
    start = time.perf_counter()
    converter.convert(args.files[0])  # warm-up: pipeline initialisation
    warmup_s = time.perf_counter() - start
    docs = {}
    for path in args.files:
        times = []
        result = None
        for _ in range(max(1, args.runs)):
            t0 = time.perf_counter()
            result = converter.convert(path)
            times.append(time.perf_counter() - t0)
        assert result is not None
        docs[os.path.basename(path)] = {"times": times, "status": str(result.status),
                                        "headings": _headings(result.document)}
    json.dump({"import_s": import_s, "warmup_s": warmup_s, "documents": docs}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
