"""Numbered companies registered at one address, for the tests and the benchmark.

A law office, an accountant or a virtual office is the registered address of thousands of
numbered companies ("1234567 Ontario Inc."), with one phone and website: the worst case for
resolution, where every row shares every key but the name's number
(docs/resolution.md#numbered-companies).
"""

from __future__ import annotations

import random

from .records import InputRecord


def at_one_address(source_id: str, name: str, phone: str | None = "416-555-0100") -> InputRecord:
    """A row at the shared address: same street, town, postal code and (by default) phone."""
    return InputRecord(
        "registry-extract",
        source_id,
        name,
        street="100 King St W",
        city="Toronto",
        postal_code="M5X 1A9",
        phone=phone,
        website="www.kingstreetlaw.ca",
    )


# Numbered company styles of the provinces and the federal registry (a few as people type them).
STYLES = (
    "{} Ontario Inc.",
    "{} Ontario Limited",
    "{} ONTARIO INC",
    "{} Ontario Ltd.",
    "{} Ontario Corporation",
    "{} Ontario Incorporated",
    "{} Ontario L.T.D.",
    "{} Ontario Company",
    "{} Canada Inc.",
    "{} CANADA LTD.",
    "{} Canada Ltée",
    "{} Alberta Ltd.",
    "{} B.C. Ltd.",
    "{} BC Ltd.",
    "{} Saskatchewan Ltd.",
    "{} Manitoba Ltd.",
    "{} N.B. Inc.",
    "{} New Brunswick Inc.",
    "{} Nova Scotia Limited",
    "{} N.S. ULC",
)


def numbered_rows(count: int, seed: int = 7) -> list[InputRecord]:
    rng = random.Random(seed)
    numbers = rng.sample(range(1_000_000, 9_999_999), count)
    rows = []
    for i, number in enumerate(numbers):
        if i % 10 == 9:  # Quebec style: 9123-4567 Québec inc.
            digits = f"9{number:07d}"[:8]
            name = f"{digits[:4]}-{digits[4:]} Québec inc."
        else:
            name = STYLES[i % len(STYLES)].format(number)
        rows.append(at_one_address(str(i), name, phone="416-555-0100" if i % 2 else None))
    return rows
