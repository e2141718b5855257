"""The pipeline's pages: the board, the list and its exports, adding, editing, moving."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from corridor.attraction import services
from corridor.attraction.models import Prospect, Stage
from corridor.attraction.tests.test_pipeline_services import TODAY, battery, prospect
from corridor.core.history import change_context
from corridor.core.scoping import system_scope

SECRET = "Wants a site near the rail line"


def shared_and_private(world: Any) -> tuple[Prospect, Prospect]:
    shared = prospect(world.alice, name="Shared Casting", shared=True)
    private = prospect(world.alice, name="Private Casting")
    return shared, private


def test_the_board_shows_open_stages_with_cards_totals_and_gap_targets(
    world: Any, as_user: Any
) -> None:
    shared, _ = shared_and_private(world)
    with change_context(user=world.alice, source="tests"):
        services.move_stage(world.alice, shared, Stage.CONTACTED)
        won = prospect(world.alice, name="Won Casting")
        services.move_stage(world.alice, won, Stage.WON, won_jobs=50)
    page = as_user("alice").get("/attraction/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Shared Casting" in html and "Private Casting" in html and "Won Casting" not in html
    assert "Send the site list" in html  # the next step: Windsor's own
    assert "$80,000,000 estimated" in html  # two open prospects of $40M
    assert "Targets from the gap analysis" in html
    assert f'action="/attraction/prospects/{shared.pk}/stage/"' in html


def test_bob_sees_the_shared_prospect_without_what_the_company_said(
    world: Any, as_user: Any
) -> None:
    shared, private = shared_and_private(world)
    board = as_user("bob").get("/attraction/").content.decode()
    assert "Shared Casting" in board and "Private Casting" not in board
    assert "Send the site list" not in board
    assert f"/attraction/prospects/{shared.pk}/stage/" not in board  # he may not move it
    detail = as_user("bob").get(f"/attraction/prospects/{shared.pk}/")
    text = detail.content.decode()
    assert detail.status_code == 200
    assert SECRET not in text and "Michigan" not in text and "Send the site list" not in text
    assert "Move to stage" not in text
    assert as_user("bob").get(f"/attraction/prospects/{private.pk}/").status_code == 404
    own = as_user("alice").get(f"/attraction/prospects/{shared.pk}/").content.decode()
    assert SECRET in own and "Michigan, Tennessee" in own and "Move to stage" in own
    assert f"/history/attraction/prospect/{shared.pk}/" in own
    assert f"/attraction/prospects/{shared.pk}/pitch/" in own


def test_the_partner_sees_no_pipeline(world: Any, as_user: Any) -> None:
    assert as_user("dave").get("/attraction/").status_code == 403
    assert as_user("dave").get("/attraction/prospects/").status_code == 403


def test_the_list_filters_and_exports_as_the_reader_may_read(world: Any, as_user: Any) -> None:
    shared, _ = shared_and_private(world)
    with change_context(user=world.alice, source="tests"):
        services.move_stage(world.alice, shared, Stage.CONTACTED)
    alice = as_user("alice")
    assert (
        "Private Casting"
        not in alice.get("/attraction/prospects/?stage=contacted").content.decode()
    )
    assert (
        "Private Casting"
        in alice.get("/attraction/prospects/?stage=open&q=private").content.decode()
    )
    assert "Shared Casting" not in alice.get("/attraction/prospects/?shared=false").content.decode()
    assert (
        "Private Casting"
        in alice.get(
            "/attraction/prospects/?capability=battery-enclosure&mine=true"
        ).content.decode()
    )
    assert (
        "Private Casting"
        not in alice.get("/attraction/prospects/?capability=die-casting").content.decode()
    )
    bad = alice.get("/attraction/prospects/?stage=nonsense")
    assert bad.status_code == 200 and "stage" in bad.content.decode()
    csv = as_user("bob").get("/attraction/prospects/?format=csv")
    body = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv")
    assert "Shared Casting" in body and "Private Casting" not in body
    assert "Michigan" not in body and "(confidential)" in body
    assert "Michigan" in alice.get("/attraction/prospects/?format=csv").content.decode("utf-8-sig")
    xlsx = alice.get("/attraction/prospects/?format=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Private Casting", "Shared Casting"]


def test_overdue_next_steps_are_filtered(world: Any, as_user: Any) -> None:
    prospect(world.alice, name="Late Casting", next_step_due=TODAY - dt.timedelta(days=3))
    prospect(world.alice, name="Timely Casting")
    html = as_user("alice").get("/attraction/prospects/?due=true").content.decode()
    assert "Late Casting" in html and "Timely Casting" not in html


def test_a_new_prospect_from_a_gap_is_prefilled_and_saved(world: Any, as_user: Any) -> None:
    alice = as_user("alice")
    form = alice.get("/attraction/prospects/new/?capability=battery-enclosure&source=gap")
    assert form.status_code == 200
    html = form.content.decode()
    assert f'<option value="{battery().pk}" selected>' in html
    response = alice.post(
        "/attraction/prospects/new/",
        {
            "name": "Posted Casting",
            "kind": "new",
            "capability": battery().pk,
            "source": "gap",
            "estimated_jobs": "90",
            "owner": world.alice.pk,
        },
    )
    assert response.status_code == 302
    with system_scope("test"):
        made = Prospect.objects.get(name="Posted Casting")
    assert made.organisation == world.org_a and made.estimated_jobs == 90
    assert response["Location"] == f"/attraction/prospects/{made.pk}/"


def test_an_expansion_is_prefilled_from_the_facility(world: Any, as_user: Any) -> None:
    from corridor.calls.tests.helpers import facility

    with system_scope("test"), change_context(source="tests"):
        plant = facility("Example Stamping", world.windsor)
    alice = as_user("alice")
    html = alice.get(f"/attraction/prospects/new/?facility={plant.pk}").content.decode()
    assert 'value="expansion" selected' in html and "Example Stamping" in html
    response = alice.post(
        "/attraction/prospects/new/",
        {
            "facility": plant.pk,
            "name": "Stamping expansion",
            "kind": "expansion",
            "source": "other",
        },
    )
    assert response.status_code == 302
    with system_scope("test"):
        made = Prospect.objects.get(name="Stamping expansion")
    assert made.facility == plant and made.company_id == plant.company_id


def test_an_edit_from_a_stale_page_says_someone_saved_first(world: Any, as_user: Any) -> None:
    p = prospect(world.alice)
    services.update_prospect(world.carol, p, p.version, next_step="Carol's step")
    response = as_user("alice").post(
        f"/attraction/prospects/{p.pk}/edit/",
        {"loaded_version": 1, "name": "Renamed", "kind": "new", "source": "gap"},
    )
    assert response.status_code == 200
    assert "Reload the page" in response.content.decode()
    fresh = as_user("alice").post(
        f"/attraction/prospects/{p.pk}/edit/",
        {"loaded_version": 2, "name": "Renamed", "kind": "new", "source": "gap"},
    )
    assert fresh.status_code == 302
    assert as_user("bob").get(f"/attraction/prospects/{p.pk}/edit/").status_code == 404


def test_the_stage_form_moves_and_explains_what_is_missing(world: Any, as_user: Any) -> None:
    p = prospect(world.alice)
    alice = as_user("alice")
    url = f"/attraction/prospects/{p.pk}/stage/"
    day = TODAY.isoformat()
    refused = alice.post(url, {"to_stage": "lost", "on": day, "loaded_version": p.version})
    assert refused.status_code == 200 and "Say why it was lost" in refused.content.decode()
    moved = alice.post(url, {"to_stage": "contacted", "on": day, "back": "board"})
    assert moved.status_code == 302 and moved["Location"] == "/attraction/"
    won = alice.post(url, {"to_stage": "won", "on": day, "won_jobs": "40", "note": "Signed"})
    assert won.status_code == 302
    p.refresh_from_db()
    assert p.stage == "won" and p.won_jobs == 40
    assert as_user("bob").post(url, {"to_stage": "lost", "on": day}).status_code == 404
    assert as_user("erin").post(url, {"to_stage": "lost", "on": day}).status_code == 403


def test_a_column_without_any_estimate_says_so_instead_of_zero_dollars(
    world: Any, as_user: Any
) -> None:
    prospect(world.alice, name="Unpriced Casting", estimated_investment=None)
    html = as_user("alice").get("/attraction/").content.decode()
    assert "No investment estimated yet" in html
    assert "$0 estimated" not in html
