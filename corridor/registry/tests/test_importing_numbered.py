"""Importing numbered companies registered at one address: one facility per corporation number."""

from pathlib import Path
from typing import Any

from corridor.core.scoping import system_scope
from corridor.registry.models import Facility, MatchStatus, SourceRecord
from corridor.registry.tests.helpers import import_list, write_list

NAMES = [
    "1234567 Ontario Inc.",
    "2345678 Ontario Limited",
    "3456789 ONTARIO INC",
    "4567890 Ontario Ltd.",
    "12345678 Canada Inc.",
    "23456789 CANADA LTD.",
    "567890 Alberta Ltd.",
    "1234568 B.C. Ltd.",
    "1234569 Saskatchewan Ltd.",
    "9123-4567 Québec inc.",
    "1234570 Ontario L.T.D.",
    "1234571 New Brunswick Inc.",
]


def _row(source_id: str, name: str) -> list[str]:
    return [
        source_id,
        name,
        "100 King St W",
        "Windsor",
        "N9A 1A1",
        "519-555-0100",
        "www.riversidelaw.ca",
        "",
        "",
        "",
        "42.3149",
        "-83.0364",
    ]


def test_numbered_companies_at_one_address_import_as_one_facility_each(
    world: Any, tmp_path: Path
) -> None:
    rows = [_row(str(i), name) for i, name in enumerate(NAMES, start=1)]
    rows.append(_row("13", "1234567 ONTARIO INCORPORATED"))  # the first one again
    report = import_list(write_list(tmp_path / "registry.csv", rows))
    assert (report.created, report.matched, report.review, report.rejected) == (12, 1, 0, 0)
    with system_scope("test"):
        assert Facility.objects.count() == len(NAMES)
        records = {r.source_id: r for r in SourceRecord.objects.all()}
    assert records["13"].facility_id == records["1"].facility_id
    assert records["13"].status == MatchStatus.AUTO
    assert len({r.facility_id for r in records.values()}) == len(NAMES)
