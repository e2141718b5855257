"""Importing contact lists: every row checked first, errors named by file, row and column,
nothing written unless every row is right; the page previews before anything is added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from corridor.calls.tests.helpers import facility
from corridor.contacts.importing import import_contacts, template_csv
from corridor.contacts.models import Contact, ContactImport
from corridor.core import policy
from corridor.core.scoping import system_scope

HEADER = (
    "Name,Company,Facility,Role,Title,Phone,E-mail,Language,Consent,Consent date,Shared,Shared on\n"
)
GOOD = (
    HEADER + "Pat Example,Lakeshore Dies Inc.,,Plant manager,,519-555-0101,pat@example.com,English,"
    "implied,2026-09-14,no,\n"
    + "Dominique Exemple,lakeshore dies,Lakeshore Dies,hr,Directrice RH,519-555-0102,"
    "d@example.com,French,Express consent,2026-10-01,yes,2026-10-01\n"
)


def _people(user: Any) -> set[str]:
    return set(policy.visible(user, Contact).values_list("name", flat=True))


def _write(tmp_path: Path, text: str, name: str = "windsor-people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_list_adds_its_people_and_keeps_every_row(world: Any, tmp_path: Path) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    path = _write(tmp_path, GOOD)
    call_command("import_contacts", str(path), organisation="Windsor Economic Development")
    assert _people(world.alice) == {"Pat Example", "Dominique Exemple"}
    assert _people(world.bob) == {"Dominique Exemple"}  # only she agreed to be shared
    dominique = policy.visible(world.alice, Contact).get(name="Dominique Exemple")
    assert dominique.facility == plant and dominique.language == "fr" and dominique.role == "hr"
    assert dominique.consent_basis == "express" and dominique.owner_organisation == world.org_a
    run = policy.visible(world.alice, ContactImport).get()
    assert run.created == 2 and [r["row"] for r in run.rows] == [2, 3]
    assert run.rows[0]["raw"]["Company"] == "Lakeshore Dies Inc."
    assert not policy.visible(world.bob, ContactImport).exists()
    # the same file again adds nobody twice
    report = import_contacts(path, world.org_a)
    assert len(report.skipped) == 2 and not report.to_create
    assert policy.visible(world.alice, Contact).count() == 2


def test_a_bad_row_names_file_row_and_column_and_nothing_is_written(
    world: Any, tmp_path: Path
) -> None:
    facility("Lakeshore Dies", world.windsor)
    bad = GOOD + "Robin Sample,Lakeshore Dyes,,owner,,,robin@example,en,none,,maybe,\n"
    path = _write(tmp_path, bad)
    with pytest.raises(CommandError) as caught:
        call_command("import_contacts", str(path), organisation=str(world.org_a.pk))
    assert "Nothing was imported" in str(caught.value)
    report = import_contacts(path, world.org_a)
    errors = report.errors
    where = "windsor-people.csv: row 4, column B ('Company')"
    assert errors[0].startswith(f"{where}: no company called 'Lakeshore Dyes'")
    assert "Did you mean 'Lakeshore Dies' (company_id" in errors[0]
    assert any("row 4, column K ('Shared'): 'maybe' is not yes or no" in e for e in errors)
    with system_scope("test"):
        assert not Contact.all_objects.exists() and not ContactImport.all_objects.exists()


def test_each_rule_of_a_row(world: Any, tmp_path: Path) -> None:
    plant = facility("Lakeshore Dies", world.windsor)
    facility("Lakeshore Dies", world.oshawa)  # a second company of the same name
    rows = (
        "name,company_id,facility_id,role,email,consent,consent_on\n"
        f",{plant.company_id},,,a@example.com,,\n"
        f"Pat,{plant.company_id},999999,,not-an-email,,\n"
        f"Sam,{plant.company_id},,chief,b@example.com,express,\n"
        f"Lee,{plant.company_id},,,b@example.com,,14/09/2026\n"
        "Ann,123456789,,,,,\n"
    )
    report = import_contacts(_write(tmp_path, rows, "rules.csv"), world.org_a)
    text = "\n".join(report.errors)
    assert "row 2, column A ('name'): the person's name is empty." in text
    assert "row 3, column C ('facility_id'): '999999' is not a facility of Lakeshore Dies" in text
    assert "row 3, column E ('email'): Enter a valid email address." in text
    assert "row 4, column D ('role'): 'chief' is not one of" in text
    assert "row 4, column G ('consent_on'): Give the day the consent was given." in text
    assert "row 5, column E ('email'): the same e-mail is on row 4." in text
    assert "row 5, column G ('consent_on'): '14/09/2026' is not a date (write YYYY-MM-DD)" in text
    assert "row 6, column B ('company_id'): no company with id '123456789'" in text
    ambiguous = "name,company\nPat,Lakeshore Dies\n"
    report = import_contacts(_write(tmp_path, ambiguous, "two.csv"), world.org_a)
    assert "2 companies are called 'Lakeshore Dies'" in report.errors[0]
    assert "give company_id" in report.errors[0]
    with system_scope("test"):
        assert not Contact.all_objects.exists()


def test_a_file_that_cannot_be_read_stops_with_its_reason(world: Any, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="missing required column 'company'"):
        call_command(
            "import_contacts", str(_write(tmp_path, "name,phone\nPat,1\n")), organisation="windsor"
        )
    with pytest.raises(CommandError, match="names no municipality"):
        call_command("import_contacts", str(_write(tmp_path, GOOD)), organisation="Nowhere")


def test_a_workbook_imports_like_a_csv(world: Any, tmp_path: Path) -> None:
    from openpyxl import Workbook

    facility("Lakeshore Dies", world.windsor)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in GOOD.splitlines():
        sheet.append(line.split(","))
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = import_contacts(path, world.org_b)
    assert not report.errors and len(report.to_create) == 2
    assert _people(world.bob) == {"Pat Example", "Dominique Exemple"}
    assert _people(world.alice) == {"Dominique Exemple"}


def test_the_template_is_a_list_the_import_reads(world: Any, tmp_path: Path) -> None:
    facility("Example Stamping", world.windsor)
    report = import_contacts(_write(tmp_path, template_csv(), "template.csv"), world.org_a)
    assert not report.errors and len(report.to_create) == 2


def _upload(text: str, name: str = "people.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_the_page_previews_then_adds(
    as_user: Any, world: Any, settings: Any, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path
    facility("Lakeshore Dies", world.windsor)
    client = as_user("alice")
    form = client.get("/contacts/import/").content.decode()
    assert "Download the template" in form and 'type="file"' in form
    template = client.get("/contacts/import/template.csv")
    assert template["Content-Disposition"].startswith("attachment")
    assert template.content.decode().startswith("name,company,facility,role")
    preview = client.post("/contacts/import/", {"file": _upload(GOOD)}).content.decode()
    assert "Nothing has been written yet" in preview and "Will be added" in preview
    assert "Add 2 people" in preview and "HR lead" in preview and "French" in preview
    assert not _people(world.alice)
    token = preview.split('name="upload" value="')[1].split('"')[0]
    done = client.post("/contacts/import/", {"upload": token}, follow=True).content.decode()
    assert "added 2 people for Windsor Economic Development" in done
    assert _people(world.alice) == {"Pat Example", "Dominique Exemple"}
    # the upload is gone once imported
    again = client.post("/contacts/import/", {"upload": token}, follow=True).content.decode()
    assert "no longer here" in again


def test_the_page_shows_every_problem_and_offers_no_import(
    as_user: Any, world: Any, settings: Any, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path
    facility("Lakeshore Dies", world.windsor)
    bad = GOOD + "Robin Sample,Nowhere Ltd,,owner,,,,en,none,,no,\n"
    page = as_user("alice").post("/contacts/import/", {"file": _upload(bad)}).content.decode()
    assert "Nothing can be imported until it is fixed" in page
    assert "people.csv: row 4, column B (&#x27;Company&#x27;): no company called" in page
    assert 'name="upload"' not in page
    assert not _people(world.alice)
    unreadable = as_user("alice").post("/contacts/import/", {"file": _upload("x\x00y\n")})
    assert "Nothing was imported" in unreadable.content.decode()


def test_only_officers_who_record_contacts_import(as_user: Any, world: Any) -> None:
    assert as_user("erin").get("/contacts/import/").status_code == 403
    assert as_user("dave").get("/contacts/import/").status_code == 403
    assert as_user("dave").get("/contacts/import/template.csv").status_code == 403
    assert as_user("bob").get("/contacts/import/").status_code == 200
