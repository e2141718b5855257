"""The change history shows no one more than the reads do.

For every model whose access rule names confidential fields, each of those fields is
given a unique marker through the services a person uses; then every history surface
(the change log, the object's history page, the home page's recent changes, the API's
change list and an organisation's history) is read as every role. Whoever may not read
the field on the object's own page and API must not find the marker, nor the field's
name, anywhere in the history; whoever may read it must find it there.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from conftest import client_for
from corridor.calls import follow_ups, recording
from corridor.calls.models import Call, Flag, FollowUp
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.contacts import services as contact_services
from corridor.contacts.models import Contact, Touch
from corridor.core import policy
from corridor.core.history import change_context
from corridor.core.models import ChangeRecord
from corridor.core.scoping import system_scope
from corridor.supplychain import needs
from corridor.supplychain.models import SupplyNeed
from corridor.supplychain.tests.helpers import capability

# What a reader of each model's rows may not always read (the reads hide it: the
# calls', flags', follow-ups' and needs' schemas and pages).
EXPECTED = {
    Call: {"consent_on", "consent_scope", "consent_note"},
    Flag: {"detail"},
    FollowUp: {"description", "outcome"},
    SupplyNeed: {"buyer", "description", "call"},
    Contact: {"consent_note"},
    Touch: {"note"},
}
CONSENT_DAY = dt.date(1999, 12, 31)  # a date no other record holds


def test_every_model_with_hidden_fields_names_them_in_its_rule() -> None:
    declared = {m: set(policy.confidential_fields(m)) for m in policy.registered_models()}
    for model, fields in EXPECTED.items():
        assert declared[model] == fields, model.__name__
        names = {f.name for f in model._meta.concrete_fields}
        assert fields <= names, f"{model.__name__}: {fields - names} are not its fields"


def _marked(world: Any) -> dict[str, Any]:
    """A Windsor call with consent, a flag, a follow-up and a supply need, each confidential
    field holding a marker; made by Windsor's officer (alice) as on the pages."""
    plant = facility("Marker Castings", world.windsor)
    call = planned(world.alice, plant, world.org_a)
    with change_context(user=world.alice, source="web"):
        recording.save_answers(world.alice, call, {"risks.relocation": "no"}, complete=True)
        recording.record_consent(
            world.alice, call, CONSENT_DAY, ["association"], "MARK-consent-note"
        )
        flag = follow_ups.raise_flag(
            world.alice, facility=plant, organisation=world.org_a, severity="red",
            category="downsizing", detail="MARK-flag-detail", call=call, today=DAY,
        )  # fmt: skip
        follow_up = follow_ups.add_follow_up(
            world.alice, facility=plant, call=call, owner_organisation=world.org_a,
            owner=world.alice, due_on=DAY + dt.timedelta(days=14), category="other",
            description="MARK-follow-up-description",
        )  # fmt: skip
        follow_ups.complete_follow_up(world.alice, follow_up, "MARK-follow-up-outcome")
        need = needs.record_need(
            world.alice, buyer=plant, capability=capability("stamping"),
            organisation=world.org_a, description="MARK-need-description", call=call,
        )  # fmt: skip
        contact = contact_services.create_contact(
            world.alice, company=plant.company, facility=plant, name="Marker Person",
            consent_basis="express", consent_on=DAY, consent_note="MARK-contact-consent",
            shared=True, shared_on=DAY,
        )  # fmt: skip
        touch = contact_services.log_touch(
            world.alice, plant, kind="phone", happened_on=DAY, contacts=[contact],
            note="MARK-touch-note",
        )  # fmt: skip
    return {"call": call, "flag": flag, "follow_up": follow_up, "need": need, "plant": plant,
            "contact": contact, "touch": touch}  # fmt: skip


def _surfaces(objects: dict[str, Any], world: Any) -> list[str]:
    urls = ["/", "/changes/", "/api/v1/changes?page_size=500"]
    for name in ("call", "flag", "follow_up", "need", "contact", "touch"):
        obj = objects[name]
        label, model = obj._meta.app_label, obj._meta.model_name
        urls += [
            f"/changes/?model={model}",
            f"/history/{label}/{model}/{obj.pk}/",
            f"/api/v1/changes?model={model}&page_size=500",
        ]
    urls.append(f"/api/v1/organisations/{world.org_a.pk}/history")
    return urls


def _history_text(user: Any, urls: list[str]) -> str:
    client = client_for(user)
    parts = []
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 401, 403, 404), (url, response.status_code)
        parts.append(response.content.decode())
    return "\n".join(parts)


