"""Is coverage right? Measured on hand-labelled pairs of the sample programmes, and on variants of them.

    .venv/bin/python -m benchmarks.coverage_quality [--show-errors] [--method cosine]

For each pair in benchmarks/data/coverage_pairs (see its README), every labelled unit of the parent:
- "not covered" precision: of the units the matcher calls not covered, the share truly not covered;
- "covered" recall: of the units truly covered, the share the matcher calls covered;
- first counterpart: of the truly covered units called covered, the share whose first counterpart is
  one of the labelled ones.
Then the same on variants of each child (`benchmarks/coverage_variants.py`: shuffled parts, reworded,
thinned), and whether the shuffled child gives exactly the result of the sample.
Goals: not covered ≥ 0.9, covered recall ≥ 0.9, first counterpart ≥ 0.85.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.coverage_variants import VARIANTS
from trienkhai.cascade.coverage import Coverage, cover
from trienkhai.plans.model import Plan
from trienkhai.plans.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "benchmarks" / "data" / "coverage_pairs"
DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
GOALS = {"not_covered_precision": 0.9, "covered_recall": 0.9, "first_counterpart": 0.85}


@dataclass
class Tally:
    said_not: int = 0
    said_not_right: int = 0
    truly_covered: int = 0
    found: int = 0
    first_right: int = 0
    false_covered: int = 0

    def add(self, other: Tally) -> None:
        for f in self.__dataclass_fields__:
            setattr(self, f, getattr(self, f) + getattr(other, f))

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {"not_covered_precision": ratio(self.said_not_right, self.said_not),
                "covered_recall": ratio(self.found, self.truly_covered),
                "first_counterpart": ratio(self.first_right, self.found),
                "covered_precision": ratio(self.found, self.found + self.false_covered)}

    def line(self) -> str:
        f = self.figures()
        return (f"not covered right {self.said_not_right}/{self.said_not} = {f['not_covered_precision']:.2f}   "
                f"covered recall {self.found}/{self.truly_covered} = {f['covered_recall']:.2f}   "
                f"first counterpart {self.first_right}/{self.found} = {f['first_counterpart']:.2f}   "
                f"covered right {self.found}/{self.found + self.false_covered} = {f['covered_precision']:.2f}")


def score(result: Coverage, labels: dict[str, list[str]], errors: list[str] | None = None) -> Tally:
    t = Tally()
    by_key = {i.key: i for i in result.items}
    for key, truth in labels.items():
        item = by_key.get(key)
        if item is None:
            if errors is not None:
                errors.append(f"  {key}: not a unit of the parent")
            continue
        if not item.covered:
            t.said_not += 1
            t.said_not_right += not truth
            if truth and errors is not None:
                errors.append(f"  MISSED {key} (should be {truth}): {item.text[:90]}")
        if truth:
            t.truly_covered += 1
            if item.covered:
                t.found += 1
                first = item.counterparts[0].key
                t.first_right += first in truth
                if first not in truth and errors is not None:
                    errors.append(f"  WRONG  {key} -> {first} {item.counterparts[0].score} (should be {truth}): "
                                  f"{item.text[:70]}")
        elif item.covered:
            t.false_covered += 1
            if errors is not None:
                    errors.append(f"  FALSE  {key} -> {item.counterparts[0].key} {item.counterparts[0].score}: "
                              f"{item.text[:80]}")
    return t


def _remap(labels: dict[str, list[str]], keymap: dict[str, str | None]) -> dict[str, list[str]]:
    out = {}
    for key, truth in labels.items():
        mapped = [keymap.get(k, k) for k in truth]
        out[key] = [k for k in mapped if k is not None]
    return out


def load_pairs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(PAIRS.glob("*.json"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    plans: dict[str, Plan] = {}

    def plan(name: str) -> Plan:
        if name not in plans:
            plans[name] = parse_file(DOCS / f"{name}.txt")
        return plans[name]

    totals = {"samples": Tally(), **{v: Tally() for v in VARIANTS}}
    order_independent = True
    for pair in load_pairs():
        parent, child, labels = plan(pair["parent"]), plan(pair["child"]), pair["labels"]
        errors: list[str] = []
        base = cover(parent, child)
        t = score(base, labels, errors)
        totals["samples"].add(t)
        print(f"{pair['parent'][:3]} → {pair['child'][:3]} ({len(labels)} labelled): {t.line()}")
        if args.show_errors:
            print("\n".join(errors))
        for name, make in VARIANTS.items():
            variant, keymap = make(child)
            result = cover(parent, variant)
            totals[name].add(score(result, _remap(labels, keymap)))
            if name == "shuffled":
                expected = {i.key: i.to_dict() for i in base.items}
                order_independent &= {i.key: i.to_dict() for i in result.items} == expected
                shuffled_parent, _ = make(parent)
                order_independent &= {i.key: i.to_dict() for i in cover(shuffled_parent, child).items} == expected
    print()
    failed = False
    for name, t in totals.items():
        figures = t.figures()
        ok = all(figures[k] >= goal for k, goal in GOALS.items())
        failed |= not ok and name == "samples"
        print(f"{name:>9}: {t.line()}  {'ok' if ok else 'BELOW GOAL'}")
    print(f"order of parts changes nothing: {'yes' if order_independent else 'NO'}")
    return 1 if failed or not order_independent else 0


if __name__ == "__main__":
    sys.exit(main())
