"""The contacts' part of the access matrix (see tests/test_access_matrix.py).

Windsor (alice) records an unshared person (``world.company_contact``: ``world.contact``
is the outreach stakeholder) and a shared one at the matrix facility and
logs a confidential touch. Contacts and touches are for participants; an unshared
person only for Windsor's people and the coordinator; editing for Windsor's editors
and the coordinator; logging a touch for municipal editors and the coordinator.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.contacts import merging, services
from corridor.contacts.models import Contact, Touch
from corridor.core.history import change_context
from tests.access_rows import Row, coordinator, everyone, only, participants

DAY = dt.date(2026, 10, 5)


def build_contacts(world: Any) -> None:
    with change_context(user=world.alice, source="tests"):
        world.company_contact = services.create_contact(
            world.alice, company=world.company, facility=world.facility, name="Matrix Person",
            phone="519-555-0100", email="matrix@example.com",
        )  # fmt: skip
        world.shared_contact = services.create_contact(
            world.alice, company=world.company, facility=world.facility, name="Shared Person",
            shared=True, shared_on=DAY,
        )  # fmt: skip
        world.touch = services.log_touch(
            world.alice, world.facility, kind="phone", happened_on=DAY,
            contacts=[world.company_contact], note="Matrix note",
        )  # fmt: skip
    # Oshawa records Windsor's person again (a duplicate for the coordinator), and a pair
    # already merged (a merge to undo).
    with change_context(user=world.bob, source="tests"):
        world.twin_contact = services.create_contact(
            world.bob, company=world.company, facility=world.facility, name="Matrix Person",
        )  # fmt: skip
        merged = services.create_contact(world.bob, company=world.company, name="Folded Person")
    with change_context(user=world.alice, source="tests"):
        kept = services.create_contact(world.alice, company=world.company, name="Folded Person")
    with change_context(user=world.carol, source="tests"):
        world.contact_merge = merging.merge_contacts(world.carol, kept, merged)


WINDSOR_AND_CAROL = {"alice": 200, "erin": 200, "carol": 200}
EDITORS = {"alice": 200, "bob": 200, "carol": 200}

CONTACT_PAGES: list[Row] = [
    Row("company-contact-list", lambda w: "/contacts/", participants(200, 403)),
    Row("company-contact-list", lambda w: "/contacts/?q=matrix&role=other", participants(200, 403)),
    Row(
        "company-contact-detail",
        lambda w: f"/contacts/{w.company_contact.pk}/",
        only({**WINDSOR_AND_CAROL, "dave": 403}, 404),
    ),
    Row(
        "company-contact-detail",
        lambda w: f"/contacts/{w.shared_contact.pk}/",
        participants(200, 403),
    ),
    Row(
        "company-contact-edit",
        lambda w: f"/contacts/{w.company_contact.pk}/edit/",
        only({"alice": 200, "carol": 200, "erin": 403, "dave": 403}, 404),
    ),
    Row(
        "company-contact-edit",
        lambda w: f"/contacts/{w.shared_contact.pk}/edit/",
        only({"alice": 200, "carol": 200, "dave": 403}, 403),
    ),
    Row(
        "company-contact-links",
        lambda w: f"/contacts/{w.company_contact.pk}/links/",
        only({"alice": 200, "carol": 200, "erin": 403, "dave": 403}, 404),
    ),
    Row(
        "company-contact-links",
        lambda w: f"/contacts/{w.company_contact.pk}/links/",
        only({"alice": 302, "carol": 302, "erin": 403, "dave": 403}, 404),
        method="post",
        data=lambda w: {"calls": []},
    ),
    Row(
        "company-contact-add",
        lambda w: f"/contacts/add/?at={w.facility.pk}",
        only(EDITORS, 403),
    ),
    Row(
        "company-contact-add",
        lambda w: "/contacts/add/",
        only({"alice": 302, "bob": 302, "carol": 302}, 403),
        method="post",
        data=lambda w: {
            "company": w.company.pk,
            "name": "Posted Person",
            "role": "owner",
            "language": "en",
            "consent_basis": "none",
        },
    ),
    Row("touch-detail", lambda w: f"/contacts/touches/{w.touch.pk}/", participants(200, 403)),
    Row("touch-add", lambda w: f"/contacts/facilities/{w.facility.pk}/touch/", only(EDITORS, 403)),
    Row(
        "touch-add",
        lambda w: f"/contacts/facilities/{w.facility.pk}/touch/",
        only({"alice": 302, "bob": 302, "carol": 302}, 403),
        method="post",
        data=lambda w: {"kind": "email", "happened_on": DAY.isoformat(), "note": "Posted"},
    ),
    Row("company-contact-import", lambda w: "/contacts/import/", only(EDITORS, 403)),
    Row(
        "company-contact-import",
        lambda w: "/contacts/import/",
        only(EDITORS, 403),  # no file: the form says so
        method="post",
    ),
    Row(
        "company-contact-import-template",
        lambda w: "/contacts/import/template.csv",
        only(EDITORS, 403),
    ),
    Row(
        "company-contact-duplicates", lambda w: "/contacts/duplicates/", coordinator(200, 403, 403)
    ),
    Row(
        "company-contact-merge",
        lambda w: "/contacts/duplicates/merge/",
        coordinator(302, 403, 403),
        method="post",
        data=lambda w: {"keep": w.company_contact.pk, "fold": w.twin_contact.pk},
    ),
    Row(
        "company-contact-merge-undo",
        lambda w: f"/contacts/merges/{w.contact_merge.pk}/undo/",
        coordinator(302, 403, 403),
        method="post",
    ),
    Row(
        "object-history",
        lambda w: f"/history/contacts/contact/{w.company_contact.pk}/",
        only(WINDSOR_AND_CAROL, 404),
    ),
    Row(
        "object-history",
        lambda w: f"/history/contacts/touch/{w.touch.pk}/",
        participants(200, 404),
    ),
]


# The contacts API: what the pages allow, with 401 for the anonymous and 201 on a create.
PEOPLE = "/api/v1/company-contacts"
API_WRITERS = {"alice": 201, "bob": 201, "carol": 201}

CONTACT_API: list[Row] = [
    Row(f"GET {PEOPLE}", lambda w: f"{PEOPLE}?q=matrix&role=other", everyone(200, anonymous=401)),
    Row(
        f"GET {PEOPLE}/{{contact_id}}",
        lambda w: f"{PEOPLE}/{w.company_contact.pk}",
        only({**WINDSOR_AND_CAROL, "dave": 403}, 404, anonymous=401),
    ),
    Row(
        f"GET {PEOPLE}/{{contact_id}}",
        lambda w: f"{PEOPLE}/{w.shared_contact.pk}",
        participants(200, 403, anonymous=401),
    ),
    Row(
        f"POST {PEOPLE}",
        lambda w: PEOPLE,
        only(API_WRITERS, 403, anonymous=401),
        method="post",
        data=lambda w: {"company_id": w.company.pk, "name": "Api Person", "role": "hr"},
    ),
    Row(
        f"PATCH {PEOPLE}/{{contact_id}}",
        lambda w: f"{PEOPLE}/{w.company_contact.pk}",
        only({"alice": 200, "carol": 200, "erin": 403, "dave": 403}, 404, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.company_contact.version, "title": "Edited"},
    ),
    Row(
        "GET /api/v1/touches",
        lambda w: f"/api/v1/touches?facility={w.facility.pk}&kind=phone",
        everyone(200, anonymous=401),
    ),
    Row(
        "GET /api/v1/touches/{touch_id}",
        lambda w: f"/api/v1/touches/{w.touch.pk}",
        participants(200, 403, anonymous=401),
    ),
    Row(
        "POST /api/v1/touches",
        lambda w: "/api/v1/touches",
        only(API_WRITERS, 403, anonymous=401),
        method="post",
        data=lambda w: {"facility_id": w.facility.pk, "happened_on": DAY.isoformat()},
    ),
    Row(
        "PATCH /api/v1/touches/{touch_id}",
        lambda w: f"/api/v1/touches/{w.touch.pk}",
        only({"alice": 200, "carol": 200}, 403, anonymous=401),
        method="patch",
        data=lambda w: {"version": w.touch.version, "note": "Edited"},
    ),
]
CONTACT_API_LISTS: dict[str, Any] = {PEOPLE: Contact, "/api/v1/touches": Touch}
