"""Precision and recall of Corridor's fact extraction on the labelled announcements.

    .venv/bin/python benchmarks/intel_extraction.py            # the table
    .venv/bin/python benchmarks/intel_extraction.py --misses   # and every disagreement
    .venv/bin/python benchmarks/intel_extraction.py --part tuning --misses  # tuning alone
    .venv/bin/python benchmarks/intel_extraction.py --extra DIR  # + officers' corrections

Texts and expected facts: corridor/intel/tests/data/labelled/; which part (tuning or
held-out) each text belongs to is written in that folder's sources-*.csv manifests.
``--extra DIR`` scores the labelled examples ``corridor export-labelled DIR`` wrote
from officers' corrections as a third part, "corrections", never mixed into held-out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corridor.intel.extraction.scoring import LabelledSetError, evaluate, table  # noqa: E402

LABELLED = ROOT / "corridor" / "intel" / "tests" / "data" / "labelled"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every disagreement")
    parser.add_argument(
        "--part", default="all", choices=("tuning", "held-out", "all", "corrections")
    )
    parser.add_argument(
        "--extra", type=Path, help="a folder of labelled corrections (NN.txt/NN.json)"
    )
    parser.add_argument("--folder", type=Path, default=LABELLED, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extra is not None and not args.extra.is_dir():
        parser.error(f"--extra {args.extra}: no such folder")
    try:
        only = args.part if args.part in ("tuning", "held-out") else None
        scores = evaluate(args.folder, extra=args.extra, only=only)
    except LabelledSetError as error:
        sys.exit(f"The labelled set is incomplete: {error}")
    print(table(scores))
    if args.misses:
        if args.part not in scores:
            parser.error(f"--part {args.part}: give --extra to score the corrections")
        print()
        for miss in scores[args.part].misses:
            print(miss)


if __name__ == "__main__":
    main()
