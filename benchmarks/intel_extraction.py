"""Precision and recall of Corridor's fact extraction on the labelled announcements.

    .venv/bin/python benchmarks/intel_extraction.py            # the table
    .venv/bin/python benchmarks/intel_extraction.py --misses   # and every disagreement
    .venv/bin/python benchmarks/intel_extraction.py --part tuning --misses

Texts and expected facts: corridor/intel/tests/data/labelled/ (28 and up are held out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corridor.intel.extraction.scoring import evaluate, table  # noqa: E402

LABELLED = ROOT / "corridor" / "intel" / "tests" / "data" / "labelled"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every disagreement")
    parser.add_argument("--part", default="all", choices=("tuning", "held-out", "all"))
    args = parser.parse_args()
    scores = evaluate(LABELLED)
    print(table(scores))
    if args.misses:
        print()
        for miss in scores[args.part].misses:
            print(miss)


if __name__ == "__main__":
    main()
