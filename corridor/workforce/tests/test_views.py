"""The skills-map pages: what each reader sees, the exports, the facility panel, and a
partner college keeping its own programs."""

from __future__ import annotations

import io
from typing import Any

import pytest

from conftest import PASSWORD, client_for
from corridor.core.models import Membership, Organisation, OrganisationKind, Role, User
from corridor.core.scoping import system_scope
from corridor.workforce.models import Institution, TrainingProgram
from corridor.workforce.tests.helpers import ON, postings, program, recorded_call, region, supply


@pytest.fixture
def figures(world: Any) -> Any:
    windsor = region("Windsor–Sarnia")
    postings(windsor, "72106", 100)
    supply(windsor, "72106", unemployed=30)
    world.welding = program("Welding Techniques", 20, [world.windsor], ["72106"])
    world.call = recorded_call(world.alice, world.org_a, world.windsor, "Welders, 3")
    return world


def test_the_gap_table_ranks_and_explains_the_formula(figures: Any) -> None:
    page = client_for(figures.erin).get("/workforce/", {"on": ON.isoformat()}).content.decode()
    assert "Welders and related machine operators" in page
    assert "demand ÷ available" in page
    assert "2.06" in page  # (100 + 3) / (30 + 20)


def test_a_partner_reads_fewer_than_5_and_calls_left_out(figures: Any) -> None:
    page = client_for(figures.dave).get("/workforce/", {"on": ON.isoformat()}).content.decode()
    assert "fewer than 5" in page and "calls left out" in page
    assert "2.00" in page  # 100 / 50


def test_the_csv_export_carries_the_same_rows_and_suppression(figures: Any) -> None:
    body = client_for(figures.dave).get("/workforce/export.csv", {"on": ON.isoformat()})
    text = body.content.decode("utf-8-sig")
    header, line = text.splitlines()[:2]
    assert header.startswith("rank,noc_code,occupation")
    assert line.startswith("1,72106,Welders and related machine operators,2,3570")
    assert "left out (fewer than 5 companies)" in line and "fewer than 5" in line


def test_the_excel_export_has_the_gaps_and_the_formula(figures: Any) -> None:
    from openpyxl import load_workbook

    body = client_for(figures.alice).get("/workforce/export.xlsx", {"on": ON.isoformat()})
    book = load_workbook(io.BytesIO(body.content))
    assert book.sheetnames == ["Gaps", "Formula"]
    rows = list(book["Gaps"].iter_rows(values_only=True))
    assert rows[1][1] == "72106" and rows[1][15] == pytest.approx(2.06)


def test_the_heat_map_shows_each_value_with_its_band(figures: Any) -> None:
    page = client_for(figures.bob).get("/workforce/heat-map/", {"on": ON.isoformat()})
    assert '<td class="cell band-shorter">2.06' in page.content.decode()


def test_the_occupation_page_lists_its_programs_and_the_companies_asking(figures: Any) -> None:
    page = client_for(figures.alice).get("/workforce/occupations/72106/").content.decode()
    assert "Welding Techniques" in page
    assert "Your municipality&#x27;s calls" in page or "Your municipality's calls" in page
    other = client_for(figures.bob).get("/workforce/occupations/72106/").content.decode()
    assert "Your municipality" not in other and "Plant " not in other


def test_the_facility_panel_shows_what_it_reported_and_the_nearest_programs(
    figures: Any,
) -> None:
    url = f"/registry/facilities/{figures.call.facility_id}/"
    mine = client_for(figures.alice).get(url).content.decode()
    assert 'id="skills-heading"' in mine
    assert "Welding Techniques" in mine and "0 km" in mine
    assert 'id="skills-heading"' not in client_for(figures.bob).get(url).content.decode()


def _college_editor(world: Any) -> tuple[User, Institution]:
    with system_scope("tests"):
        college = Organisation.objects.create(
            name="Test College", kind=OrganisationKind.COLLEGE, municipality=world.windsor
        )
        user = User.objects.create_user("frank", "frank@example.org", PASSWORD)
        Membership.objects.create(user=user, organisation=college, role=Role.EDITOR)
        institution, _ = Institution.objects.get_or_create(name="Test College")
        institution.organisation = college
        institution.save()
    return user, institution


def test_a_partner_college_edits_its_own_programs_only(figures: Any) -> None:
    frank, _ = _college_editor(figures)
    other = program("Machining", 10, [figures.windsor], ["72100"],
                    institution=_other_institution())  # fmt: skip
    client = client_for(frank)
    form = {
        "name": "Welding Techniques", "code": "WT", "credential": "certificate",
        "length_months": "8", "delivery_mode": "in_person", "seats": "45",
        "graduates_per_year": "36", "campuses": [c.pk for c in _campuses(figures.welding)],
        "occupations": [o.pk for o in _occupations(figures.welding)], "source": "college",
        "loaded_version": figures.welding.version,
    }  # fmt: skip
    response = client.post(f"/workforce/programs/{figures.welding.pk}/edit/", form)
    assert response.status_code == 302
    with system_scope("tests"):
        assert TrainingProgram.objects.get(pk=figures.welding.pk).seats == 45
    assert client.get(f"/workforce/programs/{other.pk}/edit/").status_code == 403


def test_a_college_adds_a_program_only_to_its_own_institution(figures: Any) -> None:
    frank, institution = _college_editor(figures)
    client = client_for(frank)
    page = client.get("/workforce/programs/new/").content.decode()
    assert "Test College" in page and "Other College" not in page
    form = {
        "institution": institution.pk, "name": "Tool and Die", "code": "TD",
        "credential": "certificate", "length_months": "12", "delivery_mode": "in_person",
        "seats": "20", "graduates_per_year": "300", "occupations": [], "campuses": [],
        "source": "",
    }  # fmt: skip
    refused = client.post("/workforce/programs/new/", form)
    assert "More than ten times the seats" in refused.content.decode()
    form["graduates_per_year"] = "16"
    assert client.post("/workforce/programs/new/", form).status_code == 302


def _other_institution() -> Institution:
    with system_scope("tests"):
        return Institution.objects.create(name="Other College")


def _campuses(p: TrainingProgram) -> list[Any]:
    with system_scope("tests"):
        return list(p.campuses.all())


def _occupations(p: TrainingProgram) -> list[Any]:
    with system_scope("tests"):
        return list(p.occupations.all())
