"""Importing funded projects: open data with amendments, bad rows, links, idempotence."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from corridor.core.scoping import system_scope
from corridor.programs import importing
from corridor.programs.importing import import_projects
from corridor.programs.models import (
    FundedProject,
    LinkStatus,
    ProjectImport,
    ProjectRecipient,
    ProjectRow,
)
from corridor.programs.tests.helpers import facility, program
from corridor.registry.sheets import ImportFileError

pytestmark = pytest.mark.django_db
OPEN_COLUMNS = [
    "ref_number",
    "amendment_number",
    "amendment_date",
    "agreement_value",
    "agreement_start_date",
    "agreement_end_date",
    "recipient_legal_name",
    "recipient_operating_name",
    "recipient_city",
    "recipient_province",
    "prog_name_en",
    "naics_identifier",
    "owner_org_title",
]


def write(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(columns)
        out.writerows(rows)
    return path


def grant(
    ref: str,
    amendment: str,
    value: str,
    name: str = "Essex Diecast Inc.",
    city: str = "Windsor",
    prog: str = "Strategic Innovation Fund",
    date: str = "2022-01-01",
) -> list[str]:
    return [
        ref,
        amendment,
        date,
        value,
        "2021-06-01",
        "2026-05-31",
        name,
        "",
        city,
        "ON",
        prog,
        "331523",
        "Innovation, Science and Economic Development Canada",
    ]


@pytest.fixture
def setting(world: Any) -> Any:
    world.sif = program("sif", name="Strategic Innovation Fund", eligibility=[])
    world.caster = facility("Essex Diecast Inc.", world.windsor, street="100 Foundry Road")
    return world


def _all(model: Any) -> list[Any]:
    with system_scope("test reads"):
        return list(model.objects.all())


def test_only_the_latest_amendment_of_an_agreement_becomes_the_project(
    setting: Any, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "grants.csv",
        OPEN_COLUMNS,
        [
            grant("SIF-1", "0", "10000000", date="2021-06-01"),
            grant("SIF-1", "2", "12500000", date="2023-02-01"),
            grant("SIF-1", "1", "11000000", date="2022-03-01"),
        ],
    )
    report = import_projects(path)
    assert (report.created, report.superseded, report.rejects) == (1, 2, [])
    [project] = _all(FundedProject)
    assert project.contribution == 12_500_000
    assert project.program == setting.sif
    rows = sorted((r.amendment, r.is_latest) for r in _all(ProjectRow))
    assert rows == [(0, False), (1, False), (2, True)]  # every amendment kept, raw


def test_a_recipient_is_linked_to_its_registry_facility(setting: Any, tmp_path: Path) -> None:
    path = write(
        tmp_path / "grants.csv",
        OPEN_COLUMNS,
        [
            grant("SIF-1", "0", "10000000", name="ESSEX DIECAST INC"),
            grant("SIF-2", "0", "20000000", name="Northern Quarry Holdings Ltd", city="Sudbury"),
        ],
    )
    report = import_projects(path)
    links = {r.name: (r.link_status, r.facility_id) for r in _all(ProjectRecipient)}
    assert links["ESSEX DIECAST INC"] == (LinkStatus.LINKED, setting.caster.pk)
    assert links["Northern Quarry Holdings Ltd"] == (LinkStatus.UNLINKED, None)
    assert report.linked == 1
    with system_scope("test reads"):
        assert FundedProject.objects.get(source_ref="SIF-1").municipality == setting.windsor


def test_bad_rows_are_rejected_with_their_row_and_field_and_the_rest_imported(
    setting: Any, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "grants.csv",
        OPEN_COLUMNS,
        [
            grant("SIF-1", "0", "10000000"),
            grant("SIF-2", "0", "ten million"),
            grant("SIF-3", "first", "10000000"),
            grant("SIF-4", "0", "10000000", name=""),
            grant("", "0", "10000000"),
            grant("SIF-1", "0", "10000000"),
        ],
    )
    report = import_projects(path)
    assert [(r.row, r.field) for r in report.rejects] == [
        (3, "agreement_value"),
        (4, "amendment_number"),
        (5, "recipient_legal_name"),
        (6, "ref_number"),
        (7, "amendment_number"),
    ]
    assert "'ten million' is not an amount of dollars" in report.rejects[0].reason
    assert report.created == 1
    [run] = _all(ProjectImport)
    assert run.rejects[0]["raw"]["agreement_value"] == "ten million"  # the raw row is kept


def test_the_command_names_the_file_row_and_field_of_a_bad_row(
    setting: Any, tmp_path: Path, capsys: Any
) -> None:
    path = write(tmp_path / "grants.csv", OPEN_COLUMNS, [grant("SIF-2", "0", "ten million")])
    call_command("import_projects", str(path))
    out = capsys.readouterr().out
    assert "grants.csv, row 2: agreement_value: 'ten million' is not an amount of dollars" in out


def test_reimporting_the_same_file_changes_nothing(setting: Any, tmp_path: Path) -> None:
    path = write(
        tmp_path / "grants.csv",
        OPEN_COLUMNS,
        [
            grant("SIF-1", "0", "10000000"),
            grant("SIF-1", "1", "11000000"),
        ],
    )
    import_projects(path)
    again = import_projects(path)
    assert (again.created, again.updated, again.unchanged, again.superseded) == (0, 0, 1, 1)
    assert len(_all(FundedProject)) == 1
    assert len(_all(ProjectRow)) == 2
    assert len(_all(ProjectRecipient)) == 1


def test_a_new_amendment_updates_the_project(setting: Any, tmp_path: Path) -> None:
    first = write(tmp_path / "q1.csv", OPEN_COLUMNS, [grant("SIF-1", "0", "10000000")])
    import_projects(first)
    later = write(
        tmp_path / "q2.csv",
        OPEN_COLUMNS,
        [
            grant("SIF-1", "0", "10000000"),
            grant("SIF-1", "1", "14000000"),
        ],
    )
    report = import_projects(later)
    assert (report.created, report.updated) == (0, 1)
    [project] = _all(FundedProject)
    assert project.contribution == 14_000_000
    assert project.version == 2


def test_rows_of_programs_corridor_does_not_follow_are_skipped(
    setting: Any, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "grants.csv",
        OPEN_COLUMNS,
        [
            grant("X-1", "0", "5000", prog="Canada Summer Jobs"),
        ],
    )
    report = import_projects(path)
    assert (report.skipped, report.created) == (1, 0)
    assert len(_all(ProjectRow)) == 1


def test_a_file_without_the_required_columns_is_refused_and_nothing_written(
    setting: Any, tmp_path: Path
) -> None:
    path = write(tmp_path / "grants.csv", ["ref_number", "agreement_value"], [["A", "1"]])
    with pytest.raises(ImportFileError, match=r"grants.csv: missing required column"):
        import_projects(path)
    assert _all(ProjectImport) == []


def test_a_failure_midway_writes_nothing(setting: Any, tmp_path: Path, monkeypatch: Any) -> None:
    path = write(tmp_path / "grants.csv", OPEN_COLUMNS, [grant("SIF-1", "0", "10000000")])

    def broken(self: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing._Writer, "_finish", broken)
    with pytest.raises(RuntimeError):
        import_projects(path)
    assert (_all(FundedProject), _all(ProjectRow), _all(ProjectImport)) == ([], [], [])


def test_corridors_own_csv_names_a_consortium_and_its_figures(setting: Any, tmp_path: Path) -> None:
    program("ngen", name="Next Generation Manufacturing Canada", short_name="NGen", eligibility=[])
    columns = [
        "project_id",
        "program",
        "title",
        "recipients",
        "recipient_city",
        "contribution",
        "total_value",
        "jobs_created_expected",
        "technologies",
        "status",
        "approved_on",
    ]
    path = write(
        tmp_path / "projects.csv",
        columns,
        [
            [
                "P-1",
                "NGen",
                "Lightweight castings",
                "Essex Diecast Inc.; Lakeside Tooling",
                "Windsor",
                "1,000,000",
                "2,400,000",
                "12",
                "advanced materials; robotics",
                "underway",
                "2024-02-01",
            ],
            ["P-2", "Nowhere Fund", "Lost", "Someone", "", "", "", "", "", "", ""],
            ["P-3", "NGen", "Bad jobs", "Someone", "", "", "", "twelve", "", "", ""],
        ],
    )
    report = import_projects(path)
    assert [(r.row, r.field) for r in report.rejects] == [
        (3, "program"),
        (4, "jobs_created_expected"),
    ]
    [project] = _all(FundedProject)
    assert project.leverage == pytest.approx(2.4)
    assert project.technology_tags == ["advanced materials", "robotics"]
    recipients = sorted((r.name, r.is_lead) for r in _all(ProjectRecipient))
    assert recipients == [("Essex Diecast Inc.", True), ("Lakeside Tooling", False)]