def _api_changes(user: Any) -> list[dict[str, Any]]:
    response = client_for(user).get("/api/v1/changes?page_size=500")
    if response.status_code != 200:
        return []
    body = json.loads(response.content)
    return body["items"] if isinstance(body, dict) else body


MARKERS = {
    Call: ["MARK-consent-note", CONSENT_DAY.isoformat()],
    Flag: ["MARK-flag-detail"],
    FollowUp: ["MARK-follow-up-description", "MARK-follow-up-outcome"],
    SupplyNeed: ["MARK-need-description"],
    Contact: ["MARK-contact-consent"],
    Touch: ["MARK-touch-note"],
}


@pytest.mark.parametrize("role", ["alice", "bob", "carol", "dave", "erin", "anonymous"])
def test_no_history_surface_shows_a_confidential_field_to_a_reader_who_may_not_read_it(
    world: Any, role: str
) -> None:
    objects = _marked(world)
    user = world.users()[role]
    text = _history_text(user, _surfaces(objects, world))
    records = _api_changes(user)
    kinds = {
        ContentType.objects.get_for_model(m).model: (m, fields) for m, fields in EXPECTED.items()
    }
    for model, markers in MARKERS.items():
        obj = objects[
            {
                Call: "call",
                Flag: "flag",
                FollowUp: "follow_up",
                Contact: "contact",
                Touch: "touch",
            }.get(model, "need")
        ]
        with system_scope("the test's own check of who may read"):
            may_read = (
                policy.with_confidential_history(user, model).filter(pk=obj.pk).exists()
                if user is not None
                else False
            )
        for marker in markers:
            if may_read:
                assert marker in text, f"{role} should find {marker} in the history"
            else:
                assert marker not in text, f"{role} found {marker} in the history"
        if not may_read:
            for r in records:
                if kinds.get(r.get("model", ""), (None,))[0] is not model:
                    continue
                said = set(r.get("changed_fields") or []) | set(r.get("before") or {})
                said |= set(r.get("after") or {})
                assert not said & EXPECTED[model], f"{role} sees {said & EXPECTED[model]}"


def test_the_people_who_may_read_consent_are_the_visitors_and_the_coordinator(
    world: Any,
) -> None:
    """The matrix above is not vacuous: Windsor and the coordinator read the consent's
    history, Oshawa and the partner read the call's shared history but not the consent."""
    objects = _marked(world)
    call = objects["call"]
    readers = {
        role: policy.with_confidential_history(world.users()[role], Call)
        .filter(pk=call.pk)
        .exists()
        for role in ("alice", "erin", "carol", "bob", "dave")
    }
    assert readers == {"alice": True, "erin": True, "carol": True, "bob": False, "dave": False}
    shared = _history_text(world.bob, [f"/history/calls/call/{call.pk}/"])
    assert "Marker Castings" in shared  # Oshawa sees that the call happened and changed


def test_a_consent_change_is_recorded_apart_from_the_calls_shared_fields(world: Any) -> None:
    objects = _marked(world)
    call = objects["call"]
    with system_scope("reading the records"):
        records = list(
            ChangeRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(Call), object_id=call.pk
            )
        )
    secret = [r for r in records if r.confidential]
    assert secret and all(set(r.changed_fields) <= EXPECTED[Call] for r in secret)
    for r in records:
        if not r.confidential:
            keys = set(r.changed_fields) | set(r.before or {}) | set(r.after or {})
            assert not keys & EXPECTED[Call], r.changed_fields


def test_the_migration_splits_the_consent_out_of_calls_older_records(world: Any) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("corridor.calls.migrations.0005_consent_history_apart")
    call = planned(world.alice, facility("Old Records Ltd", world.windsor), world.org_a)
    kind = ContentType.objects.get_for_model(Call)
    with system_scope("an old-style record, as written before the rule"):
        old = ChangeRecord.objects.create(
            content_type=kind, object_id=call.pk, object_repr=str(call), action="update",
            before={"status": "planned", "consent_note": "", "consent_on": None},
            after={"status": "completed", "consent_note": "MARK-old", "consent_on": "2026-01-02"},
            changed_fields=["consent_note", "consent_on", "status"], user_name="alice",
        )  # fmt: skip
        migration.split_consent_history(apps, None)
        old.refresh_from_db()
        assert old.changed_fields == ["status"] and "consent_note" not in old.after
        secret = ChangeRecord.objects.get(content_type=kind, object_id=call.pk, confidential=True)
        assert secret.after == {"consent_note": "MARK-old", "consent_on": "2026-01-02"}
        assert secret.time == old.time and secret.user_name == "alice"
