"""The coordinator corrects a program's facts on its page; a reload of the data file
keeps what a person changed and refreshes the rest."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from conftest import client_for
from corridor.core.history import change_context
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.programs import catalogue
from corridor.programs.models import FundingProgram
from corridor.programs.tests.helpers import SME_PARTS_RULES, program

pytestmark = pytest.mark.django_db


def _form(w: Any, p: FundingProgram, **changes: Any) -> dict[str, Any]:
    data = {
        "name": p.name, "short_name": p.short_name, "aliases": p.aliases,
        "funder": p.funder_id or "", "delivered_by": p.delivered_by_id or "",
        "jurisdiction": p.jurisdiction, "status": p.status,
        "starts_on": p.starts_on or "", "ends_on": p.ends_on or "", "website": p.website,
        "description": p.description, "source": p.source, "loaded_version": p.version,
    }  # fmt: skip
    return {**data, **changes}


def test_the_coordinator_corrects_a_program_and_the_change_is_recorded(world: Any) -> None:
    parts = program("parts")
    page = client_for(world.carol).get(f"/programs/{parts.pk}/")
    assert f'href="/programs/{parts.pk}/edit/"' in page.content.decode()
    form = client_for(world.carol).get(f"/programs/{parts.pk}/edit/")
    assert form.status_code == 200 and form.context["form"].initial["name"] == parts.name
    assert f'<a href="/programs/{parts.pk}/">Cancel</a>' in form.content.decode()
    data = _form(world, parts, status="intake_closed", ends_on="2027-03-31",
                 delivered_by=world.apma.pk)  # fmt: skip
    saved = client_for(world.carol).post(f"/programs/{parts.pk}/edit/", data, follow=True)
    assert saved.redirect_chain == [(f"/programs/{parts.pk}/", 302)]
    assert "Saved PARTS." in saved.content.decode()
    parts.refresh_from_db()
    assert (parts.status, parts.ends_on, parts.delivered_by_id) == (
        "intake_closed", dt.date(2027, 3, 31), world.apma.pk,
    )  # fmt: skip
    assert parts.eligibility == SME_PARTS_RULES  # the rules are not the page's to change
    with system_scope("test"):
        change = ChangeRecord.objects.filter(object_id=parts.pk, source="web").get()
    assert change.user == world.carol
    assert change.changed_fields == ["delivered_by", "ends_on", "status"]


def test_only_the_coordinator_may_correct_a_program(world: Any) -> None:
    parts = program("parts")
    assert "/edit/" not in client_for(world.alice).get(f"/programs/{parts.pk}/").content.decode()
    for user in (world.alice, world.dave, world.erin):
        client = client_for(user)
        assert client.get(f"/programs/{parts.pk}/edit/").status_code == 403
        denied = client.post(f"/programs/{parts.pk}/edit/", _form(world, parts, status="closed"))
        assert denied.status_code == 403
    parts.refresh_from_db()
    assert parts.status == "unknown" and parts.version == 1


def test_a_correction_from_a_stale_page_is_refused(world: Any) -> None:
    parts = program("parts")
    stale = _form(world, parts, status="closed")
    first = client_for(world.carol).post(
        f"/programs/{parts.pk}/edit/", _form(world, parts, status="open")
    )
    assert first.status_code == 302
    refused = client_for(world.carol).post(f"/programs/{parts.pk}/edit/", stale)
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "changed by someone else" in text and "Reload the page" in text
    parts.refresh_from_db()
    assert parts.status == "open"


def test_a_program_cannot_close_before_it_opens(world: Any) -> None:
    parts = program("parts")
    data = _form(world, parts, starts_on="2027-01-01", ends_on="2026-12-31")
    response = client_for(world.carol).post(f"/programs/{parts.pk}/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "The program cannot close before it opens."
    ]
    parts.refresh_from_db()
    assert parts.ends_on is None


def _catalogue(path: Path, **program_values: Any) -> Path:
    entry = {"key": "reload", "name": "Reload Program", "short_name": "RP",
             "jurisdiction": "provincial", "status": "open", "description": "From the file.",
             "eligibility": [{"kind": "size", "max_employees": 499}], **program_values}  # fmt: skip
    path.write_text(json.dumps({"organisations": [], "programs": [entry]}), encoding="utf-8")
    return path


def test_a_reload_keeps_what_the_coordinator_changed_and_refreshes_the_rest(
    world: Any, tmp_path: Path
) -> None:
    file = _catalogue(tmp_path / "programs.json")
    with change_context(source="command:load-programs"):
        assert catalogue.load_programs(file) == (1, 0, 0)
    with system_scope("test"):
        loaded = FundingProgram.objects.get(key="reload")
    data = _form(world, loaded, status="closed")
    assert client_for(world.carol).post(f"/programs/{loaded.pk}/edit/", data).status_code == 302

    # the file changes both the status (corrected on the page) and the description
    _catalogue(file, status="open", description="A newer description.")
    with change_context(source="command:load-programs"):
        assert catalogue.load_programs(file) == (0, 1, 1)
    loaded.refresh_from_db()
    assert (loaded.status, loaded.description) == ("closed", "A newer description.")


def test_the_load_command_says_how_many_corrections_it_kept(world: Any) -> None:
    call_command("load_programs", stdout=StringIO())
    with system_scope("test"):
        first = FundingProgram.objects.order_by("key").first()
    assert first is not None
    data = _form(world, first, description="Corrected by the coordinator.")
    assert client_for(world.carol).post(f"/programs/{first.pk}/edit/", data).status_code == 302
    out = StringIO()
    call_command("load_programs", stdout=out)
    assert out.getvalue().strip() == (
        "Programs: 0 added, 0 updated. 1 field(s) changed by people on Corridor's pages were kept."
    )
    first.refresh_from_db()
    assert first.description == "Corrected by the coordinator."
