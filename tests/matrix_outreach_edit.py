"""Access-matrix rows for the outreach add and edit pages (views/records.py); the world
is built in tests/matrix_outreach.py. The coordinator (carol) keeps the library, the
agenda, the directory, the centre and the tours; Windsor's relationship and pilot are
edited by Windsor's editor (alice) and carol; viewers and the partner get 403 (404 for
what they may not read)."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from corridor.core.scoping import system_scope
from corridor.outreach.models import FleetPilot, Relationship
from tests.access_rows import Row, only

CAROL = only({"carol": 200}, 403)
EDITORS = only({"alice": 200, "bob": 200, "carol": 200}, 403)
WINDSOR = only({"alice": 200, "carol": 200}, 403)
SAVED = only({"alice": 302, "carol": 302}, 403)  # Windsor's record saved unchanged


def unchanged(model: type[Any], pk: int) -> dict[str, Any]:
    """The record's own values and current version, as its edit form posts them."""
    with system_scope("the access matrix posts a record back as it is"):
        obj = model.objects.get(pk=pk)
    fields = {k: v for k, v in model_to_dict(obj).items() if v is not None and v != []}
    return {**fields, "loaded_version": obj.version}


OUTREACH_EDIT_PAGES: list[Row] = [
    Row("message-create", lambda w: "/outreach/messages/new/", CAROL),
    Row("message-edit", lambda w: f"/outreach/messages/{w.message.pk}/edit/", CAROL),
    Row("ask-create", lambda w: "/outreach/agenda/asks/new/", CAROL),
    Row("ask-edit", lambda w: f"/outreach/agenda/asks/{w.ask.pk}/edit/", CAROL),
    Row("contact-create", lambda w: "/outreach/contacts/new/", CAROL),
    Row("contact-edit", lambda w: f"/outreach/contacts/{w.contact.pk}/edit/",
        {**CAROL, "dave": 404}),
    Row("relationship-create", lambda w: "/outreach/relationships/new/", EDITORS),
    Row("relationship-edit", lambda w: f"/outreach/relationships/{w.rel_a.pk}/edit/",
        {**WINDSOR, "dave": 404}),
    Row("working-group-create", lambda w: "/outreach/centre/working-groups/new/", CAROL),
    Row("working-group-edit", lambda w: f"/outreach/centre/working-groups/{w.group.pk}/edit/",
        CAROL),
    Row("partnership-create", lambda w: "/outreach/centre/partnerships/new/", CAROL),
    Row("partnership-edit",
        lambda w: f"/outreach/centre/partnerships/{w.partnership.pk}/edit/", CAROL),
    Row("tour-create", lambda w: "/outreach/visits/tours/new/", CAROL),
    Row("tour-edit", lambda w: f"/outreach/visits/tours/{w.tour.pk}/edit/", CAROL),
    Row("pilot-edit", lambda w: f"/outreach/pilots/{w.pilot_a.pk}/edit/", WINDSOR),
    Row("message-create", lambda w: "/outreach/messages/new/", only({"carol": 200}, 403),
        method="post", data=lambda w: {"title": ""}),
    Row("relationship-edit", lambda w: f"/outreach/relationships/{w.rel_a.pk}/edit/",
        {**SAVED, "dave": 404}, method="post",
        data=lambda w: unchanged(Relationship, w.rel_a.pk)),
    # bob is another municipality's editor; dave (partner) reads the shared pilot only
    Row("pilot-edit", lambda w: f"/outreach/pilots/{w.pilot_a.pk}/edit/", SAVED,
        method="post", data=lambda w: unchanged(FleetPilot, w.pilot_a.pk)),
]  # fmt: skip
