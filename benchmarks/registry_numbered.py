"""Corridor's resolver on numbered companies registered at one address: time, memory, merges.

    python benchmarks/registry_numbered.py [--records 20000 100000] [--seed 8]

Every row shares the street, postal code, town, website and (every other row) phone; only
the corporation number tells them apart (docs/resolution.md#numbered-companies). Prints, per
size, how many facilities came out (each row is its own company, so it should equal the rows),
how many were sent to review, CPU and wall seconds, and peak memory of the resolving process.
"""

from __future__ import annotations

import argparse
import resource
import time

from corridor.registry.resolution import Resolver
from corridor.registry.resolution.numbered_lists import numbered_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--seed", type=int, default=8)
    options = parser.parse_args()
    for count in options.records:
        rows = numbered_rows(count, seed=options.seed)
        wall, cpu = time.perf_counter(), time.process_time()
        decisions = Resolver().resolve_all(rows)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        facilities = len({d.facility_key for d in decisions})
        reviews = sum(1 for d in decisions if d.kind == "review")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"rows={count} facilities={facilities} reviews={reviews} "
            f"cpu_s={cpu:.2f} wall_s={wall:.2f} peak_mib={peak:.0f}"
        )


if __name__ == "__main__":
    main()
