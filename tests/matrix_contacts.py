"""The contacts' part of the access matrix (see tests/test_access_matrix.py).

Windsor (alice) records an unshared person and a shared one at the matrix facility and
logs a confidential touch. Contacts and touches are for participants; an unshared
person only for Windsor's people and the coordinator; editing for Windsor's editors
and the coordinator; logging a touch for municipal editors and the coordinator.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.contacts import services
from corridor.core.history import change_context
from tests.access_rows import Row, only, participants

DAY = dt.date(2026, 10, 5)


def build_contacts(world: Any) -> None:
    with change_context(user=world.alice, source="tests"):
        world.contact = services.create_contact(
            world.alice, company=world.company, facility=world.facility, name="Matrix Person",
            phone="519-555-0100", email="matrix@example.com",
        )  # fmt: skip
        world.shared_contact = services.create_contact(
            world.alice, company=world.company, facility=world.facility, name="Shared Person",
            shared=True, shared_on=DAY,
        )  # fmt: skip
        world.touch = services.log_touch(
            world.alice, world.facility, kind="phone", happened_on=DAY,
            contacts=[world.contact], note="Matrix note",
        )  # fmt: skip


WINDSOR_AND_CAROL = {"alice": 200, "erin": 200, "carol": 200}
EDITORS = {"alice": 200, "bob": 200, "carol": 200}

CONTACT_PAGES: list[Row] = [
    Row("company-contact-list", lambda w: "/contacts/", participants(200, 403)),
    Row("company-contact-list", lambda w: "/contacts/?q=matrix&role=other", participants(200, 403)),
    Row(
        "company-contact-detail",
        lambda w: f"/contacts/{w.contact.pk}/",
        only({**WINDSOR_AND_CAROL, "dave": 403}, 404),
    ),
    Row(
        "company-contact-detail",
        lambda w: f"/contacts/{w.shared_contact.pk}/",
        participants(200, 403),
    ),
    Row(
        "company-contact-edit",
        lambda w: f"/contacts/{w.contact.pk}/edit/",
        only({"alice": 200, "carol": 200, "erin": 403, "dave": 403}, 404),
    ),
    Row(
        "company-contact-edit",
        lambda w: f"/contacts/{w.shared_contact.pk}/edit/",
        only({"alice": 200, "carol": 200, "dave": 403}, 403),
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
    Row(
        "object-history",
        lambda w: f"/history/contacts/contact/{w.contact.pk}/",
        only(WINDSOR_AND_CAROL, 404),
    ),
    Row(
        "object-history",
        lambda w: f"/history/contacts/touch/{w.touch.pk}/",
        participants(200, 404),
    ),
]


# The contacts API (filled in with the endpoints).
CONTACT_API: list[Row] = []
CONTACT_API_LISTS: dict[str, Any] = {}
