"""Corridor's registry resolver on generated municipal lists: quality, time, memory.

    python benchmarks/registry_resolution.py --records 100000 [--seed 1] [--profile heldout]
        [--workers 1]

--workers 2 (default): a forked helper process normalises rows ahead of the resolver;
--workers 1: everything in one process. The decisions are the same either way.

The logic lives in corridor.registry.resolution.bench.run_benchmark (for `corridor bench
registry`); this script only parses arguments and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corridor.registry.resolution.bench import run_benchmark


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", default="standard", choices=("standard", "heldout"))
    parser.add_argument("--workers", type=int, default=2, choices=(1, 2))
    args = parser.parse_args()
    result = run_benchmark(args.records, args.seed, args.profile, args.workers)
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
